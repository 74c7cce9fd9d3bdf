/**
 * The kms backend's Display: one connector, one CRTC, the planes that can show on it.
 *
 *   open     find the card → a seat manager's session where one applies (seat-session.ts) →
 *            open → become DRM master → choose connector, mode, CRTC and remember what the CRTC
 *            showed, restored on exit (output.ts) → ask the kernel with TEST_ONLY commits whether
 *            overlays scale and whether the primary must cover the output → poll the card for
 *            page-flip events → console, signals, input
 *   test     the allocator's question is a TEST_ONLY commit; EINVAL and ERANGE are the kernel's
 *            "no", any other errno is reported as an error (errno.ts) and answered "no"
 *   commit   one atomic request per frame: the first with ALLOW_MODESET (mode blob, ACTIVE,
 *            connector → CRTC), the rest non-blocking with a page-flip event. Each plane of the
 *            state gets FB_ID, CRTC_ID, SRC_* (16.16, the layer's source), CRTC_*, zpos where
 *            mutable, alpha where present, FB_DAMAGE_CLIPS where the plane takes them; planes not
 *            in the state are turned off (plane-requests.ts). Resolves at the flip, with the kernel's timestamp.
 *            All commits (frames, cursor moves, writeback captures, power) go through one queue,
 *            one in flight (commit-queue.ts)
 *   cursor   the arrow on the cursor plane, moved by a commit of the shown state (cursor-plane.ts)
 *   buffers  dumb buffers (buffers.ts); busy while the shown or the pending state holds them,
 *            `release` once the flip that replaced them has happened
 *   capture  the writeback connector where there is one, else the planes composed in software
 *            (writeback.ts)
 *   session  losing DRM master (VT switched away, another client) pauses commits until it comes
 *            back; the display then modesets and shows the last state again
 */
import mitt from 'mitt';
import {
  BackendUnavailableError, checkState, isVideoFormat, type DamageRect, type Display, type DisplayBuffer, type DisplayEvents, type DisplayState,
  type ExternalFrame, type LayerState, type OpenOptions, type OutputInfo, type PixelFormat, type PlaneInfo, type Presented,
  type TestResult,
} from '@planar/toolkit/backend';
import { AtomicRequest, type KmsObject } from './atomic.js';
import { BufferUse, DumbDisplayBuffer, ImportedDisplayBuffer, type ScanoutBuffer } from './buffers.js';
import { CommitQueue, isLostMaster, type PauseCause } from './commit-queue.js';
import { CursorPlane } from './cursor-plane.js';
import { describeErrno, errnoName, isRefusal, masterFailure, openFailure, testFailure } from './errno.js';
import { FORMAT_CODES, frameFormatCode, videoColor } from './formats.js';
import { findCard } from './modes.js';
import { COMMIT, loadAddon, type Addon, type DeviceEvent, type NativeDevice, type NativeImportedBuffer, type NativeLiveObjects, type NativeSeat } from './native.js';
import { chooseOutput, outputOffRequest, probePlanes } from './output.js';
import { PlaneRequests } from './plane-requests.js';
import { openSeatSession } from './seat-session.js';
import { KmsSession } from './session.js';
import { KmsInput } from './input.js';
import { Backlight } from './backlight.js';
import { OutputCapture, type Capture } from './writeback.js';

const DEBUG = (process.env.PLANAR_DEBUG ?? '').split(',').includes('kms');

interface Shown { layers: LayerState[]; fbs: number[] }

/** A layer as `describeShown` reports it: its plane, place, and the part of its buffer shown (null: all of it). */
export interface ShownLayer { layerId: number; planeId: number; zpos: number; x: number; y: number; width: number; height: number; source: DamageRect | null }

/** A TEST_ONLY commit's outcome: passed, refused (EINVAL, ERANGE), or failed with another errno. */
type TestOutcome = { ok: true } | { ok: false; errno: number; refused: boolean };

export class KmsDisplay implements Display {
  info!: OutputInfo;
  private planeInfos: PlaneInfo[] = [];
  private readonly emitter = mitt<DisplayEvents>();
  private readonly use = new BufferUse();
  private device!: NativeDevice;
  private crtc!: KmsObject;
  private connector!: KmsObject;
  private writeback: KmsObject | null = null;
  private planeObjects: KmsObject[] = [];
  private requests!: PlaneRequests;
  private restoreRequest!: AtomicRequest;
  private modeBlob = 0;
  private shown: Shown = { layers: [], fbs: [] };
  private queue!: CommitQueue;
  private powerOff = false;
  private closed = false;
  private restored = false;
  private session: KmsSession | null = null;
  /** The seat manager's session, when devices are opened through one. */
  private seat: NativeSeat | null = null;
  private input: KmsInput | null = null;
  private cursor: CursorPlane | null = null;
  private output!: OutputCapture;
  /** The errno of the last failed TEST_ONLY commit that was reported, until a test passes again. */
  private reportedTestErrno: number | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private readonly backlight = Backlight.find();

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
    return this.cursor?.visible ? this.planeInfos.filter((p) => p.id !== this.cursor!.planeId) : this.planeInfos;
  }

  /** How the last screenshot was taken: read back through the writeback connector, or composed in software. */
  get captureSource(): 'writeback' | 'software' | null {
    return this.output?.source ?? null;
  }

  /** Kernel flip timestamps (ms, CLOCK_MONOTONIC) of recent frames, for pacing figures. */
  get flipTimesMs(): readonly number[] {
    return this.queue?.flipTimesMs ?? [];
  }

  /** The kernel's vblank sequence number of each of those flips: the number of refreshes between two is exact. */
  get flipSequences(): readonly number[] {
    return this.queue?.flipSequences ?? [];
  }

  private onSeat(type: 'enable' | 'disable' | 'lost'): void {
    if (type === 'disable') {
      this.queue?.pause('the seat was taken away (a VT switch)', 'seat');
      this.seat?.acknowledgeDisable();
    } else if (type === 'enable') {
      this.queue?.resume();
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
    ({ info: this.info, planeInfos: this.planeInfos, planeObjects: this.planeObjects } = output);
    ({ crtc: this.crtc, connector: this.connector, writeback: this.writeback, restoreRequest: this.restoreRequest } = output);
    this.modeBlob = this.device.createModeBlob(output.mode);
    this.requests = new PlaneRequests(this.addon, this.device, this.path, {
      crtc: this.crtc, connector: this.connector, writeback: this.writeback, modeBlob: this.modeBlob,
      planes: new Map(this.planeObjects.map((p) => [p.id, p])),
    });
    this.queue = new CommitQueue({
      device: this.device, path: this.path, requests: this.requests, viaSeat: this.seat !== null,
      paused: (reason, cause) => this.paused(reason, cause),
      resumed: (idle) => this.resumed(idle),
      error: (error) => this.emitter.emit('error', error),
      log: (line) => this.log(line),
    });
    this.output = new OutputCapture(this.addon, this.device, this.path, this.crtc, this.writeback);
    probePlanes(this.planeInfos, this.info, `${this.path} at ${output.mode.name}`, (layers) => {
      const outcome = this.testCommit(layers);
      if (!outcome.ok && !outcome.refused) throw new BackendUnavailableError('kms', testFailure(this.path, outcome.errno));
      return outcome.ok ? { ok: true } : { ok: false, reason: `the kernel refused it (${errnoName(outcome.errno)})` };
    });
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
      release: () => this.queue.pause('the virtual terminal was switched away', 'vt'),
      acquire: () => this.queue.resume(),
      restore: () => this.restoreFoundState(),
    }, this.seat ? { ...env, PLANAR_VT: 'none' } : env);
    this.cursor = CursorPlane.create(this.addon, this.device, this.planeObjects, this.planeInfos, this.info, this.options.cursor);
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
    if (event.type === 'flip') this.queue.flipped(event);
    else if (event.type === 'lost') this.lose(event.reason);
  }

  private lose(reason: string): void {
    if (this.closed) return;
    this.queue?.releaseFlips();
    this.emitter.emit('close', { reason, lost: true });
  }

  private checkConnector(name: string): void {
    if (this.closed || this.device.connectorStatus(this.connector.id) !== 'disconnected') return;
    this.lose(`the display on ${name} was unplugged; plug it back in and restart the app (or choose another connector with PLANAR_KMS_CONNECTOR)`);
  }

  allocate(width: number, height: number, format: PixelFormat): DisplayBuffer {
    const native = new this.addon.DumbBuffer(this.device, width, height, FORMAT_CODES[format]);
    const buffer = new DumbDisplayBuffer(native, format, this.use, this.use.forget);
    this.use.register(buffer);
    return buffer;
  }

  importFrame(frame: ExternalFrame): DisplayBuffer {
    if (frame.kind === 'pixels') {
      const buffer = this.allocate(frame.width, frame.height, frame.format) as DumbDisplayBuffer;
      // The frame's bytes are already in its format's order (not the renderer's RGBA).
      buffer.copyFrame(frame.pixels, frame.stride ?? frame.width * 4);
      return Object.assign(buffer, { pixels: frame.pixels });
    }
    // A video frame's planes all lie in its one buffer; the addon lays them out from the format (NV12: two).
    const color = isVideoFormat(frame.format) ? videoColor(frame) : null;
    const what = `frame DMA-BUF fd ${frame.fd} ${frame.width}x${frame.height} ${frame.format}${color ? ` ${color.encoding} ${color.range}` : ''}`;
    let native: NativeImportedBuffer;
    try {
      native = new this.addon.ImportedBuffer(this.device, frame.fd, frame.width, frame.height, frameFormatCode(frame.format), frame.stride, frame.offset, BigInt(frame.modifier));
    } catch (error) {
      this.log(`${what}: import refused (${(error as Error).message})`);
      throw error;
    }
    const buffer = new ImportedDisplayBuffer(native, frame.format, color, frame.width, frame.height, frame.stride, BigInt(frame.modifier), this.use, this.use.forget);
    this.use.register(buffer);
    this.log(`${what}: imported as framebuffer ${native.fbId}, 0 bytes copied (shown by a plane, or read where it is composited)`);
    return buffer;
  }

  /**
   * The allocator's question. EINVAL and ERANGE are the kernel's "no"; lost master pauses
   * rendering as a refused commit does; any other errno is an error event (once, until a test
   * passes again) and a "no", so that the frame still shows, composited.
   */
  test(state: DisplayState): TestResult {
    const rules = checkState(this.planes, this.info, state);
    if (!rules.ok || this.queue.paused || this.closed) return rules;
    const outcome = this.testCommit(state.layers);
    if (outcome.ok) {
      this.reportedTestErrno = null;
      return outcome;
    }
    const { errno } = outcome;
    if (outcome.refused) return { ok: false, reason: `the kernel refused it (${errnoName(errno)})` };
    if (isLostMaster(-errno)) {
      this.queue.lostMaster();
      return { ok: false, reason: `${this.path} is not ours now (${errnoName(errno)})` };
    }
    if (this.reportedTestErrno !== errno) {
      this.reportedTestErrno = errno;
      this.emitter.emit('error', new Error(testFailure(this.path, errno)));
    }
    return { ok: false, reason: `the test commit failed (${describeErrno(errno)})` };
  }

  private testCommit(layers: readonly LayerState[]): TestOutcome {
    const request = this.requests.modeset(this.requests.build(layers, { forTest: true, cursor: this.cursor?.placement() ?? null }));
    const { result } = this.device.commit(...request.arrays(), COMMIT.testOnly | COMMIT.allowModeset, 0);
    return result === 0 ? { ok: true } : { ok: false, errno: -result, refused: isRefusal(-result) };
  }

  commit(state: DisplayState): Promise<Presented> {
    const layers = [...state.layers];
    const fbs = layers.map((l) => (l.buffer as ScanoutBuffer).fbId);
    for (const fb of fbs) this.use.hold(fb);
    return this.queue.serial(async () => {
      try {
        const blobs: number[] = [];
        const { presentedAt } = await this.queue.flip(() => {
          const request = this.requests.build(layers, { cursor: this.cursor?.placement() ?? null });
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
    for (const bufferId of this.use.dropAll(fbs)) this.emitter.emit('release', { bufferId });
  }

  /** The request that shows the last state again, with the cursor where it is now. */
  private shownRequest(): AtomicRequest {
    return this.requests.build(this.shown.layers, { cursor: this.cursor?.placement() ?? null });
  }

  /** Shows the last state again (a cursor move, coming back from a pause). */
  private recommit(): Promise<unknown> {
    return this.queue.flip(() => this.shownRequest());
  }

  private moveCursor(x: number, y: number, visible: boolean): void {
    const cursor = this.cursor;
    if (!cursor) return;
    cursor.move(x, y, visible);
    if (cursor.queued || !this.shown.layers.length) return;
    cursor.queued = true;
    void this.queue.serial(async () => {
      cursor.queued = false;
      if (this.queue.paused || this.closed) return;
      await this.recommit();
    }).catch((error: Error) => this.emitter.emit('error', error));
  }

  /** What each plane shows now (and the cursor), for diagnostics and tests. */
  describeShown(): { layers: ShownLayer[]; cursor: { planeId: number; x: number; y: number } | null } {
    return {
      layers: this.shown.layers.map((l) => ({ layerId: l.id, planeId: l.planeId, zpos: l.zpos, x: l.x, y: l.y, width: l.width, height: l.height, source: l.source ?? null })),
      cursor: this.cursor?.describe(this.shown.layers.map((l) => l.planeId)) ?? null,
    };
  }

  capture(): Promise<Capture> {
    return this.output.take(this.info, () => this.shown.layers, () => this.shownRequest(), this.queue);
  }

  /**
   * Display power for screen blanking: CRTC ACTIVE off (after the frame in flight; rendering
   * pauses) and on again (at once: a modeset shows the latest frame).
   */
  async setPower(on: boolean): Promise<void> {
    if (on) {
      if (!this.powerOff) return;
      this.powerOff = false;
      this.queue.resume();
      await this.queue.drained();
      return;
    }
    return this.queue.serial(async () => {
      if (this.powerOff) return;
      const request = new AtomicRequest().set(this.crtc, 'ACTIVE', 0);
      const { result } = this.device.commit(...request.arrays(), COMMIT.allowModeset, 0);
      if (result !== 0) throw new Error(`cannot switch ${this.connector.label} off: ${describeErrno(-result)}`);
      this.powerOff = true;
      this.queue.pause('the display is switched off', 'power');
    });
  }

  /** Backlight brightness, 0..1, through /sys/class/backlight (PLANAR_BACKLIGHT names the device). */
  setBrightness(level: number): void {
    if (!this.backlight) throw new Error('this device has no backlight in /sys/class/backlight');
    this.backlight.set(level);
  }

  private paused(reason: string, cause: PauseCause): void {
    this.input?.suspend();
    if (cause !== 'power') console.error(`planar: rendering paused: ${reason}`);
  }

  private resumed(idle: boolean): void {
    this.input?.resume();
    // With no frame waiting to go, show the last one again (the app may be idle).
    if (this.shown.layers.length && idle) void this.queue.serial(() => this.recommit()).catch((error: Error) => this.emitter.emit('error', error));
  }

  /** Puts back what the CRTC showed when the app started (a blocking commit: it runs at exit). */
  private restoreFoundState(): void {
    if (this.restored || !this.device) return;
    this.restored = true;
    const { result } = this.device.commit(...this.restoreRequest.arrays(), COMMIT.allowModeset, 0);
    // What was shown is gone with its owner: leave the output off rather than showing our frame.
    if (result !== 0) this.device.commit(...outputOffRequest({ crtc: this.crtc, connector: this.connector, writeback: this.writeback, planeObjects: this.planeObjects }).arrays(), COMMIT.allowModeset, 0);
    this.device.dropMaster();
  }

  on<K extends keyof DisplayEvents>(event: K, cb: (e: DisplayEvents[K]) => void): () => void {
    this.emitter.on(event, cb);
    return () => this.emitter.off(event, cb);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue.drained();
    this.closed = true;
    this.queue.close();
    if (this.watchdog) clearInterval(this.watchdog);
    this.input?.close();
    this.restoreFoundState();
    this.session?.dispose();
    this.requests?.destroy();
    this.cursor?.destroy();
    this.output.destroy();
    if (this.modeBlob) this.device.destroyBlob(this.modeBlob);
    this.device.close();
    this.seat?.close();
    this.emitter.all.clear();
  }

  /** What the KMS addon holds now (fds, mappings, buffers of every device in this process); null on a mock kernel. */
  liveObjects(): NativeLiveObjects | null {
    return this.addon.liveObjects?.() ?? null;
  }

  /** The seat the devices were opened through (seatd or logind), or null when opened directly. */
  get seatName(): string | null {
    return this.seat?.name() ?? null;
  }
}
