// Keyboard: keymap, keys and modifiers through xkbcommon.
#include "keyboard.h"

#include <sys/mman.h>

namespace planar {

namespace {

Keyboard* Of(void* data) { return static_cast<Keyboard*>(data); }

void OnKeymap(void* data, struct wl_keyboard*, uint32_t format, int32_t fd, uint32_t size) { Of(data)->Keymap(format, fd, size); }
void OnEnter(void* data, struct wl_keyboard*, uint32_t, struct wl_surface*, struct wl_array*) {
  Of(data)->state->emit("keyboard-focus", [](Napi::Object& e) { e.Set("focused", true); });
}
void OnLeave(void* data, struct wl_keyboard*, uint32_t, struct wl_surface*) {
  Of(data)->state->emit("keyboard-focus", [](Napi::Object& e) { e.Set("focused", false); });
}
void OnKey(void* data, struct wl_keyboard*, uint32_t, uint32_t time, uint32_t key, uint32_t state) {
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
  context = xkb_context_new(XKB_CONTEXT_NO_FLAGS);
  wl_keyboard_add_listener(keyboard, &kListener, this);
}

Keyboard::~Keyboard() {
  if (xkb) xkb_state_unref(xkb);
  if (keymap) xkb_keymap_unref(keymap);
  if (context) xkb_context_unref(context);
  if (keyboard) version >= 3 ? wl_keyboard_release(keyboard) : wl_keyboard_destroy(keyboard);
}

void Keyboard::Keymap(uint32_t format, int raw_fd, uint32_t size) {
  Fd fd(raw_fd);
  if (format != WL_KEYBOARD_KEYMAP_FORMAT_XKB_V1 || !context) return;
  Mapping map(mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd.get(), 0), size);
  if (!map) {
    int err = errno;
    state->emit("warning", [&](Napi::Object& e) { e.Set("message", ErrnoText("cannot map the compositor's keymap", err)); });
    return;
  }
  struct xkb_keymap* next = xkb_keymap_new_from_buffer(context, reinterpret_cast<const char*>(map.data()), strnlen(reinterpret_cast<const char*>(map.data()), size), XKB_KEYMAP_FORMAT_TEXT_V1, XKB_KEYMAP_COMPILE_NO_FLAGS);
  if (!next) {
    state->emit("warning", [&](Napi::Object& e) { e.Set("message", "xkbcommon could not compile the compositor's keymap; keys are ignored"); });
    return;
  }
  if (xkb) xkb_state_unref(xkb);
  if (keymap) xkb_keymap_unref(keymap);
  keymap = next;
  xkb = xkb_state_new(keymap);
}

void Keyboard::Key(uint32_t time, uint32_t key, bool pressed) {
  if (!xkb) return;
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
  bool repeats = keymap && xkb_keymap_key_repeats(keymap, code);
  state->emit("key", [&](Napi::Object& e) {
    e.Set("time", time);
    e.Set("code", key);
    e.Set("keysym", sym);
    e.Set("name", name);
    e.Set("text", text);
    e.Set("character", character);
    e.Set("pressed", pressed);
    e.Set("repeats", repeats);
  });
}

void Keyboard::Modifiers(uint32_t depressed, uint32_t latched, uint32_t locked, uint32_t group) {
  if (!xkb) return;
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
