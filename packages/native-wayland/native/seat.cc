// Seat: wl_pointer and wl_touch events to JS, as they come (surface-local coordinates in
// logical px, compositor timestamps in ms); wl_keyboard goes through Keyboard (xkbcommon).
// Pointer and touch events are grouped by `frame` events; JS applies them on the frame.
#include "seat.h"

#include "clipboard.h"
#include "keyboard.h"
#include "text-input.h"

namespace planar {

namespace {

Seat* SeatOf(void* data) { return static_cast<Seat*>(data); }

void PointerEvent(Seat* seat, const char* kind, const std::function<void(Napi::Object&)>& more) {
  seat->state->emit("pointer", [&](Napi::Object& e) {
    e.Set("kind", kind);
    more(e);
  });
}

void OnEnter(void* data, struct wl_pointer*, uint32_t serial, struct wl_surface*, wl_fixed_t x, wl_fixed_t y) {
  auto* seat = SeatOf(data);
  seat->enter_serial = serial;
  seat->state->input_serial = serial;
  seat->ApplyCursor();
  PointerEvent(seat, "enter", [&](Napi::Object& e) {
    e.Set("x", wl_fixed_to_double(x));
    e.Set("y", wl_fixed_to_double(y));
  });
}
void OnLeave(void* data, struct wl_pointer*, uint32_t, struct wl_surface*) {
  PointerEvent(SeatOf(data), "leave", [](Napi::Object&) {});
}
void OnMotion(void* data, struct wl_pointer*, uint32_t time, wl_fixed_t x, wl_fixed_t y) {
  PointerEvent(SeatOf(data), "motion", [&](Napi::Object& e) {
    e.Set("time", time);
    e.Set("x", wl_fixed_to_double(x));
    e.Set("y", wl_fixed_to_double(y));
  });
}
void OnButton(void* data, struct wl_pointer*, uint32_t serial, uint32_t time, uint32_t button, uint32_t state) {
  SeatOf(data)->state->input_serial = serial;
  PointerEvent(SeatOf(data), "button", [&](Napi::Object& e) {
    e.Set("time", time);
    e.Set("button", button);
    e.Set("pressed", state == WL_POINTER_BUTTON_STATE_PRESSED);
  });
}
void OnAxis(void* data, struct wl_pointer*, uint32_t time, uint32_t axis, wl_fixed_t value) {
  PointerEvent(SeatOf(data), "axis", [&](Napi::Object& e) {
    e.Set("time", time);
    e.Set("axis", axis == WL_POINTER_AXIS_HORIZONTAL_SCROLL ? "x" : "y");
    e.Set("value", wl_fixed_to_double(value));
  });
}
void OnFrame(void* data, struct wl_pointer*) { PointerEvent(SeatOf(data), "frame", [](Napi::Object&) {}); }
void OnAxisSource(void*, struct wl_pointer*, uint32_t) {}
void OnAxisStop(void*, struct wl_pointer*, uint32_t, uint32_t) {}
void OnAxisDiscrete(void* data, struct wl_pointer*, uint32_t axis, int32_t discrete) {
  PointerEvent(SeatOf(data), "discrete", [&](Napi::Object& e) {
    e.Set("axis", axis == WL_POINTER_AXIS_HORIZONTAL_SCROLL ? "x" : "y");
    e.Set("steps", discrete);
  });
}
// Bound at version 7 at most: axis_value120 (version 8) never comes.
const struct wl_pointer_listener kPointerListener = {OnEnter, OnLeave, OnMotion, OnButton, OnAxis, OnFrame, OnAxisSource, OnAxisStop, OnAxisDiscrete, nullptr};

void TouchEvent(Seat* seat, const char* kind, const std::function<void(Napi::Object&)>& more) {
  seat->state->emit("touch", [&](Napi::Object& e) {
    e.Set("kind", kind);
    more(e);
  });
}
void OnTouchDown(void* data, struct wl_touch*, uint32_t serial, uint32_t time, struct wl_surface*, int32_t id, wl_fixed_t x, wl_fixed_t y) {
  SeatOf(data)->state->input_serial = serial;
  TouchEvent(SeatOf(data), "down", [&](Napi::Object& e) {
    e.Set("time", time);
    e.Set("id", id);
    e.Set("x", wl_fixed_to_double(x));
    e.Set("y", wl_fixed_to_double(y));
  });
}
void OnTouchUp(void* data, struct wl_touch*, uint32_t, uint32_t time, int32_t id) {
  TouchEvent(SeatOf(data), "up", [&](Napi::Object& e) {
    e.Set("time", time);
    e.Set("id", id);
  });
}
void OnTouchMotion(void* data, struct wl_touch*, uint32_t time, int32_t id, wl_fixed_t x, wl_fixed_t y) {
  TouchEvent(SeatOf(data), "motion", [&](Napi::Object& e) {
    e.Set("time", time);
    e.Set("id", id);
    e.Set("x", wl_fixed_to_double(x));
    e.Set("y", wl_fixed_to_double(y));
  });
}
void OnTouchFrame(void* data, struct wl_touch*) { TouchEvent(SeatOf(data), "frame", [](Napi::Object&) {}); }
void OnTouchCancel(void* data, struct wl_touch*) { TouchEvent(SeatOf(data), "cancel", [](Napi::Object&) {}); }
void OnTouchShape(void*, struct wl_touch*, int32_t, wl_fixed_t, wl_fixed_t) {}
void OnTouchOrientation(void*, struct wl_touch*, int32_t, wl_fixed_t) {}
const struct wl_touch_listener kTouchListener = {OnTouchDown, OnTouchUp, OnTouchMotion, OnTouchFrame, OnTouchCancel, OnTouchShape, OnTouchOrientation};

void OnCapabilities(void* data, struct wl_seat*, uint32_t caps) { SeatOf(data)->Capabilities(caps); }
void OnName(void*, struct wl_seat*, const char*) {}
const struct wl_seat_listener kSeatListener = {OnCapabilities, OnName};

}  // namespace

Seat::Seat(StatePtr s, struct wl_seat* proxy, uint32_t v) : state(std::move(s)), seat(proxy), version(v) {
  wl_seat_add_listener(seat, &kSeatListener, this);
}

Seat::~Seat() {
  text_input.reset();
  clipboard.reset();
  keyboard.reset();
  if (pointer) version >= 3 ? wl_pointer_release(pointer) : wl_pointer_destroy(pointer);
  if (touch) version >= 3 ? wl_touch_release(touch) : wl_touch_destroy(touch);
  if (cursor_surface) wl_surface_destroy(cursor_surface);
  if (cursor_theme) wl_cursor_theme_destroy(cursor_theme);
  if (seat) version >= 5 ? wl_seat_release(seat) : wl_seat_destroy(seat);
}

void Seat::Capabilities(uint32_t caps) {
  bool has_pointer = caps & WL_SEAT_CAPABILITY_POINTER, has_keyboard = caps & WL_SEAT_CAPABILITY_KEYBOARD, has_touch = caps & WL_SEAT_CAPABILITY_TOUCH;
  if (has_pointer && !pointer) {
    pointer = wl_seat_get_pointer(seat);
    wl_pointer_add_listener(pointer, &kPointerListener, this);
  } else if (!has_pointer && pointer) {
    version >= 3 ? wl_pointer_release(pointer) : wl_pointer_destroy(pointer);
    pointer = nullptr;
  }
  if (has_touch && !touch) {
    touch = wl_seat_get_touch(seat);
    wl_touch_add_listener(touch, &kTouchListener, this);
  } else if (!has_touch && touch) {
    version >= 3 ? wl_touch_release(touch) : wl_touch_destroy(touch);
    touch = nullptr;
  }
  if (has_keyboard && !keyboard) keyboard = std::make_unique<Keyboard>(state, wl_seat_get_keyboard(seat), version);
  else if (!has_keyboard) keyboard.reset();
  state->emit("capabilities", [&](Napi::Object& e) {
    e.Set("pointer", has_pointer);
    e.Set("keyboard", has_keyboard);
    e.Set("touch", has_touch);
  });
}

void Seat::AttachManagers() {
  auto& g = state->globals;
  if (g.text_input_manager && !text_input) text_input = std::make_unique<TextInput>(state, g.text_input_manager, seat);
  if (g.data_device_manager && !clipboard) clipboard = std::make_unique<Clipboard>(state, g.data_device_manager, g.data_device_manager_version, seat);
}

void Seat::ApplyCursor() {
  if (!pointer || !enter_serial) return;
  if (!state->cursor_visible) {
    wl_pointer_set_cursor(pointer, enter_serial, nullptr, 0, 0);
    return;
  }
  if (!cursor_theme && state->globals.shm) cursor_theme = wl_cursor_theme_load(nullptr, 24, state->globals.shm);
  struct wl_cursor* cursor = cursor_theme ? wl_cursor_theme_get_cursor(cursor_theme, "left_ptr") : nullptr;
  if (!cursor || !cursor->image_count) {
    // No cursor theme installed: let the compositor keep whatever it shows.
    return;
  }
  struct wl_cursor_image* image = cursor->images[0];
  if (!cursor_surface) cursor_surface = wl_compositor_create_surface(state->globals.compositor);
  wl_surface_attach(cursor_surface, wl_cursor_image_get_buffer(image), 0, 0);
  wl_surface_damage(cursor_surface, 0, 0, image->width, image->height);
  wl_surface_commit(cursor_surface);
  wl_pointer_set_cursor(pointer, enter_serial, cursor_surface, image->hotspot_x, image->hotspot_y);
}

}  // namespace planar
