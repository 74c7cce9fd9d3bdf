// The connection to the compositor: wl_display, the registry and its globals, outputs, the seat,
// and the libuv integration that reads events without ever blocking the JS thread.
#pragma once

#include <uv.h>

#include <map>
#include <vector>

#include "common.h"
#include "dmabuf-feedback.h"

namespace planar {

class Seat;

class Connection : public Napi::ObjectWrap<Connection> {
 public:
  static Napi::Function Define(Napi::Env env);
  explicit Connection(const Napi::CallbackInfo& info);
  ~Connection() override;

  StatePtr state() const { return state_; }
  static Connection* Unwrap(const Napi::Value& value);

  // An output as it last described itself; transform is WL_OUTPUT_TRANSFORM_* (odd: turned a quarter).
  struct Output { struct wl_output* proxy; uint32_t name; int32_t scale; int32_t width; int32_t height; int32_t refresh; int32_t transform; std::string make; std::string model; };
  std::vector<uint32_t> shm_formats_;

 private:
  struct Global { uint32_t name; std::string interface; uint32_t version; };

  Napi::Value Start(const Napi::CallbackInfo& info);
  Napi::Value Sync(const Napi::CallbackInfo& info);
  Napi::Value Globals(const Napi::CallbackInfo& info);
  Napi::Value ShmFormats(const Napi::CallbackInfo& info);
  Napi::Value Dmabuf(const Napi::CallbackInfo& info);
  Napi::Value Outputs(const Napi::CallbackInfo& info);
  Napi::Value Flush(const Napi::CallbackInfo& info);
  Napi::Value Close(const Napi::CallbackInfo& info);
  Napi::Value SetCursor(const Napi::CallbackInfo& info);
  Napi::Value TextInputSend(const Napi::CallbackInfo& info);
  Napi::Value SelectionMimes(const Napi::CallbackInfo& info);
  Napi::Value ReceiveSelection(const Napi::CallbackInfo& info);
  Napi::Value SetSelection(const Napi::CallbackInfo& info);

  static void OnGlobal(void* data, struct wl_registry* registry, uint32_t name, const char* interface, uint32_t version);
  static void OnGlobalRemove(void* data, struct wl_registry* registry, uint32_t name);
  static void OnPoll(uv_poll_t* handle, int status, int events);

  void Emit(const char* type, const std::function<void(Napi::Object&)>& fill);
  void Dispatch();
  void Pump();
  void Lost(const std::string& reason);
  void Teardown(bool from_js = true);
  void BindOutput(uint32_t name, uint32_t version);

  Napi::Env env_;
  Napi::FunctionReference emit_;
  StatePtr state_;
  struct wl_registry* registry_ = nullptr;
  std::vector<Global> globals_;
  std::vector<std::unique_ptr<Output>> outputs_;
  std::unique_ptr<Seat> seat_;
  std::unique_ptr<DmabufFeedback> dmabuf_feedback_;
  uint32_t seat_name_ = 0;
  uv_poll_t* poll_ = nullptr;
  int poll_events_ = 0;
  bool closed_ = false;
};

}  // namespace planar
