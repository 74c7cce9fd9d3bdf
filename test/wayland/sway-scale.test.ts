/**
 * An output at scale 2 (1600x960 pixels, 800x480 logical): the app draws at the output's
 * scale, the window and each layer's subsurface carry buffers of twice the logical size, and
 * pointer positions come in logical units that the backend turns back into output pixels.
 *
 * The demo with the doorbell open must equal the headless render at scale 2, on screen; a tap
 * on the popup's Dismiss button must close it (its subsurfaces go) and leave the screen equal
 * to the headless render after the same tap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageReport } from './compare.js';
import { startSway, type Sway } from './compositor.js';
import { e2eGate, missingFor } from './gate.js';
import { startInjector, type Injector } from './injector.js';
import { waitFor } from './processes.js';
import { appImage, framesUntil, openDemo, renderDemo, showsOnScreen, type WaylandDemo } from './wayland-app.js';

const skip = e2eGate('wayland: an output at scale 2', missingFor(['sway', 'grim', 'injector']));

describe.skipIf(skip)('the demo on a sway output at scale 2', () => {
  let sway: Sway | undefined;
  let injector: Injector | undefined;
  let demo: WaylandDemo | undefined;

  beforeAll(async () => {
    sway = await startSway({ width: 1600, height: 960, scale: 2 });
    injector = await startInjector(sway.env);
    demo = await openDemo(sway, { doorbell: true });
  });

  afterAll(async () => {
    await demo?.app.close();
    await injector?.stop();
    await sway?.stop();
  });

  it('draws at twice the logical size, doorbell layers included, as the headless render at scale 2', async () => {
    const screen = await renderDemo(800, 480, { doorbell: true, scale: 2 });
    const reference = screen.pixels();
    await screen.dispose();
    expect([demo!.app.width, demo!.app.height], 'the logical size').toEqual([800, 480]);
    expect(demo!.display.info.scale).toBe(2);
    expect(demo!.app.stats.planesUsed, 'the window, the card and the camera each on a plane').toBe(3);
    expect(imageReport('app.screenshot() at scale 2 vs headless', reference, await appImage(demo!.app))).toBeNull();
    expect(await showsOnScreen(sway!, 'sway (grim) at scale 2 vs headless', reference)).toBeNull();
  });

  it('a tap on Dismiss (in output pixels) closes the popup, as the same tap does headless', async () => {
    const screen = await renderDemo(800, 480, { doorbell: true, scale: 2 });
    const button = screen.find({ testId: 'doorbell-dismiss' });
    await screen.tap({ testId: 'doorbell-dismiss' });
    const reference = screen.pixels();
    await screen.dispose();

    const closed = framesUntil(demo!.app, (frames) => frames.at(-1)!.planesUsed === 1);
    await injector!.tap(button.x + button.width / 2, button.y + button.height / 2);
    await waitFor('the tap to dismiss the doorbell', () => !demo!.model.doorbell.value);
    await closed;
    expect(await showsOnScreen(sway!, 'sway (grim) at scale 2 after Dismiss vs headless', reference)).toBeNull();
  });
});
