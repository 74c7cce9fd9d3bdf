// The virtual terminal a kiosk app runs on (see vt.cc).
#pragma once

#include <napi.h>

#include "planar/errors.h"
#include "planar/owned.h"

namespace planar {

class Console : public Napi::ObjectWrap<Console> {
 public:
  static Napi::Function Define(Napi::Env env);
  explicit Console(const Napi::CallbackInfo& info);

 private:
  Napi::Value SetGraphics(const Napi::CallbackInfo& info);
  Napi::Value WatchSwitches(const Napi::CallbackInfo& info);
  Napi::Value AllowRelease(const Napi::CallbackInfo& info);
  Napi::Value AcknowledgeAcquire(const Napi::CallbackInfo& info);
  Napi::Value Restore(const Napi::CallbackInfo& info);

  Fd fd_;
  std::string path_;
  int found_mode_ = 0;
  bool switching_ = false;
};

}  // namespace planar
