/**
 * `createV4l2Source`: a V4L2 capture device (a USB camera, a decoder's capture queue, vivid)
 * as the source of an `<ExternalLayer>`.
 *
 * 1. Open the device, check it captures and streams, choose a format and size (negotiate.ts),
 *    set them and the frame rate, and ask for MMAP buffers; each is exported as a DMA-BUF
 *    (frames.ts) and queued.
 * 2. Stream on and watch the fd through the event loop. When buffers are ready, take every
 *    filled one: the newest is pushed to the ExternalSource, the older ones go straight back
 *    to the device (a display that is behind never builds up latency).
 * 3. The ExternalSource hands a frame back (`release`) once no display reads it; its buffer is
 *    queued again then.
 * 4. Trouble never throws into the app: a device that cannot be opened, is busy, refuses the
 *    format or goes away mid-stream sets `status` to `failed` or `lost` with a message that
 *    says what to do, emits `error`, and closes the ExternalSource so the layer shows nothing
 *    (the app draws its placeholder under it). Only bad options throw, at once.
 */
import mitt from 'mitt';
import { createExternalSource, signal, type ExternalSource, type ReadonlySignal } from '@planar/toolkit';
import type { ExternalFrame, FrameFormat } from '@planar/toolkit/backend';
import { loadAddon, type V4l2Dequeued, type V4l2Kernel } from './native.js';
import { chooseFormat, type FormatChoice } from './negotiate.js';
import { DeviceFrames } from './frames.js';
import { deviceError } from './errors.js';

export interface V4l2SourceOptions {
  /** The capture device node, e.g. '/dev/video0'. */
  device: string;
  /** The frame size wanted; the device's nearest size is taken (see `format`). */
  width: number;
  height: number;
  /** A V4L2 format code to insist on ('XR24', 'YUYV', 'NV12'); default: the best the device offers. */
  format?: string;
  /** Frames a second asked of the device (default 30). */
  fps?: number;
  /** Display formats in the order the planes take them (`scanoutFormats(app.display)`, video formats included); default XRGB8888 first. */
  prefer?: readonly FrameFormat[];
  /** MMAP buffers to ask for (default 4; at least 2). */
  buffers?: number;
  /** Opens the device; the default is the addon. Tests pass a fake. */
  open?: (path: string) => V4l2Kernel;
}

export type V4l2Status =
  | { state: 'streaming'; message: null }
  | { state: 'failed' | 'lost'; message: string }
  | { state: 'closed'; message: null };

/** One frame taken from the device and shown. */
export interface V4l2FrameEvent {
  /** The device's frame counter. */
  sequence: number;
  /** The ExternalSource's `serial` after the push: frame stats name the frame they showed by it. */
  serial: number;
  /** When the device filled it, ms on the performance.now() clock (kernel timestamp), or null when its clock is not monotonic. */
  capturedAt: number | null;
  /** When it was taken from the device, ms on the performance.now() clock. */
  dequeuedAt: number;
  /** Older filled buffers returned unshown with it. */
  dropped: number;
}

export interface V4l2Source {
  /** The frames, for `<ExternalLayer source={video.source} />`. */
  readonly source: ExternalSource;
  /** What was negotiated: the V4L2 format and size, and how frames reach the display. */
  readonly format: FormatChoice | null;
  readonly status: ReadonlySignal<V4l2Status>;
  /** Frames shown, frames dropped, and bytes copied for frames (0 while frames go to planes by DMA-BUF). */
  stats(): { frames: number; dropped: number; copiedBytes: number };
  on(event: 'frame', cb: (e: V4l2FrameEvent) => void): () => void;
  on(event: 'error', cb: (e: Error) => void): () => void;
  /** Keeps the frame shown and takes no new ones (the device fills its queued buffers meanwhile). */
  pause(): void;
  /** Takes frames again, the newest filled one first. */
  resume(): void;
  /** Stops streaming and gives the device back; the layer shows nothing. Safe to call twice. */
  close(): void;
}

const DEFAULT_PREFER: readonly FrameFormat[] = ['XRGB8888', 'ARGB8888', 'XBGR8888', 'ABGR8888'];

/**
 * Streams a V4L2 capture device into an ExternalSource.
 * @example const camera = createV4l2Source({ device: '/dev/video0', width: 640, height: 480, prefer: scanoutFormats(app.display) });
 *          <ExternalLayer source={camera.source} plane="prefer" />
 */
export function createV4l2Source(options: V4l2SourceOptions): V4l2Source {
  const { device, width, height, fps = 30, buffers = 4 } = checkOptions(options);
  const events = mitt<{ frame: V4l2FrameEvent; error: Error }>();
  const status = signal<V4l2Status>({ state: 'streaming', message: null });
  let kernel: V4l2Kernel | null = null;
  let frames: DeviceFrames | null = null;
  let choice: FormatChoice | null = null;
  let source: ExternalSource;
  const counts = { frames: 0, dropped: 0 };
  let offRelease: (() => void) | null = null;

  const stop = (state: 'failed' | 'lost' | 'closed', error: Error | null) => {
    if (status.peek().state !== 'streaming') return;
    try {
      kernel?.close();
    } catch {
      // Closing is best effort: the fd goes with the object either way.
    }
    kernel = null;
    status.value = state === 'closed' ? { state, message: null } : { state, message: error!.message };
    source.close();
    offRelease?.();
    if (error) queueMicrotask(() => emit('error', error));
  };
  const emit = <K extends 'frame' | 'error'>(event: K, value: K extends 'frame' ? V4l2FrameEvent : Error) => {
    if (event === 'error' && !events.all.get('error')?.length) {
      console.error(`planar: ${(value as Error).message}`);
      return;
    }
    events.emit(event, value as never);
  };

  const take = () => {
    if (!kernel || !frames) return;
    let newest: V4l2Dequeued | null = null;
    let dropped = 0;
    for (let got = kernel.dequeue(); got; got = kernel.dequeue()) {
      if (newest) {
        kernel.queue(newest.index);
        dropped++;
      }
      if (got.error) {
        kernel.queue(got.index);
        dropped++;
        newest = null;
        continue;
      }
      newest = got;
    }
    counts.dropped += dropped;
    if (!newest) return;
    const dequeuedAt = performance.now();
    const frame = frames.frameFor(newest.index, newest.dataOffset);
    if (!frame) {
      counts.dropped++;
      return;
    }
    source.push(frame);
    counts.frames++;
    emit('frame', { sequence: newest.sequence, serial: source.serial, capturedAt: newest.monotonic ? monotonicToNow(newest.timestampUs) : null, dequeuedAt, dropped });
  };

  const onReady = (readiness: 'readable' | 'error') => {
    try {
      if (readiness === 'readable') take();
      else {
        // POLLERR: a dequeue says why (ENODEV when the device is gone).
        kernel?.dequeue();
        throw Object.assign(new Error('the device stopped streaming'), { errno: 0 });
      }
    } catch (error) {
      const e = deviceError(device, 'taking a frame', error as Error & { errno?: number });
      stop(e.lost ? 'lost' : 'failed', e);
    }
  };
  let paused = false;

  try {
    kernel = (options.open ?? ((p) => new (loadAddon().V4l2Device)(p)))(device);
    const cap = kernel.capability();
    if (!cap.capture || !cap.streaming) throw new Error(`${device} (${cap.card}, driver ${cap.driver}) is not a streaming video capture device: give the capture node of the camera or decoder (v4l2-ctl --list-devices lists them)`);
    choice = chooseFormat(kernel, { width, height, format: options.format, prefer: options.prefer ?? DEFAULT_PREFER });
    const set = kernel.setFormat({ width: choice.width, height: choice.height, fourcc: choice.fourcc });
    if (set.fourcc !== choice.fourcc) throw new Error(`${device} refused the format ${choice.fourcc} (it set ${set.fourcc}); name another with the format option`);
    choice = { ...choice, width: set.width, height: set.height };
    kernel.setFrameRate(fps);
    const count = kernel.requestBuffers(buffers);
    if (count < 2) throw new Error(`${device} gave ${count} buffer(s) where at least 2 are needed`);
    frames = new DeviceFrames(kernel, { fourcc: set.fourcc, width: set.width, height: set.height, stride: set.bytesPerLine, sizeImage: set.sizeImage, displayFormat: choice.displayFormat, path: choice.path }, count);
    source = createExternalSource({ width: set.width, height: set.height, format: choice.displayFormat });
    for (let i = 0; i < count; i++) kernel.queue(i);
    kernel.streamOn();
    kernel.watch(onReady);
  } catch (error) {
    source ??= createExternalSource({ width, height, format: choice?.displayFormat ?? 'XRGB8888' });
    const e = deviceError(device, 'starting', error as Error & { errno?: number });
    stop(e.lost ? 'lost' : 'failed', e);
  }

  // A shown frame comes back to the device when the display lets go of it (not after a stop).
  if (status.peek().state === 'streaming') offRelease = source!.on('release', (frame: ExternalFrame) => {
    if (!kernel || !frames) return;
    try {
      frames.released(frame);
    } catch (error) {
      const e = deviceError(device, 'giving a buffer back', error as Error & { errno?: number });
      stop(e.lost ? 'lost' : 'failed', e);
    }
  });

  return {
    get source() { return source; },
    get format() { return choice; },
    status,
    stats: () => ({ ...counts, copiedBytes: frames?.copiedBytes ?? 0 }),
    on(event: 'frame' | 'error', cb: (e: never) => void) {
      events.on(event, cb as never);
      return () => events.off(event, cb as never);
    },
    pause() {
      if (paused || !kernel) return;
      paused = true;
      kernel.unwatch();
    },
    resume() {
      if (!paused || !kernel) return;
      paused = false;
      kernel.watch(onReady);
      onReady('readable');
    },
    close: () => stop('closed', null),
  };
}

/** A kernel timestamp (µs, CLOCK_MONOTONIC, which Node's hrtime reads) on the performance.now() clock. */
function monotonicToNow(us: number): number {
  const nowUs = Number(process.hrtime.bigint() / 1000n);
  return performance.now() - (nowUs - us) / 1000;
}

function checkOptions(options: V4l2SourceOptions): V4l2SourceOptions {
  if (!options || typeof options.device !== 'string' || !options.device) throw new Error('createV4l2Source: device must be the path of a capture device, e.g. /dev/video0');
  for (const name of ['width', 'height'] as const) {
    const v = options[name];
    if (!Number.isInteger(v) || v <= 0) throw new Error(`createV4l2Source: ${name} must be a positive whole number of pixels, got ${String(v)}`);
  }
  if (options.fps !== undefined && !(options.fps > 0 && options.fps <= 1000)) throw new Error(`createV4l2Source: fps must be between 0 and 1000, got ${String(options.fps)}`);
  if (options.buffers !== undefined && !(Number.isInteger(options.buffers) && options.buffers >= 2 && options.buffers <= 32)) throw new Error(`createV4l2Source: buffers must be a whole number from 2 to 32, got ${String(options.buffers)}`);
  if (options.format !== undefined && !/^[\x20-\x7e]{4}$/.test(options.format)) throw new Error(`createV4l2Source: format must be a four-character V4L2 code such as XR24, YUYV or NV12, got ${String(options.format)}`);
  return options;
}
