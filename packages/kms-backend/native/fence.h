// Waiting for a sync_file fence (a writeback job's out-fence) without blocking (see fence.cc).
#pragma once

#include <napi.h>

namespace planar {

Napi::Value WaitFence(const Napi::CallbackInfo& info);

}  // namespace planar
