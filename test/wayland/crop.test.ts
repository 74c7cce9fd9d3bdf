/**
 * A layer that shows part of its buffer (LayerState.source) on real compositors: the wayland
 * backend gives its subsurface a wp_viewport source and destination, and moving the source over
 * the same buffer (a scroll) sends the source, surface damage and a commit, never the buffer
 * again.
 *
 * The steps are the KMS suite's (test/kms/guest/crop.mjs): one tall buffer on an overlay plane,
 * shown through windows of it at three offsets, then from 90 px into it at the output's left
 * edge and cut short at the bottom edge. Each is compared with the headless display showing the
 * same state, in the app's own capture and on screen:
 *
 *   weston 10 (pixman)   every step, pixel for pixel
 *   sway 1.7 (pixman), output scale 1 and 2
 *                        steps whose source starts at the buffer's top left, pixel for pixel
 *                        (at scale 2 through a destination of half the size in surface units);
 *                        the others only outside the window: wlroots 0.15's pixman renderer
 *                        scales by a source's size but ignores its offset ("TODO clip properly
 *                        with src_x and src_y"), so inside it shows the buffer from 0,0
 */
import { describe, expect, it } from 'vitest';
import { loadBackend, type OpenOptions } from '@planar/toolkit/backend';
import { backend, type WaylandDisplay } from '@planar/native-wayland';
import { CROP_OUTPUT, CROP_STEPS, showCropSteps, type CropStep } from '../kms/guest/crop.mjs';
import { diffImages, imageReport, within, type Box } from './compare.js';
import { startSway, startWeston, type Compositor } from './compositor.js';
import { e2eGate, missingFor } from './gate.js';
import type { Image } from './images.js';
import { connectTo, showsOnScreen } from './wayland-app.js';

const skipWeston = e2eGate('wayland: cropped layers on weston', missingFor(['weston']));
const skipSway = e2eGate('wayland: cropped layers on sway', missingFor(['sway', 'grim']));

/** The steps on the headless display: what each must look like. */
async function headlessSteps(): Promise<Map<string, Image>> {
  const display = await (await loadBackend('headless')).open({ ...CROP_OUTPUT, pacing: 'immediate', planes: 'vkms' } as OpenOptions);
  const images = new Map<string, Image>();
  const buffers = await showCropSteps(display, (step, image) => { images.set(step.name, image); });
  await display.close();
  for (const buffer of buffers) buffer.destroy();
  return images;
}

const windowOf = (step: CropStep): Box => ({ x: step.x, y: step.y, width: step.source.width, height: step.source.height });
const fromTopLeft = (step: CropStep) => step.source.x === 0 && step.source.y === 0;

/**
 * Polls the compositor's screenshots until every pixel that differs from `expected` lies inside
 * `window`; null then, else the last difference once 2 s passed.
 */
async function showsOutside(compositor: Compositor, name: string, expected: Image, window: Box): Promise<string | null> {
  const deadline = performance.now() + 2000;
  for (;;) {
    const shot = await compositor.screenshot();
    const { box } = diffImages(expected, shot);
    if (!box || within(box, window)) return null;
    if (performance.now() > deadline) return imageReport(name, expected, shot);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Opens the wayland backend on `compositor`, runs the crop steps and checks each with `onScreen`
 * and the app's own capture; counts what the tall layer's subsurface is sent after the first step.
 */
async function runSteps(compositor: Compositor, scale: number, onScreen: (step: CropStep, expected: Image) => Promise<string | null>) {
  const expected = await headlessSteps();
  connectTo(compositor.env);
  const display = await backend.open({ title: 'Planar crop' }) as WaylandDisplay;
  const reports: (string | null)[] = [];
  const sent = { attach: 0, damage: 0, damageSurface: 0, commit: 0 };
  let buffers: { destroy(): void }[] = [];
  try {
    expect(display.info.scale).toBe(scale);
    const overlays = display.planes.filter((p) => p.type === 'overlay');
    expect(overlays.length).toBeGreaterThan(0);
    expect(overlays.every((p) => p.crop === true), 'the compositor offers wp_viewporter: subsurfaces crop').toBe(true);
    expect(display.planes.find((p) => p.type === 'primary')!.crop, 'the window shows the composition layer whole').toBe(false);
    buffers = await showCropSteps(display, async (step, capture) => {
      expect(diffImages(expected.get(step.name)!, capture), `the app's capture of ${step.name} vs headless`).toEqual({ differing: 0, box: null, maxDelta: 0 });
      reports.push(await onScreen(step, expected.get(step.name)!));
      if (step !== CROP_STEPS[0]) return;
      // From here on the tall buffer stays: count what its subsurface is sent. The addon's
      // methods are read-only on its prototype, so the counters go on the object itself.
      const sub = display['subsurfaces'].get(1)!;
      // A source the protocol calls bad_value would end the connection: the addon refuses it first.
      expect(() => sub.setSource(0, 0, 0, 240)).toThrow(/setSource: a source needs x, y >= 0 and a positive width and height .*got 0x240\+0\+0/);
      expect(() => sub.setSource(0, Number.NaN, 10, 10)).toThrow(/must be finite/);
      for (const name of Object.keys(sent) as (keyof typeof sent)[]) {
        const method = sub[name] as (...args: unknown[]) => void;
        Object.defineProperty(sub, name, { configurable: true, value: (...args: unknown[]) => { sent[name]++; method.apply(sub, args); } });
      }
    });
  } finally {
    await display.close();
    for (const buffer of buffers) buffer.destroy();
  }
  // Each later step moved the source over the same buffer: the surface damaged and committed
  // once each, no buffer attached or damaged.
  const later = CROP_STEPS.length - 1;
  expect(sent).toEqual({ attach: 0, damage: 0, damageSurface: later, commit: later });
  return reports;
}

describe.skipIf(skipWeston)('a cropped layer on weston', () => {
  it('shows every window of the tall buffer as headless does, and a scroll sends no buffer', async () => {
    const weston = await startWeston(CROP_OUTPUT);
    try {
      const reports = await runSteps(weston, 1, (step, expected) => showsOnScreen(weston, `weston showing the ${step.name} window vs headless`, expected));
      expect(reports).toEqual(CROP_STEPS.map(() => null));
    } finally {
      await weston.stop();
    }
  });
});

describe.skipIf(skipSway).each([1, 2])('a cropped layer on a sway output at scale %i', (scale) => {
  it('places and sizes every window as headless does, shows those from the buffer\'s top left exactly, and a scroll sends no buffer', async () => {
    const sway = await startSway({ ...CROP_OUTPUT, scale });
    try {
      const reports = await runSteps(sway, scale, (step, expected) => {
        const name = `sway (grim) at scale ${scale} showing the ${step.name} window vs headless`;
        return fromTopLeft(step) ? showsOnScreen(sway, name, expected) : showsOutside(sway, `${name}, outside the window`, expected, windowOf(step));
      });
      expect(CROP_STEPS.filter(fromTopLeft).length, 'steps sway can show exactly').toBeGreaterThanOrEqual(2);
      expect(reports).toEqual(CROP_STEPS.map(() => null));
    } finally {
      await sway.stop();
    }
  });
});
