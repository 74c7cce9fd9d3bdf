// The addon's entry: V4l2Device, a V4L2 capture device driven by ioctls; convertYuv(), a YUV
// frame to XRGB8888; and liveObjects(), what the addon holds from the kernel (see
// ../src/native.ts for their types).
#include "device.h"

namespace planar {

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("V4l2Device", V4l2Device::Define(env));
  exports.Set("convertYuv", Napi::Function::New(env, ConvertYuv, "convertYuv"));
  exports.Set("liveObjects", Napi::Function::New(env, [](const Napi::CallbackInfo& info) { return LiveObjects(info.Env()); }, "liveObjects"));
  return exports;
}

}  // namespace planar

static Napi::Object InitAddon(Napi::Env env, Napi::Object exports) { return planar::Init(env, exports); }

NODE_API_MODULE(planar_v4l2, InitAddon)
