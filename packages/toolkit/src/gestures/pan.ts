/**
 * Pan and swipe.
 *
 * One pointer that moves past slop (along `axis` only, when one is given, so that a
 * horizontal slider lets a vertical scroll through) accepts its arena, takes the pointer and
 * starts the pan; every move after that is an update, and the up ends it with the velocity
 * of the release, fitted from the events' own timestamps (see velocity.ts). A release faster
 * than `minSwipeVelocity` is also a swipe, in the direction of its larger component.
 */
import type { GestureArena } from './arena.js';
import { Recognizer, type PointerSample, type RecognizerHost } from './recognizer.js';
import { VelocityTracker } from './velocity.js';

export interface PanEvent {
  /** Where the pointer is, in the node's coordinates. */
  readonly x: number;
  readonly y: number;
  /** Movement since the previous event of this pan, logical px. */
  readonly dx: number;
  readonly dy: number;
  /** Movement since the pointer went down, logical px. */
  readonly offsetX: number;
  readonly offsetY: number;
}

export interface PanEndEvent extends PanEvent {
  /** Velocity at release, logical px per second. */
  readonly velocityX: number;
  readonly velocityY: number;
}

export interface SwipeEvent {
  readonly direction: 'left' | 'right' | 'up' | 'down';
  /** Velocity at release, logical px per second. */
  readonly velocityX: number;
  readonly velocityY: number;
  /** Where the pointer was released, in the node's coordinates. */
  readonly x: number;
  readonly y: number;
}

export interface PanHandlers {
  /** The pointer moved past slop and this pan won it. */
  start?: (e: PanEvent) => void;
  update?: (e: PanEvent) => void;
  end?: (e: PanEndEvent) => void;
  /** The pointer was cancelled mid-pan. */
  cancel?: () => void;
  /** Only movement along this axis counts towards slop (a horizontal slider: 'x'). */
  axis?: 'x' | 'y';
}

/** The fastest release velocity reported, logical px/s (faster is clamped). */
const MAX_VELOCITY = 8000;

export class PanRecognizer extends Recognizer {
  private down: PointerSample | null = null;
  private last: PointerSample | null = null;
  private started = false;
  private readonly tracker = new VelocityTracker();

  constructor(
    host: RecognizerHost, private readonly handlers: PanHandlers,
    private readonly onSwipe: ((e: SwipeEvent) => void) | undefined, private readonly minSwipeVelocity: number,
  ) {
    super(host);
  }

  protected override wants(): boolean {
    return this.down === null;
  }

  protected onSample(s: PointerSample): void {
    if (!this.down) {
      if (s.phase !== 'down') return;
      this.down = this.last = s;
      this.tracker.reset();
      this.tracker.add(s.timestamp, s.x, s.y);
      return;
    }
    if (s.pointerId !== this.down.pointerId) return;
    const arena = this.arenas.get(s.pointerId)!;
    if (s.phase === 'cancel') {
      if (this.started && this.handlers.cancel) this.host.call(this.handlers.cancel);
      if (this.started) this.reset();
      else arena.reject(this);
      return;
    }
    this.tracker.add(s.timestamp, s.x, s.y);
    if (s.phase === 'move') {
      if (this.started) this.update(s);
      else if (this.pastSlop(s)) {
        this.last = s;
        arena.accept(this);
      }
    } else if (this.started) this.end(s);
    else arena.reject(this);
  }

  private pastSlop(s: PointerSample): boolean {
    const dx = s.x - this.down!.x, dy = s.y - this.down!.y;
    const moved = this.handlers.axis === 'x' ? Math.abs(dx) : this.handlers.axis === 'y' ? Math.abs(dy) : Math.hypot(dx, dy);
    return moved > this.host.slop();
  }

  private event(s: PointerSample): PanEvent {
    const down = this.down!, last = this.last!;
    return { x: s.localX, y: s.localY, dx: s.x - last.x, dy: s.y - last.y, offsetX: s.x - down.x, offsetY: s.y - down.y };
  }

  acceptGesture(_arena: GestureArena): void {
    if (!this.down || this.started) return;
    this.started = true;
    this.host.capture(this.down.pointerId);
    const s = this.last!;
    const start = this.handlers.start;
    // The start carries the whole movement past slop, so offsets add up from the down.
    const event = { ...this.event(s), dx: s.x - this.down.x, dy: s.y - this.down.y };
    if (start) this.host.call(() => start(event));
  }

  private update(s: PointerSample): void {
    const event = this.event(s);
    this.last = s;
    const update = this.handlers.update;
    if (update) this.host.call(() => update(event));
  }

  private end(s: PointerSample): void {
    const clamp = (v: number) => Math.max(-MAX_VELOCITY, Math.min(MAX_VELOCITY, v));
    const v = this.tracker.velocity();
    const event = { ...this.event(s), velocityX: clamp(v.x), velocityY: clamp(v.y) };
    this.reset();
    const end = this.handlers.end, onSwipe = this.onSwipe;
    if (end) this.host.call(() => end(event));
    if (onSwipe && Math.hypot(event.velocityX, event.velocityY) >= this.minSwipeVelocity) {
      const horizontal = Math.abs(event.velocityX) >= Math.abs(event.velocityY);
      const direction = horizontal ? (event.velocityX < 0 ? 'left' : 'right') : (event.velocityY < 0 ? 'up' : 'down');
      const swipe = { direction, velocityX: event.velocityX, velocityY: event.velocityY, x: event.x, y: event.y } as const;
      this.host.call(() => onSwipe(swipe));
    }
  }

  rejectGesture(_arena: GestureArena): void {
    this.reset();
  }

  private reset(): void {
    this.down = this.last = null;
    this.started = false;
  }
}
