/**
 * The demo on a real compositor shows exactly what the headless backend renders: sway
 * (headless, pixman) composes the app's window, grim reads the output back, and every pixel
 * must equal the headless render of the same size — and so must the app's own screenshot of
 * what it committed. No tolerance: both sides are the same CanvasKit raster, copied into
 * shared memory untouched, and the window is opaque, so the compositor has nothing to blend.
 *
 * A new window must be on screen at once: sway applies a configure in a transaction that waits
 * for the client's next commit, or 200 ms when none comes, so a client that acks without
 * committing shows late. This sway waits a minute instead (its `txn-timeout` debug flag): a
 * client that never commits after a configure is then not shown within the test's wait at all,
 * however busy the machine, while one that commits is shown as soon as sway renders. The time
 * it took is a figure (wayland.window_shown.ms), not a pass mark.
 *
 * Then, with the doorbell popup open (its layers on subsurfaces), the output is resized through
 * sway's IPC: the app is configured to the new size, lays everything out again, and must equal
 * the headless render at that size. And an app turned 90° (a panel mounted upright) draws its
 * portrait layout turned into the landscape output, as the headless backend does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { render } from '@planar/toolkit/testing';
import { App, colors, createHomeModel } from '@planar/demo';
import { imageReport } from './compare.js';
import { startSway, type Sway } from './compositor.js';
import { recordFigures } from './figures.js';
import { e2eGate, missingFor } from './gate.js';
import {
  appImage, appShows, framesUntil, openApp, openDemo, renderDemo, showsOnScreen, type DemoOptions, type WaylandApp, type WaylandDemo,
} from './wayland-app.js';

const skip = e2eGate('wayland: the demo on sway', missingFor(['sway', 'grim', 'injector']));
/** How long this sway waits for a client to commit after a configure (its default is 200 ms). */
const TRANSACTION_TIMEOUT_MS = 60_000;
/** How long the test waits for the window: far below that timeout, far above a busy render. */
const SHOWN_WAIT_MS = 10_000;

async function headless(width: number, height: number, options: DemoOptions = {}) {
  const screen = await renderDemo(width, height, options);
  const image = screen.pixels();
  await screen.dispose();
  return image;
}

describe.skipIf(skip)('the demo on sway', () => {
  let sway: Sway | undefined;
  let demo: WaylandDemo | undefined;
  /** From createApp resolving to sway showing what the app committed, ms. */
  let shownAfterMs = Infinity;
  let notShown: string | null = null;

  beforeAll(async () => {
    sway = await startSway({ width: 800, height: 480, swayDebug: [`txn-timeout=${TRANSACTION_TIMEOUT_MS}`] });
    demo = await openDemo(sway);
    const resolved = performance.now();
    const committed = await demo.display.capture();
    notShown = await showsOnScreen(sway, 'sway (grim) vs the new window\'s first commit', committed, SHOWN_WAIT_MS);
    if (!notShown) shownAfterMs = performance.now() - resolved;
  });

  afterAll(async () => {
    await demo?.app.close();
    await sway?.stop();
  });

  // A configure of the same size is acknowledged with a commit, so sway's transaction for the
  // new window never has to time out.
  it('shows the new window without waiting for sway\'s transaction timeout', () => {
    expect(notShown, `sway did not show the window within ${SHOWN_WAIT_MS} ms: its transaction still waits for a commit (or the pixels differ)`).toBeNull();
    recordFigures({ 'wayland.window_shown.ms': { value: Math.round(shownAfterMs * 10) / 10, unit: 'ms' } });
  });

  it('is pixel-identical to the headless render, on screen (grim) and in app.screenshot()', async () => {
    const reference = await headless(800, 480);
    expect(demo!.app.width, 'the app takes the output\'s size').toBe(800);
    expect(imageReport('app.screenshot() vs headless at 800x480', reference, await appImage(demo!.app))).toBeNull();
    expect(await showsOnScreen(sway!, 'sway (grim) vs headless at 800x480', reference)).toBeNull();
  });

  it('lays the dashboard and the open doorbell out again when the output is resized to 1024x600', async () => {
    const { app } = demo!;
    demo!.model.showFrontDoor();
    await framesUntil(app, () => app.stats.planesUsed === 3);
    const resized = framesUntil(app, () => app.width === 1024 && app.height === 600, 5000);
    await sway!.resizeOutput(1024, 600);
    await resized;
    const reference = await headless(1024, 600, { doorbell: true });
    expect(await appShows(app, 'app.screenshot() vs headless at 1024x600', reference)).toBeNull();
    expect(await showsOnScreen(sway!, 'sway (grim) vs headless at 1024x600', reference)).toBeNull();
  });
});

describe.skipIf(skip)('the demo turned 90° on sway', () => {
  let sway: Sway | undefined;
  let opened: WaylandApp | undefined;

  afterAll(async () => {
    await opened?.app.close();
    await sway?.stop();
  });

  it('draws the portrait layout turned into the landscape output, as the headless render turned 90°', async () => {
    sway = await startSway({ width: 800, height: 480 });
    const model = createHomeModel({ frozen: true });
    opened = await openApp(sway, () => jsx(App, { model }), { rotation: 90 });
    expect([opened.app.width, opened.app.height], 'the logical size, turned').toEqual([480, 800]);
    const screen = await render(() => jsx(App, { model: createHomeModel({ frozen: true }) }), { width: 480, height: 800, rotation: 90, background: colors.background });
    const reference = screen.pixels();
    await screen.dispose();
    expect(imageReport('app.screenshot() turned 90° vs headless', reference, await appImage(opened.app))).toBeNull();
    expect(await showsOnScreen(sway, 'sway (grim) turned 90° vs headless', reference)).toBeNull();
  });
});
