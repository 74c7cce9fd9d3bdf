// Script detection for font fallback. Ranges follow the Unicode blocks of each
// script, tuned for picking fonts rather than for strict Unicode Script values:
// a script's own punctuation and digits (e.g. the Arabic comma, Devanagari
// danda) count as that script because only its fonts draw them. 'emoji' and
// 'symbols' are not Unicode scripts but need their own fallback fonts too.

/** Script names understood by the font index, in no particular order. */
export type ScriptName =
  | 'latin' | 'greek' | 'cyrillic' | 'arabic' | 'hebrew' | 'devanagari' | 'bengali'
  | 'thai' | 'han' | 'hiragana' | 'katakana' | 'hangul' | 'emoji' | 'symbols';

/** [first, last, script], sorted by first code point, non-overlapping. */
const RANGES: ReadonlyArray<readonly [number, number, ScriptName]> = [
  [0x0041, 0x005a, 'latin'],
  [0x0061, 0x007a, 'latin'],
  [0x00aa, 0x00aa, 'latin'],
  [0x00ba, 0x00ba, 'latin'],
  [0x00c0, 0x00d6, 'latin'],
  [0x00d8, 0x00f6, 'latin'],
  [0x00f8, 0x02af, 'latin'],
  [0x0370, 0x03ff, 'greek'],
  [0x0400, 0x052f, 'cyrillic'],
  [0x0591, 0x05ff, 'hebrew'],
  [0x0600, 0x06ff, 'arabic'],
  [0x0750, 0x077f, 'arabic'],
  [0x08a0, 0x08ff, 'arabic'],
  [0x0900, 0x097f, 'devanagari'],
  [0x0980, 0x09ff, 'bengali'],
  [0x0e00, 0x0e7f, 'thai'],
  [0x1100, 0x11ff, 'hangul'],
  [0x1c80, 0x1c8f, 'cyrillic'],
  [0x1d00, 0x1dbf, 'latin'],
  [0x1e00, 0x1eff, 'latin'],
  [0x1f00, 0x1fff, 'greek'],
  [0x2190, 0x2bff, 'symbols'],
  [0x2c60, 0x2c7f, 'latin'],
  [0x2de0, 0x2dff, 'cyrillic'],
  [0x2e80, 0x2fdf, 'han'],
  [0x3005, 0x3005, 'han'],
  [0x3007, 0x3007, 'han'],
  [0x3021, 0x3029, 'han'],
  [0x3038, 0x303b, 'han'],
  [0x3041, 0x309f, 'hiragana'],
  [0x30a0, 0x30ff, 'katakana'],
  [0x3130, 0x318f, 'hangul'],
  [0x31f0, 0x31ff, 'katakana'],
  [0x3400, 0x4dbf, 'han'],
  [0x4e00, 0x9fff, 'han'],
  [0xa640, 0xa69f, 'cyrillic'],
  [0xa720, 0xa7ff, 'latin'],
  [0xa8e0, 0xa8ff, 'devanagari'],
  [0xa960, 0xa97f, 'hangul'],
  [0xab30, 0xab6f, 'latin'],
  [0xac00, 0xd7ff, 'hangul'],
  [0xf900, 0xfaff, 'han'],
  [0xfb00, 0xfb06, 'latin'],
  [0xfb1d, 0xfb4f, 'hebrew'],
  [0xfb50, 0xfdff, 'arabic'],
  [0xfe70, 0xfeff, 'arabic'],
  [0xff21, 0xff3a, 'latin'],
  [0xff41, 0xff5a, 'latin'],
  [0xff66, 0xff9f, 'katakana'],
  [0xffa0, 0xffdc, 'hangul'],
  [0x1b000, 0x1b0ff, 'hiragana'],
  [0x1f1e6, 0x1f1ff, 'emoji'],
  [0x1f300, 0x1f64f, 'emoji'],
  [0x1f650, 0x1f67f, 'symbols'],
  [0x1f680, 0x1f6ff, 'emoji'],
  [0x1f780, 0x1f8ff, 'symbols'],
  [0x1f900, 0x1faff, 'emoji'],
  [0x20000, 0x323af, 'han'],
];

/** Emoji_Presentation characters outside the emoji blocks: drawn as emoji even without VS16. */
const DEFAULT_EMOJI: ReadonlyArray<readonly [number, number, ScriptName]> = [
  [0x231a, 0x231b, 'emoji'], [0x23e9, 0x23ec, 'emoji'], [0x23f0, 0x23f0, 'emoji'], [0x23f3, 0x23f3, 'emoji'],
  [0x25fd, 0x25fe, 'emoji'], [0x2614, 0x2615, 'emoji'], [0x2648, 0x2653, 'emoji'], [0x267f, 0x267f, 'emoji'],
  [0x2693, 0x2693, 'emoji'], [0x26a1, 0x26a1, 'emoji'], [0x26aa, 0x26ab, 'emoji'], [0x26bd, 0x26be, 'emoji'],
  [0x26c4, 0x26c5, 'emoji'], [0x26ce, 0x26ce, 'emoji'], [0x26d4, 0x26d4, 'emoji'], [0x26ea, 0x26ea, 'emoji'],
  [0x26f2, 0x26f3, 'emoji'], [0x26f5, 0x26f5, 'emoji'], [0x26fa, 0x26fa, 'emoji'], [0x26fd, 0x26fd, 'emoji'],
  [0x2705, 0x2705, 'emoji'], [0x270a, 0x270b, 'emoji'], [0x2728, 0x2728, 'emoji'], [0x274c, 0x274c, 'emoji'],
  [0x274e, 0x274e, 'emoji'], [0x2753, 0x2755, 'emoji'], [0x2757, 0x2757, 'emoji'], [0x2795, 0x2797, 'emoji'],
  [0x27b0, 0x27b0, 'emoji'], [0x27bf, 0x27bf, 'emoji'], [0x2b1b, 0x2b1c, 'emoji'], [0x2b50, 0x2b50, 'emoji'],
  [0x2b55, 0x2b55, 'emoji'], [0x1f004, 0x1f004, 'emoji'], [0x1f0cf, 0x1f0cf, 'emoji'], [0x1f18e, 0x1f18e, 'emoji'],
  [0x1f191, 0x1f19a, 'emoji'], [0x1f201, 0x1f201, 'emoji'], [0x1f21a, 0x1f21a, 'emoji'], [0x1f22f, 0x1f22f, 'emoji'],
  [0x1f232, 0x1f236, 'emoji'], [0x1f238, 0x1f23a, 'emoji'], [0x1f250, 0x1f251, 'emoji'], [0x1f7e0, 0x1f7eb, 'emoji'],
  [0x1f7f0, 0x1f7f0, 'emoji'],
];

/** U+FE0F VARIATION SELECTOR-16 asks for the emoji presentation of the character before it. */
const EMOJI_PRESENTATION = 0xfe0f;

function lookup(table: ReadonlyArray<readonly [number, number, ScriptName]>, codePoint: number): ScriptName | undefined {
  let lo = 0;
  let hi = table.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const [first, last, script] = table[mid];
    if (codePoint < first) hi = mid - 1;
    else if (codePoint > last) lo = mid + 1;
    else return script;
  }
  return undefined;
}

/** The script of one code point, or undefined for common and inherited characters. */
export function scriptOf(codePoint: number): ScriptName | undefined {
  return lookup(DEFAULT_EMOJI, codePoint) ?? lookup(RANGES, codePoint);
}

/** The scripts used by the characters of a string, in order of first appearance; 'common' characters (spaces, digits, punctuation) belong to no script. */
export function scriptsOf(text: string): ScriptName[] {
  const found = new Set<ScriptName>();
  const codePoints = Array.from(text, (ch) => ch.codePointAt(0) ?? 0);
  codePoints.forEach((cp, i) => {
    let script = scriptOf(cp);
    // "☺️", "©️", "1️⃣": a symbol or common character with VS16 is drawn as an emoji.
    if ((script === undefined || script === 'symbols') && codePoints[i + 1] === EMOJI_PRESENTATION) script = 'emoji';
    if (script !== undefined) found.add(script);
  });
  return [...found];
}
