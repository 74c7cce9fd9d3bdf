// TextInput: zwp_text_input_v3 events to JS and JS's state to the compositor.
//
// Events, as `text-input` with a `kind`:
//   enter / leave   the seat's text-input focus (it follows the keyboard's) came to the window
//                   or left it; requests count only while it is here
//   done            preedit_string, commit_string and delete_surrounding_text since the last
//                   done, applied together: { preedit (null: none), preeditCursorBegin/End,
//                   commit (null: none), deleteBefore, deleteAfter (UTF-8 bytes), serial }
// Requests, from one JS object (any subset) and always followed by commit:
//   { enable, disable, surrounding: { text, cursor, anchor } (bytes), contentType: { hint,
//     purpose }, cursorRect: { x, y, width, height } (surface units), changeCause }
#include "text-input.h"

#include "text-input-unstable-v3-client.h"

namespace planar {

namespace {

TextInput* Of(void* data) { return static_cast<TextInput*>(data); }

void OnEnter(void* data, struct zwp_text_input_v3*, struct wl_surface*) {
  Of(data)->state->emit("text-input", [](Napi::Object& e) { e.Set("kind", "enter"); });
}
void OnLeave(void* data, struct zwp_text_input_v3*, struct wl_surface*) {
  Of(data)->pending = {};
  Of(data)->state->emit("text-input", [](Napi::Object& e) { e.Set("kind", "leave"); });
}
void OnPreedit(void* data, struct zwp_text_input_v3*, const char* text, int32_t begin, int32_t end) {
  auto& p = Of(data)->pending;
  p.has_preedit = text != nullptr;
  p.preedit = text ? text : "";
  p.cursor_begin = begin;
  p.cursor_end = end;
}
void OnCommit(void* data, struct zwp_text_input_v3*, const char* text) {
  auto& p = Of(data)->pending;
  p.has_commit = text != nullptr;
  p.commit = text ? text : "";
}
void OnDelete(void* data, struct zwp_text_input_v3*, uint32_t before, uint32_t after) {
  auto& p = Of(data)->pending;
  p.delete_before = before;
  p.delete_after = after;
}
void OnDone(void* data, struct zwp_text_input_v3*, uint32_t serial) {
  auto* self = Of(data);
  TextInput::Pending done = std::move(self->pending);
  self->pending = {};
  self->state->emit("text-input", [&](Napi::Object& e) {
    Napi::Env env = e.Env();
    e.Set("kind", "done");
    e.Set("preedit", done.has_preedit ? Napi::Value(Napi::String::New(env, done.preedit)) : env.Null());
    e.Set("preeditCursorBegin", done.cursor_begin);
    e.Set("preeditCursorEnd", done.cursor_end);
    e.Set("commit", done.has_commit ? Napi::Value(Napi::String::New(env, done.commit)) : env.Null());
    e.Set("deleteBefore", done.delete_before);
    e.Set("deleteAfter", done.delete_after);
    e.Set("serial", serial);
  });
}
const struct zwp_text_input_v3_listener kListener = {OnEnter, OnLeave, OnPreedit, OnCommit, OnDelete, OnDone};

int32_t IntOf(const Napi::Object& o, const char* key) { return o.Get(key).ToNumber().Int32Value(); }

}  // namespace

TextInput::TextInput(StatePtr s, struct zwp_text_input_manager_v3* manager, struct wl_seat* seat) : state(std::move(s)) {
  input = zwp_text_input_manager_v3_get_text_input(manager, seat);
  zwp_text_input_v3_add_listener(input, &kListener, this);
}

TextInput::~TextInput() {
  if (input) zwp_text_input_v3_destroy(input);
}

uint32_t TextInput::Send(const Napi::Object& r) {
  if (r.Get("disable").ToBoolean()) zwp_text_input_v3_disable(input);
  if (r.Get("enable").ToBoolean()) zwp_text_input_v3_enable(input);
  if (r.Get("surrounding").IsObject()) {
    auto s = r.Get("surrounding").As<Napi::Object>();
    zwp_text_input_v3_set_surrounding_text(input, s.Get("text").ToString().Utf8Value().c_str(), IntOf(s, "cursor"), IntOf(s, "anchor"));
  }
  if (r.Get("changeCause").IsNumber()) zwp_text_input_v3_set_text_change_cause(input, r.Get("changeCause").ToNumber().Uint32Value());
  if (r.Get("contentType").IsObject()) {
    auto t = r.Get("contentType").As<Napi::Object>();
    zwp_text_input_v3_set_content_type(input, t.Get("hint").ToNumber().Uint32Value(), t.Get("purpose").ToNumber().Uint32Value());
  }
  if (r.Get("cursorRect").IsObject()) {
    auto c = r.Get("cursorRect").As<Napi::Object>();
    zwp_text_input_v3_set_cursor_rectangle(input, IntOf(c, "x"), IntOf(c, "y"), IntOf(c, "width"), IntOf(c, "height"));
  }
  zwp_text_input_v3_commit(input);
  return ++commits;
}

}  // namespace planar
