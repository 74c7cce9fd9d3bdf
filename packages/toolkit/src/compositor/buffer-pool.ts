/**
 * Buffer ages.
 *
 * A layer shows one of (at least) three display buffers, and the display may hold two of them
 * while the third is drawn. A buffer that was last written N frames ago is missing the damage
 * of those N frames; copying just that union, instead of the whole layer, is what makes a
 * one-label frame cheap. So each buffer keeps the damage it has missed:
 *
 *   frame:      1     2     3     4
 *   damage:     A     B     C     D
 *   buffer 0:  [w]    +B    +C    [w: copy B∪C∪D]     (written in frames 1 and 4)
 *   buffer 1:   +A   [w]    +C    +D
 *   buffer 2:   +A    +B   [w]    +D
 *
 * A buffer never written, or whose missed damage grew past a limit, is copied whole. Buffers
 * are allocated on demand, up to three. When every buffer is busy, `acquire` returns null:
 * the frame is skipped and retried when one is released, never blocked on.
 */
import type { DamageRect, Display, DisplayBuffer, PixelFormat } from '../backend/contract.js';

const MAX_RECTS = 32;

interface Slot { buffer: DisplayBuffer; missed: DamageRect[] | 'all' }

export class BufferPool {
  private slots: Slot[] = [];
  /** The buffer last handed out: what the display shows (or is about to). */
  current: DisplayBuffer | null = null;

  /** Buffers are allocated as needed, up to `count`: a display that releases quickly needs fewer. */
  constructor(private readonly display: Display, readonly width: number, readonly height: number, readonly format: PixelFormat, private readonly count = 3) {}

  /** Bytes of the display buffers allocated so far. */
  get bytes(): number {
    return this.slots.reduce((n, s) => n + s.buffer.stride * s.buffer.height, 0);
  }

  /** Each buffer: whether the display holds it, and how many damage rects it has missed ('all': copied whole next time). */
  ages(): { busy: boolean; missed: number | 'all' }[] {
    return this.slots.map((s) => ({ busy: s.buffer.busy, missed: s.missed === 'all' ? 'all' : s.missed.length }));
  }

  /** Whether `acquire` would find a buffer now. */
  hasFree(): boolean {
    return this.slots.length < this.count || this.slots.some((s) => !s.buffer.busy);
  }

  /** A free buffer and what must be copied into it for this frame's `damage`, or null when all are busy. */
  acquire(damage: readonly DamageRect[]): { buffer: DisplayBuffer; copy: DamageRect[]; age: number } | null {
    let slot = this.slots.find((s) => !s.buffer.busy);
    if (!slot && this.slots.length < this.count) {
      slot = { buffer: this.display.allocate(this.width, this.height, this.format), missed: 'all' };
      this.slots.push(slot);
    }
    if (!slot) return null;
    for (const s of this.slots) {
      if (s === slot || s.missed === 'all') continue;
      s.missed.push(...damage);
      if (s.missed.length > MAX_RECTS) s.missed = 'all';
    }
    const missed = slot.missed;
    slot.missed = [];
    this.current = slot.buffer;
    const full = [{ x: 0, y: 0, width: this.width, height: this.height }];
    const copy = missed === 'all' ? full : [...missed, ...damage];
    return { buffer: slot.buffer, copy, age: missed === 'all' ? 0 : missed.length };
  }

  /** Damage that a skipped frame's buffer missed: every buffer must copy it later. */
  remember(damage: readonly DamageRect[]): void {
    for (const s of this.slots) {
      if (s.missed === 'all') continue;
      s.missed.push(...damage);
      if (s.missed.length > MAX_RECTS) s.missed = 'all';
    }
  }

  /** Hands every buffer to `keep` (to destroy once the display lets go of it) and empties the pool. */
  retire(keep: (buffer: DisplayBuffer) => void): void {
    for (const s of this.slots) keep(s.buffer);
    this.slots = [];
    this.current = null;
  }

  dispose(): void {
    this.retire((b) => b.destroy());
  }
}
