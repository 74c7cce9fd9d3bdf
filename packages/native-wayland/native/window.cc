// Window: surface + xdg_surface + xdg_toplevel, with the xdg handshake:
//
//   create → commit with no buffer → configure(size, states) + xdg configure(serial)
//   → ack_configure(serial) → attach a buffer of that size → commit
//
// The first configure may be 0x0 ("pick your size"): JS then uses the size it asked for.
// Every later configure (a resize, fullscreen granted, an output change) goes to JS the same
// way. Pacing: `frame()` asks for a frame callback before a commit; its `done` arrives when the
// compositor wants the next frame. Presentation feedback, where offered, reports when the
// commit reached the screen.
#include "window.h"

#include "connection.h"
#include "fractional-scale-v1-client.h"
#include "presentation-time-client.h"
#include "dmabuf-buffer.h"
#include "shm-buffer.h"
#include "viewporter-client.h"
#include "xdg-decoration-unstable-v1-client.h"
#include "xdg-shell-client.h"

namespace planar {

double MsBetween(const struct timespec& from, const struct timespec& to) {
  return (to.tv_sec - from.tv_sec) * 1e3 + (to.tv_nsec - from.tv_nsec) / 1e6;
}

double MonotonicMs() {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

// One presentation feedback: reports when the commit it was made for was shown.
class Feedback {
 public:
  Feedback(StatePtr state, struct wp_presentation_feedback* proxy, struct timespec committed)
      : state_(std::move(state)), proxy_(proxy), committed_(committed) {
    static const struct wp_presentation_feedback_listener listener = {OnSyncOutput, OnPresented, OnDiscarded};
    wp_presentation_feedback_add_listener(proxy_, &listener, this);
    teardown_ = std::make_unique<Teardown>(state_, [this] { Release(); });
  }

 private:
  static void OnSyncOutput(void*, struct wp_presentation_feedback*, struct wl_output*) {}
  static void OnPresented(void* data, struct wp_presentation_feedback*, uint32_t sec_hi, uint32_t sec_lo, uint32_t nsec, uint32_t refresh, uint32_t, uint32_t, uint32_t) {
    auto* self = static_cast<Feedback*>(data);
    struct timespec shown = {static_cast<time_t>((static_cast<uint64_t>(sec_hi) << 32) | sec_lo), static_cast<long>(nsec)};
    double latency = MsBetween(self->committed_, shown);
    self->state_->emit("presented", [&](Napi::Object& e) {
      e.Set("latencyMs", latency);
      e.Set("refreshNs", refresh);
    });
    self->Done();
  }
  static void OnDiscarded(void* data, struct wp_presentation_feedback*) {
    auto* self = static_cast<Feedback*>(data);
    self->state_->emit("discarded", [](Napi::Object&) {});
    self->Done();
  }
  void Release() {
    if (proxy_ && state_->display) wp_presentation_feedback_destroy(proxy_);
    proxy_ = nullptr;
  }
  void Done() {
    Release();
    teardown_.reset();
    delete this;
  }

  StatePtr state_;
  struct wp_presentation_feedback* proxy_;
  struct timespec committed_;
  std::unique_ptr<Teardown> teardown_;
};

namespace {

void OnDecorationConfigure(void*, struct zxdg_toplevel_decoration_v1*, uint32_t) {}
const struct zxdg_toplevel_decoration_v1_listener kDecorationListener = {OnDecorationConfigure};

void OnPreferredScale(void* data, struct wp_fractional_scale_v1*, uint32_t scale) {
  auto* state = static_cast<State*>(data);
  state->emit("fractional-scale", [&](Napi::Object& e) { e.Set("scale", scale / 120.0); });
}
const struct wp_fractional_scale_v1_listener kFractionalListener = {OnPreferredScale};

void OnSurfaceEnter(void* data, struct wl_surface*, struct wl_output* output) {
  auto* state = static_cast<State*>(data);
  uint32_t id = wl_proxy_get_id(reinterpret_cast<struct wl_proxy*>(output));
  state->emit("surface-output", [&](Napi::Object& e) { e.Set("entered", true); e.Set("output", id); });
}
void OnSurfaceLeave(void* data, struct wl_surface*, struct wl_output* output) {
  auto* state = static_cast<State*>(data);
  uint32_t id = wl_proxy_get_id(reinterpret_cast<struct wl_proxy*>(output));
  state->emit("surface-output", [&](Napi::Object& e) { e.Set("entered", false); e.Set("output", id); });
}
const struct wl_surface_listener kSurfaceListener = {OnSurfaceEnter, OnSurfaceLeave};

}  // namespace

Napi::Function Window::Define(Napi::Env env) {
  return DefineClass(env, "Window", {
    InstanceMethod<&Window::Attach>("attach"),
    InstanceMethod<&Window::Damage>("damage"),
    InstanceMethod<&Window::RequestFrame>("requestFrame"),
    InstanceMethod<&Window::Commit>("commit"),
    InstanceMethod<&Window::SetBufferScale>("setBufferScale"),
    InstanceMethod<&Window::SetDestination>("setDestination"),
    InstanceMethod<&Window::SetOpaque>("setOpaque"),
    InstanceMethod<&Window::Destroy>("destroy"),
  });
}

Window* Window::Unwrap(const Napi::Value& value) {
  if (!value.IsObject()) return nullptr;
  return Napi::ObjectWrap<Window>::Unwrap(value.As<Napi::Object>());
}

// new Window(connection, { title, appId, fullscreen, width, height })
Window::Window(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Window>(info) {
  auto env = info.Env();
  auto* connection = Connection::Unwrap(info[0]);
  if (!connection) throw Napi::TypeError::New(env, "Window needs a Connection");
  state_ = connection->state();
  auto& g = state_->globals;
  if (!state_->display) throw Napi::Error::New(env, "the Wayland connection is closed");
  auto options = info[1].IsObject() ? info[1].As<Napi::Object>() : Napi::Object::New(env);
  surface_ = wl_compositor_create_surface(g.compositor);
  wl_surface_add_listener(surface_, &kSurfaceListener, state_.get());
  xdg_surface_ = xdg_wm_base_get_xdg_surface(g.wm_base, surface_);
  static const struct xdg_surface_listener surface_listener = {OnConfigure};
  xdg_surface_add_listener(xdg_surface_, &surface_listener, this);
  toplevel_ = xdg_surface_get_toplevel(xdg_surface_);
  // Bound at version 2: configure_bounds and wm_capabilities (versions 4, 5) never come.
  static const struct xdg_toplevel_listener toplevel_listener = {OnToplevelConfigure, OnClose, nullptr, nullptr};
  xdg_toplevel_add_listener(toplevel_, &toplevel_listener, this);
  if (options.Has("title")) xdg_toplevel_set_title(toplevel_, options.Get("title").ToString().Utf8Value().c_str());
  if (options.Has("appId")) xdg_toplevel_set_app_id(toplevel_, options.Get("appId").ToString().Utf8Value().c_str());
  if (g.decorations) {
    // No server-side decorations: the app draws none either (a kiosk has no title bar).
    decoration_ = zxdg_decoration_manager_v1_get_toplevel_decoration(g.decorations, toplevel_);
    zxdg_toplevel_decoration_v1_add_listener(decoration_, &kDecorationListener, nullptr);
    zxdg_toplevel_decoration_v1_set_mode(decoration_, ZXDG_TOPLEVEL_DECORATION_V1_MODE_CLIENT_SIDE);
  }
  if (g.viewporter) viewport_ = wp_viewporter_get_viewport(g.viewporter, surface_);
  if (g.fractional_scale) {
    fractional_ = wp_fractional_scale_manager_v1_get_fractional_scale(g.fractional_scale, surface_);
    wp_fractional_scale_v1_add_listener(fractional_, &kFractionalListener, state_.get());
  }
  if (options.Get("fullscreen").ToBoolean()) xdg_toplevel_set_fullscreen(toplevel_, nullptr);
  wl_surface_commit(surface_);
  teardown_ = std::make_unique<Teardown>(state_, [this] { ReleaseProxies(); });
}

Window::~Window() {
  teardown_.reset();
  ReleaseProxies();
}

void Window::OnToplevelConfigure(void* data, struct xdg_toplevel*, int32_t width, int32_t height, struct wl_array* states) {
  auto* self = static_cast<Window*>(data);
  self->pending_width_ = width;
  self->pending_height_ = height;
  self->pending_fullscreen_ = self->pending_activated_ = false;
  uint32_t* s;
  for (s = static_cast<uint32_t*>(states->data); reinterpret_cast<char*>(s) < static_cast<char*>(states->data) + states->size; s++) {
    if (*s == XDG_TOPLEVEL_STATE_FULLSCREEN) self->pending_fullscreen_ = true;
    if (*s == XDG_TOPLEVEL_STATE_ACTIVATED) self->pending_activated_ = true;
  }
}

void Window::OnConfigure(void* data, struct xdg_surface* xdg, uint32_t serial) {
  auto* self = static_cast<Window*>(data);
  xdg_surface_ack_configure(xdg, serial);
  self->state_->emit("configure", [&](Napi::Object& e) {
    e.Set("width", self->pending_width_);
    e.Set("height", self->pending_height_);
    e.Set("fullscreen", self->pending_fullscreen_);
    e.Set("activated", self->pending_activated_);
  });
}

void Window::OnClose(void* data, struct xdg_toplevel*) {
  static_cast<Window*>(data)->state_->emit("window-close", [](Napi::Object&) {});
}

void Window::OnFrameDone(void* data, struct wl_callback* callback, uint32_t time) {
  auto* self = static_cast<Window*>(data);
  wl_callback_destroy(callback);
  if (self->frame_ == callback) self->frame_ = nullptr;
  double latency = MsBetween(self->committed_at_, [] { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t; }());
  self->state_->emit("frame", [&](Napi::Object& e) {
    e.Set("time", time);
    e.Set("sinceCommitMs", latency);
  });
}

// A ShmBuffer or a DmabufBuffer behind a JS object, or null for anything else.
static AttachableBuffer* UnwrapAttachable(const Napi::Value& value) {
  if (!value.IsObject()) return nullptr;
  auto object = value.As<Napi::Object>();
  auto* data = value.Env().GetInstanceData<AddonData>();
  if (object.InstanceOf(data->shm_buffer.Value())) return Napi::ObjectWrap<ShmBuffer>::Unwrap(object);
  if (object.InstanceOf(data->dmabuf_buffer.Value())) return Napi::ObjectWrap<DmabufBuffer>::Unwrap(object);
  return nullptr;
}

void AttachBuffer(const StatePtr& state, struct wl_surface* surface, const Napi::Value& value) {
  if (!surface || !state->display) return;
  auto* buffer = value.IsNull() ? nullptr : UnwrapAttachable(value);
  if (!value.IsNull() && !buffer) throw Napi::TypeError::New(value.Env(), "attach: expected a ShmBuffer, a DmabufBuffer or null");
  if (buffer && buffer->destroyed()) throw DestroyedBufferError(value.Env(), "attach", buffer->Name());
  if (buffer) buffer->MarkBusy();
  wl_surface_attach(surface, buffer ? buffer->buffer() : nullptr, 0, 0);
}

// Rects as [x, y, w, h]* in buffer pixels; compositors before wl_surface v4 get the whole surface.
void DamageBuffer(const StatePtr& state, struct wl_surface* surface, const Napi::Int32Array& rects) {
  if (!surface || !state->display) return;
  for (size_t i = 0; i + 3 < rects.ElementLength(); i += 4) {
    if (state->globals.compositor_version >= 4) wl_surface_damage_buffer(surface, rects[i], rects[i + 1], rects[i + 2], rects[i + 3]);
    else wl_surface_damage(surface, 0, 0, INT32_MAX, INT32_MAX);
  }
}

// attach(buffer | null)
Napi::Value Window::Attach(const Napi::CallbackInfo& info) {
  AttachBuffer(state_, surface_, info[0]);
  return info.Env().Undefined();
}

// damage(rects: Int32Array [x, y, w, h]*)
Napi::Value Window::Damage(const Napi::CallbackInfo& info) {
  DamageBuffer(state_, surface_, info[0].As<Napi::Int32Array>());
  return info.Env().Undefined();
}

Napi::Value Window::RequestFrame(const Napi::CallbackInfo& info) {
  if (!surface_ || !state_->display || frame_) return info.Env().Undefined();
  frame_ = wl_surface_frame(surface_);
  static const struct wl_callback_listener listener = {OnFrameDone};
  wl_callback_add_listener(frame_, &listener, this);
  return info.Env().Undefined();
}

// commit(wantFeedback: boolean)
Napi::Value Window::Commit(const Napi::CallbackInfo& info) {
  if (!surface_ || !state_->display) return info.Env().Undefined();
  clock_gettime(CLOCK_MONOTONIC, &committed_at_);
  if (info[0].ToBoolean() && state_->globals.presentation) {
    new Feedback(state_, wp_presentation_feedback(state_->globals.presentation, surface_), committed_at_);
  }
  wl_surface_commit(surface_);
  return info.Env().Undefined();
}

Napi::Value Window::SetBufferScale(const Napi::CallbackInfo& info) {
  if (surface_ && state_->display) wl_surface_set_buffer_scale(surface_, info[0].As<Napi::Number>().Int32Value());
  return info.Env().Undefined();
}

// setDestination(width, height): the surface's size in logical px (viewporter), for fractional scales.
Napi::Value Window::SetDestination(const Napi::CallbackInfo& info) {
  if (viewport_ && state_->display) wp_viewport_set_destination(viewport_, info[0].As<Napi::Number>().Int32Value(), info[1].As<Napi::Number>().Int32Value());
  return Napi::Boolean::New(info.Env(), viewport_ != nullptr);
}

// setOpaque(width, height): the whole surface is opaque (lets the compositor skip what is under it).
Napi::Value Window::SetOpaque(const Napi::CallbackInfo& info) {
  if (!surface_ || !state_->display) return info.Env().Undefined();
  struct wl_region* region = wl_compositor_create_region(state_->globals.compositor);
  wl_region_add(region, 0, 0, info[0].As<Napi::Number>().Int32Value(), info[1].As<Napi::Number>().Int32Value());
  wl_surface_set_opaque_region(surface_, region);
  wl_region_destroy(region);
  return info.Env().Undefined();
}

Napi::Value Window::Destroy(const Napi::CallbackInfo& info) {
  teardown_.reset();
  ReleaseProxies();
  return info.Env().Undefined();
}

void Window::ReleaseProxies() {
  bool live = state_ && state_->display;
  if (live) {
    if (frame_) wl_callback_destroy(frame_);
    if (fractional_) wp_fractional_scale_v1_destroy(fractional_);
    if (viewport_) wp_viewport_destroy(viewport_);
    if (decoration_) zxdg_toplevel_decoration_v1_destroy(decoration_);
    if (toplevel_) xdg_toplevel_destroy(toplevel_);
    if (xdg_surface_) xdg_surface_destroy(xdg_surface_);
    if (surface_) wl_surface_destroy(surface_);
  }
  frame_ = nullptr;
  fractional_ = nullptr;
  viewport_ = nullptr;
  decoration_ = nullptr;
  toplevel_ = nullptr;
  xdg_surface_ = nullptr;
  surface_ = nullptr;
}

}  // namespace planar
