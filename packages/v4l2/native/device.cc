// A V4L2 capture device: opening it, what it can do, and its format.
//
// The node is opened O_NONBLOCK, so no ioctl here ever waits for a frame and the JS thread
// never blocks; VIDIOC_QUERYCAP right after the open tells a V4L2 node from any other file,
// and its caps choose single- or multi-planar capture (planes.h). Enumerations (formats,
// frame sizes) ask index 0, 1, 2… until the driver answers EINVAL. The format requested is
// progressive (V4L2_FIELD_NONE) and the driver may adjust any of it: what it chose is returned.
// close() (and the destructor, for a device JS forgot) stops the poll and the stream, frees
// the buffers and closes the node, in that order.
#include "device.h"

#include <fcntl.h>
#include <sys/ioctl.h>

#include <cerrno>
#include <cmath>
#include <cstring>

#include "fourcc.h"
#include "planes.h"
#include "planar/errors.h"

namespace planar {

namespace {

std::string Text(const __u8* chars, size_t size) {
  return std::string(reinterpret_cast<const char*>(chars), strnlen(reinterpret_cast<const char*>(chars), size));
}

Napi::Object FormatObject(Napi::Env env, const v4l2_format& chosen) {
  auto fields = FieldsOf(chosen);
  auto format = Napi::Object::New(env);
  format.Set("width", Napi::Number::New(env, fields.width));
  format.Set("height", Napi::Number::New(env, fields.height));
  format.Set("fourcc", FourccString(env, fields.fourcc));
  format.Set("bytesPerLine", Napi::Number::New(env, fields.bytes_per_line));
  format.Set("sizeImage", Napi::Number::New(env, fields.size_image));
  return format;
}

uint32_t Dimension(const Napi::Object& request, const char* name) {
  auto value = request.Get(name);
  double number = value.IsNumber() ? value.As<Napi::Number>().DoubleValue() : -1;
  if (number < 1 || number > 65535 || std::floor(number) != number) {
    throw Napi::TypeError::New(request.Env(), std::string("setFormat: ") + name + " must be a whole number of pixels from 1 to 65535");
  }
  return static_cast<uint32_t>(number);
}

}  // namespace

Napi::Function V4l2Device::Define(Napi::Env env) {
  return DefineClass(env, "V4l2Device", {
    InstanceAccessor("path", &V4l2Device::Path, nullptr),
    InstanceMethod("capability", &V4l2Device::Capability),
    InstanceMethod("formats", &V4l2Device::Formats),
    InstanceMethod("frameSizes", &V4l2Device::FrameSizes),
    InstanceMethod("getFormat", &V4l2Device::GetFormat),
    InstanceMethod("setFormat", &V4l2Device::SetFormat),
    InstanceMethod("setFrameRate", &V4l2Device::SetFrameRate),
    InstanceMethod("requestBuffers", &V4l2Device::RequestBuffers),
    InstanceMethod("exportBuffer", &V4l2Device::ExportBuffer),
    InstanceMethod("readBuffer", &V4l2Device::ReadBuffer),
    InstanceMethod("convertBuffer", &V4l2Device::ConvertBuffer),
    InstanceMethod("queue", &V4l2Device::Queue),
    InstanceMethod("dequeue", &V4l2Device::Dequeue),
    InstanceMethod("streamOn", &V4l2Device::StreamOn),
    InstanceMethod("streamOff", &V4l2Device::StreamOff),
    InstanceMethod("watch", &V4l2Device::Watch),
    InstanceMethod("unwatch", &V4l2Device::Unwatch),
    InstanceMethod("close", &V4l2Device::Close),
  });
}

// new V4l2Device(path): opens the node and checks that it speaks V4L2.
V4l2Device::V4l2Device(const Napi::CallbackInfo& info) : Napi::ObjectWrap<V4l2Device>(info) {
  auto env = info.Env();
  if (!info[0].IsString()) throw Napi::TypeError::New(env, "new V4l2Device(path): path must be a device node's path such as '/dev/video0'");
  path_ = info[0].As<Napi::String>().Utf8Value();
  fd_.Reset(open(path_.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC));
  if (!fd_.valid()) throw ErrnoError(env, "cannot open " + path_);
  if (Xioctl(fd_.get(), VIDIOC_QUERYCAP, &cap_) < 0) {
    int err = errno;
    fd_.Reset();
    if (err == ENOTTY) throw ErrnoError(env, path_ + " is not a V4L2 device", err);
    throw ErrnoError(env, "cannot query the capabilities of " + path_, err);
  }
  type_ = CaptureType(NodeCaps(cap_));
  context_ = std::make_unique<Napi::AsyncContext>(env, "planar-v4l2-device");
}

V4l2Device::~V4l2Device() { Shutdown(); }

void V4l2Device::CheckOpen(Napi::Env env) const {
  if (!fd_.valid()) throw Napi::Error::New(env, path_ + " is closed");
}

Napi::Value V4l2Device::Path(const Napi::CallbackInfo& info) { return Napi::String::New(info.Env(), path_); }

Napi::Value V4l2Device::Capability(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  CheckOpen(env);
  uint32_t caps = NodeCaps(cap_);
  auto capability = Napi::Object::New(env);
  capability.Set("driver", Text(cap_.driver, sizeof cap_.driver));
  capability.Set("card", Text(cap_.card, sizeof cap_.card));
  capability.Set("busInfo", Text(cap_.bus_info, sizeof cap_.bus_info));
  capability.Set("deviceCaps", Napi::Number::New(env, caps));
  capability.Set("capture", Napi::Boolean::New(env, caps & (V4L2_CAP_VIDEO_CAPTURE | V4L2_CAP_VIDEO_CAPTURE_MPLANE)));
  capability.Set("multiplanar", Napi::Boolean::New(env, IsMultiplanar(type_)));
  capability.Set("streaming", Napi::Boolean::New(env, caps & V4L2_CAP_STREAMING));
  return capability;
}

Napi::Value V4l2Device::Formats(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  CheckOpen(env);
  auto list = Napi::Array::New(env);
  for (uint32_t index = 0;; index++) {
    v4l2_fmtdesc desc{};
    desc.index = index;
    desc.type = type_;
    if (Xioctl(fd_.get(), VIDIOC_ENUM_FMT, &desc) < 0) {
      if (errno == EINVAL) break;
      throw ErrnoError(env, "cannot list the formats of " + path_);
    }
    if (FindMultiBuffer(desc.pixelformat)) continue;  // One frame, one buffer: see planes.h.
    auto entry = Napi::Object::New(env);
    entry.Set("fourcc", FourccString(env, desc.pixelformat));
    entry.Set("description", Text(desc.description, sizeof desc.description));
    entry.Set("compressed", Napi::Boolean::New(env, desc.flags & V4L2_FMT_FLAG_COMPRESSED));
    entry.Set("emulated", Napi::Boolean::New(env, desc.flags & V4L2_FMT_FLAG_EMULATED));
    list.Set(list.Length(), entry);
  }
  return list;
}

Napi::Value V4l2Device::FrameSizes(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  CheckOpen(env);
  uint32_t fourcc = ParseFourcc(info[0], "frameSizes");
  auto list = Napi::Array::New(env);
  for (uint32_t index = 0;; index++) {
    v4l2_frmsizeenum size{};
    size.index = index;
    size.pixel_format = fourcc;
    if (Xioctl(fd_.get(), VIDIOC_ENUM_FRAMESIZES, &size) < 0) {
      // EINVAL: past the last size, or a format the device does not have; ENOTTY: a driver that lists none.
      if (errno == EINVAL || (errno == ENOTTY && index == 0)) break;
      throw ErrnoError(env, "cannot list the frame sizes of " + path_);
    }
    auto entry = Napi::Object::New(env);
    if (size.type == V4L2_FRMSIZE_TYPE_DISCRETE) {
      entry.Set("kind", "discrete");
      entry.Set("width", Napi::Number::New(env, size.discrete.width));
      entry.Set("height", Napi::Number::New(env, size.discrete.height));
      list.Set(index, entry);
      continue;
    }
    const auto& range = size.stepwise;
    entry.Set("kind", size.type == V4L2_FRMSIZE_TYPE_CONTINUOUS ? "continuous" : "stepwise");
    entry.Set("minWidth", Napi::Number::New(env, range.min_width));
    entry.Set("maxWidth", Napi::Number::New(env, range.max_width));
    entry.Set("stepWidth", Napi::Number::New(env, range.step_width));
    entry.Set("minHeight", Napi::Number::New(env, range.min_height));
    entry.Set("maxHeight", Napi::Number::New(env, range.max_height));
    entry.Set("stepHeight", Napi::Number::New(env, range.step_height));
    list.Set(index, entry);
    break;  // A range is the only answer.
  }
  return list;
}

Napi::Value V4l2Device::GetFormat(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  CheckOpen(env);
  v4l2_format format{};
  format.type = type_;
  if (Xioctl(fd_.get(), VIDIOC_G_FMT, &format) < 0) throw ErrnoError(env, "cannot read the format of " + path_);
  return FormatObject(env, format);
}

// setFormat({ width, height, fourcc }) → the format the driver chose.
Napi::Value V4l2Device::SetFormat(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  CheckOpen(env);
  if (!info[0].IsObject()) throw Napi::TypeError::New(env, "setFormat(request): request must be { width, height, fourcc }");
  auto request = info[0].As<Napi::Object>();
  uint32_t width = Dimension(request, "width");
  uint32_t height = Dimension(request, "height");
  auto format = FormatRequest(type_, width, height, ParseFourcc(request.Get("fourcc"), "setFormat"));
  // Multi-planar, the driver's answer is tried first, so a format split over buffers is refused
  // before it becomes the device's (a driver without TRY_FMT is checked after S_FMT only).
  auto tried = format;
  if (IsMultiplanar(type_) && Xioctl(fd_.get(), VIDIOC_TRY_FMT, &tried) == 0 && FieldsOf(tried).buffers > 1) {
    throw Napi::Error::New(env, MultiBufferRefusal("setFormat", path_, FieldsOf(tried)));
  }
  if (Xioctl(fd_.get(), VIDIOC_S_FMT, &format) < 0) {
    if (errno == EBUSY) {
      throw ErrnoError(env, "cannot set the format of " + path_ + ": the device is busy (free its buffers with requestBuffers(0) first, or stop the other program streaming from it)");
    }
    throw ErrnoError(env, "cannot set the format of " + path_);
  }
  auto chosen = FieldsOf(format);
  if (chosen.buffers > 1) throw Napi::Error::New(env, MultiBufferRefusal("setFormat", path_, chosen));
  return FormatObject(env, format);
}

// setFrameRate(fps) → the rate granted, or 0 when the device has no frame rate setting.
Napi::Value V4l2Device::SetFrameRate(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  CheckOpen(env);
  double fps = info[0].IsNumber() ? info[0].As<Napi::Number>().DoubleValue() : 0;
  if (!(fps > 0 && fps <= 10000)) throw Napi::TypeError::New(env, "setFrameRate: fps must be a number of frames a second above 0");
  v4l2_streamparm parm{};
  parm.type = type_;
  int result = Xioctl(fd_.get(), VIDIOC_G_PARM, &parm);
  if (result < 0 && errno == EINVAL && IsMultiplanar(type_)) {
    parm = {};  // Some multi-planar drivers answer G_PARM for the single-planar type only.
    parm.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    result = Xioctl(fd_.get(), VIDIOC_G_PARM, &parm);
  }
  if (result < 0) {
    if (errno == ENOTTY || errno == EINVAL) return Napi::Number::New(env, 0);
    throw ErrnoError(env, "cannot read the frame rate of " + path_);
  }
  if (!(parm.parm.capture.capability & V4L2_CAP_TIMEPERFRAME)) return Napi::Number::New(env, 0);
  // A frame lasts 1/fps s; a fractional rate (29.97) is asked as 1000/29970.
  bool whole = std::floor(fps) == fps;
  parm.parm.capture.timeperframe.numerator = whole ? 1 : 1000;
  parm.parm.capture.timeperframe.denominator = static_cast<uint32_t>(whole ? fps : std::round(fps * 1000));
  if (Xioctl(fd_.get(), VIDIOC_S_PARM, &parm) < 0) throw ErrnoError(env, "cannot set the frame rate of " + path_);
  const auto& granted = parm.parm.capture.timeperframe;
  return Napi::Number::New(env, granted.numerator ? static_cast<double>(granted.denominator) / granted.numerator : 0);
}

void V4l2Device::Shutdown() {
  StopWatching();
  watcher_.Reset();
  if (!fd_.valid()) return;
  int type = static_cast<int>(type_);
  Xioctl(fd_.get(), VIDIOC_STREAMOFF, &type);
  FreeBuffers();
  fd_.Reset();
}

// close(): again is a no-op.
Napi::Value V4l2Device::Close(const Napi::CallbackInfo& info) {
  Shutdown();
  return info.Env().Undefined();
}

}  // namespace planar
