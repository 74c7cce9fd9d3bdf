/** Keys from evdev codes and xkbcommon keysyms, and key repeat, as every native backend uses them. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyRepeater, codeOfEvdev, keyOfKeysym, type InputEvent } from '@planar/toolkit';

afterEach(() => vi.useRealTimers());

describe('evdev codes and keysyms', () => {
  it.each([
    [30, 'KeyA'], [16, 'KeyQ'], [50, 'KeyM'], [2, 'Digit1'], [11, 'Digit0'], [28, 'Enter'], [14, 'Backspace'],
    [42, 'ShiftLeft'], [103, 'ArrowUp'], [59, 'F1'], [88, 'F12'], [57, 'Space'], [82, 'Numpad0'], [999, ''],
  ])('evdev %i is %s', (code, name) => {
    expect(codeOfEvdev(code)).toBe(name);
  });

  it.each([
    ['a', 'a', 'a'], ['A', 'A', 'A'], ['Return', '\r', 'Enter'], ['BackSpace', '\b', 'Backspace'], ['Shift_L', '', 'Shift'],
    ['space', ' ', ' '], ['F5', '', 'F5'], ['eacute', 'é', 'é'], ['Left', '', 'ArrowLeft'], ['XF86AudioMute', '', 'Unidentified'], ['dead_acute', '', 'Dead'], ['Multi_key', '', 'Compose'],
  ])('keysym %s typing %j is key %j', (name, text, key) => {
    expect(keyOfKeysym(name, text)).toBe(key);
  });
});

describe('KeyRepeater', () => {
  const down = (code: string): Extract<InputEvent, { kind: 'key' }> => ({
    kind: 'key', type: 'down', key: 'a', code, shift: false, ctrl: false, alt: false, meta: false, repeat: false, timestamp: 0,
  });

  it('repeats a held key after the delay at the rate, with its text, until it is released', () => {
    vi.useFakeTimers();
    const events: InputEvent[] = [];
    const repeater = new KeyRepeater((e) => events.push(e), () => 0);
    repeater.rate = 10;
    repeater.delay = 500;
    repeater.pressed(down('KeyA'), 'a', true);
    vi.advanceTimersByTime(499);
    expect(events).toHaveLength(0);
    vi.advanceTimersByTime(1 + 100 * 2);
    expect(events.filter((e) => e.kind === 'key')).toHaveLength(3);
    expect(events.every((e) => e.kind !== 'key' || e.repeat)).toBe(true);
    expect(events.filter((e) => e.kind === 'text').map((e) => (e as { text: string }).text)).toEqual(['a', 'a', 'a']);
    repeater.released('KeyA');
    vi.advanceTimersByTime(1000);
    expect(events.filter((e) => e.kind === 'key')).toHaveLength(3);
  });

  it('does not repeat keys that do not repeat, and a new key stops the last one', () => {
    vi.useFakeTimers();
    const events: InputEvent[] = [];
    const repeater = new KeyRepeater((e) => events.push(e), () => 0);
    repeater.pressed(down('ShiftLeft'), null, false);
    vi.advanceTimersByTime(2000);
    expect(events).toHaveLength(0);
    repeater.pressed(down('KeyA'), 'a', true);
    repeater.pressed(down('KeyB'), 'b', true);
    vi.advanceTimersByTime(repeater.delay + 1);
    expect(events.map((e) => (e.kind === 'key' ? e.code : 'text'))).toEqual(['KeyB', 'text']);
    repeater.stop();
  });
});
