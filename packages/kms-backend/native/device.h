// A DRM device: the open card, its capabilities, master, its objects and their properties,
// atomic commits and the page-flip events that answer them (see device.cc).
#pragma once

#include <napi.h>
#include <uv.h>

#include "planar/errors.h"
#include "planar/owned.h"

namespace planar {

class Device : public Napi::ObjectWrap<Device> {
 public:
  static Napi::Function Define(Napi::Env env);
  explicit Device(const Napi::CallbackInfo& info);
  ~Device() override;

  // The card's fd, -1 once closed.
  int fd() const { return fd_.get(); }
  // Unwraps a Device passed from JS; throws a JS error when it is not one or is closed.
  static Device* From(const Napi::Value& value);

 private:
  Napi::Value Caps(const Napi::CallbackInfo& info);
  Napi::Value Resources(const Napi::CallbackInfo& info);
  Napi::Value IsMaster(const Napi::CallbackInfo& info);
  Napi::Value SetMaster(const Napi::CallbackInfo& info);
  Napi::Value DropMaster(const Napi::CallbackInfo& info);
  Napi::Value CreateModeBlob(const Napi::CallbackInfo& info);
  Napi::Value CreateBlob(const Napi::CallbackInfo& info);
  Napi::Value DestroyBlob(const Napi::CallbackInfo& info);
  Napi::Value ConnectorStatus(const Napi::CallbackInfo& info);
  Napi::Value Commit(const Napi::CallbackInfo& info);
  Napi::Value Start(const Napi::CallbackInfo& info);
  Napi::Value Close(const Napi::CallbackInfo& info);

  static void OnReadable(uv_poll_t* handle, int status, int events);
  static void OnPageFlip(int fd, unsigned sequence, unsigned sec, unsigned usec, unsigned crtc, void* data);
  void Emit(const char* type, const std::function<void(Napi::Object&)>& fill);
  void StopPolling();

  void CloseFd();

  Fd fd_;
  std::string path_;
  // The seat manager that opened the card, if one did (it also closes it).
  class Seat* seat_ = nullptr;
  Napi::ObjectReference seat_ref_;
  Napi::FunctionReference emit_;
  std::unique_ptr<Napi::AsyncContext> context_;
  uv_poll_t* poll_ = nullptr;
};

}  // namespace planar
