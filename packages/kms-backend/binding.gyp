{
  "targets": [
    {
      "target_name": "planar_kms",
      "sources": [
        "native/addon.cc", "native/device.cc", "native/dumb-buffer.cc",
        "native/fence.cc", "native/vt.cc", "native/input.cc", "native/keyboard.cc"
      ],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "dependencies": ["<!(node -p \"require('node-addon-api').targets\"):node_addon_api_except"],
      "cflags": ["<!@(pkg-config --cflags libdrm libinput libudev xkbcommon)"],
      "cflags_cc": ["-std=c++17", "<!@(pkg-config --cflags libdrm libinput libudev xkbcommon)"],
      "libraries": ["<!@(pkg-config --libs libdrm libinput libudev xkbcommon)"]
    }
  ]
}
