// The Composer (compose.h) as a JS class, so that tests feed it keysyms by name and see what a
// keyboard of either addon would send, with no device and no compositor:
//
//   const compose = new addon.Compose('en_US.UTF-8');   // no argument: the environment's locale
//   compose.locale                                      // the table loaded ('C' after a fall-back)
//   compose.press('dead_acute')   // { events: [{ kind: 'start', data: '' }, { kind: 'update', data: '´' }], text: '' }
//   compose.press('e', 'e')       // { events: [{ kind: 'end', data: 'é' }], text: 'é' }
//   compose.cancel()              // the end event of a sequence under way, or []
//
// A locale with no table and no "C" table either throws an Error with the reason (and `errno`
// where the system gave one); an unknown keysym name throws a TypeError.
#pragma once

#include <napi.h>

#include <memory>

#include "planar/compose.h"

namespace planar {

// Composition events as JS sees them: [{ kind, data }].
inline Napi::Array CompositionEventsToJs(Napi::Env env, const std::vector<CompositionEvent>& events) {
  auto list = Napi::Array::New(env, events.size());
  for (size_t i = 0; i < events.size(); i++) {
    auto event = Napi::Object::New(env);
    event.Set("kind", events[i].kind);
    event.Set("data", events[i].data);
    list.Set(i, event);
  }
  return list;
}

class ComposeBinding : public Napi::ObjectWrap<ComposeBinding> {
 public:
  static Napi::Function Define(Napi::Env env) {
    return DefineClass(env, "Compose", {
      InstanceAccessor<&ComposeBinding::Locale>("locale"),
      InstanceMethod<&ComposeBinding::Press>("press"),
      InstanceMethod<&ComposeBinding::Cancel>("cancel"),
    });
  }

  explicit ComposeBinding(const Napi::CallbackInfo& info) : Napi::ObjectWrap<ComposeBinding>(info) {
    std::string locale = info[0].IsString() ? info[0].As<Napi::String>().Utf8Value() : ComposeLocaleFromEnvironment();
    try {
      composer_ = std::make_unique<Composer>(locale);
    } catch (const ComposeError& error) {
      auto js = Napi::Error::New(info.Env(), error.what());
      if (error.err) js.Set("errno", Napi::Number::New(info.Env(), error.err));
      throw js;
    }
  }

 private:
  Napi::Value Locale(const Napi::CallbackInfo& info) { return Napi::String::New(info.Env(), composer_->locale()); }

  // press(keysymName, ownText = ''): what the keyboards do with a pressed key of that keysym.
  Napi::Value Press(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    std::string name = info[0].IsString() ? info[0].As<Napi::String>().Utf8Value() : "";
    xkb_keysym_t sym = xkb_keysym_from_name(name.c_str(), XKB_KEYSYM_NO_FLAGS);
    if (sym == XKB_KEY_NoSymbol) throw Napi::TypeError::New(env, "press: \"" + name + "\" is not a keysym name (xkbcommon-keysyms.h without XKB_KEY_: 'dead_acute', 'e', 'Multi_key')");
    ComposedKey key = composer_->Press(sym, info[1].IsString() ? info[1].As<Napi::String>().Utf8Value() : "");
    auto result = Napi::Object::New(env);
    result.Set("events", CompositionEventsToJs(env, key.events));
    result.Set("text", key.text);
    return result;
  }

  Napi::Value Cancel(const Napi::CallbackInfo& info) { return CompositionEventsToJs(info.Env(), composer_->Cancel()); }

  std::unique_ptr<Composer> composer_;
};

}  // namespace planar
