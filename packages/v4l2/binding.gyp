{
  "targets": [
    {
      "target_name": "planar_v4l2",
      "sources": ["native/addon.cc", "native/device.cc", "native/buffers.cc", "native/watch.cc", "native/convert.cc", "native/yuv.cc"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")", "../native-core/include"],
      "dependencies": ["<!(node -p \"require('node-addon-api').targets\"):node_addon_api_except"],
      "cflags": ["-Wall", "-fvisibility=hidden"],
      "cflags_cc": ["-Wall", "-std=c++17", "-fvisibility=hidden"],
      "ldflags": ["-Wl,-z,now"]
    }
  ]
}
