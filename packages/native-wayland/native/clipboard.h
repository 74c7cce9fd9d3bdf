// The seat's clipboard through wl_data_device: the selection other programs offer (its MIME
// types, and its bytes read through a pipe) and the selection the app offers (text, written
// to whoever pastes it). See clipboard.cc for the mechanism.
#pragma once

#include <map>
#include <vector>

#include "common.h"
#include "pipe-io.h"

namespace planar {

class Clipboard {
 public:
  Clipboard(StatePtr state, struct wl_data_device_manager* manager, uint32_t manager_version, struct wl_seat* seat);
  ~Clipboard();
  Clipboard(const Clipboard&) = delete;
  Clipboard& operator=(const Clipboard&) = delete;

  // The current selection's MIME types; false when there is no selection (or the window has
  // never had keyboard focus, which is when compositors send it).
  bool SelectionMimes(std::vector<std::string>* mimes) const;
  // Reads the selection as `mime`: a Promise of a Buffer, or of null without a selection.
  Napi::Value Receive(Napi::Env env, const std::string& mime, uint32_t timeout_ms);
  // Offers `text` as the selection under each of `mimes`, with the serial of the last input
  // event. Throws (a JS Error) when there has been none yet.
  void Offer(Napi::Env env, std::string text, const std::vector<std::string>& mimes);
  // Ends the transfers under way (a read rejects): the seat or the connection is going.
  void AbortTransfers() { transfers_.AbortAll(); }

  struct Offered {
    struct wl_data_offer* proxy;
    std::vector<std::string> mimes;
  };

  StatePtr state;
  struct wl_data_device* device = nullptr;
  uint32_t version = 0;
  // Every offer the compositor introduced and has not been destroyed, by proxy.
  std::map<struct wl_data_offer*, std::unique_ptr<Offered>> offers;
  struct wl_data_offer* selection = nullptr;
  struct wl_data_offer* drag = nullptr;
  struct wl_data_source* source = nullptr;
  std::string source_text;
  PipeTransfers transfers_;
  Napi::Env env = nullptr;

  void DestroyOffer(struct wl_data_offer* offer);
  void DestroySource();
};

}  // namespace planar
