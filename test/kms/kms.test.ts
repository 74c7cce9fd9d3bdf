/**
 * The kms backend on a real kernel KMS device: vkms in a qemu VM (test/kms/vm.mjs), every
 * check from one boot. The guest runs test/kms/guest/suite.mjs, which drives the apps and
 * records what they showed and measured; these tests judge the record, comparing the
 * writeback captures with headless renders of the same scenes made here on the host.
 *
 * Pixel rules: the kernel's writeback is the output as vkms composed it. Opaque planes and the
 * software composition must match the headless render exactly; where a translucent plane
 * lies over another, vkms blends in 16 bits per channel and the toolkit in 8, so ±1 per
 * channel is allowed there and nowhere else.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render, type Screen } from '@planar/toolkit/testing';
import { createExternalSource, signal } from '@planar/toolkit';
import { loadBackend, type OpenOptions } from '@planar/toolkit/backend';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { App as DemoApp, colors, createHomeModel } from '@planar/demo';
import { e2eGate, REPO_ROOT } from '../wayland/gate.js';
import { diffImages, type Box } from '../wayland/compare.js';
import { decodePng, type Image } from '../wayland/images.js';
import { median, recordFigures } from '../wayland/figures.js';
import { GREEN_PLACES, counter, greenLabel, manyLayers, patternBgrx, threeLayers, tapAndType, withExternal } from './guest/scenes.mjs';
import { CROP_STEPS, showCropSteps } from './guest/crop.mjs';
import { SCROLL_STEPS, type ScrollRecord } from './guest/scroll.mjs';
import { expectQuietScrolls, scrolledHeadless, shownTiles, tilesAt, type ShownTile } from './scroll-check.js';
import { prepareVm, runInVm, type RunResult } from './vm.mjs';
import { vmArch } from './vm-arch.mjs';
import { drawArrow } from '@planar/kms-backend';

const OUT = path.join(REPO_ROOT, 'test/kms/.out');
const RESULTS = path.join(REPO_ROOT, 'test/kms/results.json');

interface Step { command: string; status: number | null; signal: string | null; stdout: string; stderr: string; events: Record<string, any>[]; ms: number }
interface SuiteRecord { steps: Record<string, Step>; input: Record<string, any>; wallMs: number }

/**
 * How each step of the guest suite must end: its exit status, or a signal it may die of. The
 * demo holding the card exits 0 on SIGTERM; seatd is stopped with SIGTERM.
 */
const STEP_ENDS: Record<string, (number | string)[]> = {
  list: [0], 'state-before': [0], apps: [0], input: [0], uinput: [0], 'tty-before': [0], holder: [0], 'state-running': [0],
  'tty-running': [0], 'second-app': [1], 'state-after': [0], 'tty-after': [0], seatd: [0, 'SIGTERM'], 'seat-view': [0], seat: [0],
};

function missing(): string | null {
  const qemu = vmArch().qemu;
  if (spawnSync('sh', ['-c', `command -v ${qemu} && command -v gcc`], { stdio: 'ignore' }).status !== 0) {
    return `${qemu} or gcc is not installed (node scripts/setup.mjs --kms-e2e installs them)`;
  }
  for (const built of ['packages/kms-backend/build/Release/planar_kms.node', 'packages/kms-backend/dist/index.js', 'apps/demo/dist/index.js']) {
    if (!existsSync(path.join(REPO_ROOT, built))) return `${built} is missing: run npm run build`;
  }
  return null;
}

const skip = e2eGate('kms: vkms in a VM', missing());

let record: SuiteRecord;
let vm: RunResult;

/** Events that say something went wrong: an app's error event, or a scenario that threw. */
const isError = (e: Record<string, any>) => e.event === 'app-error' || e.event === 'failed';

/**
 * The result event of a scenario of the `apps` step. The scenario must also have ended (its
 * `done` event) and reported no error, before or after its result.
 */
function result(scenario: string): Record<string, any> {
  const apps = record.steps.apps;
  const events = apps?.events.filter((e) => e.scenario === scenario) ?? [];
  // Its own lines and the step's stderr; the errors come last, where a log's tail shows them.
  const printed = `it printed:\n${events.map((e) => JSON.stringify(e)).join('\n')}\nthe apps step's stderr:\n${apps?.stderr}`;
  const errors = events.filter(isError).map((e) => `${e.event}: ${e.message}`);
  if (errors.length) throw new Error(`the ${scenario} scenario reported errors; ${printed}\nthe errors:\n${errors.join('\n')}`);
  const event = events.find((e) => e.event === 'result');
  if (!event) throw new Error(`the ${scenario} scenario has no result; ${printed}`);
  if (!events.some((e) => e.event === 'done')) throw new Error(`the ${scenario} scenario never ended (no done event); ${printed}`);
  return event;
}

/** A scenario's result event, for figures only: no judgement (the tests judge). */
const resultFor = (scenario: string) => record.steps.apps?.events.find((e) => e.scenario === scenario && e.event === 'result');

/** Layers on planes: the planes used, less the composition layer where some layer is composited. */
const onPlanes = (stats: { planesUsed: number; composited: number }) => stats.planesUsed - (stats.composited > 0 ? 1 : 0);

function png(name: string): Image {
  return decodePng(readFileSync(path.join(OUT, name)));
}

async function headless(screen: Promise<Screen>): Promise<Image> {
  const s = await screen;
  const image = s.pixels();
  await s.dispose();
  return image;
}

function demo(width: number, height: number, rotation: 0 | 90 = 0) {
  const model = createHomeModel({ frozen: true });
  return headless(render(() => jsx(DemoApp, { model }), { width, height, rotation, background: colors.background }));
}

const inside = (x: number, y: number, b: Box) => x >= b.x && y >= b.y && x < b.x + b.width && y < b.y + b.height;

/**
 * Pixels that differ: none may differ by more than 1 per channel, and those that differ by 1
 * must lie where two layers overlap (translucent planes blended by vkms in 16 bits).
 */
function blendDifferences(expected: Image, actual: Image, layers: Box[], ignore: Box | null = null) {
  let exactMisses = 0, overlapMisses = 0, worst = 0;
  for (let y = 0; y < expected.height; y++) {
    for (let x = 0; x < expected.width; x++) {
      if (ignore && inside(x, y, ignore)) continue;
      const i = (y * expected.width + x) * 4;
      const d = Math.max(...[0, 1, 2].map((c) => Math.abs(expected.pixels[i + c]! - actual.pixels[i + c]!)));
      if (!d) continue;
      worst = Math.max(worst, d);
      const overlapped = layers.filter((b) => inside(x, y, b)).length >= 1;
      if (d > 1 || !overlapped) exactMisses++;
      else overlapMisses++;
    }
  }
  return { exactMisses, overlapMisses, worst };
}

describe.skipIf(skip)('kms: vkms in a VM', () => {
  beforeAll(async () => {
    const image = await prepareVm({ log: (m) => console.info(`kms: ${m}`) });
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const tool = path.join(image.cacheDir, 'uinput-devices');
    const built = spawnSync('gcc', ['-O2', '-Wall', '-o', tool, path.join(REPO_ROOT, 'test/kms/guest/uinput-devices.c')], { encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`building uinput-devices failed:\n${built.stderr}`);
    vm = await runInVm(image, {
      command: ['node', 'test/kms/guest/suite.mjs', OUT, tool],
      cwd: REPO_ROOT, udev: true, modules: ['uinput'], timeoutMs: 25 * 60_000,
      rwDirs: [REPO_ROOT],
    });
    const file = path.join(OUT, 'results.json');
    if (!existsSync(file)) throw new Error(`the guest suite wrote no results (status ${vm.status}):\n${vm.stdout}\n${vm.stderr}\n${vm.console.slice(-3000)}`);
    record = JSON.parse(readFileSync(file, 'utf8')) as SuiteRecord;
  }, 40 * 60_000);

  afterAll(() => {
    if (!record) return;
    const figures: Record<string, { value: number; unit: 'ms' | 'bytes' | 'frames' }> = { 'kms.vm.wall_ms': { value: vm.wallMs, unit: 'ms' } };
    const add = (name: string, value: number | undefined, unit: 'ms' | 'bytes' | 'frames') => {
      if (value !== undefined && Number.isFinite(value)) figures[name] = { value, unit };
    };
    const intervals = (t: number[] = []) => t.slice(1).map((v, i) => v - t[i]!);
    const slide = resultFor('slide'), label = resultFor('pacing');
    add('kms.flip_interval_ms.plane_slide', median(intervals(slide?.flipTimesMs)), 'ms');
    add('kms.flip_vblanks.plane_slide', median(intervals(slide?.flipSequences)), 'frames');
    add('kms.flip_interval_ms.label_change', median(intervals(label?.flipTimesMs)), 'ms');
    add('kms.flip_vblanks.label_change', median(intervals(label?.flipSequences)), 'frames');
    add('kms.copy_bytes.label_change', median(((label?.frames ?? []) as { copiedBytes: number }[]).slice(2).map((f) => f.copiedBytes)), 'bytes');
    const layers = resultFor('layers')?.stats, many = resultFor('many')?.stats;
    add('kms.alloc.planes_used.three_layers', layers?.planesUsed, 'frames');
    add('kms.alloc.ms.three_layers', layers?.allocMs, 'ms');
    add('kms.alloc.composited.twelve_layers', many?.composited, 'frames');
    add('kms.alloc.layers_on_planes.twelve_layers', many && onPlanes(many), 'frames');
    // The production plane budget (no planeDeadlineMs): how many layers reach planes, and the allocation time.
    type MoveStats = { planesUsed: number; composited: number; allocMs: number; allocBudgetMs: number };
    const moves = (resultFor('budget-moves')?.steps ?? []) as { stats: MoveStats; settled: MoveStats }[];
    moves.forEach(({ stats, settled }, i) => {
      const name = i === 0 ? 'three_layers' : `three_layers_moved_${i}`;
      add(`kms.budget_default.layers_on_planes.${name}`, onPlanes(stats), 'frames');
      add(`kms.budget_default.layers_on_planes_settled.${name}`, onPlanes(settled), 'frames');
      add(`kms.budget_default.alloc_ms.${name}`, stats.allocMs, 'ms');
      add(`kms.budget_default.alloc_budget_ms.${name}`, stats.allocBudgetMs, 'ms');
    });
    const budgetMany = resultFor('budget-many')?.stats;
    add('kms.budget_default.layers_on_planes.twelve_layers', budgetMany && onPlanes(budgetMany), 'frames');
    add('kms.budget_default.alloc_ms.twelve_layers', budgetMany?.allocMs, 'ms');
    add('kms.input.touch_added_ms', record.input.touchAddedMs ?? undefined, 'ms');
    add('kms.input.keyboard_added_ms', record.input.keyboardAddedMs ?? undefined, 'ms');
    recordFigures(figures, RESULTS, 'kms');
  });

  it('runs every step of the guest suite to the end it should have, and no app reports an error', () => {
    const ends = Object.fromEntries(Object.entries(record.steps).map(([name, step]) => [name, step.signal ?? step.status]));
    expect(Object.keys(ends).sort()).toEqual(Object.keys(STEP_ENDS).sort());
    for (const [name, end] of Object.entries(ends)) {
      const step = record.steps[name]!;
      expect(STEP_ENDS[name], `${name} (${step.command}) ended with ${end}:\n${step.stdout}\n${step.stderr}`).toContain(end);
    }
    const errors = Object.entries(record.steps).flatMap(([name, step]) => step.events.filter(isError).map((e) => `${name} ${e.scenario ?? ''}: ${e.event}: ${e.message}`));
    expect(errors).toEqual([]);
    // Every scenario the apps step ran ended.
    const apps = record.steps.apps!.events;
    const ran = [...new Set(apps.map((e) => e.scenario))];
    expect(ran.filter((name) => !apps.some((e) => e.scenario === name && e.event === 'done'))).toEqual([]);
  });

  it('lists the connectors, modes and planes (planar-kms --list)', () => {
    const list = record.steps.list!;
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/Virtual-1 \(id \d+\): connected, preferred 1024x768@60\.00/);
    expect(list.stdout).toMatch(/Writeback-1 \(id \d+\): writeback/);
    expect(list.stdout.match(/^ {4}\d+ (primary|overlay|cursor):/gm)).toHaveLength(10);
  });

  it('modesets the preferred mode and its writeback capture is the headless render, pixel for pixel', async () => {
    const r = result('demo-preferred');
    expect(r.info).toMatchObject({ name: 'Virtual-1', width: 1024, height: 768 });
    expect(r.capture).toBe('writeback');
    const d = diffImages(await demo(1024, 768), png('demo-preferred.png'));
    expect(d).toEqual({ differing: 0, box: null, maxDelta: 0 });
  });

  it('takes PLANAR_KMS_MODE=800x600, upright and turned 90°', async () => {
    const r = result('demo-800x600');
    expect(r.info).toMatchObject({ width: 800, height: 600 });
    expect(r.info.refreshMhz).toBeGreaterThan(60_000);
    expect(r.capture).toBe('writeback');
    expect(diffImages(await demo(800, 600), png('demo-800x600.png')).differing).toBe(0);
    const turned = result('demo-800x600-r90');
    expect([turned.width, turned.height]).toEqual([600, 800]);
    expect(turned.capture).toBe('writeback');
    expect(diffImages(await demo(600, 800, 90), png('demo-800x600-r90.png')).differing).toBe(0);
  });

  it('puts three layers on overlay planes and the pointer on the cursor plane', async () => {
    const r = result('layers');
    expect(r.stats).toMatchObject({ layers: 4, planesUsed: 4, composited: 0 });
    expect(r.capture).toBe('writeback');
    const planeType = (id: number) => (r.planes as { id: number; type: string }[]).find((p) => p.id === id)?.type;
    const shown = r.shown.layers as { layerId: number; planeId: number; x: number; y: number; width: number; height: number }[];
    expect(shown.map((l) => planeType(l.planeId))).toEqual(['primary', 'overlay', 'overlay', 'overlay']);
    expect(r.shown.cursor).toEqual({ planeId: expect.any(Number), x: 512, y: 384 });
    expect(planeType(r.shown.cursor.planeId)).toBeUndefined(); // reserved: not offered to the allocator
    // vkms has no zpos: overlays stack by plane id, so the bottom layer takes the lowest id.
    const overlays = shown.filter((l) => planeType(l.planeId) === 'overlay').sort((a, b) => a.planeId - b.planeId);
    expect(overlays.map((l) => [l.x, l.y])).toEqual([[100, 160], [320, 260], [560, 120]]);

    // The writeback: Z-order, positions and premultiplied alpha as headless composes them.
    const actual = png('layers.png');
    const expected = await headless(render(() => threeLayers(), { width: 1024, height: 768 }));
    const cursor = { x: 512, y: 384, width: 64, height: 64 };
    const d = blendDifferences(expected, actual, overlays, cursor);
    expect(d.exactMisses).toBe(0);
    // And the arrow on the cursor plane, its hotspot at the pointer: over the scene where it is opaque.
    const arrow = drawArrow(64);
    let arrowPixels = 0, wrong = 0;
    for (let y = 0; y < 64; y++) {
      for (let x = 0; x < 64; x++) {
        const a = (y * 64 + x) * 4, o = ((384 + y) * 1024 + 512 + x) * 4;
        const want = arrow[a + 3] ? arrow.subarray(a, a + 3) : expected.pixels.subarray(o, o + 3);
        if (arrow[a + 3]) arrowPixels++;
        if ([0, 1, 2].some((c) => Math.abs(actual.pixels[o + c]! - want[c]!) > (arrow[a + 3] ? 0 : 1))) wrong++;
      }
    }
    expect(arrowPixels).toBeGreaterThan(100);
    expect(wrong).toBe(0);
  });

  it('composites the layers that find no plane, and the output is still the headless render', async () => {
    const r = result('many');
    expect(r.stats.layers).toBe(13);
    expect(r.stats.composited).toBeGreaterThan(0);
    expect(r.stats.planesUsed).toBeGreaterThan(1);
    expect(r.capture).toBe('writeback');
    const expected = await headless(render(manyLayers, { width: 1024, height: 768 }));
    const boxes = (r.shown.layers as Box[]).filter((l) => l.width < 1024);
    expect(blendDifferences(expected, png('many.png'), boxes).exactMisses).toBe(0);
  });

  it('scans an ExternalLayer DMA-BUF out from a plane, imported without a copy', async () => {
    const r = result('external');
    const camera = (r.shown.layers as { layerId: number; planeId: number; x: number; y: number }[]).find((l) => l.x === 600 && l.y === 400);
    expect(camera, JSON.stringify(r.shown)).toBeDefined();
    // Any plane but the primary (vkms's cursor plane takes a 320x240 XRGB8888 frame too).
    expect(['overlay', 'cursor']).toContain((r.planes as { id: number; type: string }[]).find((p) => p.id === camera!.planeId)?.type);
    expect(r.stats.copiedBytes).toBe(0);
    expect(r.capture).toBe('writeback');
    // The same pixels as a pixel frame composed headless.
    const source = createExternalSource({ width: 320, height: 240, format: 'XRGB8888' });
    source.push({ kind: 'pixels', width: 320, height: 240, format: 'XRGB8888', pixels: patternBgrx(320, 240) });
    const expected = await headless(render(() => withExternal(source), { width: 1024, height: 768 }));
    expect(diffImages(expected, png('external.png')).differing).toBe(0);
  });

  it('crops on the plane: each window of a tall buffer (moved by SRC_Y, by SRC_X, cut short) reads back as the headless display shows the same state', async () => {
    const r = result('crop');
    type CropShot = { name: string; width: number; height: number; capture: string; shown: { layers: { planeId: number; source: unknown }[] } };
    const steps = r.steps as CropShot[];
    expect(steps.map((s) => s.name)).toEqual(CROP_STEPS.map((s) => s.name));
    expect((r.planes as { crop?: boolean }[]).every((p) => p.crop === true)).toBe(true);
    // The same states on the headless display, with vkms's planes.
    const headlessBackend = await loadBackend('headless');
    const display = await headlessBackend.open({ width: 1024, height: 768, pacing: 'immediate', planes: 'vkms' } as OpenOptions);
    const expected = new Map<string, Image>();
    const buffers = await showCropSteps(display, (step, image) => { expected.set(step.name, image); });
    await display.close();
    for (const buffer of buffers) buffer.destroy();
    const overlays = (r.planes as { id: number; type: string }[]).filter((p) => p.type === 'overlay').map((p) => p.id);
    for (const [i, step] of steps.entries()) {
      expect(step.capture, step.name).toBe('writeback');
      // The tall buffer is on an overlay plane, with the step's source as SRC_*.
      expect(overlays, step.name).toContain(step.shown.layers[1]!.planeId);
      expect(step.shown.layers[1]!.source, step.name).toEqual(CROP_STEPS[i]!.source);
      const actual = { width: step.width, height: step.height, pixels: new Uint8Array(readFileSync(path.join(OUT, `crop-${step.name}.rgba`))) };
      expect(diffImages(expected.get(step.name)!, actual), step.name).toEqual({ differing: 0, box: null, maxDelta: 0 });
    }
    // The windows show different rows: a driver that ignored SRC_Y would fail the comparisons above.
    expect(diffImages(expected.get('top')!, expected.get('scrolled')!).differing).toBeGreaterThan(320 * 200);
  });

  it('scrolls a 60-row ScrollLayer on overlay planes: each offset reads back as the headless render, and a scroll within the rendered tiles paints and copies nothing', async () => {
    const r = result('scroll');
    const steps = r.steps as (ScrollRecord & { capture: string; shown: { layers: (ShownTile & { planeId: number })[] } })[];
    expect(steps.map((s) => s.name)).toEqual(SCROLL_STEPS.map((s) => s.name));
    const overlays = (r.planes as { id: number; type: string }[]).filter((p) => p.type === 'overlay').map((p) => p.id);
    for (const step of steps) {
      expect(step.capture, step.name).toBe('writeback');
      // The list is its tiles on overlay planes, each showing its slot's part in view through SRC_*; nothing composited.
      expect(shownTiles(step.shown.layers, overlays), step.name).toEqual(tilesAt(step.y));
      expect(step.shown.layers, `${step.name}: the root layer and the tiles`).toHaveLength(tilesAt(step.y).length + 1);
      expect(step.stats.composited, step.name).toBe(0);
      expect(diffImages(await scrolledHeadless(step.y), png(`scroll-${step.name}.png`)), step.name).toEqual({ differing: 0, box: null, maxDelta: 0 });
    }
    expectQuietScrolls(steps);
  });

  it('flips once per vblank at most, on the kernel\'s vblanks, and copies only the damaged spans', () => {
    const slide = result('slide');
    const t = slide.flipTimesMs as number[], seq = slide.flipSequences as number[];
    expect(t.length).toBeGreaterThan(100);
    expect(seq).toHaveLength(t.length);
    // The kernel's vblank counter between two flips: whole refreshes, at least one (never two flips in one).
    const vblanks = seq.slice(1).map((v, i) => v - seq[i]!);
    expect(vblanks.filter((n) => !Number.isInteger(n) || n < 1)).toEqual([]);
    // Its timestamps agree: each interval is its number of refresh periods, the period measured
    // over the whole run from the same timestamps, and that period is the mode's refresh.
    const period = (t.at(-1)! - t[0]!) / (seq.at(-1)! - seq[0]!);
    expect(t.slice(1).map((v, i) => Math.round((v - t[i]!) / period))).toEqual(vblanks);
    expect(Math.round(1000 / period)).toBe(Math.round(slide.info.refreshMhz / 1000));
    // Sliding a layer on a plane copies nothing.
    expect((slide.frames as { copiedBytes: number }[]).slice(1).every((f) => f.copiedBytes === 0)).toBe(true);
    // A label changing every frame copies its own rows only: the same small count each frame.
    const frames = result('pacing').frames as { copiedBytes: number; damagedPx: number }[];
    const steady = frames.slice(2).map((f) => f.copiedBytes);
    expect(new Set(steady).size).toBeLessThanOrEqual(2);
    expect(median(steady)).toBeGreaterThan(0);
    expect(median(steady)).toBeLessThan(1024 * 768 * 4 * 0.05);
  });

  it('with the production plane budget, three layers all reach planes, and each move that changes overlaps shows as headless does', async () => {
    type Stats = { layers: number; planesUsed: number; composited: number };
    const steps = result('budget-moves').steps as { stats: Stats; settled: Stats; capture: string; shown: { layers: Box[] } }[];
    expect(steps).toHaveLength(GREEN_PLACES.length);
    // A first allocation for a new set of layers is not cut short: every layer on a plane, as with the long budget.
    expect(steps[0]!.stats).toMatchObject({ layers: 4, planesUsed: 4, composited: 0 });
    for (const [i, { stats, settled, capture, shown }] of steps.entries()) {
      expect(capture, `step ${i}`).toBe('writeback');
      // Later allocations may leave layers composited, but every visible layer is shown one way or the other.
      for (const s of [stats, settled]) expect(onPlanes(s) + s.composited, `step ${i}`).toBe(4);
      const expected = await headless(render(() => threeLayers(GREEN_PLACES[i], greenLabel(i)), { width: 1024, height: 768 }));
      const boxes = shown.layers.filter((l) => l.width < 1024);
      expect(blendDifferences(expected, png(`budget-moves-${i}.png`), boxes).exactMisses, `step ${i}`).toBe(0);
    }
  });

  it('with the production plane budget, twelve layers get as many planes as with the long one, and the output is the headless render', async () => {
    const r = result('budget-many');
    expect(r.capture).toBe('writeback');
    expect(r.stats.layers).toBe(13);
    expect(onPlanes(r.stats) + r.stats.composited).toBe(13);
    // Not cut short, the first allocation searches to the end: no fewer layers on planes than the long budget found.
    expect(onPlanes(r.stats)).toBeGreaterThanOrEqual(onPlanes(result('many').stats));
    const expected = await headless(render(manyLayers, { width: 1024, height: 768 }));
    const boxes = (r.shown.layers as Box[]).filter((l) => l.width < 1024);
    expect(blendDifferences(expected, png('budget-many.png'), boxes).exactMisses).toBe(0);
  });

  it('reads touch and keys through libinput: hot-plugged devices, a tap toggles a tile, keysyms right', async () => {
    expect(record.input.plugged).toBe(true);
    expect(record.input.touchAddedMs).not.toBeNull();
    expect(record.input.keyboard).toBe(true);
    expect(record.input.unplugged).toBe(true);
    const events = record.steps.input!.events;
    expect(events.some((e) => e.event === 'tile' && e.on === true)).toBe(true);
    const report = events.find((e) => e.event === 'report')!;
    expect(report.typed).toBe('Hi');
    expect(report.keys).toEqual([
      { key: 'Shift', code: 'ShiftLeft', shift: true, ctrl: false },
      { key: 'H', code: 'KeyH', shift: true, ctrl: false },
      { key: 'i', code: 'KeyI', shift: false, ctrl: false },
      { key: 'Enter', code: 'Enter', shift: false, ctrl: false },
    ]);
    expect(events.find((e) => e.event === 'shot')?.capture).toBe('writeback');
    // The writeback after the tap shows the tile on and the text typed, as headless draws that state.
    const state = { on: signal(true), typed: signal('Hi'), keys: [], tile: null };
    const expected = await headless(render(() => tapAndType(state), { width: 1024, height: 768 }));
    expect(diffImages(expected, png('input-after-tap.png')).differing).toBe(0);
  });

  it('types é from a dead key and e through xkbcommon\'s compose table, showing the accent while composing', () => {
    const report = record.steps.input!.events.find((e) => e.event === 'report' && e.label === 'compose');
    expect(report, 'the report after the compose keys').toBeDefined();
    expect(report!.typed).toBe('Hié');
    expect(report!.compositions).toEqual(['start ', 'update ´', 'end é']);
  });

  it('refuses a second app on the same device with the documented message', () => {
    const second = record.steps['second-app']!;
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/\/dev\/dri\/card0 is busy: another program is its DRM master \(a compositor, a display manager, or another Planar app\)/);
  });

  it('runs without root: seatd opens the card for an unprivileged app (libseat)', async () => {
    const step = record.steps.seat!;
    const r = step.events.find((e) => e.event === 'result');
    expect(r, `${step.stdout}\n${step.stderr}`).toBeDefined();
    expect(r).toMatchObject({ uid: 65534, seat: 'seat0', capture: 'writeback' });
    expect(step.status).toBe(0);
    const expected = await headless(render(() => counter(() => 'seat'), { width: 1024, height: 768 }));
    expect(diffImages(expected, png('seat.png')).differing).toBe(0);
  });

  it('restores the CRTC state it found on SIGTERM', () => {
    const state = (name: string) => record.steps[name]!.events.find((e) => e.event === 'state');
    expect(state('state-running')!.crtcs[0]).toMatchObject({ active: 1, mode: '1024x768' });
    expect(['SIGTERM', 0]).toContain(record.steps.holder!.signal ?? record.steps.holder!.status);
    expect(state('state-after')).toEqual(state('state-before'));
  });

  it('keeps the console from drawing over the UI: its VT is in graphics mode while the app runs, text mode after', () => {
    const mode = (name: string) => record.steps[name]!.stdout.trim();
    expect([mode('tty-before'), mode('tty-running'), mode('tty-after')]).toEqual(['0', '1', '0']);
  });
});
