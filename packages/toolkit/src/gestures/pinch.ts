/**
 * Pinch and rotate, from two touches.
 *
 * The first two pointers that go down on the node are followed, each in its own contact's
 * arena. When the second lands, the line between them is the baseline: its length (span),
 * its angle and its midpoint (the focal point). The gesture starts, accepting both arenas and
 * taking both pointers, once the span has changed by more than slop, the focal point has moved
 * more than slop, or the ends have turned by more than slop along the circle. From then on:
 *
 *   scale    = span / baseline span
 *   rotation = angle − baseline angle, radians, clockwise positive (y points down), in (−π, π]
 *   focal    = midpoint of the two touches, in the node's coordinates
 *
 * The first of the two pointers to go up ends it.
 */
import type { GestureArena } from './arena.js';
import { Recognizer, type PointerSample, type RecognizerHost } from './recognizer.js';

export interface PinchEvent {
  /** Span between the touches over the span when the second landed. */
  readonly scale: number;
  /** Turn since the second touch landed, radians, clockwise positive. */
  readonly rotation: number;
  /** Midpoint of the touches, in the node's coordinates. */
  readonly focalX: number;
  readonly focalY: number;
}

export interface PinchHandlers {
  start?: (e: PinchEvent) => void;
  update?: (e: PinchEvent) => void;
  end?: (e: PinchEvent) => void;
}

interface Touch { arena: GestureArena; at: PointerSample }
interface Shape { span: number; angle: number; x: number; y: number; localX: number; localY: number }

function shapeOf(a: PointerSample, b: PointerSample): Shape {
  return {
    span: Math.hypot(b.x - a.x, b.y - a.y), angle: Math.atan2(b.y - a.y, b.x - a.x),
    x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, localX: (a.localX + b.localX) / 2, localY: (a.localY + b.localY) / 2,
  };
}

/** An angle difference folded into (−π, π]. */
function turn(radians: number): number {
  let r = radians % (2 * Math.PI);
  if (r <= -Math.PI) r += 2 * Math.PI;
  if (r > Math.PI) r -= 2 * Math.PI;
  return r;
}

export class PinchRecognizer extends Recognizer {
  private touches = new Map<number, Touch>();
  private baseline: Shape | null = null;
  private started = false;
  private last: PinchEvent | null = null;

  constructor(host: RecognizerHost, private readonly handlers: PinchHandlers) {
    super(host);
  }

  protected override wants(): boolean {
    return this.touches.size < 2;
  }

  protected onSample(s: PointerSample): void {
    if (s.phase === 'down') {
      this.touches.set(s.pointerId, { arena: this.arenas.get(s.pointerId)!, at: s });
      if (this.touches.size === 2) this.baseline = this.shape();
      return;
    }
    const touch = this.touches.get(s.pointerId);
    if (!touch) return;
    touch.at = s;
    if (s.phase === 'move') {
      if (this.started) this.update();
      else if (this.baseline && this.pastSlop()) this.begin();
    } else if (this.started) this.end();
    else touch.arena.reject(this);
  }

  private shape(): Shape {
    const [a, b] = [...this.touches.values()];
    return shapeOf(a!.at, b!.at);
  }

  private event(): PinchEvent {
    const now = this.shape(), base = this.baseline!;
    return { scale: base.span > 0 ? now.span / base.span : 1, rotation: turn(now.angle - base.angle), focalX: now.localX, focalY: now.localY };
  }

  private pastSlop(): boolean {
    const now = this.shape(), base = this.baseline!, slop = this.host.slop();
    return Math.abs(now.span - base.span) > slop
      || Math.hypot(now.x - base.x, now.y - base.y) > slop
      || Math.abs(turn(now.angle - base.angle)) * now.span / 2 > slop;
  }

  private begin(): void {
    for (const { arena } of [...this.touches.values()]) arena.accept(this);
    const touches = [...this.touches.values()];
    if (touches.length < 2 || !touches.every((t) => t.arena.winner === this)) return;
    this.started = true;
    for (const id of this.touches.keys()) this.host.capture(id);
    const event = (this.last = this.event());
    const start = this.handlers.start;
    if (start) this.host.call(() => start(event));
  }

  private update(): void {
    const event = (this.last = this.event());
    const update = this.handlers.update;
    if (update) this.host.call(() => update(event));
  }

  private end(): void {
    const event = this.last!;
    this.reset();
    const end = this.handlers.end;
    if (end) this.host.call(() => end(event));
  }

  acceptGesture(_arena: GestureArena): void {}

  rejectGesture(arena: GestureArena): void {
    if (this.started) return;
    // Losing either touch loses the pinch: leave the other contact too.
    const others = [...this.touches.values()].filter((t) => t.arena !== arena);
    this.reset();
    for (const t of others) t.arena.reject(this);
  }

  private reset(): void {
    this.touches.clear();
    this.baseline = null;
    this.started = false;
    this.last = null;
  }
}
