/**
 * The headless backend: the backend contract in memory. Buffers are plain arrays; `commit`
 * shows them (holding each until the next commit replaces it) and presents either on a 60 Hz
 * timer (a stand-in for vblank) or at once when a test drives the clock; `capture` composes
 * the shown layers into an image. Input is injected with `inject()`.
 */
import mitt from 'mitt';
import type {
  Backend, DamageRect, Display, DisplayBuffer, DisplayEvents, DisplayState, OpenOptions,
  OutputInfo, PixelFormat, PlaneInfo, Presented, TestResult,
} from './contract.js';
import type { InputEvent } from '../input/events.js';
import { copyRects } from './pixels.js';

let nextBufferId = 1;

class MemoryBuffer implements DisplayBuffer {
  readonly id = nextBufferId++;
  readonly stride: number;
  pixels: Uint8Array;
  busy = false;

  constructor(readonly width: number, readonly height: number, readonly format: PixelFormat) {
    this.stride = width * 4;
    this.pixels = new Uint8Array(this.stride * height);
  }

  write(source: Uint8Array, sourceStride: number, rects: readonly DamageRect[]): number {
    return copyRects(source, sourceStride, this.pixels, this.stride, rects, this.format);
  }

  destroy(): void {
    this.pixels = new Uint8Array(0);
  }
}

export interface HeadlessOptions extends OpenOptions {
  /** 'timer' presents at 60 Hz; 'immediate' presents at once (the testing clock drives frames). */
  pacing?: 'timer' | 'immediate';
}

export class HeadlessDisplay implements Display {
  readonly info: OutputInfo;
  readonly planes: PlaneInfo[];
  private readonly emitter = mitt<DisplayEvents>();
  private shown = new Map<number, MemoryBuffer>();
  /** The last capture, until the next commit changes what is shown. */
  private captured: { width: number; height: number; pixels: Uint8Array } | null = null;
  private lastPresent = 0;
  private closed = false;

  constructor(private readonly options: HeadlessOptions) {
    const scale = options.scale ?? 1;
    const width = Math.round((options.width ?? 800) * scale);
    const height = Math.round((options.height ?? 480) * scale);
    this.info = {
      name: 'HEADLESS-1', width, height, refreshMhz: 60000, physicalWidthMm: 0, physicalHeightMm: 0,
      scale, preferredFormat: 'ABGR8888',
    };
    this.planes = [{
      id: 1, type: 'primary', formats: ['ABGR8888', 'XBGR8888', 'ARGB8888', 'XRGB8888'],
      zpos: null, alpha: true, scaling: false, maxWidth: 16384, maxHeight: 16384, mustCoverOutput: true,
    }];
  }

  allocate(width: number, height: number, format: PixelFormat): DisplayBuffer {
    return new MemoryBuffer(width, height, format);
  }

  test(state: DisplayState): TestResult {
    // One primary plane: the bottom layer, if it covers the output, goes on it.
    const bottom = [...state.layers].sort((a, b) => a.zIndex - b.zIndex)[0];
    const covers = bottom && bottom.x === 0 && bottom.y === 0 && bottom.buffer.width === this.info.width && bottom.buffer.height === this.info.height;
    return { onPlanes: covers ? [bottom.id] : [] };
  }

  async commit(state: DisplayState): Promise<Presented> {
    if (this.closed) throw new Error('the headless display is closed');
    this.captured = null;
    const layers = [...state.layers].sort((a, b) => a.zIndex - b.zIndex);
    for (const layer of layers) {
      const buffer = layer.buffer as MemoryBuffer;
      const previous = this.shown.get(layer.id);
      if (previous && previous !== buffer) previous.busy = false;
      buffer.busy = true;
      this.shown.set(layer.id, buffer);
    }
    if (this.options.pacing === 'immediate') return { presentedAt: performance.now() };
    const interval = 1e6 / this.info.refreshMhz;
    const now = performance.now();
    const at = Math.max(now, this.lastPresent + interval);
    this.lastPresent = at;
    await new Promise((r) => setTimeout(r, at - now));
    return { presentedAt: performance.now() };
  }

  async capture(): Promise<{ width: number; height: number; pixels: Uint8Array }> {
    return this.captureSync();
  }

  /** The composed output now, as straight-alpha RGBA: composed when asked, not every frame. */
  captureSync(): { width: number; height: number; pixels: Uint8Array } {
    if (this.captured) return this.captured;
    const { width, height } = this.info;
    const out = new Uint8Array(width * height * 4);
    const bottom = [...this.shown.entries()].sort(([a], [b]) => a - b)[0]?.[1];
    if (bottom) copyRects(bottom.pixels, bottom.stride, out, width * 4, [{ x: 0, y: 0, width: Math.min(width, bottom.width), height: Math.min(height, bottom.height) }], 'ABGR8888');
    this.captured = { width, height, pixels: unpremultiply(out) };
    return this.captured;
  }

  /** Ends the display as if it had gone away (a compositor quitting, a device unplugged). */
  disconnect(reason: string): void {
    this.emitter.emit('close', { reason });
  }

  /** Delivers an input event as if a device had produced it. */
  inject(event: InputEvent): void {
    this.emitter.emit('input', event);
  }

  on<K extends keyof DisplayEvents>(event: K, cb: (e: DisplayEvents[K]) => void): () => void {
    this.emitter.on(event, cb);
    return () => this.emitter.off(event, cb);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.emitter.all.clear();
    for (const b of this.shown.values()) b.busy = false;
    this.shown.clear();
  }
}

/** Converts premultiplied RGBA to straight alpha, in place. */
export function unpremultiply(px: Uint8Array): Uint8Array {
  for (let i = 0; i < px.length; i += 4) {
    const a = px[i + 3]!;
    if (a === 255 || a === 0) continue;
    px[i] = Math.min(255, Math.round((px[i]! * 255) / a));
    px[i + 1] = Math.min(255, Math.round((px[i + 1]! * 255) / a));
    px[i + 2] = Math.min(255, Math.round((px[i + 2]! * 255) / a));
  }
  return px;
}

export const headless: Backend & { open(o: HeadlessOptions): Promise<HeadlessDisplay> } = {
  kind: 'headless',
  async open(options: HeadlessOptions) {
    return new HeadlessDisplay(options);
  },
};
