/**
 * What every recogniser shares: the pointer samples it is fed, the host it runs in (clock,
 * slop, capture, how to call user code), and its membership in the arenas of the contacts it
 * follows. Recognisers are plain state machines: the hook feeds them samples, a test can too.
 */
import type { ArenaManager, ArenaMember, GestureArena } from './arena.js';

/** One pointer event as a recogniser sees it. */
export interface PointerSample {
  phase: 'down' | 'move' | 'up' | 'cancel';
  pointerId: number;
  pointerType: 'mouse' | 'touch';
  /** The device's timestamp, ms. */
  timestamp: number;
  /** Logical px with the output's rotation undone, up to a constant offset: for distances, deltas and velocities. */
  x: number;
  y: number;
  /** In the recogniser's node (its border box's top-left is 0, 0): positions reported to handlers. */
  localX: number;
  localY: number;
}

/** What a recogniser needs from where it runs. */
export interface RecognizerHost {
  readonly arenas: ArenaManager;
  now(): number;
  setTimer(ms: number, fn: () => void): () => void;
  /** Distance (logical px) a pointer must move before it counts as a drag. */
  slop(): number;
  /** Takes the pointer for the recogniser's node: ordinary handlers below it get pointercancel. */
  capture(pointerId: number): void;
  /** Runs a user handler (errors go to the node's error boundary, never out of the recogniser). */
  call(fn: () => void): void;
}

/** A recogniser: fed the pointer samples that reach its node, it competes in each contact's arena. */
export abstract class Recognizer implements ArenaMember {
  /** Arenas this recogniser is a member of, by pointer. */
  protected arenas = new Map<number, GestureArena>();

  constructor(protected readonly host: RecognizerHost) {}

  /** Feeds one sample; a down joins its contact's arena first. */
  handle(sample: PointerSample): void {
    if (sample.phase === 'down') {
      if (!this.wants(sample)) return;
      const arena = this.host.arenas.arenaFor(sample.pointerId, sample.timestamp);
      this.arenas.set(sample.pointerId, arena);
      arena.add(this);
    } else if (!this.arenas.has(sample.pointerId)) return;
    this.onSample(sample);
    if (sample.phase === 'up' || sample.phase === 'cancel') {
      // The deepest member to see the up starts the sweep, which waits until every node has seen it.
      this.arenas.get(sample.pointerId)?.pointerEnded();
      this.arenas.delete(sample.pointerId);
    }
  }

  /** Whether to follow a new contact (default: yes). */
  protected wants(_sample: PointerSample): boolean {
    return true;
  }

  protected abstract onSample(sample: PointerSample): void;

  abstract acceptGesture(arena: GestureArena): void;
  abstract rejectGesture(arena: GestureArena): void;

  /** Stops timers and leaves every arena (the node unmounted). */
  dispose(): void {
    for (const arena of this.arenas.values()) arena.reject(this);
    this.arenas.clear();
  }
}

/** The distance between two points. */
export function distance(ax: number, ay: number, bx: number, by: number): number {
  return Math.hypot(bx - ax, by - ay);
}
