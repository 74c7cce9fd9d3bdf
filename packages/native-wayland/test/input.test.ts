/**
 * The seat's events into the toolkit's input events: what a compositor sends (as the addon
 * reports it) and what the app sees. Touch cannot be injected into the headless compositors
 * here, so the touch path is covered here, event by event.
 */
import { describe, expect, it } from 'vitest';
import type { InputEvent } from '@planar/toolkit';
import { SeatTranslator, formatsOf, SHM_CODES } from '../src/index.js';

function seat(scale = 1) {
  const events: InputEvent[] = [];
  const translator = new SeatTranslator((e) => events.push(e));
  translator.scale = scale;
  return { translator, events };
}

describe('pointer', () => {
  it('moves in output pixels, presses with a button mask, and releases', () => {
    const { translator, events } = seat(2);
    translator.handle({ type: 'pointer', kind: 'enter', x: 10.5, y: 20 });
    translator.handle({ type: 'pointer', kind: 'motion', time: 5, x: 11, y: 21 });
    translator.handle({ type: 'pointer', kind: 'button', time: 6, button: 0x110, pressed: true });
    translator.handle({ type: 'pointer', kind: 'button', time: 7, button: 0x111, pressed: true });
    translator.handle({ type: 'pointer', kind: 'button', time: 8, button: 0x110, pressed: false });
    expect(events.map((e) => (e.kind === 'pointer' ? [e.type, e.x, e.y, e.buttons, e.timestamp] : e.kind))).toEqual([
      ['move', 21, 40, 0, 0], ['move', 22, 42, 0, 5], ['down', 22, 42, 1, 6], ['down', 22, 42, 3, 7], ['up', 22, 42, 2, 8],
    ]);
  });

  it('numbers buttons as W3C does: main 0, middle 1, secondary 2', () => {
    const { translator, events } = seat();
    for (const code of [0x110, 0x112, 0x111]) translator.handle({ type: 'pointer', kind: 'button', time: 1, button: code, pressed: true });
    expect(events.map((e) => (e.kind === 'pointer' ? e.button : null))).toEqual([0, 1, 2]);
  });

  it('gathers axis and discrete steps into one wheel event per frame', () => {
    const { translator, events } = seat();
    translator.handle({ type: 'pointer', kind: 'motion', time: 1, x: 5, y: 5 });
    translator.handle({ type: 'pointer', kind: 'axis', time: 2, axis: 'y', value: 15 });
    translator.handle({ type: 'pointer', kind: 'discrete', axis: 'y', steps: 1 });
    translator.handle({ type: 'pointer', kind: 'frame' });
    translator.handle({ type: 'pointer', kind: 'frame' });
    expect(events.filter((e) => e.kind === 'wheel')).toEqual([
      { kind: 'wheel', x: 5, y: 5, deltaX: 0, deltaY: 15, discreteX: 0, discreteY: 1, timestamp: 2 },
    ]);
  });

  it('cancels a press when the pointer leaves with a button down', () => {
    const { translator, events } = seat();
    translator.handle({ type: 'pointer', kind: 'button', time: 1, button: 0x110, pressed: true });
    translator.handle({ type: 'pointer', kind: 'leave' });
    expect(events.at(-1)).toMatchObject({ kind: 'pointer', type: 'cancel', buttons: 0 });
  });
});

describe('touch', () => {
  it('turns each touch point into its own pointer, in output pixels', () => {
    const { translator, events } = seat(2);
    translator.handle({ type: 'touch', kind: 'down', time: 1, id: 0, x: 10, y: 10 });
    translator.handle({ type: 'touch', kind: 'down', time: 2, id: 1, x: 50, y: 60 });
    translator.handle({ type: 'touch', kind: 'frame' });
    translator.handle({ type: 'touch', kind: 'motion', time: 3, id: 1, x: 55, y: 65 });
    translator.handle({ type: 'touch', kind: 'up', time: 4, id: 0 });
    translator.handle({ type: 'touch', kind: 'up', time: 5, id: 1 });
    expect(events.map((e) => (e.kind === 'pointer' ? [e.type, e.pointerId, e.x, e.y, e.pointerType] : e.kind))).toEqual([
      ['down', 100, 20, 20, 'touch'], ['down', 101, 100, 120, 'touch'], ['move', 101, 110, 130, 'touch'],
      ['up', 100, 20, 20, 'touch'], ['up', 101, 110, 130, 'touch'],
    ]);
  });

  it('cancel ends every touch still down', () => {
    const { translator, events } = seat();
    translator.handle({ type: 'touch', kind: 'down', time: 1, id: 3, x: 1, y: 2 });
    translator.handle({ type: 'touch', kind: 'down', time: 1, id: 4, x: 3, y: 4 });
    translator.handle({ type: 'touch', kind: 'cancel' });
    expect(events.slice(2).map((e) => (e.kind === 'pointer' ? [e.type, e.pointerId] : e.kind))).toEqual([['cancel', 103], ['cancel', 104]]);
    translator.handle({ type: 'touch', kind: 'cancel' });
    expect(events).toHaveLength(4);
  });
});

describe('keyboard', () => {
  it('sends W3C keys and codes with the modifiers, and text for presses that type', () => {
    const { translator, events } = seat();
    translator.handle({ type: 'modifiers', shift: true, ctrl: false, alt: false, meta: false });
    translator.handle({ type: 'key', time: 9, code: 30, name: 'A', text: 'A', character: 'A', pressed: true, repeats: true });
    translator.handle({ type: 'key', time: 10, code: 30, name: 'A', text: '', character: 'A', pressed: false, repeats: true });
    translator.handle({ type: 'modifiers', shift: false, ctrl: true, alt: false, meta: false });
    translator.handle({ type: 'key', time: 11, code: 30, name: 'a', text: '\u0001', character: 'a', pressed: true, repeats: true });
    translator.handle({ type: 'key', time: 12, code: 28, name: 'Return', text: '\r', character: '\r', pressed: true, repeats: true });
    translator.dispose();
    expect(events).toEqual([
      { kind: 'key', type: 'down', key: 'A', code: 'KeyA', shift: true, ctrl: false, alt: false, meta: false, repeat: false, timestamp: 9 },
      { kind: 'text', text: 'A', timestamp: 9 },
      { kind: 'key', type: 'up', key: 'A', code: 'KeyA', shift: true, ctrl: false, alt: false, meta: false, repeat: false, timestamp: 10 },
      { kind: 'key', type: 'down', key: 'a', code: 'KeyA', shift: false, ctrl: true, alt: false, meta: false, repeat: false, timestamp: 11 },
      { kind: 'key', type: 'down', key: 'Enter', code: 'Enter', shift: false, ctrl: true, alt: false, meta: false, repeat: false, timestamp: 12 },
    ]);
  });

  it('a dead key then e: keys, the underlined accent while composing, then é as one text event', () => {
    const { translator, events } = seat();
    // As the native keyboard reports a us(intl) apostrophe (dead_acute) and an e.
    translator.handle({ type: 'key', time: 20, code: 40, name: 'dead_acute', text: '', character: '', pressed: true, repeats: true, composition: [{ kind: 'start', data: '' }, { kind: 'update', data: '´' }] });
    translator.handle({ type: 'key', time: 21, code: 40, name: 'dead_acute', text: '', character: '', pressed: false, repeats: true });
    translator.handle({ type: 'key', time: 22, code: 18, name: 'e', text: 'é', character: 'e', pressed: true, repeats: true, composition: [{ kind: 'end', data: 'é' }] });
    translator.dispose();
    const summary = events.map((e) => (e.kind === 'key' ? `key ${e.type} ${e.code}` : e.kind === 'composition' ? `composition ${e.type} ${e.data}` : e.kind === 'text' ? `text ${e.text}` : e.kind));
    expect(summary).toEqual([
      'key down Quote', 'composition start ', 'composition update ´', 'key up Quote', 'key down KeyE', 'composition end é', 'text é',
    ]);
    expect(events.filter((e) => e.kind === 'composition').map((e) => e.timestamp)).toEqual([20, 20, 22]);
  });

  it('losing keyboard focus mid-sequence ends the composition empty', () => {
    const { translator, events } = seat();
    translator.handle({ type: 'key', time: 30, code: 40, name: 'dead_acute', text: '', character: '', pressed: true, repeats: true, composition: [{ kind: 'start', data: '' }, { kind: 'update', data: '´' }] });
    translator.handle({ type: 'keyboard-focus', focused: false, composition: [{ kind: 'end', data: '' }] });
    translator.dispose();
    expect(events.at(-1)).toEqual({ kind: 'composition', type: 'end', data: '', timestamp: 30 });
    expect(events.some((e) => e.kind === 'text'), 'nothing typed').toBe(false);
  });

  it('takes the repeat rate and delay from the compositor', () => {
    const { translator } = seat();
    translator.handle({ type: 'repeat-info', rate: 33, delay: 250 });
    expect([translator.repeater.rate, translator.repeater.delay]).toEqual([33, 250]);
  });
});

describe('formats', () => {
  it('maps wl_shm codes to the toolkit formats, RGBA order first', () => {
    expect(formatsOf([0, 1, SHM_CODES.XBGR8888, SHM_CODES.ABGR8888, 0x3231564e])).toEqual(['ABGR8888', 'XBGR8888', 'ARGB8888', 'XRGB8888']);
    expect(formatsOf([0, 1])).toEqual(['ARGB8888', 'XRGB8888']);
  });
});
