// Connection: connect, registry, globals, and reading the socket through libuv.
//
// libwayland's rule for a single-threaded client that polls the fd itself:
//
//   idle:     dispatch_pending → prepare_read (retry while events are queued) → flush
//   readable: read_events (never blocks: poll said there is data) → dispatch_pending → idle
//
// A flush that cannot write everything (EAGAIN) leaves the rest in libwayland's buffer; we
// then poll for writable too and flush again. Every request JS makes is followed by a flush
// from JS (`flush()`), so nothing waits for the next incoming event. A read error, a hang-up or
// a protocol error is the compositor going away: the fd is dropped, every proxy is torn down,
// and a `disconnect` event carries the reason.
#include "connection.h"

#include <node_api.h>

#include "clipboard.h"
#include "fractional-scale-v1-client.h"
#include "linux-dmabuf-unstable-v1-client.h"
#include "presentation-time-client.h"
#include "seat.h"
#include "text-input-unstable-v3-client.h"
#include "text-input.h"
#include "viewporter-client.h"
#include "xdg-decoration-unstable-v1-client.h"
#include "xdg-shell-client.h"

namespace planar {

namespace {

void OnPing(void*, struct xdg_wm_base* base, uint32_t serial) { xdg_wm_base_pong(base, serial); }
const struct xdg_wm_base_listener kWmBaseListener = {OnPing};

std::string SocketPath() {
  const char* dir = getenv("XDG_RUNTIME_DIR");
  const char* name = getenv("WAYLAND_DISPLAY");
  std::string display = name ? name : "wayland-0";
  if (!display.empty() && display[0] == '/') return display;
  return std::string(dir ? dir : "$XDG_RUNTIME_DIR") + "/" + display;
}

void OnOutputGeometry(void* data, struct wl_output*, int32_t, int32_t, int32_t, int32_t, int32_t, const char* make, const char* model, int32_t transform) {
  auto* out = static_cast<Connection::Output*>(data);
  out->make = make ? make : "";
  out->model = model ? model : "";
  out->transform = transform;
}
void OnOutputMode(void* data, struct wl_output*, uint32_t flags, int32_t width, int32_t height, int32_t refresh) {
  if (!(flags & WL_OUTPUT_MODE_CURRENT)) return;
  auto* out = static_cast<Connection::Output*>(data);
  out->width = width;
  out->height = height;
  out->refresh = refresh;
}
void OnOutputDone(void*, struct wl_output*) {}
void OnOutputScale(void* data, struct wl_output*, int32_t factor) { static_cast<Connection::Output*>(data)->scale = factor; }
// Bound at version 2 at most: name and description (version 4) never come.
const struct wl_output_listener kOutputListener = {OnOutputGeometry, OnOutputMode, OnOutputDone, OnOutputScale, nullptr, nullptr};

void OnSyncDone(void* data, struct wl_callback* callback, uint32_t) {
  auto* deferred = static_cast<Napi::Promise::Deferred*>(data);
  Napi::HandleScope scope(deferred->Env());
  deferred->Resolve(deferred->Env().Undefined());
  delete deferred;
  wl_callback_destroy(callback);
}
const struct wl_callback_listener kSyncListener = {OnSyncDone};

}  // namespace

static void OnShmFormat(void* data, struct wl_shm*, uint32_t format) {
  static_cast<Connection*>(data)->shm_formats_.push_back(format);
}
static const struct wl_shm_listener kShmListener = {OnShmFormat};

Napi::Function Connection::Define(Napi::Env env) {
  return DefineClass(env, "Connection", {
    InstanceMethod<&Connection::Start>("start"),
    InstanceMethod<&Connection::Sync>("sync"),
    InstanceMethod<&Connection::Globals>("globals"),
    InstanceMethod<&Connection::ShmFormats>("shmFormats"),
    InstanceMethod<&Connection::Dmabuf>("dmabuf"),
    InstanceMethod<&Connection::Outputs>("outputs"),
    InstanceMethod<&Connection::Flush>("flush"),
    InstanceMethod<&Connection::Close>("close"),
    InstanceMethod<&Connection::SetCursor>("setCursor"),
    InstanceMethod<&Connection::TextInputSend>("textInput"),
    InstanceMethod<&Connection::SelectionMimes>("selectionMimes"),
    InstanceMethod<&Connection::ReceiveSelection>("receiveSelection"),
    InstanceMethod<&Connection::SetSelection>("setSelection"),
  });
}

Connection* Connection::Unwrap(const Napi::Value& value) {
  if (!value.IsObject()) return nullptr;
  return Napi::ObjectWrap<Connection>::Unwrap(value.As<Napi::Object>());
}

// new Connection(emit: (type, event) => void, name?: string)
Connection::Connection(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Connection>(info), env_(info.Env()) {
  if (!info[0].IsFunction()) throw Napi::TypeError::New(env_, "Connection needs an event callback");
  emit_ = Napi::Persistent(info[0].As<Napi::Function>());
  std::string name = info.Length() > 1 && info[1].IsString() ? info[1].As<Napi::String>().Utf8Value() : "";
  state_ = std::make_shared<State>();
  errno = 0;
  state_->display = wl_display_connect(name.empty() ? nullptr : name.c_str());
  if (!state_->display) {
    int err = errno ? errno : ENOENT;
    std::string where = getenv("WAYLAND_SOCKET") ? "the socket in WAYLAND_SOCKET" : SocketPath();
    throw ErrnoError(env_, "cannot connect to the Wayland compositor at " + where, err);
  }
  state_->emit = [this](const char* type, const std::function<void(Napi::Object&)>& fill) { Emit(type, fill); };
  registry_ = wl_display_get_registry(state_->display);
  static const struct wl_registry_listener listener = {OnGlobal, OnGlobalRemove};
  wl_registry_add_listener(registry_, &listener, this);
}

Connection::~Connection() { Teardown(false); }

void Connection::OnGlobal(void* data, struct wl_registry* registry, uint32_t name, const char* interface, uint32_t version) {
  auto* self = static_cast<Connection*>(data);
  auto& g = self->state_->globals;
  std::string iface = interface;
  self->globals_.push_back({name, iface, version});
  auto bind = [&](const struct wl_interface* type, uint32_t max) {
    return wl_registry_bind(registry, name, type, std::min(version, max));
  };
  if (iface == wl_compositor_interface.name) {
    g.compositor = static_cast<struct wl_compositor*>(bind(&wl_compositor_interface, 4));
    g.compositor_version = std::min(version, 4u);
  } else if (iface == wl_subcompositor_interface.name) {
    g.subcompositor = static_cast<struct wl_subcompositor*>(bind(&wl_subcompositor_interface, 1));
  } else if (iface == wl_shm_interface.name) {
    g.shm = static_cast<struct wl_shm*>(bind(&wl_shm_interface, 1));
    wl_shm_add_listener(g.shm, &kShmListener, self);
  } else if (iface == xdg_wm_base_interface.name) {
    g.wm_base = static_cast<struct xdg_wm_base*>(bind(&xdg_wm_base_interface, 2));
    xdg_wm_base_add_listener(g.wm_base, &kWmBaseListener, nullptr);
  } else if (iface == wp_viewporter_interface.name) {
    g.viewporter = static_cast<struct wp_viewporter*>(bind(&wp_viewporter_interface, 1));
  } else if (iface == wp_presentation_interface.name) {
    g.presentation = static_cast<struct wp_presentation*>(bind(&wp_presentation_interface, 1));
  } else if (iface == zxdg_decoration_manager_v1_interface.name) {
    g.decorations = static_cast<struct zxdg_decoration_manager_v1*>(bind(&zxdg_decoration_manager_v1_interface, 1));
  } else if (iface == zwp_linux_dmabuf_v1_interface.name) {
    // Version 4 for the default feedback (the compositor's device), else 3 (modifier events).
    if (version < 3) return;
    g.dmabuf = static_cast<struct zwp_linux_dmabuf_v1*>(bind(&zwp_linux_dmabuf_v1_interface, 4));
    g.dmabuf_version = std::min(version, 4u);
    self->dmabuf_feedback_ = std::make_unique<DmabufFeedback>(g.dmabuf, g.dmabuf_version);
  } else if (iface == wp_fractional_scale_manager_v1_interface.name) {
    g.fractional_scale = static_cast<struct wp_fractional_scale_manager_v1*>(bind(&wp_fractional_scale_manager_v1_interface, 1));
  } else if (iface == zwp_text_input_manager_v3_interface.name) {
    g.text_input_manager = static_cast<struct zwp_text_input_manager_v3*>(bind(&zwp_text_input_manager_v3_interface, 1));
  } else if (iface == wl_data_device_manager_interface.name) {
    g.data_device_manager = static_cast<struct wl_data_device_manager*>(bind(&wl_data_device_manager_interface, 3));
    g.data_device_manager_version = std::min(version, 3u);
  } else if (iface == wl_output_interface.name) {
    self->BindOutput(name, version);
  } else if (iface == wl_seat_interface.name && !self->seat_) {
    auto* seat = static_cast<struct wl_seat*>(bind(&wl_seat_interface, 7));
    self->seat_ = std::make_unique<Seat>(self->state_, seat, std::min(version, 7u));
    self->seat_name_ = name;
  }
  if (self->seat_) self->seat_->AttachManagers();
}

void Connection::BindOutput(uint32_t name, uint32_t version) {
  auto out = std::make_unique<Output>();
  out->proxy = static_cast<struct wl_output*>(wl_registry_bind(registry_, name, &wl_output_interface, std::min(version, 2u)));
  out->name = name;
  out->scale = 1;
  out->width = out->height = out->refresh = out->transform = 0;
  wl_output_add_listener(out->proxy, &kOutputListener, out.get());
  outputs_.push_back(std::move(out));
}

void Connection::OnGlobalRemove(void* data, struct wl_registry*, uint32_t name) {
  auto* self = static_cast<Connection*>(data);
  if (self->seat_ && name == self->seat_name_) {
    if (self->seat_->clipboard) self->seat_->clipboard->AbortTransfers();
    self->seat_.reset();
    self->Emit("seat-removed", [](Napi::Object&) {});
  }
  for (auto it = self->outputs_.begin(); it != self->outputs_.end(); ++it) {
    if ((*it)->name != name) continue;
    wl_output_destroy((*it)->proxy);
    self->outputs_.erase(it);
    self->Emit("output-removed", [name](Napi::Object& e) { e.Set("name", name); });
    break;
  }
}

void Connection::Emit(const char* type, const std::function<void(Napi::Object&)>& fill) {
  if (emit_.IsEmpty()) return;
  Napi::HandleScope scope(env_);
  Napi::Object event = Napi::Object::New(env_);
  fill(event);
  try {
    emit_.Call({Napi::String::New(env_, type), event});
  } catch (const Napi::Error& error) {
    fprintf(stderr, "planar: a Wayland event handler threw: %s\n", error.Message().c_str());
  }
}

Napi::Value Connection::Start(const Napi::CallbackInfo& info) {
  if (poll_ || !state_->display) return info.Env().Undefined();
  uv_loop_t* loop = nullptr;
  napi_get_uv_event_loop(info.Env(), &loop);
  poll_ = new uv_poll_t;
  uv_poll_init(loop, poll_, wl_display_get_fd(state_->display));
  poll_->data = this;
  Pump();
  return info.Env().Undefined();
}

void Connection::OnPoll(uv_poll_t* handle, int status, int events) {
  auto* self = static_cast<Connection*>(handle->data);
  if (!self->state_->display) return;
  if (status < 0) return self->Lost(std::string("the connection to the compositor failed: ") + uv_strerror(status));
  if (events & UV_READABLE) {
    if (wl_display_prepare_read(self->state_->display) == 0) {
      if (wl_display_read_events(self->state_->display) < 0) return self->Lost(ErrnoText("the compositor closed the connection"));
    }
  }
  if (events & UV_DISCONNECT) return self->Lost("the compositor hung up");
  self->Pump();
}

// Dispatches what is queued, flushes, and polls for what comes next.
void Connection::Pump() {
  auto* display = state_->display;
  if (!display) return;
  if (wl_display_dispatch_pending(display) < 0 || wl_display_get_error(display)) {
    int err = wl_display_get_error(display);
    const struct wl_interface* iface = nullptr;
    uint32_t id = 0;
    uint32_t code = err == EPROTO ? wl_display_get_protocol_error(display, &iface, &id) : 0;
    if (err == EPROTO) return Lost(std::string("the compositor reported a protocol error on ") + (iface ? iface->name : "?") + "#" + std::to_string(id) + " (code " + std::to_string(code) + ")");
    return Lost(ErrnoText("the connection to the compositor broke", err ? err : EPIPE));
  }
  int events = UV_READABLE | UV_DISCONNECT;
  if (wl_display_flush(display) < 0) {
    if (errno != EAGAIN) return Lost(ErrnoText("cannot write to the compositor"));
    events |= UV_WRITABLE;
  }
  if (!poll_) return;
  if (events != poll_events_) {
    poll_events_ = events;
    uv_poll_start(poll_, events, OnPoll);
  }
}

void Connection::Dispatch() { Pump(); }

void Connection::Lost(const std::string& reason) {
  if (!state_->display) return;
  Teardown();
  Emit("disconnect", [&](Napi::Object& e) { e.Set("reason", reason); });
}

// Drops every proxy and the display; safe to call twice. `from_js`: not from the finalizer.
void Connection::Teardown(bool from_js) {
  if (poll_) {
    uv_poll_stop(poll_);
    uv_close(reinterpret_cast<uv_handle_t*>(poll_), [](uv_handle_t* h) { delete reinterpret_cast<uv_poll_t*>(h); });
    poll_ = nullptr;
  }
  if (!state_ || !state_->display) return;
  auto hooks = state_->teardowns;
  for (auto* hook : hooks) (*hook)();
  // A clipboard read under way is rejected, unless this is the finalizer (no JS may run then).
  if (from_js && seat_ && seat_->clipboard) seat_->clipboard->AbortTransfers();
  seat_.reset();
  for (auto& out : outputs_) wl_output_destroy(out->proxy);
  outputs_.clear();
  auto& g = state_->globals;
  if (g.text_input_manager) zwp_text_input_manager_v3_destroy(g.text_input_manager);
  if (g.data_device_manager) wl_data_device_manager_destroy(g.data_device_manager);
  if (g.fractional_scale) wp_fractional_scale_manager_v1_destroy(g.fractional_scale);
  dmabuf_feedback_.reset();
  if (g.dmabuf) zwp_linux_dmabuf_v1_destroy(g.dmabuf);
  if (g.decorations) zxdg_decoration_manager_v1_destroy(g.decorations);
  if (g.presentation) wp_presentation_destroy(g.presentation);
  if (g.viewporter) wp_viewporter_destroy(g.viewporter);
  if (g.wm_base) xdg_wm_base_destroy(g.wm_base);
  if (g.shm) wl_shm_destroy(g.shm);
  if (g.subcompositor) wl_subcompositor_destroy(g.subcompositor);
  if (g.compositor) wl_compositor_destroy(g.compositor);
  g = {};
  if (registry_) wl_registry_destroy(registry_);
  registry_ = nullptr;
  wl_display_disconnect(state_->display);
  state_->display = nullptr;
}

// sync(): resolves once the compositor has handled every request sent so far.
Napi::Value Connection::Sync(const Napi::CallbackInfo& info) {
  auto* deferred = new Napi::Promise::Deferred(info.Env());
  auto promise = deferred->Promise();
  if (!state_->display) {
    deferred->Reject(Napi::Error::New(info.Env(), "the Wayland connection is closed").Value());
    delete deferred;
    return promise;
  }
  struct wl_callback* callback = wl_display_sync(state_->display);
  wl_callback_add_listener(callback, &kSyncListener, deferred);
  Pump();
  return promise;
}

Napi::Value Connection::Globals(const Napi::CallbackInfo& info) {
  auto list = Napi::Array::New(info.Env(), globals_.size());
  for (size_t i = 0; i < globals_.size(); i++) {
    auto g = Napi::Object::New(info.Env());
    g.Set("interface", globals_[i].interface);
    g.Set("version", globals_[i].version);
    list.Set(i, g);
  }
  return list;
}

Napi::Value Connection::ShmFormats(const Napi::CallbackInfo& info) {
  auto list = Napi::Array::New(info.Env(), shm_formats_.size());
  for (size_t i = 0; i < shm_formats_.size(); i++) list.Set(i, shm_formats_[i]);
  return list;
}

// dmabuf(): what the compositor said about DMA-BUFs, or null when it offers no zwp_linux_dmabuf_v1 (v3+).
Napi::Value Connection::Dmabuf(const Napi::CallbackInfo& info) {
  if (!dmabuf_feedback_) return info.Env().Null();
  return dmabuf_feedback_->Describe(info.Env());
}

Napi::Value Connection::Outputs(const Napi::CallbackInfo& info) {
  auto list = Napi::Array::New(info.Env(), outputs_.size());
  for (size_t i = 0; i < outputs_.size(); i++) {
    auto o = Napi::Object::New(info.Env());
    o.Set("name", outputs_[i]->name);
    o.Set("scale", outputs_[i]->scale);
    o.Set("width", outputs_[i]->width);
    o.Set("height", outputs_[i]->height);
    o.Set("refreshMhz", outputs_[i]->refresh);
    o.Set("make", outputs_[i]->make);
    o.Set("model", outputs_[i]->model);
    o.Set("transform", outputs_[i]->transform);
    list.Set(i, o);
  }
  return list;
}

Napi::Value Connection::Flush(const Napi::CallbackInfo& info) {
  Pump();
  return info.Env().Undefined();
}

// setCursor(visible): the default arrow, or no cursor at all (kiosks).
Napi::Value Connection::SetCursor(const Napi::CallbackInfo& info) {
  state_->cursor_visible = info[0].ToBoolean();
  if (seat_) seat_->ApplyCursor();
  Pump();
  return info.Env().Undefined();
}

// textInput(request): the requests to send, then commit; returns the commit count (0 without a
// text input: no zwp_text_input_manager_v3, or no seat).
Napi::Value Connection::TextInputSend(const Napi::CallbackInfo& info) {
  if (!state_->display || !seat_ || !seat_->text_input) return Napi::Number::New(info.Env(), 0);
  if (!info[0].IsObject()) throw Napi::TypeError::New(info.Env(), "textInput(request): the request must be an object");
  uint32_t serial = seat_->text_input->Send(info[0].As<Napi::Object>());
  Pump();
  return Napi::Number::New(info.Env(), serial);
}

// selectionMimes(): the MIME types of the current selection, or null when there is none.
Napi::Value Connection::SelectionMimes(const Napi::CallbackInfo& info) {
  std::vector<std::string> mimes;
  if (!state_->display || !seat_ || !seat_->clipboard || !seat_->clipboard->SelectionMimes(&mimes)) return info.Env().Null();
  auto list = Napi::Array::New(info.Env(), mimes.size());
  for (size_t i = 0; i < mimes.size(); i++) list.Set(i, mimes[i]);
  return list;
}

// receiveSelection(mime, timeoutMs): Promise<Buffer | null> (null: no selection).
Napi::Value Connection::ReceiveSelection(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!state_->display || !seat_ || !seat_->clipboard) {
    auto none = Napi::Promise::Deferred::New(env);
    none.Resolve(env.Null());
    return none.Promise();
  }
  std::string mime = info[0].ToString().Utf8Value();
  uint32_t timeout = info[1].IsNumber() ? info[1].ToNumber().Uint32Value() : 5000;
  auto promise = seat_->clipboard->Receive(env, mime, timeout);
  Pump();
  return promise;
}

// setSelection(text, mimes): offers `text` as the clipboard under each MIME type.
Napi::Value Connection::SetSelection(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!state_->display) throw Napi::Error::New(env, "cannot set the clipboard: the Wayland connection is closed");
  if (!seat_ || !seat_->clipboard) throw Napi::Error::New(env, "cannot set the clipboard: the compositor offers no seat with a data device");
  std::vector<std::string> mimes;
  auto list = info[1].As<Napi::Array>();
  for (uint32_t i = 0; i < list.Length(); i++) mimes.push_back(list.Get(i).ToString().Utf8Value());
  seat_->clipboard->Offer(env, info[0].ToString().Utf8Value(), mimes);
  Pump();
  return env.Undefined();
}

Napi::Value Connection::Close(const Napi::CallbackInfo& info) {
  Teardown();
  emit_.Reset();
  return info.Env().Undefined();
}

}  // namespace planar
