/**
 * The kms backend's Display: one connector, one CRTC, the planes that can show on it.
 *
 *   open     find the card → a seat manager's session where one applies (seat-session.ts) →
 *            open → become DRM master → choose connector, mode, CRTC and remember what the CRTC
 *            showed, restored on exit (output.ts) → ask the kernel with TEST_ONLY commits whether
 *            overlays scale and whether the primary must cover the output → poll the card for
 *            page-flip events → console, signals, input
 *   commit   one atomic request per frame: the first with ALLOW_MODESET (mode blob, ACTIVE,
 *            connector → CRTC), the rest non-blocking with a page-flip event. Each plane of the
 *            state gets FB_ID, CRTC_ID, SRC_* (16.16), CRTC_*, zpos where mutable, alpha where
 *            present, FB_DAMAGE_CLIPS where the plane takes them; planes not in the state are
 *            turned off (plane-requests.ts). Resolves at the flip, with the kernel's timestamp. All commits (frames,
 *            cursor moves, writeback captures, power) go through one queue: one in flight.
 *   buffers  dumb buffers (buffers.ts); busy while the shown or the pending state holds them,
 *            `release` once the flip that replaced them has happened
 *   capture  the writeback connector where there is one: the shown state committed again with
 *            a writeback job, the out-fence awaited, the buffer read; else the planes composed
 *            in software
 *   session  losing DRM master (VT switched away, another client) pauses commits until it comes
 *            back; the display then modesets and shows the last state again
 */
import mitt from 'mitt';
import {
  BackendUnavailableError, checkState, composePlanes, packRects, type Display, type DisplayBuffer, type DisplayEvents,
  type DisplayState, type ExternalFrame, type LayerState, type OpenOptions, type OutputInfo, type PixelFormat,
  type PlaneInfo, type Presented, type TestResult,
} from '@planar/toolkit';
import { AtomicRequest, type KmsObject } from './atomic.js';
import { BufferUse, DumbDisplayBuffer, ImportedDisplayBuffer, type ScanoutBuffer } from './buffers.js';
import { drawArrow } from './cursor.js';
import { describeErrno, errnoName, masterFailure, openFailure } from './errno.js';
import { FORMAT_CODES, opaqueRgba } from './formats.js';
import { findCard } from './modes.js';
import { COMMIT, loadAddon, type Addon, type DeviceEvent, type DrmMode, type NativeDevice, type NativeDumbBuffer, type NativeSeat } from './native.js';
import { chooseOutput, probePlanes } from './output.js';
import { PlaneRequests, type CursorPlacement } from './plane-requests.js';
import { openSeatSession } from './seat-session.js';
import { KmsSession } from './session.js';
import { KmsInput } from './input.js';
import { Backlight } from './backlight.js';

const FLIP_TIMEOUT_MS = 1000;
const DEBUG = (process.env.PLANAR_DEBUG ?? '').split(',').includes('kms');
const CURSOR_SIZE = 64;

interface Shown { layers: LayerState[]; fbs: number[] }

export class KmsDisplay implements Display {
  info!: OutputInfo;
  private planeInfos: PlaneInfo[] = [];
  private readonly emitter = mitt<DisplayEvents>();
  private readonly use = new BufferUse();
  /** Framebuffer id → the toolkit's buffer id, for `release` events; an entry goes with its buffer. */
  private readonly bufferIds = new Map<number, number>();
  private readonly forget = (buffer: ScanoutBuffer) => this.bufferIds.delete(buffer.fbId);
  private readonly flips = new Map<number, (presentedAt: number) => void>();
  private device!: NativeDevice;
  private crtc!: KmsObject;
  private connector!: KmsObject;
  private writeback: KmsObject | null = null;
  private planeObjects: KmsObject[] = [];
  private requests!: PlaneRequests;
  private restoreRequest!: AtomicRequest;
  private mode!: DrmMode;
  private modeBlob = 0;
  private needsModeset = true;
  private shown: Shown = { layers: [], fbs: [] };
  private queue: Promise<unknown> = Promise.resolve();
  private commitSeq = 0;
  private paused: { reason: string; resume: Promise<void>; resolve: () => void } | null = null;
  private powerOff = false;
  /** Commits waiting for a pause to end. */
  private waiting = 0;
  private closed = false;
  private restored = false;
  private session: KmsSession | null = null;
  /** The seat manager's session, when devices are opened through one. */
  private seat: NativeSeat | null = null;
  private input: KmsInput | null = null;
  private cursor: { buffer: NativeDumbBuffer; plane: KmsObject; x: number; y: number; visible: boolean; queued: boolean } | null = null;
  private writebackBuffer: NativeDumbBuffer | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private readonly backlight = Backlight.find();
  /** How the last screenshot was taken: read back through the writeback connector, or composed in software. */
  captureSource: 'writeback' | 'software' | null = null;
  /** Kernel flip timestamps (ms, CLOCK_MONOTONIC) of recent frames, for pacing figures. */
  readonly flipTimesMs: number[] = [];

  private constructor(private readonly addon: Addon, readonly path: string, private readonly options: OpenOptions) {}

  /** Opens the card the environment names (see modes.ts); `addon` is for tests with a mock kernel. */
  static async open(options: OpenOptions, env: NodeJS.ProcessEnv = process.env, addon: Addon = loadAddon()): Promise<KmsDisplay> {
    const path = findCard(env);
    if (!path) throw new BackendUnavailableError('kms', 'no DRM card in /sys/class/drm (is the GPU driver loaded?)');
    const display = new KmsDisplay(addon, path, options);
    try {
      display.seat = await openSeatSession(addon, env, (type) => display.onSeat(type));
      display.openDevice(env);
    } catch (error) {
      display.device?.close();
      display.seat?.close();
      throw error instanceof BackendUnavailableError ? error : new BackendUnavailableError('kms', (error as Error).message);
    }
    display.startSession(env);
    return display;
  }

  get planes(): PlaneInfo[] {
    // The cursor plane is the pointer's while the pointer shows.
    return this.cursor?.visible ? this.planeInfos.filter((p) => p.id !== this.cursor!.plane.id) : this.planeInfos;
  }

  private onSeat(type: 'enable' | 'disable' | 'lost'): void {
    if (type === 'disable') {
      this.pause('the seat was taken away (a VT switch)', 'seat');
      this.seat?.acknowledgeDisable();
    } else if (type === 'enable') {
      this.resume();
    } else {
      this.lose('the seat manager went away');
    }
  }

  private openDevice(env: NodeJS.ProcessEnv): void {
    try {
      this.device = new this.addon.Device(this.path, (type, event) => this.onDeviceEvent({ type, ...event } as DeviceEvent), this.seat ?? undefined);
    } catch (error) {
      throw new BackendUnavailableError('kms', openFailure(this.path, error as Error & { errno?: number }));
    }
    this.takeMaster();
    const output = chooseOutput(this.device, this.path, env, this.options.scale ?? 1);
    ({ mode: this.mode, info: this.info, planeInfos: this.planeInfos, planeObjects: this.planeObjects } = output);
    ({ crtc: this.crtc, connector: this.connector, writeback: this.writeback, restoreRequest: this.restoreRequest } = output);
    this.modeBlob = this.device.createModeBlob(this.mode);
    this.requests = new PlaneRequests(this.addon, this.device, this.path, {
      crtc: this.crtc, connector: this.connector, writeback: this.writeback, modeBlob: this.modeBlob,
      planes: new Map(this.planeObjects.map((p) => [p.id, p])),
    });
    probePlanes(this.planeInfos, this.info, `${this.path} at ${this.mode.name}`, (layers) => this.testCommit(layers));
    this.device.start();
    this.watchdog = setInterval(() => this.checkConnector(this.info.name), 1000);
    this.watchdog.unref();
  }

  /** PLANAR_DEBUG=kms: every commit and flip on stderr. */
  private log(line: string): void {
    if (DEBUG) console.error(`planar kms: ${line}`);
  }

  private takeMaster(): void {
    if (this.device.isMaster()) return;
    const result = this.device.setMaster();
    if (result === 0) return;
    throw new BackendUnavailableError('kms', masterFailure(this.path, -result));
  }

  private startSession(env: NodeJS.ProcessEnv): void {
    // A seat manager switches VTs itself; without one, the app watches its console.
    this.session = KmsSession.start(this.addon, {
      release: () => this.pause('the virtual terminal was switched away', 'vt'),
      acquire: () => this.resume(),
      restore: () => this.restoreFoundState(),
    }, this.seat ? { ...env, PLANAR_VT: 'none' } : env);
    if (this.options.cursor !== 'hidden') {
      const plane = this.planeObjects.find((p) => this.planeInfos.find((i) => i.id === p.id)?.type === 'cursor');
      if (plane) {
        const info = this.planeInfos.find((i) => i.id === plane.id)!;
        const size = Math.min(CURSOR_SIZE, info.maxWidth, info.maxHeight);
        const buffer = new this.addon.DumbBuffer(this.device, size, size, FORMAT_CODES.ARGB8888);
        buffer.write(drawArrow(size), size * 4, packRects([{ x: 0, y: 0, width: size, height: size }]), true);
        this.cursor = { buffer, plane, x: this.info.width / 2, y: this.info.height / 2, visible: this.options.cursor === 'default', queued: false };
      }
    }
    try {
      this.input = KmsInput.open(this.addon, { seatManager: this.seat ?? undefined }, {
        input: (e) => this.emitter.emit('input', e),
        device: (e) => this.emitter.emit('device', e),
        warning: (message) => console.error(`planar: ${message}`),
        pointerMoved: (x, y, visible) => this.moveCursor(x, y, visible),
      }, env);
      this.input.setOutput(this.info.width, this.info.height);
    } catch (error) {
      console.error(`planar: input is unavailable: ${(error as Error).message}`);
    }
  }

  private onDeviceEvent(event: DeviceEvent): void {
    if (event.type === 'flip') {
      this.log(`flip ${event.commit} at ${event.timeMs.toFixed(1)} ms (sequence ${event.sequence})`);
      this.flipTimesMs.push(event.timeMs);
      if (this.flipTimesMs.length > 600) this.flipTimesMs.shift();
      const done = this.flips.get(event.commit);
      this.flips.delete(event.commit);
      done?.(performance.now() - event.agoMs);
    } else if (event.type === 'lost') {
      this.lose(event.reason);
    }
  }

  private lose(reason: string): void {
    if (this.closed) return;
    for (const done of this.flips.values()) done(performance.now());
    this.flips.clear();
    this.emitter.emit('close', { reason, lost: true });
  }

  private checkConnector(name: string): void {
    if (this.closed || this.device.connectorStatus(this.connector.id) !== 'disconnected') return;
    this.lose(`the display on ${name} was unplugged; plug it back in and restart the app (or choose another connector with PLANAR_KMS_CONNECTOR)`);
  }

  allocate(width: number, height: number, format: PixelFormat): DisplayBuffer {
    const native = new this.addon.DumbBuffer(this.device, width, height, FORMAT_CODES[format]);
    const buffer = new DumbDisplayBuffer(native, format, this.use, this.forget);
    this.bufferIds.set(buffer.fbId, buffer.id);
    return buffer;
  }

  importFrame(frame: ExternalFrame): DisplayBuffer {
    if (frame.kind === 'pixels') {
      const buffer = this.allocate(frame.width, frame.height, frame.format) as DumbDisplayBuffer;
      buffer.write(frame.pixels, frame.stride ?? frame.width * 4, [{ x: 0, y: 0, width: frame.width, height: frame.height }]);
      return Object.assign(buffer, { pixels: frame.pixels });
    }
    const native = new this.addon.ImportedBuffer(this.device, frame.fd, frame.width, frame.height, FORMAT_CODES[frame.format], frame.stride, frame.offset, BigInt(frame.modifier));
    const buffer = new ImportedDisplayBuffer(native, frame.format, frame.width, frame.height, frame.stride, BigInt(frame.modifier), this.use, this.forget);
    this.bufferIds.set(buffer.fbId, buffer.id);
    return buffer;
  }

  test(state: DisplayState): TestResult {
    const rules = checkState(this.planes, this.info, state);
    if (!rules.ok || this.paused || this.closed) return rules;
    return this.testCommit(state.layers);
  }

  private testCommit(layers: readonly LayerState[]): TestResult {
    const request = this.requests.modeset(this.requests.build(layers, { forTest: true, cursor: this.cursorPlacement() }));
    const flags = COMMIT.testOnly | COMMIT.allowModeset;
    const { result } = this.device.commit(...request.arrays(), flags, 0);
    return result === 0 ? { ok: true } : { ok: false, reason: `the kernel refused it (${errnoName(-result)})` };
  }

  /** Runs `fn` after every earlier commit: one atomic commit in flight at a time. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => {});
    return run;
  }

  private async whileActive(): Promise<void> {
    while (this.paused && !this.closed) {
      this.waiting++;
      await this.paused.resume;
      this.waiting--;
    }
  }

  /**
   * Commits a request and waits for its flip. Lost master (EACCES) pauses and retries once it is
   * back; any other refusal throws with the kernel's reason.
   */
  private async flip(build: () => AtomicRequest, extra: { fence?: [number, number]; blobs?: number[] } = {}): Promise<{ presentedAt: number; fence: number }> {
    for (;;) {
      await this.whileActive();
      if (this.closed) throw new Error('the KMS display is closed');
      const modeset = this.needsModeset;
      const request = build();
      if (modeset) this.requests.modeset(request);
      const seq = ++this.commitSeq;
      const flags = COMMIT.nonblock | COMMIT.pageFlipEvent | (modeset ? COMMIT.allowModeset : 0);
      const { result, fence } = this.device.commit(...request.arrays(), flags, seq, extra.fence);
      this.log(`commit ${seq}: ${request.size} properties, flags 0x${flags.toString(16)} → ${result === 0 ? 'ok' : errnoName(-result)}`);
      for (const blob of extra.blobs ?? []) this.device.destroyBlob(blob);
      extra.blobs = [];
      if (result === -13 || result === -1) {
        this.pause(`${this.path} is no longer ours (another client took DRM master)`, this.seat ? 'seat' : 'master');
        continue;
      }
      if (result !== 0) throw new Error(`the KMS commit was refused by ${this.path}: ${describeErrno(-result)} (${request.size} properties${modeset ? ', with a modeset' : ''})`);
      this.needsModeset = false;
      const presentedAt = await new Promise<number>((resolve) => {
        const timer = setTimeout(() => {
          this.flips.delete(seq);
          this.emitter.emit('error', new Error(`no page flip from ${this.path} within ${FLIP_TIMEOUT_MS} ms; going on`));
          resolve(performance.now());
        }, FLIP_TIMEOUT_MS);
        this.flips.set(seq, (at) => {
          clearTimeout(timer);
          resolve(at);
        });
      });
      return { presentedAt, fence };
    }
  }

  commit(state: DisplayState): Promise<Presented> {
    const layers = [...state.layers];
    const fbs = layers.map((l) => (l.buffer as ScanoutBuffer).fbId);
    for (const fb of fbs) this.use.hold(fb);
    return this.serial(async () => {
      try {
        const blobs: number[] = [];
        const { presentedAt } = await this.flip(() => {
          const request = this.requests.build(layers, { cursor: this.cursorPlacement() });
          blobs.push(...this.requests.damage(layers, this.shown.layers, request));
          return request;
        }, { blobs });
        this.show({ layers, fbs });
        return { presentedAt };
      } catch (error) {
        this.releaseAll(fbs);
        throw error;
      }
    });
  }

  /** The new state is on screen: the buffers only the previous one held are free. */
  private show(next: Shown): void {
    const previous = this.shown;
    this.shown = next;
    this.releaseAll(previous.fbs);
  }

  private releaseAll(fbs: readonly number[]): void {
    for (const fb of fbs) {
      if (!this.use.drop(fb)) continue;
      const bufferId = this.bufferIds.get(fb);
      if (bufferId !== undefined) this.emitter.emit('release', { bufferId });
    }
  }

  /** Shows the last state again (a cursor move, a writeback job, coming back from a pause). */
  private recommit(fence?: [number, number]): Promise<{ presentedAt: number; fence: number }> {
    return this.flip(() => this.requests.build(this.shown.layers, { cursor: this.cursorPlacement() }), { fence });
  }

  private cursorPlacement(): CursorPlacement | null {
    const cursor = this.cursor;
    return cursor?.visible ? { plane: cursor.plane, buffer: cursor.buffer, x: cursor.x, y: cursor.y } : null;
  }

  private moveCursor(x: number, y: number, visible: boolean): void {
    const cursor = this.cursor;
    if (!cursor || this.options.cursor === 'hidden') return;
    cursor.x = x;
    cursor.y = y;
    // `cursor: 'default'` asks for the arrow whatever the devices; otherwise it follows the pointer (hidden on touch).
    cursor.visible = this.options.cursor === 'default' || visible;
    if (cursor.queued || !this.shown.layers.length) return;
    cursor.queued = true;
    void this.serial(async () => {
      cursor.queued = false;
      if (this.paused || this.closed) return;
      await this.recommit();
    }).catch((error: Error) => this.emitter.emit('error', error));
  }

  /** What each plane shows now (and the cursor), for diagnostics and tests. */
  describeShown(): { layers: { layerId: number; planeId: number; zpos: number; x: number; y: number; width: number; height: number }[]; cursor: { planeId: number; x: number; y: number } | null } {
    const cursor = this.cursor;
    return {
      layers: this.shown.layers.map((l) => ({ layerId: l.id, planeId: l.planeId, zpos: l.zpos, x: l.x, y: l.y, width: l.width, height: l.height })),
      cursor: cursor?.visible && !this.shown.layers.some((l) => l.planeId === cursor.plane.id)
        ? { planeId: cursor.plane.id, x: Math.round(cursor.x), y: Math.round(cursor.y) } : null,
    };
  }

  async capture(): Promise<{ width: number; height: number; pixels: Uint8Array }> {
    const { width, height } = this.info;
    const writeback = this.writeback;
    if (writeback && this.shown.layers.length) {
      return this.serial(async () => {
        this.writebackBuffer ??= new this.addon.DumbBuffer(this.device, width, height, FORMAT_CODES.XRGB8888);
        const fenceProp = writeback.props.get('WRITEBACK_OUT_FENCE_PTR')!.id;
        const { fence } = await this.flip(() => {
          const request = this.requests.build(this.shown.layers, { cursor: this.cursorPlacement() });
          return request.set(writeback, 'CRTC_ID', this.crtc.id).set(writeback, 'WRITEBACK_FB_ID', this.writebackBuffer!.fbId);
        }, { fence: [writeback.id, fenceProp] });
        if (fence >= 0) await withTimeout(this.addon.waitFence(fence), 2000, `the writeback of ${this.path} did not signal within 2 s`);
        this.captureSource = 'writeback';
        return { width, height, pixels: opaqueRgba(this.writebackBuffer.read()) };
      });
    }
    return this.composeInSoftware();
  }

  private composeInSoftware(): { width: number; height: number; pixels: Uint8Array } {
    const { width, height } = this.info;
    this.captureSource = 'software';
    const planes = this.shown.layers.filter((l) => l.buffer instanceof DumbDisplayBuffer).map((layer) => {
      const buffer = layer.buffer as DumbDisplayBuffer;
      return { ...layer, width: buffer.width, height: buffer.height, stride: buffer.width * 4, format: buffer.format, pixels: buffer.native.read() };
    });
    const out = composePlanes(planes, width, height);
    for (let i = 3; i < out.length; i += 4) out[i] = 255;
    return { width, height, pixels: out };
  }

  /**
   * Display power for screen blanking: CRTC ACTIVE off (after the frame in flight; rendering
   * pauses) and on again (at once: a modeset shows the latest frame).
   */
  async setPower(on: boolean): Promise<void> {
    if (on) {
      if (!this.powerOff) return;
      this.powerOff = false;
      this.resume();
      await this.queue;
      return;
    }
    return this.serial(async () => {
      if (this.powerOff) return;
      const request = new AtomicRequest().set(this.crtc, 'ACTIVE', 0);
      const { result } = this.device.commit(...request.arrays(), COMMIT.allowModeset, 0);
      if (result !== 0) throw new Error(`cannot switch ${this.connector.label} off: ${describeErrno(-result)}`);
      this.powerOff = true;
      this.pause('the display is switched off', 'power');
    });
  }

  /** Backlight brightness, 0..1, through /sys/class/backlight (PLANAR_BACKLIGHT names the device). */
  setBrightness(level: number): void {
    if (!this.backlight) throw new Error('this device has no backlight in /sys/class/backlight');
    this.backlight.set(level);
  }

  /**
   * Stops commits until resume(). `vt`: our VT was switched away (drop master, the kernel asks
   * first); `seat`: the seat manager took the seat (it revokes master itself); `master`: another
   * client took master (look for it to come back); `power`: the display is switched off.
   */
  private pause(reason: string, why: 'vt' | 'seat' | 'master' | 'power'): void {
    if (this.paused) return;
    let resolve!: () => void;
    const resume = new Promise<void>((r) => { resolve = r; });
    this.paused = { reason, resume, resolve };
    this.input?.suspend();
    if (why === 'vt') this.device.dropMaster();
    if (why !== 'power') console.error(`planar: rendering paused: ${reason}`);
    this.log(`paused (${why})`);
    if (why === 'master') this.retryMaster();
  }

  private retryMaster(): void {
    const timer = setInterval(() => {
      if (!this.paused || this.closed) return clearInterval(timer);
      if (this.device.setMaster() === 0) {
        clearInterval(timer);
        this.resume();
      }
    }, 500);
    timer.unref();
  }

  private resume(): void {
    const paused = this.paused;
    if (!paused || this.closed) return;
    if (!this.device.isMaster() && this.device.setMaster() !== 0) return;
    this.paused = null;
    this.needsModeset = true;
    this.input?.resume();
    paused.resolve();
    // With no frame waiting to go, show the last one again (the app may be idle).
    if (this.shown.layers.length && !this.waiting) void this.serial(() => this.recommit()).catch((error: Error) => this.emitter.emit('error', error));
  }

  /** Puts back what the CRTC showed when the app started (a blocking commit: it runs at exit). */
  private restoreFoundState(): void {
    if (this.restored || !this.device) return;
    this.restored = true;
    const [objects, props, values] = this.restoreRequest.arrays();
    let { result } = this.device.commit(objects, props, values, COMMIT.allowModeset, 0);
    if (result !== 0) {
      // What was shown is gone with its owner: leave the output off rather than showing our frame.
      const off = new AtomicRequest().set(this.crtc, 'ACTIVE', 0).set(this.crtc, 'MODE_ID', 0).set(this.connector, 'CRTC_ID', 0);
      for (const plane of this.planeObjects) off.set(plane, 'FB_ID', 0).set(plane, 'CRTC_ID', 0);
      if (this.writeback) off.set(this.writeback, 'CRTC_ID', 0);
      ({ result } = this.device.commit(...off.arrays(), COMMIT.allowModeset, 0));
    }
    this.device.dropMaster();
  }

  on<K extends keyof DisplayEvents>(event: K, cb: (e: DisplayEvents[K]) => void): () => void {
    this.emitter.on(event, cb);
    return () => this.emitter.off(event, cb);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue;
    this.closed = true;
    this.paused?.resolve();
    if (this.watchdog) clearInterval(this.watchdog);
    this.input?.close();
    this.restoreFoundState();
    this.session?.dispose();
    this.requests?.destroy();
    this.cursor?.buffer.destroy();
    this.writebackBuffer?.destroy();
    if (this.modeBlob) this.device.destroyBlob(this.modeBlob);
    for (const done of this.flips.values()) done(performance.now());
    this.device.close();
    this.seat?.close();
    this.emitter.all.clear();
  }

  /** The seat the devices were opened through (seatd or logind), or null when opened directly. */
  get seatName(): string | null {
    return this.seat?.name() ?? null;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); }),
  ]);
}
