/**
 * Input for the KMS backend: libinput's events (through the addon's `Input`) into the toolkit's
 * input events, in output pixels.
 *
 *   1. Options come from the caller, else from the environment (see `KmsInputOptions`).
 *   2. There is no compositor to say where the pointer is, so it is tracked here: relative
 *      motion moves it, clamped to the output and starting at its centre; absolute motion sets
 *      it. `pointerMoved` tells the display where to draw the cursor, and hides the cursor while
 *      touch is in use.
 *   3. Buttons → pointer down/up with the pressed-buttons mask; scroll → wheel, with whole
 *      notches gathered from the wheel's 120ths; touch slots → touch pointers 100 + slot, and a
 *      cancel ends every touch still down; keys → key events with W3C key and code, then the
 *      composition events of a compose sequence or dead key the press began, advanced or ended
 *      (the native keyboard runs xkbcommon's compose table), then a text event for a press that
 *      types (a finished sequence's 'é'), and repeats of held keys through the toolkit's
 *      KeyRepeater (libinput leaves repeat to its clients).
 *   4. Devices are counted per capability, so that `hasTouch` and friends are known as soon as
 *      `open` returns and a `device` handler hears of each one plugged in or out.
 */
import { KeyRepeater, codeOfEvdev, isControlText, keyOfKeysym, type InputEvent } from '@planar/toolkit/backend';
import type { KeymapNames, NativeInput, NativeInputConstructor, NativeInputEvent, NativeInputEventMap, NativeInputOptions } from './input-native.js';

/**
 * Where a field is not given, it comes from the environment:
 *
 *   PLANAR_SEAT=seat0                          the udev seat (default seat0)
 *   PLANAR_INPUT_DEVICES=/dev/input/event3,…   exactly these devices (libinput's path backend;
 *                                              no hot-plug) instead of the seat's
 *   PLANAR_TOUCH_CALIBRATION="a b c d e f"     LIBINPUT_CALIBRATION_MATRIX for touchscreens
 *   PLANAR_XKB_RULES/MODEL/LAYOUT/VARIANT/OPTIONS, else XKB_DEFAULT_*   the keymap
 *   PLANAR_KEY_REPEAT="delayMs rate"           key repeat (default "600 25"; rate 0: none)
 *   PLANAR_POINTER_ACCEL=flat|adaptive         pointer acceleration (default adaptive)
 */
export interface KmsInputOptions {
  seat?: string;
  devices?: string[];
  /** Six numbers, or null for each touchscreen's own (udev's LIBINPUT_CALIBRATION_MATRIX or identity). */
  calibration?: number[] | null;
  /** Motion exactly as the device reports it, for tests that move the pointer by known amounts. */
  flatAcceleration?: boolean;
  keymap?: KeymapNames;
  keyRepeat?: { delay: number; rate: number };
  /** The display's seat manager session (native Seat), when it has one. */
  seatManager?: unknown;
}

export type DeviceKind = 'pointer' | 'touch' | 'keyboard';

export interface KmsInputHandlers {
  /** Toolkit events, in output pixels. */
  input(e: InputEvent): void;
  /** A device with this capability was plugged in or out (a keyboard with a touchpad: two calls). */
  device(e: { kind: DeviceKind; added: boolean; name: string }): void;
  warning(message: string): void;
  /** Where the pointer is, for a cursor plane; visible is false while no pointer device is there or touch is in use. */
  pointerMoved?(x: number, y: number, visible: boolean): void;
}

/** The addon as far as input goes. */
export interface InputAddon {
  Input: NativeInputConstructor;
}

/** Linux button codes → the toolkit's pressed-buttons bit and the W3C button number. */
const BUTTONS: Record<number, { bit: number; button: number }> = {
  0x110: { bit: 1, button: 0 }, // BTN_LEFT
  0x111: { bit: 2, button: 2 }, // BTN_RIGHT
  0x112: { bit: 4, button: 1 }, // BTN_MIDDLE
  0x113: { bit: 8, button: 3 }, // BTN_SIDE: back
  0x114: { bit: 16, button: 4 }, // BTN_EXTRA: forward
};
const MOUSE_ID = 1;
const TOUCH_ID_BASE = 100;
const KINDS: readonly DeviceKind[] = ['pointer', 'touch', 'keyboard'];

/** libinput's clock (CLOCK_MONOTONIC) in ms, for repeats timed like the events they repeat. */
const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/**
 * libinput and xkbcommon input for a KMS display.
 *
 * @example
 *   const input = KmsInput.open(loadAddon(), {}, {
 *     input: (e) => app.dispatch(e),
 *     device: ({ kind, added }) => console.log(kind, added ? 'plugged in' : 'unplugged'),
 *     warning: (message) => console.warn(message),
 *     pointerMoved: (x, y, visible) => cursorPlane.place(x, y, visible),
 *   });
 *   input.setOutput(1024, 768);
 */
export class KmsInput {
  private native: NativeInput | null = null;
  private closed = false;
  private readonly counts: Record<DeviceKind, number> = { pointer: 0, touch: 0, keyboard: 0 };
  private readonly repeater: KeyRepeater;
  private width = 0;
  private height = 0;
  private x = 0;
  private y = 0;
  private cursorVisible = false;
  private buttons = 0;
  private readonly touches = new Map<number, { x: number; y: number }>();
  /** A compose sequence is under way: the app shows its preedit until an end event. */
  private composing = false;
  /** Wheel movement in 120ths of a notch not yet sent as a whole notch. */
  private v120 = { x: 0, y: 0 };

  private constructor(addon: InputAddon, options: NativeInputOptions, repeat: { delay: number; rate: number }, private readonly handlers: KmsInputHandlers) {
    this.repeater = new KeyRepeater((e) => this.handlers.input(e), monotonicMs);
    this.repeater.delay = repeat.delay;
    this.repeater.rate = repeat.rate;
    // The devices already present are reported before the constructor returns.
    const native = new addon.Input((type, event) => this.handle({ type, ...event } as NativeInputEvent), options);
    this.native = native;
    if (this.closed) native.close();
  }

  /**
   * Opens the seat's input devices (or PLANAR_INPUT_DEVICES). Throws with what to do when the
   * keymap does not compile, a named device cannot be opened, or an option is malformed.
   */
  static open(addon: InputAddon, options: KmsInputOptions, handlers: KmsInputHandlers, env: NodeJS.ProcessEnv = process.env): KmsInput {
    const { native, repeat } = resolveOptions(options, env);
    return new KmsInput(addon, native, repeat, handlers);
  }

  /** The output's size in physical pixels (its mode): absolute and touch positions scale to it, the pointer stays in it. */
  setOutput(width: number, height: number): void {
    const first = this.width === 0 && this.height === 0;
    this.width = width;
    this.height = height;
    this.native?.setOutputSize(width, height);
    if (first) this.placePointer(width / 2, height / 2);
    else this.placePointer(this.x, this.y);
  }

  get hasPointer(): boolean {
    return this.counts.pointer > 0;
  }

  get hasTouch(): boolean {
    return this.counts.touch > 0;
  }

  get hasKeyboard(): boolean {
    return this.counts.keyboard > 0;
  }

  /** Lets go of the devices (the display lost DRM master or the VT): they are reported removed. */
  suspend(): void {
    this.native?.suspend();
    this.endPresses(monotonicMs());
  }

  /** Takes the devices back: they are reported added. */
  resume(): void {
    this.native?.resume();
  }

  /** Closes every device; safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.repeater.stop();
    this.native?.close();
  }

  private handle(e: NativeInputEvent): void {
    if (this.closed) return;
    switch (e.type) {
      case 'device': return this.device(e);
      case 'motion': return this.movePointer(this.x + e.dx, this.y + e.dy, e.time);
      case 'motion-absolute': return this.movePointer(e.x, e.y, e.time);
      case 'button': return this.button(e);
      case 'scroll': return this.scroll(e);
      case 'touch': return this.touch(e);
      case 'key': return this.key(e);
      case 'warning': return this.handlers.warning(e.message);
    }
  }

  private device(e: NativeInputEventMap['device']): void {
    const hadPointer = this.hasPointer;
    for (const kind of KINDS) {
      if (!e[kind]) continue;
      this.counts[kind] = Math.max(0, this.counts[kind] + (e.added ? 1 : -1));
      this.handlers.device({ kind, added: e.added, name: e.name });
    }
    if (!this.hasKeyboard) this.repeater.stop();
    if (this.hasPointer !== hadPointer) this.showCursor(this.hasPointer);
  }

  private placePointer(x: number, y: number): void {
    this.x = Math.min(Math.max(x, 0), Math.max(this.width - 1, 0));
    this.y = Math.min(Math.max(y, 0), Math.max(this.height - 1, 0));
    this.tellCursor();
  }

  private showCursor(visible: boolean): void {
    if (visible === this.cursorVisible) return;
    this.cursorVisible = visible;
    this.tellCursor();
  }

  /** Where the cursor goes, once there is an output to put it on. */
  private tellCursor(): void {
    if (this.width > 0 && this.height > 0) this.handlers.pointerMoved?.(this.x, this.y, this.cursorVisible);
  }

  private movePointer(x: number, y: number, time: number): void {
    this.cursorVisible = this.hasPointer;
    this.placePointer(x, y);
    this.pointer('move', time);
  }

  private pointer(type: 'down' | 'move' | 'up' | 'cancel', time: number, button?: number): void {
    this.handlers.input({
      kind: 'pointer', type, x: this.x, y: this.y, pointerId: MOUSE_ID, pointerType: 'mouse',
      ...(button === undefined ? {} : { button }), buttons: this.buttons, timestamp: time,
    });
  }

  private button(e: NativeInputEventMap['button']): void {
    const known = BUTTONS[e.button];
    if (!known) return;
    this.buttons = e.pressed ? this.buttons | known.bit : this.buttons & ~known.bit;
    this.showCursor(this.hasPointer);
    this.pointer(e.pressed ? 'down' : 'up', e.time, known.button);
  }

  private scroll(e: NativeInputEventMap['scroll']): void {
    let discreteX = 0, discreteY = 0;
    if (e.source === 'wheel') {
      this.v120.x += e.v120x;
      this.v120.y += e.v120y;
      discreteX = Math.trunc(this.v120.x / 120);
      discreteY = Math.trunc(this.v120.y / 120);
      this.v120.x -= discreteX * 120;
      this.v120.y -= discreteY * 120;
    }
    // Finger and continuous scrolling end with a zero event: nothing to send.
    if (!e.dx && !e.dy && !discreteX && !discreteY) return;
    this.showCursor(this.hasPointer);
    this.handlers.input({ kind: 'wheel', x: this.x, y: this.y, deltaX: e.dx, deltaY: e.dy, discreteX, discreteY, timestamp: e.time });
  }

  private touch(e: NativeInputEventMap['touch']): void {
    if (e.kind === 'down' || e.kind === 'motion') {
      this.showCursor(false);
      this.touches.set(e.slot, { x: e.x, y: e.y });
      this.handlers.input({
        kind: 'pointer', type: e.kind === 'down' ? 'down' : 'move', x: e.x, y: e.y,
        pointerId: TOUCH_ID_BASE + e.slot, pointerType: 'touch', buttons: 1, timestamp: e.time,
      });
    } else if (e.kind === 'up') {
      const at = this.touches.get(e.slot);
      if (!at) return;
      this.touches.delete(e.slot);
      this.handlers.input({ kind: 'pointer', type: 'up', x: at.x, y: at.y, pointerId: TOUCH_ID_BASE + e.slot, pointerType: 'touch', buttons: 0, timestamp: e.time });
    } else if (e.kind === 'cancel') {
      this.cancelTouches(e.time);
    }
  }

  private cancelTouches(time: number): void {
    for (const [slot, at] of this.touches) {
      this.handlers.input({ kind: 'pointer', type: 'cancel', x: at.x, y: at.y, pointerId: TOUCH_ID_BASE + slot, pointerType: 'touch', buttons: 0, timestamp: time });
    }
    this.touches.clear();
  }

  private key(e: NativeInputEventMap['key']): void {
    const code = codeOfEvdev(e.code);
    const event: Extract<InputEvent, { kind: 'key' }> = {
      kind: 'key', type: e.pressed ? 'down' : 'up', key: keyOfKeysym(e.name, e.character || e.text), code,
      shift: e.shift, ctrl: e.ctrl, alt: e.alt, meta: e.meta, repeat: false, timestamp: e.time,
    };
    this.handlers.input(event);
    for (const c of e.composition ?? []) {
      this.composing = c.kind !== 'end';
      this.handlers.input({ kind: 'composition', type: c.kind, data: c.data, timestamp: e.time });
    }
    const text = e.pressed && e.text && !isControlText(e.text) && !e.ctrl && !e.meta ? e.text : null;
    if (text) this.handlers.input({ kind: 'text', text, timestamp: e.time });
    if (e.pressed) this.repeater.pressed(event, text, e.repeats);
    else this.repeater.released(code);
  }

  /** After a suspend: whatever libinput did not end itself ends here. */
  private endPresses(time: number): void {
    this.repeater.stop();
    if (this.composing) this.handlers.input({ kind: 'composition', type: 'end', data: '', timestamp: time });
    this.composing = false;
    this.cancelTouches(time);
    if (this.buttons) {
      this.buttons = 0;
      this.pointer('cancel', time);
    }
  }
}

/** The native options and the key repeat, from the options, else the environment. */
function resolveOptions(options: KmsInputOptions, env: NodeJS.ProcessEnv): { native: NativeInputOptions; repeat: { delay: number; rate: number } } {
  const devices = options.devices ?? parseDevices(env.PLANAR_INPUT_DEVICES);
  const calibration = options.calibration === undefined ? parseCalibration(env.PLANAR_TOUCH_CALIBRATION) : checkCalibration(options.calibration);
  const native: NativeInputOptions = {
    backend: devices.length ? 'path' : 'udev',
    seat: options.seat || env.PLANAR_SEAT || 'seat0',
    devices,
    keymap: keymapNames(options.keymap ?? {}, env),
    calibration,
    flatAcceleration: options.flatAcceleration ?? parseAcceleration(env.PLANAR_POINTER_ACCEL),
    seatManager: options.seatManager,
  };
  return { native, repeat: options.keyRepeat ?? parseKeyRepeat(env.PLANAR_KEY_REPEAT) };
}

function parseDevices(value: string | undefined): string[] {
  const devices = (value ?? '').split(',').map((d) => d.trim()).filter(Boolean);
  const wrong = devices.find((d) => !d.startsWith('/'));
  if (wrong) throw new Error(`PLANAR_INPUT_DEVICES lists device nodes separated by commas (/dev/input/event3,/dev/input/event5); "${wrong}" is not a path`);
  return devices;
}

function parseCalibration(value: string | undefined): number[] | null {
  if (value === undefined || value.trim() === '') return null;
  const numbers = value.trim().split(/[\s,]+/).map(Number);
  if (numbers.length !== 6 || !numbers.every(Number.isFinite)) {
    throw new Error(`PLANAR_TOUCH_CALIBRATION must be the six numbers "a b c d e f" of LIBINPUT_CALIBRATION_MATRIX (identity: "1 0 0 0 1 0"), not "${value}"`);
  }
  return numbers;
}

function checkCalibration(matrix: number[] | null): number[] | null {
  if (matrix !== null && (matrix.length !== 6 || !matrix.every(Number.isFinite))) {
    throw new Error(`the calibration must be six finite numbers (LIBINPUT_CALIBRATION_MATRIX, identity [1, 0, 0, 0, 1, 0]), not [${matrix.join(', ')}]`);
  }
  return matrix;
}

function parseAcceleration(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'adaptive') return false;
  if (value === 'flat') return true;
  throw new Error(`PLANAR_POINTER_ACCEL must be "flat" or "adaptive", not "${value}"`);
}

function parseKeyRepeat(value: string | undefined): { delay: number; rate: number } {
  if (value === undefined || value.trim() === '') return { delay: 600, rate: 25 };
  const numbers = value.trim().split(/\s+/).map(Number);
  if (numbers.length !== 2 || !numbers.every((n) => Number.isFinite(n) && n >= 0)) {
    throw new Error(`PLANAR_KEY_REPEAT must be "delayMs rate" (e.g. "600 25"; rate 0 turns repeat off), not "${value}"`);
  }
  return { delay: numbers[0]!, rate: numbers[1]! };
}

const KEYMAP_FIELDS = ['rules', 'model', 'layout', 'variant', 'options'] as const;

function keymapNames(given: KeymapNames, env: NodeJS.ProcessEnv): KeymapNames {
  const names: KeymapNames = {};
  for (const field of KEYMAP_FIELDS) {
    const suffix = field.toUpperCase();
    const value = given[field] || env[`PLANAR_XKB_${suffix}`] || env[`XKB_DEFAULT_${suffix}`];
    if (value) names[field] = value;
  }
  return names;
}
