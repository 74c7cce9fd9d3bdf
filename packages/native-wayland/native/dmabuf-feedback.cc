// DmabufFeedback: the compositor's DMA-BUF formats.
//
//   version 3   `format` (implicit modifier) and `modifier` events right after the bind
//   version 4   get_default_feedback: a format table (an fd of 16-byte entries: format, padding,
//               modifier), the main device (a dev_t), and tranches that list table indices;
//               `done` makes the whole set current (it may come again when the compositor's
//               device or outputs change)
//
// The formats of every tranche are merged: a client that writes with the CPU needs only to know
// what the compositor imports at all, not which of them it could scan out.
#include "dmabuf-feedback.h"

#include <sys/mman.h>
#include <sys/sysmacros.h>

#include <algorithm>
#include <cstring>

#include "linux-dmabuf-unstable-v1-client.h"

namespace planar {

namespace {
constexpr uint64_t kModInvalid = 0x00ffffffffffffffULL;
}  // namespace

DmabufFeedback::DmabufFeedback(struct zwp_linux_dmabuf_v1* dmabuf, uint32_t version) : version_(version) {
  if (version >= 4) {
    static const struct zwp_linux_dmabuf_feedback_v1_listener listener = {
        OnDone, OnFormatTable, OnMainDevice, OnTrancheDone, OnTrancheTarget, OnTrancheFormats, OnTrancheFlags};
    feedback_ = zwp_linux_dmabuf_v1_get_default_feedback(dmabuf);
    zwp_linux_dmabuf_feedback_v1_add_listener(feedback_, &listener, this);
  } else {
    static const struct zwp_linux_dmabuf_v1_listener listener = {OnFormat, OnModifier};
    zwp_linux_dmabuf_v1_add_listener(dmabuf, &listener, this);
  }
}

// The proxy goes with the connection (its teardown runs first); only the feedback is ours.
DmabufFeedback::~DmabufFeedback() {
  if (feedback_) zwp_linux_dmabuf_feedback_v1_destroy(feedback_);
}

void DmabufFeedback::Add(std::vector<FormatModifier>& list, uint32_t format, uint64_t modifier) {
  for (const auto& f : list) {
    if (f.format == format && f.modifier == modifier) return;
  }
  list.push_back({format, modifier});
}

void DmabufFeedback::OnFormat(void* data, struct zwp_linux_dmabuf_v1*, uint32_t format) {
  auto* self = static_cast<DmabufFeedback*>(data);
  // Version 3 sends `modifier` events as well; a bare `format` means the implicit modifier.
  self->Add(self->formats_, format, kModInvalid);
}

void DmabufFeedback::OnModifier(void* data, struct zwp_linux_dmabuf_v1*, uint32_t format, uint32_t hi, uint32_t lo) {
  auto* self = static_cast<DmabufFeedback*>(data);
  self->Add(self->formats_, format, (static_cast<uint64_t>(hi) << 32) | lo);
}

void DmabufFeedback::OnDone(void* data, struct zwp_linux_dmabuf_feedback_v1*) {
  auto* self = static_cast<DmabufFeedback*>(data);
  self->formats_ = std::move(self->pending_);
  self->pending_.clear();
  if (self->pending_device_) self->main_device_ = self->pending_device_;
}

void DmabufFeedback::OnFormatTable(void* data, struct zwp_linux_dmabuf_feedback_v1*, int32_t fd, uint32_t size) {
  auto* self = static_cast<DmabufFeedback*>(data);
  Fd owned(fd);
  self->table_ = Mapping(mmap(nullptr, size, PROT_READ, MAP_PRIVATE, owned.get(), 0), size);
}

void DmabufFeedback::OnMainDevice(void* data, struct zwp_linux_dmabuf_feedback_v1*, struct wl_array* device) {
  auto* self = static_cast<DmabufFeedback*>(data);
  if (device->size != sizeof(dev_t)) return;
  dev_t dev;
  std::memcpy(&dev, device->data, sizeof dev);
  self->pending_device_ = dev;
}

void DmabufFeedback::OnTrancheDone(void*, struct zwp_linux_dmabuf_feedback_v1*) {}
void DmabufFeedback::OnTrancheTarget(void*, struct zwp_linux_dmabuf_feedback_v1*, struct wl_array*) {}
void DmabufFeedback::OnTrancheFlags(void*, struct zwp_linux_dmabuf_feedback_v1*, uint32_t) {}

void DmabufFeedback::OnTrancheFormats(void* data, struct zwp_linux_dmabuf_feedback_v1*, struct wl_array* indices) {
  auto* self = static_cast<DmabufFeedback*>(data);
  if (!self->table_) return;
  size_t entries = self->table_.size() / 16;
  const auto* index = static_cast<const uint16_t*>(indices->data);
  for (size_t i = 0; i < indices->size / sizeof(uint16_t); i++) {
    if (index[i] >= entries) continue;
    const uint8_t* entry = self->table_.data() + static_cast<size_t>(index[i]) * 16;
    uint32_t format;
    uint64_t modifier;
    std::memcpy(&format, entry, 4);
    std::memcpy(&modifier, entry + 8, 8);
    self->Add(self->pending_, format, modifier);
  }
}

Napi::Object DmabufFeedback::Describe(Napi::Env env) const {
  auto out = Napi::Object::New(env);
  out.Set("version", version_);
  auto list = Napi::Array::New(env, formats_.size());
  for (size_t i = 0; i < formats_.size(); i++) {
    auto f = Napi::Object::New(env);
    f.Set("format", formats_[i].format);
    f.Set("modifier", Napi::BigInt::New(env, formats_[i].modifier));
    list.Set(i, f);
  }
  out.Set("formats", list);
  if (main_device_) {
    auto d = Napi::Object::New(env);
    d.Set("major", major(*main_device_));
    d.Set("minor", minor(*main_device_));
    out.Set("mainDevice", d);
  } else {
    out.Set("mainDevice", env.Null());
  }
  return out;
}

}  // namespace planar
