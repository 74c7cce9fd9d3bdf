// Subsurface: a layer on the compositor's side. Its position is in the window's surface
// coordinates; `placeAbove` orders it among its siblings and the window (applied on the
// window's next commit). Desynchronised, its own commits show at once: a layer moves or gets
// new pixels without a commit of the window. Its viewport (where the compositor has
// wp_viewporter) crops the buffer to a source rectangle and sizes the result on the window;
// both are double-buffered, so a scroll is setSource + commit, with no new attach.
#include "subsurface.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>

#include "connection.h"
#include "viewporter-client.h"

namespace planar {

namespace {

// A rectangle's arguments (x, y, width, height) as finite numbers; a TypeError or RangeError
// naming `method` otherwise.
std::array<double, 4> RectArgs(const Napi::CallbackInfo& info, const char* method) {
  std::array<double, 4> v{};
  for (size_t i = 0; i < v.size(); i++) {
    if (!info[i].IsNumber()) throw Napi::TypeError::New(info.Env(), std::string(method) + " needs (x, y, width, height) as numbers");
    v[i] = info[i].As<Napi::Number>().DoubleValue();
    if (!std::isfinite(v[i])) throw Napi::RangeError::New(info.Env(), std::string(method) + ": x, y, width and height must be finite");
  }
  return v;
}

}  // namespace

Napi::Function Subsurface::Define(Napi::Env env) {
  return DefineClass(env, "Subsurface", {
    InstanceMethod<&Subsurface::SetPosition>("setPosition"),
    InstanceMethod<&Subsurface::PlaceAbove>("placeAbove"),
    InstanceMethod<&Subsurface::SetSync>("setSync"),
    InstanceMethod<&Subsurface::Attach>("attach"),
    InstanceMethod<&Subsurface::Damage>("damage"),
    InstanceMethod<&Subsurface::DamageSurface>("damageSurface"),
    InstanceMethod<&Subsurface::SetDestination>("setDestination"),
    InstanceMethod<&Subsurface::SetSource>("setSource"),
    InstanceMethod<&Subsurface::Commit>("commit"),
    InstanceMethod<&Subsurface::Destroy>("destroy"),
  });
}

// new Subsurface(window)
Subsurface::Subsurface(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Subsurface>(info) {
  auto env = info.Env();
  auto* window = Window::Unwrap(info[0]);
  if (!window || !window->surface()) throw Napi::TypeError::New(env, "Subsurface needs a live Window");
  state_ = window->state();
  auto& g = state_->globals;
  if (!g.subcompositor) throw Napi::Error::New(env, "the compositor has no wl_subcompositor: layers cannot be subsurfaces");
  surface_ = wl_compositor_create_surface(g.compositor);
  subsurface_ = wl_subcompositor_get_subsurface(g.subcompositor, surface_, window->surface());
  struct wl_region* empty = wl_compositor_create_region(g.compositor);
  wl_surface_set_input_region(surface_, empty);
  wl_region_destroy(empty);
  if (g.viewporter) viewport_ = wp_viewporter_get_viewport(g.viewporter, surface_);
  wl_subsurface_set_desync(subsurface_);
  teardown_ = std::make_unique<Teardown>(state_, [this] { ReleaseProxies(); });
}

Subsurface::~Subsurface() {
  teardown_.reset();
  ReleaseProxies();
}

Napi::Value Subsurface::SetPosition(const Napi::CallbackInfo& info) {
  if (subsurface_ && state_->display) wl_subsurface_set_position(subsurface_, info[0].As<Napi::Number>().Int32Value(), info[1].As<Napi::Number>().Int32Value());
  return info.Env().Undefined();
}

// placeAbove(sibling: Subsurface | Window)
Napi::Value Subsurface::PlaceAbove(const Napi::CallbackInfo& info) {
  if (!subsurface_ || !state_->display || !info[0].IsObject()) return info.Env().Undefined();
  auto object = info[0].As<Napi::Object>();
  struct wl_surface* sibling = nullptr;
  if (object.InstanceOf(info.Env().GetInstanceData<AddonData>()->subsurface.Value())) sibling = Napi::ObjectWrap<Subsurface>::Unwrap(object)->surface();
  else if (auto* window = Window::Unwrap(object)) sibling = window->surface();
  if (sibling) wl_subsurface_place_above(subsurface_, sibling);
  return info.Env().Undefined();
}

Napi::Value Subsurface::SetSync(const Napi::CallbackInfo& info) {
  if (!subsurface_ || !state_->display) return info.Env().Undefined();
  if (info[0].ToBoolean()) wl_subsurface_set_sync(subsurface_);
  else wl_subsurface_set_desync(subsurface_);
  return info.Env().Undefined();
}

Napi::Value Subsurface::Attach(const Napi::CallbackInfo& info) {
  AttachBuffer(state_, surface_, info[0]);
  return info.Env().Undefined();
}

Napi::Value Subsurface::Damage(const Napi::CallbackInfo& info) {
  DamageBuffer(state_, surface_, info[0].As<Napi::Int32Array>());
  return info.Env().Undefined();
}

// damageSurface(x, y, width, height): damage in surface units (wl_surface.damage), for what the
// surface shows changing with no new buffer (a new viewport): compositors may apply buffer
// damage only with a buffer attached in the same commit (weston 10 drops it otherwise).
Napi::Value Subsurface::DamageSurface(const Napi::CallbackInfo& info) {
  auto v = RectArgs(info, "damageSurface");
  auto unit = [](double d) { return static_cast<int32_t>(std::clamp(d, -2147483648.0, 2147483647.0)); };
  if (surface_ && state_->display) wl_surface_damage(surface_, unit(v[0]), unit(v[1]), unit(v[2]), unit(v[3]));
  return info.Env().Undefined();
}

Napi::Value Subsurface::SetDestination(const Napi::CallbackInfo& info) {
  if (viewport_ && state_->display) wp_viewport_set_destination(viewport_, info[0].As<Napi::Number>().Int32Value(), info[1].As<Napi::Number>().Int32Value());
  return Napi::Boolean::New(info.Env(), viewport_ != nullptr);
}

// setSource(x, y, width, height): the part of the buffer shown, in surface units before the
// viewport (buffer px over the surface's buffer scale); all -1 unsets it. Values the protocol
// calls bad_value (a fatal error for the whole connection) are refused here as a RangeError.
Napi::Value Subsurface::SetSource(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  auto v = RectArgs(info, "setSource");
  bool unset = v[0] == -1 && v[1] == -1 && v[2] == -1 && v[3] == -1;
  if (!unset && (v[0] < 0 || v[1] < 0 || v[2] <= 0 || v[3] <= 0)) {
    char got[96];
    snprintf(got, sizeof got, "%gx%g+%g+%g", v[2], v[3], v[0], v[1]);
    throw Napi::RangeError::New(env, std::string("setSource: a source needs x, y >= 0 and a positive width and height (or all -1 to unset it), got ") + got);
  }
  if (viewport_ && state_->display) {
    wp_viewport_set_source(viewport_, wl_fixed_from_double(v[0]), wl_fixed_from_double(v[1]), wl_fixed_from_double(v[2]), wl_fixed_from_double(v[3]));
  }
  return Napi::Boolean::New(env, viewport_ != nullptr);
}

Napi::Value Subsurface::Commit(const Napi::CallbackInfo& info) {
  if (surface_ && state_->display) wl_surface_commit(surface_);
  return info.Env().Undefined();
}

Napi::Value Subsurface::Destroy(const Napi::CallbackInfo& info) {
  teardown_.reset();
  ReleaseProxies();
  return info.Env().Undefined();
}

void Subsurface::ReleaseProxies() {
  if (state_ && state_->display) {
    if (viewport_) wp_viewport_destroy(viewport_);
    if (subsurface_) wl_subsurface_destroy(subsurface_);
    if (surface_) wl_surface_destroy(surface_);
  }
  viewport_ = nullptr;
  subsurface_ = nullptr;
  surface_ = nullptr;
}

}  // namespace planar
