/**
 * The wayland backend's Display: one fullscreen (or windowed) toplevel whose surface is the
 * primary plane, and subsurfaces as overlay planes.
 *
 *   open     connect → registry (sync) → window → first configure → size and scale known
 *            (a 0x0 configure leaves the size to us: the output's, see window-size.ts)
 *   planes   the window (opaque formats, must cover the output, always whole) and 8
 *            subsurfaces above it, any order (mutable zpos), no plane alpha (Wayland has none
 *            before alpha-modifier), scaling and cropping where wp_viewporter is offered
 *   commit   per overlay: subsurface position, attach + damage when its buffer changed, its
 *            viewport's source and destination when they changed (viewport.ts), commit when
 *            any of that was sent; restacked with place_above; then the window: attach +
 *            damage, frame callback, presentation feedback, commit. Resolves at the frame
 *            callback: the compositor's pace (sway sends them in pairs, weston ~39 a second),
 *            never an assumed 60 Hz.
 *   buffers  DMA-BUFs (GBM, dumb, udmabuf) where the compositor imports them, else wl_shm
 *            (buffers.ts); the compositor says when it lets go of one (release)
 *   input    the seat, through SeatTranslator; key repeat from the compositor's repeat info;
 *            the system input method through zwp_text_input_v3 (`textInput`, text-input.ts)
 *   clipboard  the selection as text through wl_data_device (`clipboard`, clipboard.ts)
 *   close    the compositor asking (xdg close) or going away (disconnect) → `close` event
 */
import mitt from 'mitt';
import {
  BackendUnavailableError, checkState, composePlanes, packRects, type Display, type DisplayBuffer,
  type DisplayEvents, type DisplayState, type ExternalFrame, type InputEvent, type LayerState, type OpenOptions, type OutputInfo,
  type PixelFormat, type PlaneInfo, type Presented, type TestResult,
} from '@planar/toolkit/backend';
import { WaylandBuffer, WaylandBuffers } from './buffers.js';
import { WaylandClipboard } from './clipboard.js';
import { formatsOf } from './formats.js';
import { SeatTranslator } from './input.js';
import {
  loadAddon, type ConnectionEvent, type NativeConnection, type NativeLiveObjects, type NativeSubsurface, type NativeWindow,
} from './native.js';
import { WaylandTextInput } from './text-input.js';
import { applyViewport, layerViewport, surfaceSize, UNSET_VIEWPORT, type LayerViewport } from './viewport.js';
import { firstWindowSize } from './window-size.js';

const OVERLAYS = 8;
const REQUIRED = ['wl_compositor', 'wl_shm', 'xdg_wm_base'];

export class WaylandDisplay implements Display {
  info!: OutputInfo;
  planes!: PlaneInfo[];
  /** The system input method, where the compositor offers zwp_text_input_manager_v3 (else the app's own keyboard is the input method). */
  textInput?: WaylandTextInput;
  /** The system clipboard as text, where the compositor offers wl_data_device_manager. */
  clipboard?: WaylandClipboard;
  private readonly emitter = mitt<DisplayEvents>();
  private readonly seat: SeatTranslator;
  private connection!: NativeConnection;
  private buffers: WaylandBuffers | null = null;
  private window!: NativeWindow;
  private subsurfaces = new Map<number, NativeSubsurface>();
  /** What each subsurface's viewport was last sent, by layer id. */
  private viewports = new Map<number, LayerViewport>();
  private shown: LayerState[] = [];
  private frameDone: (() => void) | null = null;
  private configured: ((size: { width: number; height: number }) => void) | null = null;
  private logicalSize = { width: 0, height: 0 };
  /** Output pixels per surface unit: an integer wl_output scale, or a fractional one through the viewporter. */
  private bufferScale = 1;
  private fractional = false;
  private viewporter = false;
  private closed = false;
  /** The overlay order and the opaque region last set, so that unchanged ones are not sent again. */
  private stackOrder = '';
  private opaqueSize = '';
  /** Commit-to-frame-done and commit-to-present times of recent frames, ms. */
  readonly timings = { frameDoneMs: [] as number[], presentedMs: [] as number[] };

  private constructor(private readonly options: OpenOptions) {
    this.seat = new SeatTranslator((e) => this.emitter.emit('input', e));
  }

  static async open(options: OpenOptions): Promise<WaylandDisplay> {
    const display = new WaylandDisplay(options);
    await display.connect();
    return display;
  }

  private async connect(): Promise<void> {
    const addon = loadAddon();
    try {
      this.connection = new addon.Connection((type, event) => {
        // The addon makes a fresh object per event: it is given its type rather than copied.
        (event as { type: string }).type = type;
        this.onEvent(event as ConnectionEvent);
      });
    } catch (error) {
      throw new BackendUnavailableError('wayland', `${(error as Error).message} (is a compositor running? WAYLAND_DISPLAY=${process.env.WAYLAND_DISPLAY ?? 'unset'})`);
    }
    this.connection.start();
    await this.connection.sync();
    const names = new Set(this.connection.globals().map((g) => g.interface));
    const missing = REQUIRED.filter((n) => !names.has(n));
    if (missing.length) {
      this.connection.close();
      throw new BackendUnavailableError('wayland', `the compositor lacks ${missing.join(', ')}, which Planar needs (a desktop compositor such as sway, weston, labwc or cage has them)`);
    }
    // Made before anything can give the window focus, so that no text-input enter is missed.
    if (names.has('zwp_text_input_manager_v3')) {
      // deletesurrounding is not a kind of the toolkit's InputEvent yet: it goes out as one all the same.
      this.textInput = new WaylandTextInput((r) => this.connection.textInput(r), (e) => this.emitter.emit('input', e as InputEvent), () => this.bufferScale);
    }
    if (names.has('wl_data_device_manager')) this.clipboard = new WaylandClipboard(this.connection);
    // A second round trip: wl_shm formats, outputs and seat capabilities have arrived by then.
    await this.connection.sync();
    const formats = formatsOf(this.connection.shmFormats());
    if (!formats.length) {
      this.connection.close();
      throw new BackendUnavailableError('wayland', 'the compositor offers none of the 8-bit RGB shared-memory formats Planar draws in');
    }
    const fullscreen = this.options.fullscreen ?? true;
    this.connection.setCursor(this.options.cursor === 'default');
    const configured = new Promise<{ width: number; height: number }>((resolve) => { this.configured = resolve; });
    this.window = new addon.Window(this.connection, { title: this.options.title ?? 'Planar', appId: this.options.appId ?? 'planar', fullscreen });
    this.connection.flush();
    const size = await Promise.race([configured, new Promise<null>((r) => setTimeout(() => r(null), 5000))]);
    if (!size) {
      this.connection.close();
      throw new BackendUnavailableError('wayland', 'the compositor did not configure the window within 5 s');
    }
    const outputs = this.connection.outputs();
    this.bufferScale = Math.max(1, Math.round(this.options.scale ?? outputs[0]?.scale ?? 1));
    const { width: w, height: h } = firstWindowSize(size, this.options, outputs);
    if (!size.width || !size.height) this.log(`the compositor left the window's size to us (${size.width}x${size.height}): ${w}x${h}`);
    this.logicalSize = { width: w, height: h };
    this.seat.scale = this.bufferScale;
    this.window.setBufferScale(this.bufferScale);
    this.buffers = new WaylandBuffers(this.connection, (line) => this.log(line));
    await this.buffers.choose(w * this.bufferScale, h * this.bufferScale);
    // DMA-BUF formats first: the toolkit picks the first format a plane lists.
    const dmabufFormats = this.buffers.dmabufFormats();
    formats.sort((a, b) => Number(!dmabufFormats.includes(a)) - Number(!dmabufFormats.includes(b)));
    const output = outputs[0];
    this.info = {
      name: output ? `${output.make} ${output.model}`.trim() || 'wayland' : 'wayland',
      width: w * this.bufferScale, height: h * this.bufferScale, refreshMhz: output?.refreshMhz ?? 0,
      physicalWidthMm: 0, physicalHeightMm: 0, scale: this.bufferScale,
      preferredFormat: dmabufFormats[0] ?? (formats.includes('ABGR8888') ? 'ABGR8888' : formats.includes('ARGB8888') ? 'ARGB8888' : formats[0]!),
      allocator: this.buffers.info,
    };
    this.viewporter = names.has('wp_viewporter');
    this.planes = this.describePlanes(formats, this.viewporter, names.has('wl_subcompositor'));
  }

  private describePlanes(formats: PixelFormat[], viewporter: boolean, subsurfaces: boolean): PlaneInfo[] {
    const max = 16384;
    const opaque = formats.filter((f) => f.startsWith('X'));
    const alpha = formats.filter((f) => f.startsWith('A'));
    // The window shows the composition layer, always whole: it takes no source.
    const planes: PlaneInfo[] = [{
      id: 1, type: 'primary', formats: opaque.length ? opaque : formats, zpos: { min: 0, max: 0, mutable: false },
      alpha: false, scaling: false, maxWidth: max, maxHeight: max, mustCoverOutput: true, crop: false,
    }];
    if (!subsurfaces) return planes;
    for (let i = 0; i < OVERLAYS; i++) {
      planes.push({
        id: 2 + i, type: 'overlay', formats: [...alpha, ...opaque], zpos: { min: 1, max: OVERLAYS, mutable: true },
        alpha: false, scaling: viewporter, maxWidth: max, maxHeight: max, mustCoverOutput: false, crop: viewporter,
      });
    }
    return planes;
  }

  private log(line: string): void {
    if (process.env.PLANAR_DEBUG?.includes('wayland')) console.error(`planar: ${line}`);
  }

  private onEvent(event: ConnectionEvent): void {
    switch (event.type) {
      case 'configure': {
        const size = { width: event.width, height: event.height };
        if (this.configured) {
          this.configured(size);
          this.configured = null;
        } else if (size.width && size.height && (size.width !== this.logicalSize.width || size.height !== this.logicalSize.height)) {
          this.logicalSize = size;
          if (this.fractional) this.window.setDestination(size.width, size.height);
          this.info = { ...this.info, width: Math.round(size.width * this.bufferScale), height: Math.round(size.height * this.bufferScale) };
          this.emitter.emit('resize', { width: this.info.width, height: this.info.height, scale: this.bufferScale });
        } else if (this.shown.length) {
          // The same size (fullscreen granted, focus): the ack takes effect on a commit, and a
          // compositor waits for it (sway's transaction would time out after 200 ms).
          this.window.commit(false);
          this.connection.flush();
        }
        return;
      }
      case 'frame':
        keepRecent(this.timings.frameDoneMs, event.sinceCommitMs);
        this.frameDone?.();
        return;
      case 'presented':
        keepRecent(this.timings.presentedMs, event.latencyMs);
        return;
      case 'release':
        this.emitter.emit('release', { bufferId: event.id });
        return;
      case 'dmabuf-answer':
        this.buffers?.onAnswer(event.id, event.imported);
        return;
      case 'window-close':
        this.emitter.emit('close', { reason: 'the compositor asked the window to close', lost: false });
        return;
      case 'disconnect':
        this.closed = true;
        this.frameDone?.();
        this.emitter.emit('close', { reason: `the Wayland compositor went away: ${event.reason}`, lost: true });
        return;
      case 'fractional-scale':
        this.rescale(event.scale, true);
        return;
      case 'surface-output':
        // Integer output scale, where no fractional scale is offered: the largest of the outputs.
        if (!this.fractional && event.entered) this.rescale(Math.max(1, ...this.connection.outputs().map((o) => o.scale)), false);
        return;
      case 'capabilities':
        for (const kind of ['pointer', 'keyboard', 'touch'] as const) if (event[kind]) this.emitter.emit('device', { kind, added: true });
        return;
      case 'warning':
        this.emitter.emit('error', new Error(`wayland: ${event.message}`));
        return;
      case 'text-input':
        this.textInput?.handle(event);
        return;
      case 'pointer': case 'touch': case 'key': case 'modifiers': case 'repeat-info': case 'keyboard-focus':
        this.seat.handle(event);
        return;
      case 'discarded': case 'seat-removed': case 'output-removed':
        return;
    }
  }

  /**
   * A new scale from the compositor. Integer scales go through wl_surface.set_buffer_scale;
   * fractional ones (wp_fractional_scale_v1) render at the rounded size and let the viewporter
   * map the buffer onto the surface's logical size.
   */
  private rescale(scale: number, fractional: boolean): void {
    if (this.options.scale !== undefined) return;
    if (fractional && !this.viewporter) return;
    this.fractional ||= fractional;
    if (scale === this.bufferScale) return;
    this.bufferScale = scale;
    this.seat.scale = scale;
    const { width, height } = this.logicalSize;
    if (fractional) {
      this.window.setBufferScale(1);
      this.window.setDestination(width, height);
    } else {
      this.window.setBufferScale(scale);
    }
    this.info = { ...this.info, scale, width: Math.round(width * scale), height: Math.round(height * scale) };
    this.emitter.emit('resize', { width: this.info.width, height: this.info.height, scale });
  }

  /**
   * What the Wayland addon holds right now (every display of this process together): open fds,
   * mappings and shm buffers not yet destroyed. A leak test compares it before and after.
   */
  liveObjects(): NativeLiveObjects {
    return loadAddon().liveObjects();
  }

  allocate(width: number, height: number, format: PixelFormat): DisplayBuffer {
    const buffer = this.buffers!.allocate(width, height, format);
    // A DMA-BUF allocation that failed mid-run moved to shared memory: info says so.
    if (this.info.allocator !== this.buffers!.info) this.info = { ...this.info, allocator: this.buffers!.info };
    return buffer;
  }

  /**
   * An ExternalLayer frame: a DMA-BUF the compositor imports goes to it as it is (zero bytes
   * copied, on the layer's subsurface); otherwise it is copied once into shared memory.
   */
  importFrame(frame: ExternalFrame): DisplayBuffer {
    return this.buffers!.importFrame(frame);
  }

  test(state: DisplayState): TestResult {
    for (const l of state.layers) {
      if (l.planeId !== 1 && this.bufferScale !== 1 && !this.viewporter) {
        return { ok: false, reason: 'a scaled output needs wp_viewporter to show layers as subsurfaces' };
      }
      if (l.planeId !== 1 && (l.width % this.bufferScale || l.height % this.bufferScale)) {
        return { ok: false, reason: `layer ${l.id} is ${l.width}x${l.height}, not whole surface units at scale ${this.bufferScale}` };
      }
      // Subsurface positions are whole surface units: at scale 2 a layer must sit on even pixels.
      if (l.planeId !== 1 && (l.x % this.bufferScale || l.y % this.bufferScale)) {
        return { ok: false, reason: `layer ${l.id} at ${l.x},${l.y} is not on a whole surface unit at scale ${this.bufferScale}` };
      }
    }
    return checkState(this.planes, this.info, state);
  }

  async commit(state: DisplayState): Promise<Presented> {
    if (this.closed) throw new Error('the Wayland connection is closed');
    const layers = [...state.layers].sort((a, b) => a.zpos - b.zpos);
    const primary = layers.find((l) => l.planeId === 1);
    const overlays = layers.filter((l) => l !== primary);
    const keep = new Set(overlays.map((l) => l.id));
    for (const [id, sub] of this.subsurfaces) {
      if (keep.has(id)) continue;
      sub.destroy();
      this.subsurfaces.delete(id);
      this.viewports.delete(id);
    }
    const addon = loadAddon();
    // Restacked only when the order changed (place_above is applied on the window's commit).
    const order = overlays.map((l) => l.id).join();
    const restack = order !== this.stackOrder;
    this.stackOrder = order;
    let below: NativeSubsurface | NativeWindow = this.window;
    for (const layer of overlays) {
      let sub = this.subsurfaces.get(layer.id);
      const fresh = !sub;
      if (!sub) {
        sub = new addon.Subsurface(this.window);
        this.subsurfaces.set(layer.id, sub);
      }
      sub.setPosition(Math.round(layer.x / this.bufferScale), Math.round(layer.y / this.bufferScale));
      if (restack || fresh) sub.placeAbove(below);
      below = sub;
      const previous = this.shown.find((s) => s.id === layer.id);
      const newBuffer = fresh || previous?.buffer !== layer.buffer;
      if (newBuffer || layer.damage.length) {
        sub.attach((layer.buffer as WaylandBuffer).native);
        sub.damage(packRects(newBuffer ? [{ x: 0, y: 0, width: layer.bufferWidth, height: layer.bufferHeight }] : layer.damage));
      }
      // The part of the buffer shown and its size on the surface (viewport.ts). A new viewport
      // changes what the whole surface shows: it is damaged in surface units, which needs no
      // attach, so a scroll over the same buffer sends the source, the damage and a commit.
      const viewport = layerViewport(layer, this.bufferScale);
      const viewportSent = applyViewport(sub, viewport, this.viewports.get(layer.id) ?? UNSET_VIEWPORT);
      this.viewports.set(layer.id, viewport);
      if (viewportSent) {
        const { width, height } = surfaceSize(layer, viewport);
        sub.damageSurface(0, 0, width, height);
      }
      if (newBuffer || layer.damage.length || viewportSent) sub.commit();
    }
    if (primary) {
      const previous = this.shown.find((s) => s.planeId === 1);
      if (previous?.buffer !== primary.buffer || primary.damage.length) {
        this.window.attach((primary.buffer as WaylandBuffer).native);
        this.window.damage(packRects(primary.damage.length ? primary.damage : [{ x: 0, y: 0, width: primary.bufferWidth, height: primary.bufferHeight }]));
      }
      const opaque = `${this.logicalSize.width}x${this.logicalSize.height}`;
      if (opaque !== this.opaqueSize) this.window.setOpaque(this.logicalSize.width, this.logicalSize.height);
      this.opaqueSize = opaque;
    }
    this.shown = layers;
    const done = new Promise<void>((resolve) => { this.frameDone = resolve; });
    this.window.requestFrame();
    this.window.commit(true);
    this.connection.flush();
    await done;
    this.frameDone = null;
    return { presentedAt: performance.now() };
  }

  /** The composed output: the planes as last committed, blended in stack order (as the compositor shows them). */
  async capture(): Promise<{ width: number; height: number; pixels: Uint8Array }> {
    const { width, height } = this.info;
    const planes = this.shown.filter((l) => l.buffer).map((layer) => {
      const buffer = layer.buffer as WaylandBuffer;
      // The part of the buffer shown, at its own size (as the headless display composes planes).
      const source = layer.source ?? { x: 0, y: 0, width: buffer.width, height: buffer.height };
      return { ...layer, source, width: source.width, height: source.height, stride: buffer.stride, format: buffer.format, pixels: buffer.native.read() };
    });
    const out = composePlanes(planes, width, height);
    // The window is opaque: what shows through nowhere is the compositor's black.
    for (let i = 3; i < out.length; i += 4) out[i] = 255;
    return { width, height, pixels: out };
  }

  on<K extends keyof DisplayEvents>(event: K, cb: (e: DisplayEvents[K]) => void): () => void {
    this.emitter.on(event, cb);
    return () => this.emitter.off(event, cb);
  }

  async close(): Promise<void> {
    if (this.closed && !this.connection) return;
    this.closed = true;
    this.seat.dispose();
    for (const sub of this.subsurfaces.values()) sub.destroy();
    this.subsurfaces.clear();
    this.buffers?.close();
    this.window?.destroy();
    this.connection?.close();
    this.emitter.all.clear();
    this.frameDone?.();
  }
}

/** Timings kept: the last RECENT at least, trimmed in batches so that a frame never moves the whole array. */
const RECENT = 600;
function keepRecent(list: number[], value: number): void {
  list.push(value);
  if (list.length >= 2 * RECENT) list.splice(0, list.length - RECENT);
}
