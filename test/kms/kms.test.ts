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
import { jsx } from '@planar/toolkit/jsx-runtime';
import { App as DemoApp, colors, createHomeModel } from '@planar/demo';
import { e2eGate, REPO_ROOT } from '../wayland/gate.js';
import { diffImages, type Box } from '../wayland/compare.js';
import { decodePng, type Image } from '../wayland/images.js';
import { median, recordFigures } from '../wayland/figures.js';
import { counter, manyLayers, patternBgrx, threeLayers, tapAndType, withExternal } from './guest/scenes.mjs';
import { prepareVm, runInVm, type RunResult } from './vm.mjs';
import { drawArrow } from '@planar/kms-backend';

const OUT = path.join(REPO_ROOT, 'test/kms/.out');
const RESULTS = path.join(REPO_ROOT, 'test/kms/results.json');
const REFRESH_MS = 1000 / 60;

interface Step { status: number | null; signal: string | null; stdout: string; stderr: string; events: Record<string, any>[]; ms: number }
interface SuiteRecord { steps: Record<string, Step>; input: Record<string, any>; wallMs: number }

function missing(): string | null {
  if (spawnSync('sh', ['-c', 'command -v qemu-system-x86_64 && command -v gcc'], { stdio: 'ignore' }).status !== 0) {
    return 'qemu-system-x86_64 or gcc is not installed (node scripts/setup.mjs --kms-e2e installs them)';
  }
  for (const built of ['packages/kms-backend/build/Release/planar_kms.node', 'packages/kms-backend/dist/index.js', 'apps/demo/dist/index.js']) {
    if (!existsSync(path.join(REPO_ROOT, built))) return `${built} is missing: run npm run build`;
  }
  return null;
}

const skip = e2eGate('kms: vkms in a VM', missing());

let record: SuiteRecord;
let vm: RunResult;

/** The result event of a scenario of the `apps` step. */
function result(scenario: string): Record<string, any> {
  const event = record.steps.apps?.events.find((e) => e.scenario === scenario && e.event === 'result');
  if (!event) throw new Error(`the ${scenario} scenario has no result; it printed:\n${record.steps.apps?.stdout}\n${record.steps.apps?.stderr}`);
  return event;
}

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
    const slide = result('slide').flipTimesMs as number[];
    const label = result('pacing');
    const intervals = (t: number[]) => t.slice(1).map((v, i) => v - t[i]!);
    const layers = result('layers').stats;
    recordFigures({
      'kms.flip_interval_ms.plane_slide': { value: median(intervals(slide)), unit: 'ms' },
      'kms.flip_interval_ms.label_change': { value: median(intervals(label.flipTimesMs)), unit: 'ms' },
      'kms.copy_bytes.label_change': { value: median((label.frames as { copiedBytes: number }[]).slice(2).map((f) => f.copiedBytes)), unit: 'bytes' },
      'kms.alloc.planes_used.three_layers': { value: layers.planesUsed, unit: 'frames' },
      'kms.alloc.ms.three_layers': { value: layers.allocMs, unit: 'ms' },
      'kms.alloc.composited.twelve_layers': { value: result('many').stats.composited, unit: 'frames' },
      'kms.input.touch_added_ms': { value: record.input.touchAddedMs ?? NaN, unit: 'ms' },
      'kms.input.keyboard_added_ms': { value: record.input.keyboardAddedMs ?? NaN, unit: 'ms' },
      'kms.vm.wall_ms': { value: vm.wallMs, unit: 'ms' },
    }, RESULTS, 'kms');
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
    expect(diffImages(await demo(800, 600), png('demo-800x600.png')).differing).toBe(0);
    const turned = result('demo-800x600-r90');
    expect([turned.width, turned.height]).toEqual([600, 800]);
    expect(diffImages(await demo(600, 800, 90), png('demo-800x600-r90.png')).differing).toBe(0);
  });

  it('puts three layers on overlay planes and the pointer on the cursor plane', async () => {
    const r = result('layers');
    expect(r.stats).toMatchObject({ layers: 4, planesUsed: 4, composited: 0 });
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
    const expected = await headless(render(threeLayers, { width: 1024, height: 768 }));
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
    // The same pixels as a pixel frame composed headless.
    const source = createExternalSource({ width: 320, height: 240, format: 'XRGB8888' });
    source.push({ kind: 'pixels', width: 320, height: 240, format: 'XRGB8888', pixels: patternBgrx(320, 240) });
    const expected = await headless(render(() => withExternal(source), { width: 1024, height: 768 }));
    expect(diffImages(expected, png('external.png')).differing).toBe(0);
  });

  it('paces page flips at the mode\'s refresh, and copies only the damaged spans', () => {
    const slide = result('slide');
    const t = slide.flipTimesMs as number[];
    const intervals = t.slice(1).map((v, i) => v - t[i]!);
    expect(intervals.length).toBeGreaterThan(100);
    // Every interval is a whole number of vblanks; a plane-only frame keeps up with most of them.
    for (const dt of intervals) expect(Math.abs(dt / REFRESH_MS - Math.round(dt / REFRESH_MS)) * REFRESH_MS).toBeLessThan(0.5);
    expect(Math.min(...intervals)).toBeGreaterThan(REFRESH_MS - 0.5);
    expect(median(intervals)).toBeCloseTo(REFRESH_MS, 0);
    // Sliding a layer on a plane copies nothing.
    expect((slide.frames as { copiedBytes: number }[]).slice(1).every((f) => f.copiedBytes === 0)).toBe(true);
    // A label changing every frame copies its own rows only: the same small count each frame.
    const frames = result('pacing').frames as { copiedBytes: number; damagedPx: number }[];
    const steady = frames.slice(2).map((f) => f.copiedBytes);
    expect(new Set(steady).size).toBeLessThanOrEqual(2);
    expect(median(steady)).toBeGreaterThan(0);
    expect(median(steady)).toBeLessThan(1024 * 768 * 4 * 0.05);
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
    // The writeback after the tap shows the tile on and the text typed, as headless draws that state.
    const state = { on: signal(true), typed: signal('Hi'), keys: [], tile: null };
    const expected = await headless(render(() => tapAndType(state), { width: 1024, height: 768 }));
    expect(diffImages(expected, png('input-after-tap.png')).differing).toBe(0);
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
