/**
 * A frame source for Scroller tests without an app: frames run when the test says, at the
 * times it says, so a motion can be stepped at 30, 60 or 144 Hz or at uneven times.
 */
import type { FrameSource } from '../../src/scroll/index.js';

export class TestFrames {
  private waitingCallbacks: ((time: number) => void)[] = [];
  /** How many frames were asked for, in all. */
  requests = 0;
  /** The time of the last frame run, ms. */
  time = 0;

  readonly source: FrameSource = (cb) => {
    this.waitingCallbacks.push(cb);
    this.requests++;
    return () => {
      this.waitingCallbacks = this.waitingCallbacks.filter((c) => c !== cb);
    };
  };

  /** Whether something asked for a frame that has not run yet. */
  get waiting(): boolean {
    return this.waitingCallbacks.length > 0;
  }

  /** Runs one frame at `time`. */
  frame(time: number): void {
    this.time = time;
    const callbacks = this.waitingCallbacks;
    this.waitingCallbacks = [];
    for (const cb of callbacks) cb(time);
  }

  /** Runs frames `gap()` ms apart until nobody asks for one (at most `limit` frames); returns how many ran. */
  runUntilIdle(gap: number | (() => number) = 1000 / 60, limit = 5000): number {
    let n = 0;
    while (this.waiting) {
      if (++n > limit) throw new Error(`still asking for frames after ${limit} frames`);
      this.frame(this.time + (typeof gap === 'number' ? gap : gap()));
    }
    return n;
  }

  /** Runs frames `gap` ms apart until `time` (the last one exactly at `time`), or until idle. */
  runUntil(time: number, gap = 1000 / 60): void {
    while (this.waiting && this.time < time) this.frame(Math.min(time, this.time + gap));
  }
}

/** A repeatable sequence of numbers in [lo, hi) (a linear congruential generator). */
export function uneven(seed: number, lo: number, hi: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return lo + ((hi - lo) * s) / 2 ** 32;
  };
}
