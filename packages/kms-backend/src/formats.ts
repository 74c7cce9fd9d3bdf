/**
 * DRM pixel formats: fourcc codes, the toolkit's names for them, and the IN_FORMATS blob
 * (which format takes which modifiers on a plane).
 *
 * The toolkit renders RGBA bytes (premultiplied). XBGR8888/ABGR8888 are RGBA in memory and
 * need no conversion; XRGB8888/ARGB8888 are BGRA and are swapped during the copy (native).
 * Video frames (YUYV, NV12) come from elsewhere as DMA-BUFs and are only ever scanned out;
 * how their YCbCr maps to RGB is told to the plane by name (`COLOR_ENCODING`, `COLOR_RANGE`).
 */
import { defaultColorEncoding, isVideoFormat, type DmaBufFrame, type FrameFormat, type PixelFormat, type VideoFormat } from '@planar/toolkit/backend';

export function fourcc(code: string): number {
  return (code.charCodeAt(0) | (code.charCodeAt(1) << 8) | (code.charCodeAt(2) << 16) | (code.charCodeAt(3) << 24)) >>> 0;
}

export function fourccName(value: number): string {
  return String.fromCharCode(value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, (value >>> 24) & 0xff);
}

/** The formats Planar draws in, by their DRM codes. */
export const FORMAT_CODES: Record<PixelFormat, number> = {
  ARGB8888: fourcc('AR24'),
  XRGB8888: fourcc('XR24'),
  ABGR8888: fourcc('AB24'),
  XBGR8888: fourcc('XB24'),
};

/** Video formats of external frames, by their DRM codes (the toolkit's names are the fourccs). */
export const VIDEO_FORMAT_CODES: Record<VideoFormat, number> = {
  YUYV: fourcc('YUYV'),
  NV12: fourcc('NV12'),
};

/** The DRM code of any frame format: `frameFormatCode('NV12')` is fourcc('NV12'). */
export function frameFormatCode(format: FrameFormat): number {
  return isVideoFormat(format) ? VIDEO_FORMAT_CODES[format] : FORMAT_CODES[format];
}

/** How a video frame's YCbCr maps to RGB, the frame's own or the usual one for its size. */
export interface VideoColor {
  encoding: NonNullable<DmaBufFrame['colorEncoding']>;
  range: NonNullable<DmaBufFrame['colorRange']>;
}

/** A frame's colour, with the defaults where it says nothing: BT.601 up to 576 lines (SD), BT.709 above; limited range. */
export function videoColor(frame: Pick<DmaBufFrame, 'height' | 'colorEncoding' | 'colorRange'>): VideoColor {
  return { encoding: frame.colorEncoding ?? defaultColorEncoding(frame.height), range: frame.colorRange ?? 'limited' };
}

/** The enum names of the standard plane properties COLOR_ENCODING and COLOR_RANGE (drm_color_mgmt.c). */
export const COLOR_ENCODING_NAMES: Record<VideoColor['encoding'], string> = {
  bt601: 'ITU-R BT.601 YCbCr',
  bt709: 'ITU-R BT.709 YCbCr',
};
export const COLOR_RANGE_NAMES: Record<VideoColor['range'], string> = {
  limited: 'YCbCr limited range',
  full: 'YCbCr full range',
};

const BY_CODE = new Map<number, PixelFormat>(Object.entries(FORMAT_CODES).map(([name, code]) => [code, name as PixelFormat]));

export function formatOfCode(code: number): PixelFormat | null {
  return BY_CODE.get(code) ?? null;
}

export const MODIFIER_LINEAR = 0n;
export const MODIFIER_INVALID = 0xffffffffffffffn;

/**
 * Parses an IN_FORMATS blob (struct drm_format_modifier_blob): a header, a list of fourccs,
 * and modifiers each with a 64-bit mask of which formats (from an offset) take them.
 * Returns fourcc → modifiers.
 */
export function parseInFormats(blob: Uint8Array): Map<number, bigint[]> {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  if (blob.byteLength < 24) throw new Error(`IN_FORMATS blob is ${blob.byteLength} bytes, shorter than its 24-byte header`);
  const version = view.getUint32(0, true);
  if (version !== 1) throw new Error(`IN_FORMATS blob version ${version} is not the version 1 this parser reads`);
  const count = view.getUint32(8, true);
  const formatsOffset = view.getUint32(12, true);
  const modifierCount = view.getUint32(16, true);
  const modifiersOffset = view.getUint32(20, true);
  if (formatsOffset + count * 4 > blob.byteLength || modifiersOffset + modifierCount * 24 > blob.byteLength) {
    throw new Error('IN_FORMATS blob lists more formats or modifiers than it holds');
  }
  const formats: number[] = [];
  for (let i = 0; i < count; i++) formats.push(view.getUint32(formatsOffset + i * 4, true));
  const out = new Map<number, bigint[]>(formats.map((f) => [f, []]));
  for (let m = 0; m < modifierCount; m++) {
    const at = modifiersOffset + m * 24;
    const mask = view.getBigUint64(at, true);
    const offset = view.getUint32(at + 8, true);
    const modifier = view.getBigUint64(at + 16, true);
    for (let bit = 0; bit < 64; bit++) {
      if (!((mask >> BigInt(bit)) & 1n)) continue;
      const format = formats[offset + bit];
      if (format !== undefined) out.get(format)!.push(modifier);
    }
  }
  return out;
}

/** XRGB8888 (B, G, R, X in memory) into RGBA with alpha 255. */
export function opaqueRgba(bgrx: Uint8Array): Uint8Array {
  const out = new Uint8Array(bgrx.length);
  for (let i = 0; i < bgrx.length; i += 4) {
    out[i] = bgrx[i + 2]!;
    out[i + 1] = bgrx[i + 1]!;
    out[i + 2] = bgrx[i]!;
    out[i + 3] = 255;
  }
  return out;
}
