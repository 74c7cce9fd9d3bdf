/**
 * Typing with the on-screen keyboard, as a person's finger does it: letters, Shift and Caps
 * lock, accents from a long press, Backspace held down, the language key, the Enter key's
 * label, the pads of numeric fields, and touches that land between keys.
 */
import { describe, expect, it } from 'vitest';
import { signal, type EnterKeyHint } from '@planar/toolkit';
import { BUTTON_REPEAT, KEYBOARD_LONG_PRESS_MS, KEYBOARD_SLIDE_MS } from '../src/index.js';
import { mountForm, tapKeys } from './keyboard-harness.js';

describe('typing on the on-screen keyboard', () => {
  it('types into the focused field, which keeps focus', async () => {
    const { screen, fields } = await mountForm();
    await screen.tap({ testId: 'name' });
    await screen.advance(KEYBOARD_SLIDE_MS);
    await tapKeys(screen, 'hi there');
    expect(fields.name.text.value).toBe('hi there');
    expect(screen.getByRole('textbox', { name: 'name' })).toHaveFocus();
    await screen.tap(screen.getByRole('button', { name: 'Enter' }));
    expect(fields.name.events.at(-1)).toBe('key Enter');
  });

  it('shifts one letter, and locks capitals on a double tap of Shift', async () => {
    const { screen, fields } = await mountForm();
    await screen.tap({ testId: 'name' });
    await screen.advance(KEYBOARD_SLIDE_MS);
    const shift = () => screen.getByRole('button', { name: 'Shift' });
    await screen.tap(shift());
    expect(shift()).toMatchObject({ states: { pressed: true } });
    await tapKeys(screen, 'Ab');
    expect(screen.queryByRole('button', { name: 'A' }), 'shift lasts one letter').toBeNull();

    await screen.tap(shift());
    await screen.advance(100);
    await screen.tap(shift());
    expect(shift()).toHaveValue('Caps lock');
    await tapKeys(screen, 'CD');
    await screen.tap(shift());
    await tapKeys(screen, 'e');
    expect(fields.name.text.value).toBe('AbCDe');
  });

  it('offers accents on a long press, picked by sliding the finger, shifted with the key', async () => {
    const { screen, fields } = await mountForm();
    await screen.tap({ testId: 'name' });
    await screen.advance(KEYBOARD_SLIDE_MS);
    await screen.pointer.down(screen.getByRole('button', { name: 'e' }), { type: 'touch' });
    await screen.advance(KEYBOARD_LONG_PRESS_MS);
    expect(screen.getByRole('button', { name: 'é' })).toMatchObject({ states: { selected: true } });
    await screen.pointer.move(screen.getByRole('button', { name: 'ê' }), { type: 'touch' });
    expect(screen.getByRole('button', { name: 'ê' })).toMatchObject({ states: { selected: true } });
    await screen.pointer.up(screen.getByRole('button', { name: 'ê' }), { type: 'touch' });
    expect(screen.queryByRole('button', { name: 'é' }), 'the popup closed').toBeNull();

    await screen.tap(screen.getByRole('button', { name: 'Shift' }));
    const e = screen.getByRole('button', { name: 'E' });
    await screen.pointer.down(e, { type: 'touch' });
    await screen.advance(KEYBOARD_LONG_PRESS_MS);
    await screen.pointer.up(e, { type: 'touch' });
    // A short tap types the letter itself.
    await tapKeys(screen, 'e');
    expect(fields.name.text.value).toBe('êÉe');
  });

  it('repeats Backspace while it is held, once per tap', async () => {
    const { screen, fields } = await mountForm();
    await screen.tap({ testId: 'name' });
    await screen.advance(KEYBOARD_SLIDE_MS);
    await tapKeys(screen, 'abcdefghij');
    const backspace = screen.getByRole('button', { name: 'Backspace' });
    await screen.tap(backspace);
    expect(fields.name.text.value).toBe('abcdefghi');
    await screen.pointer.down(backspace, { type: 'touch' });
    // One after the delay, then one per interval: 1 + 4.
    await screen.advance(BUTTON_REPEAT.delay + 4 * BUTTON_REPEAT.interval);
    await screen.pointer.up(backspace, { type: 'touch' });
    await screen.advance(500);
    expect(fields.name.events.filter((e) => e === 'key Backspace')).toHaveLength(6);
    expect(fields.name.text.value).toBe('abcd');
  });

  it('cycles the allowed layouts with the language key', async () => {
    const { screen, fields } = await mountForm({ layouts: ['en', 'de', 'ar'] });
    await screen.tap({ testId: 'name' });
    await screen.advance(KEYBOARD_SLIDE_MS);
    const language = () => screen.getByRole('button', { name: 'Language' });
    expect(screen.getByRole('keyboard', { name: 'English keyboard' })).toBeVisible();
    await screen.tap(language());
    expect(screen.getByRole('keyboard', { name: 'Deutsch keyboard' })).toBeVisible();
    await tapKeys(screen, 'üß');
    await screen.tap(language());
    expect(language()).toMatchObject({ description: 'العربية' });
    await tapKeys(screen, 'ضاد');
    await screen.tap(language());
    expect(screen.getByRole('keyboard', { name: 'English keyboard' })).toBeVisible();
    expect(fields.name.text.value).toBe('üßضاد');
  });

  it('has no language key with one layout, and a symbols page behind ?123', async () => {
    const { screen, fields } = await mountForm();
    await screen.tap({ testId: 'name' });
    await screen.advance(KEYBOARD_SLIDE_MS);
    expect(screen.queryByRole('button', { name: 'Language' })).toBeNull();
    await screen.tap(screen.getByRole('button', { name: 'Symbols' }));
    await tapKeys(screen, '42%');
    await screen.tap(screen.getByRole('button', { name: 'Letters' }));
    await tapKeys(screen, 'x');
    expect(fields.name.text.value).toBe('42%x');
  });

  it('labels Enter by the field\'s Enter key hint', async () => {
    const hint = signal<EnterKeyHint>('go');
    const { screen } = await mountForm({}, { enterKeyHint: hint });
    await screen.tap({ testId: 'name' });
    await screen.advance(KEYBOARD_SLIDE_MS);
    const enter = () => screen.getByRole('button', { name: 'Enter' });
    const expected: [EnterKeyHint, string][] = [['go', 'Go'], ['next', 'Next'], ['done', 'Done'], ['search', 'Search'], ['send', 'Send']];
    for (const [h, label] of expected) {
      hint.value = h;
      await screen.flush();
      expect(screen.text(enter())).toBe(label);
    }
    hint.value = 'enter';
    await screen.flush();
    expect(screen.text(enter()), 'the return arrow is a glyph').toBe('');
    expect(enter()).toMatchObject({ description: '↵' });
  });

  it('shows @ for an email field, the PIN pad for a PIN and the decimal pad for an amount', async () => {
    const { screen, fields } = await mountForm();
    await screen.tap({ testId: 'email' });
    await screen.advance(KEYBOARD_SLIDE_MS);
    await tapKeys(screen, 'a@b.c');
    expect(fields.email.text.value).toBe('a@b.c');
    expect(screen.text(screen.getByRole('button', { name: 'Enter' }))).toBe('Next');

    await screen.tap({ testId: 'pin' });
    expect(screen.getByRole('keyboard', { name: 'PIN keyboard' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'q' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Shift' })).toBeNull();
    await tapKeys(screen, '2580');
    expect(fields.pin.text.value).toBe('2580');

    await screen.tap({ testId: 'amount' });
    await tapKeys(screen, '12.5');
    expect(fields.amount.text.value).toBe('12.5');
  });

  it('gives a touch between keys to the nearest key, and a slide before the lift to the key under the finger', async () => {
    const { screen, fields } = await mountForm();
    await screen.tap({ testId: 'name' });
    await screen.advance(KEYBOARD_SLIDE_MS);
    const w = screen.find(screen.getByRole('button', { name: 'w' }));
    const e = screen.find(screen.getByRole('button', { name: 'e' }));
    const gapMiddle = (w.x + w.width + e.x) / 2;
    await screen.tap({ x: gapMiddle - 1, y: w.y + w.height / 2 });
    await screen.tap({ x: gapMiddle + 1, y: w.y + w.height / 2 });
    const a = screen.find(screen.getByRole('button', { name: 'a' }));
    await screen.tap({ x: 2, y: a.y + 1 });
    const space = screen.find(screen.getByRole('button', { name: 'Space' }));
    await screen.tap({ x: space.x + 4, y: space.y + 4 });

    const s = screen.getByRole('button', { name: 's' });
    await screen.pointer.down(screen.getByRole('button', { name: 'd' }), { type: 'touch' });
    await screen.pointer.move(s, { type: 'touch' });
    await screen.pointer.up(s, { type: 'touch' });
    expect(fields.name.text.value).toBe('wea s');
  });

  it('types both letters when a second finger comes down before the first lifts', async () => {
    const { screen, fields } = await mountForm();
    await screen.tap({ testId: 'name' });
    await screen.advance(KEYBOARD_SLIDE_MS);
    const o = screen.getByRole('button', { name: 'o' });
    const k = screen.getByRole('button', { name: 'k' });
    await screen.pointer.down(o, { type: 'touch', id: 1 });
    await screen.pointer.down(k, { type: 'touch', id: 2 });
    await screen.pointer.up(o, { type: 'touch', id: 1 });
    await screen.pointer.up(k, { type: 'touch', id: 2 });
    expect(fields.name.text.value).toBe('ok');
  });

  it('presses a key for an assistive technology', async () => {
    const { screen, fields } = await mountForm();
    await screen.tap({ testId: 'name' });
    await screen.advance(KEYBOARD_SLIDE_MS);
    await screen.act('press', screen.getByRole('button', { name: 'Shift' }));
    await screen.act('press', screen.getByRole('button', { name: 'Q' }));
    expect(fields.name.text.value).toBe('Q');
    expect(screen.getByRole('textbox', { name: 'name' })).toHaveFocus();
  });
});
