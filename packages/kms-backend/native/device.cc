// A DRM device.
//
//   open      the card node, O_CLOEXEC | O_NONBLOCK; the client caps for universal planes, atomic and
//             writeback connectors (atomic is required: without it nothing here works)
//   describe  resources() (resources.cc) reads every CRTC, connector (probed: drmModeGetConnector, since with
//             no fbdev nothing else has asked the connector for its modes), encoder and plane,
//             each with its properties: name, id, value, kind, range or enum values, and the
//             bytes of blob properties (IN_FORMATS, MODE_ID) for JS to parse
//   commit    an atomic request from three parallel arrays (object, property, value). The
//             result is 0 or -errno, never thrown: a refused TEST_ONLY commit is an answer.
//             A writeback out-fence pointer, when asked for, points into this call's frame;
//             the kernel writes the fence fd before the ioctl returns.
//   events    the card fd is polled through libuv; page-flip events are read with
//             drmHandleEvent and reach JS as `flip` with the CRTC, the sequence, and how long
//             ago (CLOCK_MONOTONIC) the flip happened, so JS can place it on its own clock
#include "device.h"
#include "resources.h"
#include "seat.h"

#include <fcntl.h>
#include <xf86drm.h>
#include <xf86drmMode.h>

#include <ctime>
#include <memory>
#include <vector>

namespace planar {

namespace {

struct AtomicDeleter { void operator()(drmModeAtomicReq* p) const { drmModeAtomicFree(p); } };

double MonotonicMs() {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

// The device whose events drmHandleEvent is reading (handlers get no context of their own
// besides the commit's user data, which carries the commit's number).
Device* reading = nullptr;

}  // namespace

Napi::Function Device::Define(Napi::Env env) {
  return DefineClass(env, "Device", {
    InstanceMethod("caps", &Device::Caps),
    InstanceMethod("resources", &Device::Resources),
    InstanceMethod("isMaster", &Device::IsMaster),
    InstanceMethod("setMaster", &Device::SetMaster),
    InstanceMethod("dropMaster", &Device::DropMaster),
    InstanceMethod("createModeBlob", &Device::CreateModeBlob),
    InstanceMethod("createBlob", &Device::CreateBlob),
    InstanceMethod("destroyBlob", &Device::DestroyBlob),
    InstanceMethod("connectorStatus", &Device::ConnectorStatus),
    InstanceMethod("commit", &Device::Commit),
    InstanceMethod("start", &Device::Start),
    InstanceMethod("close", &Device::Close),
  });
}

// new Device(path, emit, seat?): opens the card (through the seat manager when given one) and
// sets the client caps. Throws with errno text.
Device::Device(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Device>(info) {
  auto env = info.Env();
  path_ = info[0].As<Napi::String>().Utf8Value();
  emit_ = Napi::Persistent(info[1].As<Napi::Function>());
  context_ = std::make_unique<Napi::AsyncContext>(env, "planar-kms-device");
  seat_ = info.Length() > 2 ? Seat::From(info[2]) : nullptr;
  if (seat_) {
    seat_ref_ = Napi::Persistent(info[2].As<Napi::Object>());
    int fd = seat_->Open(path_.c_str());
    if (fd < 0) throw ErrnoError(env, "the seat manager cannot open " + path_, -fd);
    fd_.Reset(fd);
  } else {
    fd_.Reset(open(path_.c_str(), O_RDWR | O_CLOEXEC | O_NONBLOCK));
  }
  if (!fd_.valid()) throw ErrnoError(env, "cannot open " + path_);
  // drmHandleEvent read()s the fd: if libuv ever wakes us with nothing to read, it must not block.
  fcntl(fd_.get(), F_SETFL, fcntl(fd_.get(), F_GETFL) | O_NONBLOCK);
  if (drmSetClientCap(fd_.get(), DRM_CLIENT_CAP_UNIVERSAL_PLANES, 1) != 0) {
    int err = errno;
    CloseFd();
    throw ErrnoError(env, path_ + " does not expose universal planes (DRM_CLIENT_CAP_UNIVERSAL_PLANES)", err);
  }
  if (drmSetClientCap(fd_.get(), DRM_CLIENT_CAP_ATOMIC, 1) != 0) {
    int err = errno;
    CloseFd();
    throw ErrnoError(env, path_ + " does not support atomic modesetting (DRM_CLIENT_CAP_ATOMIC)", err);
  }
  // Optional: without it the writeback connector stays hidden and screenshots are composed in software.
  drmSetClientCap(fd_.get(), DRM_CLIENT_CAP_WRITEBACK_CONNECTORS, 1);
}

Device::~Device() {
  StopPolling();
  CloseFd();
}

void Device::CloseFd() {
  if (seat_ && fd_.valid()) seat_->Close(fd_.Release());
  fd_.Reset();
  seat_ = nullptr;
  if (!seat_ref_.IsEmpty()) seat_ref_.Reset();
}

Device* Device::From(const Napi::Value& value) {
  auto* device = Napi::ObjectWrap<Device>::Unwrap(value.As<Napi::Object>());
  if (!device || !device->fd_.valid()) throw Napi::Error::New(value.Env(), "the DRM device is closed");
  return device;
}

Napi::Value Device::Caps(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  auto out = Napi::Object::New(env);
  auto cap = [&](const char* name, uint64_t which) {
    uint64_t value = 0;
    out.Set(name, drmGetCap(fd_.get(), which, &value) == 0 ? static_cast<double>(value) : 0.0);
  };
  cap("dumbBuffer", DRM_CAP_DUMB_BUFFER);
  cap("prime", DRM_CAP_PRIME);
  cap("timestampMonotonic", DRM_CAP_TIMESTAMP_MONOTONIC);
  cap("cursorWidth", DRM_CAP_CURSOR_WIDTH);
  cap("cursorHeight", DRM_CAP_CURSOR_HEIGHT);
  cap("addFb2Modifiers", DRM_CAP_ADDFB2_MODIFIERS);
  cap("asyncPageFlip", DRM_CAP_ASYNC_PAGE_FLIP);
  std::unique_ptr<drmVersion, decltype(&drmFreeVersion)> version(drmGetVersion(fd_.get()), drmFreeVersion);
  out.Set("driver", version ? std::string(version->name, version->name_len) : std::string());
  return out;
}

Napi::Value Device::Resources(const Napi::CallbackInfo& info) {
  return DescribeResources(info.Env(), fd_.get(), path_);
}

Napi::Value Device::IsMaster(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), fd_.valid() && drmIsMaster(fd_.get()));
}

// Returns 0 or -errno (EBUSY: another client is master; EACCES: not allowed to become one).
Napi::Value Device::SetMaster(const Napi::CallbackInfo& info) {
  int result = drmSetMaster(fd_.get()) == 0 ? 0 : -errno;
  return Napi::Number::New(info.Env(), result);
}

Napi::Value Device::DropMaster(const Napi::CallbackInfo& info) {
  int result = drmDropMaster(fd_.get()) == 0 ? 0 : -errno;
  return Napi::Number::New(info.Env(), result);
}

// createModeBlob(mode) → blob id, for a CRTC's MODE_ID. The mode is one resources() returned.
Napi::Value Device::CreateModeBlob(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  drmModeModeInfo mode = ModeFromObject(info[0].As<Napi::Object>());
  uint32_t id = 0;
  if (drmModeCreatePropertyBlob(fd_.get(), &mode, sizeof mode, &id) != 0) {
    throw ErrnoError(env, std::string("cannot create a mode blob for ") + mode.name);
  }
  return Napi::Number::New(env, id);
}

// createBlob(bytes) → blob id (FB_DAMAGE_CLIPS rects and other blob properties).
Napi::Value Device::CreateBlob(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  auto bytes = info[0].As<Napi::Uint8Array>();
  uint32_t id = 0;
  if (drmModeCreatePropertyBlob(fd_.get(), bytes.Data(), bytes.ByteLength(), &id) != 0) {
    throw ErrnoError(env, "cannot create a property blob");
  }
  return Napi::Number::New(env, id);
}

// connectorStatus(id) → 'connected' | 'disconnected' | 'unknown', without probing (cheap; the
// kernel's hotplug handling keeps it current).
Napi::Value Device::ConnectorStatus(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  std::unique_ptr<drmModeConnector, ConnectorDeleter> conn(
      drmModeGetConnectorCurrent(fd_.get(), info[0].As<Napi::Number>().Uint32Value()));
  if (!conn) return Napi::String::New(env, "disconnected");
  return Napi::String::New(env, ConnectionName(conn->connection));
}

Napi::Value Device::DestroyBlob(const Napi::CallbackInfo& info) {
  if (fd_.valid()) drmModeDestroyPropertyBlob(fd_.get(), info[0].As<Napi::Number>().Uint32Value());
  return info.Env().Undefined();
}

// commit(objects: Uint32Array, properties: Uint32Array, values: Float64Array, flags, userData,
//        outFence?: [object, property]) → { result: 0 | -errno, fence: fd | -1 }
Napi::Value Device::Commit(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  auto objects = info[0].As<Napi::Uint32Array>();
  auto props = info[1].As<Napi::Uint32Array>();
  auto values = info[2].As<Napi::Float64Array>();
  uint32_t flags = info[3].As<Napi::Number>().Uint32Value();
  uintptr_t user = info[4].As<Napi::Number>().Uint32Value();
  if (objects.ElementLength() != props.ElementLength() || objects.ElementLength() != values.ElementLength()) {
    throw Napi::TypeError::New(env, "commit: objects, properties and values must be the same length");
  }
  std::unique_ptr<drmModeAtomicReq, AtomicDeleter> req(drmModeAtomicAlloc());
  if (!req) throw ErrnoError(env, "cannot allocate an atomic request");
  for (size_t i = 0; i < objects.ElementLength(); i++) {
    if (drmModeAtomicAddProperty(req.get(), objects[i], props[i], static_cast<uint64_t>(values[i])) < 0) {
      throw ErrnoError(env, "cannot add a property to an atomic request", ENOMEM);
    }
  }
  // The writeback out-fence: the kernel writes an fd into this int during the ioctl.
  int32_t fence = -1;
  if (info.Length() > 5 && info[5].IsArray()) {
    auto pair = info[5].As<Napi::Array>();
    uint32_t object = pair.Get(0u).As<Napi::Number>().Uint32Value();
    uint32_t prop = pair.Get(1u).As<Napi::Number>().Uint32Value();
    drmModeAtomicAddProperty(req.get(), object, prop, static_cast<uint64_t>(reinterpret_cast<uintptr_t>(&fence)));
  }
  int result = drmModeAtomicCommit(fd_.get(), req.get(), flags, reinterpret_cast<void*>(user)) == 0 ? 0 : -errno;
  auto out = Napi::Object::New(env);
  out.Set("result", result);
  out.Set("fence", result == 0 ? fence : -1);
  if (result != 0 && fence >= 0) close(fence);
  return out;
}

void Device::Emit(const char* type, const std::function<void(Napi::Object&)>& fill) {
  if (emit_.IsEmpty()) return;
  auto env = emit_.Env();
  Napi::HandleScope scope(env);
  auto event = Napi::Object::New(env);
  fill(event);
  try {
    // MakeCallback: promises resolved by the handler settle before control returns to libuv.
    emit_.MakeCallback(env.Global(), {Napi::String::New(env, type), event}, *context_);
  } catch (const Napi::Error& error) {
    fprintf(stderr, "planar: a KMS event handler threw: %s\n", error.Message().c_str());
  }
}

void Device::OnPageFlip(int, unsigned sequence, unsigned sec, unsigned usec, unsigned crtc, void* data) {
  if (!reading) return;
  double at = sec * 1e3 + usec / 1e3;
  double ago = MonotonicMs() - at;
  auto user = static_cast<double>(reinterpret_cast<uintptr_t>(data));
  reading->Emit("flip", [&](Napi::Object& e) {
    e.Set("crtcId", crtc);
    e.Set("sequence", sequence);
    e.Set("timeMs", at);
    e.Set("agoMs", ago);
    e.Set("commit", user);
  });
}

void Device::OnReadable(uv_poll_t* handle, int status, int) {
  auto* self = static_cast<Device*>(handle->data);
  if (status < 0) {
    self->Emit("lost", [&](Napi::Object& e) { e.Set("reason", std::string("polling the DRM device failed: ") + uv_strerror(status)); });
    self->StopPolling();
    return;
  }
  drmEventContext context{};
  context.version = 3;
  context.page_flip_handler2 = &Device::OnPageFlip;
  reading = self;
  int result = drmHandleEvent(self->fd_.get(), &context);
  reading = nullptr;
  if (result != 0 && errno != EAGAIN && errno != EINTR) {
    int err = errno;
    self->Emit("lost", [&](Napi::Object& e) { e.Set("reason", std::string("reading DRM events failed: ") + strerror(err)); });
    self->StopPolling();
  }
}

// start(): page-flip events from now on (poll the card fd in the event loop).
Napi::Value Device::Start(const Napi::CallbackInfo& info) {
  if (poll_ || !fd_.valid()) return info.Env().Undefined();
  uv_loop_t* loop = nullptr;
  napi_get_uv_event_loop(info.Env(), &loop);
  poll_ = new uv_poll_t;
  uv_poll_init(loop, poll_, fd_.get());
  poll_->data = this;
  uv_poll_start(poll_, UV_READABLE, &Device::OnReadable);
  return info.Env().Undefined();
}

void Device::StopPolling() {
  if (!poll_) return;
  uv_poll_stop(poll_);
  uv_close(reinterpret_cast<uv_handle_t*>(poll_), [](uv_handle_t* h) { delete reinterpret_cast<uv_poll_t*>(h); });
  poll_ = nullptr;
}

// close(): stops events and closes the card (which also drops master). Safe to call twice.
Napi::Value Device::Close(const Napi::CallbackInfo& info) {
  StopPolling();
  CloseFd();
  emit_.Reset();
  return info.Env().Undefined();
}

}  // namespace planar
