// Keyboard: keymap, keys and modifiers through xkbcommon; each press goes through the compose
// table first, and a key event carries the composition events it caused (see planar/compose.h).
#include "keyboard.h"

#include <sys/mman.h>

#include "planar/compose-binding.h"

namespace planar {

namespace {

Keyboard* Of(void* data) { return static_cast<Keyboard*>(data); }

void OnKeymap(void* data, struct wl_keyboard*, uint32_t format, int32_t fd, uint32_t size) { Of(data)->Keymap(format, fd, size); }
void OnEnter(void* data, struct wl_keyboard*, uint32_t serial, struct wl_surface*, struct wl_array*) {
  Of(data)->state->input_serial = serial;
  Of(data)->Focus(true);
}
void OnLeave(void* data, struct wl_keyboard*, uint32_t, struct wl_surface*) { Of(data)->Focus(false); }
void OnKey(void* data, struct wl_keyboard*, uint32_t serial, uint32_t time, uint32_t key, uint32_t state) {
  Of(data)->state->input_serial = serial;
  Of(data)->Key(time, key, state == WL_KEYBOARD_KEY_STATE_PRESSED);
}
void OnModifiers(void* data, struct wl_keyboard*, uint32_t, uint32_t depressed, uint32_t latched, uint32_t locked, uint32_t group) {
  Of(data)->Modifiers(depressed, latched, locked, group);
}
void OnRepeatInfo(void* data, struct wl_keyboard*, int32_t rate, int32_t delay) {
  Of(data)->state->emit("repeat-info", [&](Napi::Object& e) {
    e.Set("rate", rate);
    e.Set("delay", delay);
  });
}
const struct wl_keyboard_listener kListener = {OnKeymap, OnEnter, OnLeave, OnKey, OnModifiers, OnRepeatInfo};

}  // namespace

Keyboard::Keyboard(StatePtr s, struct wl_keyboard* proxy, uint32_t v) : state(std::move(s)), keyboard(proxy), version(v) {
  context_.reset(xkb_context_new(XKB_CONTEXT_NO_FLAGS));
  try {
    composer_ = std::make_unique<Composer>(ComposeLocaleFromEnvironment());
  } catch (const ComposeError& error) {
    std::string message = std::string("compose sequences and dead keys are off: ") + error.what();
    state->emit("warning", [&](Napi::Object& e) { e.Set("message", message); });
  }
  wl_keyboard_add_listener(keyboard, &kListener, this);
}

Keyboard::~Keyboard() {
  if (keyboard) version >= 3 ? wl_keyboard_release(keyboard) : wl_keyboard_destroy(keyboard);
}

void Keyboard::Keymap(uint32_t format, int raw_fd, uint32_t size) {
  Fd fd(raw_fd);
  if (format != WL_KEYBOARD_KEYMAP_FORMAT_XKB_V1 || !context_) return;
  Mapping map(mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd.get(), 0), size);
  if (!map) {
    int err = errno;
    state->emit("warning", [&](Napi::Object& e) { e.Set("message", ErrnoText("cannot map the compositor's keymap", err)); });
    return;
  }
  const char* text = reinterpret_cast<const char*>(map.data());
  XkbKeymapPtr next(xkb_keymap_new_from_buffer(context_.get(), text, strnlen(text, size), XKB_KEYMAP_FORMAT_TEXT_V1, XKB_KEYMAP_COMPILE_NO_FLAGS));
  if (!next) {
    state->emit("warning", [&](Napi::Object& e) { e.Set("message", "xkbcommon could not compile the compositor's keymap; keys are ignored"); });
    return;
  }
  xkb_.reset(xkb_state_new(next.get()));
  keymap_ = std::move(next);
}

void Keyboard::Focus(bool focused) {
  // A sequence under way ends with the focus: the next field must not finish it.
  std::vector<CompositionEvent> ended = focused || !composer_ ? std::vector<CompositionEvent>{} : composer_->Cancel();
  state->emit("keyboard-focus", [&](Napi::Object& e) {
    e.Set("focused", focused);
    if (!ended.empty()) e.Set("composition", CompositionEventsToJs(e.Env(), ended));
  });
}

void Keyboard::Key(uint32_t time, uint32_t key, bool pressed) {
  if (!xkb_) return;
  xkb_state* xkb = xkb_.get();
  xkb_keycode_t code = key + 8;  // evdev → xkb
  xkb_keysym_t sym = xkb_state_key_get_one_sym(xkb, code);
  char name[64] = "";
  xkb_keysym_get_name(sym, name, sizeof name);
  // `text` is what the press types (none for a release; Ctrl turns letters into control
  // characters); `character` is the keysym's own character, for the W3C key name of both.
  char text[64] = "";
  if (pressed) xkb_state_key_get_utf8(xkb, code, text, sizeof text);
  char character[16] = "";
  xkb_keysym_to_utf8(sym, character, sizeof character);
  bool repeats = xkb_keymap_key_repeats(keymap_.get(), code);
  ComposedKey composed{{}, text};
  if (pressed && composer_) composed = composer_->Press(sym, text);
  state->emit("key", [&](Napi::Object& e) {
    e.Set("time", time);
    e.Set("code", key);
    e.Set("keysym", sym);
    e.Set("name", name);
    e.Set("text", composed.text);
    e.Set("character", character);
    e.Set("pressed", pressed);
    e.Set("repeats", repeats);
    if (!composed.events.empty()) e.Set("composition", CompositionEventsToJs(e.Env(), composed.events));
  });
}

void Keyboard::Modifiers(uint32_t depressed, uint32_t latched, uint32_t locked, uint32_t group) {
  if (!xkb_) return;
  xkb_state* xkb = xkb_.get();
  xkb_state_update_mask(xkb, depressed, latched, locked, 0, 0, group);
  auto active = [&](const char* mod) { return xkb_state_mod_name_is_active(xkb, mod, XKB_STATE_MODS_EFFECTIVE) > 0; };
  state->emit("modifiers", [&](Napi::Object& e) {
    e.Set("shift", active(XKB_MOD_NAME_SHIFT));
    e.Set("ctrl", active(XKB_MOD_NAME_CTRL));
    e.Set("alt", active(XKB_MOD_NAME_ALT));
    e.Set("meta", active(XKB_MOD_NAME_LOGO));
  });
}

}  // namespace planar
