// The seat: pointer, touch and keyboard of one wl_seat, turned into plain events for JS.
#pragma once

#include <wayland-cursor.h>

#include "common.h"

namespace planar {

class Clipboard;
class Keyboard;
class TextInput;

class Seat {
 public:
  Seat(StatePtr state, struct wl_seat* seat, uint32_t version);
  ~Seat();
  Seat(const Seat&) = delete;
  Seat& operator=(const Seat&) = delete;

  // Shows the default cursor or hides it, per the state's cursor_visible.
  void ApplyCursor();
  // Makes the text input and the clipboard once their managers are bound (either may come
  // before or after the seat in the registry).
  void AttachManagers();

  StatePtr state;
  struct wl_seat* seat = nullptr;
  uint32_t version = 0;
  struct wl_pointer* pointer = nullptr;
  struct wl_touch* touch = nullptr;
  std::unique_ptr<Keyboard> keyboard;
  std::unique_ptr<TextInput> text_input;
  std::unique_ptr<Clipboard> clipboard;
  uint32_t enter_serial = 0;
  struct wl_cursor_theme* cursor_theme = nullptr;
  struct wl_surface* cursor_surface = nullptr;

  void Capabilities(uint32_t caps);
};

}  // namespace planar
