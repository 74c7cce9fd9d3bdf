/**
 * Velocity of a moving pointer, from the events' own timestamps.
 *
 * Frames are the wrong clock for this: a busy frame delivers a burst of moves at once, and an
 * idle one none, so distances over frame times jump about. The input device stamps each event
 * when it happened; the tracker fits a curve through those (time, position) samples instead:
 *
 *   1. Keep the last 20 samples.
 *   2. Walk back from the newest while samples are within 100 ms of it and no two neighbours
 *      are more than 40 ms apart (a pause that long means the finger stopped: what came
 *      before does not describe the release).
 *   3. Fit x(t) and y(t) by least squares, with t relative to the newest sample: a parabola
 *      a + b·t + c·t² when there are three samples or more, a line through two. The slope
 *      at t = 0, b, is the velocity at the newest sample.
 *   4. One sample (or none) means no movement: velocity 0.
 *
 * The result is in units per second, for positions in whatever unit the samples use.
 */

const HORIZON_MS = 100;
const MAX_GAP_MS = 40;
const MAX_SAMPLES = 20;

interface Sample { t: number; x: number; y: number }

/** Tracks one pointer's positions and estimates its velocity at the last sample. */
export class VelocityTracker {
  private samples: Sample[] = [];

  /** Adds a position at the event's timestamp (ms). */
  add(timestamp: number, x: number, y: number): void {
    this.samples.push({ t: timestamp, x, y });
    if (this.samples.length > MAX_SAMPLES) this.samples.shift();
  }

  reset(): void {
    this.samples = [];
  }

  /** Velocity at the newest sample, per second. */
  velocity(): { x: number; y: number } {
    const newest = this.samples[this.samples.length - 1];
    if (!newest) return { x: 0, y: 0 };
    const used: Sample[] = [newest];
    for (let i = this.samples.length - 2; i >= 0; i--) {
      const s = this.samples[i]!;
      if (newest.t - s.t > HORIZON_MS || used[used.length - 1]!.t - s.t > MAX_GAP_MS) break;
      used.push(s);
    }
    if (used.length < 2) return { x: 0, y: 0 };
    const ts = used.map((s) => s.t - newest.t);
    return { x: slopeAtZero(ts, used.map((s) => s.x)) * 1000, y: slopeAtZero(ts, used.map((s) => s.y)) * 1000 };
  }
}

/** The slope at t = 0 of the least-squares parabola (or line, for two distinct times) through the points. */
function slopeAtZero(ts: number[], vs: number[]): number {
  const distinct = new Set(ts).size;
  if (distinct < 2) return 0;
  if (distinct >= 3) {
    const fit = solve(normalEquations(ts, vs, 3));
    if (fit) return fit[1]!;
  }
  const line = solve(normalEquations(ts, vs, 2));
  return line ? line[1]! : 0;
}

/** The normal equations (Aᵀ A) c = Aᵀ v of a polynomial fit with `n` coefficients, as an augmented matrix. */
function normalEquations(ts: number[], vs: number[], n: number): number[][] {
  const rows: number[][] = [];
  for (let r = 0; r < n; r++) {
    const row: number[] = [];
    for (let c = 0; c < n; c++) row.push(ts.reduce((sum, t) => sum + t ** (r + c), 0));
    row.push(ts.reduce((sum, t, i) => sum + t ** r * vs[i]!, 0));
    rows.push(row);
  }
  return rows;
}

/** Gaussian elimination with partial pivoting; null when the system is singular. */
function solve(m: number[][]): number[] | null {
  const n = m.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) < 1e-9) return null;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const k = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= n; c++) m[r]![c]! -= k * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}
