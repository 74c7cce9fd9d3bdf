// A libseat session.
//
// libseat speaks to seatd or logind (or, as root, runs seatd's logic in-process). The seat
// starts disabled; `enable` arrives through the seat fd, which libuv polls, and only then may
// devices be opened. The seat manager opens the DRM card with master already taken and input
// devices the user could not open itself, and it does the VT switching: on a switch away it
// sends `disable` (the app stops rendering and acknowledges, after which its device fds stop
// working) and on the way back `enable`.
#include "seat.h"

#include <cerrno>
#include <cstdio>

#include "planar/errors.h"
#include "planar/owned.h"

namespace planar {

Napi::FunctionReference* Seat::constructor_ = nullptr;

namespace {

const libseat_seat_listener kListener = {&Seat::OnEnable, &Seat::OnDisable};

void Quiet(libseat_log_level, const char*, va_list) {}

}  // namespace

Napi::Function Seat::Define(Napi::Env env) {
  auto fn = DefineClass(env, "Seat", {
    InstanceMethod("openDevice", &Seat::OpenDevice),
    InstanceMethod("closeDevice", &Seat::CloseDevice),
    InstanceMethod("acknowledgeDisable", &Seat::AcknowledgeDisable),
    InstanceMethod("switchSession", &Seat::SwitchSession),
    InstanceMethod("name", &Seat::Name),
    InstanceMethod("close", &Seat::CloseSeat),
  });
  constructor_ = new Napi::FunctionReference(Napi::Persistent(fn));
  return fn;
}

// new Seat(emit): connects to the seat manager. emit('enable' | 'disable') follows.
Seat::Seat(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Seat>(info) {
  auto env = info.Env();
  emit_ = Napi::Persistent(info[0].As<Napi::Function>());
  context_ = std::make_unique<Napi::AsyncContext>(env, "planar-kms-seat");
  // libseat logs each backend it tries and fails; the caller says why in one sentence instead.
  libseat_set_log_handler(Quiet);
  seat_ = libseat_open_seat(&kListener, this);
  if (!seat_) throw ErrnoError(env, "no seat manager answered (seatd or logind)");
  uv_loop_t* loop = nullptr;
  napi_get_uv_event_loop(env, &loop);
  poll_ = new uv_poll_t;
  uv_poll_init(loop, poll_, libseat_get_fd(seat_));
  poll_->data = this;
  uv_poll_start(poll_, UV_READABLE, &Seat::OnReadable);
  // Events may already be queued inside libseat from the handshake.
  libseat_dispatch(seat_, 0);
}

Seat::~Seat() { Shutdown(); }

Seat* Seat::From(const Napi::Value& value) {
  if (!constructor_ || !value.IsObject() || !value.As<Napi::Object>().InstanceOf(constructor_->Value())) return nullptr;
  return Napi::ObjectWrap<Seat>::Unwrap(value.As<Napi::Object>());
}

void Seat::Emit(const char* type) {
  if (emit_.IsEmpty()) return;
  auto env = emit_.Env();
  Napi::HandleScope scope(env);
  try {
    emit_.MakeCallback(env.Global(), {Napi::String::New(env, type)}, *context_);
  } catch (const Napi::Error& error) {
    fprintf(stderr, "planar: a seat event handler threw: %s\n", error.Message().c_str());
  }
}

void Seat::OnEnable(libseat*, void* data) { static_cast<Seat*>(data)->Emit("enable"); }
void Seat::OnDisable(libseat*, void* data) { static_cast<Seat*>(data)->Emit("disable"); }

void Seat::OnReadable(uv_poll_t* handle, int status, int) {
  auto* self = static_cast<Seat*>(handle->data);
  if (!self->seat_) return;
  if (status < 0 || libseat_dispatch(self->seat_, 0) < 0) self->Emit("lost");
}

int Seat::Open(const char* path) {
  if (!seat_) return -ENODEV;
  int fd = -1;
  int id = libseat_open_device(seat_, path, &fd);
  if (id < 0) return errno ? -errno : -EACCES;
  devices_[fd] = id;
  return fd;
}

void Seat::Close(int fd) {
  auto it = devices_.find(fd);
  // Not ours (any more): the seat was closed first, and closed it then.
  if (it == devices_.end()) return;
  if (seat_) libseat_close_device(seat_, it->second);
  close(fd);
  devices_.erase(it);
}

// openDevice(path) → fd; throws with errno text.
Napi::Value Seat::OpenDevice(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  auto path = info[0].As<Napi::String>().Utf8Value();
  int fd = Open(path.c_str());
  if (fd < 0) throw ErrnoError(env, "the seat manager did not open " + path, -fd);
  return Napi::Number::New(env, fd);
}

Napi::Value Seat::CloseDevice(const Napi::CallbackInfo& info) {
  Close(info[0].As<Napi::Number>().Int32Value());
  return info.Env().Undefined();
}

// acknowledgeDisable(): after `disable`, once rendering has stopped.
Napi::Value Seat::AcknowledgeDisable(const Napi::CallbackInfo& info) {
  if (seat_) libseat_disable_seat(seat_);
  return info.Env().Undefined();
}

Napi::Value Seat::SwitchSession(const Napi::CallbackInfo& info) {
  if (seat_) libseat_switch_session(seat_, info[0].As<Napi::Number>().Int32Value());
  return info.Env().Undefined();
}

Napi::Value Seat::Name(const Napi::CallbackInfo& info) {
  return Napi::String::New(info.Env(), seat_ ? libseat_seat_name(seat_) : "");
}

void Seat::Shutdown() {
  if (poll_) {
    uv_poll_stop(poll_);
    uv_close(reinterpret_cast<uv_handle_t*>(poll_), [](uv_handle_t* h) { delete reinterpret_cast<uv_poll_t*>(h); });
    poll_ = nullptr;
  }
  if (seat_) {
    for (auto& [fd, id] : devices_) {
      libseat_close_device(seat_, id);
      close(fd);
    }
    devices_.clear();
    libseat_close_seat(seat_);
    seat_ = nullptr;
  }
  emit_.Reset();
}

// close(): closes every device opened through it and leaves the seat. Safe to call twice.
Napi::Value Seat::CloseSeat(const Napi::CallbackInfo& info) {
  Shutdown();
  return info.Env().Undefined();
}

}  // namespace planar
