// Reading a DRM device's objects for JS: CRTCs, connectors (probed), encoders' possible CRTCs,
// planes with their formats, and every object's properties with their kinds, ranges, enum
// values and the bytes of blob properties (IN_FORMATS, MODE_ID), which JS parses. Modes travel
// as plain objects both ways (ModeObject, ModeFromObject).
#include "resources.h"

#include <cstring>
#include <memory>

#include "planar/errors.h"
#include "planar/owned.h"

namespace planar {

namespace {

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

}  // namespace

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

const char* ConnectionName(drmModeConnection c) {
  switch (c) {
    case DRM_MODE_CONNECTED: return "connected";
    case DRM_MODE_DISCONNECTED: return "disconnected";
    default: return "unknown";
  }
}

drmModeModeInfo ModeFromObject(const Napi::Object& o) {
  auto u32 = [&](const char* key) { return o.Get(key).As<Napi::Number>().Uint32Value(); };
  drmModeModeInfo mode{};
  mode.clock = u32("clock");
  mode.hdisplay = u32("hdisplay");
  mode.hsync_start = u32("hsyncStart");
  mode.hsync_end = u32("hsyncEnd");
  mode.htotal = u32("htotal");
  mode.hskew = u32("hskew");
  mode.vdisplay = u32("vdisplay");
  mode.vsync_start = u32("vsyncStart");
  mode.vsync_end = u32("vsyncEnd");
  mode.vtotal = u32("vtotal");
  mode.vscan = u32("vscan");
  mode.vrefresh = u32("vrefresh");
  mode.flags = u32("flags");
  mode.type = u32("type");
  auto name = o.Get("name").As<Napi::String>().Utf8Value();
  strncpy(mode.name, name.c_str(), DRM_DISPLAY_MODE_LEN - 1);
  return mode;
}

Napi::Object DescribeResources(Napi::Env env, int fd, const std::string& path) {
  std::unique_ptr<drmModeRes, ResourcesDeleter> res(drmModeGetResources(fd));
  if (!res) throw ErrnoError(env, "cannot read the KMS resources of " + path);
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

}  // namespace planar
