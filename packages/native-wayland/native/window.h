// The app's window: a wl_surface with an xdg_toplevel (fullscreen for kiosks, or windowed),
// frame callbacks and presentation feedback for pacing, and the subsurfaces of its layers.
#pragma once

#include <time.h>

#include "common.h"

struct xdg_surface;
struct xdg_toplevel;
struct zxdg_toplevel_decoration_v1;
struct wp_presentation_feedback;
struct wp_viewport;
struct wp_fractional_scale_v1;

namespace planar {

// What Window and Subsurface share: a wl_surface to attach, damage and commit.
class SurfaceOps {
 public:
  virtual ~SurfaceOps() = default;
  virtual struct wl_surface* surface() const = 0;
};

class Window : public Napi::ObjectWrap<Window>, public SurfaceOps {
 public:
  static Napi::Function Define(Napi::Env env);
  explicit Window(const Napi::CallbackInfo& info);
  ~Window() override;
  static Window* Unwrap(const Napi::Value& value);
  struct wl_surface* surface() const override { return surface_; }
  StatePtr state() const { return state_; }

 private:
  Napi::Value Attach(const Napi::CallbackInfo& info);
  Napi::Value Damage(const Napi::CallbackInfo& info);
  Napi::Value RequestFrame(const Napi::CallbackInfo& info);
  Napi::Value Commit(const Napi::CallbackInfo& info);
  Napi::Value SetBufferScale(const Napi::CallbackInfo& info);
  Napi::Value SetDestination(const Napi::CallbackInfo& info);
  Napi::Value SetOpaque(const Napi::CallbackInfo& info);
  Napi::Value Destroy(const Napi::CallbackInfo& info);
  void ReleaseProxies();

  static void OnConfigure(void* data, struct xdg_surface* xdg, uint32_t serial);
  static void OnToplevelConfigure(void* data, struct xdg_toplevel* toplevel, int32_t width, int32_t height, struct wl_array* states);
  static void OnClose(void* data, struct xdg_toplevel* toplevel);
  static void OnFrameDone(void* data, struct wl_callback* callback, uint32_t time);

  StatePtr state_;
  std::unique_ptr<Teardown> teardown_;
  struct wl_surface* surface_ = nullptr;
  struct xdg_surface* xdg_surface_ = nullptr;
  struct xdg_toplevel* toplevel_ = nullptr;
  struct zxdg_toplevel_decoration_v1* decoration_ = nullptr;
  struct wp_viewport* viewport_ = nullptr;
  struct wp_fractional_scale_v1* fractional_ = nullptr;
  struct wl_callback* frame_ = nullptr;
  int32_t pending_width_ = 0, pending_height_ = 0;
  bool pending_fullscreen_ = false, pending_activated_ = false;
  struct timespec committed_at_ = {};
  friend class Feedback;
};

// attach(buffer | null) and damage(rects) of any surface: the window's or a layer's.
void AttachBuffer(const StatePtr& state, struct wl_surface* surface, const Napi::Value& buffer);
void DamageBuffer(const StatePtr& state, struct wl_surface* surface, const Napi::Int32Array& rects);

double MonotonicMs();
double MsBetween(const struct timespec& from, const struct timespec& to);

}  // namespace planar
