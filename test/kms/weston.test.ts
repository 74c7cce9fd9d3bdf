/**
 * The wayland backend's DMA-BUF buffers on a real compositor: weston 10 with its DRM backend on
 * the vkms card of the KMS test VM (test/kms/vm.mjs), composing with Mesa's software GL, every
 * check from one boot. The guest runs test/kms/guest/weston-suite.mjs, which starts weston and
 * the apps (guest/weston-scenario.mjs) and records what they printed, weston's screenshots and
 * its drm-backend debug log; these tests judge that record, comparing the screenshots with
 * headless renders made here on the host.
 *
 * weston's screenshots are its GL composite (weston-screenshooter turns planes off while it
 * reads), so they show what weston received; whether a frame went to a plane without being
 * composited is read from the drm-backend log (weston-log.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render, type Screen } from '@planar/toolkit/testing';
import { createExternalSource } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { App as DemoApp, colors, createHomeModel } from '@planar/demo';
import { e2eGate, REPO_ROOT } from '../wayland/gate.js';
import { diffImages } from '../wayland/compare.js';
import { crop, decodePng, type Image } from '../wayland/images.js';
import { median, recordFigures, type Figure } from '../wayland/figures.js';
import { counter, patternBgrx, withExternal } from './guest/scenes.mjs';
import { compositionCounts, parseRepaints, toplevelView } from './weston-log.js';
import { prepareVm, runInVm, type RunResult } from './vm.mjs';
import { vmArch } from './vm-arch.mjs';

const OUT = path.join(REPO_ROOT, 'test/kms/.out-weston');
const RESULTS = path.join(REPO_ROOT, 'test/kms/weston-results.json');
const DMABUF_ALLOCATORS = ['gbm', 'dumb', 'udmabuf'];
const FULL_FRAME_BYTES = 1024 * 768 * 4;

interface Step { command: string; status: number | null; signal: string | null; stdout: string; stderr: string; events: Record<string, any>[]; ms: number }
interface SuiteRecord { steps: Record<string, Step>; westonUp: boolean; westonAliveAtEnd: boolean; wallMs: number }

/** How each step must end. weston exits 0 on the SIGTERM that stops it; a crash is a signal. */
const STEP_ENDS: Record<string, (number | string)[]> = {
  weston: [0], 'wayland-info': [0], apps: [0], 'apps-implicit': [0], 'apps-shm': [0], 'apps-refused': [0],
  vivid: [0], 'apps-video': [0],
};

function missing(): string | null {
  const tools = [vmArch().qemu, 'weston', 'weston-debug', 'weston-screenshooter', 'wayland-info'];
  for (const tool of tools) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status !== 0) {
      return `${tool} is not installed (node scripts/setup.mjs --kms-e2e installs it)`;
    }
  }
  const dri = ['/usr/lib/x86_64-linux-gnu/dri', '/usr/lib/aarch64-linux-gnu/dri'].some((d) => existsSync(path.join(d, 'kms_swrast_dri.so')));
  if (!dri) return 'Mesa\'s kms_swrast driver (libgl1-mesa-dri) is not installed (node scripts/setup.mjs --kms-e2e installs it)';
  for (const built of [
    'packages/v4l2/build/Release/planar_v4l2.node', 'packages/v4l2/dist/index.js',
    'packages/native-wayland/build/Release/planar_wayland.node', 'packages/native-wayland/dist/buffers.js',
    'packages/kms-backend/build/Release/planar_kms.node', 'packages/toolkit/dist/index.js', 'apps/demo/dist/index.js',
  ]) {
    if (!existsSync(path.join(REPO_ROOT, built))) return `${built} is missing: run npm run build`;
  }
  return null;
}

const skip = e2eGate('weston: DMA-BUF buffers on weston in the vkms VM', missing());

let record: SuiteRecord;
let vm: RunResult;

const isError = (e: Record<string, any>) => e.event === 'app-error' || e.event === 'failed';

/** A scenario's result in a step; the scenario must also have ended (done) and reported no error. */
function result(stepName: string, scenario: string): Record<string, any> {
  const step = record.steps[stepName];
  const events = step?.events.filter((e) => e.scenario === scenario) ?? [];
  const printed = `it printed:\n${step?.stdout}\n${step?.stderr}`;
  const errors = events.filter(isError).map((e) => `${e.event}: ${e.message}`);
  if (errors.length) throw new Error(`${stepName}/${scenario} reported errors:\n${errors.join('\n')}\n${printed}`);
  const event = events.find((e) => e.event === 'result');
  if (!event) throw new Error(`${stepName}/${scenario} has no result; ${printed}`);
  if (!events.some((e) => e.event === 'done')) throw new Error(`${stepName}/${scenario} never ended (no done event); ${printed}`);
  return event;
}

const resultFor = (stepName: string, scenario: string) => record.steps[stepName]?.events.find((e) => e.scenario === scenario && e.event === 'result');

const png = (name: string): Image => decodePng(readFileSync(path.join(OUT, name)));
const drmLog = (name: string) => readFileSync(path.join(OUT, name), 'utf8');

async function headless(screen: Promise<Screen>): Promise<Image> {
  const s = await screen;
  const image = s.pixels();
  await s.dispose();
  return image;
}

/** The frame the camera source showed, as an RGBA image: XRGB8888 bytes are B, G, R, X in memory. */
function cameraFrame(file: string, width: number, height: number, stride: number): Image {
  const raw = readFileSync(path.join(OUT, file));
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const s = y * stride + x * 4, d = (y * width + x) * 4;
      pixels.set([raw[s + 2]!, raw[s + 1]!, raw[s]!, 255], d);
    }
  }
  return { width, height, pixels };
}

/** How the wayland backend said it passes the camera's DMA-BUFs to weston (PLANAR_DEBUG=wayland). */
function cameraPath(stderr: string): 'imported' | 'copied' | null {
  if (/^planar: buffers: the compositor imports external XRGB8888 \(LINEAR\) DMA-BUFs/m.test(stderr)) return 'imported';
  if (/^planar: buffers: external XRGB8888 \(LINEAR\) DMA-BUFs are copied into shared memory/m.test(stderr)) return 'copied';
  return null;
}

const demo = () => headless(render(() => jsx(DemoApp, { model: createHomeModel({ frozen: true }) }), { width: 1024, height: 768, background: colors.background }));
const label = (text: string) => headless(render(() => counter(() => text), { width: 1024, height: 768 }));

/** The animation's frames after the first (which fills a new buffer whole). */
type Frame = { copiedBytes: number; damagedPx: number };
// Each buffer of a surface (three at most) is written whole the first time it is used; after
// that a frame copies only its damage. How many of the first frames are such first uses depends
// on how long weston holds buffers (one when it copies shm at once, two or three when it scans
// them out), so the steady frames are those after the third.
const BUFFERS_PER_SURFACE = 3;
const steadyFrames = (r: Record<string, any> | undefined): Frame[] => ((r?.frames ?? []) as Frame[]).slice(BUFFERS_PER_SURFACE);
const firstUses = (r: Record<string, any> | undefined): Frame[] => ((r?.frames ?? []) as Frame[]).slice(0, BUFFERS_PER_SURFACE);

describe.skipIf(skip)('weston 10 on vkms: the wayland backend on DMA-BUF buffers', () => {
  beforeAll(async () => {
    const image = await prepareVm({ log: (m) => console.info(`weston: ${m}`) });
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    vm = await runInVm(image, {
      command: ['node', 'test/kms/guest/weston-suite.mjs', OUT],
      cwd: REPO_ROOT, timeoutMs: 15 * 60_000, rwDirs: [REPO_ROOT],
    });
    const file = path.join(OUT, 'results.json');
    if (!existsSync(file)) throw new Error(`the guest suite wrote no results (status ${vm.status}):\n${vm.stdout}\n${vm.stderr}\n${vm.console.slice(-3000)}`);
    record = JSON.parse(readFileSync(file, 'utf8')) as SuiteRecord;
  }, 20 * 60_000);

  afterAll(() => {
    if (!record) return;
    const figures: Record<string, Figure> = { 'weston.vm.wall_ms': { value: vm.wallMs, unit: 'ms' } };
    const add = (name: string, value: number | undefined, unit: Figure['unit']) => {
      if (value !== undefined && Number.isFinite(value)) figures[name] = { value, unit };
    };
    for (const [step, name] of [['apps', 'dmabuf'], ['apps-implicit', 'dmabuf_implicit'], ['apps-shm', 'shm']] as const) {
      const r = resultFor(step, 'animation');
      add(`weston.copy_bytes.label_change.${name}`, median(steadyFrames(r).map((f) => f.copiedBytes)), 'bytes');
      add(`weston.frame_done_ms.label_change.${name}`, median((r?.frameDoneMs ?? []) as number[]), 'ms');
      add(`weston.animation.frames.${name}`, r?.frames?.length, 'frames');
      add(`weston.animation.ms.${name}`, r?.elapsedMs, 'ms');
      const log = path.join(OUT, `${step === 'apps' ? '' : `${step.slice(5)}-`}animation-drm.txt`);
      if (existsSync(log)) {
        const counts = compositionCounts(parseRepaints(readFileSync(log, 'utf8')));
        add(`weston.animation.repaints_direct.${name}`, counts.direct, 'frames');
        add(`weston.animation.repaints_composited.${name}`, counts.composited, 'frames');
      }
    }
    const video = resultFor('apps-video', 'video');
    add('weston.video.frames', video?.external?.length, 'frames');
    add('weston.video.ms', video?.elapsedMs, 'ms');
    if (existsSync(path.join(OUT, 'video-drm.txt'))) {
      add('weston.video.repaints_overlay', parseRepaints(drmLog('video-drm.txt')).filter((p) => p.onPlanes.some((o) => o.plane === 'overlay')).length, 'frames');
    }
    recordFigures(figures, RESULTS, 'weston');
  });

  it('runs every step to the end it should have, weston stays up throughout, and no app reports an error', () => {
    expect(record.westonUp, `weston never opened its socket:\n${record.steps.weston?.stderr}`).toBe(true);
    expect(record.westonAliveAtEnd, `weston ended early (${record.steps.weston?.signal ?? record.steps.weston?.status}):\n${record.steps.weston?.stderr}`).toBe(true);
    const ends = Object.fromEntries(Object.entries(record.steps).map(([name, step]) => [name, step.signal ?? step.status]));
    expect(Object.keys(ends).sort()).toEqual(Object.keys(STEP_ENDS).sort());
    for (const [name, end] of Object.entries(ends)) {
      const step = record.steps[name]!;
      expect(STEP_ENDS[name], `${name} (${step.command}) ended with ${end}:\n${step.stdout}\n${step.stderr}`).toContain(end);
    }
    const errors = Object.entries(record.steps).flatMap(([name, step]) => step.events.filter(isError).map((e) => `${name} ${e.scenario ?? ''}: ${e.event}: ${e.message}`));
    expect(errors).toEqual([]);
    for (const name of Object.keys(STEP_ENDS).filter((n) => n.startsWith('apps'))) {
      const events = record.steps[name]!.events;
      const ran = [...new Set(events.map((e) => e.scenario))];
      expect(ran.length, `${name} ran no scenario`).toBeGreaterThan(0);
      expect(ran.filter((s) => !events.some((e) => e.scenario === s && e.event === 'done')), name).toEqual([]);
    }
  });

  it('weston offers zwp_linux_dmabuf_v1 with XRGB8888 (its software GL imports DMA-BUFs)', () => {
    const info = record.steps['wayland-info']!.stdout;
    expect(info).toMatch(/interface: 'zwp_linux_dmabuf_v1',\s+version:\s+[3-9]/);
    expect(info).toMatch(/'XR24'/);
  });

  it('shows the demo on DMA-BUF buffers of the card, logs the choice, and weston\'s screenshot is the headless render pixel for pixel', async () => {
    const r = result('apps', 'demo');
    expect([r.width, r.height]).toEqual([1024, 768]);
    expect(DMABUF_ALLOCATORS, JSON.stringify(r.info.allocator)).toContain(r.info.allocator?.name);
    if (r.info.allocator.name !== 'udmabuf') expect(r.info.allocator.device).toBe('/dev/dri/card0');
    expect(record.steps.apps!.stderr).toMatch(new RegExp(`planar: buffers: ${r.info.allocator.name}\\b`));
    expect(diffImages(await demo(), png('demo.png'))).toEqual({ differing: 0, box: null, maxDelta: 0 });
  });

  it('sends its DMA-BUFs as LINEAR, and weston scans the fullscreen frames out from the primary plane without compositing them', () => {
    const r = result('apps', 'animation');
    expect(DMABUF_ALLOCATORS).toContain(r.info.allocator?.name);
    expect(record.steps.apps!.stderr).toMatch(/planar: buffers: \w+ on \S+ \(ABGR8888 LINEAR/);
    const text = drmLog('animation-drm.txt');
    const view = toplevelView(text, 'Planar demo');
    expect(view, 'the app\'s view in the scene-graph dump').not.toBeNull();
    const repaints = parseRepaints(text);
    const direct = repaints.filter((p) => p.onPlanes.some((o) => o.view === view && o.plane === 'primary'));
    expect(direct.length, `repaints with the app on the primary plane, of ${repaints.length}`).toBeGreaterThan(0);
    expect(direct.every((p) => p.composition === 'plane-only' && !p.rendered.includes(view!))).toBe(true);
    // With the implicit modifier weston composites every frame: the LINEAR choice is what puts them on the plane.
    const implicit = parseRepaints(drmLog('implicit-animation-drm.txt'));
    expect(implicit.length).toBeGreaterThan(0);
    expect(compositionCounts(implicit).direct).toBe(0);
  });

  it('copies only the damaged pixels of a label change into the DMA-BUF, as into shared memory, and the last frame is on screen as headless draws it', async () => {
    const dmabuf = result('apps', 'animation'), shm = result('apps-shm', 'animation');
    expect(DMABUF_ALLOCATORS).toContain(dmabuf.info.allocator?.name);
    expect(shm.info.allocator?.name).toBe('shm');
    for (const r of [dmabuf, shm]) {
      expect(firstUses(r).every((f) => f.copiedBytes === f.damagedPx * 4 || f.copiedBytes === FULL_FRAME_BYTES)).toBe(true);
      const frames = steadyFrames(r);
      expect(frames.length).toBeGreaterThan(5);
      // Four bytes for each damaged pixel, and the damage is the label's box: a small part of the frame.
      expect(frames.filter((f) => f.copiedBytes !== f.damagedPx * 4)).toEqual([]);
      expect(median(frames.map((f) => f.copiedBytes))).toBeGreaterThan(0);
      expect(median(frames.map((f) => f.copiedBytes))).toBeLessThan(FULL_FRAME_BYTES * 0.05);
    }
    expect(median(steadyFrames(dmabuf).map((f) => f.copiedBytes))).toBe(median(steadyFrames(shm).map((f) => f.copiedBytes)));
    // After dozens of partial writes into buffers of different ages, what weston shows is the whole frame.
    expect(diffImages(await label(dmabuf.text), png('animation.png')).differing).toBe(0);
    expect(diffImages(await label(shm.text), png('shm-animation.png')).differing).toBe(0);
  });

  // stats.copiedBytes counts the app's own pixels only: the backend's copy of an external frame is not in it.
  it('passes an ExternalLayer camera frame (a dumb buffer on card0) to weston: the first of its format, so copied into shared memory while weston is asked, which imports them; shown as the pixel frame is headless', async () => {
    const r = result('apps', 'external');
    expect(r.stats.copiedBytes).toBe(0);
    expect(cameraPath(record.steps.apps!.stderr)).toBe('imported');
    const source = createExternalSource({ width: 320, height: 240, format: 'XRGB8888' });
    source.push({ kind: 'pixels', width: 320, height: 240, format: 'XRGB8888', pixels: patternBgrx(320, 240) });
    const expected = await headless(render(() => withExternal(source), { width: 1024, height: 768 }));
    expect(diffImages(expected, png('external.png')).differing).toBe(0);
  });

  // weston's screenshots are GL composites, and weston 10's software GL (Mesa's kms_swrast) cannot
  // map a DMA-BUF of another device: asked for a screenshot over an imported vivid frame, weston
  // crashed (SIGSEGV in Mesa's DRI driver). So the pixels compared are the first frame's, which
  // goes by the copy; the imported frames' path is read from the drm-backend log.
  it('vivid\'s 640x480 XR24 camera: the first frame, copied into shared memory while weston is asked, is on screen pixel for pixel; weston imports the later DMA-BUFs and scans them out on an overlay plane, nothing copied', () => {
    const r = result('apps-video', 'video');
    const first = record.steps['apps-video']!.events.find((e) => e.scenario === 'video' && e.event === 'first')!;
    expect(r.format).toMatchObject({ fourcc: 'XR24', width: 640, height: 480, path: 'dmabuf', displayFormat: 'XRGB8888' });
    expect(r.status.state).toBe('streaming');
    expect(first.frame).toMatchObject({ kind: 'dmabuf', width: 640, height: 480, format: 'XRGB8888', serial: r.external[0].serial });
    const box = { ...r.at, width: 640, height: 480 };
    expect(diffImages(crop(png('video-first.png'), box), cameraFrame('video-first.frame', 640, 480, first.frame.stride))).toEqual({ differing: 0, box: null, maxDelta: 0 });
    // The backend's answer, once: every frame after the first goes to weston as vivid's own buffer.
    expect(cameraPath(record.steps['apps-video']!.stderr)).toBe('imported');
    expect(r.stats.frames).toBe(5);
    expect(r.external.length).toBeGreaterThanOrEqual(3);
    for (const e of r.external) expect(e).toMatchObject({ layer: '"video"', path: 'plane', readBytes: 0 });
    expect(r.frame.serial).toBe(r.external.at(-1).serial);
    const text = drmLog('video-drm.txt');
    const window = toplevelView(text, 'Planar demo');
    expect(window, 'the app\'s view in the scene-graph dump').not.toBeNull();
    const repaints = parseRepaints(text);
    const camera = repaints.flatMap((p) => p.onPlanes).find((o) => o.plane === 'overlay' && o.view !== window)?.view;
    expect(camera, 'the camera\'s subsurface on an overlay plane').toBeDefined();
    // Scanned out in every repaint: weston's GL never sampled vivid's buffers.
    expect(repaints.filter((p) => p.rendered.includes(camera!))).toEqual([]);
    expect(text).toMatch(/CRTC_X\) -> 100 .*\n.*CRTC_Y\) -> 80 .*\n.*CRTC_W\) -> 640 .*\n.*CRTC_H\) -> 480 /);
  });

  it('with shared memory forced, the output is the same', async () => {
    const r = result('apps-shm', 'demo');
    expect(r.info.allocator).toMatchObject({ name: 'shm' });
    expect(r.info.allocator.passedOver.map((p: { name: string }) => p.name)).toEqual(DMABUF_ALLOCATORS);
    expect(diffImages(await demo(), png('shm-demo.png')).differing).toBe(0);
  });

  it('when weston refuses every import, falls back to shared memory, says why once per allocator, and the output is the same', async () => {
    const r = result('apps-refused', 'demo');
    expect(r.info.allocator?.name).toBe('shm');
    const refusals = (r.info.allocator.passedOver as { name: string; why: string }[]).filter((p) => /refused/.test(p.why));
    expect(refusals.map((p) => p.name)).toEqual(expect.arrayContaining(['gbm', 'dumb']));
    const logged = record.steps['apps-refused']!.stderr.match(/^planar: buffers: (gbm|dumb) passed over: .*refused/gm) ?? [];
    expect(logged).toHaveLength(2);
    expect(diffImages(await demo(), png('refused-demo.png')).differing).toBe(0);
  });
});
