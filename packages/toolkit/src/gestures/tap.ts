/**
 * Tap and double tap.
 *
 * A tap is a down and an up of one pointer that never moved past slop. It does not accept
 * on its own: at the up it stays in the arena and wins the sweep, unless something else
 * (a pan, a long press, a double tap) won first.
 *
 * A double tap follows two contacts. After the first up it holds the first arena, so a tap
 * competing with it waits; a second down within the timeout and near the first joins the
 * second contact's arena, and its up accepts both arenas — the tap loses both. When the
 * timeout passes with no second down, the double tap lets go and the held tap wins then.
 */
import type { GestureArena } from './arena.js';
import { Recognizer, distance, type PointerSample, type RecognizerHost } from './recognizer.js';

/** Where a tap (or the second tap of a double tap) ended. */
export interface TapEvent {
  /** In the node's coordinates. */
  readonly x: number;
  readonly y: number;
  readonly pointerType: 'mouse' | 'touch';
  readonly timestamp: number;
}

export interface TapHandlers {
  onTap?: (e: TapEvent) => void;
  /** A tap that had begun lost: the pointer moved away, or another gesture won. */
  onTapCancel?: () => void;
}

export class TapRecognizer extends Recognizer {
  private down: PointerSample | null = null;
  private up: PointerSample | null = null;

  constructor(host: RecognizerHost, private readonly handlers: TapHandlers) {
    super(host);
  }

  protected override wants(): boolean {
    return this.down === null;
  }

  protected onSample(s: PointerSample): void {
    if (!this.down || s.pointerId !== this.down.pointerId) {
      if (s.phase === 'down') this.down = s;
      return;
    }
    const arena = this.arenas.get(s.pointerId)!;
    if (s.phase === 'move' && distance(this.down.x, this.down.y, s.x, s.y) > this.host.slop()) arena.reject(this);
    else if (s.phase === 'up') this.up = s;
    else if (s.phase === 'cancel') arena.reject(this);
  }

  acceptGesture(_arena: GestureArena): void {
    const up = this.up;
    this.reset();
    const onTap = this.handlers.onTap;
    if (up && onTap) this.host.call(() => onTap({ x: up.localX, y: up.localY, pointerType: up.pointerType, timestamp: up.timestamp }));
  }

  rejectGesture(_arena: GestureArena): void {
    const began = this.down !== null;
    this.reset();
    const onTapCancel = this.handlers.onTapCancel;
    if (began && onTapCancel) this.host.call(onTapCancel);
  }

  private reset(): void {
    this.down = null;
    this.up = null;
  }
}

/** How far apart (logical px) the two taps of a double tap may land. */
const DOUBLE_TAP_SLOP_PX = 100;

export class DoubleTapRecognizer extends Recognizer {
  /** The first contact: its down, its arena (held after its up), and its up when it came. */
  private first: { down: PointerSample; arena: GestureArena; up: boolean } | null = null;
  private second: { down: PointerSample; arena: GestureArena } | null = null;
  private stopTimer = () => {};

  constructor(host: RecognizerHost, private readonly onDoubleTap: (e: TapEvent) => void, private readonly timeoutMs: number) {
    super(host);
  }

  protected override wants(s: PointerSample): boolean {
    if (!this.first) return true;
    if (this.second || !this.first.up) return false;
    if (distance(this.first.down.x, this.first.down.y, s.x, s.y) > DOUBLE_TAP_SLOP_PX) {
      // Too far from the first tap to be its second: start over with this one as a first.
      this.giveUp();
      return true;
    }
    return true;
  }

  protected onSample(s: PointerSample): void {
    const arena = this.arenas.get(s.pointerId)!;
    if (s.phase === 'down') {
      if (!this.first) this.first = { down: s, arena, up: false };
      else {
        this.stopTimer();
        this.second = { down: s, arena };
      }
      return;
    }
    const current = this.second && this.second.arena === arena ? this.second : this.first?.arena === arena ? this.first : null;
    if (!current) return;
    if (s.phase === 'cancel' || (s.phase === 'move' && distance(current.down.x, current.down.y, s.x, s.y) > this.host.slop())) {
      this.giveUp();
    } else if (s.phase === 'up' && current === this.first) {
      this.first.up = true;
      arena.hold();
      this.stopTimer = this.host.setTimer(this.timeoutMs, () => this.giveUp());
    } else if (s.phase === 'up' && this.second) {
      const first = this.first!.arena, second = this.second.arena;
      first.accept(this);
      second.accept(this);
      if (first.winner === this && second.winner === this) {
        this.reset();
        this.host.call(() => this.onDoubleTap({ x: s.localX, y: s.localY, pointerType: s.pointerType, timestamp: s.timestamp }));
      } else this.giveUp();
    }
  }

  acceptGesture(_arena: GestureArena): void {}

  rejectGesture(arena: GestureArena): void {
    if (this.first?.arena === arena || this.second?.arena === arena) this.giveUp();
  }

  /** Leaves both contacts' arenas (letting a held tap win) and waits for a new first tap. */
  private giveUp(): void {
    const { first, second } = this;
    this.reset();
    // Leave before letting go: a release sweeps, and this recogniser must not win that sweep.
    first?.arena.reject(this);
    second?.arena.reject(this);
    first?.arena.release();
  }

  private reset(): void {
    this.stopTimer();
    this.stopTimer = () => {};
    this.first = null;
    this.second = null;
  }

  override dispose(): void {
    this.giveUp();
    super.dispose();
  }
}
