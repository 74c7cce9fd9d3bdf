// The seat's text input (zwp_text_input_v3): how the compositor's input method (an on-screen
// keyboard, a CJK engine) types into the app. See text-input.cc for the events and requests.
#pragma once

#include "common.h"

struct zwp_text_input_v3;
struct zwp_text_input_manager_v3;

namespace planar {

class TextInput {
 public:
  TextInput(StatePtr state, struct zwp_text_input_manager_v3* manager, struct wl_seat* seat);
  ~TextInput();
  TextInput(const TextInput&) = delete;
  TextInput& operator=(const TextInput&) = delete;

  // Sends the requests `request` asks for, then commit; returns the number of commits so far
  // (the serial the compositor's next `done` answers with).
  uint32_t Send(const Napi::Object& request);

  // The pending state that preedit_string, commit_string and delete_surrounding_text build up
  // and `done` applies (the protocol's double buffering), emptied by each done.
  struct Pending {
    bool has_preedit = false;
    std::string preedit;
    int32_t cursor_begin = 0, cursor_end = 0;
    bool has_commit = false;
    std::string commit;
    uint32_t delete_before = 0, delete_after = 0;
  };

  StatePtr state;
  struct zwp_text_input_v3* input = nullptr;
  Pending pending;
  uint32_t commits = 0;
};

}  // namespace planar
