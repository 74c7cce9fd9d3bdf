// Gives the C library's free heap memory back to the system. Start-up (V8 compiling scripts
// and WebAssembly, modules decoded) mallocs and frees a few MiB that glibc keeps for later
// unless asked; malloc_trim(0) returns every free page, not only those at the heap's top.
#include <napi.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {

// trim(): true when memory was returned to the system; false when there was none, or on a C
// library without malloc_trim.
Napi::Value Trim(const Napi::CallbackInfo& info) {
#if defined(__GLIBC__)
  return Napi::Boolean::New(info.Env(), malloc_trim(0) != 0);
#else
  return Napi::Boolean::New(info.Env(), false);
#endif
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("trim", Napi::Function::New(env, Trim, "trim"));
  return exports;
}

}  // namespace

NODE_API_MODULE(planar_memory, Init)
