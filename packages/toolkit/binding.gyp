{
  "targets": [
    {
      "target_name": "planar_fonts",
      "sources": [
        "native/fontscan.cc"
      ],
      "include_dirs": [
        "<!(node -p \"require('node-addon-api').include_dir\")"
      ],
      "dependencies": [
        "<!(node -p \"require('node-addon-api').targets\"):node_addon_api_except"
      ],
      "cflags_cc": [
        "-std=c++17",
        "<!@(pkg-config --cflags freetype2)"
      ],
      "libraries": [
        "<!@(pkg-config --libs freetype2)"
      ],
      "xcode_settings": {
        "CLANG_CXX_LANGUAGE_STANDARD": "c++17",
        "OTHER_CPLUSPLUSFLAGS": [
          "<!@(pkg-config --cflags freetype2)"
        ]
      }
    },
    {
      "target_name": "planar_memory",
      "sources": [
        "native/memory.cc"
      ],
      "include_dirs": [
        "<!(node -p \"require('node-addon-api').include_dir\")"
      ],
      "dependencies": [
        "<!(node -p \"require('node-addon-api').targets\"):node_addon_api_except"
      ],
      "cflags_cc": [
        "-std=c++17"
      ],
      "xcode_settings": {
        "CLANG_CXX_LANGUAGE_STANDARD": "c++17"
      }
    }
  ]
}
