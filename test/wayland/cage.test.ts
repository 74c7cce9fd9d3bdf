/**
 * cage, the kiosk compositor many Pi panels run. It answers the app's early fullscreen request
 * with a 0x0 configure ("choose your size") and maximizes the window only after its first
 * frame. The app must take the output's size from the start: its very first committed buffer
 * is the output's size (as grim sees the output), it never resizes, and what it committed is
 * the demo exactly as the headless render of that size — not a smaller first frame in the
 * corner of a black output.
 *
 * Pixels are compared in the app's own screenshot, not in grim's: under cage 0.1.4 headless
 * (pixman), a screencopy request makes cage render only its pending damage into a buffer of the
 * headless swapchain, so an idle client comes out black. Measured: a client that committed one
 * full 1280x720 frame was black in 8 of 8 grim shots over 1.2 s; one that commits a full frame
 * on every frame callback showed from the second to fourth shot on. The demo is idle.
 *
 * cage has no virtual input protocols: no input here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisplayState, OpenOptions } from '@planar/toolkit';
import { backend, type WaylandDisplay } from '@planar/native-wayland';
import { startCage, type Compositor } from './compositor.js';
import { e2eGate, missingFor } from './gate.js';
import { imageReport } from './compare.js';
import { appImage, openDemo, renderDemo } from './wayland-app.js';

const skip = e2eGate('wayland: the demo on cage', missingFor(['cage', 'grim', 'injector']));

interface Watched { bufferSizes: { width: number; height: number }[]; resizes: number; restore(): void }

/** Remembers, for the next display the wayland backend opens, the size of every window buffer it commits and each resize. */
function watchNextDisplay(): Watched {
  const open = backend.open;
  const watched: Watched = { bufferSizes: [], resizes: 0, restore: () => { backend.open = open; } };
  backend.open = async (options: OpenOptions): Promise<WaylandDisplay> => {
    const display = await open.call(backend, options);
    backend.open = open;
    const commit = display.commit.bind(display);
    display.commit = (state: DisplayState) => {
      const window = state.layers.find((l) => l.planeId === 1);
      if (window) watched.bufferSizes.push({ width: window.bufferWidth, height: window.bufferHeight });
      return commit(state);
    };
    display.on('resize', () => { watched.resizes++; });
    return display;
  };
  return watched;
}

describe.skipIf(skip)('the demo on cage', () => {
  let cage: Compositor | undefined;

  beforeAll(async () => {
    cage = await startCage();
  });

  afterAll(async () => {
    await cage?.stop();
  });

  it('commits its very first frame at the output\'s size, never resizes, and draws the headless render of that size', async () => {
    const shot = await cage!.screenshot();
    const output = { width: shot.width, height: shot.height };
    const watched = watchNextDisplay();
    const demo = await openDemo(cage!).finally(() => watched.restore());
    try {
      expect(watched.bufferSizes[0], 'the first buffer committed').toEqual(output);
      expect([demo.app.width, demo.app.height], 'the app takes the output\'s size').toEqual([output.width, output.height]);
      const screen = await renderDemo(output.width, output.height);
      const reference = screen.pixels();
      await screen.dispose();
      expect(imageReport('app.screenshot() on cage vs headless at the output\'s size', reference, await appImage(demo.app))).toBeNull();
      expect(watched.resizes, 'resizes after the first frame').toBe(0);
      expect(watched.bufferSizes.filter((s) => s.width !== output.width || s.height !== output.height), 'window buffers of another size').toEqual([]);
    } finally {
      await demo.app.close();
    }
  });
});
