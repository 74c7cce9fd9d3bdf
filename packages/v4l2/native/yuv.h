// YUV frames (YUYV, NV12) to XRGB8888 on the CPU, bit for bit what yuvToXrgb in ../src/yuv.ts
// computes; how, and why it is fast, is told at the top of yuv.cc. No JS here: convert.cc
// checks the arguments and calls in.
#pragma once

#include <cstdint>

namespace planar {

enum class YuvFourcc { kYuyv, kNv12 };
enum class YuvMatrix { kBt601, kBt709 };

// A frame's layout in memory, and the matrix that turns it into RGB.
struct YuvLayout {
  YuvFourcc fourcc;
  uint32_t width;
  uint32_t height;
  uint32_t stride;  // bytes per row (of the Y plane, for NV12)
  YuvMatrix matrix;
};

// How many bytes of a frame the conversion reads, from its first: through the last row's last
// U, V (NV12: its chroma plane's last row), which an odd width reads one pixel past the picture.
uint64_t YuvSourceBytes(const YuvLayout& layout);

// Converts the frame in `source` (YuvSourceBytes long) into `target`: width * height 32-bit
// little-endian words 0xFFRRGGBB, rows packed. `target` needs no alignment.
void YuvToXrgb(const YuvLayout& layout, const uint8_t* source, uint8_t* target);

}  // namespace planar
