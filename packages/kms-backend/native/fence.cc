// waitFence(fd) → Promise<void>: resolves when the sync_file signals (it polls readable), and
// closes the fd in every case. The poll runs in libuv's loop; the JS thread never waits.
#include "fence.h"

#include <uv.h>

#include "planar/errors.h"
#include "planar/owned.h"

namespace planar {

namespace {

struct FenceWait {
  Napi::Promise::Deferred deferred;
  Fd fence;
  uv_poll_t poll{};
};

void Finish(FenceWait* wait, int status) {
  Napi::Env env = wait->deferred.Env();
  Napi::HandleScope scope(env);
  if (status < 0) {
    wait->deferred.Reject(Napi::Error::New(env, std::string("waiting for a fence failed: ") + uv_strerror(status)).Value());
  } else {
    wait->deferred.Resolve(env.Undefined());
  }
  uv_poll_stop(&wait->poll);
  uv_close(reinterpret_cast<uv_handle_t*>(&wait->poll), [](uv_handle_t* h) { delete static_cast<FenceWait*>(h->data); });
}

}  // namespace

Napi::Value WaitFence(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  int fd = info[0].As<Napi::Number>().Int32Value();
  auto* wait = new FenceWait{Napi::Promise::Deferred::New(env), Fd(fd)};
  auto promise = wait->deferred.Promise();
  uv_loop_t* loop = nullptr;
  napi_get_uv_event_loop(env, &loop);
  int result = uv_poll_init(loop, &wait->poll, fd);
  if (result < 0) {
    wait->deferred.Reject(Napi::Error::New(env, std::string("cannot poll a fence: ") + uv_strerror(result)).Value());
    delete wait;
    return promise;
  }
  wait->poll.data = wait;
  uv_poll_start(&wait->poll, UV_READABLE, [](uv_poll_t* handle, int status, int) {
    Finish(static_cast<FenceWait*>(handle->data), status);
  });
  return promise;
}

}  // namespace planar
