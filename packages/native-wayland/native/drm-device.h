// A device node the client allocates DMA-BUFs on: a DRM node (GBM, dumb buffers) or /dev/udmabuf.
#pragma once

#include "common.h"

#ifdef PLANAR_HAVE_GBM
#include <gbm.h>
#endif

namespace planar {

#ifdef PLANAR_HAVE_GBM
struct GbmDeviceDeleter {
  void operator()(struct gbm_device* device) const { gbm_device_destroy(device); }
};
using GbmDevicePtr = std::unique_ptr<struct gbm_device, GbmDeviceDeleter>;
#endif

// The open node, shared by the DrmDevice handle and every buffer allocated on it, so that a
// buffer outlives a device closed before it (the fd closes with the last of them).
struct DeviceNode {
  std::string path;
  Fd fd;
#ifdef PLANAR_HAVE_GBM
  // Made on the first GBM allocation; destroyed before the fd (declared after it).
  GbmDevicePtr gbm;
#endif
  ~DeviceNode();
};

using DeviceNodePtr = std::shared_ptr<DeviceNode>;

class DrmDevice : public Napi::ObjectWrap<DrmDevice> {
 public:
  static Napi::Function Define(Napi::Env env);
  // new DrmDevice(path): opens the node read-write (never as DRM master); throws an Error with
  // `errno` (EACCES: no permission, ENOENT: no such node).
  explicit DrmDevice(const Napi::CallbackInfo& info);
  static DrmDevice* Unwrap(const Napi::Value& value);
  const DeviceNodePtr& node() const { return node_; }

 private:
  Napi::Value Close(const Napi::CallbackInfo& info);
  DeviceNodePtr node_;
};

}  // namespace planar
