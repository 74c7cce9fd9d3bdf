// A libseat session: devices opened through a seat manager (seatd or logind), so that the app
// runs without root, and the seat taken away and given back on VT switches (see seat.cc).
#pragma once

#include <napi.h>
#include <uv.h>

// libseat.h has no C++ guard of its own.
extern "C" {
#include <libseat.h>
}

#include <map>
#include <string>

namespace planar {

class Seat : public Napi::ObjectWrap<Seat> {
 public:
  static Napi::Function Define(Napi::Env env);
  explicit Seat(const Napi::CallbackInfo& info);
  ~Seat() override;

  // Opens a device through the seat manager: its fd, or -errno. Closed with Close(fd).
  int Open(const char* path);
  void Close(int fd);
  // Unwraps a Seat passed from JS (null for anything else).
  static Seat* From(const Napi::Value& value);

  // libseat's listener.
  static void OnEnable(libseat* seat, void* data);
  static void OnDisable(libseat* seat, void* data);

 private:
  Napi::Value OpenDevice(const Napi::CallbackInfo& info);
  Napi::Value CloseDevice(const Napi::CallbackInfo& info);
  Napi::Value AcknowledgeDisable(const Napi::CallbackInfo& info);
  Napi::Value SwitchSession(const Napi::CallbackInfo& info);
  Napi::Value Name(const Napi::CallbackInfo& info);
  Napi::Value CloseSeat(const Napi::CallbackInfo& info);

  static void OnReadable(uv_poll_t* handle, int status, int events);
  void Emit(const char* type);
  void Shutdown();

  libseat* seat_ = nullptr;
  uv_poll_t* poll_ = nullptr;
  std::map<int, int> devices_;  // fd → libseat device id
  Napi::FunctionReference emit_;
  std::unique_ptr<Napi::AsyncContext> context_;
  static Napi::FunctionReference* constructor_;
};

}  // namespace planar
