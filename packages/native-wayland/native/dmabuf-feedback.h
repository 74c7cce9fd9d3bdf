// What the compositor says about DMA-BUFs: the formats and modifiers it imports, and (version 4)
// the device it composites with.
#pragma once

#include <sys/types.h>

#include <optional>
#include <vector>

#include "common.h"

struct zwp_linux_dmabuf_feedback_v1;

namespace planar {

struct FormatModifier {
  uint32_t format;
  uint64_t modifier;
};

class DmabufFeedback {
 public:
  // Listens on the bound zwp_linux_dmabuf_v1: its format/modifier events (version 3), or the
  // default feedback (version 4).
  DmabufFeedback(struct zwp_linux_dmabuf_v1* dmabuf, uint32_t version);
  ~DmabufFeedback();
  DmabufFeedback(const DmabufFeedback&) = delete;
  DmabufFeedback& operator=(const DmabufFeedback&) = delete;

  // { version, formats: [{ format, modifier: bigint }], mainDevice: { major, minor } | null }
  Napi::Object Describe(Napi::Env env) const;

 private:
  static void OnFormat(void* data, struct zwp_linux_dmabuf_v1*, uint32_t format);
  static void OnModifier(void* data, struct zwp_linux_dmabuf_v1*, uint32_t format, uint32_t hi, uint32_t lo);
  static void OnDone(void* data, struct zwp_linux_dmabuf_feedback_v1*);
  static void OnFormatTable(void* data, struct zwp_linux_dmabuf_feedback_v1*, int32_t fd, uint32_t size);
  static void OnMainDevice(void* data, struct zwp_linux_dmabuf_feedback_v1*, struct wl_array* device);
  static void OnTrancheDone(void* data, struct zwp_linux_dmabuf_feedback_v1*);
  static void OnTrancheTarget(void* data, struct zwp_linux_dmabuf_feedback_v1*, struct wl_array* device);
  static void OnTrancheFormats(void* data, struct zwp_linux_dmabuf_feedback_v1*, struct wl_array* indices);
  static void OnTrancheFlags(void* data, struct zwp_linux_dmabuf_feedback_v1*, uint32_t flags);
  void Add(std::vector<FormatModifier>& list, uint32_t format, uint64_t modifier);

  uint32_t version_;
  struct zwp_linux_dmabuf_feedback_v1* feedback_ = nullptr;
  // Version 4: the table the tranches index into, and what the feedback in progress says.
  Mapping table_;
  std::vector<FormatModifier> pending_;
  std::optional<dev_t> pending_device_;
  // What the compositor said last (a feedback's `done`, or every version 3 event).
  std::vector<FormatModifier> formats_;
  std::optional<dev_t> main_device_;
};

}  // namespace planar
