// The addon's entry: the classes JS uses to drive a DRM device and read input (see
// ../src/native.ts for their types).
#include "device.h"
#include "dumb-buffer.h"
#include "fence.h"
#include "input.h"
#include "seat.h"
#include "vt.h"
#include "planar/compose-binding.h"

namespace planar {

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("Device", Device::Define(env));
  exports.Set("DumbBuffer", DumbBuffer::Define(env));
  exports.Set("ImportedBuffer", ImportedBuffer::Define(env));
  exports.Set("framebufferPlanes", Napi::Function::New(env, FramebufferPlanesBinding, "framebufferPlanes"));
  exports.Set("waitFence", Napi::Function::New(env, WaitFence));
  exports.Set("Console", Console::Define(env));
  exports.Set("Input", Input::Define(env));
  exports.Set("Seat", Seat::Define(env));
  exports.Set("Compose", ComposeBinding::Define(env));
  exports.Set("liveObjects", Napi::Function::New(env, [](const Napi::CallbackInfo& info) { return LiveObjects(info.Env()); }, "liveObjects"));
  return exports;
}

}  // namespace planar

static Napi::Object InitAddon(Napi::Env env, Napi::Object exports) { return planar::Init(env, exports); }

NODE_API_MODULE(planar_kms, InitAddon)
