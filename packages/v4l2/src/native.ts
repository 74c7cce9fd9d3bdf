/**
 * The addon's V4L2 device, typed, and how it is loaded. `V4l2Kernel` is everything the source
 * asks of a device: the addon implements it over ioctls on a /dev/video node, and the tests'
 * fake device (test/fake-device.ts) implements it in memory, so the source's negotiation and
 * buffer cycling are tested without a kernel.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** VIDIOC_QUERYCAP, with the bits the source needs spelled out. */
export interface V4l2Capability {
  driver: string;
  card: string;
  busInfo: string;
  /** The device node's own capabilities (device_caps). */
  deviceCaps: number;
  /** Single-planar video capture (V4L2_CAP_VIDEO_CAPTURE). */
  capture: boolean;
  /** Streaming I/O (V4L2_CAP_STREAMING): REQBUFS, QBUF, DQBUF. */
  streaming: boolean;
}

/** One entry of VIDIOC_ENUM_FMT (capture). */
export interface V4l2FormatDesc {
  /** The four characters of the pixel format code, as V4L2 names it ('XR24', 'YUYV', 'NV12'). */
  fourcc: string;
  description: string;
  compressed: boolean;
  /** Converted by libv4l or the driver in software (V4L2_FMT_FLAG_EMULATED). */
  emulated: boolean;
}

/** One answer of VIDIOC_ENUM_FRAMESIZES: a discrete size, or a range with a step. */
export type V4l2FrameSize =
  | { kind: 'discrete'; width: number; height: number }
  | { kind: 'stepwise' | 'continuous'; minWidth: number; maxWidth: number; stepWidth: number; minHeight: number; maxHeight: number; stepHeight: number };

/** The capture format (VIDIOC_G_FMT / S_FMT), single-planar. */
export interface V4l2Format {
  width: number;
  height: number;
  fourcc: string;
  bytesPerLine: number;
  sizeImage: number;
}

/** A filled buffer taken from the device (VIDIOC_DQBUF). */
export interface V4l2Dequeued {
  index: number;
  /** The frame's bytes, from `dataOffset` on. */
  bytesUsed: number;
  /** Where the frame starts in its buffer (and its DMA-BUF): 0, but a multi-planar driver may say otherwise. */
  dataOffset: number;
  sequence: number;
  /** The buffer's timestamp in microseconds; on the monotonic clock when `monotonic`. */
  timestampUs: number;
  monotonic: boolean;
  /** V4L2_BUF_FLAG_ERROR: the frame may be corrupt. */
  error: boolean;
}

/**
 * What the poll on the device's fd saw: `readable` (a buffer can be dequeued), or `error`
 * (POLLERR: not streaming, or the device is gone; a dequeue tells which). After `error` the
 * poll is stopped.
 */
export type V4l2Readiness = 'readable' | 'error';

/** A YUV frame's layout in memory, and the matrix that turns it into RGB. */
export interface YuvLayout {
  fourcc: 'YUYV' | 'NV12';
  width: number;
  height: number;
  /** Bytes per row (of the Y plane, for NV12). */
  stride: number;
  matrix: 'bt601' | 'bt709';
}

export interface V4l2Kernel {
  /** The device node's path, for messages. */
  readonly path: string;
  capability(): V4l2Capability;
  formats(): V4l2FormatDesc[];
  frameSizes(fourcc: string): V4l2FrameSize[];
  getFormat(): V4l2Format;
  /** VIDIOC_S_FMT: the driver may adjust the request; the format it chose is returned. */
  setFormat(request: { width: number; height: number; fourcc: string }): V4l2Format;
  /** VIDIOC_S_PARM: asks for `fps` frames a second; returns the rate granted, or 0 when the device has no frame rate setting. */
  setFrameRate(fps: number): number;
  /** VIDIOC_REQBUFS with MMAP memory; 0 frees them (and their exported fds). Returns how many the driver gave. */
  requestBuffers(count: number): number;
  /** VIDIOC_EXPBUF: a DMA-BUF fd for buffer `index`, owned by the device (closed with the buffers). */
  exportBuffer(index: number): number;
  /** Copies buffer `index`'s first `bytes` bytes (its mapping) into `target`. */
  readBuffer(index: number, target: Uint8Array): void;
  /**
   * Converts buffer `index` (a YUYV or NV12 frame, straight from its mapping) into `target` as
   * XRGB8888, exactly as `yuvToXrgb` (yuv.ts) does.
   */
  convertBuffer(index: number, target: Uint8Array, layout: YuvLayout): void;
  /** VIDIOC_QBUF: gives buffer `index` to the driver to fill. */
  queue(index: number): void;
  /** VIDIOC_DQBUF: a filled buffer, or null when none is ready (EAGAIN). Throws with `errno` otherwise (ENODEV: unplugged). */
  dequeue(): V4l2Dequeued | null;
  streamOn(): void;
  streamOff(): void;
  /** Polls the fd through the event loop (never blocking it) and calls `cb` on readiness. One watcher at a time. */
  watch(cb: (readiness: V4l2Readiness) => void): void;
  unwatch(): void;
  /** Stops polling and streaming, frees the buffers and their fds and closes the device; again is a no-op. */
  close(): void;
}

export interface V4l2Addon {
  /** Opens a device node (non-blocking); throws with `errno` and the path (ENOENT, EACCES, EBUSY). */
  V4l2Device: new (path: string) => V4l2Kernel;
  /** `yuvToXrgb` in native code: a frame in `source` into `target` as XRGB8888. */
  convertYuv(source: Uint8Array, target: Uint8Array, layout: YuvLayout): void;
  /** Fds, mappings and buffers the addon holds, for leak tests. */
  liveObjects(): { fds: number; mappings: number; buffers: number };
}

const ADDON = fileURLToPath(new URL('../build/Release/planar_v4l2.node', import.meta.url));

let addon: V4l2Addon | null = null;

/** The addon, which scripts/setup.mjs builds with node-gyp like the others. */
export function loadAddon(): V4l2Addon {
  if (addon) return addon;
  if (!existsSync(ADDON)) throw new Error(`the V4L2 addon is not built (${ADDON} is missing): run npm run setup, which builds it with node-gyp (it needs g++ and the kernel headers of linux-libc-dev)`);
  addon = createRequire(import.meta.url)(ADDON) as V4l2Addon;
  return addon;
}
