/**
 * The on-screen keyboard's layouts as data: rows of keys, each with what it shows, what it
 * types, how wide it is (in key units) and what a long press offers; and the check that tells
 * what is wrong with a layout, where, and what to do.
 */

/** What a key does: types its value (`char`), or one of the keyboard's functions. */
export type KeyKind = 'char' | 'shift' | 'backspace' | 'enter' | 'space' | 'language' | 'symbols' | 'abc';
export const KEY_KINDS: readonly KeyKind[] = ['char', 'shift', 'backspace', 'enter', 'space', 'language', 'symbols', 'abc'];

/** One key. Only `value` is needed for a character key; a function key needs only `kind`. */
export interface KeySpec {
  /** What the key does (default `char`). */
  kind?: KeyKind;
  /** What a `char` key types (one or more characters). */
  value?: string;
  /** What it shows, when that differs from what it types (default: the value). */
  label?: string;
  /** What it types with Shift or Caps lock (default: the value in capitals, when that is one character each). */
  shifted?: string;
  /** Width in key units (default 1). */
  width?: number;
  /** What a long press offers, in order (é è ê ë …); shifted with the key. */
  alternatives?: readonly string[];
}

/** A keyboard layout: the rows of one page, top to bottom, each listed left to right as seen. */
export interface KeyboardLayout {
  /** How `layouts` and the language key name it ('en', 'de', 'ar', 'symbols', 'pin' …). */
  id: string;
  /** Its name for people, shown on the space bar ('English', 'Deutsch', 'العربية'). */
  name: string;
  /** `rtl`: the labels are written right to left and the keys are read from the right (default `ltr`). */
  direction?: 'ltr' | 'rtl';
  /**
   * `letters` (default) and `symbols` pages get the bottom row (page switch, language, space,
   * Enter) added for the field's input mode; a `pad` is the whole keyboard as written.
   */
  type?: 'letters' | 'symbols' | 'pad';
  /** The punctuation beside the space bar on a letters page (default `[',', '.']`). */
  punctuation?: readonly [string, string];
  rows: readonly (readonly KeySpec[])[];
}

/** `s` in capitals when that keeps one character for each (`ß` stays `ß`, not `SS`). */
export function capital(s: string): string {
  const upper = s.toUpperCase();
  return [...upper].length === [...s].length ? upper : s;
}

/** What a key types, shifted or not (a function key types nothing). */
export function typedBy(key: KeySpec, shifted: boolean): string {
  const value = key.value ?? '';
  return shifted ? key.shifted ?? capital(value) : value;
}

/** Keys of a string: one `char` key per character, with long-press alternatives from `alternatives`. */
export function charKeys(chars: string, alternatives: Readonly<Record<string, readonly string[]>> = {}): KeySpec[] {
  return [...chars].map((value) => (alternatives[value] ? { value, alternatives: alternatives[value] } : { value }));
}

/**
 * Throws, naming the layout, row and key, when a layout cannot be shown: no id or name, no
 * rows, an empty row, an unknown kind, a width that is not a positive number, a character key
 * with nothing to type, or alternatives that are not non-empty strings.
 * @example validateLayout({ id: 'nl', name: 'Nederlands', rows: [charKeys('qwertyuiop')] });
 */
export function validateLayout(layout: KeyboardLayout): void {
  const where = `keyboard layout ${typeof layout?.id === 'string' && layout.id ? `'${layout.id}'` : '(no id)'}`;
  const fail = (what: string, fix: string): never => {
    throw new Error(`${where}: ${what} — ${fix}`);
  };
  if (!layout || typeof layout !== 'object') throw new Error(`keyboard layout: got ${String(layout)} — give an object { id, name, rows }`);
  if (typeof layout.id !== 'string' || !layout.id) fail('has no id', "give it an id such as 'en'");
  if (typeof layout.name !== 'string' || !layout.name) fail('has no name', "give it the name shown on the space bar, such as 'English'");
  if (layout.direction !== undefined && layout.direction !== 'ltr' && layout.direction !== 'rtl') fail(`direction ${JSON.stringify(layout.direction)}`, "use 'ltr' or 'rtl'");
  if (layout.type !== undefined && !['letters', 'symbols', 'pad'].includes(layout.type)) fail(`type ${JSON.stringify(layout.type)}`, "use 'letters', 'symbols' or 'pad'");
  if (layout.punctuation !== undefined && !(Array.isArray(layout.punctuation) && layout.punctuation.length === 2 && layout.punctuation.every((p) => typeof p === 'string' && p))) {
    fail(`punctuation ${JSON.stringify(layout.punctuation)}`, "give two non-empty strings, such as [',', '.']");
  }
  if (!Array.isArray(layout.rows) || layout.rows.length === 0) fail('has no rows', 'give rows: an array of arrays of keys');
  layout.rows.forEach((row, r) => {
    if (!Array.isArray(row) || row.length === 0) fail(`row ${r + 1} is empty`, 'give each row at least one key');
    row.forEach((key, k) => {
      const at = `row ${r + 1}, key ${k + 1}`;
      if (!key || typeof key !== 'object') fail(`${at} is ${JSON.stringify(key)}`, "give an object such as { value: 'a' }");
      const kind = key.kind ?? 'char';
      if (!KEY_KINDS.includes(kind)) fail(`${at} has kind ${JSON.stringify(kind)}`, `use one of ${KEY_KINDS.join(', ')}`);
      if (key.width !== undefined && !(typeof key.width === 'number' && Number.isFinite(key.width) && key.width > 0)) {
        fail(`${at} has width ${JSON.stringify(key.width)}`, 'give a positive number of key units (1 is a letter key)');
      }
      if (kind === 'char' && !(typeof key.value === 'string' && key.value)) fail(`${at} is a character key with nothing to type`, "give it a value, such as { value: 'a' }");
      for (const field of ['label', 'shifted'] as const) {
        if (key[field] !== undefined && typeof key[field] !== 'string') fail(`${at} has ${field} ${JSON.stringify(key[field])}`, 'give a string');
      }
      if (key.alternatives !== undefined && !(Array.isArray(key.alternatives) && key.alternatives.every((a) => typeof a === 'string' && a))) {
        fail(`${at} has alternatives ${JSON.stringify(key.alternatives)}`, "give an array of non-empty strings, such as ['é', 'è']");
      }
    });
  });
}
