/**
 * The headless backend: the backend contract in memory. Buffers are plain arrays; `commit`
 * shows them (holding each until the next commit replaces it) and presents either on a 60 Hz
 * timer (a stand-in for vblank) or at once when a test drives the clock; `capture` composes
 * the planes into an image. Input is injected with `inject()`.
 */
import mitt from 'mitt';
import type {
  Backend, DamageRect, Display, DisplayBuffer, DisplayEvents, DisplayState, ExternalFrame, LayerState,
  OpenOptions, OutputInfo, PixelFormat, PlaneInfo, Presented, TestResult,
} from './contract.js';
import type { InputEvent } from '../input/events.js';
import { composePlanes, copyRects } from './pixels.js';
import { planePreset, type PlanePresetName } from './plane-presets.js';
import { checkState } from '../compositor/plane-rules.js';

let nextBufferId = 1;

class MemoryBuffer implements DisplayBuffer {
  readonly id = nextBufferId++;
  pixels: Uint8Array;
  busy = false;

  constructor(readonly width: number, readonly height: number, readonly format: PixelFormat, pixels?: Uint8Array, readonly stride = width * 4) {
    this.pixels = pixels ?? new Uint8Array(this.stride * height);
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
  /** The planes to emulate: a known device's set, or your own (default: vkms's). */
  planes?: PlanePresetName | PlaneInfo[];
  /**
   * Checks every commit against the contract: a pixel of a plane that differs from what that
   * plane showed before must lie in the layer's damage, or the commit is rejected (tests).
   */
  checkDamage?: boolean;
}

/** What a plane shows after a commit. */
interface Shown { layer: LayerState; buffer: MemoryBuffer }

/**
 * A display in memory that emulates hardware planes: `test` applies the plane rules of the
 * chosen device (formats, sizes, scaling, alpha, Z order), `commit` keeps what each plane shows,
 * and `capture` blends the planes in stack order the way the compositor blends composited
 * layers, so the composed output is the same whichever layers went on planes.
 */
export class HeadlessDisplay implements Display {
  readonly info: OutputInfo;
  readonly planes: PlaneInfo[];
  private readonly emitter = mitt<DisplayEvents>();
  private shown: Shown[] = [];
  /** The last capture, until the next commit changes what is shown. */
  private captured: { width: number; height: number; pixels: Uint8Array } | null = null;
  private lastPresent = 0;
  private closed = false;
  /** States committed, for tests that check what went where. */
  commits = 0;
  /** What each plane showed at the last commit, packed RGBA, for `checkDamage`. */
  private previous = new Map<number, { layerId: number; width: number; height: number; pixels: Uint8Array }>();
  /** Buffers replaced on screen but kept busy, as a compositor may (see `holdBuffers`). */
  private held: MemoryBuffer[] = [];
  private holding = false;
  lastState: DisplayState | null = null;

  constructor(private readonly options: HeadlessOptions) {
    const scale = options.scale ?? 1;
    const width = Math.round((options.width ?? 800) * scale);
    const height = Math.round((options.height ?? 480) * scale);
    this.info = {
      name: 'HEADLESS-1', width, height, refreshMhz: 60000, physicalWidthMm: 0, physicalHeightMm: 0,
      scale, preferredFormat: 'ABGR8888',
    };
    this.planes = resolvePlanes(options.planes ?? 'vkms', { width, height });
  }

  allocate(width: number, height: number, format: PixelFormat): DisplayBuffer {
    return new MemoryBuffer(width, height, format);
  }

  importFrame(frame: ExternalFrame): DisplayBuffer {
    if (frame.kind === 'pixels') return new MemoryBuffer(frame.width, frame.height, frame.format, frame.pixels, frame.stride ?? frame.width * 4);
    // A DMA-BUF its producer can read (a V4L2 buffer) is read; others cannot be shown here.
    if (frame.read) {
      const { pixels, stride, format } = frame.read();
      return new MemoryBuffer(frame.width, frame.height, format, pixels, stride);
    }
    throw new Error('the headless backend cannot import DMA-BUF frames: push { kind: \'pixels\', pixels, width, height, format } frames under headless, or run on the wayland or kms backend');
  }

  test(state: DisplayState): TestResult {
    return checkState(this.planes, this.info, state);
  }

  async commit(state: DisplayState): Promise<Presented> {
    if (this.closed) throw new Error('the headless display is closed');
    const verdict = this.test(state);
    if (!verdict.ok) throw new Error(`the headless display rejected a commit: ${verdict.reason}`);
    if (this.options.checkDamage) this.checkDamage(state);
    this.captured = null;
    const next: Shown[] = state.layers.map((layer) => ({ layer: { ...layer, damage: [] }, buffer: layer.buffer as MemoryBuffer }));
    for (const s of next) s.buffer.busy = true;
    const released = this.shown.filter((old) => !next.some((s) => s.buffer === old.buffer));
    this.shown = next.sort((a, b) => a.layer.zpos - b.layer.zpos);
    this.commits++;
    this.lastState = state;
    if (this.holding) this.held.push(...released.map((r) => r.buffer));
    else for (const old of released) this.release(old.buffer);
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
    const out = composePlanes(this.shown.map(({ layer, buffer }) => {
      // Planes here do not scale: the source (or the whole buffer) is shown at its own size.
      const source = layer.source ?? { x: 0, y: 0, width: buffer.width, height: buffer.height };
      return { ...layer, source, width: source.width, height: source.height, stride: buffer.stride, format: buffer.format, pixels: buffer.pixels };
    }), width, height);
    this.captured = { width, height, pixels: unpremultiply(out) };
    return this.captured;
  }

  /**
   * Keeps the buffers a commit replaces busy until `releaseHeld()`, like a compositor that
   * holds on to buffers for a while (sway can hold two): frames then run out of free buffers.
   */
  holdBuffers(hold: boolean): void {
    this.holding = hold;
  }

  /** Lets go of the held buffers, with a `release` event for each. */
  releaseHeld(): void {
    const held = this.held;
    this.held = [];
    for (const b of held) if (!this.shown.some((s) => s.buffer === b)) this.release(b);
  }

  private release(buffer: MemoryBuffer): void {
    buffer.busy = false;
    this.emitter.emit('release', { bufferId: buffer.id });
  }

  /** Rejects a state whose damage leaves out a pixel that changed since its plane last showed that layer. */
  private checkDamage(state: DisplayState): void {
    for (const layer of state.layers) {
      const b = layer.buffer as MemoryBuffer;
      const before = this.previous.get(layer.planeId);
      const packed = new Uint8Array(b.width * b.height * 4);
      for (let y = 0; y < b.height; y++) packed.set(b.pixels.subarray(y * b.stride, y * b.stride + b.width * 4), y * b.width * 4);
      this.previous.set(layer.planeId, { layerId: layer.id, width: b.width, height: b.height, pixels: packed });
      if (!before || before.layerId !== layer.id || before.width !== b.width || before.height !== b.height) continue;
      const inDamage = (x: number, y: number) => layer.damage.some((d) => x >= d.x && x < d.x + d.width && y >= d.y && y < d.y + d.height);
      for (let i = 0; i < packed.length; i += 4) {
        if (packed[i] === before.pixels[i] && packed[i + 1] === before.pixels[i + 1] && packed[i + 2] === before.pixels[i + 2] && packed[i + 3] === before.pixels[i + 3]) continue;
        const x = (i / 4) % b.width, y = Math.floor(i / 4 / b.width);
        if (inDamage(x, y)) continue;
        throw new Error(`damage contract broken: layer ${layer.id} on plane ${layer.planeId} changed at ${x},${y} outside its damage ${JSON.stringify(layer.damage)}`);
      }
    }
  }

  /** What each plane shows now, bottom to top (for tests). */
  planesInUse(): { layerId: number; planeId: number; x: number; y: number; opacity: number; source: DamageRect | null }[] {
    return this.shown.map(({ layer }) => ({ layerId: layer.id, planeId: layer.planeId, x: layer.x, y: layer.y, opacity: layer.opacity, source: layer.source ?? null }));
  }

  /** Ends the display as if it had gone away (a compositor quitting, a device unplugged). */
  disconnect(reason: string): void {
    this.emitter.emit('close', { reason, lost: true });
  }

  /** Says a device was plugged in (or out), as a backend's device event does. */
  plug(kind: 'pointer' | 'touch' | 'keyboard', added = true): void {
    this.emitter.emit('device', { kind, added });
  }

  /** Says the panel was turned from outside (a `rotate` event): the app turns to `rotation`. */
  rotate(rotation: DisplayEvents['rotate']['rotation']): void {
    this.emitter.emit('rotate', { rotation });
  }

  /** Emits a display event, for displays built on this one. */
  protected emit<K extends keyof DisplayEvents>(event: K, value: DisplayEvents[K]): void {
    this.emitter.emit(event, value);
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
    for (const s of this.shown) s.buffer.busy = false;
    this.shown = [];
  }
}

function resolvePlanes(planes: PlanePresetName | PlaneInfo[], output: { width: number; height: number }): PlaneInfo[] {
  if (typeof planes === 'string') {
    if (!['vkms', 'pi5', 'primary-only'].includes(planes)) {
      throw new Error(`planes must be 'vkms', 'pi5', 'primary-only' or a list of PlaneInfo, got ${JSON.stringify(planes)}`);
    }
    return planePreset(planes, output);
  }
  if (!Array.isArray(planes) || planes.filter((p) => p?.type === 'primary').length !== 1) {
    throw new Error('planes: a plane list needs exactly one plane of type \'primary\'');
  }
  const ids = new Set(planes.map((p) => p.id));
  if (ids.size !== planes.length) throw new Error('planes: plane ids must be unique');
  return planes.map((p) => ({ ...p, formats: [...p.formats], ...(p.videoFormats && { videoFormats: [...p.videoFormats] }), zpos: p.zpos && { ...p.zpos } }));
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
  name: 'headless',
  async open(options: HeadlessOptions) {
    return new HeadlessDisplay(options);
  },
};
