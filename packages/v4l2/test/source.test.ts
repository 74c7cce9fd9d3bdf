/**
 * The V4L2 source against a fake device (fake-device.ts): what it chooses, how buffers cycle
 * between the device and the display, and what an app sees when the device is busy, refuses
 * a format or goes away. The display is the headless one, which reads the frames it is given.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ExternalLayer, View } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { render, type Screen } from '@planar/toolkit/testing';
import { createV4l2Source, type V4l2Source, type V4l2SourceOptions } from '../src/index.js';
import { FakeDevice, type FakeShape } from './fake-device.js';

const screens: Screen[] = [];
const sources: V4l2Source[] = [];
afterEach(async () => {
  for (const s of sources.splice(0)) s.close();
  for (const s of screens.splice(0)) await s.dispose();
});

function open(shape: FakeShape = {}, options: Partial<V4l2SourceOptions> = {}) {
  let device: FakeDevice | null = null;
  const video = createV4l2Source({
    device: '/dev/video0', width: 64, height: 48, open: (path) => (device = new FakeDevice(path, { sizes: [{ kind: 'discrete', width: 64, height: 48 }], ...shape })), ...options,
  });
  sources.push(video);
  return { video, device: device! };
}

/** Paints a whole XR24 frame one colour (bytes B, G, R, X). */
const solid = (r: number, g: number, b: number) => (data: Uint8Array) => {
  for (let i = 0; i < data.length; i += 4) data.set([b, g, r, 0], i);
};

async function show(video: V4l2Source, plane: 'prefer' | 'never' = 'prefer', planes: 'vkms' | 'pi5' = 'vkms') {
  const screen = await render(() => jsx(View, {
    style: { width: '100%', height: '100%', backgroundColor: 'white' },
    children: jsx(ExternalLayer, { testId: 'video', source: video.source, plane, position: { x: 8, y: 8 } }),
  }), { width: 100, height: 80, planes });
  screens.push(screen);
  return screen;
}

describe('createV4l2Source: negotiation', () => {
  it('prefers a format a plane scans out over YUV, and says frames go by DMA-BUF', () => {
    const { video, device } = open({ formats: [{ fourcc: 'YUYV' }, { fourcc: 'MJPG', compressed: true }, { fourcc: 'XR24' }] });
    expect(video.format).toMatchObject({ fourcc: 'XR24', width: 64, height: 48, path: 'dmabuf', displayFormat: 'XRGB8888' });
    expect(device.format.fourcc).toBe('XR24');
    expect(video.source.format).toBe('XRGB8888');
  });

  it('follows the order the planes prefer', () => {
    const { video } = open({ formats: [{ fourcc: 'XR24' }, { fourcc: 'AB24' }] }, { prefer: ['ABGR8888', 'XRGB8888'] });
    expect(video.format).toMatchObject({ fourcc: 'AB24', displayFormat: 'ABGR8888' });
  });

  it('takes YUYV from a camera that has nothing else, converted to XRGB8888', () => {
    const { video } = open({ formats: [{ fourcc: 'MJPG', compressed: true }, { fourcc: 'YUYV' }] });
    expect(video.format).toMatchObject({ fourcc: 'YUYV', path: 'convert', displayFormat: 'XRGB8888' });
  });

  it('takes the nearest size the device lists, and the size the driver settles on', () => {
    const sizes = [{ kind: 'discrete' as const, width: 320, height: 240 }, { kind: 'discrete' as const, width: 1280, height: 720 }, { kind: 'discrete' as const, width: 640, height: 480 }];
    expect(open({ sizes }, { width: 600, height: 400 }).video.format).toMatchObject({ width: 640, height: 480 });
    expect(open({ sizes }, { width: 4000, height: 3000 }).video.format).toMatchObject({ width: 1280, height: 720 });
    const rounded = open({ sizes: [{ kind: 'stepwise', minWidth: 16, maxWidth: 1920, stepWidth: 16, minHeight: 16, maxHeight: 1080, stepHeight: 8 }] }, { width: 650, height: 483 });
    expect(rounded.video.format).toMatchObject({ width: 656, height: 480 });
    expect(rounded.video.source).toMatchObject({ width: 656, height: 480 });
  });

  it('a format the device lacks fails the source with a message that lists what it has, and throws nothing into the app', async () => {
    const { video } = open({ formats: [{ fourcc: 'YUYV' }] }, { format: 'XR24' });
    const errors: Error[] = [];
    video.on('error', (e) => errors.push(e));
    await Promise.resolve();
    expect(video.status.value.state).toBe('failed');
    expect(video.status.value.message).toMatch(/\/dev\/video0 has no format XR24: it offers YUYV \(fake YUYV\)/);
    expect(errors.map((e) => e.message)).toEqual([video.status.value.message]);
    expect(video.source.current).toBeNull();
  });

  it('rejects bad options at once, saying which', () => {
    expect(() => createV4l2Source({ device: '', width: 1, height: 1 })).toThrow(/device must be the path of a capture device/);
    expect(() => createV4l2Source({ device: '/dev/video0', width: 0, height: 1 })).toThrow(/width must be a positive whole number of pixels, got 0/);
    expect(() => createV4l2Source({ device: '/dev/video0', width: 8, height: 8, format: 'YUV' })).toThrow(/format must be a four-character V4L2 code/);
    expect(() => createV4l2Source({ device: '/dev/video0', width: 8, height: 8, buffers: 1 })).toThrow(/buffers must be a whole number from 2 to 32/);
  });
});

describe('createV4l2Source: frames', () => {
  it('shows each filled buffer on a plane, and gives a buffer back to the device only once the display let go of it', async () => {
    const { video, device } = open();
    expect(device.states()).toEqual({ user: 0, queued: 4, done: 0 });
    expect(device.streaming).toBe(true);
    const [first] = device.fill(1, solid(200, 0, 0));
    const screen = await show(video);
    expect(screen.planeOf('video')).not.toBeNull();
    expect(screen.pixel(8, 8)).toEqual([200, 0, 0, 255]);
    expect(screen.pixel(71, 55)).toEqual([200, 0, 0, 255]);
    expect(screen.pixel(72, 56)).toEqual([255, 255, 255, 255]);
    // Shown, so it stays the device's loss until a newer frame replaces it on screen.
    expect(device.states()).toEqual({ user: 1, queued: 3, done: 0 });
    const queuedBefore = device.queued.length;
    device.fill(1, solid(0, 0, 200));
    await screen.flush();
    expect(screen.pixel(40, 30)).toEqual([0, 0, 200, 255]);
    expect(device.queued.slice(queuedBefore)).toEqual([first]);
    expect(device.states()).toEqual({ user: 1, queued: 3, done: 0 });
    // The headless display has no planes to scan out from: it reads each frame it shows, once.
    expect(video.stats()).toEqual({ frames: 2, dropped: 0, copiedBytes: 2 * 64 * 48 * 4 });
  });

  it('hands a frame over from where the driver put it in its buffer (a multi-planar driver\'s data offset)', () => {
    const { video, device } = open({ dataOffset: 128 });
    device.fill(1);
    expect(video.source.current).toMatchObject({ kind: 'dmabuf', offset: 128 });
  });

  it('when several buffers fill between two frames, shows the newest and returns the older ones at once', async () => {
    const { video, device } = open();
    const screen = await show(video);
    const shown: number[] = [];
    video.on('frame', (e) => shown.push(e.sequence));
    const filled = device.fill(3, (data, sequence) => solid(sequence * 50, 0, 0)(data));
    expect(shown).toEqual([2]);
    // The two older ones were queued again before any frame was drawn.
    expect(device.queued.slice(-2)).toEqual(filled.slice(0, 2));
    await screen.flush();
    expect(screen.pixel(20, 20)).toEqual([100, 0, 0, 255]);
    expect(video.stats()).toMatchObject({ frames: 1, dropped: 2 });
  });

  it('paused, keeps its frame while the device fills buffers; resumed, shows the newest at once', async () => {
    const { video, device } = open();
    device.fill(1, solid(200, 0, 0));
    const screen = await show(video);
    video.pause();
    device.fill(2, solid(0, 200, 0));
    await screen.flush();
    expect(screen.pixel(20, 20)).toEqual([200, 0, 0, 255]);
    expect(device.states()).toEqual({ user: 1, queued: 1, done: 2 });
    video.resume();
    await screen.flush();
    expect(screen.pixel(20, 20)).toEqual([0, 200, 0, 255]);
    expect(video.stats()).toMatchObject({ frames: 2, dropped: 1 });
  });

  it('composited, reads each frame once and counts the bytes', async () => {
    const { video, device } = open();
    device.fill(1, solid(0, 150, 0));
    const screen = await show(video, 'never');
    expect(screen.planeOf('video')).toBeNull();
    expect(screen.pixel(30, 30)).toEqual([0, 150, 0, 255]);
    expect(video.stats().copiedBytes).toBe(64 * 48 * 4);
  });

  it('converts YUYV frames: limited-range white, black and BT.601 red', async () => {
    const { video, device } = open({ formats: [{ fourcc: 'YUYV' }] });
    device.fill(1, (data) => {
      for (let i = 0; i < data.length; i += 4) {
        const column = (i / 2) % 64;
        data.set(column < 16 ? [235, 128, 235, 128] : column < 32 ? [16, 128, 16, 128] : [81, 90, 81, 240], i);
      }
    });
    const screen = await show(video);
    expect(screen.pixel(8 + 4, 20)).toEqual([255, 255, 255, 255]);
    expect(screen.pixel(8 + 20, 20)).toEqual([0, 0, 0, 255]);
    const [r, g, b] = screen.pixel(8 + 40, 20);
    expect(r).toBeGreaterThanOrEqual(253);
    expect(g).toBeLessThanOrEqual(2);
    expect(b).toBeLessThanOrEqual(2);
    // Converted, the buffer went straight back to the device.
    expect(device.states()).toEqual({ user: 0, queued: 4, done: 0 });
    expect(video.stats().copiedBytes).toBe(64 * 48 * 4);
  });
});

describe('createV4l2Source: YUV on planes that scan it out', () => {
  /** Left half limited-range white, right half BT.601 red, in YUYV. */
  const whiteAndRed = (data: Uint8Array) => {
    for (let i = 0; i < data.length; i += 4) data.set((i / 2) % 64 < 32 ? [235, 128, 235, 128] : [81, 90, 81, 240], i);
  };

  it('hands YUYV buffers over as they are to a display whose planes take YUYV (a Pi 5), with their colour encoding', async () => {
    const { video, device } = open({ formats: [{ fourcc: 'YUYV' }] }, { prefer: ['XRGB8888', 'YUYV'] });
    expect(video.format).toMatchObject({ fourcc: 'YUYV', path: 'dmabuf', displayFormat: 'YUYV' });
    device.fill(1, whiteAndRed);
    expect(video.source.current).toMatchObject({ kind: 'dmabuf', format: 'YUYV', stride: 128, colorEncoding: 'bt601', colorRange: 'limited' });
    const screen = await show(video, 'prefer', 'pi5');
    expect(screen.planeOf('video')).not.toBeNull();
    expect(screen.pixel(8 + 10, 20)).toEqual([255, 255, 255, 255]);
    const [r, g, b] = screen.pixel(8 + 50, 20);
    expect([r >= 253, g <= 2, b <= 2]).toEqual([true, true, true]);
    // Shown, the buffer is the display's until the next frame replaces it.
    expect(device.states()).toEqual({ user: 1, queued: 3, done: 0 });
  });

  it('where no plane takes the YUYV buffer, the compositor reads it converted, and the layer looks the same', async () => {
    const { video, device } = open({ formats: [{ fourcc: 'YUYV' }] }, { prefer: ['XRGB8888', 'YUYV'] });
    device.fill(1, whiteAndRed);
    const screen = await show(video, 'prefer', 'vkms');
    expect(screen.whyComposited('video')).toMatch(/format YUYV not supported/);
    expect(screen.pixel(8 + 10, 20)).toEqual([255, 255, 255, 255]);
    expect(video.stats().copiedBytes).toBe(64 * 48 * 4);
  });
});

describe('createV4l2Source: trouble', () => {
  it('a camera unplugged mid-stream: the layer shows nothing, the status says so, the app keeps drawing', async () => {
    const { video, device } = open();
    device.fill(1, solid(200, 0, 0));
    const screen = await show(video);
    const errors: Error[] = [];
    video.on('error', (e) => errors.push(e));
    device.unplug();
    await screen.flush();
    expect(video.status.value).toMatchObject({ state: 'lost' });
    expect(video.status.value.message).toMatch(/V4L2 source \/dev\/video0, taking a frame: .*No such device — the device was unplugged/);
    expect(errors).toHaveLength(1);
    expect(screen.pixel(20, 20)).toEqual([255, 255, 255, 255]);
    expect(device.closed).toBe(true);
    expect(device.openFds).toBe(0);
  });

  it('a busy device fails the source with what to do', async () => {
    const video = createV4l2Source({
      device: '/dev/video0', width: 64, height: 48,
      open: () => { throw Object.assign(new Error('cannot open /dev/video0: Device or resource busy'), { errno: 16 }); },
    });
    sources.push(video);
    const errors: string[] = [];
    video.on('error', (e) => errors.push(e.message));
    await Promise.resolve();
    expect(video.status.value).toEqual({ state: 'failed', message: 'V4L2 source /dev/video0, starting: cannot open /dev/video0: Device or resource busy — another program is using it; close that program first' });
    expect(errors).toEqual([video.status.value.message]);
  });

  it('a node that is not a capture device is refused by name', async () => {
    const { video } = open({ capability: { capture: false, card: 'vivid output' } });
    expect(video.status.value.message).toMatch(/\/dev\/video0 \(vivid output, driver fake\) is not a streaming video capture device/);
  });

  it('close gives everything back: streaming stops, the fds are closed, the layer shows nothing', async () => {
    const { video, device } = open();
    device.fill(1, solid(0, 0, 200));
    const screen = await show(video);
    video.close();
    video.close();
    await screen.flush();
    expect(device).toMatchObject({ closed: true, streaming: false, openFds: 0 });
    expect(video.status.value).toEqual({ state: 'closed', message: null });
    expect(screen.pixel(20, 20)).toEqual([255, 255, 255, 255]);
  });
});
