// A buffer in shared memory: a sealed memfd, mapped, wrapped as a wl_shm_pool and wl_buffer.
#pragma once

#include "common.h"

namespace planar {

class ShmBuffer : public Napi::ObjectWrap<ShmBuffer>, public AttachableBuffer {
 public:
  static Napi::Function Define(Napi::Env env);
  explicit ShmBuffer(const Napi::CallbackInfo& info);
  ~ShmBuffer() override;
  static ShmBuffer* Unwrap(const Napi::Value& value);

  struct wl_buffer* buffer() const override { return buffer_; }
  // The compositor reads it from the next commit until it sends `release`.
  void MarkBusy() override { busy_ = true; }
  bool destroyed() const override { return !map_; }
  // "shared-memory buffer 3 (800x480)", for errors.
  std::string Name() const override;

 private:
  Napi::Value Write(const Napi::CallbackInfo& info);
  Napi::Value Read(const Napi::CallbackInfo& info);
  Napi::Value CopyFromFd(const Napi::CallbackInfo& info);
  Napi::Value Busy(const Napi::CallbackInfo& info);
  Napi::Value Destroy(const Napi::CallbackInfo& info);
  static void OnRelease(void* data, struct wl_buffer* buffer);
  void Drop();
  void ReleaseProxy();

  StatePtr state_;
  std::unique_ptr<Teardown> teardown_;
  Fd fd_;
  Mapping map_;
  LiveBuffer live_;
  struct wl_buffer* buffer_ = nullptr;
  uint32_t id_;
  int32_t width_, height_, stride_;
  bool busy_ = false;
};

}  // namespace planar
