// A V4L2 device's buffers and stream: MMAP streaming I/O, single- or multi-planar (planes.h:
// every call passes the type chosen at open, and a multi-planar buffer's one memory plane
// stands for the buffer).
//
//   requestBuffers(n)  VIDIOC_REQBUFS asks the driver for n buffers (it may give more or fewer);
//                      each is then found (QUERYBUF) and mapped read-only, so JS can copy a frame
//                      out with readBuffer. 0 frees them. What this device held before (mappings,
//                      exported fds) is given back first: the driver refuses to free mapped buffers.
//   exportBuffer(i)    VIDIOC_EXPBUF: a DMA-BUF fd for buffer i, to import elsewhere (a KMS plane,
//                      the GPU). Exported once and owned here; asking again gives the same fd.
//   queue / dequeue    QBUF gives a buffer to the driver to fill; DQBUF takes a filled one back, or
//                      answers EAGAIN (null) when none is ready, since the fd is non-blocking.
//   streamOn / Off     start and stop capturing; STREAMOFF also takes every buffer back.
//
// A multi-planar driver may put the frame `data_offset` bytes into its plane (vivid does, for
// YUYV): dequeue's bytesUsed, readBuffer and convertBuffer count from there. An exported DMA-BUF
// still starts at the plane's start; its importer is not told the offset.
#include <fcntl.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>

#include "device.h"
#include "planar/errors.h"
#include "planes.h"

namespace planar {

namespace {

// Why a dequeue failed, in words, for the errors a capture loop meets.
std::string DequeueFailure(const std::string& path, int err) {
  std::string what = "cannot dequeue a buffer from " + path;
  if (err == ENODEV) return what + " (the device is gone: unplugged or its driver unloaded)";
  if (err == EINVAL) return what + " (it is not streaming, or has no buffers)";
  if (err == EPIPE) return what + " (the stream ended: the last buffer was dequeued)";
  return what;
}

}  // namespace

V4l2Device::Buffer& V4l2Device::BufferAt(const Napi::Value& value, const std::string& call) {
  auto env = value.Env();
  double index = value.IsNumber() ? value.As<Napi::Number>().DoubleValue() : NAN;
  if (std::floor(index) != index) throw Napi::TypeError::New(env, call + ": the buffer index must be a whole number");
  if (index < 0 || index >= buffers_.size()) {
    throw Napi::RangeError::New(env, call + ": there is no buffer " + std::to_string(static_cast<int64_t>(index)) + " on " + path_ + ", which has " +
        std::to_string(buffers_.size()) + " (indices from 0; request them with requestBuffers)");
  }
  return *buffers_[static_cast<size_t>(index)];
}

void V4l2Device::ReleaseBuffers() { buffers_.clear(); }

void V4l2Device::FreeBuffers() {
  ReleaseBuffers();
  v4l2_requestbuffers none{};
  none.type = type_;
  none.memory = V4L2_MEMORY_MMAP;
  Xioctl(fd_.get(), VIDIOC_REQBUFS, &none);
}

// requestBuffers(count) → how many the driver gave.
Napi::Value V4l2Device::RequestBuffers(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  CheckOpen(env);
  double count = info[0].IsNumber() ? info[0].As<Napi::Number>().DoubleValue() : -1;
  if (count < 0 || count > 64 || std::floor(count) != count) {
    throw Napi::TypeError::New(env, "requestBuffers: count must be a whole number from 0 to 64 (0 frees the buffers)");
  }
  ReleaseBuffers();
  v4l2_requestbuffers request{};
  request.type = type_;
  request.memory = V4L2_MEMORY_MMAP;
  request.count = static_cast<uint32_t>(count);
  if (Xioctl(fd_.get(), VIDIOC_REQBUFS, &request) < 0) {
    if (errno == EBUSY) {
      throw ErrnoError(env, "cannot request buffers from " + path_ + ": the device is busy (stop streaming first, or stop the other program streaming from it)");
    }
    throw ErrnoError(env, "cannot request " + std::to_string(request.count) + " buffers from " + path_);
  }
  for (uint32_t index = 0; index < request.count; index++) {
    BufferRequest buffer(type_, index);
    void* data = MAP_FAILED;
    if (Xioctl(fd_.get(), VIDIOC_QUERYBUF, buffer.get()) == 0) {
      // A format set by another program may be split over buffers: one mapping cannot hold it.
      if (buffer.buffers() > 1) {
        v4l2_format format{};
        format.type = type_;
        Xioctl(fd_.get(), VIDIOC_G_FMT, &format);
        FreeBuffers();
        throw Napi::Error::New(env, MultiBufferRefusal("requestBuffers", path_, FieldsOf(format)));
      }
      data = mmap(nullptr, buffer.length(), PROT_READ, MAP_SHARED, fd_.get(), buffer.offset());
    }
    if (data == MAP_FAILED) {
      int err = errno;
      FreeBuffers();
      throw ErrnoError(env, "cannot map buffer " + std::to_string(index) + " of " + path_, err);
    }
    auto held = std::make_unique<Buffer>();
    held->mapping = Mapping(data, buffer.length());
    held->live.Take();
    buffers_.push_back(std::move(held));
  }
  return Napi::Number::New(env, request.count);
}

// exportBuffer(index) → a DMA-BUF fd, owned by the device.
Napi::Value V4l2Device::ExportBuffer(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  CheckOpen(env);
  auto& buffer = BufferAt(info[0], "exportBuffer");
  if (!buffer.exported.valid()) {
    v4l2_exportbuffer request{};
    request.type = type_;  // plane 0: the only one
    request.index = info[0].As<Napi::Number>().Uint32Value();
    request.flags = O_CLOEXEC | O_RDONLY;
    if (Xioctl(fd_.get(), VIDIOC_EXPBUF, &request) < 0) {
      throw ErrnoError(env, "cannot export buffer " + std::to_string(request.index) + " of " + path_ + " as a DMA-BUF");
    }
    buffer.exported.Reset(request.fd);
  }
  return Napi::Number::New(env, buffer.exported.get());
}

// readBuffer(index, target): copies as much of the buffer's frame as fits into target.
Napi::Value V4l2Device::ReadBuffer(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  CheckOpen(env);
  auto& buffer = BufferAt(info[0], "readBuffer");
  if (!info[1].IsTypedArray() || info[1].As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
    throw Napi::TypeError::New(env, "readBuffer(index, target): target must be a Uint8Array");
  }
  auto target = info[1].As<Napi::Uint8Array>();
  size_t bytes = std::min(target.ByteLength(), buffer.frame_size());
  if (bytes > 0) std::memcpy(target.Data(), buffer.frame(), bytes);
  return env.Undefined();
}

Napi::Value V4l2Device::Queue(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  CheckOpen(env);
  BufferAt(info[0], "queue");
  BufferRequest buffer(type_, info[0].As<Napi::Number>().Uint32Value());
  if (Xioctl(fd_.get(), VIDIOC_QBUF, buffer.get()) < 0) {
    throw ErrnoError(env, "cannot queue buffer " + std::to_string(buffer.buffer().index) + " of " + path_);
  }
  return env.Undefined();
}

// dequeue() → { index, bytesUsed, dataOffset, sequence, timestampUs, monotonic, error }, or null when no
// buffer is ready.
Napi::Value V4l2Device::Dequeue(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  CheckOpen(env);
  BufferRequest request(type_, 0);
  if (Xioctl(fd_.get(), VIDIOC_DQBUF, request.get()) < 0) {
    if (errno == EAGAIN) return env.Null();
    int err = errno;
    throw ErrnoError(env, DequeueFailure(path_, err), err);
  }
  const auto& buffer = request.buffer();
  // A multi-planar frame may start past the plane's start; the frame is what JS reads.
  uint32_t offset = std::min(request.data_offset(), request.bytes_used());
  if (buffer.index < buffers_.size()) buffers_[buffer.index]->data_offset = std::min<size_t>(offset, buffers_[buffer.index]->mapping.size());
  auto frame = Napi::Object::New(env);
  frame.Set("index", Napi::Number::New(env, buffer.index));
  frame.Set("bytesUsed", Napi::Number::New(env, request.bytes_used() - offset));
  frame.Set("dataOffset", Napi::Number::New(env, offset));
  frame.Set("sequence", Napi::Number::New(env, buffer.sequence));
  double timestamp = static_cast<double>(buffer.timestamp.tv_sec) * 1e6 + static_cast<double>(buffer.timestamp.tv_usec);
  frame.Set("timestampUs", Napi::Number::New(env, timestamp));
  bool monotonic = (buffer.flags & V4L2_BUF_FLAG_TIMESTAMP_MASK) == V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC;
  frame.Set("monotonic", Napi::Boolean::New(env, monotonic));
  frame.Set("error", Napi::Boolean::New(env, buffer.flags & V4L2_BUF_FLAG_ERROR));
  return frame;
}

Napi::Value V4l2Device::StreamOn(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  CheckOpen(env);
  int type = static_cast<int>(type_);
  if (Xioctl(fd_.get(), VIDIOC_STREAMON, &type) < 0) throw ErrnoError(env, "cannot start streaming from " + path_);
  return env.Undefined();
}

Napi::Value V4l2Device::StreamOff(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  CheckOpen(env);
  int type = static_cast<int>(type_);
  if (Xioctl(fd_.get(), VIDIOC_STREAMOFF, &type) < 0) throw ErrnoError(env, "cannot stop streaming from " + path_);
  return env.Undefined();
}

}  // namespace planar
