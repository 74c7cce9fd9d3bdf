// RAII owners of xkbcommon's reference-counted objects, for the keyboards of both addons and
// the Composer: each unrefs what it holds when it goes.
#pragma once

#include <xkbcommon/xkbcommon-compose.h>
#include <xkbcommon/xkbcommon.h>

#include <memory>

namespace planar {

struct XkbUnref {
  void operator()(xkb_context* c) const { xkb_context_unref(c); }
  void operator()(xkb_keymap* k) const { xkb_keymap_unref(k); }
  void operator()(xkb_state* s) const { xkb_state_unref(s); }
  void operator()(xkb_compose_table* t) const { xkb_compose_table_unref(t); }
  void operator()(xkb_compose_state* s) const { xkb_compose_state_unref(s); }
};

using XkbContextPtr = std::unique_ptr<xkb_context, XkbUnref>;
using XkbKeymapPtr = std::unique_ptr<xkb_keymap, XkbUnref>;
using XkbStatePtr = std::unique_ptr<xkb_state, XkbUnref>;
using XkbComposeTablePtr = std::unique_ptr<xkb_compose_table, XkbUnref>;
using XkbComposeStatePtr = std::unique_ptr<xkb_compose_state, XkbUnref>;

}  // namespace planar
