// Compose sequences and dead keys through xkbcommon's Compose tables, the same in both addons.
//
//   1. The table is the locale's: LC_ALL, else LC_CTYPE, else LANG (the first one set and not
//      empty), else "C". A locale with no table falls back to "C"'s; xkbcommon reads
//      $XCOMPOSEFILE, ~/.XCompose or the system's file (/usr/share/X11/locale) for it.
//   2. Each pressed key's keysym is fed to xkbcommon's state machine; releases never are. A
//      keysym the table ignores (a modifier: the Shift of dead_acute, Shift+e) leaves the
//      sequence as it is, and the key acts as it always does.
//   3. What a key does to the sequence becomes composition events for JS and the text the key
//      types:
//
//        key          status      composition events        text the key types
//        dead_acute   composing   start "", update "´"      ""
//        e            composed    end "é"                   "é"
//        dead_acute   composing   start "", update "´"      ""
//        q            cancelled   end ""                    ""   (xkbcommon drops the key)
//        a            nothing     —                         "a"  (the key's own text)
//
//   4. The preedit (what a text field shows underlined while a sequence is under way) is the
//      sequence so far: a dead key as its spacing accent ("´" for dead_acute), Multi_key as
//      "·", any other keysym as its own character.
#pragma once

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "planar/xkb.h"

namespace planar {

// The locale whose Compose table applies (step 1).
inline std::string ComposeLocaleFromEnvironment() {
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* value = std::getenv(name);
    if (value && *value) return value;
  }
  return "C";
}

// Neither the locale's table nor "C"'s could be loaded; `err` is errno then (0: none given).
class ComposeError : public std::runtime_error {
 public:
  ComposeError(const std::string& what, int err) : std::runtime_error(what), err(err) {}
  int err;
};

// One composition event: `kind` is "start", "update" or "end".
struct CompositionEvent {
  const char* kind;
  std::string data;
};

// What a pressed key did (step 3): the composition events, in order, and the text it types.
struct ComposedKey {
  std::vector<CompositionEvent> events;
  std::string text;
};

class Composer {
 public:
  // Loads the table of `locale`, else of "C"; throws ComposeError when neither loads.
  explicit Composer(const std::string& locale) {
    context_.reset(xkb_context_new(XKB_CONTEXT_NO_FLAGS));
    if (!context_) throw ComposeError("cannot create an xkbcommon context for compose sequences", errno);
    xkb_context_set_user_data(context_.get(), &log_);
    xkb_context_set_log_fn(context_.get(), KeepFirstLine);
    int err = 0;
    std::vector<std::string> candidates{locale};
    if (locale != "C") candidates.push_back("C");
    for (const std::string& candidate : candidates) {
      errno = 0;
      table_.reset(xkb_compose_table_new_from_locale(context_.get(), candidate.c_str(), XKB_COMPOSE_COMPILE_NO_FLAGS));
      if (!err) err = errno;
      if (table_) {
        locale_ = candidate;
        break;
      }
    }
    // Later messages (there are few outside loading) are dropped rather than printed.
    xkb_context_set_user_data(context_.get(), nullptr);
    if (!table_) {
      std::string tried = "the locale \"" + locale + "\"" + (locale == "C" ? "" : " nor for \"C\"");
      throw ComposeError("no Compose table for " + tried + (log_.empty() ? "" : " (xkbcommon: " + log_ + ")") +
                             " — install libx11-data (/usr/share/X11/locale), or point XCOMPOSEFILE at a Compose file",
                         err);
    }
    state_.reset(xkb_compose_state_new(table_.get(), XKB_COMPOSE_STATE_NO_FLAGS));
    if (!state_) throw ComposeError("cannot create a compose state for the locale \"" + locale_ + "\"", errno);
  }

  // The locale whose table was loaded ("C" after a fall-back).
  const std::string& locale() const { return locale_; }

  // A pressed key's keysym and the text the key types on its own (step 3).
  ComposedKey Press(xkb_keysym_t sym, const std::string& own_text) {
    ComposedKey key{{}, own_text};
    if (xkb_compose_state_feed(state_.get(), sym) == XKB_COMPOSE_FEED_IGNORED) return key;
    switch (xkb_compose_state_get_status(state_.get())) {
      case XKB_COMPOSE_COMPOSING:
        if (preedit_.empty()) key.events.push_back({"start", ""});
        preedit_ += PreeditOf(sym);
        key.events.push_back({"update", preedit_});
        key.text.clear();
        return key;
      case XKB_COMPOSE_COMPOSED: {
        char utf8[64] = "";
        xkb_compose_state_get_utf8(state_.get(), utf8, sizeof utf8);
        if (!utf8[0]) xkb_keysym_to_utf8(xkb_compose_state_get_one_sym(state_.get()), utf8, sizeof utf8);
        key.text = utf8;
        // A table's one-keysym sequence composes with no sequence under way: no start, no end.
        if (!preedit_.empty()) key.events.push_back({"end", key.text});
        Clear();
        return key;
      }
      case XKB_COMPOSE_CANCELLED:
        key.events.push_back({"end", ""});
        key.text.clear();
        Clear();
        return key;
      case XKB_COMPOSE_NOTHING:
        return key;
    }
    return key;
  }

  // Drops a sequence under way (focus went elsewhere, the devices went away); the end event to
  // send when one was.
  std::vector<CompositionEvent> Cancel() {
    std::vector<CompositionEvent> events;
    if (!preedit_.empty()) events.push_back({"end", ""});
    Clear();
    return events;
  }

 private:
  // The first line xkbcommon logs while the table loads: the one that says what is missing.
  static void KeepFirstLine(xkb_context* context, enum xkb_log_level, const char* format, va_list args) {
    auto* log = static_cast<std::string*>(xkb_context_get_user_data(context));
    if (!log || !log->empty()) return;
    char line[512];
    vsnprintf(line, sizeof line, format, args);
    log->assign(line);
    while (!log->empty() && (log->back() == '\n' || log->back() == ' ')) log->pop_back();
  }

  // How a keysym shows in the preedit (step 4).
  static std::string PreeditOf(xkb_keysym_t sym) {
    switch (sym) {
      case XKB_KEY_dead_grave: return "`";
      case XKB_KEY_dead_acute: return "´";
      case XKB_KEY_dead_circumflex: return "^";
      case XKB_KEY_dead_tilde: return "~";
      case XKB_KEY_dead_macron: return "¯";
      case XKB_KEY_dead_breve: return "˘";
      case XKB_KEY_dead_abovedot: return "˙";
      case XKB_KEY_dead_diaeresis: return "¨";
      case XKB_KEY_dead_abovering: return "˚";
      case XKB_KEY_dead_doubleacute: return "˝";
      case XKB_KEY_dead_caron: return "ˇ";
      case XKB_KEY_dead_cedilla: return "¸";
      case XKB_KEY_dead_ogonek: return "˛";
      case XKB_KEY_dead_iota: return "ͺ";
      case XKB_KEY_dead_voiced_sound: return "゛";
      case XKB_KEY_dead_semivoiced_sound: return "゜";
      case XKB_KEY_dead_stroke: return "/";
      case XKB_KEY_dead_belowcomma: return ",";
      case XKB_KEY_dead_currency: return "¤";
      case XKB_KEY_Multi_key: return "·";
      default: break;
    }
    char utf8[16] = "";
    xkb_keysym_to_utf8(sym, utf8, sizeof utf8);
    // Control characters and keysyms with none (the other dead keys) show as a dot.
    return static_cast<unsigned char>(utf8[0]) >= 0x20 && utf8[0] != 0x7f ? utf8 : "·";
  }

  void Clear() {
    xkb_compose_state_reset(state_.get());
    preedit_.clear();
  }

  std::string log_;
  std::string locale_;
  std::string preedit_;
  XkbContextPtr context_;
  XkbComposeTablePtr table_;
  XkbComposeStatePtr state_;
};

}  // namespace planar
