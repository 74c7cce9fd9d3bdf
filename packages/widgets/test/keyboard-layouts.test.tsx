/**
 * Layouts as data: every built-in layout passes the check and fills its width, a bad layout is
 * refused with the layout, row and key named and what to do, a layout of your own is used as
 * it is, and the geometry that decides which key a touch means.
 */
import { describe, expect, it } from 'vitest';
import {
  KEYBOARD_LAYOUTS, KEYBOARD_SLIDE_MS, OnScreenKeyboard, charKeys, validateLayout, type KeyboardLayout,
} from '../src/index.js';
import { keyAt, placeKeys } from '../src/keyboard/geometry.js';
import { composePage } from '../src/keyboard/policy.js';
import { mountForm, tapKeys } from './keyboard-harness.js';
import { renderThemed } from './harness.js';

const METRICS = { width: 800, keyHeight: 48, gap: 6, padding: 4 };

describe('keyboard layouts', () => {
  it.each(Object.keys(KEYBOARD_LAYOUTS))('built-in %s is valid and its rows fill the keyboard', (id) => {
    const layout = KEYBOARD_LAYOUTS[id]!;
    expect(() => validateLayout(layout)).not.toThrow();
    const page = composePage(layout, 'text', 3);
    const units = page.rows.map((row) => row.reduce((n, k) => n + (k.width ?? 1), 0));
    expect(Math.max(...units) - Math.min(...units), `rows of ${id} in key units: ${units.join(', ')}`).toBeLessThanOrEqual(1);
  });

  const bad: [string, unknown, RegExp][] = [
    ['no id', { name: 'X', rows: [charKeys('ab')] }, /keyboard layout \(no id\): has no id — give it an id/],
    ['no name', { id: 'x', rows: [charKeys('ab')] }, /'x': has no name — give it the name shown on the space bar/],
    ['no rows', { id: 'x', name: 'X', rows: [] }, /'x': has no rows — give rows/],
    ['an empty row', { id: 'x', name: 'X', rows: [charKeys('ab'), []] }, /'x': row 2 is empty/],
    ['an unknown kind', { id: 'x', name: 'X', rows: [[{ kind: 'tab' }]] }, /row 1, key 1 has kind "tab" — use one of char, shift/],
    ['a bad width', { id: 'x', name: 'X', rows: [[{ value: 'a', width: 0 }]] }, /row 1, key 1 has width 0 — give a positive number of key units/],
    ['a character key with nothing to type', { id: 'x', name: 'X', rows: [[{ value: 'a' }, { label: 'b' }]] }, /row 1, key 2 is a character key with nothing to type/],
    ['bad alternatives', { id: 'x', name: 'X', rows: [[{ value: 'a', alternatives: 'áà' }]] }, /row 1, key 1 has alternatives "áà" — give an array of non-empty strings/],
    ['a bad direction', { id: 'x', name: 'X', direction: 'up', rows: [charKeys('a')] }, /direction "up" — use 'ltr' or 'rtl'/],
  ];
  it.each(bad)('refuses a layout with %s, saying where and what to do', (_, layout, message) => {
    expect(() => validateLayout(layout as KeyboardLayout)).toThrow(message);
  });

  it('refuses an unknown layout id, listing the built-in ones', async () => {
    const errors: Error[] = [];
    await renderThemed(() => <OnScreenKeyboard layouts={['en', 'xx']} />, { onError: (e) => errors.push(e) }).catch((e: Error) => errors.push(e));
    expect(errors[0]?.message).toMatch(/no layout 'xx' — use one of en, fr, de, ar/);
  });

  it('types with a layout of your own', async () => {
    const dutch: KeyboardLayout = {
      id: 'nl', name: 'Nederlands',
      rows: [charKeys('qwertyuiop'), charKeys('asdfghjkl'), [{ kind: 'shift', width: 1.5 }, ...charKeys('zxcvbnm'), { value: 'ij', shifted: 'IJ' }, { kind: 'backspace', width: 1.5 }]],
    };
    const { screen, fields } = await mountForm({ layouts: [dutch, 'en'] });
    await screen.tap({ testId: 'name' });
    await screen.advance(KEYBOARD_SLIDE_MS);
    expect(screen.getByRole('keyboard', { name: 'Nederlands keyboard' })).toBeVisible();
    await screen.tap(screen.getByRole('button', { name: 'Shift' }));
    await screen.tap(screen.getByRole('button', { name: 'IJ' }));
    await tapKeys(screen, 's');
    expect(fields.name.text.value).toBe('IJs');
  });
});

describe('key geometry', () => {
  const page = placeKeys(composePage(KEYBOARD_LAYOUTS.en!, 'text', 1).rows, METRICS);
  const named = (v: string) => page.keys.find((k) => k.key.value === v || k.key.kind === v)!;
  const at = (x: number, y: number) => {
    const k = keyAt(page, METRICS, x, y)!.key;
    return k.value ?? k.kind;
  };

  it('makes keys 48 px high, 10 to a row across 800 px, and the keyboard as high as its rows', () => {
    const q = named('q');
    expect([q.x, q.y, q.height]).toEqual([7, 7, 48]);
    expect(q.width).toBeCloseTo(792 / 10 - 6);
    expect(page.height).toBe(4 * 54 + 8);
  });

  it('gives a touch to the nearest key of its row: gaps split down the middle, margins to the end keys', () => {
    const q = named('q'), w = named('w');
    const gap = (q.x + q.width + w.x) / 2;
    expect(at(gap - 0.5, q.y + 10)).toBe('q');
    expect(at(gap + 0.5, q.y + 10)).toBe('w');
    expect(at(1, named('a').y + 2), 'left of a short row').toBe('a');
    expect(at(799, named('l').y + 47), 'right of a short row').toBe('l');
    expect(at(400, -30), 'above the top row').toBe('t');
  });

  it('gives the space bar all of its own width, though its ends are nearer its neighbours\' centres', () => {
    const space = named('space');
    expect(at(space.x + 2, space.y + 10)).toBe('space');
    expect(at(space.x + space.width - 2, space.y + 10)).toBe('space');
  });
});
