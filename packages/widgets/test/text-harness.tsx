/**
 * What the text field tests share: a themed form to mount, and where a person sees things in
 * a field — the words of its text (runs of ink along the line, told apart by the gaps
 * between them) and its caret (the thin bar in the primary colour).
 */
import type { Child, FrameStats, SemanticsNode } from '@planar/toolkit';
import type { RenderOptions, Screen } from '@planar/toolkit/testing';
import { lightTheme } from '../src/index.js';
import { recordFrames, renderThemed, rgb } from './harness.js';

export async function mountForm(root: () => Child, options: RenderOptions = { width: 400, height: 300 }): Promise<{ screen: Screen; frames: FrameStats[] }> {
  const screen = await renderThemed(root, options);
  return { screen, frames: recordFrames(screen) };
}

export interface Ink {
  start: number;
  end: number;
  centre: number;
}

const close = (a: readonly number[], b: readonly number[], tolerance: number) => a.every((v, i) => i > 2 || Math.abs(v - b[i]!) <= tolerance);

/**
 * The runs of dark ink on a row band of the screen, from `left` to `right`, joined across gaps
 * narrower than `gap` px (those inside a word; a space leaves about 10 px at body size), each
 * with its first and last column.
 */
export function inkRuns(screen: Screen, band: { top: number; bottom: number; left: number; right: number }, gap = 6): Ink[] {
  const { width, pixels } = screen.pixels();
  const at = (x: number, y: number) => (Math.floor(y) * width + Math.floor(x)) * 4;
  // The field's fill, where the band starts (in the box's padding, before any text).
  const bg = at(band.left, band.top);
  const luma = (i: number) => 0.3 * pixels[i]! + 0.59 * pixels[i + 1]! + 0.11 * pixels[i + 2]!;
  const inked: boolean[] = [];
  for (let x = Math.floor(band.left); x < band.right; x++) {
    let ink = false;
    for (let y = Math.floor(band.top); y < band.bottom && !ink; y++) {
      const i = at(x, y);
      // Text is grey far from the fill's lightness (dark on light, light on dark); the caret and
      // the selection are coloured, not ink.
      const r = pixels[i]!, g = pixels[i + 1]!, b = pixels[i + 2]!;
      ink = Math.abs(luma(i) - luma(bg)) > 75 && Math.max(r, g, b) - Math.min(r, g, b) < 40;
    }
    inked.push(ink);
  }
  const runs: Ink[] = [];
  let start = -1, lastInk = -Infinity;
  inked.forEach((ink, k) => {
    const x = Math.floor(band.left) + k;
    if (!ink) return;
    if (start < 0 || x - lastInk > gap) {
      if (start >= 0) runs.push({ start, end: lastInk, centre: (start + lastInk) / 2 });
      start = x;
    }
    lastInk = x;
  });
  if (start >= 0) runs.push({ start, end: lastInk, centre: (start + lastInk) / 2 });
  return runs;
}

/** The words shown on a single-line field's line (the band through the middle of its box), split at gaps wider than `gap`. */
export function wordsOf(screen: Screen, field: SemanticsNode, gap = 6): Ink[] {
  const b = screen.find(field);
  const mid = b.y + b.height / 2;
  return inkRuns(screen, { top: mid - 6, bottom: mid + 6, left: b.x + 4, right: b.x + b.width - 4 }, gap);
}

/** The columns where the caret (or anything in the primary colour) is drawn on a row of the field. */
export function caretColumns(screen: Screen, field: SemanticsNode, y?: number): number[] {
  const b = screen.find(field);
  const row = Math.floor(y ?? b.y + b.height / 2);
  const primary = rgb(lightTheme.colors.primary);
  const xs: number[] = [];
  // Inside the border, which is drawn in the primary colour too while the field is focused.
  for (let x = Math.ceil(b.x + 3); x < b.x + b.width - 3; x++) if (close(screen.pixel(x, row), primary, 40)) xs.push(x);
  return xs;
}

/** Where a tap lands just before or after a word (in the gap beside it). */
export function beside(word: Ink, side: 'before' | 'after', y: number): { x: number; y: number } {
  return { x: side === 'before' ? word.start - 1 : word.end + 2, y };
}
