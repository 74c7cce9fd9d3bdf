// How many kernel objects an addon holds right now: open file descriptors, memory mappings
// and pixel buffers. The owners in owned.h count their fds and mappings themselves; a buffer
// class holds a LiveBuffer while it holds its resources. JS reads the counts through the
// addon's `liveObjects()`, so a leak test sees a buffer that was never destroyed even when it
// costs no JS memory at all.
//
// One set of counts per addon: the variable has hidden visibility, so two addons loaded into
// one process (both are built from these headers) never share it. The counts are atomic
// because an owner may die on a libuv worker thread (a fence wait).
#pragma once

#include <napi.h>

#include <atomic>
#include <cstdint>

namespace planar {

struct LiveCounts {
  std::atomic<int64_t> fds{0};
  std::atomic<int64_t> mappings{0};
  std::atomic<int64_t> buffers{0};
};

[[gnu::visibility("hidden")]] inline LiveCounts live_counts;

// { fds, mappings, buffers }: what this addon holds now.
inline Napi::Object LiveObjects(Napi::Env env) {
  auto counts = Napi::Object::New(env);
  counts.Set("fds", Napi::Number::New(env, static_cast<double>(live_counts.fds.load())));
  counts.Set("mappings", Napi::Number::New(env, static_cast<double>(live_counts.mappings.load())));
  counts.Set("buffers", Napi::Number::New(env, static_cast<double>(live_counts.buffers.load())));
  return counts;
}

// A buffer's place in the count: taken once its resources exist, dropped (once) when they go.
class LiveBuffer {
 public:
  LiveBuffer() = default;
  LiveBuffer(const LiveBuffer&) = delete;
  LiveBuffer& operator=(const LiveBuffer&) = delete;
  ~LiveBuffer() { Drop(); }
  void Take() {
    if (!held_) live_counts.buffers++;
    held_ = true;
  }
  void Drop() {
    if (held_) live_counts.buffers--;
    held_ = false;
  }
  bool held() const { return held_; }

 private:
  bool held_ = false;
};

}  // namespace planar
