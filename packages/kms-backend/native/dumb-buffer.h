// Scan-out buffers: dumb buffers the CPU writes (DumbBuffer) and DMA-BUFs from elsewhere
// wrapped as framebuffers (ImportedBuffer). See dumb-buffer.cc.
#pragma once

#include <napi.h>

#include "device.h"
#include "planar/errors.h"
#include "planar/live-objects.h"
#include "planar/owned.h"

namespace planar {

// The framebuffer planes of a buffer whose planes follow each other in one buffer, rows of
// `stride` each: NV12 is two (Y at `offset`, interleaved U/V at offset + stride * height),
// every other format one. `count` is 0 when a plane would lie past 4 GiB.
struct FramebufferPlanes {
  int count;
  uint32_t pitches[4];
  uint32_t offsets[4];
};
FramebufferPlanes FramebufferPlanesOf(uint32_t format, uint32_t stride, uint32_t offset, uint32_t height);

// framebufferPlanes(fourcc, stride, offset, height) → { pitches, offsets } | null, for tests.
Napi::Value FramebufferPlanesBinding(const Napi::CallbackInfo& info);

class DumbBuffer : public Napi::ObjectWrap<DumbBuffer> {
 public:
  static Napi::Function Define(Napi::Env env);
  explicit DumbBuffer(const Napi::CallbackInfo& info);
  ~DumbBuffer() override;

 private:
  Napi::Value Write(const Napi::CallbackInfo& info);
  Napi::Value Read(const Napi::CallbackInfo& info);
  Napi::Value ExportFd(const Napi::CallbackInfo& info);
  Napi::Value Destroy(const Napi::CallbackInfo& info);
  void Release();
  // "dumb buffer 800x480 (framebuffer 42)", for errors.
  std::string Name() const;

  Napi::ObjectReference device_ref_;
  Device* device_ = nullptr;
  uint32_t handle_ = 0;
  uint32_t fb_ = 0;
  // The framebuffer id JS knows the buffer by, kept for errors after destroy().
  uint32_t fb_id_ = 0;
  uint32_t width_ = 0, height_ = 0, stride_ = 0;
  Fd prime_;
  Mapping map_;
  LiveBuffer live_;
};

class ImportedBuffer : public Napi::ObjectWrap<ImportedBuffer> {
 public:
  static Napi::Function Define(Napi::Env env);
  explicit ImportedBuffer(const Napi::CallbackInfo& info);
  ~ImportedBuffer() override;

 private:
  Napi::Value Destroy(const Napi::CallbackInfo& info);
  void Release();

  Napi::ObjectReference device_ref_;
  Device* device_ = nullptr;
  uint32_t handle_ = 0;
  uint32_t fb_ = 0;
  LiveBuffer live_;
};

}  // namespace planar
