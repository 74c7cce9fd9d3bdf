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
 * Steps: first frame; WARMUP updates, not counted (1,000 by default: 20 s, by which V8 has
 * optimised the hot JavaScript, as on a panel that has been running; with 100 its optimising
 * compiler was still at work and cost ~0.35 ms an update); an idle window as long as the measured
 * updates; UPDATES updates, each PACE_MS after the last (each is its own frame); a second idle
 * window. CPU is user + system time of all the process's threads from /proc/self/stat (clock
 * ticks, CLK_TCK from the environment), with process.cpuUsage() beside it (microseconds) and
 * the main thread's own share from /proc/self/task/<pid>/stat. Beside them: how long the
 * signal write itself takes (the effects it runs), and the frames' own stats (layout, paint,
 * plane allocation, copy), averaged over the measured updates.
 *
 * With PLANAR_BENCH_PROFILE=FILE the measured updates run under the inspector's sampling
 * profiler (started and stopped around them only) and the profile is written to FILE.
 * Prints one JSON line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createApp } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { App, colors, createHomeModel, FROZEN_TIME } from '@planar/demo';

const WARMUP = Number(process.env.PLANAR_BENCH_WARMUP ?? 1000);
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

await sleep(500);
await updates(WARMUP);
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
console.log(JSON.stringify({ firstFrame, updates: UPDATES, frames: updateFrames, skipped, busy, idleBefore, idleAfter, perFrame }));
process.exit(0);
