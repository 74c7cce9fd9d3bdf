/**
 * Pixel comparison for the Wayland tests. Colour channels only: a compositor's screenshot has
 * no alpha (grim writes RGB), and every output here is opaque.
 *
 * `diffImages` counts the pixels that differ and bounds them with a box; `imageReport` turns a
 * difference into a sentence a person can act on, and saves both images (PPM) in a folder of
 * this run's own in the temp folder (`planar-wayland-XXXXXX`, made at the first difference and
 * kept) so they can be looked at.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writePpm, type Image } from './images.js';

export interface Box { x: number; y: number; width: number; height: number }

export interface Difference {
  /** Pixels whose R, G or B differ. */
  differing: number;
  /** The smallest box holding every differing pixel, or null when none differ. */
  box: Box | null;
  /** The largest difference of one channel. */
  maxDelta: number;
}

/** Compares two images of the same size, channel by channel (alpha ignored). */
export function diffImages(a: Image, b: Image): Difference {
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`the images differ in size: ${a.width}x${a.height} and ${b.width}x${b.height}`);
  }
  let differing = 0, maxDelta = 0;
  let left = Infinity, top = Infinity, right = -1, bottom = -1;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * 4;
      const d = Math.max(Math.abs(a.pixels[i]! - b.pixels[i]!), Math.abs(a.pixels[i + 1]! - b.pixels[i + 1]!), Math.abs(a.pixels[i + 2]! - b.pixels[i + 2]!));
      if (!d) continue;
      differing++;
      if (d > maxDelta) maxDelta = d;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
  }
  const box = differing ? { x: left, y: top, width: right - left + 1, height: bottom - top + 1 } : null;
  return { differing, box, maxDelta };
}

/**
 * Null when `actual` equals `expected` (same size, same colours); otherwise what differs, with
 * both images written as `<name>.{expected,actual}.ppm` in this run's `planar-wayland-XXXXXX`
 * folder in the temp folder.
 */
export function imageReport(name: string, expected: Image, actual: Image): string | null {
  const slug = name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  const file = (which: string) => path.join(reportDir(), `${slug}.${which}.ppm`);
  if (expected.width !== actual.width || expected.height !== actual.height) {
    const files = [file('expected'), file('actual')];
    writePpm(files[0]!, expected);
    writePpm(files[1]!, actual);
    return `${name}: expected ${expected.width}x${expected.height}, got ${actual.width}x${actual.height} (images: ${files.join(', ')})`;
  }
  const d = diffImages(expected, actual);
  if (!d.differing) return null;
  const files = [file('expected'), file('actual')];
  writePpm(files[0]!, expected);
  writePpm(files[1]!, actual);
  const b = d.box!;
  return `${name}: ${d.differing} of ${expected.width * expected.height} pixels differ (by up to ${d.maxDelta} in a channel), `
    + `within x ${b.x}..${b.x + b.width - 1}, y ${b.y}..${b.y + b.height - 1} (images: ${files.join(', ')})`;
}

/** Whether `inner` lies inside `outer`. */
export function within(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

let madeDir: string | null = null;

/** This run's folder for the images of failed comparisons, made when first needed. */
function reportDir(): string {
  madeDir ??= mkdtempSync(path.join(os.tmpdir(), 'planar-wayland-'));
  return madeDir;
}
