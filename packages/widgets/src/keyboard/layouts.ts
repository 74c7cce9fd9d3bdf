/**
 * The built-in layouts: QWERTY (en), AZERTY (fr), QWERTZ (de), Arabic (ar, right to left),
 * the symbols page, and the numeric, decimal and PIN pads. Rows are listed left to right as
 * seen; letters pages get their bottom row (page switch, language, space, Enter) from the
 * keyboard, for the field's input mode.
 */
import { charKeys, type KeyboardLayout, type KeySpec } from './layout-types.js';

/** Accented letters a long press offers in Latin layouts. */
const LATIN_ACCENTS: Readonly<Record<string, readonly string[]>> = {
  a: ['à', 'á', 'â', 'ä', 'æ', 'ã', 'å'],
  c: ['ç', 'ć', 'č'],
  e: ['é', 'è', 'ê', 'ë', 'ē'],
  i: ['î', 'ï', 'í', 'ì'],
  n: ['ñ', 'ń'],
  o: ['ô', 'ö', 'ò', 'ó', 'œ', 'õ', 'ø'],
  s: ['ß', 'ś', 'š'],
  u: ['ù', 'û', 'ü', 'ú'],
  y: ['ÿ', 'ý'],
  z: ['ž', 'ź', 'ż'],
};

const shift: KeySpec = { kind: 'shift', width: 1.5 };
const backspace: KeySpec = { kind: 'backspace', width: 1.5 };

export const QWERTY: KeyboardLayout = {
  id: 'en', name: 'English',
  rows: [
    charKeys('qwertyuiop', LATIN_ACCENTS),
    charKeys('asdfghjkl', LATIN_ACCENTS),
    [shift, ...charKeys('zxcvbnm', LATIN_ACCENTS), backspace],
  ],
};

export const AZERTY: KeyboardLayout = {
  id: 'fr', name: 'Français',
  rows: [
    charKeys('azertyuiop', LATIN_ACCENTS),
    charKeys('qsdfghjklm', LATIN_ACCENTS),
    [shift, ...charKeys('wxcvbn', LATIN_ACCENTS), { value: "'", alternatives: ['’', '«', '»'] }, backspace],
  ],
};

export const QWERTZ: KeyboardLayout = {
  id: 'de', name: 'Deutsch',
  rows: [
    charKeys('qwertzuiopü', LATIN_ACCENTS),
    charKeys('asdfghjklöä', LATIN_ACCENTS),
    [{ kind: 'shift', width: 2 }, ...charKeys('yxcvbnmß', LATIN_ACCENTS), { kind: 'backspace', width: 1 }],
  ],
};

/** Arabic: the letters where the PC layout has them (ض on Q), without the digits; read right to left. */
export const ARABIC: KeyboardLayout = {
  id: 'ar', name: 'العربية', direction: 'rtl', punctuation: ['،', '.'],
  rows: [
    charKeys('ضصثقفغعهخحج'),
    charKeys('شسيبلاتنمكط', { ا: ['أ', 'إ', 'آ', 'ٱ'], ي: ['ئ', 'ى'], ل: ['لا', 'لأ', 'لإ'] }),
    [...charKeys('ذءؤرىةوزظد', { و: ['ؤ'], ة: ['ه'], ء: ['أ', 'إ', 'ئ', 'ؤ'] }), { kind: 'backspace', width: 1 }],
  ],
};

export const SYMBOLS: KeyboardLayout = {
  id: 'symbols', name: 'Symbols', type: 'symbols',
  rows: [
    charKeys('1234567890', { 0: ['°'], 1: ['¹', '½', '¼'], 2: ['²'], 3: ['³', '¾'] }),
    charKeys('@#$%&-+()/', { $: ['€', '£', '¥', '¢'], '%': ['‰'], '-': ['–', '—', '_'], '+': ['±'] }),
    [...charKeys('*"\':;!?=', { '"': ['“', '”', '„', '«', '»'], "'": ['‘', '’'], '!': ['¡'], '?': ['¿'], '=': ['≠', '≈'] }), { kind: 'backspace', width: 2 }],
  ],
};

const enter: KeySpec = { kind: 'enter' };

export const NUMBER_PAD: KeyboardLayout = {
  id: 'number', name: 'Numbers', type: 'pad',
  rows: [
    [...charKeys('123'), { kind: 'backspace' }],
    [...charKeys('456'), { value: '-', label: '−' }],
    [...charKeys('789'), { value: '+' }],
    [{ value: '0', width: 3 }, enter],
  ],
};

export const DECIMAL_PAD: KeyboardLayout = {
  id: 'decimal', name: 'Numbers', type: 'pad',
  rows: [
    [...charKeys('123'), { kind: 'backspace' }],
    [...charKeys('456'), { value: '-', label: '−' }],
    [...charKeys('789'), { value: ',' }],
    [{ value: '0', width: 2 }, { value: '.' }, enter],
  ],
};

export const PIN_PAD: KeyboardLayout = {
  id: 'pin', name: 'PIN', type: 'pad',
  rows: [charKeys('123'), charKeys('456'), charKeys('789'), [{ kind: 'backspace' }, { value: '0' }, enter]],
};

/** Every built-in layout, by id. */
export const KEYBOARD_LAYOUTS: Readonly<Record<string, KeyboardLayout>> = Object.fromEntries(
  [QWERTY, AZERTY, QWERTZ, ARABIC, SYMBOLS, NUMBER_PAD, DECIMAL_PAD, PIN_PAD].map((l) => [l.id, l]),
);
