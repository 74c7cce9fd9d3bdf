/**
 * A frame message: the composed output in the damaged rectangles, each sent raw or compressed.
 *
 * 1. Each rectangle is composed on its own: the layers are blended into a rect-sized image with
 *    `composePlanes`, every layer moved by the rect's top-left, bottom to top, and turned to
 *    straight alpha, exactly as the headless display's capture composes the whole output (so
 *    the page shows the pixels `app.screenshot()` writes).
 * 2. Each rectangle's RGBA bytes are compressed with raw deflate; the smaller of the two goes.
 * 3. The message, little-endian (the page reads it with a DataView):
 *
 *        0  u8  kind: 1, a frame
 *        1  u8  flags: 1 = the whole output (clear nothing, but a new viewer may start here)
 *        2  u16 rect count
 *        4  u16 output width     6  u16 output height
 *        8  u32 sequence number (the display's commit count)
 *       12  per rect: u16 x, u16 y, u16 width, u16 height, u8 encoding (0 raw, 1 deflate-raw),
 *           3 bytes 0, u32 byte length, then the bytes
 */
import { deflateRawSync } from 'node:zlib';
import { composePlanes, isVideoFormat, unpremultiply, type DamageRect, type LayerState } from '@planar/toolkit/backend';

export const FRAME_KIND = 1;
export const WHOLE_OUTPUT = 1;
export const ENCODING_RAW = 0;
export const ENCODING_DEFLATE = 1;
const HEADER = 12;
const RECT_HEADER = 16;

/** The output inside `rect` as straight-alpha RGBA, composed from the layers of a committed state. */
export function composeRect(layers: readonly LayerState[], rect: DamageRect): Uint8Array {
  const planes = [...layers].sort((a, b) => a.zpos - b.zpos).map((layer) => {
    const buffer = layer.buffer;
    if (!buffer?.pixels || isVideoFormat(buffer.format)) throw new Error(`preview: layer ${layer.id} has no RGB pixels in memory to stream`);
    const source = layer.source ?? { x: 0, y: 0, width: buffer.width, height: buffer.height };
    return {
      x: layer.x - rect.x, y: layer.y - rect.y, opacity: layer.opacity, source, width: source.width, height: source.height,
      stride: buffer.stride, format: buffer.format, pixels: buffer.pixels,
    };
  });
  return unpremultiply(composePlanes(planes, rect.width, rect.height));
}

/** One rect's bytes as they go: compressed when that is smaller. */
export function encodeRect(rgba: Uint8Array): { encoding: number; bytes: Uint8Array } {
  // Level 1 for big rects (a whole 1080p frame stays fast), 6 for the usual small ones.
  const packed = deflateRawSync(rgba, { level: rgba.length > 1 << 20 ? 1 : 6 });
  return packed.length < rgba.length ? { encoding: ENCODING_DEFLATE, bytes: packed } : { encoding: ENCODING_RAW, bytes: rgba };
}

export interface FrameInput {
  layers: readonly LayerState[];
  rects: readonly DamageRect[];
  output: { width: number; height: number };
  sequence: number;
  whole: boolean;
}

/** The binary frame message for `rects` of the output composed from `layers`. */
export function encodeFrame({ layers, rects, output, sequence, whole }: FrameInput): Buffer {
  const parts = rects.map((rect) => ({ rect, ...encodeRect(composeRect(layers, rect)) }));
  const size = HEADER + parts.reduce((n, p) => n + RECT_HEADER + p.bytes.length, 0);
  const out = Buffer.alloc(size);
  out.writeUInt8(FRAME_KIND, 0);
  out.writeUInt8(whole ? WHOLE_OUTPUT : 0, 1);
  out.writeUInt16LE(parts.length, 2);
  out.writeUInt16LE(output.width, 4);
  out.writeUInt16LE(output.height, 6);
  out.writeUInt32LE(sequence >>> 0, 8);
  let at = HEADER;
  for (const { rect, encoding, bytes } of parts) {
    out.writeUInt16LE(rect.x, at);
    out.writeUInt16LE(rect.y, at + 2);
    out.writeUInt16LE(rect.width, at + 4);
    out.writeUInt16LE(rect.height, at + 6);
    out.writeUInt8(encoding, at + 8);
    out.writeUInt32LE(bytes.length, at + 12);
    out.set(bytes, at + RECT_HEADER);
    at += RECT_HEADER + bytes.length;
  }
  return out;
}

/** Reads a frame message back (for tests and tools): its header and each rect's encoding and size. */
export function decodeFrameHeader(message: Uint8Array): {
  whole: boolean; output: { width: number; height: number }; sequence: number;
  rects: { x: number; y: number; width: number; height: number; encoding: number; byteLength: number; offset: number }[];
} {
  const view = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
  if (view.readUInt8(0) !== FRAME_KIND) throw new Error('not a preview frame message');
  const rects = [];
  let at = HEADER;
  for (let i = 0; i < view.readUInt16LE(2); i++) {
    const byteLength = view.readUInt32LE(at + 12);
    rects.push({
      x: view.readUInt16LE(at), y: view.readUInt16LE(at + 2), width: view.readUInt16LE(at + 4), height: view.readUInt16LE(at + 6),
      encoding: view.readUInt8(at + 8), byteLength, offset: at + RECT_HEADER,
    });
    at += RECT_HEADER + byteLength;
  }
  return { whole: view.readUInt8(1) === WHOLE_OUTPUT, output: { width: view.readUInt16LE(4), height: view.readUInt16LE(6) }, sequence: view.readUInt32LE(8), rects };
}
