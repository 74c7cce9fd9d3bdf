// ShmBuffer: memfd (sealed, so the compositor can trust its size), mmap, wl_shm_pool, wl_buffer.
// `write` copies damaged rects of RGBA rows in, swapping R and B for the BGRA-ordered formats
// (the native core's damage copy). After destroy(), every call but destroy() throws.
#include "shm-buffer.h"

#include "connection.h"
#include "planar/damage-copy.h"

#include <fcntl.h>
#include <linux/dma-buf.h>
#include <sys/ioctl.h>
#include <sys/mman.h>

namespace planar {

Napi::Function ShmBuffer::Define(Napi::Env env) {
  return DefineClass(env, "ShmBuffer", {
    InstanceMethod<&ShmBuffer::Write>("write"),
    InstanceMethod<&ShmBuffer::Read>("read"),
    InstanceMethod<&ShmBuffer::CopyFromFd>("copyFromFd"),
    InstanceMethod<&ShmBuffer::Destroy>("destroy"),
    InstanceAccessor<&ShmBuffer::Busy>("busy"),
  });
}

ShmBuffer* ShmBuffer::Unwrap(const Napi::Value& value) {
  if (!value.IsObject()) return nullptr;
  return Napi::ObjectWrap<ShmBuffer>::Unwrap(value.As<Napi::Object>());
}

// new ShmBuffer(connection, width, height, shmFormat)
ShmBuffer::ShmBuffer(const Napi::CallbackInfo& info) : Napi::ObjectWrap<ShmBuffer>(info), id_(NextBufferId()) {
  auto env = info.Env();
  auto* connection = Connection::Unwrap(info[0]);
  if (!connection) throw Napi::TypeError::New(env, "ShmBuffer needs a Connection");
  state_ = connection->state();
  width_ = info[1].As<Napi::Number>().Int32Value();
  height_ = info[2].As<Napi::Number>().Int32Value();
  uint32_t format = info[3].As<Napi::Number>().Uint32Value();
  if (!state_ || !state_->display || !state_->globals.shm) throw Napi::Error::New(env, "the Wayland connection is closed (or has no wl_shm)");
  if (width_ <= 0 || height_ <= 0) throw Napi::RangeError::New(env, "a buffer needs a positive size");
  stride_ = width_ * 4;
  size_t size = static_cast<size_t>(stride_) * height_;
  fd_.Reset(memfd_create("planar-shm", MFD_CLOEXEC | MFD_ALLOW_SEALING));
  if (!fd_.valid()) throw ErrnoError(env, "memfd_create for a " + std::to_string(width_) + "x" + std::to_string(height_) + " buffer");
  if (ftruncate(fd_.get(), size) < 0) throw ErrnoError(env, "ftruncate of a shared-memory buffer");
  fcntl(fd_.get(), F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL);
  map_ = Mapping(mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd_.get(), 0), size);
  if (!map_) throw ErrnoError(env, "mmap of a shared-memory buffer");
  struct wl_shm_pool* pool = wl_shm_create_pool(state_->globals.shm, fd_.get(), size);
  buffer_ = wl_shm_pool_create_buffer(pool, 0, width_, height_, stride_, format);
  wl_shm_pool_destroy(pool);
  static const struct wl_buffer_listener listener = {OnRelease};
  wl_buffer_add_listener(buffer_, &listener, this);
  teardown_ = std::make_unique<Teardown>(state_, [this] { ReleaseProxy(); });
  live_.Take();
  auto self = info.This().As<Napi::Object>();
  self.Set("id", id_);
  self.Set("width", width_);
  self.Set("height", height_);
  self.Set("stride", stride_);
}

ShmBuffer::~ShmBuffer() { Drop(); }

void ShmBuffer::OnRelease(void* data, struct wl_buffer*) {
  auto* self = static_cast<ShmBuffer*>(data);
  self->busy_ = false;
  uint32_t id = self->id_;
  self->state_->emit("release", [id](Napi::Object& e) { e.Set("id", id); });
}

std::string ShmBuffer::Name() const {
  return "shared-memory buffer " + std::to_string(id_) + " (" + std::to_string(width_) + "x" + std::to_string(height_) + ")";
}

// write(source: Uint8Array, sourceStride, rects: Int32Array [x, y, w, h]*, swapRB): bytes written
Napi::Value ShmBuffer::Write(const Napi::CallbackInfo& info) {
  if (!map_) throw DestroyedBufferError(info.Env(), "write", Name());
  auto copy = ReadDamageCopy(info, width_, height_, Name());
  return Napi::Number::New(info.Env(), static_cast<double>(CopyDamage(copy, map_.data(), stride_)));
}

// copyFromFd(fd, offset, stride): copies a linear frame from a file descriptor the CPU can map
// (a linear DMA-BUF, or any memfd), row by row, between DMA_BUF_IOCTL_SYNC read fences.
Napi::Value ShmBuffer::CopyFromFd(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  int fd = info[0].As<Napi::Number>().Int32Value();
  size_t offset = info[1].As<Napi::Number>().Uint32Value();
  size_t stride = info[2].As<Napi::Number>().Uint32Value();
  if (!map_) throw DestroyedBufferError(env, "copyFromFd", Name());
  if (stride < static_cast<size_t>(stride_)) throw Napi::RangeError::New(env, "copyFromFd: the frame's stride is smaller than a row");
  size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  size_t start = offset / page * page;
  size_t length = offset - start + stride * height_;
  Mapping source(mmap(nullptr, length, PROT_READ, MAP_SHARED, fd, start), length);
  if (!source) throw ErrnoError(env, "cannot map the frame's DMA-BUF for reading into " + Name() + " (a tiled or protected buffer cannot be read by the CPU)");
  struct dma_buf_sync sync = {DMA_BUF_SYNC_START | DMA_BUF_SYNC_READ};
  ioctl(fd, DMA_BUF_IOCTL_SYNC, &sync);  // not a DMA-BUF (a memfd): nothing to wait for
  const uint8_t* from = source.data() + (offset - start);
  for (int32_t row = 0; row < height_; row++) memcpy(map_.data() + row * stride_, from + row * stride, stride_);
  sync.flags = DMA_BUF_SYNC_END | DMA_BUF_SYNC_READ;
  ioctl(fd, DMA_BUF_IOCTL_SYNC, &sync);
  return Napi::Number::New(env, static_cast<double>(stride_) * height_);
}

// read(): a copy of the pixels (for screenshots; never on the frame path).
Napi::Value ShmBuffer::Read(const Napi::CallbackInfo& info) {
  if (!map_) throw DestroyedBufferError(info.Env(), "read", Name());
  auto out = Napi::Uint8Array::New(info.Env(), map_.size());
  memcpy(out.Data(), map_.data(), map_.size());
  return out;
}

Napi::Value ShmBuffer::Busy(const Napi::CallbackInfo& info) { return Napi::Boolean::New(info.Env(), busy_); }

Napi::Value ShmBuffer::Destroy(const Napi::CallbackInfo& info) {
  Drop();
  return info.Env().Undefined();
}

void ShmBuffer::ReleaseProxy() {
  if (buffer_ && state_ && state_->display) wl_buffer_destroy(buffer_);
  buffer_ = nullptr;
  busy_ = false;
}

void ShmBuffer::Drop() {
  teardown_.reset();
  ReleaseProxy();
  map_.Reset();
  fd_.Reset();
  live_.Drop();
}

}  // namespace planar
