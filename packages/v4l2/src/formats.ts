/**
 * V4L2 pixel formats and what Planar makes of them.
 *
 * V4L2 and DRM both name formats by four characters, and for the 32-bit RGB formats a plane
 * scans out the codes agree: V4L2's `XR24` (which it calls XBGR32, bytes B, G, R, X in memory) is
 * DRM's XRGB8888, `AR24` is ARGB8888, `XB24` is XBGR8888 and `AB24` is ABGR8888. The names differ
 * (V4L2 names the bytes' order in memory, DRM the order in a little-endian word), so formats are
 * matched by code, never by name: V4L2's "XRGB32" (`BX24`) is DRM's BGRX8888, which no plane
 * here takes. Older drivers list `BGR4` (deprecated BGR32, the same bytes as `XR24`) and `BA24`.
 *
 * YUYV (packed 4:2:2) and NV12 (a Y plane, then interleaved U/V at half size) are what cameras
 * and decoders produce most, and DRM names them as V4L2 does. They go to planes that scan them
 * out (a Pi 5's) as they are; elsewhere they are converted to XRGB8888 (yuv.ts), one copy per
 * frame.
 */
import type { FrameFormat, PixelFormat } from '@planar/toolkit/backend';

/** Frames in these V4L2 formats are shown as they come (by DMA-BUF, or by a read when composited). */
export const RGB_FORMATS: Readonly<Record<string, PixelFormat>> = {
  XR24: 'XRGB8888', BGR4: 'XRGB8888', AR24: 'ARGB8888', BA24: 'ARGB8888', XB24: 'XBGR8888', AB24: 'ABGR8888',
};

/** YUV formats converted to XRGB8888 (yuv.ts). */
export const YUV_FORMATS = ['YUYV', 'NV12'] as const;
export type YuvFormat = (typeof YUV_FORMATS)[number];

export const isYuv = (fourcc: string): fourcc is YuvFormat => (YUV_FORMATS as readonly string[]).includes(fourcc);

/** The display format a V4L2 format's buffers are handed over in as they are: DRM names YUYV and NV12 as V4L2 does. */
export function directFormat(fourcc: string): FrameFormat | null {
  return RGB_FORMATS[fourcc] ?? (isYuv(fourcc) ? fourcc : null);
}

/** The display format a V4L2 format is shown in when no plane takes it (YUV: after conversion); null when Planar cannot show it. */
export function displayFormatOf(fourcc: string): PixelFormat | null {
  return RGB_FORMATS[fourcc] ?? (isYuv(fourcc) ? 'XRGB8888' : null);
}
