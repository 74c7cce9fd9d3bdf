/**
 * Frame pacing against sway, which sends frame callbacks in pairs (about 122 a second at a
 * 60 Hz mode) and may hold up to three of a surface's buffers at once. An animation that asks
 * for a frame every frame runs until 120 frames were committed: never more commits than sway's
 * frame callbacks allow (one callback for every committed frame), a frame skipped for want of a
 * free buffer must be followed by one that is not, and after the animation stops the app must
 * settle on its last state, on screen, and still answer a change. How fast the frames came
 * depends on the machine, so the rate and the longest gap are figures, not pass marks.
 *
 * It records wayland.animation.fps, wayland.animation.longest_gap.ms and
 * wayland.frame_done_latency.ms (the median time from a
 * commit to its frame callback, from the backend's own timings), and, with the demo, how many
 * bytes one label's change copies into the display buffer (wayland.label.copied_bytes): the
 * clock's minute changes, and once every buffer has been written, only the damaged rows of
 * the clock should be copied.
 */
import { describe, expect, it } from 'vitest';
import { View, getOwner, onCleanup, requestFrame, runWithOwner, signal, type FrameStats } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { Dashboard, FROZEN_TIME, createHomeModel } from '@planar/demo';
import { median, recordFigures } from './figures.js';
import { e2eGate, missingFor } from './gate.js';
import { appImage, nextFrame, openApp, showsOnScreen, swayForSuite, untilShown } from './wayland-app.js';

const skip = e2eGate('wayland: frame pacing on sway', missingFor(['sway', 'grim', 'injector']));
/** Committed frames the animation runs for (one to two seconds at sway's 60 or 122 a second). */
const FRAMES = 120;
/** A wait for those frames that no machine should reach; reaching it fails the test. */
const RUN_TIMEOUT_MS = 30_000;

/**
 * A box that slides and changes colour every frame from `start()` until `stop()`: each frame's
 * callback asks for the next one, as animations do.
 */
function animation() {
  const time = signal(0);
  let running = false, kick: () => void = () => {};
  const root = () => {
    const owner = getOwner();
    let cancel = () => {};
    const step = (t: number) => {
      time.value = t;
      if (running) cancel = runWithOwner(owner, () => requestFrame(step))!;
    };
    kick = () => { cancel = runWithOwner(owner, () => requestFrame(step))!; };
    onCleanup(() => cancel());
    return jsx(View, {
      style: { width: 800, height: 480, backgroundColor: '#101820' },
      children: jsx(View, {
        style: () => ({
          width: 120, height: 120, borderRadius: 24,
          transform: { translateX: Math.round(time.value / 3) % 680, translateY: 180 },
          backgroundColor: `hsl(${Math.round(time.value / 10) % 360}, 70%, 55%)`,
        }),
      }),
    });
  };
  return {
    root,
    time,
    start() {
      running = true;
      kick();
    },
    stop() {
      running = false;
    },
  };
}

describe.skipIf(skip)('frame pacing on sway', () => {
  const suite = swayForSuite({ width: 800, height: 480 });

  it('a continuous animation keeps its frames coming, retries skipped ones and settles when it stops', async () => {
    const anim = animation();
    const opened = suite.track(await openApp(suite.sway, anim.root));
    const { app, display } = opened;
    await untilShown(suite.sway, app);

    const frames: { at: number; stats: FrameStats }[] = [];
    let enough: () => void = () => {};
    const ran = new Promise<void>((resolve) => { enough = resolve; });
    const off = app.on('frame', (stats) => {
      frames.push({ at: performance.now(), stats: { ...stats } });
      if (frames.filter((f) => !f.stats.skipped).length >= FRAMES) enough();
    });
    const firstTiming = display.timings.frameDoneMs.length;
    const start = performance.now();
    anim.start();
    const timedOut = await Promise.race([ran.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), RUN_TIMEOUT_MS).unref())]);
    anim.stop();
    const elapsed = performance.now() - start;
    // The frame in flight when the animation stopped, and its callback.
    await nextFrame(app, 5000).catch(() => null);
    await nextFrame(app, 200).catch(() => null);
    off();
    const latencies = display.timings.frameDoneMs.slice(firstTiming);

    const committed = frames.filter((f) => !f.stats.skipped);
    const skipped = frames.filter((f) => f.stats.skipped);
    const gaps = frames.slice(1).map((f, i) => f.at - frames[i]!.at);
    const longestGap = Math.max(0, ...gaps, frames.length ? frames[0]!.at - start : elapsed);
    const fps = committed.length / (elapsed / 1000);
    const latency = median(latencies);
    console.info(`animation on sway: ${committed.length} frames in ${elapsed.toFixed(0)} ms (${fps.toFixed(1)}/s), ${skipped.length} skipped, longest gap ${longestGap.toFixed(1)} ms, commit-to-frame-done median ${latency.toFixed(2)} ms over ${latencies.length}`);
    expect(timedOut, `${FRAMES} frames committed within ${RUN_TIMEOUT_MS} ms (${committed.length} came)`).toBe(false);
    recordFigures({
      'wayland.animation.fps': { value: Math.round(fps * 10) / 10, unit: 'frames' },
      'wayland.animation.longest_gap.ms': { value: Math.round(longestGap * 10) / 10, unit: 'ms' },
      'wayland.frame_done_latency.ms': { value: Math.round(latency * 100) / 100, unit: 'ms' },
    });

    // At most one commit waits for its callback: never more frames than sway's callbacks allow.
    expect(Math.abs(latencies.length - committed.length), 'a frame callback for every committed frame').toBeLessThanOrEqual(1);
    const lastSkip = frames.findLastIndex((f) => f.stats.skipped);
    if (lastSkip >= 0) expect(frames.slice(lastSkip + 1).some((f) => !f.stats.skipped), 'a skipped frame is retried').toBe(true);

    // Stopped: the screen settles on the last state, and the app still answers a change.
    expect(app.stats.skipped, 'the last frame was committed').toBe(false);
    expect(await showsOnScreen(suite.sway, 'the animation\'s last frame on sway vs app.screenshot()', await appImage(app))).toBeNull();
    const answered = nextFrame(app, 1000);
    anim.time.value += 500;
    expect((await answered).skipped).toBe(false);
  });

  it('a one-label change (the clock\'s minute) copies only the clock\'s damaged rows', async () => {
    // The dashboard alone starts no timers; its model reads a clock the test sets, on tick().
    let now = FROZEN_TIME;
    const model = createHomeModel({ clock: () => now });
    const opened = suite.track(await openApp(suite.sway, () => jsx(Dashboard, { model, width: 800, height: 480 })));
    const { app } = opened;
    await untilShown(suite.sway, app);
    const changes: FrameStats[] = [];
    for (let minute = 1; minute <= 8; minute++) {
      const frame = nextFrame(app);
      now = new Date(FROZEN_TIME.getTime() + minute * 60_000);
      model.tick();
      changes.push({ ...(await frame) });
    }
    // A buffer never written is copied whole (the first change or two, while the pool grows to
    // what sway holds); from then on a buffer misses only the clock's changes since it was last
    // written, the same rectangle each time.
    const steady = changes.slice(3);
    const copied = median(steady.map((s) => s.copiedBytes));
    const damaged = median(steady.map((s) => s.damagedPx));
    console.info(`one-label change on sway: ${copied} bytes copied for ${damaged} damaged px (per frame: ${changes.map((s) => s.copiedBytes).join(', ')})`);
    recordFigures({ 'wayland.label.copied_bytes': { value: copied, unit: 'bytes' } });

    expect(steady.every((s) => !s.skipped)).toBe(true);
    expect(damaged, 'the clock is a small part of the 800x480 output').toBeLessThan(800 * 480 / 20);
    expect(copied, 'bytes copied: the damaged rows, 4 bytes a pixel').toBe(damaged * 4);
  });
});
