import { afterEach, describe, expect, it } from 'vitest';
import { ExternalLayer, View, signal, type ExternalFrame } from '@planar/toolkit';
import { compareSnapshot, render, type Box, type Screen } from '@planar/toolkit/testing';
import { fileURLToPath } from 'node:url';
import { App, createHomeModel } from '../src/index.js';
import { startCamera, type CameraFeed } from '../src/camera.js';
import { DOORBELL_OPEN_S, FIRST_RING_S, RING_EVERY_S, type HomeModel } from '../src/model.js';
import { colors, layoutFor } from '../src/theme.js';
import { expectInside, watchErrors } from './helpers.js';

const FRAME_MS = 1000 / 60;
/** Long enough for a slide to end. */
const SLIDE_MS = 600;

let screen: Screen | null = null;
afterEach(async () => {
  await screen?.dispose();
  screen = null;
});

/** A live model whose clock stands at 09:41:30, so nothing but the doorbell moves. */
const liveModel = () => createHomeModel({ clock: () => new Date(2025, 0, 14, 9, 41, 30) });

async function renderApp(model: HomeModel, width = 800, height = 480, scale = 1) {
  screen = await render(() => <App model={model} size={{ width, height }} />, { width, height, scale, background: colors.background });
  return screen;
}

/** The RGBA bytes of a box of the output, row by row. */
function region(screen: Screen, box: Box): Uint8Array {
  const { width, pixels } = screen.pixels();
  const out = new Uint8Array(box.width * box.height * 4);
  for (let y = 0; y < box.height; y++) {
    const from = ((box.y + y) * width + box.x) * 4;
    out.set(pixels.subarray(from, from + box.width * 4), y * box.width * 4);
  }
  return out;
}

/** Where the open card lies on an 800x480 output. */
const card = (): Box => {
  const { x, y, width, height } = layoutFor(800, 480).doorbell;
  return { x, y, width, height };
};

describe('doorbell popup', () => {
  it('slides in from the right edge on planes: moves repaint, compose and copy nothing', async () => {
    const model = liveModel();
    const screen = await renderApp(model);
    expect(() => screen.find({ testId: 'doorbell' })).toThrow(/no node/);
    model.showFrontDoor();
    await screen.flush();
    // Mounted just past the edge; its card is painted once, now.
    expect(screen.find({ testId: 'doorbell' }).x).toBe(800);
    expect(screen.stats.damagedPx).toBeGreaterThan(0);

    const xs: number[] = [800];
    let planeFrames = 0, partlyOutside = 0;
    for (let i = 0; i < SLIDE_MS / FRAME_MS; i++) {
      await screen.advance(FRAME_MS);
      const box = screen.find({ testId: 'doorbell' });
      const moved = box.x !== xs[xs.length - 1];
      xs.push(box.x);
      if (!moved) continue;
      // Only its position changed. Card and camera ride planes all the way, a plane showing
      // the part of the card inside the output while the rest is still past the edge: nothing
      // is repainted or composed, and only the first frame on a plane copies the card into
      // a display buffer.
      expect(screen.planeOf('doorbell'), `frame ${i} at x ${box.x}`).not.toBeNull();
      expect(screen.stats, `frame ${i}`).toMatchObject({ damagedPx: 0, composedPx: 0, composited: 0 });
      expect(screen.stats.copiedBytes, `frame ${i}`).toBe(planeFrames === 0 ? box.width * box.height * 4 : 0);
      planeFrames++;
      if (box.x + box.width > 800) partlyOutside++;
    }
    // Leftwards all the way, easing into place.
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeLessThanOrEqual(xs[i - 1]!);
    expect(xs[xs.length - 1]).toBe(card().x);
    expect(new Set(xs).size).toBeGreaterThan(10);
    expect(planeFrames).toBeGreaterThanOrEqual(3);
    expect(partlyOutside).toBeGreaterThanOrEqual(3);
    // The camera moved with the card.
    const camera = screen.find({ testId: 'camera' }), preview = screen.find({ testId: 'doorbell-preview' });
    expect(camera).toEqual(preview);
  });

  it('puts the card and the camera on planes of vkms, the camera above the card', async () => {
    const screen = await renderApp(createHomeModel({ frozen: true, doorbell: true }));
    const card = screen.planeOf('doorbell'), camera = screen.planeOf('camera');
    expect(card).not.toBeNull();
    expect(camera).not.toBeNull();
    // vkms stacks its overlays by id: the camera's plane is above the card's.
    expect(camera!).toBeGreaterThan(card!);
    expect(screen.planes().map((p) => p.planeId)).toEqual([1, card, camera]);
    expect(screen.stats).toMatchObject({ planesUsed: 3, composited: 0, layers: 3 });
  });

  it('shows new camera frames in live mode, each at no repaint, copy or composition', async () => {
    const model = liveModel();
    const screen = await renderApp(model);
    model.showFrontDoor();
    await screen.advance(SLIDE_MS);
    const preview = screen.find({ testId: 'doorbell-preview' });
    const first = region(screen, preview);
    let shown = 0;
    for (let i = 0; i < 60; i++) {
      const frame = screen.stats.frame;
      await screen.advance(FRAME_MS);
      if (screen.stats.frame === frame || screen.stats.layers === 0) continue;
      shown++;
      expect(screen.stats).toMatchObject({ damagedPx: 0, composedPx: 0, copiedBytes: 0, planesUsed: 3 });
    }
    // About 12 frames a second.
    expect(shown).toBeGreaterThanOrEqual(10);
    expect(shown).toBeLessThanOrEqual(14);
    const later = region(screen, preview);
    let differing = 0;
    for (let i = 0; i < first.length; i += 4) if (first[i] !== later[i] || first[i + 1] !== later[i + 1] || first[i + 2] !== later[i + 2]) differing++;
    expect(differing).toBeGreaterThan(100);
  });

  it('opens from the weather pill; Dismiss slides it out, uncovers the dashboard and leaves no frames behind', async () => {
    const model = liveModel();
    const screen = await renderApp(model);
    const under = region(screen, card());
    await screen.tap({ testId: 'weather' });
    expect(model.doorbell.value).toBe(true);
    await screen.advance(SLIDE_MS);
    expect(screen.find({ testId: 'doorbell' })).toEqual(card());
    expect(screen.text({ testId: 'doorbell-card' })).toBe('Front door Dismiss Someone is at the door · 09:41');
    expect(region(screen, card())).not.toEqual(under);

    await screen.tap({ testId: 'doorbell-dismiss' });
    expect(model.doorbell.value).toBe(false);
    await screen.advance(FRAME_MS * 3);
    // On its way out: over the edge, so composited.
    expect(screen.find({ testId: 'doorbell' }).x).toBeGreaterThan(card().x);
    await screen.advance(SLIDE_MS);
    expect(() => screen.find({ testId: 'doorbell' })).toThrow(/no node/);
    expect(() => screen.find({ testId: 'camera' })).toThrow(/no node/);
    expect(region(screen, card())).toEqual(under);
    expect(screen.planes().map((p) => p.layerId)).toEqual([0]);
    // Closed, it costs nothing: the camera stopped and no frame is rendered.
    const frame = screen.stats.frame;
    await screen.advance(1000);
    expect(screen.stats.frame).toBe(frame);
  });

  it('frozen, Dismiss closes it at once, leaving exactly the dashboard of the golden image', async () => {
    const model = createHomeModel({ frozen: true, doorbell: true });
    const screen = await renderApp(model);
    await screen.tap({ testId: 'doorbell-dismiss' });
    expect(() => screen.find({ testId: 'doorbell' })).toThrow(/no node/);
    const golden = fileURLToPath(new URL('./__image_snapshots__/dashboard-800x480.png', import.meta.url));
    const result = compareSnapshot(screen.png(), golden, { update: false });
    expect(result.pass, result.message).toBe(true);
  });

  it(`rings ${FIRST_RING_S} s after the start and every ${RING_EVERY_S} s, and closes itself after ${DOORBELL_OPEN_S} s`, async () => {
    const model = liveModel();
    const watch = watchErrors();
    try {
      const screen = await renderApp(model);
      await screen.advance(FIRST_RING_S * 1000 - 100);
      expect(model.doorbell.value).toBe(false);
      await screen.advance(200);
      expect(model.doorbell.value).toBe(true);
      expect(model.events.value[0]).toMatchObject({ text: 'Doorbell rang', tone: 'warn' });
      await screen.advance(SLIDE_MS);
      expect(screen.find({ testId: 'doorbell' })).toEqual(card());
      await screen.advance(DOORBELL_OPEN_S * 1000 - SLIDE_MS - 300);
      expect(model.doorbell.value).toBe(true);
      await screen.advance(300 + SLIDE_MS);
      expect(model.doorbell.value).toBe(false);
      expect(() => screen.find({ testId: 'doorbell' })).toThrow(/no node/);
      await screen.advance((RING_EVERY_S - DOORBELL_OPEN_S) * 1000 - SLIDE_MS - 200);
      expect(model.doorbell.value).toBe(false);
      await screen.advance(200);
      expect(model.doorbell.value).toBe(true);
      expect(model.events.value.filter((e) => e.text === 'Doorbell rang')).toHaveLength(2);
      expect(watch.errors).toEqual([]);
    } finally {
      watch.stop();
    }
  });

  it('a frozen model never rings by itself', async () => {
    const model = createHomeModel({ frozen: true });
    const screen = await renderApp(model);
    await screen.advance(60_000);
    expect(model.doorbell.value).toBe(false);
    expect(screen.planes().map((p) => p.layerId)).toEqual([0]);
  });

  it('frozen, shows camera frame 0 only: the same on every render, and still', async () => {
    const a = await renderApp(createHomeModel({ frozen: true, doorbell: true }));
    const preview = a.find({ testId: 'doorbell-preview' });
    const still = region(a, preview);
    // A picture, not a fill: many colours.
    const seen = new Set<number>();
    for (let i = 0; i < still.length; i += 4) seen.add((still[i]! << 16) | (still[i + 1]! << 8) | still[i + 2]!);
    expect(seen.size).toBeGreaterThan(20);
    const frame = a.stats.frame;
    await a.advance(5000);
    expect(a.stats.frame).toBe(frame);
    expect(region(a, preview)).toEqual(still);
    await a.dispose();
    screen = null;

    const b = await renderApp(createHomeModel({ frozen: true, doorbell: true }));
    expect(region(b, preview)).toEqual(still);
  });

  it('matches the golden image with the doorbell open, frozen at 800x480', async () => {
    const screen = await renderApp(createHomeModel({ frozen: true, doorbell: true }));
    expect(screen).toMatchImageSnapshot('dashboard-doorbell-800x480');
  });

  for (const [width, height, scale] of [[480, 272, 1], [1024, 600, 1], [1920, 1080, 1], [600, 1024, 1], [800, 480, 2]] as const) {
    it(`fits ${width}x${height}${scale > 1 ? ` at scale ${scale}` : ''}, the camera covering its box on a plane`, async () => {
      const watch = watchErrors();
      try {
        const screen = await renderApp(createHomeModel({ frozen: true, doorbell: true }), width, height, scale);
        const output = { x: 0, y: 0, width: width * scale, height: height * scale };
        const popup = screen.find({ testId: 'doorbell' });
        expectInside(popup, output, 'doorbell');
        expectInside(screen.find({ testId: 'doorbell-dismiss' }), popup, 'doorbell-dismiss');
        expect(screen.find({ testId: 'camera' })).toEqual(screen.find({ testId: 'doorbell-preview' }));
        expect(screen.planeOf('camera')).not.toBeNull();
        expect(screen.planeOf('doorbell')).not.toBeNull();
        expect(watch.errors).toEqual([]);
      } finally {
        watch.stop();
      }
    });
  }
});

describe('camera feed', () => {
  it('reuses at most three buffers, each only after the source handed it back, and stops with its component', async () => {
    const mounted = signal(true);
    let feed: CameraFeed | null = null;
    function Probe() {
      feed = startCamera({ width: 48, height: 24, live: true, stamp: () => '12:34' });
      return <ExternalLayer testId="probe" source={feed.source} position={{ x: 10, y: 10 }} />;
    }
    screen = await render(() => <View style={{ width: '100%', height: '100%' }}>{() => mounted.value && <Probe />}</View>, { width: 100, height: 60 });
    const source = feed!.source;
    // Frames the feed pushed that the source has not handed back.
    const out = new Set<ExternalFrame>([source.current!]);
    const push = source.push.bind(source);
    source.push = (frame) => {
      expect(out.has(frame), 'a frame pushed again before its release').toBe(false);
      out.add(frame);
      push(frame);
    };
    source.on('release', (frame) => out.delete(frame));

    await screen.advance(2000);
    expect(feed!.pushed).toBeGreaterThanOrEqual(24);
    expect(feed!.buffers).toBeLessThanOrEqual(3);
    expect(feed!.skipped).toBe(0);
    expect(screen.planeOf('probe')).not.toBeNull();

    mounted.value = false;
    await screen.flush();
    const pushed = feed!.pushed;
    await screen.advance(1000);
    expect(feed!.pushed).toBe(pushed);
    // Every frame came back but the last one, which stays the source's.
    expect([...out]).toEqual([source.current]);
  });

  it('skips a tick while every buffer is held, and goes on once one comes back', async () => {
    let feed: CameraFeed | null = null;
    function Probe() {
      feed = startCamera({ width: 16, height: 16, live: true, stamp: () => '00:00' });
      return null;
    }
    // Nothing shows the source, so each push hands the frame before it back: two buffers do.
    screen = await render(() => <View><Probe /></View>, { width: 40, height: 40 });
    await screen.advance(1000);
    expect(feed!.buffers).toBe(2);
    expect(feed!.skipped).toBe(0);
    // A reader that holds on to frames, as a display scanning them out would.
    const source = feed!.source;
    const held = [source.current!];
    source.hold(held[0]!);
    await screen.advance(500);
    expect(feed!.buffers).toBe(3);
    held.push(source.current!);
    source.hold(held[1]!);
    await screen.advance(500);
    const pushed = feed!.pushed;
    await screen.advance(500);
    expect(feed!.pushed).toBe(pushed);
    expect(feed!.skipped).toBeGreaterThan(0);
    expect(feed!.buffers).toBe(3);
    source.released(held[0]!);
    await screen.advance(500);
    expect(feed!.pushed).toBeGreaterThan(pushed);
    expect(feed!.buffers).toBe(3);
  });
});

describe('doorbell camera from a V4L2 device', () => {
  it('with a device that is not there, the card says the camera is unavailable and why, and the panel goes on', async () => {
    const model = createHomeModel({ frozen: true, doorbell: true, camera: '/dev/video-missing' });
    const screen = await renderApp(model);
    expect(screen.getByText('Camera unavailable')).toBeTruthy();
    expect(screen.getByText(/cannot open \/dev\/video-missing: No such file or directory — is the camera plugged in\?/)).toBeTruthy();
    const problem = screen.find({ testId: 'camera-problem' });
    expectInside(problem, card(), 'the placeholder');
    // The panel still answers: Dismiss closes the popup, placeholder and all, as without a camera.
    await screen.tap(screen.getByRole('button', { name: 'Dismiss' }));
    expect(() => screen.find({ testId: 'camera-problem' })).toThrow(/no node/);
    const golden = fileURLToPath(new URL('./__image_snapshots__/dashboard-800x480.png', import.meta.url));
    const result = compareSnapshot(screen.png(), golden, { update: false });
    expect(result.pass, result.message).toBe(true);
  });
});
