// A buffer the compositor imports as a DMA-BUF through zwp_linux_dmabuf_v1: allocated here (GBM,
// a DRM dumb buffer, or udmabuf over a memfd) and written by the CPU, or an external frame's
// DMA-BUF passed through untouched.
#pragma once

#include "drm-device.h"

struct zwp_linux_buffer_params_v1;

namespace planar {

// A dumb buffer's GEM handle, given back to its device when the owner goes.
class DumbHandle {
 public:
  DumbHandle() = default;
  DumbHandle(DeviceNodePtr node, uint32_t handle) : node_(std::move(node)), handle_(handle) {}
  DumbHandle(const DumbHandle&) = delete;
  DumbHandle& operator=(const DumbHandle&) = delete;
  DumbHandle& operator=(DumbHandle&& other) noexcept;
  ~DumbHandle() { Reset(); }
  uint32_t get() const { return handle_; }
  void Reset();

 private:
  DeviceNodePtr node_;
  uint32_t handle_ = 0;
};

#ifdef PLANAR_HAVE_GBM
struct GbmBoDeleter {
  void operator()(struct gbm_bo* bo) const { gbm_bo_destroy(bo); }
};
using GbmBoPtr = std::unique_ptr<struct gbm_bo, GbmBoDeleter>;
#endif

class DmabufBuffer : public Napi::ObjectWrap<DmabufBuffer>, public AttachableBuffer {
 public:
  static Napi::Function Define(Napi::Env env);
  explicit DmabufBuffer(const Napi::CallbackInfo& info);
  ~DmabufBuffer() override;

  struct wl_buffer* buffer() const override { return buffer_; }
  void MarkBusy() override { busy_ = true; }
  bool destroyed() const override { return !dmabuf_.valid(); }
  // "DMA-BUF buffer 4 (dumb on /dev/dri/card0, 800x480)", for errors.
  std::string Name() const override;

 private:
  void AllocateGbm(Napi::Env env, const DeviceNodePtr& node);
  void AllocateDumb(Napi::Env env, const DeviceNodePtr& node);
  void AllocateUdmabuf(Napi::Env env, const DeviceNodePtr& node);
  void Import(Napi::Env env, const Napi::Object& source);
  void CreateWlBuffer(bool immediate);
  Napi::Value Write(const Napi::CallbackInfo& info);
  Napi::Value Read(const Napi::CallbackInfo& info);
  Napi::Value Busy(const Napi::CallbackInfo& info);
  Napi::Value Status(const Napi::CallbackInfo& info);
  Napi::Value Destroy(const Napi::CallbackInfo& info);
  static void OnRelease(void* data, struct wl_buffer* buffer);
  static void OnCreated(void* data, struct zwp_linux_buffer_params_v1* params, struct wl_buffer* buffer);
  static void OnFailed(void* data, struct zwp_linux_buffer_params_v1* params);
  void Drop();
  void ReleaseProxies();

  StatePtr state_;
  std::unique_ptr<Teardown> teardown_;
  std::string kind_, device_path_;
  // Declared in the order they are made; they go in reverse (mapping, fds, then the allocation).
  DeviceNodePtr node_;
#ifdef PLANAR_HAVE_GBM
  GbmBoPtr bo_;
  bool gbm_map_per_write_ = false;
#endif
  DumbHandle dumb_;
  Fd memfd_;
  Fd dmabuf_;
  Mapping map_;
  LiveBuffer live_;
  struct zwp_linux_buffer_params_v1* params_ = nullptr;
  struct wl_buffer* buffer_ = nullptr;
  uint32_t id_;
  uint32_t format_ = 0;
  uint64_t modifier_ = 0;
  int32_t width_ = 0, height_ = 0;
  uint32_t stride_ = 0, offset_ = 0;
  bool busy_ = false;
  // 'pending' until the compositor answers a non-immediate create, then 'ready' or 'failed'.
  const char* status_ = "ready";
};

}  // namespace planar
