// The addon's entry: the classes JS uses to speak Wayland (see ../src/native.ts for their types).
#include "connection.h"
#include "shm-buffer.h"
#include "subsurface.h"
#include "window.h"

namespace planar {

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  auto subsurface = Subsurface::Define(env);
  // Kept so that placeAbove can tell a Subsurface from a Window.
  env.SetInstanceData(new Napi::FunctionReference(Napi::Persistent(subsurface)));
  exports.Set("Connection", Connection::Define(env));
  exports.Set("Window", Window::Define(env));
  exports.Set("Subsurface", subsurface);
  exports.Set("ShmBuffer", ShmBuffer::Define(env));
  exports.Set("liveObjects", Napi::Function::New(env, [](const Napi::CallbackInfo& info) { return LiveObjects(info.Env()); }, "liveObjects"));
  return exports;
}

}  // namespace planar

static Napi::Object InitAddon(Napi::Env env, Napi::Object exports) { return planar::Init(env, exports); }

NODE_API_MODULE(planar_wayland, InitAddon)
