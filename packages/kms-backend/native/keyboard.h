// The seat's keyboard state: a keymap compiled by xkbcommon from RMLVO names, and the key →
// keysym, text and modifier logic that every keyboard of the seat shares (like a compositor's
// seat, not per device: Shift on one keyboard shifts the letters of another), with compose
// sequences and dead keys (planar/compose.h).
#pragma once

#include <xkbcommon/xkbcommon.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "planar/compose.h"
#include "planar/xkb.h"

namespace planar {

// Rules, model, layout, variant, options; an empty one means xkbcommon's default.
struct KeymapNames {
  std::string rules, model, layout, variant, options;
};

// What a key did, as JS receives it.
struct KeyResult {
  std::string name;       // keysym name before the key acts: "a", "A", "Return", "Shift_L"
  std::string text;       // UTF-8 the press types ("" for a release or a key inside a compose sequence, "é" for the key that ends one); Ctrl turns letters into control characters
  std::string character;  // the keysym's own character, for the W3C key of presses and releases
  bool repeats = false;
  bool shift = false, ctrl = false, alt = false, meta = false;  // after the key
  std::vector<CompositionEvent> composition;  // what the press did to a compose sequence
};

class Keyboard {
 public:
  // Compiles the keymap; throws std::runtime_error naming the layout when it does not compile.
  // Loads the Compose table of the environment's locale; without one, `compose_problem` says why.
  explicit Keyboard(const KeymapNames& names);

  // Applies an evdev key press or release (`code` as libinput gives it).
  KeyResult Key(uint32_t code, bool pressed);

  // The lock LEDs as a mask of libinput_led bits.
  uint32_t Leds() const;

  // Drops a compose sequence under way (the devices went away).
  void CancelCompose();

  // Why compose sequences are off ("" when they are on).
  std::string compose_problem;

 private:
  XkbContextPtr context_;
  XkbKeymapPtr keymap_;
  XkbStatePtr state_;
  std::unique_ptr<Composer> composer_;
};

}  // namespace planar
