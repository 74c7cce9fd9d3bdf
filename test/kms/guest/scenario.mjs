#!/usr/bin/env node
/**
 * One app of the KMS end-to-end suite, run inside the VM on the kms backend:
 *
 *   node scenario.mjs <out dir> <scenario>...
 *
 * Scenarios run one after another in this process (CanvasKit is compiled once: under the VM's
 * software emulation that alone takes many seconds). Each prints JSON lines on stdout
 * ({ "scenario", "event", ... }) for the suite to read and writes its screenshots (taken through
 * the writeback connector) into the out dir. `input` also takes commands on stdin:
 * `shot <file>`, `report [label]`, `quit`.
 */
import { closeSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { createApp, createExternalSource, signal } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { App as Demo, colors, createHomeModel } from '@planar/demo';
import { backend as kms } from '@planar/kms-backend';
import { GREEN_PLACES, counter, greenLabel, manyLayers, patternBgrx, slider, tapAndType, threeLayers, withExternal } from './scenes.mjs';
import { showCropSteps } from './crop.mjs';
import { scrollList, showScrollSteps } from './scroll.mjs';

const [out, ...names] = process.argv.slice(2);
let current = '';
const say = (event) => process.stdout.write(`${JSON.stringify({ scenario: current, ...event })}\n`);
const errors = [];
const onError = (e) => { errors.push(e.message); say({ event: 'app-error', message: e.message }); };
// These scenarios check exact plane assignments, so the allocator's search must always run to its
// end: TEST_ONLY commits take milliseconds each under the VM's emulation, and on a busy machine a
// search over three layers has overrun 100 ms (twelve layers take about 0.5 s). No search comes
// near 10 s.
const common = { backend: 'kms', planeDeadlineMs: 10_000, onError };
// What users get: the allocator's production budget (no planeDeadlineMs).
const productionBudget = { backend: 'kms', cursor: 'hidden', onError };

/** Resolves with the stats of the app's first frame that `test` accepts. */
function frameWhere(app, test) {
  return new Promise((resolve) => {
    const off = app.on('frame', (stats) => {
      if (!test(stats)) return;
      off();
      resolve({ ...stats });
    });
  });
}

async function shot(app, file) {
  writeFileSync(`${out}/${file}`, await app.screenshot());
}

function planes(app) {
  return { planes: app.display.planes.map((p) => ({ id: p.id, type: p.type, formats: p.formats, zpos: p.zpos, alpha: p.alpha, scaling: p.scaling, mustCoverOutput: p.mustCoverOutput })), shown: app.display.describeShown() };
}

/** The demo as `planar-demo --freeze` shows it, at the mode PLANAR_KMS_MODE names (else the preferred one). */
async function demo(file, mode, rotation = 0) {
  if (mode) process.env.PLANAR_KMS_MODE = mode;
  else delete process.env.PLANAR_KMS_MODE;
  const model = createHomeModel({ frozen: true });
  const app = await createApp(() => jsx(Demo, { model }), { ...common, rotation, background: colors.background });
  await shot(app, file);
  say({ event: 'result', stats: app.stats, info: app.display.info, width: app.width, height: app.height, capture: app.display.captureSource, ...planes(app) });
  await app.close();
  delete process.env.PLANAR_KMS_MODE;
}

async function layers() {
  const app = await createApp(() => threeLayers(), { ...common, cursor: 'default' });
  const stats = app.stats;
  await shot(app, 'layers.png');
  say({ event: 'result', stats, info: app.display.info, capture: app.display.captureSource, ...planes(app) });
  await app.close();
}

async function many() {
  const app = await createApp(manyLayers, common);
  const stats = app.stats;
  await shot(app, 'many.png');
  say({ event: 'result', stats, capture: app.display.captureSource, ...planes(app) });
  await app.close();
}

/**
 * The three layers with the production plane budget: the first allocation, then the green layer
 * moved twice. The first move keeps the same overlaps (green over blue only): the allocation is
 * reused after one test. The second puts green over red too: a later, budgeted search.
 */
async function budgetMoves() {
  const green = signal(GREEN_PLACES[0]), label = signal(greenLabel(0));
  const app = await createApp(() => threeLayers(() => green.value, () => label.value), productionBudget);
  const steps = [];
  for (let i = 0; i < GREEN_PLACES.length; i++) {
    let stats = { ...app.stats };
    if (i > 0) {
      // The frame that made the move repaints the label; a frame already under way when the
      // signals changed (an allocation cut short is searched again in the next frame) does not.
      const frame = frameWhere(app, (s) => s.damagedPx > 0);
      green.value = GREEN_PLACES[i];
      label.value = greenLabel(i);
      stats = await frame;
    }
    await shot(app, `budget-moves-${i}.png`);
    // `stats`: the frame the change made; `settled`: the last frame before the screenshot (an
    // allocation cut short is searched again in a later frame).
    steps.push({ stats, settled: { ...app.stats }, capture: app.display.captureSource, shown: app.display.describeShown() });
  }
  say({ event: 'result', steps });
  await app.close();
}

/** Twelve layers with the production plane budget. */
async function budgetMany() {
  const app = await createApp(manyLayers, productionBudget);
  const stats = app.stats;
  await shot(app, 'budget-many.png');
  say({ event: 'result', stats, capture: app.display.captureSource, ...planes(app) });
  await app.close();
}

/** A label changing every frame for 150 frames: flips pace the loop; copies are the label's damage. */
async function pacing() {
  const text = signal('start');
  const app = await createApp(() => counter(() => text.value), common);
  const frames = [];
  await new Promise((resolve) => {
    let n = 0;
    app.on('frame', (stats) => {
      frames.push({ copiedBytes: stats.copiedBytes, damagedPx: stats.damagedPx, presentLatencyMs: stats.presentLatencyMs, skipped: stats.skipped });
      if (++n >= 150) return resolve();
      // A new text on every frame event (the same text would be no change, and no next frame).
      text.value = String(n);
    });
    text.value = '0';
  });
  say({ event: 'result', frames, flipTimesMs: app.display.flipTimesMs.slice(-150), flipSequences: app.display.flipSequences.slice(-150), info: app.display.info });
  await app.close();
}

/** A layer on an overlay plane sliding 4 px a frame for 120 frames: no repaint, no copy; flips pace it. */
async function slide() {
  const pos = signal({ x: 40, y: 300 });
  const app = await createApp(() => slider(pos), common);
  const frames = [];
  await new Promise((resolve) => {
    app.on('frame', (stats) => {
      frames.push({ copiedBytes: stats.copiedBytes, damagedPx: stats.damagedPx, planesUsed: stats.planesUsed, composited: stats.composited });
      if (frames.length >= 120) return resolve();
      // A new place on every frame event: an unchanged one would render nothing.
      pos.value = { x: 44 + frames.length * 4, y: 300 };
    });
    pos.value = { x: 44, y: 300 };
  });
  say({ event: 'result', frames, flipTimesMs: app.display.flipTimesMs.slice(-120), flipSequences: app.display.flipSequences.slice(-120), info: app.display.info, shown: app.display.describeShown() });
  await app.close();
}

/**
 * A DMA-BUF from another client of the card (a dumb buffer of a second, non-master fd, as a
 * camera or decoder would hand over) on an ExternalLayer: imported, scanned out from a plane.
 */
async function external() {
  const source = createExternalSource({ width: 320, height: 240, format: 'XRGB8888' });
  const app = await createApp(() => withExternal(source), common);
  const addon = createRequire(import.meta.url)('../../../packages/kms-backend/build/Release/planar_kms.node');
  const producer = new addon.Device('/dev/dri/card0', () => {});
  const frame = new addon.DumbBuffer(producer, 320, 240, 0x34325258 /* XR24 */);
  frame.write(patternBgrx(320, 240), 320 * 4, Int32Array.of(0, 0, 320, 240), false);
  const fd = frame.exportFd();
  const shown = new Promise((resolve) => { const off = app.on('frame', (stats) => { off(); resolve(stats); }); });
  source.push({ kind: 'dmabuf', fd, width: 320, height: 240, stride: frame.stride, offset: 0, format: 'XRGB8888', modifier: 0n });
  const stats = await shown;
  await shot(app, 'external.png');
  say({ event: 'result', stats, capture: app.display.captureSource, shown: app.display.describeShown(), planes: app.display.planes.map((p) => ({ id: p.id, type: p.type })) });
  await app.close();
  closeSync(fd);
  frame.destroy();
  producer.close();
}

/**
 * Plane SRC_* on the driver, with no app: a tall buffer's windows on an overlay plane
 * (crop.mjs), each read back through the writeback connector as raw RGBA (`crop-<step>.rgba`).
 */
async function crop() {
  const display = await kms.open({ cursor: 'hidden' });
  const steps = [];
  const buffers = await showCropSteps(display, async (step, { width, height, pixels }) => {
    writeFileSync(`${out}/crop-${step.name}.rgba`, pixels);
    steps.push({ name: step.name, width, height, capture: display.captureSource, shown: display.describeShown() });
  });
  say({ event: 'result', steps, planes: display.planes.map((p) => ({ id: p.id, type: p.type, crop: p.crop })) });
  await display.close();
  for (const buffer of buffers) buffer.destroy();
}

/**
 * A list in a ScrollLayer scrolled through the steps of scroll.mjs: at each, the writeback
 * (`scroll-<step>.png`), the planes shown and the stats of the frame the scroll made.
 */
async function scroll() {
  const list = scrollList();
  const app = await createApp(list.root, { ...common, cursor: 'hidden' });
  const steps = await showScrollSteps(app, list, async (step, record) => {
    await shot(app, `scroll-${step.name}.png`);
    Object.assign(record, { capture: app.display.captureSource, shown: app.display.describeShown() });
  }, { quietMs: 2000 });
  say({ event: 'result', steps, planes: app.display.planes.map((p) => ({ id: p.id, type: p.type, crop: p.crop })) });
  await app.close();
}

/** Run as an unprivileged user: the card and input devices come from seatd through libseat. */
async function seat() {
  const app = await createApp(() => counter(() => 'seat'), common);
  await shot(app, 'seat.png');
  say({ event: 'result', uid: process.getuid(), seat: app.display.seatName, stats: app.stats, capture: app.display.captureSource });
  await app.close();
}

async function input() {
  const state = { on: signal(false), typed: signal(''), keys: [], compositions: [], tile: null };
  const app = await createApp(() => tapAndType(state), { ...common, cursor: 'hidden' });
  app.on('device', (e) => say({ event: 'device', ...e }));
  let last = state.on.value;
  app.on('frame', () => {
    if (state.on.value !== last) say({ event: 'tile', on: (last = state.on.value) });
  });
  say({ event: 'ready', tile: state.tile?.box() ?? null, info: app.display.info });
  for await (const line of createInterface({ input: process.stdin })) {
    const [command, arg] = line.trim().split(/\s+/);
    if (command === 'shot') {
      await shot(app, arg);
      say({ event: 'shot', file: arg, capture: app.display.captureSource });
    } else if (command === 'report') {
      say({ event: 'report', label: arg ?? null, on: state.on.value, typed: state.typed.value, keys: state.keys, compositions: state.compositions });
    } else if (command === 'quit') {
      break;
    }
  }
  await app.close();
}

const scenarios = {
  'demo-preferred': () => demo('demo-preferred.png'),
  'demo-800x600': () => demo('demo-800x600.png', '800x600'),
  'demo-800x600-r90': () => demo('demo-800x600-r90.png', '800x600', 90),
  layers, many, pacing, slide, external, crop, scroll, seat, input,
  'budget-moves': budgetMoves, 'budget-many': budgetMany,
};
const unknown = names.filter((n) => !scenarios[n]);
if (!out || !names.length || unknown.length) {
  console.error(`usage: scenario.mjs <out dir> <${Object.keys(scenarios).join('|')}>...`);
  process.exit(2);
}
const LIMIT_MS = 180_000;
let failed = 0;
for (const name of names) {
  current = name;
  const t0 = Date.now();
  let timer;
  try {
    // A scenario that stops making progress fails with what it had, instead of holding the VM.
    await Promise.race([scenarios[name](), new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no end after ${LIMIT_MS / 1000} s`)), LIMIT_MS); })]);
    clearTimeout(timer);
    say({ event: 'done', ms: Date.now() - t0 });
  } catch (error) {
    clearTimeout(timer);
    failed++;
    say({ event: 'failed', message: String(error.stack ?? error) });
  }
}
process.exit(failed || errors.length ? 1 : 0);
