// Scan-out buffers.
//
// A DumbBuffer is a dumb buffer (DRM_IOCTL_MODE_CREATE_DUMB, linear, 32 bpp), exported as a
// DMA-BUF (drmPrimeHandleToFD) and mapped through that fd, with a framebuffer (AddFB2, with
// the LINEAR modifier where the driver takes modifiers). CPU writes are bracketed by
// DMA_BUF_IOCTL_SYNC so caches are right on devices that need it. The mapping is usually
// write-combined: write() touches each destination byte once, rows in order, and never reads
// it; only read() (for a writeback buffer the display wrote) reads, and says so to the sync.
//
// An ImportedBuffer wraps a DMA-BUF made elsewhere (a camera, a decoder) as a framebuffer:
// drmPrimeFDToHandle, then AddFB2 with its modifier. The fd stays the producer's. A video
// format's planes lie in that one buffer: NV12 is two framebuffer planes on the same handle,
// the Y plane at the frame's offset and the interleaved U/V plane right after it
// (offset + stride * height), both with rows of the frame's stride; YUYV and RGB are one plane.
//
// Both keep the Device alive while they live; if the device was closed first, the kernel has
// already freed their handles and framebuffers with the fd, and destroy() does nothing. After
// destroy(), every call but destroy() throws (the native core's DestroyedBufferError).
#include "dumb-buffer.h"

#include "planar/damage-copy.h"

#include <drm_fourcc.h>
#include <linux/dma-buf.h>
#include <sys/ioctl.h>
#include <xf86drm.h>
#include <xf86drmMode.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace planar {

namespace {

void SyncDmaBuf(int fd, uint64_t flags) {
  if (fd < 0) return;
  dma_buf_sync sync{flags};
  while (ioctl(fd, DMA_BUF_IOCTL_SYNC, &sync) == -1 && (errno == EINTR || errno == EAGAIN)) {
  }
}

void DestroyDumb(int fd, uint32_t handle) {
  drm_mode_destroy_dumb destroy{handle};
  drmIoctl(fd, DRM_IOCTL_MODE_DESTROY_DUMB, &destroy);
}

bool TakesModifiers(int fd) {
  uint64_t value = 0;
  return drmGetCap(fd, DRM_CAP_ADDFB2_MODIFIERS, &value) == 0 && value;
}

// AddFB2 for a buffer whose planes share one handle and stride (see FramebufferPlanesOf); with
// its modifier when the driver takes modifiers.
int AddFramebuffer(int fd, uint32_t w, uint32_t h, uint32_t format, uint32_t handle, uint32_t stride,
                   uint32_t offset, uint64_t modifier, uint32_t* fb) {
  FramebufferPlanes planes = FramebufferPlanesOf(format, stride, offset, h);
  if (!planes.count) {
    errno = EOVERFLOW;
    return -1;
  }
  uint32_t handles[4] = {};
  uint64_t modifiers[4] = {};
  for (int plane = 0; plane < planes.count; plane++) {
    handles[plane] = handle;
    modifiers[plane] = modifier;
  }
  uint32_t* pitches = planes.pitches;
  uint32_t* offsets = planes.offsets;
  if (TakesModifiers(fd)) {
    return drmModeAddFB2WithModifiers(fd, w, h, format, handles, pitches, offsets, modifiers, fb, DRM_MODE_FB_MODIFIERS);
  }
  if (modifier != DRM_FORMAT_MOD_LINEAR) {
    errno = EINVAL;
    return -1;
  }
  return drmModeAddFB2(fd, w, h, format, handles, pitches, offsets, fb, 0);
}

// "NV12", "XR24": a fourcc code as its four letters, for errors.
std::string FourccName(uint32_t format) {
  std::string name;
  for (int shift = 0; shift < 32; shift += 8) name += static_cast<char>((format >> shift) & 0xff);
  return name;
}

}  // namespace

FramebufferPlanes FramebufferPlanesOf(uint32_t format, uint32_t stride, uint32_t offset, uint32_t height) {
  FramebufferPlanes planes{};
  int count = format == DRM_FORMAT_NV12 ? 2 : 1;
  for (int plane = 0; plane < count; plane++) {
    uint64_t at = offset + static_cast<uint64_t>(plane) * stride * height;
    if (at > UINT32_MAX) return FramebufferPlanes{};
    planes.pitches[plane] = stride;
    planes.offsets[plane] = static_cast<uint32_t>(at);
  }
  planes.count = count;
  return planes;
}

// framebufferPlanes(fourcc, stride, offset, height) → { pitches, offsets }, or null when a plane
// lies past 4 GiB: the layout an imported buffer passes to AddFB2, for tests without a device.
Napi::Value FramebufferPlanesBinding(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  auto arg = [&](size_t i) { return info[i].As<Napi::Number>().Uint32Value(); };
  FramebufferPlanes planes = FramebufferPlanesOf(arg(0), arg(1), arg(2), arg(3));
  if (!planes.count) return env.Null();
  auto pitches = Napi::Array::New(env, planes.count), offsets = Napi::Array::New(env, planes.count);
  for (int plane = 0; plane < planes.count; plane++) {
    pitches.Set(plane, planes.pitches[plane]);
    offsets.Set(plane, planes.offsets[plane]);
  }
  auto out = Napi::Object::New(env);
  out.Set("pitches", pitches);
  out.Set("offsets", offsets);
  return out;
}

Napi::Function DumbBuffer::Define(Napi::Env env) {
  return DefineClass(env, "DumbBuffer", {
    InstanceMethod("write", &DumbBuffer::Write),
    InstanceMethod("read", &DumbBuffer::Read),
    InstanceMethod("exportFd", &DumbBuffer::ExportFd),
    InstanceMethod("destroy", &DumbBuffer::Destroy),
  });
}

// new DumbBuffer(device, width, height, fourcc) → { fbId, stride, width, height }
DumbBuffer::DumbBuffer(const Napi::CallbackInfo& info) : Napi::ObjectWrap<DumbBuffer>(info) {
  auto env = info.Env();
  device_ = Device::From(info[0]);
  device_ref_ = Napi::Persistent(info[0].As<Napi::Object>());
  width_ = info[1].As<Napi::Number>().Uint32Value();
  height_ = info[2].As<Napi::Number>().Uint32Value();
  uint32_t format = info[3].As<Napi::Number>().Uint32Value();
  int fd = device_->fd();
  std::string what = std::to_string(width_) + "x" + std::to_string(height_) + " dumb buffer";

  drm_mode_create_dumb create{};
  create.width = width_;
  create.height = height_;
  create.bpp = 32;
  if (drmIoctl(fd, DRM_IOCTL_MODE_CREATE_DUMB, &create) != 0) throw ErrnoError(env, "cannot create a " + what);
  handle_ = create.handle;
  stride_ = create.pitch;
  size_t size = create.size;

  int prime = -1;
  if (drmPrimeHandleToFD(fd, handle_, DRM_CLOEXEC | DRM_RDWR, &prime) == 0) {
    prime_.Reset(prime);
    map_ = Mapping(mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, prime, 0), size);
  }
  if (!map_.data()) {
    // No PRIME export or no mmap on it: map through the card instead.
    prime_.Reset();
    drm_mode_map_dumb request{};
    request.handle = handle_;
    if (drmIoctl(fd, DRM_IOCTL_MODE_MAP_DUMB, &request) == 0) {
      map_ = Mapping(mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, request.offset), size);
    }
  }
  if (!map_) {
    int err = errno;
    Release();
    throw ErrnoError(env, "cannot map a " + what, err);
  }
  if (AddFramebuffer(fd, width_, height_, format, handle_, stride_, 0, DRM_FORMAT_MOD_LINEAR, &fb_) != 0) {
    int err = errno;
    Release();
    throw ErrnoError(env, "cannot add a framebuffer for a " + what, err);
  }
  fb_id_ = fb_;
  live_.Take();
  auto self = info.This().As<Napi::Object>();
  self.Set("fbId", fb_);
  self.Set("stride", stride_);
  self.Set("width", width_);
  self.Set("height", height_);
}

DumbBuffer::~DumbBuffer() { Release(); }

std::string DumbBuffer::Name() const {
  return "dumb buffer " + std::to_string(width_) + "x" + std::to_string(height_) + " (framebuffer " + std::to_string(fb_id_) + ")";
}

void DumbBuffer::Release() {
  live_.Drop();
  map_.Reset();
  prime_.Reset();
  if (device_ && device_->fd() >= 0) {
    if (fb_) drmModeRmFB(device_->fd(), fb_);
    if (handle_) DestroyDumb(device_->fd(), handle_);
  }
  fb_ = handle_ = 0;
  device_ = nullptr;
  if (!device_ref_.IsEmpty()) device_ref_.Reset();
}

// write(source, sourceStride, rects: Int32Array [x, y, w, h]*, swapRB) → bytes written.
// Rects are written in row order; RGBA → BGRA when swapRB (XRGB8888/ARGB8888 planes).
Napi::Value DumbBuffer::Write(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  if (!map_) throw DestroyedBufferError(env, "write", Name());
  auto copy = ReadDamageCopy(info, static_cast<int32_t>(width_), static_cast<int32_t>(height_), Name());
  SyncDmaBuf(prime_.get(), DMA_BUF_SYNC_START | DMA_BUF_SYNC_WRITE);
  size_t bytes = CopyDamage(copy, map_.data(), stride_);
  SyncDmaBuf(prime_.get(), DMA_BUF_SYNC_END | DMA_BUF_SYNC_WRITE);
  return Napi::Number::New(env, static_cast<double>(bytes));
}

// read() → a copy of the rows (stride-packed to width * 4), for buffers the display wrote.
Napi::Value DumbBuffer::Read(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  if (!map_) throw DestroyedBufferError(env, "read", Name());
  auto out = Napi::Uint8Array::New(env, static_cast<size_t>(width_) * height_ * 4);
  SyncDmaBuf(prime_.get(), DMA_BUF_SYNC_START | DMA_BUF_SYNC_READ);
  for (uint32_t row = 0; row < height_; row++) {
    memcpy(out.Data() + row * width_ * 4, map_.data() + row * static_cast<size_t>(stride_), width_ * 4);
  }
  SyncDmaBuf(prime_.get(), DMA_BUF_SYNC_END | DMA_BUF_SYNC_READ);
  return out;
}

// exportFd() → a new DMA-BUF fd of this buffer, the caller's to close (to hand it to a consumer).
Napi::Value DumbBuffer::ExportFd(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  if (!device_) throw DestroyedBufferError(env, "exportFd", Name());
  int fd = -1;
  if (drmPrimeHandleToFD(device_->fd(), handle_, DRM_CLOEXEC | DRM_RDWR, &fd) != 0) {
    throw ErrnoError(env, "cannot export " + Name() + " as a DMA-BUF");
  }
  return Napi::Number::New(env, fd);
}

Napi::Value DumbBuffer::Destroy(const Napi::CallbackInfo& info) {
  Release();
  return info.Env().Undefined();
}

Napi::Function ImportedBuffer::Define(Napi::Env env) {
  return DefineClass(env, "ImportedBuffer", {InstanceMethod("destroy", &ImportedBuffer::Destroy)});
}

// new ImportedBuffer(device, fd, width, height, fourcc, stride, offset, modifier: bigint) → { fbId }
ImportedBuffer::ImportedBuffer(const Napi::CallbackInfo& info) : Napi::ObjectWrap<ImportedBuffer>(info) {
  auto env = info.Env();
  device_ = Device::From(info[0]);
  device_ref_ = Napi::Persistent(info[0].As<Napi::Object>());
  int dmabuf = info[1].As<Napi::Number>().Int32Value();
  uint32_t width = info[2].As<Napi::Number>().Uint32Value();
  uint32_t height = info[3].As<Napi::Number>().Uint32Value();
  uint32_t format = info[4].As<Napi::Number>().Uint32Value();
  uint32_t stride = info[5].As<Napi::Number>().Uint32Value();
  uint32_t offset = info[6].As<Napi::Number>().Uint32Value();
  bool lossless = true;
  uint64_t modifier = info[7].As<Napi::BigInt>().Uint64Value(&lossless);
  int fd = device_->fd();
  if (drmPrimeFDToHandle(fd, dmabuf, &handle_) != 0) {
    int err = errno;
    Release();
    throw ErrnoError(env, "cannot import a DMA-BUF (fd " + std::to_string(dmabuf) + ")", err);
  }
  if (AddFramebuffer(fd, width, height, format, handle_, stride, offset, modifier, &fb_) != 0) {
    int err = errno;
    Release();
    throw ErrnoError(env, "cannot add a " + FourccName(format) + " framebuffer for an imported DMA-BUF", err);
  }
  live_.Take();
  info.This().As<Napi::Object>().Set("fbId", fb_);
}

ImportedBuffer::~ImportedBuffer() { Release(); }

void ImportedBuffer::Release() {
  live_.Drop();
  if (device_ && device_->fd() >= 0) {
    if (fb_) drmModeRmFB(device_->fd(), fb_);
    if (handle_) {
      drm_gem_close close{handle_, 0};
      drmIoctl(device_->fd(), DRM_IOCTL_GEM_CLOSE, &close);
    }
  }
  fb_ = handle_ = 0;
  device_ = nullptr;
  if (!device_ref_.IsEmpty()) device_ref_.Reset();
}

Napi::Value ImportedBuffer::Destroy(const Napi::CallbackInfo& info) {
  Release();
  return info.Env().Undefined();
}

}  // namespace planar
