/**
 * Choosing the capture format: which of the device's formats, at which size.
 *
 * 1. Formats. A format a plane scans out comes first (the frame goes to the display as its
 *    DMA-BUF, 0 bytes copied), in the order `prefer` lists them (by default the display formats
 *    the source's planes take, else XRGB8888 first; YUYV and NV12 count when a plane takes them,
 *    as a Pi 5's do); then the other RGB formats Planar shows (composited, one read per frame);
 *    then YUYV and NV12 that no plane takes (converted, one copy per frame).
 *    A format asked for by name must be one the device lists, or the answer is an error that
 *    lists what it has. Compressed formats (MJPEG, H.264) are never chosen: they need a decoder.
 * 2. Size. The device's sizes for that format: a discrete size equal to the one asked for, else
 *    the smallest discrete size at least as large in both sides, else the largest; a stepwise
 *    range takes the size asked for rounded to its steps and clamped to it.
 * 3. The driver has the last word: VIDIOC_S_FMT may adjust the request, and the source uses
 *    what it returns (and says so when it differs).
 */
import type { FrameFormat } from '@planar/toolkit/backend';
import type { V4l2FormatDesc, V4l2FrameSize } from './native.js';
import { RGB_FORMATS, directFormat, displayFormatOf, isYuv } from './formats.js';

export interface FormatChoice {
  fourcc: string;
  width: number;
  height: number;
  /** How frames reach the display: as they come, or converted from YUV. */
  path: 'dmabuf' | 'convert';
  /** The format the display is given: the device's own, or XRGB8888 when converted. */
  displayFormat: FrameFormat;
}

/** The order formats are tried in: scan-out formats first, then other RGB, then YUV. */
export function rankFormats(formats: readonly V4l2FormatDesc[], prefer: readonly FrameFormat[]): V4l2FormatDesc[] {
  const rank = (f: V4l2FormatDesc): number => {
    const direct = directFormat(f.fourcc);
    const i = direct ? prefer.indexOf(direct) : -1;
    if (i >= 0) return i;
    if (RGB_FORMATS[f.fourcc]) return 100;
    return isYuv(f.fourcc) ? 200 + (f.fourcc === 'YUYV' ? 0 : 1) : Infinity;
  };
  return formats.filter((f) => !f.compressed && Number.isFinite(rank(f))).sort((a, b) => rank(a) - rank(b) || Number(a.emulated) - Number(b.emulated));
}

/** The size closest to `width`x`height` that the device lists for a format. */
export function chooseSize(sizes: readonly V4l2FrameSize[], width: number, height: number): { width: number; height: number } {
  if (!sizes.length) return { width, height };
  const ranges = sizes.filter((s) => s.kind !== 'discrete');
  if (ranges.length) {
    const r = ranges[0] as Extract<V4l2FrameSize, { kind: 'stepwise' | 'continuous' }>;
    const fit = (v: number, min: number, max: number, step: number) => Math.min(max, Math.max(min, min + Math.round((v - min) / Math.max(1, step)) * Math.max(1, step)));
    return { width: fit(width, r.minWidth, r.maxWidth, r.stepWidth), height: fit(height, r.minHeight, r.maxHeight, r.stepHeight) };
  }
  const discrete = sizes.filter((s): s is Extract<V4l2FrameSize, { kind: 'discrete' }> => s.kind === 'discrete');
  const exact = discrete.find((s) => s.width === width && s.height === height);
  if (exact) return { width, height };
  const larger = discrete.filter((s) => s.width >= width && s.height >= height).sort((a, b) => a.width * a.height - b.width * b.height);
  if (larger.length) return { width: larger[0]!.width, height: larger[0]!.height };
  const largest = [...discrete].sort((a, b) => b.width * b.height - a.width * a.height)[0]!;
  return { width: largest.width, height: largest.height };
}

/**
 * The format and size to capture in. `format` names a V4L2 format the caller insists on;
 * `prefer` lists display formats (RGB and video) in the order planes take them.
 */
export function chooseFormat(
  device: { path: string; formats(): V4l2FormatDesc[]; frameSizes(fourcc: string): V4l2FrameSize[] },
  request: { width: number; height: number; format?: string; prefer: readonly FrameFormat[] },
): FormatChoice {
  const listed = device.formats();
  let candidates: V4l2FormatDesc[];
  if (request.format) {
    const named = listed.find((f) => f.fourcc === request.format);
    if (!named) throw new Error(`${device.path} has no format ${request.format}: it offers ${describe(listed)}`);
    if (!displayFormatOf(named.fourcc)) throw new Error(`${device.path}: Planar cannot show ${request.format} frames; use one of ${[...Object.keys(RGB_FORMATS), 'YUYV', 'NV12'].join(', ')}`);
    candidates = [named];
  } else {
    candidates = rankFormats(listed, request.prefer);
    if (!candidates.length) throw new Error(`${device.path} offers no format Planar can show (${describe(listed)}); Planar takes 32-bit RGB (XR24, AR24, XB24, AB24), YUYV and NV12`);
  }
  const chosen = candidates[0]!;
  const size = chooseSize(device.frameSizes(chosen.fourcc), request.width, request.height);
  // YUV goes as it is only to a display that scans it out; otherwise it is converted.
  const direct = isYuv(chosen.fourcc) && !request.prefer.includes(chosen.fourcc) ? null : directFormat(chosen.fourcc);
  return { fourcc: chosen.fourcc, ...size, path: direct ? 'dmabuf' : 'convert', displayFormat: direct ?? displayFormatOf(chosen.fourcc)! };
}

function describe(formats: readonly V4l2FormatDesc[]): string {
  return formats.length ? formats.map((f) => `${f.fourcc} (${f.description})`).join(', ') : 'no formats';
}
