// Single- and multi-planar capture behind one face.
//
// V4L2 has two capture APIs. A single-planar node (V4L2_BUF_TYPE_VIDEO_CAPTURE) describes its
// format in fmt.pix and its buffers in v4l2_buffer itself. A multi-planar one
// (V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE: most decoders' capture queues, many SoC cameras) keeps
// the per-plane fields apart: fmt.pix_mp.plane_fmt[] for the format, and an array of v4l2_plane
// that v4l2_buffer points at (m.planes, with its length in `length`) for QUERYBUF, QBUF and
// DQBUF. Both speak of "planes", but a multi-planar format's planes are *memory* planes: NV12,
// YUYV or XR24 come in one (num_planes == 1), their colour planes sharing one buffer, which is
// all this addon carries (a frame is one mapping and one DMA-BUF). Formats that put each colour
// plane in a buffer of its own (NV12M, YUV420M…: num_planes > 1) are left out and refused.
//
// Which API a node gets is chosen once, at open: single-planar when its device caps have
// VIDEO_CAPTURE, else multi-planar when they have VIDEO_CAPTURE_MPLANE. Every ioctl after that
// passes the chosen type, and reads the fields below through the helpers here, so the rest of
// the addon (and JS) never tells the two apart.
#pragma once

#include <linux/videodev2.h>

#include <cstdint>
#include <string>

namespace planar {

inline uint32_t CaptureType(uint32_t device_caps) {
  if (device_caps & V4L2_CAP_VIDEO_CAPTURE) return V4L2_BUF_TYPE_VIDEO_CAPTURE;
  if (device_caps & V4L2_CAP_VIDEO_CAPTURE_MPLANE) return V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE;
  return V4L2_BUF_TYPE_VIDEO_CAPTURE;  // Not a capture device: its capability says so.
}

inline bool IsMultiplanar(uint32_t type) { return type == V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE; }

// A pixel format that keeps its colour planes in separate buffers (an "M" variant), with its
// V4L2 name and the single-buffer format of the same layout to use instead.
struct MultiBufferFormat {
  uint32_t fourcc;
  const char* name;
  const char* instead;
};

// The known multi-buffer format `fourcc` is, or null. Drivers may have others of their own;
// setFormat refuses those by their num_planes.
inline const MultiBufferFormat* FindMultiBuffer(uint32_t fourcc) {
  static const MultiBufferFormat kFormats[] = {
    {V4L2_PIX_FMT_NV12M, "NV12M", "NV12"}, {V4L2_PIX_FMT_NV21M, "NV21M", "NV21"},
    {V4L2_PIX_FMT_NV16M, "NV16M", "NV16"}, {V4L2_PIX_FMT_NV61M, "NV61M", "NV61"},
    {V4L2_PIX_FMT_NV12MT, "NV12MT", "NV12"}, {V4L2_PIX_FMT_NV12MT_16X16, "NV12MT_16X16", "NV12"},
    {V4L2_PIX_FMT_YUV420M, "YUV420M", "YU12"}, {V4L2_PIX_FMT_YVU420M, "YVU420M", "YV12"},
    {V4L2_PIX_FMT_YUV422M, "YUV422M", "422P"}, {V4L2_PIX_FMT_YVU422M, "YVU422M", "NV12"},
    {V4L2_PIX_FMT_YUV444M, "YUV444M", "NV12"}, {V4L2_PIX_FMT_YVU444M, "YVU444M", "NV12"},
#ifdef V4L2_PIX_FMT_NV12M_8L128
    {V4L2_PIX_FMT_NV12M_8L128, "NV12M_8L128", "NV12"}, {V4L2_PIX_FMT_NV12M_10BE_8L128, "NV12M_10BE_8L128", "NV12"},
#endif
  };
  for (const auto& format : kFormats) {
    if (format.fourcc == fourcc) return &format;
  }
  return nullptr;
}

// A format as JS sees it, from either member of the union; `buffers` is how many memory
// planes (buffers) a frame takes: always 1 single-planar.
struct FormatFields {
  uint32_t width, height, fourcc, bytes_per_line, size_image, buffers;
};

inline FormatFields FieldsOf(const v4l2_format& format) {
  if (!IsMultiplanar(format.type)) {
    const auto& pix = format.fmt.pix;
    return {pix.width, pix.height, pix.pixelformat, pix.bytesperline, pix.sizeimage, 1};
  }
  const auto& mp = format.fmt.pix_mp;
  return {mp.width, mp.height, mp.pixelformat, mp.plane_fmt[0].bytesperline, mp.plane_fmt[0].sizeimage, mp.num_planes};
}

// A progressive format request; the driver fills in strides and sizes.
inline v4l2_format FormatRequest(uint32_t type, uint32_t width, uint32_t height, uint32_t fourcc) {
  v4l2_format format{};
  format.type = type;
  if (IsMultiplanar(type)) {
    format.fmt.pix_mp.width = width;
    format.fmt.pix_mp.height = height;
    format.fmt.pix_mp.pixelformat = fourcc;
    format.fmt.pix_mp.field = V4L2_FIELD_NONE;
    format.fmt.pix_mp.num_planes = 1;
  } else {
    format.fmt.pix.width = width;
    format.fmt.pix.height = height;
    format.fmt.pix.pixelformat = fourcc;
    format.fmt.pix.field = V4L2_FIELD_NONE;
  }
  return format;
}

// The node's own capabilities (device_caps), or the whole device's from an old driver.
inline uint32_t NodeCaps(const v4l2_capability& cap) {
  return (cap.capabilities & V4L2_CAP_DEVICE_CAPS) ? cap.device_caps : cap.capabilities;
}

// Why `call` on `path` refuses a format split over buffers, and what to use instead.
inline std::string MultiBufferRefusal(const std::string& call, const std::string& path, const FormatFields& format) {
  std::string code;
  for (int shift = 0; shift < 32; shift += 8) code.push_back(static_cast<char>((format.fourcc >> shift) & 0x7f));
  const auto* known = FindMultiBuffer(format.fourcc);
  std::string name = known ? known->name : code;
  return call + ": " + path + " would deliver " + (known ? code + " (" + name + ")" : code) + " frames split over " + std::to_string(format.buffers) +
      " separate buffers, but a frame here is one buffer (one DMA-BUF); use a single-buffer format such as " + (known ? known->instead : "NV12") +
      " instead of " + name;
}

// An MMAP v4l2_buffer for QUERYBUF, QBUF or DQBUF, with the plane array a multi-planar one
// points at; it points into itself, so it is neither copied nor moved.
class BufferRequest {
 public:
  BufferRequest(uint32_t type, uint32_t index) {
    buffer_.type = type;
    buffer_.memory = V4L2_MEMORY_MMAP;
    buffer_.index = index;
    if (IsMultiplanar(type)) {
      buffer_.m.planes = planes_;
      buffer_.length = VIDEO_MAX_PLANES;
    }
  }
  BufferRequest(const BufferRequest&) = delete;
  BufferRequest& operator=(const BufferRequest&) = delete;

  v4l2_buffer* get() { return &buffer_; }
  const v4l2_buffer& buffer() const { return buffer_; }
  // Memory planes of the buffer (after QUERYBUF or DQBUF).
  uint32_t buffers() const { return multiplanar() ? buffer_.length : 1; }
  // The first (only) memory plane's length, mmap offset and bytes filled.
  uint32_t length() const { return multiplanar() ? planes_[0].length : buffer_.length; }
  uint32_t offset() const { return multiplanar() ? planes_[0].m.mem_offset : buffer_.m.offset; }
  uint32_t bytes_used() const { return multiplanar() ? planes_[0].bytesused : buffer_.bytesused; }
  // Where the frame starts in that plane (after DQBUF): bytes_used counts these bytes too.
  uint32_t data_offset() const { return multiplanar() ? planes_[0].data_offset : 0; }

 private:
  bool multiplanar() const { return IsMultiplanar(buffer_.type); }

  v4l2_buffer buffer_{};
  v4l2_plane planes_[VIDEO_MAX_PLANES]{};
};

}  // namespace planar
