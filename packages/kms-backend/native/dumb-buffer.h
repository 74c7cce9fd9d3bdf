// Scan-out buffers: dumb buffers the CPU writes (DumbBuffer) and DMA-BUFs from elsewhere
// wrapped as framebuffers (ImportedBuffer). See dumb-buffer.cc.
#pragma once

#include <napi.h>

#include "device.h"
#include "owned.h"

namespace planar {

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

  Napi::ObjectReference device_ref_;
  Device* device_ = nullptr;
  uint32_t handle_ = 0;
  uint32_t fb_ = 0;
  uint32_t width_ = 0, height_ = 0, stride_ = 0;
  Fd prime_;
  Mapped map_;
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
};

}  // namespace planar
