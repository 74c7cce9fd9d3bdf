{
  "targets": [
    {
      "target_name": "planar_kms",
      "sources": [
        "native/addon.cc", "native/device.cc", "native/resources.cc", "native/dumb-buffer.cc",
        "native/fence.cc", "native/vt.cc", "native/seat.cc", "native/input.cc", "native/udev-check.cc", "native/keyboard.cc"
      ],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")", "../native-core/include"],
      "dependencies": ["<!(node -p \"require('node-addon-api').targets\"):node_addon_api_except"],
      "cflags": ["-fvisibility=hidden", "<!@(pkg-config --cflags libdrm libinput libudev xkbcommon libseat)"],
      "cflags_cc": ["-std=c++17", "-fvisibility=hidden", "<!@(pkg-config --cflags libdrm libinput libudev xkbcommon libseat)"],
      "libraries": ["<!@(pkg-config --libs libdrm libinput libudev xkbcommon libseat)"],
      "ldflags": ["-Wl,-z,now"]
    }
  ]
}
