/**
 * Long press, with repeat for +/- buttons.
 *
 * A pointer held within slop for `delay` ms: the recogniser accepts on its timer, takes the
 * pointer (a press below it is cancelled) and calls the handler with `count: 1`. With
 * `repeat: { delay, interval }` it behaves like a held key: the first call comes `delay` ms
 * after the down (replacing the long-press delay), then one every `interval` ms, counting up,
 * until the pointer goes up. Moving past slop or lifting before the delay rejects it.
 */
import type { GestureArena } from './arena.js';
import { Recognizer, distance, type PointerSample, type RecognizerHost } from './recognizer.js';

export interface LongPressEvent {
  /** Where the pointer went down, in the node's coordinates. */
  readonly x: number;
  readonly y: number;
  /** 1 for the long press itself, then 2, 3 … for each repeat. */
  readonly count: number;
}

export interface LongPressOptions {
  /** How long the pointer must be held, ms (default 500). */
  delay?: number;
  /** Repeats while held, like a key: the first call after `delay` ms, then every `interval` ms. */
  repeat?: { delay: number; interval: number };
}

export interface LongPressHandlers {
  onLongPress: (e: LongPressEvent) => void;
  /** The pointer went up (or was cancelled) after a long press. */
  onLongPressEnd?: (e: LongPressEvent) => void;
}

export class LongPressRecognizer extends Recognizer {
  private down: PointerSample | null = null;
  private count = 0;
  private stopTimer = () => {};

  constructor(host: RecognizerHost, private readonly handlers: LongPressHandlers, private readonly options: Required<Pick<LongPressOptions, 'delay'>> & LongPressOptions) {
    super(host);
  }

  protected override wants(): boolean {
    return this.down === null;
  }

  protected onSample(s: PointerSample): void {
    if (!this.down) {
      if (s.phase !== 'down') return;
      this.down = s;
      const arena = this.arenas.get(s.pointerId)!;
      this.stopTimer = this.host.setTimer(this.options.repeat?.delay ?? this.options.delay, () => arena.accept(this));
      return;
    }
    if (s.pointerId !== this.down.pointerId) return;
    const arena = this.arenas.get(s.pointerId)!;
    const won = arena.winner === this;
    if (s.phase === 'move' && !won && distance(this.down.x, this.down.y, s.x, s.y) > this.host.slop()) arena.reject(this);
    else if ((s.phase === 'up' || s.phase === 'cancel') && !won) arena.reject(this);
    else if (s.phase === 'up' || s.phase === 'cancel') this.end();
  }

  acceptGesture(_arena: GestureArena): void {
    const down = this.down;
    if (!down) return;
    this.host.capture(down.pointerId);
    this.fire();
    const repeat = this.options.repeat;
    if (repeat) {
      const again = () => {
        this.stopTimer = this.host.setTimer(Math.max(1, repeat.interval), () => {
          again();
          this.fire();
        });
      };
      again();
    }
  }

  rejectGesture(_arena: GestureArena): void {
    this.stopTimer();
    this.down = null;
    this.count = 0;
  }

  private fire(): void {
    const down = this.down!;
    const event = { x: down.localX, y: down.localY, count: ++this.count };
    this.host.call(() => this.handlers.onLongPress(event));
  }

  private end(): void {
    const down = this.down!;
    const event = { x: down.localX, y: down.localY, count: this.count };
    this.stopTimer();
    this.down = null;
    this.count = 0;
    const onEnd = this.handlers.onLongPressEnd;
    if (onEnd) this.host.call(() => onEnd(event));
  }

  override dispose(): void {
    this.stopTimer();
    super.dispose();
  }
}
