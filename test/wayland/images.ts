/**
 * Images as the Wayland tests see them: straight RGBA rows, whatever they came from.
 *
 *   PPM (P6, maxval 255)       what `grim -t ppm` writes: RGB, no alpha (taken as opaque)
 *   PNG (8-bit RGB or RGBA,    what `app.screenshot()` and weston-screenshooter write; IDAT
 *        not interlaced)       inflated with node:zlib and unfiltered row by row
 *
 * `writePpm` saves an image for a person to look at when a comparison fails.
 */
import { writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

export interface Image {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, rows top to bottom. */
  pixels: Uint8Array;
}

/** Parses a binary PPM (P6) with maxval 255 into RGBA. */
export function parsePpm(data: Uint8Array): Image {
  let at = 0;
  const token = (): string => {
    for (;;) {
      while (at < data.length && /\s/.test(String.fromCharCode(data[at]!))) at++;
      if (data[at] !== 0x23) break; // '#': a comment to the end of the line
      while (at < data.length && data[at] !== 0x0a) at++;
    }
    const start = at;
    while (at < data.length && !/\s/.test(String.fromCharCode(data[at]!))) at++;
    return String.fromCharCode(...data.subarray(start, at));
  };
  const magic = token(), width = Number(token()), height = Number(token()), maxval = Number(token());
  at++; // the single whitespace byte before the raster
  if (magic !== 'P6' || !(width > 0) || !(height > 0) || maxval !== 255) {
    throw new Error(`not a binary 8-bit PPM: header "${magic} ${width} ${height} ${maxval}"`);
  }
  const expected = width * height * 3;
  if (data.length - at < expected) throw new Error(`PPM ${width}x${height} is cut short: ${data.length - at} of ${expected} raster bytes`);
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0, o = 0; i < expected; i += 3, o += 4) {
    pixels[o] = data[at + i]!;
    pixels[o + 1] = data[at + i + 1]!;
    pixels[o + 2] = data[at + i + 2]!;
    pixels[o + 3] = 255;
  }
  return { width, height, pixels };
}

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG into RGBA. */
export function decodePng(data: Uint8Array): Image {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (bytes.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG (bad signature)');
  let width = 0, height = 0, channels = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const depth = body[8], color = body[9], interlace = body[12];
      channels = color === 6 ? 4 : color === 2 ? 3 : 0;
      if (depth !== 8 || !channels || interlace !== 0) {
        throw new Error(`PNG kind not handled here: bit depth ${depth}, colour type ${color}, interlace ${interlace} (8-bit RGB/RGBA, not interlaced, is)`);
      }
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = rows.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? rows.subarray((y - 1) * stride, y * stride) : null;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[i - channels]! : 0;
      const b = up ? up[i]! : 0;
      const c = up && i >= channels ? up[i - channels]! : 0;
      let v = line[i]!;
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) v += paeth(a, b, c);
      else if (filter !== 0) throw new Error(`PNG row ${y} has an unknown filter type ${filter}`);
      out[i] = v & 0xff;
    }
  }
  if (channels === 4) return { width, height, pixels: rows };
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0, o = 0; i < rows.length; i += 3, o += 4) {
    pixels[o] = rows[i]!;
    pixels[o + 1] = rows[i + 1]!;
    pixels[o + 2] = rows[i + 2]!;
    pixels[o + 3] = 255;
  }
  return { width, height, pixels };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Writes an image as a binary PPM (RGB; alpha dropped). */
export function writePpm(file: string, image: Image): void {
  const header = Buffer.from(`P6\n${image.width} ${image.height}\n255\n`, 'latin1');
  const rgb = Buffer.alloc(image.width * image.height * 3);
  for (let i = 0, o = 0; o < rgb.length; i += 4, o += 3) {
    rgb[o] = image.pixels[i]!;
    rgb[o + 1] = image.pixels[i + 1]!;
    rgb[o + 2] = image.pixels[i + 2]!;
  }
  writeFileSync(file, Buffer.concat([header, rgb]));
}

/** The region of an image, as a new image. */
export function crop(image: Image, box: { x: number; y: number; width: number; height: number }): Image {
  const pixels = new Uint8Array(box.width * box.height * 4);
  for (let y = 0; y < box.height; y++) {
    const from = ((box.y + y) * image.width + box.x) * 4;
    pixels.set(image.pixels.subarray(from, from + box.width * 4), y * box.width * 4);
  }
  return { width: box.width, height: box.height, pixels };
}
