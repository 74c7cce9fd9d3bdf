/**
 * Planar's clock: timers and animations run on it, never on Node's globals directly, so a
 * test can drive time (`screen.advance(ms)`) and get the same frames on every run.
 */
export interface Clock {
  now(): number;
  setTimer(ms: number, fn: () => void): () => void;
}

/** Wall-clock time (performance.now) and real timers. */
export class RealClock implements Clock {
  now(): number {
    return performance.now();
  }
  setTimer(ms: number, fn: () => void): () => void {
    const t = setTimeout(fn, Math.max(0, ms));
    return () => clearTimeout(t);
  }
}

interface Timer { at: number; seq: number; fn: () => void }

/** Time that moves only when told to; timers fire in order of due time, then of creation. */
export class VirtualClock implements Clock {
  private time = 0;
  private seq = 0;
  private timers: Timer[] = [];

  now(): number {
    return this.time;
  }

  setTimer(ms: number, fn: () => void): () => void {
    const timer = { at: this.time + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    this.advanceTo(this.time + ms);
  }

  /** Moves time forward to `end` exactly, firing every timer that falls due on the way. */
  advanceTo(end: number): void {
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = Math.max(this.time, due.at);
      due.fn();
    }
    this.time = end;
  }
}
