// A DRM device.
//
//   open      the card node, O_CLOEXEC; the client caps for universal planes, atomic and
//             writeback connectors (atomic is required: without it nothing here works)
//   describe  resources() reads every CRTC, connector (probed: drmModeGetConnector, since with
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
#include "seat.h"

#include <fcntl.h>
#include <xf86drm.h>
#include <xf86drmMode.h>

#include <ctime>
#include <memory>
#include <vector>

namespace planar {

namespace {

struct ResourcesDeleter { void operator()(drmModeRes* p) const { drmModeFreeResources(p); } };
struct PlaneResDeleter { void operator()(drmModePlaneRes* p) const { drmModeFreePlaneResources(p); } };
struct PlaneDeleter { void operator()(drmModePlane* p) const { drmModeFreePlane(p); } };
struct CrtcDeleter { void operator()(drmModeCrtc* p) const { drmModeFreeCrtc(p); } };
struct ConnectorDeleter { void operator()(drmModeConnector* p) const { drmModeFreeConnector(p); } };
struct EncoderDeleter { void operator()(drmModeEncoder* p) const { drmModeFreeEncoder(p); } };
struct PropsDeleter { void operator()(drmModeObjectProperties* p) const { drmModeFreeObjectProperties(p); } };
struct PropDeleter { void operator()(drmModePropertyRes* p) const { drmModeFreeProperty(p); } };
struct BlobDeleter { void operator()(drmModePropertyBlobRes* p) const { drmModeFreePropertyBlob(p); } };
struct AtomicDeleter { void operator()(drmModeAtomicReq* p) const { drmModeAtomicFree(p); } };

const char* PropertyKind(drmModePropertyRes* prop) {
  if (drm_property_type_is(prop, DRM_MODE_PROP_SIGNED_RANGE)) return "signed-range";
  if (drm_property_type_is(prop, DRM_MODE_PROP_RANGE)) return "range";
  if (drm_property_type_is(prop, DRM_MODE_PROP_ENUM)) return "enum";
  if (drm_property_type_is(prop, DRM_MODE_PROP_BITMASK)) return "bitmask";
  if (drm_property_type_is(prop, DRM_MODE_PROP_BLOB)) return "blob";
  if (drm_property_type_is(prop, DRM_MODE_PROP_OBJECT)) return "object";
  return "unknown";
}

Napi::Value Bytes(Napi::Env env, const void* data, size_t size) {
  auto array = Napi::Uint8Array::New(env, size);
  if (size) memcpy(array.Data(), data, size);
  return array;
}

// Every property of a KMS object, as [{ id, name, value, kind, immutable, min, max, enums, blob }].
Napi::Array Properties(Napi::Env env, int fd, uint32_t object, uint32_t type) {
  auto out = Napi::Array::New(env);
  std::unique_ptr<drmModeObjectProperties, PropsDeleter> props(drmModeObjectGetProperties(fd, object, type));
  if (!props) return out;
  for (uint32_t i = 0; i < props->count_props; i++) {
    std::unique_ptr<drmModePropertyRes, PropDeleter> prop(drmModeGetProperty(fd, props->props[i]));
    if (!prop) continue;
    auto p = Napi::Object::New(env);
    uint64_t value = props->prop_values[i];
    p.Set("id", prop->prop_id);
    p.Set("name", prop->name);
    p.Set("kind", PropertyKind(prop.get()));
    p.Set("immutable", (prop->flags & DRM_MODE_PROP_IMMUTABLE) != 0);
    if (drm_property_type_is(prop.get(), DRM_MODE_PROP_SIGNED_RANGE)) {
      p.Set("value", static_cast<double>(static_cast<int64_t>(value)));
    } else {
      p.Set("value", static_cast<double>(value));
    }
    if (drm_property_type_is(prop.get(), DRM_MODE_PROP_RANGE) && prop->count_values >= 2) {
      p.Set("min", static_cast<double>(prop->values[0]));
      p.Set("max", static_cast<double>(prop->values[1]));
    } else if (drm_property_type_is(prop.get(), DRM_MODE_PROP_SIGNED_RANGE) && prop->count_values >= 2) {
      p.Set("min", static_cast<double>(static_cast<int64_t>(prop->values[0])));
      p.Set("max", static_cast<double>(static_cast<int64_t>(prop->values[1])));
    }
    if (prop->count_enums > 0) {
      auto enums = Napi::Array::New(env, prop->count_enums);
      for (int e = 0; e < prop->count_enums; e++) {
        auto entry = Napi::Object::New(env);
        entry.Set("name", prop->enums[e].name);
        entry.Set("value", static_cast<double>(prop->enums[e].value));
        enums.Set(e, entry);
      }
      p.Set("enums", enums);
    }
    if (drm_property_type_is(prop.get(), DRM_MODE_PROP_BLOB) && value) {
      std::unique_ptr<drmModePropertyBlobRes, BlobDeleter> blob(drmModeGetPropertyBlob(fd, static_cast<uint32_t>(value)));
      if (blob) p.Set("blob", Bytes(env, blob->data, blob->length));
    }
    out.Set(out.Length(), p);
  }
  return out;
}

Napi::Object ModeObject(Napi::Env env, const drmModeModeInfo& m) {
  auto o = Napi::Object::New(env);
  o.Set("name", std::string(m.name, strnlen(m.name, DRM_DISPLAY_MODE_LEN)));
  o.Set("clock", m.clock);
  o.Set("hdisplay", m.hdisplay);
  o.Set("hsyncStart", m.hsync_start);
  o.Set("hsyncEnd", m.hsync_end);
  o.Set("htotal", m.htotal);
  o.Set("hskew", m.hskew);
  o.Set("vdisplay", m.vdisplay);
  o.Set("vsyncStart", m.vsync_start);
  o.Set("vsyncEnd", m.vsync_end);
  o.Set("vtotal", m.vtotal);
  o.Set("vscan", m.vscan);
  o.Set("vrefresh", m.vrefresh);
  o.Set("flags", m.flags);
  o.Set("type", m.type);
  return o;
}

uint32_t U32(const Napi::Object& o, const char* key) { return o.Get(key).As<Napi::Number>().Uint32Value(); }

const char* ConnectionName(drmModeConnection c) {
  switch (c) {
    case DRM_MODE_CONNECTED: return "connected";
    case DRM_MODE_DISCONNECTED: return "disconnected";
    default: return "unknown";
  }
}

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
    fd_.Reset(open(path_.c_str(), O_RDWR | O_CLOEXEC));
  }
  if (!fd_.valid()) throw ErrnoError(env, "cannot open " + path_);
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
  auto env = info.Env();
  int fd = fd_.get();
  std::unique_ptr<drmModeRes, ResourcesDeleter> res(drmModeGetResources(fd));
  if (!res) throw ErrnoError(env, "cannot read the KMS resources of " + path_);
  auto out = Napi::Object::New(env);

  auto crtcs = Napi::Array::New(env);
  for (int i = 0; i < res->count_crtcs; i++) {
    std::unique_ptr<drmModeCrtc, CrtcDeleter> crtc(drmModeGetCrtc(fd, res->crtcs[i]));
    if (!crtc) continue;
    auto c = Napi::Object::New(env);
    c.Set("id", crtc->crtc_id);
    c.Set("index", i);
    c.Set("bufferId", crtc->buffer_id);
    c.Set("mode", crtc->mode_valid ? ModeObject(env, crtc->mode) : env.Null());
    c.Set("properties", Properties(env, fd, crtc->crtc_id, DRM_MODE_OBJECT_CRTC));
    crtcs.Set(crtcs.Length(), c);
  }
  out.Set("crtcs", crtcs);

  auto connectors = Napi::Array::New(env);
  for (int i = 0; i < res->count_connectors; i++) {
    std::unique_ptr<drmModeConnector, ConnectorDeleter> conn(drmModeGetConnector(fd, res->connectors[i]));
    if (!conn) continue;
    auto c = Napi::Object::New(env);
    const char* type = drmModeGetConnectorTypeName(conn->connector_type);
    c.Set("id", conn->connector_id);
    c.Set("name", std::string(type ? type : "Unknown") + "-" + std::to_string(conn->connector_type_id));
    c.Set("connection", ConnectionName(conn->connection));
    c.Set("widthMm", conn->mmWidth);
    c.Set("heightMm", conn->mmHeight);
    c.Set("writeback", conn->connector_type == DRM_MODE_CONNECTOR_WRITEBACK);
    auto modes = Napi::Array::New(env, conn->count_modes);
    for (int m = 0; m < conn->count_modes; m++) modes.Set(m, ModeObject(env, conn->modes[m]));
    c.Set("modes", modes);
    // The CRTCs it can drive: the union of its encoders' possible_crtcs, as a bit per CRTC index.
    uint32_t possible = 0;
    uint32_t current = 0;
    for (int e = 0; e < conn->count_encoders; e++) {
      std::unique_ptr<drmModeEncoder, EncoderDeleter> enc(drmModeGetEncoder(fd, conn->encoders[e]));
      if (!enc) continue;
      possible |= enc->possible_crtcs;
      if (enc->encoder_id == conn->encoder_id) current = enc->crtc_id;
    }
    c.Set("possibleCrtcs", possible);
    c.Set("crtcId", current);
    c.Set("properties", Properties(env, fd, conn->connector_id, DRM_MODE_OBJECT_CONNECTOR));
    connectors.Set(connectors.Length(), c);
  }
  out.Set("connectors", connectors);

  auto planes = Napi::Array::New(env);
  std::unique_ptr<drmModePlaneRes, PlaneResDeleter> planeRes(drmModeGetPlaneResources(fd));
  for (uint32_t i = 0; planeRes && i < planeRes->count_planes; i++) {
    std::unique_ptr<drmModePlane, PlaneDeleter> plane(drmModeGetPlane(fd, planeRes->planes[i]));
    if (!plane) continue;
    auto p = Napi::Object::New(env);
    p.Set("id", plane->plane_id);
    p.Set("possibleCrtcs", plane->possible_crtcs);
    p.Set("crtcId", plane->crtc_id);
    p.Set("fbId", plane->fb_id);
    auto formats = Napi::Uint32Array::New(env, plane->count_formats);
    for (uint32_t f = 0; f < plane->count_formats; f++) formats[f] = plane->formats[f];
    p.Set("formats", formats);
    p.Set("properties", Properties(env, fd, plane->plane_id, DRM_MODE_OBJECT_PLANE));
    planes.Set(planes.Length(), p);
  }
  out.Set("planes", planes);
  out.Set("minWidth", res->min_width);
  out.Set("maxWidth", res->max_width);
  out.Set("minHeight", res->min_height);
  out.Set("maxHeight", res->max_height);
  return out;
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
  auto o = info[0].As<Napi::Object>();
  drmModeModeInfo mode{};
  mode.clock = U32(o, "clock");
  mode.hdisplay = U32(o, "hdisplay");
  mode.hsync_start = U32(o, "hsyncStart");
  mode.hsync_end = U32(o, "hsyncEnd");
  mode.htotal = U32(o, "htotal");
  mode.hskew = U32(o, "hskew");
  mode.vdisplay = U32(o, "vdisplay");
  mode.vsync_start = U32(o, "vsyncStart");
  mode.vsync_end = U32(o, "vsyncEnd");
  mode.vtotal = U32(o, "vtotal");
  mode.vscan = U32(o, "vscan");
  mode.vrefresh = U32(o, "vrefresh");
  mode.flags = U32(o, "flags");
  mode.type = U32(o, "type");
  auto name = o.Get("name").As<Napi::String>().Utf8Value();
  strncpy(mode.name, name.c_str(), DRM_DISPLAY_MODE_LEN - 1);
  uint32_t id = 0;
  if (drmModeCreatePropertyBlob(fd_.get(), &mode, sizeof mode, &id) != 0) {
    throw ErrnoError(env, "cannot create a mode blob for " + name);
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
