/**
 * The window's first size, in logical px (surface units).
 *
 * The first xdg configure may say 0x0 — "choose your size" — in one dimension or both: cage and
 * labwc answer the early fullscreen request that way and grant fullscreen (or maximized) only
 * later, and sway's tiling does it for a new window. A panel app must not draw its first frame at
 * some default size in a corner of the screen and resize a few frames later, so a dimension the
 * compositor leaves open is, in order: the size the app asked for (`width`/`height` options),
 * else the output's (its current mode, turned by its transform, divided by its scale), else
 * 800x480 when no output has described itself.
 */
import type { NativeOutput } from './native.js';

export interface WindowSize { width: number; height: number }

/** An output's size in surface units: the mode, a quarter turn swapping its sides, over the integer scale. */
export function outputLogicalSize(output: NativeOutput): WindowSize {
  const turned = output.transform % 2 === 1;
  const scale = Math.max(1, output.scale);
  const width = turned ? output.height : output.width;
  const height = turned ? output.width : output.height;
  return { width: Math.round(width / scale), height: Math.round(height / scale) };
}

/** The size to draw the first frame at, given the first configure, the app's options and the outputs. */
export function firstWindowSize(configured: WindowSize, asked: Partial<WindowSize>, outputs: readonly NativeOutput[]): WindowSize {
  const output = outputs.find((o) => o.width > 0 && o.height > 0);
  const fallback = output ? outputLogicalSize(output) : { width: 800, height: 480 };
  return {
    width: configured.width || asked.width || fallback.width,
    height: configured.height || asked.height || fallback.height,
  };
}
