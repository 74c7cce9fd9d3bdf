/** A colour as straight (non-premultiplied) RGBA: r, g, b in 0..255, a in 0..1. */
export type RGBA = readonly [r: number, g: number, b: number, a: number];

/** The 148 CSS named colours as 0xRRGGBB. */
const NAMED: Readonly<Record<string, number>> = {
  aliceblue: 0xf0f8ff, antiquewhite: 0xfaebd7, aqua: 0x00ffff, aquamarine: 0x7fffd4,
  azure: 0xf0ffff, beige: 0xf5f5dc, bisque: 0xffe4c4, black: 0x000000,
  blanchedalmond: 0xffebcd, blue: 0x0000ff, blueviolet: 0x8a2be2, brown: 0xa52a2a,
  burlywood: 0xdeb887, cadetblue: 0x5f9ea0, chartreuse: 0x7fff00, chocolate: 0xd2691e,
  coral: 0xff7f50, cornflowerblue: 0x6495ed, cornsilk: 0xfff8dc, crimson: 0xdc143c,
  cyan: 0x00ffff, darkblue: 0x00008b, darkcyan: 0x008b8b, darkgoldenrod: 0xb8860b,
  darkgray: 0xa9a9a9, darkgreen: 0x006400, darkgrey: 0xa9a9a9, darkkhaki: 0xbdb76b,
  darkmagenta: 0x8b008b, darkolivegreen: 0x556b2f, darkorange: 0xff8c00, darkorchid: 0x9932cc,
  darkred: 0x8b0000, darksalmon: 0xe9967a, darkseagreen: 0x8fbc8f, darkslateblue: 0x483d8b,
  darkslategray: 0x2f4f4f, darkslategrey: 0x2f4f4f, darkturquoise: 0x00ced1, darkviolet: 0x9400d3,
  deeppink: 0xff1493, deepskyblue: 0x00bfff, dimgray: 0x696969, dimgrey: 0x696969,
  dodgerblue: 0x1e90ff, firebrick: 0xb22222, floralwhite: 0xfffaf0, forestgreen: 0x228b22,
  fuchsia: 0xff00ff, gainsboro: 0xdcdcdc, ghostwhite: 0xf8f8ff, gold: 0xffd700,
  goldenrod: 0xdaa520, gray: 0x808080, green: 0x008000, greenyellow: 0xadff2f,
  grey: 0x808080, honeydew: 0xf0fff0, hotpink: 0xff69b4, indianred: 0xcd5c5c,
  indigo: 0x4b0082, ivory: 0xfffff0, khaki: 0xf0e68c, lavender: 0xe6e6fa,
  lavenderblush: 0xfff0f5, lawngreen: 0x7cfc00, lemonchiffon: 0xfffacd, lightblue: 0xadd8e6,
  lightcoral: 0xf08080, lightcyan: 0xe0ffff, lightgoldenrodyellow: 0xfafad2, lightgray: 0xd3d3d3,
  lightgreen: 0x90ee90, lightgrey: 0xd3d3d3, lightpink: 0xffb6c1, lightsalmon: 0xffa07a,
  lightseagreen: 0x20b2aa, lightskyblue: 0x87cefa, lightslategray: 0x778899, lightslategrey: 0x778899,
  lightsteelblue: 0xb0c4de, lightyellow: 0xffffe0, lime: 0x00ff00, limegreen: 0x32cd32,
  linen: 0xfaf0e6, magenta: 0xff00ff, maroon: 0x800000, mediumaquamarine: 0x66cdaa,
  mediumblue: 0x0000cd, mediumorchid: 0xba55d3, mediumpurple: 0x9370db, mediumseagreen: 0x3cb371,
  mediumslateblue: 0x7b68ee, mediumspringgreen: 0x00fa9a, mediumturquoise: 0x48d1cc, mediumvioletred: 0xc71585,
  midnightblue: 0x191970, mintcream: 0xf5fffa, mistyrose: 0xffe4e1, moccasin: 0xffe4b5,
  navajowhite: 0xffdead, navy: 0x000080, oldlace: 0xfdf5e6, olive: 0x808000,
  olivedrab: 0x6b8e23, orange: 0xffa500, orangered: 0xff4500, orchid: 0xda70d6,
  palegoldenrod: 0xeee8aa, palegreen: 0x98fb98, paleturquoise: 0xafeeee, palevioletred: 0xdb7093,
  papayawhip: 0xffefd5, peachpuff: 0xffdab9, peru: 0xcd853f, pink: 0xffc0cb,
  plum: 0xdda0dd, powderblue: 0xb0e0e6, purple: 0x800080, rebeccapurple: 0x663399,
  red: 0xff0000, rosybrown: 0xbc8f8f, royalblue: 0x4169e1, saddlebrown: 0x8b4513,
  salmon: 0xfa8072, sandybrown: 0xf4a460, seagreen: 0x2e8b57, seashell: 0xfff5ee,
  sienna: 0xa0522d, silver: 0xc0c0c0, skyblue: 0x87ceeb, slateblue: 0x6a5acd,
  slategray: 0x708090, slategrey: 0x708090, snow: 0xfffafa, springgreen: 0x00ff7f,
  steelblue: 0x4682b4, tan: 0xd2b48c, teal: 0x008080, thistle: 0xd8bfd8,
  tomato: 0xff6347, turquoise: 0x40e0d0, violet: 0xee82ee, wheat: 0xf5deb3,
  white: 0xffffff, whitesmoke: 0xf5f5f5, yellow: 0xffff00, yellowgreen: 0x9acd32,
};

/** Every accepted colour name, for tests and suggestions. */
export const NAMED_COLORS: readonly string[] = Object.keys(NAMED);

const FORMS = 'expected "#rgb", "#rrggbb", "#rrggbbaa", "rgb(255 128 0 / 50%)", "hsl(30 100% 50%)" or a named colour such as "orange"';

/** A CSS <number>, optionally followed by a percent sign or an angle unit. */
const TOKEN = /^([+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?)(%|deg|grad|rad|turn)?$/;

interface Token { readonly value: number; readonly unit: string }

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

function token(text: string, modern: boolean): Token | null {
  if (modern && text === 'none') return { value: 0, unit: '' };
  const m = TOKEN.exec(text);
  if (!m) return null;
  const value = Number(m[1]);
  return Number.isFinite(value) ? { value, unit: m[2] ?? '' } : null;
}

/** 0..255 from a number or percentage; null for any other unit. */
function channel(t: Token): number | null {
  if (t.unit === '') return clamp(t.value, 0, 255);
  if (t.unit === '%') return clamp((t.value * 255) / 100, 0, 255);
  return null;
}

/** 0..1 from a number or percentage. */
function alpha(t: Token): number | null {
  if (t.unit === '') return clamp(t.value, 0, 1);
  if (t.unit === '%') return clamp(t.value / 100, 0, 1);
  return null;
}

/** Degrees in [0, 360) from a number or angle. */
function hue(t: Token): number | null {
  const scale: Record<string, number> = { '': 1, deg: 1, grad: 0.9, rad: 180 / Math.PI, turn: 360 };
  const k = scale[t.unit];
  return k === undefined ? null : (((t.value * k) % 360) + 360) % 360;
}

/** 0..1 from a percentage (or, in the space syntax, a bare number meaning the same). */
function fraction(t: Token, modern: boolean): number | null {
  return t.unit === '%' || (modern && t.unit === '') ? clamp(t.value / 100, 0, 1) : null;
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const f = (n: number): number => {
    const k = (n + h / 30) % 12;
    return (l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1))) * 255;
  };
  return [f(0), f(8), f(4)];
}

/** Splits a function body into its channel and alpha tokens; null when malformed. */
function args(body: string): { parts: string[]; modern: boolean } | null {
  if (body.includes(',')) {
    const parts = body.split(',').map((p) => p.trim());
    return parts.every((p) => p !== '' && !/\s/.test(p)) && !body.includes('/') ? { parts, modern: false } : null;
  }
  const [main = '', extra, ...rest] = body.split('/');
  const parts = main.trim().split(/\s+/);
  if (rest.length > 0 || parts.length !== 3) return null;
  if (extra !== undefined) {
    const a = extra.trim();
    if (a === '' || /\s/.test(a)) return null;
    parts.push(a);
  }
  return { parts, modern: true };
}

function parseFunction(name: string, body: string): RGBA | null {
  const parsed = args(body);
  if (!parsed || parsed.parts.length < 3 || parsed.parts.length > 4) return null;
  const { parts, modern } = parsed;
  const toks = parts.map((p) => token(p, modern));
  if (toks.some((t) => t === null)) return null;
  const [t0, t1, t2, t3] = toks as Token[];
  const a = t3 === undefined ? 1 : alpha(t3);
  if (a === null) return null;
  if (name === 'rgb' || name === 'rgba') {
    // The comma syntax requires all three channels to be numbers or all percentages.
    if (!modern && !(t0.unit === t1.unit && t1.unit === t2.unit)) return null;
    const r = channel(t0), g = channel(t1), b = channel(t2);
    if (r === null || g === null || b === null) return null;
    return [Math.round(r), Math.round(g), Math.round(b), a];
  }
  const h = hue(t0), s = fraction(t1, modern), l = fraction(t2, modern);
  if (h === null || s === null || l === null) return null;
  const [r, g, b] = hslToRgb(h, s, l);
  return [Math.round(r), Math.round(g), Math.round(b), a];
}

function parseHex(hex: string): RGBA | null {
  if (!/^[0-9a-f]+$/.test(hex)) return null;
  const n = hex.length;
  if (n === 3 || n === 4) hex = [...hex].map((c) => c + c).join('');
  else if (n !== 6 && n !== 8) return null;
  const byte = (i: number): number => parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return [byte(0), byte(1), byte(2), hex.length === 8 ? byte(3) / 255 : 1];
}

/**
 * Parses a CSS colour (hex, `rgb()`, `hsl()`, a name, `transparent`) into straight RGBA:
 * r, g, b in 0..255, a in 0..1; null when it is not a colour.
 * @example parseColor('#ff8800')   // [255, 136, 0, 1]
 * @example parseColor('hsl(120 100% 50% / 0.5)')   // [0, 255, 0, 0.5]
 */
export function parseColor(input: string): RGBA | null {
  const s = input.trim().toLowerCase();
  if (s.startsWith('#')) return parseHex(s.slice(1));
  if (s === 'transparent') return [0, 0, 0, 0];
  const named = Object.hasOwn(NAMED, s) ? NAMED[s] : undefined;
  if (named !== undefined) return [(named >> 16) & 255, (named >> 8) & 255, named & 255, 1];
  const m = /^(rgba?|hsla?)\((.*)\)$/s.exec(s);
  return m ? parseFunction(m[1]!, m[2]!) : null;
}

/** Formats an RGBA back to `#rrggbb` or `#rrggbbaa` (for messages and debugging). */
export function formatColor(c: RGBA): string {
  const hex = (v: number, max: number): string =>
    Math.round((clamp(Number.isNaN(v) ? 0 : v, 0, max) / max) * 255).toString(16).padStart(2, '0');
  const rgb = `#${hex(c[0], 255)}${hex(c[1], 255)}${hex(c[2], 255)}`;
  const a = hex(c[3], 1);
  return a === 'ff' ? rgb : rgb + a;
}

/** Optimal-string-alignment edit distance (insertions, deletions, substitutions, adjacent swaps). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest candidates to `word` within a length-scaled edit distance. */
function nearest(word: string, candidates: readonly string[]): string[] {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best = Infinity;
  let found: string[] = [];
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < best) [best, found] = [d, [c]];
    else if (d === best) found.push(c);
  }
  return best <= limit ? found : [];
}

/** Adds the other spelling of any gray/grey name, since both are valid and easily confused. */
function withTwins(names: string[]): string[] {
  const out = new Set<string>();
  for (const n of names) {
    out.add(n);
    const twin = n.includes('grey') ? n.replace('grey', 'gray') : n.replace('gray', 'grey');
    if (twin !== n && Object.hasOwn(NAMED, twin)) out.add(twin);
  }
  return [...out];
}

const didYouMean = (names: string[]): string =>
  `did you mean ${names.slice(0, 3).map((n) => `"${n}"`).join(' or ')}?`;

/** A short hint for a string that is not a colour, e.g. 'did you mean "lightgray"?' for "lightgrey2", or a list of accepted forms. */
export function colorHint(input: string): string {
  if (parseColor(input) !== null) return '';
  const s = input.trim().toLowerCase();
  if (s === '') return `empty colour; ${FORMS}`;
  if (s.startsWith('#')) {
    const bad = /[^0-9a-f]/.exec(s.slice(1));
    if (bad) return `"${bad[0]}" is not a hex digit; hex colours look like "#ff8800"`;
    return `hex colours take 3, 4, 6 or 8 digits, not ${s.length - 1}, e.g. "#f80" or "#ff8800"`;
  }
  const fn = /^([a-z-]+)\s*\(/.exec(s);
  if (fn) {
    const name = fn[1]!;
    if (/^rgba?$/.test(name)) {
      return `${name}() takes three numbers (0-255) or percentages and an optional alpha, e.g. "rgb(255 128 0 / 50%)" or "rgb(255, 128, 0, 0.5)"`;
    }
    if (/^hsla?$/.test(name)) {
      return `${name}() takes a hue, saturation% and lightness% and an optional alpha, e.g. "hsl(30 100% 50% / 0.5)" or "hsl(30, 100%, 50%)"`;
    }
    const close = nearest(name, ['rgb', 'rgba', 'hsl', 'hsla']);
    if (close.length > 0) return didYouMean(close.map((n) => `${n}()`));
    return `${name}() is not supported; ${FORMS}`;
  }
  if (/^[a-z]+\S*$/.test(s)) {
    let close = withTwins(nearest(s, NAMED_COLORS));
    if (close.length === 0 && s.length >= 3) close = NAMED_COLORS.filter((n) => n.startsWith(s));
    if (close.length > 0) return didYouMean(close);
  }
  return `not a colour; ${FORMS}`;
}

/**
 * A CSS colour as CanvasKit's Color4f (straight r, g, b, a in 0..1), for drawing in a
 * `<Canvas>`: the same colours `style` accepts. `alpha` multiplies the colour's own alpha.
 * Throws, naming the colour and what would be accepted, when it is not one.
 * @example
 * <Canvas draw={(canvas, size, ck) => {
 *   const paint = new ck.Paint();
 *   paint.setColor(color4f('#ff8a3d', 0.5));
 *   canvas.drawCircle(size.width / 2, size.height / 2, 20, paint);
 *   paint.delete();
 * }} />
 */
export function color4f(color: string, alpha = 1): Float32Array {
  const rgba = parseColor(color);
  if (!rgba) throw new Error(`color4f: ${JSON.stringify(color)} is not a colour: ${colorHint(color)}`);
  return Float32Array.of(rgba[0] / 255, rgba[1] / 255, rgba[2] / 255, rgba[3] * alpha);
}
