/**
 * Drawing a gauge with CanvasKit: the geometry shared by the dial and its scale labels, and
 * the paint of track, ranges, ticks, value arc, knob, marker and needle.
 *
 * Geometry: angles are in degrees clockwise from 3 o'clock (CanvasKit's `drawArc`), the scale
 * runs from `start` over `sweep`. All sizes follow the dial's diameter `d`: the track's width
 * is 6% of it (at least 4 px) and its radius leaves room inside the box for the value arc's
 * glow and the knob's shadow, which the box would otherwise clip.
 */
import { withPaints, type CK, type SkCanvas } from './paints.js';

/** Dials smaller than this (px) draw no ticks, leaving the room to what is in their middle. */
export const SMALL_DIAL = 120;

/** Where things go on a dial of a given size. */
export interface DialGeometry {
  cx: number; cy: number; d: number;
  /** The track's width and its centre line's radius. */
  stroke: number; r: number;
  /** The point at `fraction` (0..1 along the scale), at `radius` from the centre. */
  at(fraction: number, radius: number): [number, number];
}

export function dialGeometry(width: number, height: number, start: number, sweep: number): DialGeometry {
  const d = Math.min(width, height);
  const cx = width / 2, cy = height / 2;
  const stroke = Math.max(4, d * 0.06);
  const r = d / 2 - stroke * 1.6;
  const at = (f: number, radius: number): [number, number] => {
    const a = ((start + sweep * f) * Math.PI) / 180;
    return [cx + Math.cos(a) * radius, cy + Math.sin(a) * radius];
  };
  return { cx, cy, d, stroke, r, at };
}

/** What to draw, already checked and resolved to colours and fractions 0..1 of the scale. */
export interface DialPicture {
  start: number;
  sweep: number;
  indicator: 'arc' | 'knob' | 'needle';
  value: number;
  marker: number | undefined;
  /** Fractions where ticks go; `major` ones are longer. */
  ticks: { at: number; major: boolean }[];
  ranges: { from: number; to: number; color: string }[];
  colors: { track: string; accent: string; major: string; minor: string; marker: string; knob: string; needle: string; shadow: string };
  /** 1, or the disabled look's strength. */
  alpha: number;
}

/** Draws the dial into a `<Canvas>` of `width` x `height`. */
export function drawDial(c: SkCanvas, ck: CK, width: number, height: number, pic: DialPicture): void {
  const g = dialGeometry(width, height, pic.start, pic.sweep);
  if (g.r <= 0) return;
  const { stroke, r, d, cx, cy } = g;
  const oval = ck.LTRBRect(cx - r, cy - r, cx + r, cy + r);
  const a = pic.alpha;
  withPaints(ck, (paint) => {
    c.drawArc(oval, pic.start, pic.sweep, false, paint({ color: pic.colors.track, alpha: a, stroke }));
    // Ranges colour the track; under a value arc they are quieter so that the value reads first.
    const rangeAlpha = pic.indicator === 'needle' ? 1 : 0.45;
    for (const range of pic.ranges) {
      if (range.to <= range.from) continue;
      c.drawArc(oval, pic.start + pic.sweep * range.from, pic.sweep * (range.to - range.from), false, paint({ color: range.color, alpha: a * rangeAlpha, stroke }));
    }
    for (let i = 0; d >= SMALL_DIAL && i < pic.ticks.length; i++) {
      const t = pic.ticks[i]!;
      const [x0, y0] = g.at(t.at, r - stroke * 1.1);
      const [x1, y1] = g.at(t.at, r - stroke * (t.major ? 1.75 : 1.45));
      c.drawLine(x0, y0, x1, y1, paint({ color: t.major ? pic.colors.major : pic.colors.minor, alpha: a, stroke: Math.max(1, d * (t.major ? 0.011 : 0.007)) }));
    }
    const sweep = pic.sweep * pic.value;
    if (pic.indicator !== 'needle') {
      if (pic.indicator === 'knob') c.drawArc(oval, pic.start, sweep, false, paint({ color: pic.colors.accent, alpha: 0.5 * a, stroke: stroke * 1.2, blur: stroke * 0.3 }));
      c.drawArc(oval, pic.start, sweep, false, paint({ color: pic.colors.accent, alpha: a, stroke }));
    }
    if (pic.marker !== undefined) {
      const [mx, my] = g.at(pic.marker, r);
      c.drawCircle(mx, my, stroke * 0.22, paint({ color: pic.colors.marker, alpha: 0.9 * a }));
    }
    if (pic.indicator === 'knob') {
      const [kx, ky] = g.at(pic.value, r);
      const knob = stroke * 0.85;
      c.drawCircle(kx, ky + knob * 0.15, knob, paint({ color: pic.colors.shadow, alpha: 0.5 * a, blur: knob * 0.35 }));
      c.drawCircle(kx, ky, knob, paint({ color: pic.colors.knob, alpha: a }));
      c.drawCircle(kx, ky, knob * 0.42, paint({ color: pic.colors.accent, alpha: a }));
    } else if (pic.indicator === 'needle') {
      const [nx, ny] = g.at(pic.value, r - stroke * 0.5);
      c.drawLine(cx, cy, nx, ny, paint({ color: pic.colors.needle, alpha: a, stroke: Math.max(2, d * 0.02) }));
      c.drawCircle(cx, cy, Math.max(4, d * 0.045), paint({ color: pic.colors.needle, alpha: a }));
    }
  });
}
