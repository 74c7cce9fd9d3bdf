// Watching a V4L2 device: its fd is polled by libuv, on the JS thread's own loop, so JS hears
// when a frame can be dequeued without ever blocking.
//
// A V4L2 fd is readable when a filled buffer waits for DQBUF. When it is not streaming, or the
// device is gone, poll() answers POLLERR, which libuv reports as status UV_EBADF and stops the
// poll itself; JS hears 'error' once and the poll stays stopped (a dequeue tells why) until
// watch() is called again. Only UV_READABLE is asked for: libuv takes POLLERR together with
// POLLPRI for sysfs-style priority data, so with UV_PRIORITIZED a POLLERR would come as an
// endless stream of 'readable' instead (and priority data, V4L2 events, are never subscribed).
//
// watch() wants buffers first: polling a queue that has none makes videobuf2 start its read()
// emulation (it allocates buffers of its own and streams into them), after which REQBUFS
// answers EBUSY and the poll reports a stream this device never asked for.
//
// The uv_poll_t lives on the heap and outlives this object if it must: uv_close() hands it to
// libuv, which calls back in its close phase, where it is deleted. The callback may close the
// device (or watch again): nothing here touches the device after calling JS.
#include <cstdio>

#include "device.h"

namespace planar {

// watch(cb): cb('readable' | 'error') on readiness. A second watch replaces the callback.
Napi::Value V4l2Device::Watch(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  CheckOpen(env);
  if (!info[0].IsFunction()) throw Napi::TypeError::New(env, "watch(cb): cb must be a function, called with 'readable' or 'error'");
  if (buffers_.empty()) {
    throw Napi::Error::New(env, "watch: " + path_ + " has no buffers: call requestBuffers first (polling a device without them starts the kernel's read() emulation, which takes the device)");
  }
  watcher_ = Napi::Persistent(info[0].As<Napi::Function>());
  if (!poll_) {
    uv_loop_t* loop = nullptr;
    napi_get_uv_event_loop(env, &loop);
    poll_ = new uv_poll_t;
    int status = uv_poll_init(loop, poll_, fd_.get());
    if (status < 0) {
      delete poll_;
      poll_ = nullptr;
      watcher_.Reset();
      throw Napi::Error::New(env, "cannot poll " + path_ + ": " + uv_strerror(status));
    }
    poll_->data = this;
  }
  int status = uv_poll_start(poll_, UV_READABLE, &V4l2Device::OnPoll);
  if (status < 0) {
    StopWatching();
    watcher_.Reset();
    throw Napi::Error::New(env, "cannot poll " + path_ + ": " + uv_strerror(status));
  }
  return env.Undefined();
}

// unwatch(): stops the poll; a no-op when nothing watches (a closed device included).
Napi::Value V4l2Device::Unwatch(const Napi::CallbackInfo& info) {
  StopWatching();
  watcher_.Reset();
  return info.Env().Undefined();
}

void V4l2Device::StopWatching() {
  if (!poll_) return;
  uv_poll_stop(poll_);
  uv_close(reinterpret_cast<uv_handle_t*>(poll_), [](uv_handle_t* handle) { delete reinterpret_cast<uv_poll_t*>(handle); });
  poll_ = nullptr;
}

void V4l2Device::OnPoll(uv_poll_t* handle, int status, int) {
  auto* self = static_cast<V4l2Device*>(handle->data);
  if (status < 0) {
    uv_poll_stop(handle);
    self->Emit("error");
  } else {
    self->Emit("readable");
  }
}

void V4l2Device::Emit(const char* readiness) {
  if (watcher_.IsEmpty()) return;
  auto env = watcher_.Env();
  Napi::HandleScope scope(env);
  // The callback may unwatch or close, which drops the reference: call through a local.
  auto callback = watcher_.Value();
  try {
    callback.MakeCallback(env.Global(), {Napi::String::New(env, readiness)}, *context_);
  } catch (const Napi::Error& error) {
    fprintf(stderr, "planar: a V4L2 watch callback threw: %s\n", error.Message().c_str());
  }
}

}  // namespace planar
