/**
 * The V4L2 addon driven for real. Without a video device (these machines have none) the cases
 * take the paths that need none: opens that fail, each giving back the fd it took. With one
 * (vivid, the kernel's virtual camera, at /dev/video0 in the test VM) they capture a frame the
 * way the video source does: pick a format, map and export buffers, queue them, stream, wait
 * for the poll, dequeue, read the pixels, close; and the addon's live objects come back to
 * what they were. A YUV frame is converted straight from its buffer and must match the JS
 * conversion of a copy. The cases run on whichever API the device offers, single-planar or
 * multi-planar (vivid's multiplanar=2); one runs only on a multi-planar device, which must also
 * refuse a format whose planes are in separate buffers (NV12M).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { V4l2Addon, V4l2Dequeued, V4l2Kernel, YuvLayout } from '../src/native.js';
import { defaultColorEncoding } from '@planar/toolkit/backend';
import { yuvToXrgb } from '../src/yuv.js';

const ADDON = new URL('../build/Release/planar_v4l2.node', import.meta.url);
if (!existsSync(ADDON)) throw new Error(`the V4L2 addon is not built (${ADDON.pathname} is missing): run npx node-gyp rebuild --nodedir=/usr in packages/v4l2`);
const addon = createRequire(import.meta.url)(ADDON.pathname) as V4l2Addon;

const CAMERA = '/dev/video0';
const hasCamera = existsSync(CAMERA);
const [V4L2_CAP_VIDEO_CAPTURE, V4L2_CAP_VIDEO_CAPTURE_MPLANE] = [0x1, 0x1000];
function cameraCaps(): number {
  const device = new addon.V4l2Device(CAMERA);
  try {
    return device.capability().deviceCaps;
  } finally {
    device.close();
  }
}
// The addon speaks the multi-planar API to a node that has it and not the single-planar one.
const caps = hasCamera ? cameraCaps() : 0;
const multiplanar = (caps & V4L2_CAP_VIDEO_CAPTURE_MPLANE) !== 0 && (caps & V4L2_CAP_VIDEO_CAPTURE) === 0;
const live = () => addon.liveObjects();
// A poll handle is freed in libuv's close phase, after the turn that closed it.
const loopTurns = async () => {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => setImmediate(resolve));
};

function catchError(action: () => unknown): Error & { errno?: number } {
  try {
    action();
  } catch (error) {
    return error as Error & { errno?: number };
  }
  throw new Error('expected a throw');
}

/** Queues buffers 0 to count - 1, starts the stream and waits for the first frame. */
function firstFrame(device: V4l2Kernel, count: number): Promise<V4l2Dequeued> {
  for (let index = 0; index < count; index++) device.queue(index);
  device.streamOn();
  return nextFrame(device);
}

/** The next filled buffer, through the poll as the video source waits for one. */
function nextFrame(device: V4l2Kernel): Promise<V4l2Dequeued> {
  return new Promise((resolve, reject) => {
    device.watch((readiness) => {
      try {
        if (readiness === 'error') throw new Error(`the poll on ${device.path} reported an error`);
        const frame = device.dequeue();
        if (!frame) return;
        device.unwatch();
        resolve(frame);
      } catch (error) {
        device.unwatch();
        reject(error);
      }
    });
  });
}

describe('opening a V4L2 device', () => {
  it('a-node-that-does-not-exist: throws ENOENT naming the path, and holds nothing', () => {
    const before = live();
    const error = catchError(() => new addon.V4l2Device('/dev/video-planar-missing'));
    expect(error.message).toBe('cannot open /dev/video-planar-missing: No such file or directory');
    expect(error.errno).toBe(constants.errno.ENOENT);
    expect(live()).toEqual(before);
  });

  it('a-node-that-is-not-v4l2: /dev/null is opened, asked, refused and closed again', () => {
    const before = live();
    const error = catchError(() => new addon.V4l2Device('/dev/null'));
    expect(error.message).toMatch(/^\/dev\/null is not a V4L2 device: /);
    expect(error.errno).toBe(constants.errno.ENOTTY);
    expect(live()).toEqual(before);
  });

  it('a-path-that-is-not-a-string: a TypeError saying what a path is', () => {
    const V4l2Device = addon.V4l2Device as unknown as new (path: unknown) => V4l2Kernel;
    expect(() => new V4l2Device(0)).toThrow(TypeError);
    expect(() => new V4l2Device(0)).toThrow(/path must be a device node's path such as '\/dev\/video0'/);
  });
});

describe.skipIf(!hasCamera)(`a camera at ${CAMERA}`, () => {
  it('a-frame-round-trip: format, buffers, export, stream, poll, dequeue, read, close', async () => {
    const before = live();
    const device = new addon.V4l2Device(CAMERA);
    expect(device.path).toBe(CAMERA);
    expect(device.capability()).toMatchObject({ capture: true, streaming: true, multiplanar });
    expect(device.formats().map((format) => format.fourcc)).toContain('XR24');
    expect(device.frameSizes('XR24').length).toBeGreaterThan(0);
    const format = device.setFormat({ width: 640, height: 480, fourcc: 'XR24' });
    expect(format).toEqual({ width: 640, height: 480, fourcc: 'XR24', bytesPerLine: 640 * 4, sizeImage: 640 * 480 * 4 });
    expect(device.getFormat()).toEqual(format);
    expect(device.setFrameRate(30), 'a rate the camera granted').toBeGreaterThan(0);

    const count = device.requestBuffers(4);
    expect(() => device.setFormat({ width: 320, height: 180, fourcc: 'XR24' }), 'with buffers').toThrow(/the device is busy/);
    expect(count).toBeGreaterThanOrEqual(2);
    expect(live(), 'mapped').toEqual({ fds: before.fds + 1, mappings: before.mappings + count, buffers: before.buffers + count });
    const exported = Array.from({ length: count }, (_, index) => device.exportBuffer(index));
    expect(new Set(exported).size).toBe(count);
    expect(device.exportBuffer(0), 'asked again').toBe(exported[0]);
    expect(live().fds, 'exported').toBe(before.fds + 1 + count);
    for (let index = 0; index < count; index++) device.queue(index);

    let replacedCalls = 0;
    device.watch(() => replacedCalls++);
    device.streamOn();
    const frame = await nextFrame(device);
    expect(replacedCalls, 'the first watcher, replaced').toBe(0);
    expect(frame).toMatchObject({ bytesUsed: format.sizeImage, monotonic: true, error: false });
    expect(frame.index).toBeLessThan(count);
    const pixels = new Uint8Array(format.sizeImage);
    device.readBuffer(frame.index, pixels);
    expect(pixels.some((byte) => byte !== 0), 'the frame has a picture').toBe(true);

    device.close();
    device.close();
    expect(() => device.dequeue()).toThrow(`${CAMERA} is closed`);
    expect(() => device.formats()).toThrow(`${CAMERA} is closed`);
    await loopTurns();
    expect(live(), 'after close').toEqual(before);
  });

  it.each(['YUYV', 'NV12'] as const)('a-%s-frame-converted-in-its-buffer: the same pixels as the JS conversion of a copy', async (fourcc) => {
    const device = new addon.V4l2Device(CAMERA);
    try {
      const format = device.setFormat({ width: 640, height: 480, fourcc });
      expect(format.fourcc).toBe(fourcc);
      const { width, height, bytesPerLine: stride } = format;
      const count = device.requestBuffers(2);
      const frame = await firstFrame(device, count);
      const layout: YuvLayout = { fourcc, width, height, stride, matrix: defaultColorEncoding(height) };
      const target = new Uint8Array(width * height * 4);
      device.convertBuffer(frame.index, target, layout);

      const copy = new Uint8Array(format.sizeImage);
      device.readBuffer(frame.index, copy);
      const words = new Uint32Array(width * height);
      yuvToXrgb(fourcc, copy, stride, width, height, words);
      expect(Buffer.from(target.buffer).equals(Buffer.from(words.buffer)), 'native and JS pixels equal').toBe(true);
      expect(words.some((word) => word !== 0xff000000), 'the frame has a picture').toBe(true);

      expect(() => device.convertBuffer(count, target, layout)).toThrow(`convertBuffer: there is no buffer ${count} on ${CAMERA}, which has ${count}`);
      expect(() => device.convertBuffer(frame.index, target, { ...layout, height: height * 4 })).toThrow(RangeError);
      expect(() => device.convertBuffer(frame.index, target, { ...layout, height: height * 4 })).toThrow(`convertBuffer: buffer ${frame.index} of ${CAMERA} holds`);
      device.close();
      expect(() => device.convertBuffer(frame.index, target, layout)).toThrow(`${CAMERA} is closed`);
    } finally {
      device.close();
    }
  });

  it('a-device-left-to-the-garbage-collector: streaming, watched and exported, it still gives everything back', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const before = live();
    (() => {
      const device = new addon.V4l2Device(CAMERA);
      const count = device.requestBuffers(3);
      for (let index = 0; index < count; index++) {
        device.exportBuffer(index);
        device.queue(index);
      }
      device.streamOn();
      device.watch(() => {});
    })();
    expect(live().mappings, 'held before the collection').toBeGreaterThan(before.mappings);
    // Native finalizers run in a later turn of the loop than the collection that found them.
    for (let attempt = 0; attempt < 10 && live().fds !== before.fds; attempt++) {
      gc();
      await loopTurns();
    }
    expect(live()).toEqual(before);
  });

  it('a-watch-before-buffers: refused, since the poll would start the kernel\'s read() emulation', () => {
    const device = new addon.V4l2Device(CAMERA);
    try {
      expect(() => device.watch(() => {})).toThrow(`watch: ${CAMERA} has no buffers: call requestBuffers first`);
      expect(device.requestBuffers(2), 'the device is still free').toBeGreaterThanOrEqual(2);
    } finally {
      device.close();
    }
  });

  it('a-poll-while-not-streaming: says error once, and the dequeue says why', async () => {
    const device = new addon.V4l2Device(CAMERA);
    try {
      device.requestBuffers(2);
      const readiness: string[] = [];
      await new Promise<void>((resolve) => {
        device.watch((seen) => {
          readiness.push(seen);
          setTimeout(resolve, 50);
        });
      });
      expect(readiness).toEqual(['error']);
      expect(catchError(() => device.dequeue()).errno).toBe(constants.errno.EINVAL);
    } finally {
      device.close();
    }
  });

  it.each([
    ['a-short-fourcc', 'XR2', /frameSizes: a pixel format is four characters such as 'XR24', 'YUYV' or 'NV12', not 'XR2'/],
    ['a-long-fourcc', 'XR240', /not 'XR240'/],
    ['a-number-fourcc', 0x34325258, /not a number/],
  ])('%s: a TypeError saying what a pixel format is', (_name, fourcc, why) => {
    const device = new addon.V4l2Device(CAMERA);
    try {
      expect(() => device.frameSizes(fourcc as string)).toThrow(TypeError);
      expect(() => device.frameSizes(fourcc as string)).toThrow(why);
    } finally {
      device.close();
    }
  });

  it('a-buffer-that-does-not-exist: a RangeError saying how many there are', () => {
    const device = new addon.V4l2Device(CAMERA);
    try {
      device.requestBuffers(2);
      expect(() => device.exportBuffer(7)).toThrow(RangeError);
      expect(() => device.queue(-1)).toThrow(/queue: there is no buffer -1 on \/dev\/video0, which has 2/);
    } finally {
      device.close();
    }
  });
});

describe.skipIf(!multiplanar)(`a multi-planar camera at ${CAMERA}`, () => {
  it('a-multi-planar-round-trip: one-buffer formats only, NV12M refused, a YUYV frame captured, read and converted', async () => {
    const before = live();
    const device = new addon.V4l2Device(CAMERA);
    try {
      expect(device.capability()).toMatchObject({ capture: true, streaming: true, multiplanar: true });
      const fourccs = device.formats().map((format) => format.fourcc);
      expect(fourccs).toEqual(expect.arrayContaining(['YUYV', 'NV12', 'XR24']));
      // NV12M, NV21M, NV16M, NV61M, YUV420M, YVU420M, YUV422M…: each plane in a buffer of its own.
      expect(fourccs.filter((fourcc) => /^(NM|YM)/.test(fourcc))).toEqual([]);

      const previous = device.getFormat();
      const refusal = catchError(() => device.setFormat({ width: 640, height: 480, fourcc: 'NM12' }));
      expect(refusal.message).toBe(`setFormat: ${CAMERA} would deliver NM12 (NV12M) frames split over 2 separate buffers, but a frame here is one buffer (one DMA-BUF); use a single-buffer format such as NV12 instead of NV12M`);
      expect(device.getFormat(), 'the format before the refusal').toEqual(previous);

      const format = device.setFormat({ width: 640, height: 480, fourcc: 'YUYV' });
      expect(format).toMatchObject({ width: 640, height: 480, fourcc: 'YUYV', bytesPerLine: 640 * 2 });
      // vivid puts a multi-planar YUYV frame 128 bytes into its buffer, and sizes the buffer for both.
      const frameBytes = 640 * 2 * 480;
      expect(format.sizeImage).toBeGreaterThanOrEqual(frameBytes);
      expect(device.getFormat()).toEqual(format);
      const count = device.requestBuffers(4);
      expect(count).toBeGreaterThanOrEqual(2);
      const exported = Array.from({ length: count }, (_, index) => device.exportBuffer(index));
      expect(new Set(exported).size).toBe(count);
      expect(live(), 'mapped and exported').toEqual({ fds: before.fds + 1 + count, mappings: before.mappings + count, buffers: before.buffers + count });

      const frame = await firstFrame(device, count);
      expect(frame).toMatchObject({ bytesUsed: frameBytes, monotonic: true, error: false });
      const copy = new Uint8Array(frameBytes);
      device.readBuffer(frame.index, copy);
      // The first row starts in vivid's left colour bar (80 pixels wide): pixels 0-1 as 66-67.
      expect(copy.subarray(0, 4), 'read from where the frame starts').toEqual(copy.subarray(132, 136));
      const words = new Uint32Array(640 * 480);
      yuvToXrgb('YUYV', copy, format.bytesPerLine, 640, 480, words);
      const target = new Uint8Array(640 * 480 * 4);
      device.convertBuffer(frame.index, target, { fourcc: 'YUYV', width: 640, height: 480, stride: format.bytesPerLine, matrix: 'bt601' });
      expect(Buffer.from(target.buffer).equals(Buffer.from(words.buffer)), 'native and JS pixels equal').toBe(true);
      expect(words.some((word) => word !== 0xff000000), 'the frame has a picture').toBe(true);
      device.streamOff();
    } finally {
      device.close();
    }
    await loopTurns();
    expect(live(), 'after close').toEqual(before);
  });
});
