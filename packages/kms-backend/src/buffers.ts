/**
 * The display's buffers: dumb buffers the toolkit draws into (`DumbDisplayBuffer`) and
 * imported frames (`ImportedDisplayBuffer`). `busy` is true while a committed or pending state
 * shows the buffer; the display counts that in `BufferUse`.
 */
import { packRects, swapsRB, type DamageRect, type DisplayBuffer, type FrameFormat, type PixelFormat } from '@planar/toolkit/backend';
import type { VideoColor } from './formats.js';
import type { NativeDumbBuffer, NativeImportedBuffer } from './native.js';

/**
 * How many states (the shown one, the pending one) hold each framebuffer, and the toolkit's id
 * of each live buffer, for `release` events (an entry goes when its buffer is destroyed).
 */
export class BufferUse {
  private readonly counts = new Map<number, number>();
  private readonly ids = new Map<number, number>();
  register(buffer: ScanoutBuffer): void {
    this.ids.set(buffer.fbId, buffer.id);
  }
  readonly forget = (buffer: ScanoutBuffer): void => {
    this.ids.delete(buffer.fbId);
  };
  /** Buffers registered and not destroyed yet. */
  get live(): number {
    return this.ids.size;
  }
  /** Drops one hold on each framebuffer; returns the toolkit ids of the live buffers nothing holds now. */
  dropAll(fbIds: readonly number[]): number[] {
    const free: number[] = [];
    for (const fbId of fbIds) {
      const id = this.ids.get(fbId);
      if (this.drop(fbId) && id !== undefined) free.push(id);
    }
    return free;
  }
  hold(fbId: number): void {
    this.counts.set(fbId, (this.counts.get(fbId) ?? 0) + 1);
  }
  /** Returns true when nothing holds the framebuffer any more. */
  drop(fbId: number): boolean {
    const n = (this.counts.get(fbId) ?? 0) - 1;
    if (n > 0) {
      this.counts.set(fbId, n);
      return false;
    }
    this.counts.delete(fbId);
    return true;
  }
  busy(fbId: number): boolean {
    return this.counts.has(fbId);
  }
}

let nextId = 1;

export interface ScanoutBuffer extends DisplayBuffer {
  readonly fbId: number;
}

export class DumbDisplayBuffer implements ScanoutBuffer {
  readonly id = nextId++;
  private destroyed = false;
  constructor(readonly native: NativeDumbBuffer, readonly format: PixelFormat, private readonly use: BufferUse, private readonly onDestroy: (b: DumbDisplayBuffer) => void) {}
  get fbId() { return this.native.fbId; }
  get width() { return this.native.width; }
  get height() { return this.native.height; }
  get stride() { return this.native.stride; }
  get busy() { return this.use.busy(this.native.fbId); }
  write(source: Uint8Array, sourceStride: number, rects: readonly DamageRect[]): number {
    return this.native.write(source, sourceStride, packRects(rects), swapsRB(this.format));
  }
  /** Copies a whole frame that is already in this buffer's format (an external pixel frame): no byte is reordered. */
  copyFrame(source: Uint8Array, sourceStride: number): number {
    return this.native.write(source, sourceStride, packRects([{ x: 0, y: 0, width: this.width, height: this.height }]), false);
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.native.destroy();
    this.onDestroy(this);
  }
}

/**
 * An external DMA-BUF frame as a framebuffer. `color` is how a video frame's YCbCr maps to RGB
 * (the frame's, or the default for its size), which the plane showing it is told; null for RGB.
 */
export class ImportedDisplayBuffer implements ScanoutBuffer {
  readonly id = nextId++;
  readonly stride: number;
  private destroyed = false;
  constructor(
    readonly native: NativeImportedBuffer, readonly format: FrameFormat, readonly color: VideoColor | null, readonly width: number, readonly height: number,
    stride: number, readonly modifier: bigint, private readonly use: BufferUse, private readonly onDestroy: (b: ImportedDisplayBuffer) => void,
  ) {
    this.stride = stride;
  }
  get fbId() { return this.native.fbId; }
  get busy() { return this.use.busy(this.native.fbId); }
  write(): number {
    throw new Error('an imported DMA-BUF frame belongs to its producer: it cannot be written');
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.native.destroy();
    this.onDestroy(this);
  }
}
