// PipeWriter and PipeReader (see pipe-io.h). Promises are settled inside a callback scope, so
// that what awaits them runs straight away rather than at the next JS callback.
#include "pipe-io.h"

#include <fcntl.h>

namespace planar {

PipeTransfers::~PipeTransfers() {
  auto live = live_;
  for (auto* transfer : live) delete transfer;
}

void PipeTransfers::AbortAll() {
  auto live = live_;
  for (auto* transfer : live) {
    transfer->Abort();
    delete transfer;
  }
}

PipeTransfer::PipeTransfer(PipeTransfers& owner, Napi::Env env, Fd fd, int events) : env_(env), fd_(std::move(fd)), owner_(owner) {
  owner_.live_.insert(this);
  fcntl(fd_.get(), F_SETFL, fcntl(fd_.get(), F_GETFL) | O_NONBLOCK);
  uv_loop_t* loop = nullptr;
  napi_get_uv_event_loop(env, &loop);
  poll_ = new uv_poll_t;
  if (uv_poll_init(loop, poll_, fd_.get()) < 0) {
    delete poll_;
    poll_ = nullptr;
    return;
  }
  poll_->data = this;
  uv_poll_start(poll_, events, [](uv_poll_t* handle, int status, int) { static_cast<PipeTransfer*>(handle->data)->Ready(status); });
}

PipeTransfer::~PipeTransfer() {
  owner_.live_.erase(this);
  if (poll_) {
    uv_poll_stop(poll_);
    poll_->data = nullptr;
    uv_close(reinterpret_cast<uv_handle_t*>(poll_), [](uv_handle_t* h) { delete reinterpret_cast<uv_poll_t*>(h); });
  }
}

void PipeTransfer::Finish() { delete this; }

void PipeWriter::Start(PipeTransfers& owner, Napi::Env env, Fd fd, std::string bytes) {
  new PipeWriter(owner, env, std::move(fd), std::move(bytes));
}

PipeWriter::PipeWriter(PipeTransfers& owner, Napi::Env env, Fd fd, std::string bytes)
    : PipeTransfer(owner, env, std::move(fd), UV_WRITABLE), bytes_(std::move(bytes)) {}

void PipeWriter::Ready(int status) {
  while (status >= 0 && written_ < bytes_.size()) {
    ssize_t n = write(fd_.get(), bytes_.data() + written_, bytes_.size() - written_);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) return;
    if (n <= 0) break;  // EPIPE and the like: the program reading went away
    written_ += static_cast<size_t>(n);
  }
  Finish();
}

Napi::Promise PipeReader::Start(PipeTransfers& owner, Napi::Env env, Fd fd, uint32_t timeout_ms, std::string what) {
  auto* reader = new PipeReader(owner, env, std::move(fd), timeout_ms, std::move(what));
  return reader->deferred_.Promise();
}

PipeReader::PipeReader(PipeTransfers& owner, Napi::Env env, Fd fd, uint32_t timeout_ms, std::string what)
    : PipeTransfer(owner, env, std::move(fd), UV_READABLE | UV_DISCONNECT),
      deferred_(Napi::Promise::Deferred::New(env)),
      async_(env, "planar:clipboard"),
      what_(std::move(what)) {
  uv_loop_t* loop = nullptr;
  napi_get_uv_event_loop(env, &loop);
  timer_ = new uv_timer_t;
  uv_timer_init(loop, timer_);
  timer_->data = this;
  uv_timer_start(timer_, [](uv_timer_t* handle) {
    auto* self = static_cast<PipeReader*>(handle->data);
    self->Settle("nothing came from " + self->what_ + " within the time allowed (its owner may be hung)");
  }, timeout_ms, 0);
}

PipeReader::~PipeReader() {
  if (timer_) {
    uv_timer_stop(timer_);
    uv_close(reinterpret_cast<uv_handle_t*>(timer_), [](uv_handle_t* h) { delete reinterpret_cast<uv_timer_t*>(h); });
  }
}

void PipeReader::Ready(int status) {
  if (status < 0) return Settle(std::string("cannot read ") + what_ + ": " + uv_strerror(status));
  char chunk[16384];
  for (;;) {
    ssize_t n = read(fd_.get(), chunk, sizeof chunk);
    if (n > 0) {
      bytes_.append(chunk, static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) return;
    return Settle(n == 0 ? "" : ErrnoText("cannot read " + what_));
  }
}

void PipeReader::Abort() {
  aborting_ = true;
  Settle("the seat or the Wayland connection went away before " + what_ + " was read");
}

void PipeReader::Settle(const std::string& error) {
  // Gone (fd closed) before the promise settles: what awaits it runs as the scope closes.
  Napi::Env env = env_;
  Napi::Promise::Deferred deferred = deferred_;
  Napi::AsyncContext async = std::move(async_);
  std::string bytes = std::move(bytes_);
  if (!aborting_) Finish();
  Napi::HandleScope scope(env);
  Napi::CallbackScope callback(env, async);
  if (error.empty()) {
    deferred.Resolve(Napi::Buffer<char>::Copy(env, bytes.data(), bytes.size()));
  } else {
    deferred.Reject(Napi::Error::New(env, error).Value());
  }
}

}  // namespace planar
