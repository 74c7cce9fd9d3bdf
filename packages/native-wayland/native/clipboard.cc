// Clipboard: the selection, both ways, through wl_data_device (core Wayland, version 3).
//
//   in    Each wl_data_offer the compositor introduces (data_offer) lists its MIME types
//         (offer events). `selection` then names the offer that is the clipboard now (or
//         none); the one before is destroyed. Drag-and-drop offers (enter) are never
//         accepted and are destroyed on leave or drop. Reading: a pipe; its write end goes to
//         the owner with wl_data_offer.receive and is closed here; the read end is polled by
//         a PipeReader until the owner closes it.
//   out   A wl_data_source offers the text under each MIME type JS names, and becomes the
//         selection with set_selection and the serial of the last input event (compositors
//         refuse a selection without one). Each `send` writes the text into the fd it brings
//         (PipeWriter); `cancelled` (another program took the selection) destroys the source.
//
// Everything runs on the JS thread; no read or write ever blocks.
#include "clipboard.h"

#include <fcntl.h>
#include <unistd.h>

namespace planar {

namespace {

Clipboard* Of(void* data) { return static_cast<Clipboard*>(data); }

void OnOfferMime(void* data, struct wl_data_offer*, const char* mime) { static_cast<Clipboard::Offered*>(data)->mimes.push_back(mime); }
void OnOfferSourceActions(void*, struct wl_data_offer*, uint32_t) {}
void OnOfferAction(void*, struct wl_data_offer*, uint32_t) {}
const struct wl_data_offer_listener kOfferListener = {OnOfferMime, OnOfferSourceActions, OnOfferAction};

void OnDataOffer(void* data, struct wl_data_device*, struct wl_data_offer* offer) {
  auto offered = std::make_unique<Clipboard::Offered>(Clipboard::Offered{offer, {}});
  wl_data_offer_add_listener(offer, &kOfferListener, offered.get());
  Of(data)->offers[offer] = std::move(offered);
}
void OnEnter(void* data, struct wl_data_device*, uint32_t, struct wl_surface*, wl_fixed_t, wl_fixed_t, struct wl_data_offer* offer) {
  auto* self = Of(data);
  if (self->drag && self->drag != offer) self->DestroyOffer(self->drag);
  self->drag = offer;
}
void OnDragEnd(void* data, struct wl_data_device*) {
  auto* self = Of(data);
  if (self->drag) self->DestroyOffer(self->drag);
  self->drag = nullptr;
}
void OnMotion(void*, struct wl_data_device*, uint32_t, wl_fixed_t, wl_fixed_t) {}
void OnSelection(void* data, struct wl_data_device*, struct wl_data_offer* offer) {
  auto* self = Of(data);
  if (self->selection && self->selection != offer) self->DestroyOffer(self->selection);
  self->selection = offer;
}
const struct wl_data_device_listener kDeviceListener = {OnDataOffer, OnEnter, OnDragEnd, OnMotion, OnDragEnd, OnSelection};

void OnSourceTarget(void*, struct wl_data_source*, const char*) {}
void OnSourceSend(void* data, struct wl_data_source*, const char*, int32_t fd) {
  auto* self = Of(data);
  PipeWriter::Start(self->transfers_, self->env, Fd(fd), self->source_text);
}
void OnSourceCancelled(void* data, struct wl_data_source* source) {
  auto* self = Of(data);
  if (self->source == source) self->DestroySource();
  else wl_data_source_destroy(source);
}
void OnSourceDropPerformed(void*, struct wl_data_source*) {}
void OnSourceFinished(void*, struct wl_data_source*) {}
void OnSourceAction(void*, struct wl_data_source*, uint32_t) {}
const struct wl_data_source_listener kSourceListener = {OnSourceTarget, OnSourceSend, OnSourceCancelled, OnSourceDropPerformed, OnSourceFinished, OnSourceAction};

}  // namespace

Clipboard::Clipboard(StatePtr s, struct wl_data_device_manager* manager, uint32_t manager_version, struct wl_seat* seat)
    : state(std::move(s)), version(manager_version) {
  device = wl_data_device_manager_get_data_device(manager, seat);
  wl_data_device_add_listener(device, &kDeviceListener, this);
}

Clipboard::~Clipboard() {
  DestroySource();
  for (auto& [proxy, offered] : offers) wl_data_offer_destroy(proxy);
  offers.clear();
  if (device) version >= 2 ? wl_data_device_release(device) : wl_data_device_destroy(device);
}

void Clipboard::DestroyOffer(struct wl_data_offer* offer) {
  if (offers.erase(offer)) wl_data_offer_destroy(offer);
}

void Clipboard::DestroySource() {
  if (source) wl_data_source_destroy(source);
  source = nullptr;
}

bool Clipboard::SelectionMimes(std::vector<std::string>* mimes) const {
  auto found = selection ? offers.find(selection) : offers.end();
  if (found == offers.end()) return false;
  *mimes = found->second->mimes;
  return true;
}

Napi::Value Clipboard::Receive(Napi::Env js, const std::string& mime, uint32_t timeout_ms) {
  if (!selection || !offers.count(selection)) {
    auto none = Napi::Promise::Deferred::New(js);
    none.Resolve(js.Null());
    return none.Promise();
  }
  int ends[2];
  if (pipe2(ends, O_CLOEXEC) < 0) throw ErrnoError(js, "cannot make a pipe to read the clipboard through");
  Fd read_end(ends[0]), write_end(ends[1]);
  wl_data_offer_receive(selection, mime.c_str(), write_end.get());
  // The owner has its own copy once the request is sent (by the flush that follows).
  wl_display_flush(state->display);
  write_end.Reset();
  return PipeReader::Start(transfers_, js, std::move(read_end), timeout_ms, "the clipboard (" + mime + ")");
}

void Clipboard::Offer(Napi::Env js, std::string text, const std::vector<std::string>& mimes) {
  if (!state->input_serial) {
    throw Napi::Error::New(js, "cannot set the clipboard before the window has had an input event: the compositor takes a selection only with the serial of one (a key, a tap, a click or keyboard focus)");
  }
  env = js;
  struct wl_data_source* next = wl_data_device_manager_create_data_source(state->globals.data_device_manager);
  wl_data_source_add_listener(next, &kSourceListener, this);
  for (const auto& mime : mimes) wl_data_source_offer(next, mime.c_str());
  wl_data_device_set_selection(device, next, state->input_serial);
  // The one before goes once the new one is the selection (a paste in between gets either).
  DestroySource();
  source = next;
  source_text = std::move(text);
}

}  // namespace planar
