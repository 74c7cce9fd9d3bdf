// Errors a person can act on: what failed, on which object, and the system's reason.
#pragma once

#include <napi.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace planar {

// "what: No such file or directory".
inline std::string ErrnoText(const std::string& what, int err = errno) {
  return what + ": " + std::strerror(err);
}

// ErrnoText as a JS Error with `errno` set, so JS can tell causes apart.
inline Napi::Error ErrnoError(Napi::Env env, const std::string& what, int err = errno) {
  auto error = Napi::Error::New(env, ErrnoText(what, err));
  error.Set("errno", Napi::Number::New(env, err));
  return error;
}

// The one answer of every addon to a call on a buffer after destroy(): an Error naming the
// call and the buffer, with `code` 'ERR_BUFFER_DESTROYED'.
inline Napi::Error DestroyedBufferError(Napi::Env env, const std::string& call, const std::string& buffer) {
  auto error = Napi::Error::New(env, call + ": " + buffer + " was destroyed; allocate a new buffer instead of reusing this one");
  error.Set("code", Napi::String::New(env, "ERR_BUFFER_DESTROYED"));
  return error;
}

}  // namespace planar
