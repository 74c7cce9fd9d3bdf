/**
 * The addon's `Input` class (native/input.cc), typed: a libinput context with an xkbcommon
 * keymap, read from the JS thread's event loop. It reports what libinput reports, one event
 * per call of `emit(type, event)`; `KmsInput` (input.ts) turns them into the toolkit's events.
 *
 * Positions of absolute pointers and touch points are in output pixels of the size last given
 * to `setOutputSize` (0 before it). Times are libinput's, CLOCK_MONOTONIC in ms, the clock of
 * `process.hrtime`.
 */

/** Rules, model, layout, variant and options of an xkb keymap; missing ones are xkbcommon's defaults. */
export interface KeymapNames {
  rules?: string;
  model?: string;
  layout?: string;
  variant?: string;
  options?: string;
}

export interface NativeInputOptions {
  /** 'udev': every device of `seat`, hot-plug included; 'path': exactly `devices`. */
  backend: 'udev' | 'path';
  seat: string;
  devices: string[];
  keymap: KeymapNames;
  /** The six numbers of LIBINPUT_CALIBRATION_MATRIX for touchscreens, or null for their default. */
  calibration?: number[] | null;
  /** The flat acceleration profile (speed 0) on pointer devices: motion as the device reports it. */
  flatAcceleration?: boolean;
  /** The display's libseat session: devices are opened through it (no root, no input group). */
  seatManager?: unknown;
}

/**
 * What a key press did to a compose sequence (planar/compose.h in the native core): a sequence
 * starts with `start` '' and shows its keys so far with `update` ('´'); `end` carries the text
 * composed ('é'), which is also the key's `text`, or '' when it was cancelled.
 */
export interface NativeComposition {
  kind: 'start' | 'update' | 'end';
  data: string;
}

/** The events, by type. */
export interface NativeInputEventMap {
  /** A device was added or removed, with what it can do. */
  device: { added: boolean; name: string; sysname: string; pointer: boolean; keyboard: boolean; touch: boolean };
  /** Relative pointer motion, accelerated (dx, dy) and as the device moved. */
  motion: { time: number; dx: number; dy: number; unacceleratedDx: number; unacceleratedDy: number };
  /** An absolute pointer (a tablet, a VM's pointer) at x, y in output pixels. */
  'motion-absolute': { time: number; x: number; y: number };
  /** A Linux button code (BTN_LEFT 0x110 …): the seat's first press or last release of it. */
  button: { time: number; button: number; pressed: boolean };
  /**
   * Scrolling: dx, dy as libinput gives them (a wheel: 15 per notch by default; fingers and
   * continuous sources: like pointer motion); v120x, v120y in 120ths of a notch (wheels only).
   */
  scroll: { time: number; source: 'wheel' | 'finger' | 'continuous'; dx: number; dy: number; v120x: number; v120y: number };
  /** Touch points by seat slot; `frame` ends a set of changes that belong together. */
  touch:
    | { kind: 'down' | 'motion'; time: number; slot: number; x: number; y: number }
    | { kind: 'up' | 'cancel'; time: number; slot: number }
    | { kind: 'frame'; time: number };
  /**
   * A key (evdev code): the keysym's name and character, the text a press types ('' for a
   * release or a key inside a compose sequence, the composed 'é' for the key that ends one),
   * whether the keymap repeats it, the modifiers once the key has acted, and what the press
   * did to a compose sequence, when it did something.
   */
  key: {
    time: number; code: number; pressed: boolean; name: string; text: string; character: string; repeats: boolean;
    shift: boolean; ctrl: boolean; alt: boolean; meta: boolean; composition?: NativeComposition[];
  };
  /** Something a person should know: a device that would not open, no udev database, libinput's errors. */
  warning: { message: string };
}

export type NativeInputEventType = keyof NativeInputEventMap;

/** An event with its type, as one value. */
export type NativeInputEvent = { [T in NativeInputEventType]: { type: T } & NativeInputEventMap[T] }[NativeInputEventType];

export interface NativeInput {
  /** The output size in pixels that absolute and touch positions are scaled to. */
  setOutputSize(width: number, height: number): void;
  /** Sets (or with null resets) the calibration matrix of every touchscreen, now and when one is plugged in. */
  setCalibration(matrix: number[] | null): void;
  /** Closes every device (reported removed; held keys released, touches cancelled) until resume(). */
  suspend(): void;
  /** Opens the devices again (reported added). */
  resume(): void;
  /** Stops reading and frees everything; safe twice and from inside an event handler. */
  close(): void;
}

/**
 * `new Compose(locale?)`: xkbcommon's compose state machine as the keyboard uses it, fed keysyms
 * by name (for tests). The table is the one of `locale` (default: LC_ALL, LC_CTYPE or LANG,
 * else "C"), else of "C"; throws with the reason, and `errno` where there is one, when neither loads.
 */
export type NativeComposeConstructor = new (locale?: string) => {
  /** The locale whose table was loaded. */
  readonly locale: string;
  /** A press of a key with this keysym (by name: 'dead_acute') that types `ownText` on its own. */
  press(keysym: string, ownText?: string): { events: NativeComposition[]; text: string };
  /** Drops a sequence under way; its end event, if there was one. */
  cancel(): NativeComposition[];
};

/**
 * `new Input(emit, options)`. Devices present already are reported before the constructor
 * returns. Throws when the keymap does not compile or a path-backend device cannot be used.
 */
export type NativeInputConstructor = new (emit: (type: string, event: object) => void, options: NativeInputOptions) => NativeInput;
