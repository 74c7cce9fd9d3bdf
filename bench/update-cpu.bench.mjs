/**
 * What one label update of the live demo costs the whole process under a real compositor:
 * the demo on the Wayland backend at 800x480 under a headless sway (children/update-demo.mjs),
 * its clock label changed UPDATES times, one update every 20 ms so that each is its own frame.
 *
 *   update.cpu.ms           CPU time (user + system, all threads, from /proc/<pid>/stat) per
 *                           update, less the idle CPU of the same process over the same time;
 *   update.cpu.main_ms      the same for the main thread alone (the rest is V8's background
 *                           threads, compiling CanvasKit's wasm among them, and libuv's);
 *   update.cpu.idle_ms_per_s  CPU per second of the same process with nobody updating it
 *                           (its timers still run), the mean of a window before and one after,
 *                           from getrusage (the same threads as /proc, in µs rather than ticks);
 *   start.first_frame.sway  the demo as a panel starts it (its bundle, apps/demo/dist/app, with
 *                           the code cache an earlier start wrote) on the Wayland backend: process
 *                           start to its first frame committed to sway, from its start-up trace.
 *
 * The updates are measured once V8 has settled: the child warms up until V8's optimising
 * compiler falls quiet (3,000-3,500 updates here, 60-70 s), as on a panel that has been running.
 * PLANAR_BENCH_WARMUP=1000 measures after a fixed 20 s instead, while the compiler is still
 * at work.
 *
 * Each is the median of RUNS fresh processes, each under a fresh sway. With `--profile` (or
 * PLANAR_BENCH_PROFILE=1) one more run samples the main thread during the measured updates
 * and prints where an update's time goes, by area (profile-summary.mjs). PLANAR_BENCH_NODE_FLAGS
 * passes flags to the child's node, e.g. `--liftoff-only` to leave CanvasKit's wasm unoptimised
 * and see what V8's optimising compiler costs. Without sway the figures are skipped with a
 * printed reason.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSummary, phases, summarize } from './sway/profile-summary.mjs';
import { startSway, swayMissing } from './sway/sway.mjs';

export const name = 'update-cpu';
const RUNS = 3;
const UPDATES = 200;
const CHILD = fileURLToPath(new URL('./children/update-demo.mjs', import.meta.url));
const LAUNCHER = fileURLToPath(new URL('../apps/demo/dist/app/main.mjs', import.meta.url));

/** Starts the bundled demo under sway until its start-up trace is printed; ms to its first frame committed. */
async function firstFrameOnSway(swayEnv, cache) {
  const env = { ...process.env, ...swayEnv, PLANAR_DEBUG: 'startup', PLANAR_CODE_CACHE: cache };
  const demo = spawn(process.execPath, [LAUNCHER, '--backend=wayland'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const exited = new Promise((resolve) => demo.on('exit', resolve));
  const committed = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 30_000);
    demo.stderr.on('data', (d) => {
      stderr += d;
      const m = /first frame committed at ([\d.]+) ms/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    exited.then(() => resolve(null));
  });
  // A moment for the first start to save its code cache (on the next turn after the first frame).
  await new Promise((resolve) => setTimeout(resolve, 500));
  demo.kill('SIGTERM');
  await exited;
  if (committed === null) throw new Error(`bench: the bundled demo printed no start-up trace under sway: ${stderr.trim()}`);
  return committed;
}

const clockTicks = () => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
};

/** One run: a fresh sway, the child under it; resolves with the child's figures. */
async function measure({ profileFile = null, cache } = {}) {
  const sway = await startSway({ width: 800, height: 480 });
  try {
    // Twice: the first start writes the code cache when there is none yet.
    await firstFrameOnSway(sway.env, cache);
    const firstFrame = await firstFrameOnSway(sway.env, cache);
    const flags = (process.env.PLANAR_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
    const env = {
      ...process.env, ...sway.env, PLANAR_BENCH_UPDATES: String(UPDATES), PLANAR_BENCH_CLK_TCK: String(clockTicks()),
      PLANAR_BENCH_PROFILE: profileFile ?? '',
    };
    const child = spawn(process.execPath, [...flags, CHILD], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    // The warm-up may run up to 8,000 updates (160 s) before V8 settles (children/update-demo.mjs).
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    const status = await new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    clearTimeout(timer);
    if (status !== 0) throw new Error(`bench: update-demo.mjs failed (${status}): ${stderr.trim() || stdout.trim()}`);
    const r = JSON.parse(stdout.trim().split('\n').pop());
    if (r.frames < r.updates) process.stderr.write(`\nbench: update-cpu: ${r.updates} updates made only ${r.frames} frames (${r.skipped} skipped)\n`);
    const idleWall = r.idleBefore.wall + r.idleAfter.wall;
    const idlePerMs = (key) => (r.idleBefore[key] + r.idleAfter[key]) / idleWall;
    return {
      firstFrame,
      update: (r.busy.proc - idlePerMs('proc') * r.busy.wall) / r.updates,
      updateMain: (r.busy.main - idlePerMs('main') * r.busy.wall) / r.updates,
      updateUsage: (r.busy.usage - idlePerMs('usage') * r.busy.wall) / r.updates,
      updateSystem: (r.busy.system - idlePerMs('system') * r.busy.wall) / r.updates,
      // Clock ticks (10 ms) are too coarse for a few ms of idle CPU: getrusage counts the same threads in µs.
      idle: idlePerMs('usage') * 1000,
      frames: r.perFrame,
      warmup: r.warmup,
    };
  } finally {
    await sway.stop();
  }
}

const middle = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function run() {
  const missing = swayMissing();
  if (missing) {
    console.log(`bench: update-cpu skipped: ${missing}; its figures (update.cpu.*, start.first_frame.sway) need a headless sway`);
    return {};
  }
  const cache = mkdtempSync(path.join(os.tmpdir(), 'planar-code-cache-'));
  const runs = [];
  try {
    for (let i = 0; i < RUNS; i++) runs.push(await measure({ cache }));
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
  const pick = (key) => middle(runs.map((r) => r[key]));
  process.stderr.write(`\nbench: update-cpu: per update ${runs.map((r) => r.update.toFixed(2)).join(', ')} ms after ${runs.map((r) => r.warmup).join(', ')} warm-up updates (getrusage: ${runs.map((r) => r.updateUsage.toFixed(2)).join(', ')}, of which system ${runs.map((r) => r.updateSystem.toFixed(2)).join(', ')}); `
    + `the signal write (effects) ${middle(runs.map((r) => r.frames.writeMs)).toFixed(3)} ms; the toolkit's own stats per frame: layout ${middle(runs.map((r) => r.frames.layoutMs)).toFixed(3)}, `
    + `paint ${middle(runs.map((r) => r.frames.paintMs)).toFixed(3)} (plane allocation ${middle(runs.map((r) => r.frames.allocMs)).toFixed(3)}), copy ${middle(runs.map((r) => r.frames.copyMs)).toFixed(3)} ms\n`);

  if (process.argv.includes('--profile') || process.env.PLANAR_BENCH_PROFILE === '1') {
    const file = path.join(os.tmpdir(), `planar-update-${process.pid}.cpuprofile`);
    try {
      await measure({ profileFile: file, cache: 'off' });
      const profile = JSON.parse(readFileSync(file, 'utf8'));
      console.log(formatSummary(phases(profile, UPDATES), 'update-cpu profile, per update, by step (sampled, so slower than unprofiled)').join('\n'));
      console.log(formatSummary(summarize(profile, UPDATES), 'the same by area (toolkit files by folder)').join('\n'));
      console.log(`(the sampler sees only the main thread while V8 runs or waits; the main thread's CPU it counts as idle, `
        + `e.g. the addon's Wayland reads between JS calls, is in update.cpu.main_ms, and V8's compiler and GC threads only in update.cpu.ms)`);
    } finally {
      rmSync(file, { force: true });
    }
  }
  return {
    'update.cpu.ms': { value: pick('update'), unit: 'ms' },
    'update.cpu.main_ms': { value: pick('updateMain'), unit: 'ms' },
    'update.cpu.idle_ms_per_s': { value: pick('idle'), unit: 'ms' },
    'start.first_frame.sway': { value: pick('firstFrame'), unit: 'ms' },
  };
}
