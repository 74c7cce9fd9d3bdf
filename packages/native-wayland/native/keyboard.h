// The keyboard: the compositor's keymap compiled by xkbcommon, keys to keysyms and UTF-8 text,
// and the modifier state. Repeating held keys is left to the toolkit (from `repeat-info`).
#pragma once

#include <xkbcommon/xkbcommon.h>

#include "common.h"

namespace planar {

class Keyboard {
 public:
  Keyboard(StatePtr state, struct wl_keyboard* keyboard, uint32_t version);
  ~Keyboard();
  Keyboard(const Keyboard&) = delete;
  Keyboard& operator=(const Keyboard&) = delete;

  void Keymap(uint32_t format, int fd, uint32_t size);
  void Key(uint32_t time, uint32_t key, bool pressed);
  void Modifiers(uint32_t depressed, uint32_t latched, uint32_t locked, uint32_t group);

  StatePtr state;
  struct wl_keyboard* keyboard = nullptr;
  uint32_t version = 0;
  struct xkb_context* context = nullptr;
  struct xkb_keymap* keymap = nullptr;
  struct xkb_state* xkb = nullptr;
};

}  // namespace planar
