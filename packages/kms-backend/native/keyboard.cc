// Keyboard: RMLVO names → xkbcommon keymap → keysyms, text and modifiers.
//
// The keysym and the text are read before the key updates the state (Shift's own press is
// "Shift_L", an "a" pressed with Shift held types "A"); the modifiers are read after it, so a
// Shift press reports shift: true and its release shift: false, as W3C key events do.
#include "keyboard.h"

#include <libinput.h>

#include <cstdarg>
#include <cstdio>
#include <stdexcept>

namespace planar {

namespace {

// The first of xkbcommon's messages while compiling (the one that names what is missing), kept
// for the error; the rest, and everything outside a compile, would only go to stderr.
void KeepFirstLine(xkb_context* context, enum xkb_log_level, const char* format, va_list args) {
  auto* log = static_cast<std::string*>(xkb_context_get_user_data(context));
  if (!log || !log->empty()) return;
  char line[512];
  vsnprintf(line, sizeof line, format, args);
  log->assign(line);
  while (!log->empty() && (log->back() == '\n' || log->back() == ' ' || log->back() == ':')) log->pop_back();
}

const char* OrNull(const std::string& s) { return s.empty() ? nullptr : s.c_str(); }

std::string Describe(const KeymapNames& n) {
  std::string what = "keyboard layout \"" + (n.layout.empty() ? std::string("(default)") : n.layout) + "\"";
  if (!n.variant.empty()) what += " variant \"" + n.variant + "\"";
  if (!n.model.empty()) what += " model \"" + n.model + "\"";
  if (!n.options.empty()) what += " options \"" + n.options + "\"";
  if (!n.rules.empty()) what += " rules \"" + n.rules + "\"";
  return what;
}

}  // namespace

Keyboard::Keyboard(const KeymapNames& names) {
  // The names come from JS, which has already looked at PLANAR_XKB_* and XKB_DEFAULT_*.
  context_.reset(xkb_context_new(XKB_CONTEXT_NO_ENVIRONMENT_NAMES));
  if (!context_) throw std::runtime_error("cannot create an xkbcommon context");
  std::string log;
  xkb_context_set_user_data(context_.get(), &log);
  xkb_context_set_log_fn(context_.get(), KeepFirstLine);
  xkb_rule_names rmlvo = {OrNull(names.rules), OrNull(names.model), OrNull(names.layout), OrNull(names.variant), OrNull(names.options)};
  keymap_.reset(xkb_keymap_new_from_names(context_.get(), &rmlvo, XKB_KEYMAP_COMPILE_NO_FLAGS));
  xkb_context_set_user_data(context_.get(), nullptr);
  if (!keymap_) {
    throw std::runtime_error("cannot compile the " + Describe(names) + (log.empty() ? "" : " (xkbcommon: " + log + ")") +
                             " — check PLANAR_XKB_LAYOUT / XKB_DEFAULT_LAYOUT and that xkb-data is installed (/usr/share/X11/xkb)");
  }
  state_.reset(xkb_state_new(keymap_.get()));
  if (!state_) throw std::runtime_error("cannot create an xkbcommon state for the " + Describe(names));
  try {
    composer_ = std::make_unique<Composer>(ComposeLocaleFromEnvironment());
  } catch (const ComposeError& error) {
    compose_problem = std::string("compose sequences and dead keys are off: ") + error.what();
  }
}

KeyResult Keyboard::Key(uint32_t code, bool pressed) {
  KeyResult result;
  xkb_keycode_t keycode = code + 8;  // evdev → xkb
  xkb_keysym_t sym = xkb_state_key_get_one_sym(state_.get(), keycode);
  char buffer[64] = "";
  xkb_keysym_get_name(sym, buffer, sizeof buffer);
  result.name = buffer;
  if (pressed) {
    buffer[0] = '\0';
    xkb_state_key_get_utf8(state_.get(), keycode, buffer, sizeof buffer);
    result.text = buffer;
  }
  buffer[0] = '\0';
  xkb_keysym_to_utf8(sym, buffer, sizeof buffer);
  result.character = buffer;
  result.repeats = xkb_keymap_key_repeats(keymap_.get(), keycode);
  if (pressed && composer_) {
    ComposedKey composed = composer_->Press(sym, result.text);
    result.text = std::move(composed.text);
    result.composition = std::move(composed.events);
  }
  xkb_state_update_key(state_.get(), keycode, pressed ? XKB_KEY_DOWN : XKB_KEY_UP);
  auto active = [&](const char* mod) { return xkb_state_mod_name_is_active(state_.get(), mod, XKB_STATE_MODS_EFFECTIVE) > 0; };
  result.shift = active(XKB_MOD_NAME_SHIFT);
  result.ctrl = active(XKB_MOD_NAME_CTRL);
  result.alt = active(XKB_MOD_NAME_ALT);
  result.meta = active(XKB_MOD_NAME_LOGO);
  return result;
}

void Keyboard::CancelCompose() {
  if (composer_) composer_->Cancel();
}

uint32_t Keyboard::Leds() const {
  uint32_t leds = 0;
  if (xkb_state_led_name_is_active(state_.get(), XKB_LED_NAME_NUM) > 0) leds |= LIBINPUT_LED_NUM_LOCK;
  if (xkb_state_led_name_is_active(state_.get(), XKB_LED_NAME_CAPS) > 0) leds |= LIBINPUT_LED_CAPS_LOCK;
  if (xkb_state_led_name_is_active(state_.get(), XKB_LED_NAME_SCROLL) > 0) leds |= LIBINPUT_LED_SCROLL_LOCK;
  return leds;
}

}  // namespace planar
