// A V4L2 capture device (single- or multi-planar: planes.h; MMAP streaming): its capabilities and formats
// (device.cc), its buffers and stream (buffers.cc), the poll that says when a frame is ready
// (watch.cc), and a YUV frame converted to XRGB8888 straight from its buffer (convert.cc).
// JS types: V4l2Kernel in ../src/native.ts.
#pragma once

#include <linux/videodev2.h>
#include <napi.h>
#include <sys/ioctl.h>
#include <uv.h>

#include <cerrno>
#include <memory>
#include <string>
#include <vector>

#include "planar/live-objects.h"
#include "planar/owned.h"

namespace planar {

// ioctl, again while a signal interrupts it. 0, or -1 with errno.
inline int Xioctl(int fd, unsigned long request, void* arg) {
  int result;
  do {
    result = ioctl(fd, request, arg);
  } while (result == -1 && errno == EINTR);
  return result;
}

// convertYuv(source, target, layout): a YUYV or NV12 frame in `source` to XRGB8888 (convert.cc).
Napi::Value ConvertYuv(const Napi::CallbackInfo& info);

class V4l2Device : public Napi::ObjectWrap<V4l2Device> {
 public:
  static Napi::Function Define(Napi::Env env);
  explicit V4l2Device(const Napi::CallbackInfo& info);
  ~V4l2Device() override;

 private:
  // One MMAP buffer of the queue: its mapping, and its DMA-BUF fd once exported. The frame
  // starts `data_offset` bytes in: 0, but for a multi-planar driver that says otherwise at DQBUF.
  struct Buffer {
    Mapping mapping;
    Fd exported;
    LiveBuffer live;
    size_t data_offset = 0;

    const uint8_t* frame() const { return static_cast<const uint8_t*>(mapping.data()) + data_offset; }
    size_t frame_size() const { return mapping.size() - data_offset; }
  };

  // device.cc
  Napi::Value Path(const Napi::CallbackInfo& info);
  Napi::Value Capability(const Napi::CallbackInfo& info);
  Napi::Value Formats(const Napi::CallbackInfo& info);
  Napi::Value FrameSizes(const Napi::CallbackInfo& info);
  Napi::Value GetFormat(const Napi::CallbackInfo& info);
  Napi::Value SetFormat(const Napi::CallbackInfo& info);
  Napi::Value SetFrameRate(const Napi::CallbackInfo& info);
  Napi::Value Close(const Napi::CallbackInfo& info);
  // buffers.cc
  Napi::Value RequestBuffers(const Napi::CallbackInfo& info);
  Napi::Value ExportBuffer(const Napi::CallbackInfo& info);
  Napi::Value ReadBuffer(const Napi::CallbackInfo& info);
  Napi::Value Queue(const Napi::CallbackInfo& info);
  Napi::Value Dequeue(const Napi::CallbackInfo& info);
  Napi::Value StreamOn(const Napi::CallbackInfo& info);
  Napi::Value StreamOff(const Napi::CallbackInfo& info);
  // watch.cc
  Napi::Value Watch(const Napi::CallbackInfo& info);
  Napi::Value Unwatch(const Napi::CallbackInfo& info);
  // convert.cc
  Napi::Value ConvertBuffer(const Napi::CallbackInfo& info);

  // Throws "<path> is closed" once the device is closed.
  void CheckOpen(Napi::Env env) const;
  // The buffer `value` names; a TypeError or RangeError naming `call` otherwise.
  Buffer& BufferAt(const Napi::Value& value, const std::string& call);
  // Closes exported fds and unmaps; the driver's buffers stay until REQBUFS 0.
  void ReleaseBuffers();
  // ReleaseBuffers, then the driver's too (REQBUFS 0; a failure is ignored: closing frees them).
  void FreeBuffers();
  static void OnPoll(uv_poll_t* handle, int status, int events);
  void Emit(const char* readiness);
  // Stops the poll and gives its handle to libuv to close (and delete).
  void StopWatching();
  // Everything close() does; the destructor runs it too.
  void Shutdown();

  std::string path_;
  Fd fd_;
  v4l2_capability cap_{};
  // V4L2_BUF_TYPE_VIDEO_CAPTURE or _MPLANE, chosen at open from the node's caps (planes.h).
  uint32_t type_ = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  std::vector<std::unique_ptr<Buffer>> buffers_;
  uv_poll_t* poll_ = nullptr;
  Napi::FunctionReference watcher_;
  std::unique_ptr<Napi::AsyncContext> context_;
};

}  // namespace planar
