// Pixel format codes between V4L2's u32 and the four characters JS names them by.
//
// V4L2 packs a code little-endian: 'XR24' is 'X' | 'R' << 8 | '2' << 16 | '4' << 24. A few
// formats set bit 31 to mean "big-endian variant" (v4l2_fourcc_be, e.g. ARGB555X), which puts
// 0x80 on the fourth character; those come out as that Latin-1 character ('AR1' + U+00B5), so
// every code the kernel lists round-trips through its string.
#pragma once

#include <napi.h>

#include <cstdint>
#include <string>

namespace planar {

inline Napi::String FourccString(Napi::Env env, uint32_t code) {
  std::u16string name;
  for (int shift = 0; shift < 32; shift += 8) name.push_back(static_cast<char16_t>((code >> shift) & 0xff));
  return Napi::String::New(env, name);
}

// The code of a four-character string; a TypeError naming `call` for anything else.
inline uint32_t ParseFourcc(const Napi::Value& value, const std::string& call) {
  auto env = value.Env();
  auto fail = [&](const std::string& got) {
    return Napi::TypeError::New(env, call + ": a pixel format is four characters such as 'XR24', 'YUYV' or 'NV12', not " + got);
  };
  if (!value.IsString()) throw fail("a " + std::string(value.IsNumber() ? "number" : "non-string value"));
  auto name = value.As<Napi::String>().Utf16Value();
  auto quoted = "'" + value.As<Napi::String>().Utf8Value() + "'";
  if (name.size() != 4) throw fail(quoted);
  uint32_t code = 0;
  for (int i = 0; i < 4; i++) {
    char16_t c = name[i];
    bool printable = c >= 0x20 && c < 0x7f;
    bool big_endian_mark = i == 3 && c >= 0xa0 && c < 0xff;
    if (!printable && !big_endian_mark) throw fail(quoted);
    code |= static_cast<uint32_t>(c) << (8 * i);
  }
  return code;
}

}  // namespace planar
