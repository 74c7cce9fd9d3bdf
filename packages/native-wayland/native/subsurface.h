// A layer's surface: a wl_subsurface of the window, with a viewport (the part of its buffer it
// shows and its size on the window) and an empty input region (input goes to the window; the
// toolkit hit-tests its layers itself).
#pragma once

#include "window.h"

struct wl_subsurface;

namespace planar {

class Subsurface : public Napi::ObjectWrap<Subsurface>, public SurfaceOps {
 public:
  static Napi::Function Define(Napi::Env env);
  explicit Subsurface(const Napi::CallbackInfo& info);
  ~Subsurface() override;
  struct wl_surface* surface() const override { return surface_; }

 private:
  Napi::Value SetPosition(const Napi::CallbackInfo& info);
  Napi::Value PlaceAbove(const Napi::CallbackInfo& info);
  Napi::Value SetSync(const Napi::CallbackInfo& info);
  Napi::Value Attach(const Napi::CallbackInfo& info);
  Napi::Value Damage(const Napi::CallbackInfo& info);
  Napi::Value DamageSurface(const Napi::CallbackInfo& info);
  Napi::Value SetDestination(const Napi::CallbackInfo& info);
  Napi::Value SetSource(const Napi::CallbackInfo& info);
  Napi::Value Commit(const Napi::CallbackInfo& info);
  Napi::Value Destroy(const Napi::CallbackInfo& info);
  void ReleaseProxies();

  StatePtr state_;
  std::unique_ptr<Teardown> teardown_;
  struct wl_surface* surface_ = nullptr;
  struct wl_subsurface* subsurface_ = nullptr;
  struct wp_viewport* viewport_ = nullptr;
};

}  // namespace planar
