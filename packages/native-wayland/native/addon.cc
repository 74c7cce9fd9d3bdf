// The addon's entry: the classes JS uses to speak Wayland (see ../src/native.ts for their types).
#include "connection.h"
#include "dmabuf-buffer.h"
#include "drm-device.h"
#include "shm-buffer.h"
#include "subsurface.h"
#include "window.h"
#include "planar/compose-binding.h"

namespace planar {

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  auto subsurface = Subsurface::Define(env);
  auto shm = ShmBuffer::Define(env);
  auto dmabuf = DmabufBuffer::Define(env);
  // Kept so that placeAbove and attach can tell the classes apart.
  auto* data = new AddonData();
  data->subsurface = Napi::Persistent(subsurface);
  data->shm_buffer = Napi::Persistent(shm);
  data->dmabuf_buffer = Napi::Persistent(dmabuf);
  env.SetInstanceData(data);
  exports.Set("Connection", Connection::Define(env));
  exports.Set("Window", Window::Define(env));
  exports.Set("Subsurface", subsurface);
  exports.Set("ShmBuffer", shm);
  exports.Set("DmabufBuffer", dmabuf);
  exports.Set("DrmDevice", DrmDevice::Define(env));
  exports.Set("Compose", ComposeBinding::Define(env));
#ifdef PLANAR_HAVE_GBM
  exports.Set("gbmBuilt", Napi::Boolean::New(env, true));
#else
  exports.Set("gbmBuilt", Napi::Boolean::New(env, false));
#endif
  exports.Set("liveObjects", Napi::Function::New(env, [](const Napi::CallbackInfo& info) { return LiveObjects(info.Env()); }, "liveObjects"));
  return exports;
}

}  // namespace planar

static Napi::Object InitAddon(Napi::Env env, Napi::Object exports) { return planar::Init(env, exports); }

NODE_API_MODULE(planar_wayland, InitAddon)
