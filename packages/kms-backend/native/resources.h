// Reading a DRM device's objects and properties for JS (see resources.cc).
#pragma once

#include <napi.h>
#include <xf86drm.h>
#include <xf86drmMode.h>

#include <string>

namespace planar {

struct ResourcesDeleter { void operator()(drmModeRes* p) const { drmModeFreeResources(p); } };
struct PlaneResDeleter { void operator()(drmModePlaneRes* p) const { drmModeFreePlaneResources(p); } };
struct PlaneDeleter { void operator()(drmModePlane* p) const { drmModeFreePlane(p); } };
struct CrtcDeleter { void operator()(drmModeCrtc* p) const { drmModeFreeCrtc(p); } };
struct ConnectorDeleter { void operator()(drmModeConnector* p) const { drmModeFreeConnector(p); } };
struct EncoderDeleter { void operator()(drmModeEncoder* p) const { drmModeFreeEncoder(p); } };
struct PropsDeleter { void operator()(drmModeObjectProperties* p) const { drmModeFreeObjectProperties(p); } };
struct PropDeleter { void operator()(drmModePropertyRes* p) const { drmModeFreeProperty(p); } };
struct BlobDeleter { void operator()(drmModePropertyBlobRes* p) const { drmModeFreePropertyBlob(p); } };


// Every property of a KMS object: [{ id, name, value, kind, immutable, min, max, enums, blob }].
Napi::Array Properties(Napi::Env env, int fd, uint32_t object, uint32_t type);
// A mode as a plain object, and back.
Napi::Object ModeObject(Napi::Env env, const drmModeModeInfo& mode);
drmModeModeInfo ModeFromObject(const Napi::Object& object);
// "connected" | "disconnected" | "unknown"
const char* ConnectionName(drmModeConnection connection);
// { crtcs, connectors, planes, min/max sizes }; throws with errno text.
Napi::Object DescribeResources(Napi::Env env, int fd, const std::string& path);

}  // namespace planar
