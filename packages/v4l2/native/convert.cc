// convertYuv(source, target, layout) and V4l2Device.convertBuffer(index, target, layout): the JS
// face of yuv.cc. The layout { fourcc, width, height, stride, matrix } is checked, then held up
// against the bytes at hand before one is read: a source shorter than the frame the layout
// describes, or a target smaller than its picture, is an error naming the argument, the bytes it
// needs and the bytes it has. convertBuffer reads the frame straight from the buffer's mapping,
// from the frame's start (its data offset) to the mapping's end, which stands in for the source.
#include <cmath>
#include <string>

#include "device.h"
#include "yuv.h"

namespace planar {

namespace {

// A JS value as a message shows it: strings quoted, numbers as JS prints them.
std::string Shown(const Napi::Value& value) {
  if (value.IsString()) return "'" + value.As<Napi::String>().Utf8Value() + "'";
  if (value.IsNumber() || value.IsBoolean() || value.IsUndefined() || value.IsNull()) return value.ToString().Utf8Value();
  return value.IsObject() ? "an object" : "a symbol";
}

uint32_t WholeNumber(const Napi::Object& layout, const char* name, const char* unit, double min, double max, const std::string& call) {
  auto value = layout.Get(name);
  double number = value.IsNumber() ? value.As<Napi::Number>().DoubleValue() : NAN;
  if (!(number >= min && number <= max) || std::floor(number) != number) {
    throw Napi::TypeError::New(layout.Env(), call + ": layout." + name + " must be a whole number of " + unit + " from " + std::to_string(static_cast<int64_t>(min)) +
        " to " + std::to_string(static_cast<int64_t>(max)) + ", not " + Shown(value));
  }
  return static_cast<uint32_t>(number);
}

// One of two names; a TypeError listing both otherwise.
bool IsFirstOf(const Napi::Object& layout, const char* name, const char* first, const char* second, const std::string& call) {
  auto value = layout.Get(name);
  std::string text = value.IsString() ? value.As<Napi::String>().Utf8Value() : "";
  if (value.IsString() && (text == first || text == second)) return text == first;
  throw Napi::TypeError::New(layout.Env(), call + ": layout." + name + " must be '" + first + "' or '" + second + "', not " + Shown(value));
}

const char* FourccName(const YuvLayout& layout) { return layout.fourcc == YuvFourcc::kYuyv ? "YUYV" : "NV12"; }

YuvLayout ParseLayout(const Napi::Value& value, const std::string& call) {
  auto env = value.Env();
  if (!value.IsObject()) {
    throw Napi::TypeError::New(env, call + ": layout must be an object { fourcc, width, height, stride, matrix }, not " + Shown(value));
  }
  auto object = value.As<Napi::Object>();
  YuvLayout layout{};
  layout.fourcc = IsFirstOf(object, "fourcc", "YUYV", "NV12", call) ? YuvFourcc::kYuyv : YuvFourcc::kNv12;
  layout.width = WholeNumber(object, "width", "pixels", 1, 65535, call);
  layout.height = WholeNumber(object, "height", "pixels", 1, 65535, call);
  layout.stride = WholeNumber(object, "stride", "bytes", 1, 4294967295.0, call);
  layout.matrix = IsFirstOf(object, "matrix", "bt601", "bt709", call) ? YuvMatrix::kBt601 : YuvMatrix::kBt709;
  uint64_t row = layout.fourcc == YuvFourcc::kYuyv ? uint64_t{layout.width} * 2 : layout.width;
  if (layout.stride < row) {
    throw Napi::RangeError::New(env, call + ": layout.stride is " + std::to_string(layout.stride) + " bytes, but a row of " + std::to_string(layout.width) + " " +
        FourccName(layout) + " pixels takes " + std::to_string(row) + (layout.fourcc == YuvFourcc::kYuyv ? " (2 bytes a pixel)" : " (1 byte a pixel of Y)"));
  }
  return layout;
}

Napi::Uint8Array Bytes(const Napi::Value& value, const char* name, const std::string& call) {
  if (!value.IsTypedArray() || value.As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
    throw Napi::TypeError::New(value.Env(), call + ": " + name + " must be a Uint8Array, not " + Shown(value));
  }
  return value.As<Napi::Uint8Array>();
}

std::string FrameName(const YuvLayout& layout) {
  return "a " + std::to_string(layout.width) + "x" + std::to_string(layout.height) + " " + FourccName(layout) + " frame with a stride of " +
      std::to_string(layout.stride);
}

// A RangeError unless `bytes` hold the frame; `holder` names them ("source", "buffer 1 of …").
void CheckSource(Napi::Env env, const YuvLayout& layout, size_t bytes, const std::string& holder, const std::string& call) {
  uint64_t needed = YuvSourceBytes(layout);
  if (bytes < needed) {
    throw Napi::RangeError::New(env, call + ": " + holder + " holds " + std::to_string(bytes) + " bytes, but " + FrameName(layout) + " needs " + std::to_string(needed));
  }
}

void CheckTarget(Napi::Env env, const YuvLayout& layout, const Napi::Uint8Array& target, const std::string& call) {
  uint64_t needed = uint64_t{layout.width} * layout.height * 4;
  if (target.ByteLength() < needed) {
    throw Napi::RangeError::New(env, call + ": target holds " + std::to_string(target.ByteLength()) + " bytes, but " + std::to_string(layout.width) + "x" +
        std::to_string(layout.height) + " XRGB8888 pixels need " + std::to_string(needed) + " (width * height * 4)");
  }
}

}  // namespace

Napi::Value ConvertYuv(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  const std::string call = "convertYuv";
  auto source = Bytes(info[0], "source", call);
  auto target = Bytes(info[1], "target", call);
  auto layout = ParseLayout(info[2], call);
  CheckSource(env, layout, source.ByteLength(), "source", call);
  CheckTarget(env, layout, target, call);
  const uint8_t* in = source.Data();
  uint8_t* out = target.Data();
  if (in < out + target.ByteLength() && out < in + source.ByteLength()) {
    throw Napi::RangeError::New(env, call + ": source and target share memory; convert into a separate array");
  }
  YuvToXrgb(layout, in, out);
  return env.Undefined();
}

// convertBuffer(index, target, layout): buffer `index`'s frame, read from its mapping.
Napi::Value V4l2Device::ConvertBuffer(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  const std::string call = "convertBuffer";
  CheckOpen(env);
  auto& buffer = BufferAt(info[0], call);
  auto target = Bytes(info[1], "target", call);
  auto layout = ParseLayout(info[2], call);
  auto holder = "buffer " + std::to_string(info[0].As<Napi::Number>().Uint32Value()) + " of " + path_;
  CheckSource(env, layout, buffer.frame_size(), holder, call);
  CheckTarget(env, layout, target, call);
  YuvToXrgb(layout, buffer.frame(), target.Data());
  return env.Undefined();
}

}  // namespace planar
