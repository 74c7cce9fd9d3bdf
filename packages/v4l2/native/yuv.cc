// YUV to XRGB8888, the per-pixel work of a camera's frame, in one pass.
//
// The arithmetic is yuvToXrgb's in ../src/yuv.ts to the bit, so a frame looks the same whichever
// side converts it. Limited range (Y 16–235, U/V 16–240), coefficients scaled by 1024:
//
//   c = 1192 * (Y - 16)    d = U - 128    e = V - 128
//   R = clamp((c + rv * e + 512) >> 10)
//   G = clamp((c - gu * d - gv * e + 512) >> 10)
//   B = clamp((c + bu * d + 512) >> 10)
//
// with (rv, gu, gv, bu) = (1634, 401, 832, 2066) for BT.601 and (1836, 218, 546, 2163) for
// BT.709. Every sum stays within ±600,000, so int32 holds it as JS's int32 `>>` does, and `>>`
// on a negative int32 is the same arithmetic shift here (GCC and Clang define it so; C++20
// requires it). The 512 is added to the chroma terms before the luma: the same integers in
// another order, so the same result.
//
// Why it is fast:
//   1. Chroma is shared by a pair of pixels in both layouts (YUYV: Y0 U Y1 V; NV12: one U, V
//      pair for two pixels of a row), so each row is walked a pair at a time and the three
//      chroma terms are computed once for two pixels.
//   2. The format and the matrix are chosen once a frame, not once a pixel: one loop per
//      layout, the coefficients held in locals, no call through a pointer and no branch in the
//      inner loop. An odd width's last pixel (which takes its pair's U and V, as in JS) is done
//      after the loop.
//   3. The clamp is a min and a max, which compile to branch-free instructions, so the
//      compiler (-O3, node-gyp's Release default) vectorises a row, several pixels a step with
//      SSE2 or NEON. Y - 16, U - 128, V - 128 and the coefficients are int16, their products
//      int32: a widening 16-bit multiply, which SSE2 has (it has no 32-bit one) and NEON too.
//   4. Each word is stored with memcpy, so a target at any byte offset works and the store is
//      still one instruction. The words are 0xFFRRGGBB in the machine's order, which is the
//      bytes B, G, R, 255 only on a little-endian machine: the assertion below stops a build
//      anywhere else.
//
// Rows: YUYV row r starts at r * stride. NV12's Y row r starts at r * stride, and its chroma
// row (r / 2, shared by rows 2k and 2k + 1) at stride * height + (r / 2) * stride.
#include "yuv.h"

#include <algorithm>
#include <cstring>

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "XRGB8888 words are written in the machine's byte order, which must be little-endian");

namespace planar {

namespace {

struct Coefficients {
  int16_t rv, gu, gv, bu;
};
constexpr Coefficients kBt601{1634, 401, 832, 2066};
constexpr Coefficients kBt709{1836, 218, 546, 2163};
constexpr int16_t kYScale = 1192;

// The chroma terms of one U, V pair, each with the rounding's 512.
struct Chroma {
  int32_t r, g, b;
};

inline Chroma ChromaOf(int16_t u, int16_t v, const Coefficients& m) {
  int16_t d = static_cast<int16_t>(u - 128);
  int16_t e = static_cast<int16_t>(v - 128);
  return {int32_t{m.rv} * e + 512, 512 - int32_t{m.gu} * d - int32_t{m.gv} * e, int32_t{m.bu} * d + 512};
}

inline uint32_t Channel(int32_t sum) { return static_cast<uint32_t>(std::min(std::max(sum >> 10, 0), 255)); }

inline void StorePixel(uint8_t* out, int16_t y, const Chroma& chroma) {
  int32_t c = int32_t{kYScale} * static_cast<int16_t>(y - 16);
  uint32_t word = 0xff000000u | Channel(c + chroma.r) << 16 | Channel(c + chroma.g) << 8 | Channel(c + chroma.b);
  std::memcpy(out, &word, sizeof word);
}

// One row of YUYV: `in` at the row's first byte, `out` at its first pixel.
void YuyvRow(const uint8_t* __restrict in, uint8_t* __restrict out, uint32_t width, Coefficients m) {
  size_t pairs = width / 2;
  for (size_t p = 0; p < pairs; p++) {
    const uint8_t* quad = in + 4 * p;
    Chroma chroma = ChromaOf(quad[1], quad[3], m);
    StorePixel(out + 8 * p, quad[0], chroma);
    StorePixel(out + 8 * p + 4, quad[2], chroma);
  }
  if (width & 1) {
    const uint8_t* quad = in + 4 * pairs;
    StorePixel(out + 8 * pairs, quad[0], ChromaOf(quad[1], quad[3], m));
  }
}

// One row of NV12: its Y row, the U, V row it shares with its neighbour, its output row.
void Nv12Row(const uint8_t* __restrict luma, const uint8_t* __restrict uv, uint8_t* __restrict out, uint32_t width, Coefficients m) {
  size_t pairs = width / 2;
  for (size_t p = 0; p < pairs; p++) {
    Chroma chroma = ChromaOf(uv[2 * p], uv[2 * p + 1], m);
    StorePixel(out + 8 * p, luma[2 * p], chroma);
    StorePixel(out + 8 * p + 4, luma[2 * p + 1], chroma);
  }
  if (width & 1) StorePixel(out + 8 * pairs, luma[2 * pairs], ChromaOf(uv[2 * pairs], uv[2 * pairs + 1], m));
}

}  // namespace

uint64_t YuvSourceBytes(const YuvLayout& layout) {
  uint64_t stride = layout.stride;
  uint64_t pairs = (layout.width + 1ull) / 2;  // an odd last pixel reads its pair's U and V
  if (layout.fourcc == YuvFourcc::kYuyv) return stride * (layout.height - 1) + 4 * pairs;
  uint64_t chroma_rows = (layout.height + 1ull) / 2;
  return stride * layout.height + stride * (chroma_rows - 1) + 2 * pairs;
}

void YuvToXrgb(const YuvLayout& layout, const uint8_t* source, uint8_t* target) {
  const Coefficients m = layout.matrix == YuvMatrix::kBt601 ? kBt601 : kBt709;
  const size_t stride = layout.stride;
  const size_t out_stride = size_t{layout.width} * 4;
  if (layout.fourcc == YuvFourcc::kYuyv) {
    for (size_t row = 0; row < layout.height; row++) YuyvRow(source + row * stride, target + row * out_stride, layout.width, m);
    return;
  }
  const uint8_t* chroma = source + stride * layout.height;
  for (size_t row = 0; row < layout.height; row++) {
    Nv12Row(source + row * stride, chroma + (row / 2) * stride, target + row * out_stride, layout.width, m);
  }
}

}  // namespace planar
