/**
 * The live demo on the Wayland backend (800x480, under the compositor named by WAYLAND_DISPLAY),
 * driven by clock-label updates at a steady pace, and what each update costs the whole process.
 *
 * The model's clock is the bench's: an update advances it by one minute and writes the model's
 * `now` signal, so the header's clock label changes (the date is computed again, to the same
 * text, which changes nothing else). The live timers run as in the demo (the clock check every second reads the
 * bench's clock); the doorbell's ring and the temperature drift are switched off, so that no
 * frame but the updates' is drawn.
 *
 * Steps: first frame; warm-up updates, not counted, until V8 has settled, as on a panel that
 * has been running; an idle window as long as the measured updates; UPDATES updates, each
 * PACE_MS after the last (each is its own frame); a second idle window.
 *
 * Settled means V8's optimising compiler has fallen quiet. It recompiles the frame's hot
 * functions for a long while: a function called once a frame reaches TurboFan only after
 * hundreds of calls, and each deoptimisation (a path not taken before, such as the relayout
 * when the date label changes at midnight, every 1,440 updates here) sends it back to baseline
 * code for hundreds more. Traced with --trace-opt, the demo's compiles in 200-update windows cost
 * 180 ms of a background thread in the first, still 60-90 ms at 1,000-1,600 and under 20 ms
 * from about 2,600 on. So the warm-up runs at least MIN_WARMUP updates, then windows of WINDOW
 * updates until V8's background threads (its compiler, and the GC's helpers) spend at most
 * SETTLED_MS per update, or MAX_WARMUP updates have run. It prints how many it took. A fixed
 * count (PLANAR_BENCH_WARMUP) replaces the rule, e.g. 1000 to see the cost of an update while
 * the compiler is still at work. CPU is user + system time of all the process's threads from /proc/self/stat (clock
 * ticks, CLK_TCK from the environment), with process.cpuUsage() beside it (microseconds) and
 * the main thread's own share from /proc/self/task/<pid>/stat. Beside them: how long the
 * signal write itself takes (the effects it runs), and the frames' own stats (layout, paint,
 * plane allocation, copy), averaged over the measured updates.
 *
 * With PLANAR_BENCH_PROFILE=FILE the measured updates run under the inspector's sampling
 * profiler (started and stopped around them only) and the profile is written to FILE.
 * Prints one JSON line.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createApp } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { App, colors, createHomeModel, FROZEN_TIME } from '@planar/demo';

const FIXED_WARMUP = process.env.PLANAR_BENCH_WARMUP ? Number(process.env.PLANAR_BENCH_WARMUP) : null;
const MIN_WARMUP = 1000;
const MAX_WARMUP = 8000;
const WINDOW = 500;
const SETTLED_MS = 0.1;
const UPDATES = Number(process.env.PLANAR_BENCH_UPDATES ?? 200);
const PACE_MS = 20;
const TICK_MS = 1000 / Number(process.env.PLANAR_BENCH_CLK_TCK || 100);
const profileFile = process.env.PLANAR_BENCH_PROFILE || null;

let minutes = 0;
const clock = () => new Date(FROZEN_TIME.getTime() + minutes * 60_000);
const model = createHomeModel({ clock });
model.ring = () => {};
model.drift = () => {};

const app = await createApp(() => jsx(App, { model }), {
  backend: 'wayland', width: 800, height: 480, background: colors.background, title: 'Planar demo', appId: 'dev.planar.demo',
});
const firstFrame = app.stats.presentedAt > 0 ? app.stats.presentedAt : performance.now();
if (app.backend !== 'wayland') throw new Error(`update-demo: expected the wayland backend, got ${app.backend}`);

let frames = 0, skipped = 0, paintMs = 0, copyMs = 0, layoutMs = 0, allocMs = 0, writeMs = 0;
app.on('frame', (s) => {
  frames++;
  if (s.skipped) skipped++;
  paintMs += s.paintMs;
  copyMs += s.copyMs;
  layoutMs += s.layoutMs;
  allocMs += s.allocMs;
});

/** utime + stime in ms from a /proc stat line (fields 14 and 15, counted after the name). */
const statMs = (file) => {
  const text = readFileSync(file, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
};
const sample = () => ({
  proc: statMs('/proc/self/stat'),
  main: statMs(`/proc/self/task/${process.pid}/stat`),
  usage: (({ user, system }) => (user + system) / 1000)(process.cpuUsage()),
  system: process.cpuUsage().system / 1000,
  wall: performance.now(),
});
const diff = (a, b) => ({ proc: b.proc - a.proc, main: b.main - a.main, usage: b.usage - a.usage, system: b.system - a.system, wall: b.wall - a.wall });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** `count` updates, one every PACE_MS on a fixed schedule; resolves after the last one's frame. */
async function updates(count) {
  const start = performance.now();
  for (let i = 1; i <= count; i++) {
    const wait = start + i * PACE_MS - performance.now();
    if (wait > 0) await sleep(wait);
    minutes++;
    const t = performance.now();
    model.now.value = clock();
    writeMs += performance.now() - t;
  }
  await sleep(PACE_MS);
}

/** CPU ms of every thread but the main one (V8's compiler and GC helpers, libuv's pool), from /proc. */
const backgroundMs = () => {
  let ms = 0;
  for (const tid of readdirSync('/proc/self/task')) {
    if (Number(tid) === process.pid) continue;
    try {
      ms += statMs(`/proc/self/task/${tid}/stat`);
    } catch {
      // The thread ended meanwhile.
    }
  }
  return ms;
};

/** Updates until V8 has settled (see the top of this file); returns how many ran. */
async function warmUp() {
  if (FIXED_WARMUP !== null) {
    await updates(FIXED_WARMUP);
    return FIXED_WARMUP;
  }
  await updates(MIN_WARMUP);
  let count = MIN_WARMUP;
  while (count < MAX_WARMUP) {
    const before = backgroundMs();
    await updates(WINDOW);
    count += WINDOW;
    if ((backgroundMs() - before) / WINDOW <= SETTLED_MS) break;
  }
  return count;
}

await sleep(500);
const warmup = await warmUp();
await sleep(200);

const span = UPDATES * PACE_MS;
let t = sample();
await sleep(span);
const idleBefore = diff(t, sample());

const framesBefore = frames;
paintMs = copyMs = layoutMs = allocMs = writeMs = 0;
let session = null;
if (profileFile) {
  const { Session } = await import('node:inspector/promises');
  session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 250 });
  await session.post('Profiler.start');
}
t = sample();
await updates(UPDATES);
const busy = diff(t, sample());
if (session) {
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  writeFileSync(profileFile, JSON.stringify(profile));
}
const updateFrames = frames - framesBefore;
const perFrame = { paintMs: paintMs / updateFrames, copyMs: copyMs / updateFrames, layoutMs: layoutMs / updateFrames, allocMs: allocMs / updateFrames, writeMs: writeMs / UPDATES };

await sleep(200);
t = sample();
await sleep(busy.wall);
const idleAfter = diff(t, sample());

await app.close();
console.log(JSON.stringify({ firstFrame, warmup, updates: UPDATES, frames: updateFrames, skipped, busy, idleBefore, idleAfter, perFrame }));
process.exit(0);
