#!/usr/bin/env node
/**
 * One app of the weston end-to-end suite, run inside the VM on the wayland backend, connected to
 * the weston that weston-suite.mjs started (WAYLAND_DISPLAY, XDG_RUNTIME_DIR):
 *
 *   node weston-scenario.mjs <out dir> <scenario>...
 *
 * Scenarios run one after another in this process (CanvasKit compiles once). Each prints JSON
 * lines ({ "scenario", "event", ... }) and writes into the out dir, its files named with the
 * allocator forced through PLANAR_WAYLAND_ALLOCATOR (`shm-demo.png`), `refused-` when a modifier is
 * forced (PLANAR_WAYLAND_DMABUF_MODIFIER; `implicit-` for the implicit modifier), none otherwise:
 *   - weston's screenshots (weston-screenshooter): the GL composite of the output; weston turns
 *     its planes off for them, so they are taken after the plane log below;
 *   - weston's `drm-backend` debug scope (weston-debug) while the app shows its frames: which
 *     plane each view was placed on and how each repaint was composed.
 *
 * demo       the demo, frozen, fullscreen
 * animation  a label changing on every frame for 5 s: the copies, commit → frame-done times and
 *            weston's composition of each repaint; then the last frame's screenshot
 * external   a camera frame from another client of the card (a dumb buffer on card0, exported
 *            as a DMA-BUF) on an ExternalLayer
 * video      vivid's 640x480 XR24 stream (/dev/video0; weston-suite.mjs loads vivid) on an
 *            ExternalLayer at VIDEO_AT: its first frame (`video-first.frame`, B,G,R,X bytes, its
 *            stride in the event) with weston's screenshot, then a few more frames with the
 *            drm-backend log
 */
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ExternalLayer, View, createApp, createExternalSource, signal } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { App as Demo, colors, createHomeModel } from '@planar/demo';
import { createV4l2Source, scanoutFormats } from '@planar/v4l2';
import { counter, patternBgrx, withExternal } from './scenes.mjs';

const [out, ...names] = process.argv.slice(2);
const forced = process.env.PLANAR_WAYLAND_ALLOCATOR;
const modifier = process.env.PLANAR_WAYLAND_DMABUF_MODIFIER;
const prefix = forced ? `${forced}-` : modifier === 'implicit' ? 'implicit-' : modifier ? 'refused-' : '';
let current = '';
const say = (event) => process.stdout.write(`${JSON.stringify({ scenario: current, ...event })}\n`);
const errors = [];
const onError = (e) => { errors.push(e.message); say({ event: 'app-error', message: e.message }); };
// A plane budget no search reaches under the VM's emulation: which layer gets a subsurface
// never depends on load.
const common = { backend: 'wayland', planeDeadlineMs: 10_000, onError, title: 'Planar demo', appId: 'dev.planar.demo' };
const ANIMATION_MS = 5000;
const MIN_FRAMES = 12;

/** Resolves once `test()` holds (polled); rejects naming `what` after `ms`. */
async function until(test, what, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs a program to its end; rejects with its stderr unless it exits with status 0. */
function runTool(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (status, sig) => (status === 0 ? resolve() : reject(new Error(`${command} ended with ${sig ?? status}: ${stderr.trim()}`))));
  });
}

/** weston's screenshot of its output (weston-screenshooter writes wayland-screenshot-<time>.png into its folder). */
async function westonShot(file) {
  const dir = mkdtempSync(path.join(process.env.XDG_RUNTIME_DIR, 'shot-'));
  try {
    await runTool('weston-screenshooter', [], dir);
    const png = readdirSync(dir).find((f) => f.endsWith('.png'));
    if (!png) throw new Error('weston-screenshooter exited without writing a PNG');
    copyFileSync(path.join(dir, png), path.join(out, file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Subscribes to weston's drm-backend debug scope into `<out>/<file>`; stop() ends it. The
 * scene-graph scope, asked for in the same request, writes its dump at once: once the file has
 * it, the drm-backend subscription is in place too (it logs nothing while weston is idle).
 */
async function drmDebug(file) {
  const target = path.join(out, file);
  rmSync(target, { force: true });
  const child = spawn('weston-debug', ['-o', target, 'drm-backend', 'scene-graph'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '', end = null;
  child.stderr.on('data', (d) => { stderr += d; });
  const closed = new Promise((resolve) => child.on('close', (status, sig) => resolve((end = sig ?? status))));
  await until(() => end !== null || (existsSync(target) && statSync(target).size > 0), 'weston-debug subscribing to drm-backend', 30_000);
  if (end !== null) throw new Error(`weston-debug ended with ${end} before subscribing: ${stderr.trim()}`);
  return {
    async stop() {
      child.kill('SIGTERM');
      const how = await closed;
      if (how !== 'SIGTERM' && how !== 0) throw new Error(`weston-debug ended with ${how}: ${stderr.trim()}`);
    },
  };
}

const frameDoneCount = (app) => app.display.timings.frameDoneMs.length;

/** Waits for weston's frame-done of the app's latest commit: weston has shown it. */
async function shown(app, after) {
  await until(() => frameDoneCount(app) > after, 'weston\'s frame-done for the app\'s commit');
}

/** What the wayland display says about itself: output, allocator, globals. */
const displayInfo = (app) => ({ info: app.display.info, width: app.width, height: app.height });

async function demo() {
  const debug = await drmDebug(`${prefix}demo-drm.txt`);
  const model = createHomeModel({ frozen: true });
  const app = await createApp(() => jsx(Demo, { model }), { ...common, background: colors.background });
  try {
    await shown(app, 0);
    await debug.stop();
    await westonShot(`${prefix}demo.png`);
    say({ event: 'result', ...displayInfo(app), stats: app.stats, frameDoneMs: [...app.display.timings.frameDoneMs] });
  } finally {
    await app.close();
  }
}

async function animation() {
  const text = signal('start');
  const app = await createApp(() => counter(() => text.value), common);
  try {
    await shown(app, 0);
    const debug = await drmDebug(`${prefix}animation-drm.txt`);
    const before = frameDoneCount(app);
    const frames = [];
    const t0 = performance.now();
    await new Promise((resolve) => {
      const off = app.on('frame', (stats) => {
        frames.push({ copiedBytes: stats.copiedBytes, damagedPx: stats.damagedPx, skipped: stats.skipped });
        // At least ANIMATION_MS (the figures are per 5 s) and at least MIN_FRAMES frames, so the
        // checks on steady frames have frames to judge however slow the emulated machine is.
        if (performance.now() - t0 >= ANIMATION_MS && frames.length >= MIN_FRAMES) {
          off();
          resolve();
          return;
        }
        // A new text on every frame event (the same text would be no change, and no next frame).
        text.value = String(frames.length);
      });
      text.value = '0';
    });
    await shown(app, before + frames.length - 1);
    await debug.stop();
    await westonShot(`${prefix}animation.png`);
    const elapsedMs = performance.now() - t0;
    say({ event: 'result', ...displayInfo(app), frames, elapsedMs, text: text.value, frameDoneMs: app.display.timings.frameDoneMs.slice(before) });
  } finally {
    await app.close();
  }
}

/**
 * A camera frame as a DMA-BUF: a dumb buffer of another client of card0 (weston is its master;
 * this fd is not), exported with PRIME, pushed to an ExternalLayer.
 */
async function external() {
  const source = createExternalSource({ width: 320, height: 240, format: 'XRGB8888' });
  const app = await createApp(() => withExternal(source), common);
  await shown(app, 0);
  const addon = createRequire(import.meta.url)('../../../packages/kms-backend/build/Release/planar_kms.node');
  const producer = new addon.Device('/dev/dri/card0', () => {});
  const frame = new addon.DumbBuffer(producer, 320, 240, 0x34325258 /* XR24 */);
  frame.write(patternBgrx(320, 240), 320 * 4, Int32Array.of(0, 0, 320, 240), false);
  const fd = frame.exportFd();
  try {
    const before = frameDoneCount(app);
    const next = new Promise((resolve) => { const off = app.on('frame', (stats) => { off(); resolve({ ...stats }); }); });
    source.push({ kind: 'dmabuf', fd, width: 320, height: 240, stride: frame.stride, offset: 0, format: 'XRGB8888', modifier: 0n });
    const stats = await next;
    await shown(app, before);
    await westonShot(`${prefix}external.png`);
    say({ event: 'result', ...displayInfo(app), stats });
  } finally {
    await app.close();
    closeSync(fd);
    frame.destroy();
    producer.close();
  }
}

const VIDEO_AT = { x: 100, y: 80 };
const VIDEO_FRAMES = 4;

/** The frame the camera source shows, into `<out>/<name>.frame` (B,G,R,X bytes); what it was. */
function saveFrame(camera, name) {
  const frame = camera.source.current;
  const { pixels, stride } = frame.read();
  writeFileSync(path.join(out, `${prefix}${name}.frame`), pixels);
  return { kind: frame.kind, width: frame.width, height: frame.height, stride, format: frame.format, serial: camera.source.serial };
}

/**
 * vivid's frames on an ExternalLayer: each V4L2 buffer exported as a DMA-BUF and pushed. The
 * wayland backend copies the first frame into shared memory while it asks weston whether it
 * imports such DMA-BUFs, and says (PLANAR_DEBUG=wayland) which way the later ones go. So the
 * camera is paused on its first frame (the copy) for weston's screenshot, then resumed for a
 * few more frames, each reported once weston acknowledged it (frame-done), and paused again.
 *
 * No screenshot is taken of the later frames: weston imports them, and its software GL (Mesa's
 * kms_swrast) cannot map a DMA-BUF of another device, so weston crashed (SIGSEGV) when the
 * screenshot made it composite one. Where they went is read from the drm-backend log instead.
 */
async function video() {
  await until(() => existsSync('/dev/video0'), '/dev/video0 (vivid loaded)', 10_000);
  const layer = signal(null);
  let gone = null;
  const app = await createApp(() => jsx(View, { style: { width: '100%', height: '100%', backgroundColor: '#20303c' }, children: [
    () => (layer.value ? jsx(ExternalLayer, { testId: 'video', source: layer.value.source, plane: 'prefer', position: VIDEO_AT }) : null),
  ] }), common);
  app.on('close', ({ reason }) => { gone = reason; say({ event: 'display-closed', reason }); });
  const camera = createV4l2Source({ device: '/dev/video0', width: 640, height: 480, format: 'XR24', fps: 30, prefer: scanoutFormats(app.display) });
  camera.on('error', (e) => say({ event: 'app-error', message: `the camera: ${e.message}` }));
  const waitFor = async (test, what) => {
    await until(() => test() || gone !== null, what, 180_000);
    if (gone !== null) throw new Error(`weston went away while waiting for ${what}: ${gone}`);
  };
  try {
    await shown(app, 0);
    // A frame event comes once weston has acknowledged the frame's commit (frame-done).
    const external = [];
    app.on('frame', (stats) => {
      const e = stats.external[0];
      if (!e || e.serial === external.at(-1)?.serial) return;
      external.push(e);
      say({ event: 'shown', ...e, copiedBytes: stats.copiedBytes });
    });
    const offFirst = camera.on('frame', () => { offFirst(); camera.pause(); });
    const t0 = performance.now();
    layer.value = camera;
    await waitFor(() => external.length >= 1, 'the first camera frame shown');
    await westonShot(`${prefix}video-first.png`);
    say({ event: 'first', frame: saveFrame(camera, 'video-first'), frames: external.length });
    const debug = await drmDebug(`${prefix}video-drm.txt`);
    // Paused as the last of them is pushed; a frame superseded before its commit is not shown.
    let more = 0;
    const offMore = camera.on('frame', () => {
      if (++more < VIDEO_FRAMES) return;
      offMore();
      camera.pause();
    });
    camera.resume();
    await waitFor(() => (more >= VIDEO_FRAMES && external.at(-1).serial === camera.source.serial) || camera.status.peek().state !== 'streaming', `${VIDEO_FRAMES} more camera frames`);
    const elapsedMs = performance.now() - t0;
    await debug.stop();
    const { kind, width, height, format } = camera.source.current;
    say({
      event: 'result', ...displayInfo(app), status: camera.status.peek(), format: camera.format, stats: camera.stats(), external, elapsedMs,
      at: VIDEO_AT, frame: { kind, width, height, format, serial: camera.source.serial },
    });
  } finally {
    layer.value = null;
    camera.close();
    if (gone === null) await app.close();
  }
}

const scenarios = { demo, animation, external, video };
const unknown = names.filter((n) => !scenarios[n]);
if (!out || !names.length || unknown.length || !process.env.WAYLAND_DISPLAY) {
  console.error(`usage: WAYLAND_DISPLAY=... weston-scenario.mjs <out dir> <${Object.keys(scenarios).join('|')}>...`);
  process.exit(2);
}
const LIMIT_MS = 240_000;
let failed = 0;
for (const name of names) {
  current = name;
  const t0 = Date.now();
  let timer;
  try {
    // A scenario that stops making progress fails with what it had, instead of holding the VM.
    await Promise.race([scenarios[name](), new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no end after ${LIMIT_MS / 1000} s`)), LIMIT_MS); })]);
    say({ event: 'done', ms: Date.now() - t0 });
  } catch (error) {
    failed++;
    say({ event: 'failed', message: String(error.stack ?? error) });
  } finally {
    clearTimeout(timer);
  }
}
process.exit(failed || errors.length ? 1 : 0);
