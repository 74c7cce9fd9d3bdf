/**
 * Paint and text keys of `style`: validated and converted once, when the style changes,
 * into the plain numbers and colour arrays the painter uses every frame.
 */
import { colorHint, parseColor } from './color.js';
import type { Angle, Gradient, Shadow, TextStyle, TransformStep, VisualStyle } from './types.js';

/** A straight-alpha colour as CanvasKit's Color4f (r, g, b, a in 0..1). */
export type Color4 = Float32Array;

export interface ResolvedShadow { color: Color4; blur: number; offsetX: number; offsetY: number; spread: number }
export interface ResolvedGradient { spec: Gradient; colors: Color4[]; stops: number[] | null; key: string }

/** A style key that did not validate: the painter treats it as unset. */
export class StyleValueError extends Error {}

function fail(message: string): never {
  throw new StyleValueError(message);
}

/** Parses a colour or throws a StyleValueError with a hint. */
export function toColor4(value: unknown): Color4 {
  if (typeof value !== 'string') fail('expected a CSS colour string');
  const rgba = parseColor(value);
  if (!rgba) fail(`unknown colour: ${colorHint(value)}`);
  return new Float32Array([rgba[0] / 255, rgba[1] / 255, rgba[2] / 255, rgba[3]]);
}

function toNumber(value: unknown, what: { min?: number; max?: number } = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail('expected a finite number');
  if (what.min !== undefined && value < what.min) fail(`must be at least ${what.min}`);
  if (what.max !== undefined && value > what.max) fail(`must be at most ${what.max}`);
  return value;
}

/** Degrees from an Angle. */
export function toDegrees(value: Angle): number {
  if (typeof value === 'number') return toNumber(value);
  const m = /^(-?\d+(?:\.\d+)?)(deg|rad|turn)$/.exec(String(value));
  if (!m) fail("expected degrees as a number, or a string like '45deg', '0.5turn' or '1.2rad'");
  const n = Number(m[1]);
  return m[2] === 'deg' ? n : m[2] === 'rad' ? (n * 180) / Math.PI : n * 360;
}

function toGradient(value: unknown): ResolvedGradient {
  const g = value as Gradient;
  if (!g || typeof g !== 'object' || (g.type !== 'linear' && g.type !== 'radial')) {
    fail("expected { type: 'linear' | 'radial', colors: [...] }");
  }
  if (!Array.isArray(g.colors) || g.colors.length < 2) fail('a gradient needs at least two colors');
  const colors = g.colors.map(toColor4);
  let stops: number[] | null = null;
  if (g.stops) {
    if (g.stops.length !== g.colors.length) fail(`stops has ${g.stops.length} entries for ${g.colors.length} colors`);
    stops = g.stops.map((s) => toNumber(s, { min: 0, max: 1 }));
  }
  return { spec: g, colors, stops, key: JSON.stringify(g) };
}

function toShadow(value: unknown): ResolvedShadow {
  const s = value as Shadow;
  if (!s || typeof s !== 'object') fail('expected { color, blur, offsetX, offsetY, spread }');
  return {
    color: toColor4(s.color ?? 'rgba(0,0,0,0.3)'),
    blur: toNumber(s.blur ?? 0, { min: 0 }),
    offsetX: toNumber(s.offsetX ?? 0),
    offsetY: toNumber(s.offsetY ?? 0),
    spread: toNumber(s.spread ?? 0),
  };
}

function toTransform(value: unknown): TransformStep[] {
  const steps = Array.isArray(value) ? value : [value];
  for (const step of steps) {
    if (!step || typeof step !== 'object') fail('expected { translateX, translateY, scale, scaleX, scaleY, rotate } or an array of them');
    for (const [k, v] of Object.entries(step as Record<string, unknown>)) {
      if (k === 'rotate') toDegrees(v as Angle);
      else if (['translateX', 'translateY', 'scale', 'scaleX', 'scaleY'].includes(k)) toNumber(v);
      else fail(`unknown transform step '${k}'`);
    }
  }
  return steps as TransformStep[];
}

/** Paint keys, their converters, and whether a change moves the node's painted bounds. */
export const PAINT_PROPS: { [K in keyof VisualStyle]-?: { convert(v: unknown): unknown; geometry: boolean } } = {
  backgroundColor: { convert: toColor4, geometry: false },
  backgroundGradient: { convert: toGradient, geometry: false },
  borderColor: { convert: toColor4, geometry: false },
  borderRadius: { convert: (v) => toNumber(v, { min: 0 }), geometry: false },
  borderTopLeftRadius: { convert: (v) => toNumber(v, { min: 0 }), geometry: false },
  borderTopRightRadius: { convert: (v) => toNumber(v, { min: 0 }), geometry: false },
  borderBottomRightRadius: { convert: (v) => toNumber(v, { min: 0 }), geometry: false },
  borderBottomLeftRadius: { convert: (v) => toNumber(v, { min: 0 }), geometry: false },
  opacity: { convert: (v) => toNumber(v, { min: 0, max: 1 }), geometry: false },
  shadow: { convert: toShadow, geometry: true },
  transform: { convert: toTransform, geometry: true },
  transformOrigin: {
    convert: (v) => {
      const o = v as { x?: number; y?: number };
      if (!o || typeof o !== 'object') fail('expected { x, y } relative to the box (0..1)');
      return { x: toNumber(o.x ?? 0.5), y: toNumber(o.y ?? 0.5) };
    },
    geometry: true,
  },
};

const WEIGHTS: Record<string, number> = { normal: 400, bold: 700 };

/** Text keys and their converters; text keys are inherited by nested Text only. */
export const TEXT_PROPS: { [K in keyof TextStyle]-?: (v: unknown) => unknown } = {
  fontFamily: (v) => {
    const list = Array.isArray(v) ? v : [v];
    if (!list.length || !list.every((f) => typeof f === 'string' && f.trim())) fail('expected a family name or a list of them');
    return list.map((f: string) => f.trim());
  },
  fontSize: (v) => toNumber(v, { min: 0 }),
  fontWeight: (v) => {
    if (typeof v === 'string' && v in WEIGHTS) return WEIGHTS[v];
    const n = toNumber(v, { min: 1, max: 1000 });
    return n;
  },
  fontStyle: (v) => (v === 'normal' || v === 'italic' ? v : fail("expected 'normal' or 'italic'")),
  color: toColor4,
  lineHeight: (v) => toNumber(v, { min: 0 }),
  letterSpacing: (v) => toNumber(v),
  textAlign: (v) =>
    ['left', 'right', 'center', 'justify', 'start', 'end'].includes(v as string)
      ? v : fail("expected 'left', 'right', 'center', 'justify', 'start' or 'end'"),
  maxLines: (v) => {
    const n = toNumber(v, { min: 1 });
    return Number.isInteger(n) ? n : fail('expected a whole number');
  },
  writingDirection: (v) =>
    v === 'ltr' || v === 'rtl' || v === 'auto' || v === 'inherit' ? v : fail("expected 'ltr', 'rtl', 'auto' or 'inherit'"),
  textDecoration: (v) =>
    v === 'none' || v === 'underline' || v === 'line-through' ? v : fail("expected 'none', 'underline' or 'line-through'"),
};

/** Resolved text properties of a Text or nested Text, after inheritance. */
export interface ResolvedText {
  fontFamily: string[];
  fontSize: number;
  fontWeight: number;
  fontStyle: 'normal' | 'italic';
  color: Color4;
  lineHeight: number | null;
  letterSpacing: number;
  textAlign: 'left' | 'right' | 'center' | 'justify' | 'start' | 'end';
  maxLines: number | null;
  writingDirection: 'ltr' | 'rtl' | 'auto' | 'inherit';
  textDecoration: 'none' | 'underline' | 'line-through';
}

export const DEFAULT_TEXT: ResolvedText = {
  fontFamily: [],
  fontSize: 14,
  fontWeight: 400,
  fontStyle: 'normal',
  color: new Float32Array([0, 0, 0, 1]),
  lineHeight: null,
  letterSpacing: 0,
  textAlign: 'start',
  maxLines: null,
  writingDirection: 'inherit',
  textDecoration: 'none',
};

export function isPaintKey(key: string): key is keyof VisualStyle {
  return Object.prototype.hasOwnProperty.call(PAINT_PROPS, key);
}

export function isTextKey(key: string): key is keyof TextStyle {
  return Object.prototype.hasOwnProperty.call(TEXT_PROPS, key);
}
