/**
 * leak.soak: the live demo (800x480, headless, on the virtual clock) used for 20,000 frames
 * (5 min 33 s of its time): a device tile tapped every second, the thermostat stepped every
 * 1.5 s, the front-door camera opened from the weather every 10 s and dismissed 4 s later, and
 * the doorbell ringing by itself every 30 s (its popup and live camera then run for 10 s).
 * Every 600 frames (10 s, when the script has the popup closed, so that every sample sees the
 * same screen) it takes liveObjects() after a full GC; each figure is the growth per 1,000
 * frames, the least-squares slope through the samples after the first 1,800 frames (caches
 * filling, the first ring): 0 for the object counts when nothing leaks.
 *
 *   leak.soak.canvaskit      CanvasKit objects Planar owns
 *   leak.soak.malloc_blocks  CanvasKit Malloc blocks
 *   leak.soak.yoga           Yoga nodes
 *   leak.soak.fds            open file descriptors
 *   leak.soak.js_heap        JS heap after GC, bytes
 *   leak.soak.array_buffers  ArrayBuffers outside the JS heap (camera frames), bytes
 *   leak.soak.wasm_heap      CanvasKit's reserved wasm memory, bytes
 *
 * PLANAR_SOAK_FRAMES changes the length (for a quick look; the figures want 20,000).
 */
import { jsx } from '@planar/toolkit/jsx-runtime';
import { render, liveObjects, leastSquaresSlope } from '@planar/toolkit/testing';
import { App, createHomeModel } from '@planar/demo';

export const name = 'leak.soak';

const FRAME_MS = 1000 / 60;
const SAMPLE_EVERY = 600;
const SKIP_FRAMES = 1800;

/** What the user does at frame `f` (60 frames a second). */
async function act(screen, model, f) {
  if (f % 60 === 30) {
    const devices = model.devices;
    const device = devices[Math.floor(f / 60) % devices.length];
    // Under the open popup a tap would land on the card instead; that is fine too.
    await screen.tap({ testId: `tile-${device.id}` });
  }
  if (f % 90 === 45) await screen.tap({ testId: Math.floor(f / 90) % 6 < 3 ? 'thermostat-up' : 'thermostat-down' });
  if (f % 600 === 300 && !model.doorbell.peek()) await screen.tap({ testId: 'weather' });
  if (f % 600 === 540 && model.doorbell.peek()) await screen.tap({ testId: 'doorbell-dismiss' });
}

export async function run() {
  const frames = Number(process.env.PLANAR_SOAK_FRAMES ?? 20_000);
  if (!(frames >= SKIP_FRAMES + 2 * SAMPLE_EVERY)) throw new Error(`leak.soak: PLANAR_SOAK_FRAMES must be at least ${SKIP_FRAMES + 2 * SAMPLE_EVERY}, got ${process.env.PLANAR_SOAK_FRAMES}`);
  // The model's clock follows the virtual one, so the clock text changes once a virtual minute.
  const start = new Date(2025, 0, 14, 9, 41, 0).getTime();
  let elapsed = 0;
  const model = createHomeModel({ clock: () => new Date(start + elapsed) });
  const screen = await render(() => jsx(App, { model, size: { width: 800, height: 480 } }), { width: 800, height: 480, checkDamage: false });
  const samples = [];
  let rings = 0, wasOpen = false;
  const t0 = performance.now();
  for (let f = 0; f <= frames; f++) {
    if (f % SAMPLE_EVERY === 0 && f >= SKIP_FRAMES) {
      if (model.doorbell.peek()) throw new Error(`leak.soak: the doorbell popup is open at frame ${f}, where the script has it closed; samples would not compare`);
      samples.push({ frame: f, ...(await liveObjects()) });
    }
    if (f === frames) break;
    await act(screen, model, f);
    await screen.advance(FRAME_MS);
    elapsed += FRAME_MS;
    const open = model.doorbell.peek();
    if (open && !wasOpen) rings++;
    wasOpen = open;
  }
  const seconds = (performance.now() - t0) / 1000;
  await screen.dispose();
  const first = samples[0], last = samples[samples.length - 1];
  process.stderr.write(` [${frames} frames in ${seconds.toFixed(0)} s, the popup opened ${rings} times; frame ${first.frame} → ${last.frame}: `
    + `CanvasKit ${first.canvasKit} → ${last.canvasKit}, Yoga ${first.yogaNodes} → ${last.yogaNodes}, fds ${first.openFds} → ${last.openFds}, `
    + `JS heap ${(first.jsHeapBytes / 1048576).toFixed(2)} → ${(last.jsHeapBytes / 1048576).toFixed(2)} MiB; `
    + `CanvasKit by class ${JSON.stringify(first.canvasKitByClass)} → ${JSON.stringify(last.canvasKitByClass)}] `);

  const xs = samples.map((s) => s.frame / 1000);
  const per1k = (key) => leastSquaresSlope(xs, samples.map((s) => s[key]));
  const round = (v, digits) => Math.round(v * 10 ** digits) / 10 ** digits;
  return {
    'leak.soak.canvaskit': { value: round(per1k('canvasKit'), 2), unit: 'count' },
    'leak.soak.malloc_blocks': { value: round(per1k('mallocBlocks'), 2), unit: 'count' },
    'leak.soak.yoga': { value: round(per1k('yogaNodes'), 2), unit: 'count' },
    'leak.soak.fds': { value: round(per1k('openFds'), 2), unit: 'count' },
    'leak.soak.js_heap': { value: Math.round(per1k('jsHeapBytes')), unit: 'bytes' },
    'leak.soak.array_buffers': { value: Math.round(per1k('arrayBufferBytes')), unit: 'bytes' },
    'leak.soak.wasm_heap': { value: Math.round(per1k('wasmHeapBytes')), unit: 'bytes' },
  };
}
