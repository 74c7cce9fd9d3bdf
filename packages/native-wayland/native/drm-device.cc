// DrmDevice: an fd on a DRM node or /dev/udmabuf, held by JS and by the buffers made on it.
#include "drm-device.h"

#include <fcntl.h>

namespace planar {

DeviceNode::~DeviceNode() {
#ifdef PLANAR_HAVE_GBM
  gbm.reset();
#endif
}

Napi::Function DrmDevice::Define(Napi::Env env) {
  return DefineClass(env, "DrmDevice", {
    InstanceMethod<&DrmDevice::Close>("close"),
  });
}

DrmDevice* DrmDevice::Unwrap(const Napi::Value& value) {
  if (!value.IsObject()) return nullptr;
  return Napi::ObjectWrap<DrmDevice>::Unwrap(value.As<Napi::Object>());
}

DrmDevice::DrmDevice(const Napi::CallbackInfo& info) : Napi::ObjectWrap<DrmDevice>(info) {
  auto env = info.Env();
  if (!info[0].IsString()) throw Napi::TypeError::New(env, "DrmDevice needs a path such as /dev/dri/card0");
  auto node = std::make_shared<DeviceNode>();
  node->path = info[0].As<Napi::String>().Utf8Value();
  node->fd.Reset(open(node->path.c_str(), O_RDWR | O_CLOEXEC));
  if (!node->fd.valid()) throw ErrnoError(env, "cannot open " + node->path);
  node_ = std::move(node);
  info.This().As<Napi::Object>().Set("path", node_->path);
}

// close(): drops JS's hold; buffers made on the device keep the node open until they go.
Napi::Value DrmDevice::Close(const Napi::CallbackInfo& info) {
  node_.reset();
  return info.Env().Undefined();
}

}  // namespace planar
