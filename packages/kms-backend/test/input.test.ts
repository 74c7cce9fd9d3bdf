/**
 * KmsInput against a fake of the addon's Input: libinput's events go in as the addon reports
 * them, the toolkit's events come out. No devices, no libinput; the native side is tried in a
 * VM by the end-to-end tests.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InputEvent } from '@planar/toolkit';
import { KmsInput, type KmsInputOptions } from '../src/input.js';
import type { NativeInput, NativeInputEvent, NativeInputOptions } from '../src/input-native.js';

/** The addon's Input: records what it is asked, and lets a test push events through its emit. */
class FakeInput implements NativeInput {
  static created: FakeInput[] = [];
  static initial: NativeInputEvent[] = [];
  readonly calls: string[] = [];

  constructor(private readonly emit: (type: string, event: object) => void, readonly options: NativeInputOptions) {
    FakeInput.created.push(this);
    for (const event of FakeInput.initial) this.push(event);
  }

  push(event: NativeInputEvent): void {
    const { type, ...rest } = event;
    this.emit(type, rest);
  }

  setOutputSize(width: number, height: number): void { this.calls.push(`setOutputSize ${width}x${height}`); }
  setCalibration(matrix: number[] | null): void { this.calls.push(`setCalibration ${matrix}`); }
  suspend(): void { this.calls.push('suspend'); }
  resume(): void { this.calls.push('resume'); }
  close(): void { this.calls.push('close'); }
}

const device = (name: string, caps: { pointer?: boolean; keyboard?: boolean; touch?: boolean }, added = true): NativeInputEvent => ({
  type: 'device', added, name, sysname: `event-${name}`, pointer: !!caps.pointer, keyboard: !!caps.keyboard, touch: !!caps.touch,
});
const MOUSE = device('mouse', { pointer: true });
const TOUCHSCREEN = device('touchscreen', { touch: true });
const KEYBOARD = device('keyboard', { keyboard: true });

function open(options: KmsInputOptions = {}, env: NodeJS.ProcessEnv = {}, initial = [MOUSE, TOUCHSCREEN, KEYBOARD]) {
  FakeInput.created = [];
  FakeInput.initial = initial;
  const events: InputEvent[] = [];
  const devices: string[] = [];
  const warnings: string[] = [];
  const cursor: [number, number, boolean][] = [];
  const input = KmsInput.open({ Input: FakeInput }, options, {
    input: (e) => events.push(e),
    device: (e) => devices.push(`${e.kind} ${e.added ? 'added' : 'removed'} ${e.name}`),
    warning: (message) => warnings.push(message),
    pointerMoved: (x, y, visible) => cursor.push([x, y, visible]),
  }, env);
  const native = FakeInput.created[0]!;
  return { input, native, events, devices, warnings, cursor };
}

const pointerSummary = (e: InputEvent) => (e.kind === 'pointer' ? `${e.type} ${e.pointerId} ${e.x},${e.y} buttons=${e.buttons}` : e.kind);

afterEach(() => {
  vi.useRealTimers();
});

describe('pointer', () => {
  const cases: { name: string; output: [number, number]; events: NativeInputEvent[]; expected: string[] }[] = [
    {
      name: 'relative-motion-starts-at-the-output-centre',
      output: [800, 600],
      events: [{ type: 'motion', time: 1, dx: 10, dy: -5, unacceleratedDx: 10, unacceleratedDy: -5 }],
      expected: ['move 1 410,295 buttons=0'],
    },
    {
      name: 'relative-motion-stops-at-the-right-and-bottom-edges',
      output: [800, 600],
      events: [{ type: 'motion', time: 1, dx: 5000, dy: 5000, unacceleratedDx: 0, unacceleratedDy: 0 }],
      expected: ['move 1 799,599 buttons=0'],
    },
    {
      name: 'relative-motion-stops-at-the-top-left-corner',
      output: [800, 600],
      events: [
        { type: 'motion', time: 1, dx: -5000, dy: -1, unacceleratedDx: 0, unacceleratedDy: 0 },
        { type: 'motion', time: 2, dx: 3, dy: -5000, unacceleratedDx: 0, unacceleratedDy: 0 },
      ],
      expected: ['move 1 0,299 buttons=0', 'move 1 3,0 buttons=0'],
    },
    {
      name: 'absolute-motion-sets-the-position-relative-motion-goes-on-from-it',
      output: [1024, 768],
      events: [
        { type: 'motion-absolute', time: 1, x: 123.5, y: 45 },
        { type: 'motion', time: 2, dx: 10, dy: 10, unacceleratedDx: 10, unacceleratedDy: 10 },
      ],
      expected: ['move 1 123.5,45 buttons=0', 'move 1 133.5,55 buttons=0'],
    },
    {
      name: 'buttons-build-a-mask-and-unknown-buttons-are-ignored',
      output: [100, 100],
      events: [
        { type: 'button', time: 1, button: 0x110, pressed: true },
        { type: 'button', time: 2, button: 0x111, pressed: true },
        { type: 'button', time: 3, button: 0x118, pressed: true },
        { type: 'button', time: 4, button: 0x110, pressed: false },
        { type: 'button', time: 5, button: 0x112, pressed: true },
      ],
      expected: ['down 1 50,50 buttons=1', 'down 1 50,50 buttons=3', 'up 1 50,50 buttons=2', 'down 1 50,50 buttons=6'],
    },
  ];
  it.each(cases)('$name', ({ output, events, expected }) => {
    const { input, native, events: out } = open();
    input.setOutput(...output);
    for (const e of events) native.push(e);
    expect(out.map(pointerSummary)).toEqual(expected);
  });

  it('buttons-carry-the-W3C-button-number-and-the-device-time', () => {
    const { input, native, events } = open();
    input.setOutput(10, 10);
    native.push({ type: 'button', time: 7.5, button: 0x111, pressed: true });
    native.push({ type: 'button', time: 8.25, button: 0x112, pressed: true });
    expect(events).toEqual([
      { kind: 'pointer', type: 'down', x: 5, y: 5, pointerId: 1, pointerType: 'mouse', button: 2, buttons: 2, timestamp: 7.5 },
      { kind: 'pointer', type: 'down', x: 5, y: 5, pointerId: 1, pointerType: 'mouse', button: 1, buttons: 6, timestamp: 8.25 },
    ]);
  });

  it('a-smaller-mode-pulls-the-pointer-in', () => {
    const { input, native, cursor } = open();
    input.setOutput(800, 600);
    native.push({ type: 'motion-absolute', time: 1, x: 700, y: 500 });
    input.setOutput(640, 480);
    expect(cursor.at(-1)).toEqual([639, 479, true]);
    expect(native.calls).toEqual(['setOutputSize 800x600', 'setOutputSize 640x480']);
  });
});

describe('wheel', () => {
  const wheel = (dy: number, v120y: number, source: 'wheel' | 'finger' = 'wheel'): NativeInputEvent => ({ type: 'scroll', time: 3, source, dx: 0, dy, v120x: 0, v120y });
  const cases: { name: string; events: NativeInputEvent[]; expected: [number, number][] }[] = [
    { name: 'one-notch-down', events: [wheel(15, 120)], expected: [[15, 1]] },
    { name: 'two-notches-up', events: [wheel(-30, -240)], expected: [[-30, -2]] },
    { name: 'hi-res-wheel-gathers-thirds-into-a-notch', events: [wheel(5, 40), wheel(5, 40), wheel(5, 40)], expected: [[5, 0], [5, 0], [5, 1]] },
    { name: 'finger-scrolling-has-no-notches-and-its-stop-sends-nothing', events: [wheel(3.5, 0, 'finger'), wheel(0, 0, 'finger')], expected: [[3.5, 0]] },
  ];
  it.each(cases)('$name', ({ events, expected }) => {
    const { input, native, events: out } = open();
    input.setOutput(200, 100);
    for (const e of events) native.push(e);
    expect(out.map((e) => (e.kind === 'wheel' ? [e.deltaY, e.discreteY] : e.kind))).toEqual(expected);
    expect(out[0]).toMatchObject({ x: 100, y: 50, deltaX: 0, discreteX: 0, timestamp: 3 });
  });
});

describe('touch', () => {
  it('two-fingers-are-two-pointers-100-and-101', () => {
    const { input, native, events } = open();
    input.setOutput(1024, 768);
    native.push({ type: 'touch', kind: 'down', time: 1, slot: 0, x: 10, y: 20 });
    native.push({ type: 'touch', kind: 'frame', time: 1 });
    native.push({ type: 'touch', kind: 'down', time: 2, slot: 1, x: 500, y: 600 });
    native.push({ type: 'touch', kind: 'motion', time: 3, slot: 1, x: 510, y: 610 });
    native.push({ type: 'touch', kind: 'up', time: 4, slot: 0 });
    native.push({ type: 'touch', kind: 'up', time: 5, slot: 1 });
    native.push({ type: 'touch', kind: 'up', time: 6, slot: 1 });
    expect(events.map(pointerSummary)).toEqual([
      'down 100 10,20 buttons=1', 'down 101 500,600 buttons=1', 'move 101 510,610 buttons=1',
      'up 100 10,20 buttons=0', 'up 101 510,610 buttons=0',
    ]);
    expect(events.every((e) => e.kind === 'pointer' && e.pointerType === 'touch')).toBe(true);
  });

  it('cancel-ends-every-touch-still-down-once', () => {
    const { native, events } = open();
    native.push({ type: 'touch', kind: 'down', time: 1, slot: 3, x: 1, y: 2 });
    native.push({ type: 'touch', kind: 'down', time: 1, slot: 4, x: 3, y: 4 });
    native.push({ type: 'touch', kind: 'cancel', time: 9, slot: 3 });
    native.push({ type: 'touch', kind: 'cancel', time: 9, slot: 4 });
    expect(events.slice(2).map(pointerSummary)).toEqual(['cancel 103 1,2 buttons=0', 'cancel 104 3,4 buttons=0']);
  });

  it('touch-hides-the-cursor-and-the-mouse-shows-it-again', () => {
    const { input, native, cursor } = open();
    input.setOutput(100, 100);
    native.push({ type: 'touch', kind: 'down', time: 1, slot: 0, x: 10, y: 10 });
    native.push({ type: 'touch', kind: 'motion', time: 2, slot: 0, x: 12, y: 10 });
    native.push({ type: 'motion', time: 3, dx: 1, dy: 0, unacceleratedDx: 1, unacceleratedDy: 0 });
    expect(cursor).toEqual([[50, 50, true], [50, 50, false], [51, 50, true]]);
  });
});

describe('keyboard', () => {
  const key = (code: number, pressed: boolean, name: string, text: string, mods: { shift?: boolean; ctrl?: boolean } = {}, character = text): Extract<NativeInputEvent, { type: 'key' }> => ({
    type: 'key', time: 10, code, pressed, name, text: pressed ? text : '', character, repeats: !name.includes('_'),
    shift: !!mods.shift, ctrl: !!mods.ctrl, alt: false, meta: false,
  });
  const cases: { name: string; events: NativeInputEvent[]; expected: unknown[] }[] = [
    {
      name: 'a-letter-types-itself',
      events: [key(30, true, 'a', 'a'), key(30, false, 'a', 'a')],
      expected: [['down', 'a', 'KeyA', false, false], { kind: 'text', text: 'a', timestamp: 10 }, ['up', 'a', 'KeyA', false, false]],
    },
    {
      name: 'shift-reports-itself-held-and-the-letter-types-its-capital',
      events: [key(42, true, 'Shift_L', '', { shift: true }), key(30, true, 'A', 'A', { shift: true }), key(42, false, 'Shift_L', '')],
      expected: [['down', 'Shift', 'ShiftLeft', true, false], ['down', 'A', 'KeyA', true, false], { kind: 'text', text: 'A', timestamp: 10 }, ['up', 'Shift', 'ShiftLeft', false, false]],
    },
    {
      name: 'ctrl-letter-types-nothing',
      events: [key(29, true, 'Control_L', '', { ctrl: true }), key(30, true, 'a', '\u0001', { ctrl: true }, 'a')],
      expected: [['down', 'Control', 'ControlLeft', false, true], ['down', 'a', 'KeyA', false, true]],
    },
    {
      name: 'enter-is-a-key-without-text',
      events: [key(28, true, 'Return', '\r')],
      expected: [['down', 'Enter', 'Enter', false, false]],
    },
    {
      // As the native keyboard reports a us(intl) apostrophe (dead_acute), then an e.
      name: 'a-dead-key-shows-its-accent-and-the-next-letter-types-é-once',
      events: [
        { ...key(40, true, 'dead_acute', '', {}, ''), composition: [{ kind: 'start', data: '' }, { kind: 'update', data: '´' }] },
        key(40, false, 'dead_acute', '', {}, ''),
        { ...key(18, true, 'e', 'é', {}, 'e'), composition: [{ kind: 'end', data: 'é' }] },
      ],
      expected: [
        ['down', 'Dead', 'Quote', false, false],
        { kind: 'composition', type: 'start', data: '', timestamp: 10 },
        { kind: 'composition', type: 'update', data: '´', timestamp: 10 },
        ['up', 'Dead', 'Quote', false, false],
        ['down', 'e', 'KeyE', false, false],
        { kind: 'composition', type: 'end', data: 'é', timestamp: 10 },
        { kind: 'text', text: 'é', timestamp: 10 },
      ],
    },
    {
      name: 'a-cancelled-sequence-ends-empty-and-types-nothing',
      events: [
        { ...key(40, true, 'dead_acute', '', {}, ''), composition: [{ kind: 'start', data: '' }, { kind: 'update', data: '´' }] },
        { ...key(16, true, 'q', '', {}, 'q'), composition: [{ kind: 'end', data: '' }] },
      ],
      expected: [
        ['down', 'Dead', 'Quote', false, false],
        { kind: 'composition', type: 'start', data: '', timestamp: 10 },
        { kind: 'composition', type: 'update', data: '´', timestamp: 10 },
        ['down', 'q', 'KeyQ', false, false],
        { kind: 'composition', type: 'end', data: '', timestamp: 10 },
      ],
    },
  ];
  it.each(cases)('$name', ({ events, expected }) => {
    const { input, native, events: out } = open();
    for (const e of events) native.push(e);
    input.close();
    expect(out.map((e) => (e.kind === 'key' ? [e.type, e.key, e.code, e.shift, e.ctrl] : e))).toEqual(expected);
  });

  const repeatCases: { name: string; env: NodeJS.ProcessEnv; held: number; expected: number }[] = [
    { name: 'a-held-letter-repeats-after-600ms-at-25-a-second', env: {}, held: 600 + 3 * 40, expected: 4 },
    { name: 'a-letter-released-before-the-delay-does-not-repeat', env: {}, held: 599, expected: 0 },
    { name: 'PLANAR_KEY_REPEAT-sets-delay-and-rate', env: { PLANAR_KEY_REPEAT: '250 50' }, held: 250 + 2 * 20, expected: 3 },
    { name: 'PLANAR_KEY_REPEAT-rate-0-turns-repeat-off', env: { PLANAR_KEY_REPEAT: '250 0' }, held: 2000, expected: 0 },
  ];
  it.each(repeatCases)('$name', ({ env, held, expected }) => {
    vi.useFakeTimers();
    const { native, events } = open({}, env);
    native.push(key(30, true, 'a', 'a'));
    vi.advanceTimersByTime(held);
    native.push(key(30, false, 'a', 'a'));
    vi.advanceTimersByTime(2000);
    const repeats = events.filter((e) => e.kind === 'key' && e.repeat);
    expect(repeats).toHaveLength(expected);
    expect(events.filter((e) => e.kind === 'text')).toHaveLength(expected + 1);
  });

  it('a-modifier-does-not-repeat', () => {
    vi.useFakeTimers();
    const { native, events } = open();
    native.push(key(42, true, 'Shift_L', '', { shift: true }));
    vi.advanceTimersByTime(3000);
    expect(events).toHaveLength(1);
  });
});

describe('devices', () => {
  it('devices-present-at-start-are-known-when-open-returns', () => {
    const { input, devices } = open();
    expect([input.hasPointer, input.hasTouch, input.hasKeyboard]).toEqual([true, true, true]);
    expect(devices).toEqual(['pointer added mouse', 'touch added touchscreen', 'keyboard added keyboard']);
  });

  it('a-keyboard-with-a-touchpad-counts-as-both-until-unplugged', () => {
    const { input, native, devices } = open({}, {}, []);
    native.push(device('combo', { keyboard: true, pointer: true }));
    expect([input.hasPointer, input.hasKeyboard, input.hasTouch]).toEqual([true, true, false]);
    native.push(device('combo', { keyboard: true, pointer: true }, false));
    expect([input.hasPointer, input.hasKeyboard]).toEqual([false, false]);
    expect(devices).toEqual(['pointer added combo', 'keyboard added combo', 'pointer removed combo', 'keyboard removed combo']);
  });

  it('the-cursor-shows-with-the-first-mouse-and-hides-with-the-last', () => {
    const { input, native, cursor } = open({}, {}, []);
    input.setOutput(100, 50);
    native.push(device('mouse', { pointer: true }));
    native.push(device('trackball', { pointer: true }));
    native.push(device('mouse', { pointer: true }, false));
    native.push(device('trackball', { pointer: true }, false));
    expect(cursor).toEqual([[50, 25, false], [50, 25, true], [50, 25, false]]);
  });

  it('warnings-are-forwarded', () => {
    const { native, warnings } = open();
    native.push({ type: 'warning', message: 'no udev database: libinput ignores every input device' });
    expect(warnings).toEqual(['no udev database: libinput ignores every input device']);
  });
});

describe('options from the environment', () => {
  const cases: { name: string; options?: KmsInputOptions; env: NodeJS.ProcessEnv; expected: Partial<NativeInputOptions> }[] = [
    { name: 'nothing-set-is-the-udev-backend-on-seat0', env: {}, expected: { backend: 'udev', seat: 'seat0', devices: [], calibration: null, flatAcceleration: false, keymap: {} } },
    { name: 'PLANAR_SEAT-picks-the-seat', env: { PLANAR_SEAT: 'seat1' }, expected: { backend: 'udev', seat: 'seat1' } },
    {
      name: 'PLANAR_INPUT_DEVICES-selects-the-path-backend',
      env: { PLANAR_INPUT_DEVICES: '/dev/input/event3, /dev/input/event5,' },
      expected: { backend: 'path', devices: ['/dev/input/event3', '/dev/input/event5'] },
    },
    { name: 'PLANAR_TOUCH_CALIBRATION-is-six-numbers', env: { PLANAR_TOUCH_CALIBRATION: ' 0 1 0  -1 0 1 ' }, expected: { calibration: [0, 1, 0, -1, 0, 1] } },
    {
      name: 'PLANAR_XKB-names-win-over-XKB_DEFAULT-names',
      env: { PLANAR_XKB_LAYOUT: 'de', XKB_DEFAULT_LAYOUT: 'fr', XKB_DEFAULT_VARIANT: 'nodeadkeys', PLANAR_XKB_OPTIONS: '' },
      expected: { keymap: { layout: 'de', variant: 'nodeadkeys' } },
    },
    { name: 'PLANAR_POINTER_ACCEL-flat', env: { PLANAR_POINTER_ACCEL: 'flat' }, expected: { flatAcceleration: true } },
    {
      name: 'options-win-over-the-environment',
      options: { seat: 'seat2', devices: ['/dev/input/event9'], calibration: null, keymap: { layout: 'us' }, flatAcceleration: false },
      env: { PLANAR_SEAT: 'seat1', PLANAR_INPUT_DEVICES: '/dev/input/event3', PLANAR_TOUCH_CALIBRATION: '1 0 0 0 1 0', PLANAR_XKB_LAYOUT: 'de', PLANAR_POINTER_ACCEL: 'flat' },
      expected: { backend: 'path', seat: 'seat2', devices: ['/dev/input/event9'], calibration: null, keymap: { layout: 'us' }, flatAcceleration: false },
    },
  ];
  it.each(cases)('$name', ({ options, env, expected }) => {
    const { native } = open(options, env);
    expect(native.options).toMatchObject(expected);
  });

  const errors: { name: string; options?: KmsInputOptions; env: NodeJS.ProcessEnv; message: RegExp }[] = [
    { name: 'calibration-with-five-numbers', env: { PLANAR_TOUCH_CALIBRATION: '1 0 0 0 1' }, message: /PLANAR_TOUCH_CALIBRATION must be the six numbers "a b c d e f".*not "1 0 0 0 1"/ },
    { name: 'calibration-with-a-word', env: { PLANAR_TOUCH_CALIBRATION: '1 0 0 0 1 x' }, message: /six numbers/ },
    { name: 'calibration-option-of-three-numbers', options: { calibration: [1, 0, 0] }, env: {}, message: /six finite numbers.*not \[1, 0, 0\]/ },
    { name: 'devices-that-are-not-paths', env: { PLANAR_INPUT_DEVICES: 'event3' }, message: /"event3" is not a path/ },
    { name: 'key-repeat-with-one-number', env: { PLANAR_KEY_REPEAT: '600' }, message: /PLANAR_KEY_REPEAT must be "delayMs rate"/ },
    { name: 'unknown-acceleration', env: { PLANAR_POINTER_ACCEL: 'fast' }, message: /"flat" or "adaptive", not "fast"/ },
  ];
  it.each(errors)('$name-is-refused-before-libinput-starts', ({ options, env, message }) => {
    FakeInput.created = [];
    expect(() => open(options, env)).toThrow(message);
    expect(FakeInput.created).toEqual([]);
  });
});

describe('lifecycle', () => {
  it('suspend-ends-touches-buttons-and-repeat-and-resume-asks-for-the-devices-again', () => {
    vi.useFakeTimers();
    const { input, native, events } = open();
    input.setOutput(100, 100);
    native.push({ type: 'touch', kind: 'down', time: 1, slot: 0, x: 5, y: 5 });
    native.push({ type: 'button', time: 1, button: 0x110, pressed: true });
    native.push({ type: 'key', time: 1, code: 30, pressed: true, name: 'a', text: 'a', character: 'a', repeats: true, shift: false, ctrl: false, alt: false, meta: false });
    input.suspend();
    input.resume();
    vi.advanceTimersByTime(5000);
    expect(events.filter((e) => e.kind === 'pointer').map(pointerSummary)).toEqual([
      'down 100 5,5 buttons=1', 'down 1 50,50 buttons=1', 'cancel 100 5,5 buttons=0', 'cancel 1 50,50 buttons=0',
    ]);
    expect(events.some((e) => e.kind === 'key' && e.repeat)).toBe(false);
    expect(native.calls.slice(1)).toEqual(['suspend', 'resume']);
  });

  it('suspend-mid-sequence-ends-the-composition-empty', () => {
    const { input, native, events } = open();
    native.push({
      type: 'key', time: 1, code: 40, pressed: true, name: 'dead_acute', text: '', character: '', repeats: true, shift: false, ctrl: false, alt: false, meta: false,
      composition: [{ kind: 'start', data: '' }, { kind: 'update', data: '´' }],
    });
    input.suspend();
    input.suspend();
    expect(events.filter((e) => e.kind === 'composition').map((e) => e.kind === 'composition' && `${e.type} ${e.data}`)).toEqual(['start ', 'update ´', 'end ']);
  });

  it('close-is-safe-twice-and-later-events-are-dropped', () => {
    const { input, native, events } = open();
    input.close();
    input.close();
    native.push({ type: 'touch', kind: 'down', time: 1, slot: 0, x: 5, y: 5 });
    expect(native.calls).toEqual(['close']);
    expect(events).toEqual([]);
  });
});
