// The copy at the end of every frame: the damaged rectangles of the renderer's RGBA rows
// (premultiplied, in the wasm heap) into a mapped buffer the display reads.
//
//   1. ReadDamageCopy takes the arguments of `write(source, sourceStride, rects, swapRB)`:
//      rects as an Int32Array of [x, y, width, height]*, clipped to the buffer and sorted by
//      row, and checked against the source's length before a single byte is written (a bad
//      call throws and leaves the buffer as it was).
//   2. CopyDamage writes each rect's rows in order, top to bottom. Each destination byte is
//      written once and never read: the mapping may be write-combined (a DRM dumb buffer),
//      where reads are very slow and scattered writes defeat the combining.
//   3. swapRB turns RGBA into BGRA on the way (XRGB8888/ARGB8888 outputs) with one 32-bit
//      mask-and-shift per pixel; alpha and green stay where they are.
#pragma once

#include <napi.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace planar {

struct PixelRect {
  int32_t x, y, width, height;
};

struct DamageCopy {
  const uint8_t* source = nullptr;
  size_t source_stride = 0;
  std::vector<PixelRect> rects;
  bool swap_rb = false;
};

// Reads and checks write()'s arguments for a buffer of width x height; `buffer` names it in errors.
inline DamageCopy ReadDamageCopy(const Napi::CallbackInfo& info, int32_t width, int32_t height, const std::string& buffer) {
  auto env = info.Env();
  if (!info[0].IsTypedArray() || info[0].As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array || !info[2].IsTypedArray() ||
      info[2].As<Napi::TypedArray>().TypedArrayType() != napi_int32_array) {
    throw Napi::TypeError::New(env, "write to " + buffer + ": expected (source: Uint8Array, sourceStride: number, rects: Int32Array, swapRB: boolean)");
  }
  auto source = info[0].As<Napi::Uint8Array>();
  auto packed = info[2].As<Napi::Int32Array>();
  DamageCopy copy;
  copy.source = source.Data();
  copy.source_stride = info[1].As<Napi::Number>().Uint32Value();
  copy.swap_rb = info[3].ToBoolean();
  for (size_t i = 0; i + 3 < packed.ElementLength(); i += 4) {
    int64_t left = std::max<int64_t>(0, packed[i]), top = std::max<int64_t>(0, packed[i + 1]);
    int64_t right = std::min<int64_t>(width, int64_t{packed[i]} + packed[i + 2]);
    int64_t bottom = std::min<int64_t>(height, int64_t{packed[i + 1]} + packed[i + 3]);
    if (right <= left || bottom <= top) continue;
    copy.rects.push_back({static_cast<int32_t>(left), static_cast<int32_t>(top), static_cast<int32_t>(right - left), static_cast<int32_t>(bottom - top)});
  }
  std::sort(copy.rects.begin(), copy.rects.end(), [](const PixelRect& a, const PixelRect& b) { return a.y != b.y ? a.y < b.y : a.x < b.x; });
  for (const auto& r : copy.rects) {
    size_t end = static_cast<size_t>(r.y + r.height - 1) * copy.source_stride + static_cast<size_t>(r.x + r.width) * 4;
    if (end > source.ByteLength()) {
      throw Napi::RangeError::New(env, "write to " + buffer + ": the rect " + std::to_string(r.width) + "x" + std::to_string(r.height) + " at " +
                                           std::to_string(r.x) + "," + std::to_string(r.y) + " reaches past the source pixels (" +
                                           std::to_string(source.ByteLength()) + " bytes at stride " + std::to_string(copy.source_stride) + ")");
    }
  }
  return copy;
}

// Copies the rects into `target` (rows of `target_stride` bytes); returns the bytes written.
inline size_t CopyDamage(const DamageCopy& copy, uint8_t* target, size_t target_stride) {
  size_t bytes = 0;
  for (const auto& r : copy.rects) {
    size_t row_bytes = static_cast<size_t>(r.width) * 4;
    for (int32_t row = r.y; row < r.y + r.height; row++) {
      const uint8_t* from = copy.source + row * copy.source_stride + static_cast<size_t>(r.x) * 4;
      uint8_t* to = target + row * target_stride + static_cast<size_t>(r.x) * 4;
      if (!copy.swap_rb) {
        std::memcpy(to, from, row_bytes);
        continue;
      }
      for (int32_t i = 0; i < r.width; i++) {
        uint32_t v;
        std::memcpy(&v, from + i * 4, 4);
        v = (v & 0xff00ff00u) | ((v & 0xffu) << 16) | ((v >> 16) & 0xffu);
        std::memcpy(to + i * 4, &v, 4);
      }
    }
    bytes += row_bytes * r.height;
  }
  return bytes;
}

}  // namespace planar
