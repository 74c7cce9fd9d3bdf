/**
 * Showing part of a buffer (a layer's `source`) on a mock kernel, case by case: what SRC_* and
 * CRTC_* a cropped layer's request carries, what a scroll (the source moved over the same
 * buffer) sends, where damage clips stay, and what the rules refuse before the kernel is asked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DisplayBuffer } from '@planar/toolkit';
import { PI5, closeOpened, layer, open, show } from './mock-display.js';

afterEach(closeOpened);

const px = (n: number) => n * 65536;

/** A tall buffer whose every row has its own colour (red = row % 256, green = row >> 8), RGBA. */
function rows(width: number, height: number): Uint8Array {
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) pixels.set([y & 0xff, y >> 8, 0x80, 0xff], (y * width + x) * 4);
  }
  return pixels;
}

function fill(buffer: DisplayBuffer, pixels: Uint8Array): void {
  buffer.write(pixels, buffer.width * 4, [{ x: 0, y: 0, width: buffer.width, height: buffer.height }]);
}

describe('cropped layers (mock kernel)', () => {
  it('crop-tall-buffer-on-an-overlay: SRC_* is the source in 16.16, CRTC_* the place on screen', async () => {
    const { kernel, display } = await open();
    const root = display.allocate(1024, 768, 'XRGB8888');
    const list = display.allocate(300, 1200, 'XRGB8888');
    const source = { x: 0, y: 400, width: 300, height: 200 };
    await show(kernel, display, [layer(root, 31), layer(list, 33, { zpos: 1, source, x: 100, y: 50, width: 300, height: 200 })]);
    const shown = ['SRC_X', 'SRC_Y', 'SRC_W', 'SRC_H', 'CRTC_X', 'CRTC_Y', 'CRTC_W', 'CRTC_H'].map((n) => kernel.value(33, n));
    expect(shown).toEqual([0, px(400), px(300), px(200), 100, 50, 300, 200]);
    expect(kernel.value(33, 'FB_ID')).toBe((list as DisplayBuffer & { fbId: number }).fbId);
    expect(display.describeShown().layers[1]).toMatchObject({ x: 100, y: 50, width: 300, height: 200, source });
  });

  it('no-source-is-the-whole-buffer: SRC from 0,0 at the buffer\'s size', async () => {
    const { kernel, display } = await open();
    const root = display.allocate(1024, 768, 'XRGB8888');
    await show(kernel, display, [layer(root, 31)]);
    expect(['SRC_X', 'SRC_Y', 'SRC_W', 'SRC_H'].map((n) => kernel.value(31, n))).toEqual([0, 0, px(1024), px(768)]);
    expect(display.describeShown().layers[0]!.source).toBeNull();
  });

  it('crop-partly-off-the-left-edge: the part inside the output, from 40 px into the buffer', async () => {
    const { kernel, display } = await open();
    const root = display.allocate(1024, 768, 'XRGB8888');
    const card = display.allocate(300, 200, 'ARGB8888');
    await show(kernel, display, [layer(root, 31), layer(card, 33, { zpos: 1, source: { x: 40, y: 0, width: 260, height: 200 }, x: 0, y: 300, width: 260, height: 200 })]);
    expect(['SRC_X', 'SRC_W', 'CRTC_X', 'CRTC_W'].map((n) => kernel.value(33, n))).toEqual([px(40), px(260), 0, 260]);
  });

  it('crop-scroll-moves-only-the-source: the same framebuffer, a new SRC_Y, no damage clips', async () => {
    const { kernel, display } = await open(PI5);
    const root = display.allocate(1024, 768, 'XRGB8888');
    const list = display.allocate(300, 1200, 'XRGB8888');
    const at = (y: number) => layer(list, 33, { zpos: 1, source: { x: 0, y, width: 300, height: 200 }, x: 100, y: 50, width: 300, height: 200 });
    await show(kernel, display, [layer(root, 31), at(0)]);
    const fb = kernel.value(33, 'FB_ID');
    await show(kernel, display, [layer(root, 31), at(37)]);
    const scrolled = kernel.commits.at(-1)!.values;
    expect(scrolled.get('33.FB_ID')).toBe(fb);
    expect(scrolled.get('33.SRC_Y')).toBe(px(37));
    expect(scrolled.get('33.CRTC_Y')).toBe(50);
    // The kernel takes a moved source as a full update of the plane: no clips are needed.
    expect(scrolled.has('33.FB_DAMAGE_CLIPS')).toBe(false);
  });

  it('crop-damage-clips-stay-in-buffer-coordinates: not moved by the source or the place', async () => {
    const { kernel, display } = await open(PI5);
    const root = display.allocate(1024, 768, 'XRGB8888');
    const list = display.allocate(300, 1200, 'XRGB8888');
    const state = (damage: { x: number; y: number; width: number; height: number }[]) =>
      [layer(root, 31), layer(list, 33, { zpos: 1, source: { x: 0, y: 500, width: 300, height: 200 }, x: 100, y: 50, width: 300, height: 200, damage })];
    await show(kernel, display, state([]));
    await show(kernel, display, state([{ x: 10, y: 520, width: 50, height: 20 }]));
    const blob = kernel.commits.at(-1)!.values.get('33.FB_DAMAGE_CLIPS')!;
    expect(kernel.blobs.get(blob)).toEqual([10, 520, 60, 540]);
  });

  it('crop-and-scale: a source other than the on-screen size is refused where planes do not scale, taken where they do', async () => {
    for (const [shape, ok] of [[undefined, false], [PI5, true]] as const) {
      const { display } = await open(shape);
      const root = display.allocate(1024, 768, 'XRGB8888');
      const list = display.allocate(300, 1200, 'XRGB8888');
      const verdict = display.test({ layers: [layer(root, 31), layer(list, 33, { zpos: 1, source: { x: 0, y: 100, width: 150, height: 100 }, x: 100, y: 50, width: 300, height: 200 })] });
      expect(verdict.ok, JSON.stringify(verdict)).toBe(ok);
      if (!ok) expect(verdict).toMatchObject({ reason: expect.stringMatching(/cannot scale/) });
    }
  });

  it('crop-outside-the-buffer: refused by the rules, naming the source, without asking the kernel', async () => {
    const { kernel, display } = await open();
    const root = display.allocate(1024, 768, 'XRGB8888');
    const list = display.allocate(300, 1200, 'XRGB8888');
    const asked = kernel.tests.length;
    const verdict = display.test({ layers: [layer(root, 31), layer(list, 33, { zpos: 1, source: { x: 0, y: 1100, width: 300, height: 200 }, x: 100, y: 50, width: 300, height: 200 })] });
    expect(verdict).toEqual({ ok: false, reason: expect.stringMatching(/source 300x200\+0\+1100 is not inside its 300x1200 buffer/) });
    expect(kernel.tests.length).toBe(asked);
  });

  it('every-plane-crops: KMS planes all take SRC_*', async () => {
    const { display } = await open();
    expect(display.planes.length).toBeGreaterThan(1);
    expect(display.planes.every((p) => p.crop === true)).toBe(true);
  });

  it('software-capture-shows-the-source: without writeback, the rows of the buffer the source covers', async () => {
    const { kernel, display } = await open(undefined, { PLANAR_KMS_WRITEBACK: '0' });
    const root = display.allocate(1024, 768, 'XRGB8888');
    const list = display.allocate(300, 1200, 'XRGB8888');
    fill(root, new Uint8Array(1024 * 768 * 4).fill(0xff));
    fill(list, rows(300, 1200));
    await show(kernel, display, [layer(root, 31), layer(list, 33, { zpos: 1, source: { x: 20, y: 700, width: 200, height: 100 }, x: 100, y: 50, width: 200, height: 100 })]);
    const shot = await display.capture();
    expect(display.captureSource).toBe('software');
    const at = (x: number, y: number) => [...shot.pixels.subarray((y * 1024 + x) * 4, (y * 1024 + x) * 4 + 4)];
    // Output row 50 shows buffer row 700, row 149 buffer row 799; around it the white backdrop.
    expect(at(100, 50)).toEqual([700 & 0xff, 700 >> 8, 0x80, 0xff]);
    expect(at(299, 149)).toEqual([799 & 0xff, 799 >> 8, 0x80, 0xff]);
    expect(at(100, 150)).toEqual([0xff, 0xff, 0xff, 0xff]);
    expect(at(300, 50)).toEqual([0xff, 0xff, 0xff, 0xff]);
  });

  it('kernel-refuses-a-source-past-the-framebuffer: the mock applies the atomic core\'s check (ENOSPC)', async () => {
    const { kernel, display } = await open();
    const root = display.allocate(1024, 768, 'XRGB8888');
    const list = display.allocate(300, 1200, 'XRGB8888');
    // Past the rules (as a state built by hand and committed would be): the kernel says no.
    await expect(display.commit({ layers: [layer(root, 31), layer(list, 33, { zpos: 1, source: { x: 0, y: 1100, width: 300, height: 200 }, x: 0, y: 0, width: 300, height: 200 })] }))
      .rejects.toThrow(/ENOSPC/);
    expect(kernel.commits).toHaveLength(0);
  });
});
