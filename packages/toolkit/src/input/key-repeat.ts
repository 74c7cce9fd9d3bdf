/**
 * Key repeat, done in the toolkit (as Wayland asks clients to, and as KMS needs): while a key
 * that repeats is held, after `delay` ms it is sent again every 1000/`rate` ms, as a key event
 * with `repeat: true` (and its text again). Pressing another key or releasing it stops it.
 * Backends feed it presses and releases and the compositor's or the user's repeat settings.
 */
import type { InputEvent } from './events.js';

type KeyDown = Extract<InputEvent, { kind: 'key' }>;

export class KeyRepeater {
  /** Repeats per second (0: no repeat) and the delay before the first, ms. */
  rate = 25;
  delay = 600;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private held: { code: string; event: KeyDown; text: string | null } | null = null;

  constructor(private readonly emit: (event: InputEvent) => void, private readonly now: () => number = () => performance.now()) {}

  /** A key went down: repeats it if it `repeats` (letters, arrows, Backspace; not modifiers). */
  pressed(event: KeyDown, text: string | null, repeats: boolean): void {
    this.stop();
    if (!repeats || this.rate <= 0) return;
    this.held = { code: event.code, event, text };
    this.timer = setTimeout(() => this.tick(), this.delay);
  }

  /** A key went up: stops its repeat. */
  released(code: string): void {
    if (this.held?.code === code) this.stop();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.held = null;
  }

  private tick(): void {
    const held = this.held;
    if (!held) return;
    const timestamp = this.now();
    this.emit({ ...held.event, repeat: true, timestamp });
    if (held.text) this.emit({ kind: 'text', text: held.text, timestamp });
    this.timer = setTimeout(() => this.tick(), 1000 / this.rate);
  }
}
