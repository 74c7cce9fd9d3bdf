{
  "targets": [
    {
      "target_name": "planar_wayland",
      "sources": [
        "native/addon.cc", "native/connection.cc", "native/window.cc", "native/subsurface.cc",
        "native/shm-buffer.cc", "native/seat.cc", "native/keyboard.cc",
        "native/dmabuf-feedback.cc", "native/drm-device.cc", "native/dmabuf-buffer.cc",
        "native/text-input.cc", "native/clipboard.cc", "native/pipe-io.cc",
        "<!@(node scripts/protocols.mjs)"
      ],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")", "build/protocols", "../native-core/include"],
      "dependencies": ["<!(node -p \"require('node-addon-api').targets\"):node_addon_api_except"],
      "cflags": ["-fvisibility=hidden", "<!@(pkg-config --cflags wayland-client wayland-cursor xkbcommon libdrm)"],
      "cflags_cc": ["-std=c++17", "-fvisibility=hidden", "<!@(pkg-config --cflags wayland-client wayland-cursor xkbcommon libdrm)"],
      "libraries": ["<!@(pkg-config --libs wayland-client wayland-cursor xkbcommon)"],
      "conditions": [
        ["'<!(pkg-config --exists gbm && echo yes || echo no)'=='yes'", {
          "defines": ["PLANAR_HAVE_GBM"],
          "cflags_cc": ["<!@(pkg-config --cflags gbm)"],
          "libraries": ["<!@(pkg-config --libs gbm)"]
        }]
      ]
    }
  ]
}
