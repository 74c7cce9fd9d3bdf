// The virtual terminal a kiosk app runs on.
//
// On a VT the kernel console draws text over whatever the display shows (a cursor blink, a
// kernel message). KD_GRAPHICS stops that. The mode the console had is remembered and put
// back by restore(), which JS calls on exit, on SIGINT/SIGTERM and after a crash handler.
//
// VT switches (Ctrl+Alt+Fn) are handled by the process when watchSwitches() sets VT_PROCESS:
// the kernel sends the release signal, JS stops rendering, drops DRM master and calls
// allowRelease(); on the acquire signal JS calls acknowledgeAcquire(), takes master back and
// repaints.
#include "vt.h"

#include <fcntl.h>
#include <linux/kd.h>
#include <linux/vt.h>
#include <sys/ioctl.h>

namespace planar {

Napi::Function Console::Define(Napi::Env env) {
  return DefineClass(env, "Console", {
    InstanceMethod("setGraphics", &Console::SetGraphics),
    InstanceMethod("watchSwitches", &Console::WatchSwitches),
    InstanceMethod("allowRelease", &Console::AllowRelease),
    InstanceMethod("acknowledgeAcquire", &Console::AcknowledgeAcquire),
    InstanceMethod("restore", &Console::Restore),
  });
}

// new Console(path): opens the VT (e.g. /dev/tty1) and remembers its KD mode.
Console::Console(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Console>(info) {
  auto env = info.Env();
  path_ = info[0].As<Napi::String>().Utf8Value();
  fd_.Reset(open(path_.c_str(), O_RDWR | O_CLOEXEC | O_NOCTTY));
  if (!fd_.valid()) throw ErrnoError(env, "cannot open the console " + path_);
  if (ioctl(fd_.get(), KDGETMODE, &found_mode_) != 0) throw ErrnoError(env, path_ + " is not a virtual terminal");
}

Napi::Value Console::SetGraphics(const Napi::CallbackInfo& info) {
  if (ioctl(fd_.get(), KDSETMODE, info[0].ToBoolean() ? KD_GRAPHICS : KD_TEXT) != 0) {
    throw ErrnoError(info.Env(), "cannot set the display mode of " + path_);
  }
  return info.Env().Undefined();
}

// watchSwitches(releaseSignal, acquireSignal): the process is asked before the VT switches away.
Napi::Value Console::WatchSwitches(const Napi::CallbackInfo& info) {
  vt_mode mode{};
  mode.mode = VT_PROCESS;
  mode.relsig = static_cast<short>(info[0].As<Napi::Number>().Int32Value());
  mode.acqsig = static_cast<short>(info[1].As<Napi::Number>().Int32Value());
  if (ioctl(fd_.get(), VT_SETMODE, &mode) != 0) throw ErrnoError(info.Env(), "cannot watch VT switches on " + path_);
  switching_ = true;
  return info.Env().Undefined();
}

Napi::Value Console::AllowRelease(const Napi::CallbackInfo& info) {
  ioctl(fd_.get(), VT_RELDISP, 1);
  return info.Env().Undefined();
}

Napi::Value Console::AcknowledgeAcquire(const Napi::CallbackInfo& info) {
  ioctl(fd_.get(), VT_RELDISP, VT_ACKACQ);
  return info.Env().Undefined();
}

// restore(): the KD mode found at open and automatic VT switching. Safe to call twice.
Napi::Value Console::Restore(const Napi::CallbackInfo& info) {
  if (!fd_.valid()) return info.Env().Undefined();
  ioctl(fd_.get(), KDSETMODE, found_mode_);
  if (switching_) {
    vt_mode mode{};
    mode.mode = VT_AUTO;
    ioctl(fd_.get(), VT_SETMODE, &mode);
  }
  fd_.Reset();
  return info.Env().Undefined();
}

}  // namespace planar
