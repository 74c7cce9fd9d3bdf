/**
 * ExternalLayer frames handed over as DMA-BUFs, on a compositor with no linux-dmabuf (as every
 * machine here): the backend maps a linear frame and copies it once into shared memory for its
 * subsurface. The frame's fd here is a file holding linear XRGB8888 rows with padding, which the
 * CPU maps exactly as it maps a linear DMA-BUF; the same picture pushed as pixels and rendered
 * headless is the reference. A tiled frame (a modifier) is refused with what to do.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExternalLayer, View, createExternalSource, type ExternalFrame } from '@planar/toolkit';
import { jsx, jsxs } from '@planar/toolkit/jsx-runtime';
import { render } from '@planar/toolkit/testing';
import { colors } from '@planar/demo';
import { imageReport } from './compare.js';
import { crop, type Image } from './images.js';
import { startSway, type Sway } from './compositor.js';
import { e2eGate, missingFor } from './gate.js';
import { appImage, openApp, showsOnScreen, type WaylandApp } from './wayland-app.js';

const skip = e2eGate('wayland: external frames on sway', missingFor(['sway', 'grim']));

const W = 96, H = 64, STRIDE = W * 4 + 64;

/** A gradient with a red corner, as BGRX rows of STRIDE bytes (XRGB8888). */
function picture(): Uint8Array {
  const rows = new Uint8Array(STRIDE * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const corner = x < 10 && y < 10;
      rows.set(corner ? [0, 0, 255, 0] : [x * 2, y * 3, 40, 0], y * STRIDE + x * 4);
    }
  }
  return rows;
}

/** The picture as a person sees it: RGBA, opaque (X is not alpha). */
function seen(): Image {
  const rows = picture();
  const pixels = new Uint8Array(W * H * 4);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = y * STRIDE + x * 4;
      pixels.set([rows[i + 2]!, rows[i + 1]!, rows[i]!, 255], (y * W + x) * 4);
    }
  }
  return { width: W, height: H, pixels };
}

/** Where the frame is placed on the 400x240 output. */
const FRAME_BOX = { x: 120, y: 80, width: W, height: H };

/** The background around the frame, #203040, over the given box. */
function background(box: { width: number; height: number }): Image {
  const pixels = new Uint8Array(box.width * box.height * 4);
  for (let i = 0; i < pixels.length; i += 4) pixels.set([0x20, 0x30, 0x40, 255], i);
  return { width: box.width, height: box.height, pixels };
}

function scene(frame: ExternalFrame) {
  const source = createExternalSource({ width: W, height: H, format: 'XRGB8888' });
  source.push(frame);
  return () => jsxs(View, {
    style: { width: '100%', height: '100%', backgroundColor: '#203040' },
    children: [jsx(ExternalLayer, { testId: 'video', source, position: { x: FRAME_BOX.x, y: FRAME_BOX.y } })],
  });
}

describe.skipIf(skip)('ExternalLayer DMA-BUF frames on sway', () => {
  let sway: Sway | undefined;
  let opened: WaylandApp | undefined;
  let dir = '';
  let fd = -1;

  beforeAll(async () => {
    sway = await startSway({ width: 400, height: 240 });
    dir = mkdtempSync(path.join(os.tmpdir(), 'planar-frame-'));
    fd = openSync(path.join(dir, 'frame'), 'w+');
    writeSync(fd, new Uint8Array(128));
    writeSync(fd, picture());
  });

  afterAll(async () => {
    await opened?.app.close();
    await sway?.stop();
    if (fd >= 0) closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a linear frame is copied once into shared memory and shows as the same pixels pushed headless', async () => {
    const rows = picture();
    const pixels = new Uint8Array(W * H * 4);
    for (let y = 0; y < H; y++) pixels.set(rows.subarray(y * STRIDE, y * STRIDE + W * 4), y * W * 4);
    const screen = await render(scene({ kind: 'pixels', width: W, height: H, format: 'XRGB8888', pixels }), { width: 400, height: 240, background: colors.background });
    const reference = screen.pixels();
    await screen.dispose();
    // The reference itself shows the picture, pixel for pixel, where the layer is placed, so
    // the comparisons below cannot pass with a frame missing on both sides.
    expect(imageReport('headless: the frame\'s box vs the picture pushed', seen(), crop(reference, FRAME_BOX))).toBeNull();
    expect(imageReport('headless: beside the frame', background({ width: 8, height: H }), crop(reference, { ...FRAME_BOX, x: FRAME_BOX.x - 8, width: 8 }))).toBeNull();

    opened = await openApp(sway!, scene({ kind: 'dmabuf', fd, width: W, height: H, stride: STRIDE, offset: 128, format: 'XRGB8888', modifier: 0 }));
    expect(opened.app.stats.planesUsed, 'the window and the frame, each on a plane').toBe(2);
    expect(imageReport('app.screenshot() with a DMA-BUF frame vs headless', reference, await appImage(opened.app))).toBeNull();
    expect(await showsOnScreen(sway!, 'sway (grim) with a DMA-BUF frame vs headless', reference)).toBeNull();
    expect(imageReport('sway (grim): the frame\'s box vs the picture in the DMA-BUF', seen(), crop(await sway!.screenshot(), FRAME_BOX))).toBeNull();
    await opened.app.close();
    opened = undefined;
  });

  it('a tiled frame is refused with what to do, and the rest of the UI still shows', async () => {
    const errors: string[] = [];
    opened = await openApp(sway!, scene({ kind: 'dmabuf', fd, width: W, height: H, stride: STRIDE, offset: 128, format: 'XRGB8888', modifier: 0x0100000000000001n }), {
      onError: (e) => errors.push(e.message),
    });
    expect(errors.join('\n')).toMatch(/DRM modifier 0x100000000000001 \(tiled\).*ask the producer for linear buffers/);
    expect(opened.app.stats.planesUsed).toBe(1);
    // The UI around it is drawn, and the refused frame is not: its box shows the background.
    const shown = await appImage(opened.app);
    expect(imageReport('app.screenshot(): the refused frame\'s box', background(FRAME_BOX), crop(shown, FRAME_BOX))).toBeNull();
    expect(await showsOnScreen(sway!, 'sway (grim) with the tiled frame refused vs app.screenshot()', shown)).toBeNull();
  });
});
