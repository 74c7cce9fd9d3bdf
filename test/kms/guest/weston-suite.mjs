#!/usr/bin/env node
/**
 * The weston end-to-end suite's driver, run as root inside the vkms VM (one boot):
 *
 *   node test/kms/guest/weston-suite.mjs <out dir>
 *
 * 1. weston 10 on /dev/dri/card0 with its DRM backend and Mesa's software GL (kms_swrast,
 *    which Mesa falls back to by itself): as root on tty2 (Debian's weston has no
 *    libseat launcher), WAYLAND_DISPLAY unset (else it picks its wayland backend),
 *    desktop-shell without panel or animations (weston-ini.mjs), --debug for weston-debug and
 *    weston-screenshooter. Mesa's GL runs on softpipe (GALLIUM_DRIVER), which generates no code:
 *    llvmpipe's JIT under qemu's emulated CPU either crashed weston as soon as it composited a
 *    subsurface or a fade (AVX code), or, kept to SSE4.1, sampled BGRA textures with the red
 *    channel wrong (shared memory and XRGB8888 frames), while RGBA-ordered DMA-BUFs came out right.
 * 2. wayland-info: what weston offers (zwp_linux_dmabuf_v1, its formats and modifiers).
 * 3. The apps (weston-scenario.mjs), each step its own process: `apps` with the allocator the
 *    wayland backend chooses (LINEAR DMA-BUFs); `apps-implicit` with the implicit modifier forced,
 *    the only one weston 10 lists; `apps-shm` with shared memory forced (PLANAR_WAYLAND_ALLOCATOR);
 *    `apps-refused` with a modifier weston cannot import forced on every DMA-BUF
 *    (PLANAR_WAYLAND_DMABUF_MODIFIER), so each import is refused; then vivid is loaded
 *    (modprobe) and `apps-video` streams it. All log PLANAR_DEBUG=wayland.
 * 4. weston is stopped with SIGTERM; its log and the kernel's (dmesg) are copied into the out dir.
 *
 * Writes `<out dir>/results.json` ({ steps: { <name>: { command, status, signal, stdout,
 * stderr, events, ms } }, wallMs }) for the host tests to judge. It judges nothing itself.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { westonIni } from './weston-ini.mjs';

const [out] = process.argv.slice(2);
if (!out) {
  console.error('usage: weston-suite.mjs <out dir>');
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const scenario = path.join(here, 'weston-scenario.mjs');
const results = { steps: {} };
const started = Date.now();
const runtimeDir = '/run/planar-weston';
const SOCKET = 'wl0';
const clientEnv = { XDG_RUNTIME_DIR: runtimeDir, WAYLAND_DISPLAY: SOCKET };
/** Intel's X-tiled modifier: nothing in a software GL stack imports it. */
const REFUSED_MODIFIER = '0x0100000000000001';

function save() {
  results.wallMs = Date.now() - started;
  writeFileSync(path.join(out, 'results.json'), JSON.stringify(results, null, 2));
}

/** A child process whose stdout lines are recorded, and parsed as JSON events where they parse. */
function start(name, command, args, env = {}) {
  const { WAYLAND_DISPLAY: _, ...inherited } = process.env;
  const child = spawn(command, args, { cwd: root, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const step = { command: [command, ...args].join(' '), env, stdout: '', stderr: '', events: [], status: null, signal: null, ms: 0 };
  results.steps[name] = step;
  const t0 = Date.now();
  createInterface({ input: child.stdout }).on('line', (line) => {
    step.stdout += `${line}\n`;
    try {
      const event = JSON.parse(line);
      if (event && typeof event === 'object') step.events.push(event);
    } catch { /* plain output */ }
  });
  child.stderr.on('data', (d) => { step.stderr += d; });
  const exited = new Promise((resolve) => {
    child.on('error', (error) => { step.stderr += `could not start ${command}: ${error.message}\n`; });
    child.on('close', (status, signal) => {
      Object.assign(step, { status, signal, ms: Date.now() - t0 });
      resolve(step);
    });
  });
  return { child, step, exited };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const run = (name, command, args, env) => start(name, command, args, env).exited;

mkdirSync(runtimeDir, { recursive: true, mode: 0o700 });
const config = path.join(runtimeDir, 'weston.ini');
writeFileSync(config, westonIni());
const westonLog = path.join(runtimeDir, 'weston.log');
const weston = start('weston', 'weston', [
  '--backend=drm-backend.so', '--tty=2', '--drm-device=card0', `--config=${config}`, '--debug',
  `--socket=${SOCKET}`, `--log=${westonLog}`,
], { XDG_RUNTIME_DIR: runtimeDir, GALLIUM_DRIVER: 'softpipe' });
let westonRunning = true;
weston.exited.then(() => { westonRunning = false; });

// Its socket appears once the output is set up (about 4 s after the start in this VM).
const socket = path.join(runtimeDir, SOCKET);
for (let i = 0; i < 600 && westonRunning && !existsSync(socket); i++) await sleep(100);
results.westonUp = westonRunning && existsSync(socket);

if (results.westonUp) {
  await run('wayland-info', 'wayland-info', [], clientEnv);
  save();
  const debug = { PLANAR_DEBUG: 'wayland' };
  await run('apps', process.execPath, [scenario, out, 'demo', 'animation', 'external'], { ...clientEnv, ...debug });
  save();
  // The implicit modifier, all this weston lists: weston 10 scans no such buffer out, so this
  // step measures what the LINEAR choice of `apps` saves.
  await run('apps-implicit', process.execPath, [scenario, out, 'animation'], { ...clientEnv, ...debug, PLANAR_WAYLAND_DMABUF_MODIFIER: 'implicit' });
  save();
  await run('apps-shm', process.execPath, [scenario, out, 'demo', 'animation'], { ...clientEnv, ...debug, PLANAR_WAYLAND_ALLOCATOR: 'shm' });
  save();
  await run('apps-refused', process.execPath, [scenario, out, 'demo'], { ...clientEnv, ...debug, PLANAR_WAYLAND_DMABUF_MODIFIER: REFUSED_MODIFIER });
  save();
  // vivid, the kernel's virtual camera (one capture node: /dev/video0), for the video scenario;
  // last, so whatever its foreign DMA-BUFs do to weston comes after every other step.
  await run('vivid', 'modprobe', ['vivid', 'n_devs=1', 'node_types=0x1']);
  await run('apps-video', process.execPath, [scenario, out, 'video'], { ...clientEnv, ...debug });
  save();
}
// weston ends with status 0 on SIGTERM; a crash before this point shows as another end.
results.westonAliveAtEnd = westonRunning;
if (westonRunning) weston.child.kill('SIGTERM');
await weston.exited;
if (existsSync(westonLog)) copyFileSync(westonLog, path.join(out, 'weston.log'));
// The kernel's log: a client or weston that crashed is named there, with the library it crashed in.
writeFileSync(path.join(out, 'dmesg.txt'), spawnSync('dmesg', [], { encoding: 'utf8' }).stdout ?? '');
save();
