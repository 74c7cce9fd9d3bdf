/**
 * A second compositor: weston 10, headless with the pixman renderer and desktop-shell. The
 * demo's window is fullscreen there (at 0,0, above the shell's background), and it must equal
 * the headless render exactly: in the app's own screenshot of what it committed, and in
 * weston's screenshot of its output (weston-screenshooter, allowed by --debug).
 *
 * weston's headless backend has no seat, so there is no input here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageReport } from './compare.js';
import { startWeston, type Compositor } from './compositor.js';
import { e2eGate, missingFor } from './gate.js';
import { appImage, openDemo, renderDemo, showsOnScreen, type WaylandApp } from './wayland-app.js';

const skip = e2eGate('wayland: the demo on weston', missingFor(['weston', 'injector']));

describe.skipIf(skip)('the demo on weston', () => {
  let weston: Compositor | undefined;
  let demo: WaylandApp | undefined;

  beforeAll(async () => {
    weston = await startWeston({ width: 800, height: 480 });
    demo = await openDemo(weston);
  });

  afterAll(async () => {
    await demo?.app.close();
    await weston?.stop();
  });

  it('is pixel-identical to the headless render, in app.screenshot() and in weston\'s screenshot', async () => {
    const screen = await renderDemo(800, 480);
    const reference = screen.pixels();
    await screen.dispose();
    expect([demo!.app.width, demo!.app.height], 'the app takes the output\'s size').toEqual([800, 480]);
    expect(imageReport('app.screenshot() on weston vs headless', reference, await appImage(demo!.app))).toBeNull();
    expect(await showsOnScreen(weston!, 'weston (weston-screenshooter) vs headless', reference)).toBeNull();
  });
});
