#!/usr/bin/env node
/**
 * The V4L2 end-to-end app, run as root inside the vkms VM:
 *
 *   node v4l2.mjs <out dir>
 *
 * Loads vivid (the kernel's virtual camera: one capture node, /dev/video0) and streams its test
 * pattern into an <ExternalLayer> on the kms backend, in three cases: XR24 on an overlay plane
 * (its DMA-BUF scanned out as it is), XR24 kept off the planes (composited: read once a frame)
 * and YUYV (no vkms plane takes YUV: converted, composited). In each, after a few frames it
 * pauses the source, takes the writeback capture and the frame the source shows, and writes
 * both into the out dir. Last, it unbinds vivid's device mid-stream (a camera unplugged) and
 * checks that the app keeps drawing. It prints JSON lines ({ "case", "event", ... }) for the
 * host test to judge, and judges nothing itself.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { ExternalLayer, Text, View, createApp, signal } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { createV4l2Source, scanoutFormats } from '@planar/v4l2';

export const AT = { x: 100, y: 80 };
const DEVICE = '/dev/video0';
const [out] = process.argv.slice(2);
let current = '';
const say = (event) => process.stdout.write(`${JSON.stringify({ case: current, ...event })}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function waitFor(test, ms, what) {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const poll = setInterval(() => {
      if (test()) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() - t0 > ms) {
        clearInterval(poll);
        reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      }
    }, 20);
  });
}

/** A white screen with a label, and the video when there is one. */
function scene(video, plane, label) {
  return () => jsx(View, { style: { width: '100%', height: '100%', backgroundColor: 'white' }, children: [
    jsx(Text, { style: { fontSize: 20, color: 'black' }, children: () => label.value }),
    () => (video.value ? jsx(ExternalLayer, { testId: 'video', source: video.value.source, plane, position: AT }) : null),
  ] });
}

async function withApp(plane, body) {
  const video = signal(null);
  const label = signal('camera');
  const errors = [];
  const app = await createApp(scene(video, plane, label), { backend: 'kms', planeDeadlineMs: 10_000, onError: (e) => { errors.push(e.message); say({ event: 'app-error', message: e.message }); } });
  try {
    await body({ app, video, label });
  } finally {
    video.value?.close();
    await app.close();
  }
  return errors;
}

/** Streams until `frames` frames were shown, then pauses and records what the screen and the source show. */
async function showCase(name, format, plane) {
  current = name;
  await withApp(plane, async ({ app, video }) => {
    const source = createV4l2Source({ device: DEVICE, width: 640, height: 480, format, fps: 30, prefer: scanoutFormats(app.display) });
    source.on('error', (e) => say({ event: 'source-error', message: e.message }));
    // Capture → flip: the kernel's capture timestamp of each pushed frame against the
    // presentation time of the first frame that showed it (both on the monotonic clock); and
    // dequeue → flip, from when the app took the buffer.
    const taken = new Map();
    const latencies = [];
    const fromDequeue = [];
    source.on('frame', (e) => taken.set(e.serial, e));
    let shownSerial = -1;
    const external = [];
    app.on('frame', (stats) => {
      const shown = stats.external[0];
      if (!shown || shown.serial === shownSerial) return;
      shownSerial = shown.serial;
      external.push(shown);
      const frame = taken.get(shown.serial);
      if (!frame || !(stats.presentedAt > 0)) return;
      if (frame.capturedAt !== null) latencies.push(stats.presentedAt - frame.capturedAt);
      fromDequeue.push(stats.presentedAt - frame.dequeuedAt);
    });
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    video.value = source;
    await waitFor(() => source.stats().frames >= 4 && external.length >= 3 || source.status.peek().state !== 'streaming', 120_000, `4 frames from ${DEVICE}`);
    const cpu = process.cpuUsage(cpu0);
    const wallMs = performance.now() - t0;
    source.pause();
    // Two frames' time for the last push to reach the screen.
    await sleep(400);
    // Taken before the frame is read for the host's comparison, a copy the app would not make.
    const stats = source.stats();
    const frame = source.source.current;
    if (frame) {
      const bytes = frame.kind === 'dmabuf' ? frame.read().pixels : frame.pixels;
      writeFileSync(`${out}/${name}.frame`, bytes);
    }
    writeFileSync(`${out}/${name}.png`, await app.screenshot());
    say({
      event: 'result', status: source.status.peek(), format: source.format, stats, external, latencies, fromDequeue,
      cpuMsPerFrame: (cpu.user + cpu.system) / 1000 / Math.max(1, stats.frames), wallMs,
      frame: frame ? { kind: frame.kind, width: frame.width, height: frame.height, stride: frame.kind === 'dmabuf' ? frame.stride : frame.width * 4, format: frame.format } : null,
      shown: app.display.describeShown(), capture: app.display.captureSource,
    });
  });
  say({ event: 'done' });
}

/** Unbinds vivid's device mid-stream: the source must say it is lost and the app go on drawing. */
async function unplug() {
  current = 'unplug';
  const errors = await withApp('prefer', async ({ app, video, label }) => {
    const source = createV4l2Source({ device: DEVICE, width: 640, height: 480, format: 'XR24', prefer: scanoutFormats(app.display) });
    const sourceErrors = [];
    source.on('error', (e) => sourceErrors.push(e.message));
    video.value = source;
    await waitFor(() => source.stats().frames >= 2, 120_000, 'two frames before the unplug');
    execFileSync('sh', ['-c', 'echo vivid.0 > /sys/bus/platform/drivers/vivid/unbind']);
    await waitFor(() => source.status.peek().state !== 'streaming', 30_000, 'the source to notice the unplug');
    const framesBefore = app.stats.frame;
    label.value = 'camera gone';
    await waitFor(() => app.stats.frame > framesBefore, 10_000, 'a frame after the unplug');
    writeFileSync(`${out}/unplug.png`, await app.screenshot());
    say({ event: 'result', status: source.status.peek(), sourceErrors, framesAfter: app.stats.frame - framesBefore, external: app.stats.external });
  });
  say({ event: 'errors', errors });
  say({ event: 'done' });
}

try {
  execFileSync('modprobe', ['vivid', 'n_devs=1', 'node_types=0x1']);
  await waitFor(() => existsSync(DEVICE), 10_000, `${DEVICE} after modprobe vivid`);
  await showCase('xr24-plane', 'XR24', 'prefer');
  await showCase('xr24-composited', 'XR24', 'never');
  await showCase('yuyv', 'YUYV', 'prefer');
  await unplug();
} catch (error) {
  say({ event: 'failed', message: error.stack ?? String(error) });
  process.exitCode = 1;
}
