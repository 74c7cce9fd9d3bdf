// The keyboard: the compositor's keymap compiled by xkbcommon, keys to keysyms and UTF-8 text,
// the modifier state, and compose sequences and dead keys (planar/compose.h). Repeating held
// keys is left to the toolkit (from `repeat-info`).
#pragma once

#include <xkbcommon/xkbcommon.h>

#include "common.h"
#include "planar/compose.h"
#include "planar/xkb.h"

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
  // Keyboard focus came or went; a compose sequence under way is dropped when it goes.
  void Focus(bool focused);

  StatePtr state;
  struct wl_keyboard* keyboard = nullptr;
  uint32_t version = 0;

 private:
  XkbContextPtr context_;
  XkbKeymapPtr keymap_;
  XkbStatePtr xkb_;
  // Null when no Compose table could be loaded (a warning said why): keys then type as they are.
  std::unique_ptr<Composer> composer_;
};

}  // namespace planar
