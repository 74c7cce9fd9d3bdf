// Shared pieces of the Wayland addon: the connection state every object of the addon keeps
// alive. The RAII owners, errno errors and the damaged-rect copy come from the native core
// (packages/native-core/include/planar), which the KMS addon shares.
//
// Ownership: JS holds Connection, Window, Subsurface and ShmBuffer objects. Each native
// object owns its Wayland proxies and destroys them in destroy() (or its finalizer). All of
// them hold a shared_ptr to the connection's State; once the connection is closed or lost,
// `state->display` is null and every method becomes a no-op, so a late call from JS can never
// touch a freed proxy.
#pragma once

#include <napi.h>
#include <wayland-client.h>

#include <functional>
#include <memory>
#include <set>
#include <string>

#include "planar/errors.h"
#include "planar/live-objects.h"
#include "planar/owned.h"

struct xdg_wm_base;
struct wp_viewporter;
struct wp_presentation;
struct zxdg_decoration_manager_v1;
struct zwp_linux_dmabuf_v1;
struct wp_fractional_scale_manager_v1;
struct zwp_text_input_manager_v3;

namespace planar {

// The globals the addon binds, and the connection they came from.
struct Globals {
  struct wl_compositor* compositor = nullptr;
  struct wl_subcompositor* subcompositor = nullptr;
  struct wl_shm* shm = nullptr;
  struct xdg_wm_base* wm_base = nullptr;
  struct wp_viewporter* viewporter = nullptr;
  struct wp_presentation* presentation = nullptr;
  struct zxdg_decoration_manager_v1* decorations = nullptr;
  struct zwp_linux_dmabuf_v1* dmabuf = nullptr;
  uint32_t dmabuf_version = 0;
  struct wp_fractional_scale_manager_v1* fractional_scale = nullptr;
  struct zwp_text_input_manager_v3* text_input_manager = nullptr;
  struct wl_data_device_manager* data_device_manager = nullptr;
  uint32_t data_device_manager_version = 0;
  uint32_t compositor_version = 0;
};

// Emits an event to JS: a type and an object filled by `fill`.
using Emitter = std::function<void(const char* type, const std::function<void(Napi::Object&)>& fill)>;

// The connection as its objects see it.
struct State {
  struct wl_display* display = nullptr;
  Globals globals;
  Emitter emit;
  bool cursor_visible = false;
  // The serial of the last input event the seat delivered (a key, a button, a touch, a focus):
  // setting the selection needs one.
  uint32_t input_serial = 0;
  // Everything that must drop its proxies before the display is disconnected.
  std::set<std::function<void()>*> teardowns;
};

using StatePtr = std::shared_ptr<State>;

// The ids of every buffer kind (shared memory, DMA-BUF) come from one count: a `release` event
// names its buffer by id alone.
inline uint32_t NextBufferId() {
  static uint32_t next = 1;
  return next++;
}

// The addon's classes, kept so that a JS object can be told apart (InstanceOf) before unwrapping.
struct AddonData {
  Napi::FunctionReference subsurface;
  Napi::FunctionReference shm_buffer;
  Napi::FunctionReference dmabuf_buffer;
};

// What a surface can attach: a wl_buffer the compositor reads until it sends `release`.
class AttachableBuffer {
 public:
  virtual ~AttachableBuffer() = default;
  virtual struct wl_buffer* buffer() const = 0;
  virtual void MarkBusy() = 0;
  virtual bool destroyed() const = 0;
  virtual std::string Name() const = 0;
};

// Registers a teardown hook with the state for the lifetime of this object.
class Teardown {
 public:
  Teardown(StatePtr state, std::function<void()> fn) : state_(std::move(state)), fn_(std::move(fn)) {
    state_->teardowns.insert(&fn_);
  }
  Teardown(const Teardown&) = delete;
  Teardown& operator=(const Teardown&) = delete;
  ~Teardown() { state_->teardowns.erase(&fn_); }

 private:
  StatePtr state_;
  std::function<void()> fn_;
};

}  // namespace planar
