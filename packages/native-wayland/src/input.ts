/**
 * The seat's events, as the addon reports them, into the toolkit's input events:
 *
 *   pointer  enter/motion → move; button → down/up with the pressed-buttons mask; axis and
 *            discrete steps are gathered until `frame` and sent as one wheel event
 *   touch    down/motion/up per touch id → touch pointer events (pointer id 100 + id);
 *            cancel → cancel for every touch still down
 *   keyboard key → key down/up with W3C key and code, the modifiers last reported, then the
 *            composition events of a compose sequence or dead key it began, advanced or ended
 *            (the native keyboard runs xkbcommon's compose table), then text for a press that
 *            types some (a finished sequence's 'é'); held keys repeat through the toolkit's
 *            KeyRepeater; losing focus ends a sequence under way
 *
 * Positions come in surface coordinates (logical px); events leave in output (buffer) pixels.
 * Timestamps are the compositor's, in ms.
 */
import { KeyRepeater, codeOfEvdev, isControlText, keyOfKeysym, type InputEvent } from '@planar/toolkit/backend';
import type { NativeComposition, SeatEvent } from './native.js';

export type { SeatEvent };

/**
 * The input method's delete_surrounding_text (text-input.ts): delete `before` UTF-16 code
 * units before the cursor and `after` after it. The toolkit's InputEvent has no such kind yet,
 * so the backend declares it here and the display passes it on as an input event.
 */
export interface DeleteSurroundingEvent { kind: 'deletesurrounding'; before: number; after: number; timestamp: number }

/** What the Wayland backend emits as `input`: the toolkit's events and deletesurrounding. */
export type WaylandInputEvent = InputEvent | DeleteSurroundingEvent;

/** Linux input button codes (linux/input-event-codes.h) to the toolkit's button bits. */
const BUTTONS: Record<number, number> = { 0x110: 1, 0x111: 2, 0x112: 4 };
/** The same codes as W3C button numbers (0 main, 1 middle, 2 secondary). */
const BUTTON_NUMBERS: Record<number, number> = { 0x110: 0, 0x111: 2, 0x112: 1 };
const TOUCH_ID_BASE = 100;

export class SeatTranslator {
  /** Output pixels per surface unit. */
  scale = 1;
  private x = 0;
  private y = 0;
  private buttons = 0;
  private time = 0;
  private wheel = { x: 0, y: 0, stepsX: 0, stepsY: 0, time: 0, pending: false };
  private touches = new Map<number, { x: number; y: number }>();
  private mods = { shift: false, ctrl: false, alt: false, meta: false };
  readonly repeater: KeyRepeater;

  constructor(private readonly emit: (event: InputEvent) => void) {
    this.repeater = new KeyRepeater(emit);
  }

  handle(e: SeatEvent): void {
    switch (e.type) {
      case 'pointer': return this.pointer(e);
      case 'touch': return this.touch(e);
      case 'key': return this.key(e);
      case 'modifiers':
        this.mods = { shift: e.shift, ctrl: e.ctrl, alt: e.alt, meta: e.meta };
        return;
      case 'repeat-info':
        this.repeater.rate = e.rate;
        this.repeater.delay = e.delay;
        return;
      case 'keyboard-focus':
        this.compose(e.composition, this.time);
        if (!e.focused) this.repeater.stop();
    }
  }

  private pointer(e: Extract<SeatEvent, { type: 'pointer' }>): void {
    if (e.kind === 'enter' || e.kind === 'motion') {
      this.x = e.x * this.scale;
      this.y = e.y * this.scale;
      if (e.time !== undefined) this.time = e.time;
      this.emit({ kind: 'pointer', type: 'move', x: this.x, y: this.y, pointerId: 1, pointerType: 'mouse', buttons: this.buttons, timestamp: this.time });
    } else if (e.kind === 'button') {
      const bit = BUTTONS[e.button] ?? 0;
      this.buttons = e.pressed ? this.buttons | bit : this.buttons & ~bit;
      this.time = e.time;
      this.emit({
        kind: 'pointer', type: e.pressed ? 'down' : 'up', x: this.x, y: this.y, pointerId: 1, pointerType: 'mouse',
        button: BUTTON_NUMBERS[e.button] ?? 0, buttons: this.buttons, timestamp: e.time,
      });
    } else if (e.kind === 'axis') {
      this.wheel[e.axis] += e.value * this.scale;
      this.wheel.time = e.time;
      this.wheel.pending = true;
    } else if (e.kind === 'discrete') {
      if (e.axis === 'x') this.wheel.stepsX += e.steps;
      else this.wheel.stepsY += e.steps;
      this.wheel.pending = true;
    } else if (e.kind === 'frame' && this.wheel.pending) {
      const w = this.wheel;
      this.emit({ kind: 'wheel', x: this.x, y: this.y, deltaX: w.x, deltaY: w.y, discreteX: w.stepsX, discreteY: w.stepsY, timestamp: w.time });
      this.wheel = { x: 0, y: 0, stepsX: 0, stepsY: 0, time: 0, pending: false };
    } else if (e.kind === 'leave' && this.buttons) {
      // The pointer left with buttons down: the press is over for us.
      this.emit({ kind: 'pointer', type: 'cancel', x: this.x, y: this.y, pointerId: 1, pointerType: 'mouse', buttons: 0, timestamp: this.time });
      this.buttons = 0;
    }
  }

  private touch(e: Extract<SeatEvent, { type: 'touch' }>): void {
    if (e.kind === 'down' || e.kind === 'motion') {
      const x = e.x * this.scale, y = e.y * this.scale;
      this.touches.set(e.id, { x, y });
      this.emit({ kind: 'pointer', type: e.kind === 'down' ? 'down' : 'move', x, y, pointerId: TOUCH_ID_BASE + e.id, pointerType: 'touch', buttons: 1, timestamp: e.time });
    } else if (e.kind === 'up') {
      const at = this.touches.get(e.id) ?? { x: 0, y: 0 };
      this.touches.delete(e.id);
      this.emit({ kind: 'pointer', type: 'up', x: at.x, y: at.y, pointerId: TOUCH_ID_BASE + e.id, pointerType: 'touch', buttons: 0, timestamp: e.time });
    } else if (e.kind === 'cancel') {
      for (const [id, at] of this.touches) {
        this.emit({ kind: 'pointer', type: 'cancel', x: at.x, y: at.y, pointerId: TOUCH_ID_BASE + id, pointerType: 'touch', buttons: 0, timestamp: this.time });
      }
      this.touches.clear();
    }
  }

  private key(e: Extract<SeatEvent, { type: 'key' }>): void {
    this.time = e.time;
    const code = codeOfEvdev(e.code);
    const event: Extract<InputEvent, { kind: 'key' }> = {
      kind: 'key', type: e.pressed ? 'down' : 'up', key: keyOfKeysym(e.name, e.character ?? e.text), code, ...this.mods, repeat: false, timestamp: e.time,
    };
    this.emit(event);
    this.compose(e.composition, e.time);
    const text = e.pressed && e.text && !isControlText(e.text) && !this.mods.ctrl && !this.mods.meta ? e.text : null;
    if (text) this.emit({ kind: 'text', text, timestamp: e.time });
    if (e.pressed) this.repeater.pressed(event, text, e.repeats);
    else this.repeater.released(code);
  }

  private compose(events: NativeComposition[] | undefined, timestamp: number): void {
    for (const c of events ?? []) this.emit({ kind: 'composition', type: c.kind, data: c.data, timestamp });
  }

  dispose(): void {
    this.repeater.stop();
  }
}
