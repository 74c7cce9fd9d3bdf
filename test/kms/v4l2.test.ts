/**
 * Real video on a plane: vivid (the kernel's virtual camera) streamed into an <ExternalLayer> on
 * vkms, in the VM (vm.mjs), one boot for every case. The guest app (guest/v4l2.mjs) records the
 * writeback capture and the frame the source showed; these tests compare the two.
 *
 * Facts this leans on (measured): vivid's buffers, exported as DMA-BUFs, import into vkms and
 * scan out pixel-exact on an overlay; vkms's overlays take only RGB formats, so YUYV takes the
 * converted, composited path. Capturing under the VM's emulation is slow (about a second a
 * frame), so each case waits for a handful of frames only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { e2eGate, REPO_ROOT } from '../wayland/gate.js';
import { crop, decodePng, type Image } from '../wayland/images.js';
import { diffImages } from '../wayland/compare.js';
import { median, recordFigures } from '../wayland/figures.js';
import { prepareVm, runInVm, type RunResult } from './vm.mjs';
import { vmArch } from './vm-arch.mjs';

const OUT = path.join(REPO_ROOT, 'test/kms/.out-v4l2');
const RESULTS = path.join(REPO_ROOT, 'test/kms/results.json');
const AT = { x: 100, y: 80, width: 640, height: 480 };

function missing(): string | null {
  const qemu = vmArch().qemu;
  if (spawnSync('sh', ['-c', `command -v ${qemu}`], { stdio: 'ignore' }).status !== 0) return `${qemu} is not installed (node scripts/setup.mjs --kms-e2e installs it)`;
  for (const built of ['packages/v4l2/build/Release/planar_v4l2.node', 'packages/v4l2/dist/index.js', 'packages/kms-backend/build/Release/planar_kms.node']) {
    if (!existsSync(path.join(REPO_ROOT, built))) return `${built} is missing: run npm run build`;
  }
  return null;
}

const skip = e2eGate('v4l2: vivid into vkms in a VM', missing());

type Event = Record<string, any>;
let vm: RunResult;
let events: Event[] = [];

function result(name: string): Event {
  const mine = events.filter((e) => e.case === name);
  const errors = mine.filter((e) => e.event === 'app-error' || e.event === 'source-error' || e.event === 'failed').map((e) => `${e.event}: ${e.message}`);
  const printed = `it printed:\n${mine.map((e) => JSON.stringify(e)).join('\n')}\nstderr:\n${vm.stderr}`;
  if (errors.length) throw new Error(`the ${name} case reported errors; ${printed}\nthe errors:\n${errors.join('\n')}`);
  const r = mine.find((e) => e.event === 'result');
  if (!r || !mine.some((e) => e.event === 'done')) throw new Error(`the ${name} case did not end with a result; ${printed}`);
  return r;
}

/** The frame the source showed, as an RGBA image: XRGB8888 bytes are B, G, R, X in memory. */
function frameImage(name: string, stride: number): Image {
  const raw = readFileSync(path.join(OUT, `${name}.frame`));
  const pixels = new Uint8Array(AT.width * AT.height * 4);
  for (let y = 0; y < AT.height; y++) {
    for (let x = 0; x < AT.width; x++) {
      const s = y * stride + x * 4, d = (y * AT.width + x) * 4;
      pixels[d] = raw[s + 2]!;
      pixels[d + 1] = raw[s + 1]!;
      pixels[d + 2] = raw[s]!;
      pixels[d + 3] = 255;
    }
  }
  return { width: AT.width, height: AT.height, pixels };
}

const screenshot = (name: string) => decodePng(readFileSync(path.join(OUT, `${name}.png`)));

describe.skipIf(skip)('V4L2 → KMS: vivid on vkms', () => {
  beforeAll(async () => {
    const image = await prepareVm({ log: (m) => console.info(`v4l2: ${m}`) });
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    vm = await runInVm(image, { command: ['node', 'test/kms/guest/v4l2.mjs', OUT], cwd: REPO_ROOT, rwDirs: [REPO_ROOT], timeoutMs: 20 * 60_000 });
    events = vm.stdout.split('\n').flatMap((line) => {
      try {
        return [JSON.parse(line) as Event];
      } catch {
        return [];
      }
    });
    const failed = events.find((e) => e.event === 'failed');
    if (failed || vm.status !== 0) throw new Error(`the guest app failed (status ${vm.status}): ${failed?.message ?? ''}\n${vm.stdout}\n${vm.stderr}\n${vm.console.slice(-3000)}`);
    const figures: Record<string, { value: number; unit: 'ms' | 'bytes' | 'frames' }> = {};
    const plane = result('xr24-plane'), composited = result('xr24-composited'), yuyv = result('yuyv');
    const perFrame = (r: Event) => median((r.external as { readBytes: number }[]).map((e) => e.readBytes));
    figures['video.copy_bytes.plane.640x480'] = { value: perFrame(plane) + plane.stats.copiedBytes / plane.stats.frames, unit: 'bytes' };
    figures['video.copy_bytes.composited.640x480'] = { value: perFrame(composited), unit: 'bytes' };
    figures['video.copy_bytes.yuyv_converted.640x480'] = { value: yuyv.stats.copiedBytes / yuyv.stats.frames, unit: 'bytes' };
    figures['video.capture_to_flip_ms.plane.vm'] = { value: median(plane.latencies), unit: 'ms' };
    figures['video.dequeue_to_flip_ms.plane.vm'] = { value: median(plane.fromDequeue), unit: 'ms' };
    figures['video.cpu_ms_per_frame.plane.vm'] = { value: plane.cpuMsPerFrame, unit: 'ms' };
    figures['video.cpu_ms_per_frame.yuyv.vm'] = { value: yuyv.cpuMsPerFrame, unit: 'ms' };
    recordFigures(figures, RESULTS, 'kms');
  }, 25 * 60_000);

  it('XR24: frames go on an overlay plane as vivid\'s own DMA-BUFs, nothing copied, and the writeback shows the frame pixel for pixel', () => {
    const r = result('xr24-plane');
    expect(r.format).toMatchObject({ fourcc: 'XR24', width: 640, height: 480, path: 'dmabuf', displayFormat: 'XRGB8888' });
    expect(r.capture).toBe('writeback');
    expect(r.external.length).toBeGreaterThanOrEqual(3);
    for (const e of r.external) expect(e).toMatchObject({ layer: '"video"', path: 'plane', readBytes: 0 });
    // Each new frame's present came after the app took it from the device. (vivid stamps a
    // buffer with the nominal end of its frame, up to a frame period after it hands it over, so
    // its capture → flip figure can come out below zero: it is recorded, not judged.)
    expect(r.fromDequeue.length).toBeGreaterThanOrEqual(3);
    expect(r.latencies.length).toBe(r.fromDequeue.length);
    for (const ms of r.fromDequeue) expect(ms).toBeGreaterThan(0);
    expect(r.stats.copiedBytes).toBe(0);
    const shown = (r.shown.layers as { x: number; y: number; width: number; height: number; planeId: number }[]).find((l) => l.x === AT.x && l.y === AT.y && l.width === AT.width);
    expect(shown, JSON.stringify(r.shown)).toBeDefined();
    expect(r.frame).toMatchObject({ kind: 'dmabuf', width: 640, height: 480 });
    expect(diffImages(crop(screenshot('xr24-plane'), AT), frameImage('xr24-plane', r.frame.stride))).toEqual({ differing: 0, box: null, maxDelta: 0 });
  });

  it('XR24 kept off the planes: composited from one read of the buffer a frame, pixel for pixel', () => {
    const r = result('xr24-composited');
    for (const e of r.external) expect(e).toMatchObject({ layer: '"video"', path: 'composited', readBytes: 640 * 480 * 4 });
    expect(diffImages(crop(screenshot('xr24-composited'), AT), frameImage('xr24-composited', r.frame.stride))).toEqual({ differing: 0, box: null, maxDelta: 0 });
  });

  it('YUYV: converted once a frame (vkms overlays take no YUV), the converted frame shown exactly and in its colours', () => {
    const r = result('yuyv');
    expect(r.format).toMatchObject({ fourcc: 'YUYV', path: 'convert', displayFormat: 'XRGB8888' });
    expect(r.frame).toMatchObject({ kind: 'pixels', format: 'XRGB8888' });
    // One converted frame written per frame taken.
    expect(r.stats.copiedBytes).toBe(r.stats.frames * 640 * 480 * 4);
    const converted = frameImage('yuyv', 640 * 4);
    expect(diffImages(crop(screenshot('yuyv'), AT), converted)).toEqual({ differing: 0, box: null, maxDelta: 0 });
    // vivid draws the same eight bars in every format: below the text, each converted bar is
    // the colour of the XR24 frame's bar, within what 4:2:2 YUV and its rounding lose.
    const rgb = result('xr24-plane');
    const reference = frameImage('xr24-plane', rgb.frame.stride);
    for (let bar = 0; bar < 8; bar++) {
      const i = (400 * AT.width + bar * 80 + 40) * 4;
      const want = [...reference.pixels.slice(i, i + 3)], got = [...converted.pixels.slice(i, i + 3)];
      for (let c = 0; c < 3; c++) expect(Math.abs(got[c]! - want[c]!), `bar ${bar}: ${got} against ${want}`).toBeLessThanOrEqual(6);
    }
    expect(new Set(Array.from({ length: 8 }, (_, bar) => reference.pixels.slice((400 * AT.width + bar * 80 + 40) * 4, (400 * AT.width + bar * 80 + 40) * 4 + 3).join())).size).toBe(8);
  });

  it('a camera unplugged mid-stream: the source says it is lost and why, and the app goes on drawing without it', () => {
    const r = result('unplug');
    expect(r.status.state).toBe('lost');
    expect(r.status.message).toMatch(/V4L2 source \/dev\/video0, .*the device was unplugged or its driver removed/);
    expect(r.sourceErrors).toEqual([r.status.message]);
    expect(r.framesAfter).toBeGreaterThan(0);
    expect(r.external).toEqual([]);
    const shot = screenshot('unplug');
    const at = (AT.y + 100) * shot.width + AT.x + 100;
    expect([...shot.pixels.slice(at * 4, at * 4 + 3)]).toEqual([255, 255, 255]);
    expect(events.find((e) => e.case === 'unplug' && e.event === 'errors')?.errors).toEqual([]);
  });
});
