// Shared pieces of the Wayland addon: RAII owners for file descriptors and mappings, errors
// with errno text, and the connection state every object of the addon keeps alive.
//
// Ownership: JS holds Connection, Window, Subsurface and ShmBuffer objects. Each native
// object owns its Wayland proxies and destroys them in destroy() (or its finalizer). All of
// them hold a shared_ptr to the connection's State; once the connection is closed or lost,
// `state->display` is null and every method becomes a no-op, so a late call from JS can never
// touch a freed proxy.
#pragma once

#include <napi.h>
#include <wayland-client.h>

#include <cerrno>
#include <cstring>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <sys/mman.h>
#include <unistd.h>

struct xdg_wm_base;
struct wp_viewporter;
struct wp_presentation;
struct zxdg_decoration_manager_v1;
struct zwp_linux_dmabuf_v1;
struct wp_fractional_scale_manager_v1;

namespace planar {

// An owned file descriptor, closed on destruction.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  Fd(Fd&& other) noexcept : fd_(other.release()) {}
  Fd& operator=(Fd&& other) noexcept {
    reset(other.release());
    return *this;
  }
  ~Fd() { reset(); }
  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  int release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }
  void reset(int fd = -1) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }

 private:
  int fd_ = -1;
};

// An owned memory mapping, unmapped on destruction.
class Mapping {
 public:
  Mapping() = default;
  Mapping(void* data, size_t size) : data_(data), size_(size) {}
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  Mapping(Mapping&& other) noexcept : data_(other.data_), size_(other.size_) {
    other.data_ = nullptr;
    other.size_ = 0;
  }
  Mapping& operator=(Mapping&& other) noexcept {
    if (this != &other) {
      reset();
      data_ = other.data_;
      size_ = other.size_;
      other.data_ = nullptr;
      other.size_ = 0;
    }
    return *this;
  }
  ~Mapping() { reset(); }
  uint8_t* data() const { return static_cast<uint8_t*>(data_); }
  size_t size() const { return size_; }
  void reset() {
    if (data_ && data_ != MAP_FAILED) munmap(data_, size_);
    data_ = nullptr;
    size_ = 0;
  }

 private:
  void* data_ = nullptr;
  size_t size_ = 0;
};

// "what: strerror(errno)", for errors a person can act on.
inline std::string ErrnoText(const std::string& what, int err = errno) {
  return what + ": " + std::strerror(err);
}

inline Napi::Error ErrnoError(Napi::Env env, const std::string& what, int err = errno) {
  auto error = Napi::Error::New(env, ErrnoText(what, err));
  error.Set("errno", Napi::Number::New(env, err));
  return error;
}

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
  struct wp_fractional_scale_manager_v1* fractional_scale = nullptr;
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
  // Everything that must drop its proxies before the display is disconnected.
  std::set<std::function<void()>*> teardowns;
};

using StatePtr = std::shared_ptr<State>;

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
