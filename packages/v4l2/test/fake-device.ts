/**
 * A V4L2 capture device in memory, for tests of the source without a kernel: the formats and
 * sizes it lists, S_FMT's adjustments, MMAP buffers with the queue/done/user states vb2 keeps,
 * fds handed out by EXPBUF and taken back on close, and a driver that fills queued buffers when
 * a test calls `fill()` (in queue order, as vb2 does) and wakes the watcher. `unplug()` makes
 * every call fail with ENODEV and the poll report an error, as a USB camera pulled out does.
 */
import type { V4l2Capability, V4l2Dequeued, V4l2Format, V4l2FormatDesc, V4l2FrameSize, V4l2Kernel, V4l2Readiness, YuvLayout } from '../src/native.js';
import { yuvToXrgb } from '../src/yuv.js';

/** The bytes a frame of `fourcc` takes, as a driver reports them in sizeimage. */
function frameBytes(fourcc: string, width: number, height: number): number {
  if (fourcc === 'YUYV') return width * height * 2;
  if (fourcc === 'NV12') return width * height + 2 * Math.ceil(width / 2) * Math.ceil(height / 2);
  return width * height * 4;
}

const errnoError = (message: string, errno: number) => Object.assign(new Error(message), { errno });
const ENODEV = 19, EINVAL = 22, EBUSY = 16;

export interface FakeShape {
  formats?: { fourcc: string; compressed?: boolean }[];
  sizes?: V4l2FrameSize[];
  capability?: Partial<V4l2Capability>;
  /** What S_FMT gives instead of the size asked for (a driver that rounds). */
  adjust?: (w: number, h: number) => { width: number; height: number };
  /** Most buffers the driver gives. */
  maxBuffers?: number;
  /** Where a frame starts in its buffer (a multi-planar driver's data_offset). */
  dataOffset?: number;
}

type BufferState = 'user' | 'queued' | 'done';

export class FakeDevice implements V4l2Kernel {
  format: V4l2Format = { width: 640, height: 480, fourcc: 'XR24', bytesPerLine: 2560, sizeImage: 640 * 480 * 4 };
  buffers: { state: BufferState; data: Uint8Array; fd: number | null }[] = [];
  streaming = false;
  closed = false;
  lost = false;
  /** Every QBUF, in order. */
  readonly queued: number[] = [];
  openFds = 0;
  private sequence = 0;
  private done: number[] = [];
  private watcher: ((r: V4l2Readiness) => void) | null = null;
  private nextFd = 100;

  constructor(readonly path: string, private readonly shape: FakeShape = {}) {}

  private check(): void {
    if (this.closed) throw new Error(`${this.path} is closed`);
    if (this.lost) throw errnoError(`${this.path}: No such device`, ENODEV);
  }

  capability(): V4l2Capability {
    this.check();
    return { driver: 'fake', card: 'Fake Camera', busInfo: 'platform:fake', deviceCaps: 0x04000001, capture: true, streaming: true, ...this.shape.capability };
  }

  formats(): V4l2FormatDesc[] {
    this.check();
    return (this.shape.formats ?? [{ fourcc: 'XR24' }]).map((f) => ({ fourcc: f.fourcc, description: `fake ${f.fourcc}`, compressed: !!f.compressed, emulated: false }));
  }

  frameSizes(): V4l2FrameSize[] {
    this.check();
    return this.shape.sizes ?? [{ kind: 'discrete', width: 640, height: 480 }];
  }

  getFormat(): V4l2Format {
    this.check();
    return { ...this.format };
  }

  setFormat(request: { width: number; height: number; fourcc: string }): V4l2Format {
    this.check();
    if (this.buffers.length) throw errnoError(`${this.path}: VIDIOC_S_FMT: Device or resource busy`, EBUSY);
    const listed = this.formats().some((f) => f.fourcc === request.fourcc);
    const fourcc = listed ? request.fourcc : this.formats()[0]!.fourcc;
    const { width, height } = this.shape.adjust?.(request.width, request.height) ?? request;
    const bytesPerLine = fourcc === 'YUYV' ? width * 2 : fourcc === 'NV12' ? width : width * 4;
    this.format = { width, height, fourcc, bytesPerLine, sizeImage: frameBytes(fourcc, width, height) };
    return { ...this.format };
  }

  setFrameRate(fps: number): number {
    this.check();
    return fps;
  }

  requestBuffers(count: number): number {
    this.check();
    if (this.streaming && count) throw errnoError(`${this.path}: VIDIOC_REQBUFS: Device or resource busy`, EBUSY);
    this.releaseBuffers();
    const given = Math.min(count, this.shape.maxBuffers ?? 32);
    for (let i = 0; i < given; i++) this.buffers.push({ state: 'user', data: new Uint8Array(this.format.sizeImage), fd: null });
    return given;
  }

  exportBuffer(index: number): number {
    this.check();
    const b = this.buffer(index);
    if (b.fd === null) {
      b.fd = this.nextFd++;
      this.openFds++;
    }
    return b.fd;
  }

  readBuffer(index: number, target: Uint8Array): void {
    this.check();
    const b = this.buffer(index);
    target.set(b.data.subarray(0, Math.min(target.length, b.data.length)));
  }

  convertBuffer(index: number, target: Uint8Array, layout: YuvLayout): void {
    this.check();
    const { fourcc, width, height, stride } = layout;
    yuvToXrgb(fourcc, this.buffer(index).data, stride, width, height, new Uint32Array(target.buffer, target.byteOffset, width * height));
  }

  queue(index: number): void {
    this.check();
    const b = this.buffer(index);
    if (b.state !== 'user') throw errnoError(`${this.path}: VIDIOC_QBUF: buffer ${index} is ${b.state}: Invalid argument`, EINVAL);
    b.state = 'queued';
    this.queued.push(index);
  }

  dequeue(): V4l2Dequeued | null {
    this.check();
    if (!this.streaming) throw errnoError(`${this.path}: VIDIOC_DQBUF: Invalid argument`, EINVAL);
    const index = this.done.shift();
    if (index === undefined) return null;
    this.buffers[index]!.state = 'user';
    return { index, bytesUsed: this.format.sizeImage, dataOffset: this.shape.dataOffset ?? 0, sequence: this.sequence++, timestampUs: Number(process.hrtime.bigint() / 1000n), monotonic: true, error: false };
  }

  streamOn(): void {
    this.check();
    this.streaming = true;
  }

  streamOff(): void {
    this.check();
    this.streaming = false;
    this.done = [];
    for (const b of this.buffers) b.state = 'user';
  }

  watch(cb: (r: V4l2Readiness) => void): void {
    this.check();
    this.watcher = cb;
  }

  unwatch(): void {
    this.watcher = null;
  }

  close(): void {
    if (this.closed) return;
    this.watcher = null;
    this.streaming = false;
    this.releaseBuffers();
    this.closed = true;
  }

  // ---- The test's side: the driver and the cable. ----

  /** Fills up to `count` queued buffers, oldest queued first, with `paint(index, data)`, and wakes the watcher. */
  fill(count = 1, paint: (data: Uint8Array, sequence: number) => void = () => {}): number[] {
    const filled: number[] = [];
    for (const index of this.queuedInOrder().slice(0, count)) {
      const b = this.buffers[index]!;
      paint(b.data, this.sequence + this.done.length);
      b.state = 'done';
      this.done.push(index);
      filled.push(index);
    }
    if (filled.length) this.watcher?.('readable');
    return filled;
  }

  /** The cable is pulled: the poll reports an error and every call fails with ENODEV. */
  unplug(): void {
    this.lost = true;
    const w = this.watcher;
    this.watcher = null;
    w?.('error');
  }

  /** Buffers in each state. */
  states(): Record<BufferState, number> {
    const n = { user: 0, queued: 0, done: 0 };
    for (const b of this.buffers) n[b.state]++;
    return n;
  }

  private queuedInOrder(): number[] {
    const order: number[] = [];
    for (let i = this.queued.length - 1; i >= 0; i--) {
      const index = this.queued[i]!;
      if (this.buffers[index]?.state === 'queued' && !order.includes(index)) order.unshift(index);
    }
    return order;
  }

  private buffer(index: number) {
    const b = this.buffers[index];
    if (!b) throw errnoError(`${this.path}: buffer ${index} does not exist: Invalid argument`, EINVAL);
    return b;
  }

  private releaseBuffers(): void {
    for (const b of this.buffers) if (b.fd !== null) this.openFds--;
    this.buffers = [];
    this.done = [];
  }
}
