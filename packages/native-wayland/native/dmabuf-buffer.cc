// DmabufBuffer: a DMA-BUF handed to the compositor as a wl_buffer.
//
//   1. Allocation, by the kind JS chose:
//        gbm      gbm_bo_create(LINEAR | RENDERING) on the node, exported with gbm_bo_get_fd
//                 (on vkms and virtio-gpu Mesa's GBM is kms_swrast: a dumb buffer underneath)
//        dumb     DRM_IOCTL_MODE_CREATE_DUMB on a primary node (no DRM master needed), exported
//                 with PRIME (DRM_CLOEXEC | DRM_RDWR)
//        udmabuf  a sealed memfd turned into a DMA-BUF by /dev/udmabuf
//        import   an external frame's DMA-BUF (dup'ed): never mapped for writing, zero copies
//   2. Mapping, for the CPU's writes: the DMA-BUF itself (mmap of its fd), else the allocator's
//      own map (MAP_DUMB + mmap for dumb; gbm_bo_map around each write for GBM, since a driver
//      may map through a staging copy that only reaches the buffer on unmap); udmabuf maps its
//      memfd.
//   3. The wl_buffer: zwp_linux_buffer_params_v1 with one plane, then create_immed, or create
//      when JS asks to learn first whether the compositor imports this kind of buffer at all.
//      A refused create_immed is a protocol error (7, invalid_wl_buffer) that ends the whole
//      connection in some compositors; a refused create is only a `failed` event. So the first
//      buffer of each allocator/format/modifier goes through create (JS waits for the answer)
//      and the rest through create_immed.
//   4. write(): the damaged rects (the native core's copy), bracketed by DMA_BUF_IOCTL_SYNC
//      start/end for writing, so caches and the compositor's reads stay coherent. Each byte is
//      written once, in order: these mappings may be write-combined.
#include "dmabuf-buffer.h"

#include <drm.h>
#include <drm_mode.h>
#include <fcntl.h>
#include <linux/dma-buf.h>
#include <linux/udmabuf.h>
#include <sys/ioctl.h>
#include <sys/mman.h>

#include "connection.h"
#include "linux-dmabuf-unstable-v1-client.h"
#include "planar/damage-copy.h"

namespace planar {

DumbHandle& DumbHandle::operator=(DumbHandle&& other) noexcept {
  if (this != &other) {
    Reset();
    node_ = std::move(other.node_);
    handle_ = std::exchange(other.handle_, 0);
  }
  return *this;
}

void DumbHandle::Reset() {
  if (node_ && handle_) {
    struct drm_mode_destroy_dumb destroy = {handle_};
    ioctl(node_->fd.get(), DRM_IOCTL_MODE_DESTROY_DUMB, &destroy);
  }
  node_.reset();
  handle_ = 0;
}

namespace {

void SyncDmabuf(int fd, uint64_t flags) {
  struct dma_buf_sync sync = {flags};
  // EINTR: try again; any other failure (a udmabuf without sync support): nothing to wait for.
  while (ioctl(fd, DMA_BUF_IOCTL_SYNC, &sync) < 0 && errno == EINTR) {
  }
}

uint64_t ModifierOf(const Napi::Value& value) {
  if (value.IsBigInt()) {
    bool lossless;
    return value.As<Napi::BigInt>().Uint64Value(&lossless);
  }
  return static_cast<uint64_t>(value.As<Napi::Number>().Int64Value());
}

}  // namespace

Napi::Function DmabufBuffer::Define(Napi::Env env) {
  return DefineClass(env, "DmabufBuffer", {
    InstanceMethod<&DmabufBuffer::Write>("write"),
    InstanceMethod<&DmabufBuffer::Read>("read"),
    InstanceMethod<&DmabufBuffer::Destroy>("destroy"),
    InstanceAccessor<&DmabufBuffer::Busy>("busy"),
    InstanceAccessor<&DmabufBuffer::Status>("status"),
  });
}

// new DmabufBuffer(connection, source, width, height, fourcc, modifier, immediate)
//   source: { kind: 'gbm' | 'dumb' | 'udmabuf', device: DrmDevice } | { kind: 'import', fd, offset, stride }
DmabufBuffer::DmabufBuffer(const Napi::CallbackInfo& info) : Napi::ObjectWrap<DmabufBuffer>(info), id_(NextBufferId()) {
  auto env = info.Env();
  auto* connection = Connection::Unwrap(info[0]);
  if (!connection || !info[1].IsObject()) throw Napi::TypeError::New(env, "DmabufBuffer needs (connection, source, width, height, fourcc, modifier, immediate)");
  state_ = connection->state();
  if (!state_ || !state_->display || !state_->globals.dmabuf) throw Napi::Error::New(env, "the Wayland connection is closed (or has no zwp_linux_dmabuf_v1)");
  auto source = info[1].As<Napi::Object>();
  kind_ = source.Get("kind").ToString().Utf8Value();
  width_ = info[2].As<Napi::Number>().Int32Value();
  height_ = info[3].As<Napi::Number>().Int32Value();
  format_ = info[4].As<Napi::Number>().Uint32Value();
  modifier_ = ModifierOf(info[5]);
  bool immediate = info[6].ToBoolean();
  if (width_ <= 0 || height_ <= 0) throw Napi::RangeError::New(env, "a buffer needs a positive size");
  if (kind_ == "import") {
    Import(env, source);
  } else {
    auto* device = DrmDevice::Unwrap(source.Get("device"));
    if (!device || !device->node()) throw Napi::TypeError::New(env, "a " + kind_ + " buffer needs an open DrmDevice");
    device_path_ = device->node()->path;
    if (kind_ == "gbm") AllocateGbm(env, device->node());
    else if (kind_ == "dumb") AllocateDumb(env, device->node());
    else if (kind_ == "udmabuf") AllocateUdmabuf(env, device->node());
    else throw Napi::TypeError::New(env, "unknown DMA-BUF source kind '" + kind_ + "' (gbm, dumb, udmabuf or import)");
  }
  CreateWlBuffer(immediate);
  teardown_ = std::make_unique<Teardown>(state_, [this] { ReleaseProxies(); });
  live_.Take();
  auto self = info.This().As<Napi::Object>();
  self.Set("id", id_);
  self.Set("width", width_);
  self.Set("height", height_);
  self.Set("stride", stride_);
  self.Set("kind", kind_);
}

DmabufBuffer::~DmabufBuffer() { Drop(); }

std::string DmabufBuffer::Name() const {
  std::string where = device_path_.empty() ? kind_ : kind_ + " on " + device_path_;
  return "DMA-BUF buffer " + std::to_string(id_) + " (" + where + ", " + std::to_string(width_) + "x" + std::to_string(height_) + ")";
}

void DmabufBuffer::AllocateGbm(Napi::Env env, const DeviceNodePtr& node) {
#ifdef PLANAR_HAVE_GBM
  if (!node->gbm) {
    node->gbm.reset(gbm_create_device(node->fd.get()));
    if (!node->gbm) throw ErrnoError(env, "gbm_create_device on " + node->path + " (no GBM driver for this device)");
  }
  // LINEAR so the CPU's rows are the buffer's rows; RENDERING is what every driver maps.
  bo_.reset(gbm_bo_create(node->gbm.get(), width_, height_, format_, GBM_BO_USE_LINEAR | GBM_BO_USE_RENDERING));
  if (!bo_) bo_.reset(gbm_bo_create(node->gbm.get(), width_, height_, format_, GBM_BO_USE_LINEAR));
  if (!bo_) throw ErrnoError(env, "gbm_bo_create of a linear " + std::to_string(width_) + "x" + std::to_string(height_) + " buffer on " + node->path);
  node_ = node;
  stride_ = gbm_bo_get_stride(bo_.get());
  offset_ = gbm_bo_get_offset(bo_.get(), 0);
  dmabuf_.Reset(gbm_bo_get_fd(bo_.get()));
  if (!dmabuf_.valid()) throw ErrnoError(env, "gbm_bo_get_fd on " + node->path);
  size_t size = static_cast<size_t>(offset_) + static_cast<size_t>(stride_) * height_;
  map_ = Mapping(mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, dmabuf_.get(), 0), size);
  gbm_map_per_write_ = !map_;
#else
  (void)node;
  throw Napi::Error::New(env, "this build of the Wayland addon has no GBM (libgbm-dev was missing when it was built)");
#endif
}

void DmabufBuffer::AllocateDumb(Napi::Env env, const DeviceNodePtr& node) {
  struct drm_mode_create_dumb create = {};
  create.width = width_;
  create.height = height_;
  create.bpp = 32;
  if (ioctl(node->fd.get(), DRM_IOCTL_MODE_CREATE_DUMB, &create) < 0) {
    throw ErrnoError(env, "DRM_IOCTL_MODE_CREATE_DUMB of " + std::to_string(width_) + "x" + std::to_string(height_) + " on " + node->path);
  }
  node_ = node;
  dumb_ = DumbHandle(node, create.handle);
  stride_ = create.pitch;
  struct drm_prime_handle prime = {create.handle, DRM_CLOEXEC | DRM_RDWR, -1};
  if (ioctl(node->fd.get(), DRM_IOCTL_PRIME_HANDLE_TO_FD, &prime) < 0) throw ErrnoError(env, "PRIME export of a dumb buffer on " + node->path);
  dmabuf_.Reset(prime.fd);
  struct drm_mode_map_dumb map = {};
  map.handle = create.handle;
  if (ioctl(node->fd.get(), DRM_IOCTL_MODE_MAP_DUMB, &map) < 0) throw ErrnoError(env, "DRM_IOCTL_MODE_MAP_DUMB on " + node->path);
  map_ = Mapping(mmap(nullptr, create.size, PROT_READ | PROT_WRITE, MAP_SHARED, node->fd.get(), map.offset), create.size);
  if (!map_) throw ErrnoError(env, "mmap of a dumb buffer on " + node->path);
}

void DmabufBuffer::AllocateUdmabuf(Napi::Env env, const DeviceNodePtr& node) {
  stride_ = (static_cast<uint32_t>(width_) * 4 + 63) & ~63u;
  size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  size_t size = (static_cast<size_t>(stride_) * height_ + page - 1) / page * page;
  memfd_.Reset(memfd_create("planar-udmabuf", MFD_CLOEXEC | MFD_ALLOW_SEALING));
  if (!memfd_.valid()) throw ErrnoError(env, "memfd_create for a udmabuf");
  if (ftruncate(memfd_.get(), size) < 0) throw ErrnoError(env, "ftruncate of a udmabuf memfd");
  // udmabuf takes only memfds that can no longer shrink.
  if (fcntl(memfd_.get(), F_ADD_SEALS, F_SEAL_SHRINK) < 0) throw ErrnoError(env, "sealing a udmabuf memfd");
  struct udmabuf_create create = {};
  create.memfd = static_cast<uint32_t>(memfd_.get());
  create.flags = UDMABUF_FLAGS_CLOEXEC;
  create.size = size;
  dmabuf_.Reset(ioctl(node->fd.get(), UDMABUF_CREATE, &create));
  if (!dmabuf_.valid()) throw ErrnoError(env, "UDMABUF_CREATE on " + node->path);
  map_ = Mapping(mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, memfd_.get(), 0), size);
  if (!map_) throw ErrnoError(env, "mmap of a udmabuf memfd");
}

void DmabufBuffer::Import(Napi::Env env, const Napi::Object& source) {
  int fd = source.Get("fd").As<Napi::Number>().Int32Value();
  offset_ = source.Get("offset").As<Napi::Number>().Uint32Value();
  stride_ = source.Get("stride").As<Napi::Number>().Uint32Value();
  // Our own reference: the frame's producer may close its fd while the compositor still shows it.
  dmabuf_.Reset(fcntl(fd, F_DUPFD_CLOEXEC, 0));
  if (!dmabuf_.valid()) throw ErrnoError(env, "cannot take the external frame's DMA-BUF (fd " + std::to_string(fd) + ")");
}

void DmabufBuffer::CreateWlBuffer(bool immediate) {
  params_ = zwp_linux_dmabuf_v1_create_params(state_->globals.dmabuf);
  zwp_linux_buffer_params_v1_add(params_, dmabuf_.get(), 0, offset_, stride_, static_cast<uint32_t>(modifier_ >> 32), static_cast<uint32_t>(modifier_));
  if (immediate) {
    buffer_ = zwp_linux_buffer_params_v1_create_immed(params_, width_, height_, format_, 0);
    zwp_linux_buffer_params_v1_destroy(params_);
    params_ = nullptr;
    static const struct wl_buffer_listener listener = {OnRelease};
    wl_buffer_add_listener(buffer_, &listener, this);
    return;
  }
  status_ = "pending";
  static const struct zwp_linux_buffer_params_v1_listener listener = {OnCreated, OnFailed};
  zwp_linux_buffer_params_v1_add_listener(params_, &listener, this);
  zwp_linux_buffer_params_v1_create(params_, width_, height_, format_, 0);
}

void DmabufBuffer::OnCreated(void* data, struct zwp_linux_buffer_params_v1* params, struct wl_buffer* buffer) {
  auto* self = static_cast<DmabufBuffer*>(data);
  zwp_linux_buffer_params_v1_destroy(params);
  self->params_ = nullptr;
  self->buffer_ = buffer;
  static const struct wl_buffer_listener listener = {OnRelease};
  wl_buffer_add_listener(buffer, &listener, self);
  self->status_ = "ready";
  uint32_t id = self->id_;
  self->state_->emit("dmabuf-answer", [id](Napi::Object& e) { e.Set("id", id); e.Set("imported", true); });
}

void DmabufBuffer::OnFailed(void* data, struct zwp_linux_buffer_params_v1* params) {
  auto* self = static_cast<DmabufBuffer*>(data);
  zwp_linux_buffer_params_v1_destroy(params);
  self->params_ = nullptr;
  self->status_ = "failed";
  uint32_t id = self->id_;
  self->state_->emit("dmabuf-answer", [id](Napi::Object& e) { e.Set("id", id); e.Set("imported", false); });
}

void DmabufBuffer::OnRelease(void* data, struct wl_buffer*) {
  auto* self = static_cast<DmabufBuffer*>(data);
  self->busy_ = false;
  uint32_t id = self->id_;
  self->state_->emit("release", [id](Napi::Object& e) { e.Set("id", id); });
}

// write(source: Uint8Array, sourceStride, rects: Int32Array [x, y, w, h]*, swapRB): bytes written
Napi::Value DmabufBuffer::Write(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  if (destroyed()) throw DestroyedBufferError(env, "write", Name());
  if (kind_ == "import") throw Napi::Error::New(env, "write: " + Name() + " is an external frame's; it is shown as it is, never written");
  auto copy = ReadDamageCopy(info, width_, height_, Name());
  size_t bytes = 0;
  SyncDmabuf(dmabuf_.get(), DMA_BUF_SYNC_START | DMA_BUF_SYNC_WRITE);
#ifdef PLANAR_HAVE_GBM
  if (gbm_map_per_write_) {
    uint32_t stride = 0;
    void* handle = nullptr;
    void* data = gbm_bo_map(bo_.get(), 0, 0, width_, height_, GBM_BO_TRANSFER_READ_WRITE, &stride, &handle);
    if (!data) {
      SyncDmabuf(dmabuf_.get(), DMA_BUF_SYNC_END | DMA_BUF_SYNC_WRITE);
      throw ErrnoError(env, "gbm_bo_map of " + Name());
    }
    bytes = CopyDamage(copy, static_cast<uint8_t*>(data), stride);
    gbm_bo_unmap(bo_.get(), handle);
    SyncDmabuf(dmabuf_.get(), DMA_BUF_SYNC_END | DMA_BUF_SYNC_WRITE);
    return Napi::Number::New(env, static_cast<double>(bytes));
  }
#endif
  bytes = CopyDamage(copy, map_.data() + offset_, stride_);
  SyncDmabuf(dmabuf_.get(), DMA_BUF_SYNC_END | DMA_BUF_SYNC_WRITE);
  return Napi::Number::New(env, static_cast<double>(bytes));
}

// read(): a copy of the rows (stride bytes each), for screenshots; never on the frame path
// (a read from write-combined memory is slow).
Napi::Value DmabufBuffer::Read(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  if (destroyed()) throw DestroyedBufferError(env, "read", Name());
  size_t length = static_cast<size_t>(stride_) * height_;
  auto out = Napi::Uint8Array::New(env, length);
  Mapping own;
  const uint8_t* from = map_ ? map_.data() + offset_ : nullptr;
  if (!from) {
    size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    size_t start = offset_ / page * page;
    own = Mapping(mmap(nullptr, offset_ - start + length, PROT_READ, MAP_SHARED, dmabuf_.get(), start), offset_ - start + length);
    if (!own) throw ErrnoError(env, "cannot map " + Name() + " for reading (a tiled or protected buffer cannot be read by the CPU)");
    from = own.data() + (offset_ - start);
  }
  SyncDmabuf(dmabuf_.get(), DMA_BUF_SYNC_START | DMA_BUF_SYNC_READ);
  std::memcpy(out.Data(), from, length);
  SyncDmabuf(dmabuf_.get(), DMA_BUF_SYNC_END | DMA_BUF_SYNC_READ);
  return out;
}

Napi::Value DmabufBuffer::Busy(const Napi::CallbackInfo& info) { return Napi::Boolean::New(info.Env(), busy_); }
Napi::Value DmabufBuffer::Status(const Napi::CallbackInfo& info) { return Napi::String::New(info.Env(), status_); }

Napi::Value DmabufBuffer::Destroy(const Napi::CallbackInfo& info) {
  Drop();
  return info.Env().Undefined();
}

void DmabufBuffer::ReleaseProxies() {
  if (state_ && state_->display) {
    if (params_) zwp_linux_buffer_params_v1_destroy(params_);
    if (buffer_) wl_buffer_destroy(buffer_);
  }
  params_ = nullptr;
  buffer_ = nullptr;
  busy_ = false;
}

void DmabufBuffer::Drop() {
  teardown_.reset();
  ReleaseProxies();
  map_.Reset();
  dmabuf_.Reset();
  memfd_.Reset();
  dumb_.Reset();
#ifdef PLANAR_HAVE_GBM
  bo_.reset();
#endif
  node_.reset();
  live_.Drop();
}

}  // namespace planar
