/**
 * ExternalLayer: frames from outside the toolkit, placed like any layer; on a plane they are
 * shown as they are, with no copy; composited they look the same.
 */
import { describe, expect, it } from 'vitest';
import { ExternalLayer, View, createExternalSource, signal, type ExternalFrame, type PixelFormat } from '@planar/toolkit';
import { mount } from './mount.js';

/** A frame of one colour with a 2px border of another, in the byte order of `format`. */
function frame(width: number, height: number, format: PixelFormat, fill: number[], border: number[]): ExternalFrame {
  const pixels = new Uint8Array(width * height * 4);
  const swap = format === 'ARGB8888' || format === 'XRGB8888';
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = x < 2 || y < 2 || x >= width - 2 || y >= height - 2 ? border : fill;
      const i = (y * width + x) * 4;
      pixels.set(swap ? [c[2]!, c[1]!, c[0]!, c[3]!] : c, i);
    }
  }
  return { kind: 'pixels', width, height, format, pixels };
}

describe('<ExternalLayer>', () => {
  it('on a plane shows pushed frames with no copy, and moves for free', async () => {
    const camera = createExternalSource({ width: 40, height: 30, format: 'XRGB8888' });
    camera.push(frame(40, 30, 'XRGB8888', [0, 200, 0, 0], [255, 0, 0, 0]));
    const pos = signal({ x: 20, y: 20 });
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <ExternalLayer testId="camera" source={camera} position={pos} />
      </View>
    ));
    expect(screen.planeOf('camera')).not.toBeNull();
    // X formats are opaque whatever the fourth byte says.
    expect(screen.pixel(20, 20)).toEqual([255, 0, 0, 255]);
    expect(screen.pixel(40, 35)).toEqual([0, 200, 0, 255]);
    camera.push(frame(40, 30, 'XRGB8888', [0, 0, 200, 0], [255, 0, 0, 0]));
    await screen.flush();
    expect(screen.pixel(40, 35)).toEqual([0, 0, 200, 255]);
    expect(screen.stats.copiedBytes).toBe(0);
    expect(screen.stats.damagedPx).toBe(0);
    pos.value = { x: 100, y: 100 };
    await screen.flush();
    expect(screen.stats).toMatchObject({ copiedBytes: 0, damagedPx: 0, composedPx: 0 });
    expect(screen.pixel(120, 115)).toEqual([0, 0, 200, 255]);
    expect(screen.pixel(40, 35)).toEqual([255, 255, 255, 255]);
    expect(screen.find({ testId: 'camera' })).toEqual({ x: 100, y: 100, width: 40, height: 30 });
  });

  it('composited, looks exactly as on a plane, translucent frames and opacity included', async () => {
    const make = (plane: 'auto' | 'never') => {
      const src = createExternalSource({ width: 30, height: 30, format: 'ABGR8888' });
      src.push(frame(30, 30, 'ABGR8888', [0, 64, 0, 128], [100, 0, 0, 200]));
      return () => (
        <View style={{ width: '100%', height: '100%', backgroundColor: '#336' }}>
          <ExternalLayer testId="video" source={src} plane={plane} opacity={0.7} position={{ x: 10, y: 10 }} />
        </View>
      );
    };
    const a = await mount(make('auto'));
    const b = await mount(make('never'));
    expect(a.planeOf('video')).not.toBeNull();
    expect(b.planeOf('video')).toBeNull();
    expect(a.pixels().pixels).toEqual(b.pixels().pixels);
    expect(a.pixel(20, 20)).not.toEqual(b.pixel(100, 100));
  });

  it('hands back each frame once the display no longer reads it', async () => {
    const src = createExternalSource({ width: 8, height: 8, format: 'ABGR8888' });
    const released: ExternalFrame[] = [];
    src.on('release', (f) => released.push(f));
    const frames = [0, 1, 2].map((i) => frame(8, 8, 'ABGR8888', [i * 50, 0, 0, 255], [0, 0, 0, 255]));
    src.push(frames[0]!);
    const screen = await mount(() => <View style={{ width: '100%', height: '100%' }}><ExternalLayer source={src} /></View>);
    src.push(frames[1]!);
    await screen.flush();
    expect(released).toEqual([frames[0]]);
    src.push(frames[2]!);
    await screen.flush();
    expect(released).toEqual([frames[0], frames[1]]);
    await screen.dispose();
    // The current frame stays the source's.
    expect(released).toEqual([frames[0], frames[1]]);
    src.push(frames[0]!);
    expect(released).toEqual([frames[0], frames[1], frames[2]]);
  });

  it('close() hides the layer and hands back the last frame', async () => {
    const src = createExternalSource({ width: 8, height: 8, format: 'ABGR8888' });
    const released: ExternalFrame[] = [];
    src.on('release', (f) => released.push(f));
    const only = frame(8, 8, 'ABGR8888', [0, 0, 255, 255], [0, 0, 255, 255]);
    src.push(only);
    const screen = await mount(() => <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}><ExternalLayer source={src} /></View>);
    expect(screen.pixel(4, 4)).toEqual([0, 0, 255, 255]);
    src.close();
    await screen.flush();
    expect(screen.pixel(4, 4)).toEqual([255, 255, 255, 255]);
    expect(released).toEqual([only]);
  });

  it('on a turned output, frames are turned with the UI (copied, as no plane here turns them)', async () => {
    // An asymmetric picture: a red corner at the frame's top-left, blue elsewhere.
    const make = () => {
      const src = createExternalSource({ width: 40, height: 20, format: 'ARGB8888' });
      src.push(frame(40, 20, 'ARGB8888', [0, 0, 255, 255], [0, 0, 255, 255]));
      const f = src.current as Extract<ExternalFrame, { kind: 'pixels' }>;
      for (let y = 0; y < 5; y++) for (let x = 0; x < 5; x++) f.pixels.set([0, 0, 255, 255], (y * 40 + x) * 4);
      return () => (
        <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
          <ExternalLayer testId="video" source={src} position={{ x: 30, y: 10 }} />
        </View>
      );
    };
    const upright = await mount(make(), { width: 100, height: 60 });
    const turned = await mount(make(), { width: 100, height: 60, rotation: 90 });
    // Clockwise: logical pixel (x, y) shows at output pixel (59 - y, x).
    const a = upright.pixels().pixels, b = turned.pixels().pixels;
    let same = 0;
    for (let y = 0; y < 60; y++) {
      for (let x = 0; x < 100; x++) {
        const i = (y * 100 + x) * 4, j = (x * 60 + (59 - y)) * 4;
        if (a[i] === b[j] && a[i + 1] === b[j + 1] && a[i + 2] === b[j + 2]) same++;
      }
    }
    expect(same).toBe(100 * 60);
    expect(turned.pixel(59 - 10, 30)).toEqual([255, 0, 0, 255]);
    expect(turned.find({ testId: 'video' })).toEqual({ x: 30, y: 30, width: 20, height: 40 });
  });

  it('rejects frames that do not match the source, saying what differs', () => {
    const src = createExternalSource({ width: 8, height: 8, format: 'ABGR8888' });
    expect(() => src.push(frame(8, 9, 'ABGR8888', [0, 0, 0, 0], [0, 0, 0, 0]))).toThrow(/the frame is 8x9 but the source is 8x8/);
    expect(() => src.push(frame(8, 8, 'XRGB8888', [0, 0, 0, 0], [0, 0, 0, 0]))).toThrow(/the frame is XRGB8888 but the source is ABGR8888/);
    expect(() => src.push({ kind: 'pixels', width: 8, height: 8, format: 'ABGR8888', pixels: new Uint8Array(10) })).toThrow(/at least 256 bytes/);
    expect(() => createExternalSource({ width: 0, height: 8, format: 'ABGR8888' })).toThrow(/width must be a positive whole number/);
    expect(() => createExternalSource({ width: 8, height: 8, format: 'RGB565' as PixelFormat })).toThrow(/format must be one of/);
    const video = createExternalSource({ width: 8, height: 8, format: 'YUYV' });
    expect(() => video.push({ kind: 'pixels', width: 8, height: 8, format: 'YUYV' as PixelFormat, pixels: new Uint8Array(256) })).toThrow(/a YUYV source takes DMA-BUF frames only/);
  });

  it('a DMA-BUF frame its producer can read shows on the headless display, on a plane and composited, read once per push', async () => {
    for (const plane of ['prefer', 'never'] as const) {
      const src = createExternalSource({ width: 20, height: 10, format: 'XRGB8888' });
      let reads = 0;
      const pixels = (frame(20, 10, 'XRGB8888', [0, 0, 200, 0], [255, 0, 0, 0]) as { pixels: Uint8Array }).pixels;
      src.push({ kind: 'dmabuf', fd: 99, width: 20, height: 10, stride: 80, offset: 0, format: 'XRGB8888', modifier: 0, read: () => (reads++, { pixels, stride: 80, format: 'XRGB8888' }) });
      const screen = await mount(() => (
        <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
          <ExternalLayer testId="video" source={src} plane={plane} position={{ x: 10, y: 10 }} />
        </View>
      ), { width: 50, height: 50 });
      expect(screen.planeOf('video') === null).toBe(plane === 'never');
      expect(screen.pixel(10, 10)).toEqual([255, 0, 0, 255]);
      expect(screen.pixel(20, 15)).toEqual([0, 0, 200, 255]);
      expect(screen.pixel(40, 40)).toEqual([255, 255, 255, 255]);
      expect(reads).toBe(1);
      // The frame stats say how the frame got there. The headless display reads a frame as it
      // imports it, and blends from that copy: the compositor reads nothing more.
      expect(screen.stats.external).toEqual([{ layer: '"video"', path: plane === 'never' ? 'composited' : 'plane', readBytes: 0, serial: src.serial }]);
    }
  });

  it('a YUYV frame goes on a plane that scans YUYV out (a Pi 5\'s), and is read as RGB where none does', async () => {
    for (const planes of ['pi5', 'vkms'] as const) {
      const src = createExternalSource({ width: 20, height: 10, format: 'YUYV' });
      const rgb = (frame(20, 10, 'XRGB8888', [0, 0, 200, 0], [255, 0, 0, 0]) as { pixels: Uint8Array }).pixels;
      src.push({ kind: 'dmabuf', fd: 99, width: 20, height: 10, stride: 40, offset: 0, format: 'YUYV', modifier: 0, read: () => ({ pixels: rgb, stride: 80, format: 'XRGB8888' }) });
      const screen = await mount(() => (
        <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
          <ExternalLayer testId="video" source={src} plane="prefer" position={{ x: 10, y: 10 }} />
        </View>
      ), { width: 50, height: 50, planes });
      if (planes === 'pi5') expect(screen.planeOf('video')).not.toBeNull();
      else expect(screen.whyComposited('video')).toMatch(/format YUYV not supported/);
      expect(screen.pixel(20, 15)).toEqual([0, 0, 200, 255]);
    }
  });

  it('a DMA-BUF frame on the headless display is an error event that says what to do', async () => {
    const src = createExternalSource({ width: 8, height: 8, format: 'XRGB8888' });
    src.push({ kind: 'dmabuf', fd: 99, width: 8, height: 8, stride: 32, offset: 0, format: 'XRGB8888', modifier: 0 });
    const errors: string[] = [];
    const screen = await mount(() => <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}><ExternalLayer source={src} /></View>,
      { width: 50, height: 50, onError: (e) => errors.push(e.message) });
    expect(errors.join('\n')).toMatch(/headless backend cannot import DMA-BUF frames: push \{ kind: 'pixels'/);
    // The rest of the UI still renders.
    expect(screen.pixel(40, 40)).toEqual([255, 255, 255, 255]);
  });
});
