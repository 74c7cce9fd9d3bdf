#!/usr/bin/env node
/**
 * The KMS end-to-end suite's driver, run as root inside the vkms VM (one boot for everything):
 *
 *   node test/kms/guest/suite.mjs <out dir> <uinput-devices binary>
 *
 * Runs each step as its own process (the demo, the scenario apps, planar-kms --list, the
 * uinput devices), records what each printed and how it ended, and writes
 * `<out dir>/results.json` for the host tests to judge. It judges nothing itself.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [out, uinputTool] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const demo = path.join(root, 'apps/demo/dist/main.js');
const scenario = path.join(here, 'scenario.mjs');
const results = { steps: {} };
const started = Date.now();

function save() {
  results.wallMs = Date.now() - started;
  writeFileSync(path.join(out, 'results.json'), JSON.stringify(results, null, 2));
}

/** A child process whose stdout lines are JSON events where they parse. */
function start(name, command, args, env = {}, cwd = root) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  const step = { command: [command, ...args].join(' '), env, stdout: '', stderr: '', events: [], status: null, signal: null, ms: 0 };
  results.steps[name] = step;
  const t0 = Date.now();
  const waiters = [];
  const exitedCallbacks = [];
  const lineWaiters = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    step.stdout += `${line}\n`;
    const at = Date.now();
    for (const w of [...lineWaiters]) if (w.re.test(line)) { lineWaiters.splice(lineWaiters.indexOf(w), 1); w.resolve(at); }
    try {
      const event = JSON.parse(line);
      // When the suite heard it: for latencies measured across processes.
      Object.defineProperty(event, 'heardAt', { value: at, enumerable: false });
      step.events.push(event);
      for (const w of [...waiters]) if (w.test(event)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(event); }
    } catch { /* plain output */ }
  });
  child.stderr.on('data', (d) => { step.stderr += d; });
  const exited = new Promise((resolve) => child.on('close', (status, signal) => {
    Object.assign(step, { status, signal, ms: Date.now() - t0 });
    for (const w of waiters.splice(0)) w.resolve(null);
    for (const cb of exitedCallbacks.splice(0)) cb();
    resolve(step);
  }));
  const waitFor = (test, ms = 60000) => new Promise((resolve) => {
    const done = step.events.find(test);
    if (done) return resolve(done);
    const waiter = { test, resolve };
    waiters.push(waiter);
    setTimeout(() => { if (waiters.includes(waiter)) { waiters.splice(waiters.indexOf(waiter), 1); resolve(null); } }, ms);
  });
  /** Resolves with the time a stdout line matching `re` arrived (now, if one already has), or null. */
  const waitForLine = (re, ms = 60000) => new Promise((resolve) => {
    if (step.stdout.split('\n').some((l) => re.test(l))) return resolve(Date.now());
    const waiter = { re, resolve };
    lineWaiters.push(waiter);
    setTimeout(() => { if (lineWaiters.includes(waiter)) { lineWaiters.splice(lineWaiters.indexOf(waiter), 1); resolve(null); } }, ms);
    exitedCallbacks.push(() => { if (lineWaiters.includes(waiter)) { lineWaiters.splice(lineWaiters.indexOf(waiter), 1); resolve(null); } });
  });
  return { child, step, exited, waitFor, waitForLine, send: (line) => child.stdin.write(`${line}\n`) };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const run = (name, command, args, env, cwd) => { const p = start(name, command, args, env, cwd); p.child.stdin.end(); return p.exited; };
const node = process.execPath;

/** The CRTC and plane state as the kernel has it now (no master needed to read). */
const crtcState = (name) => run(name, node, [path.join(here, 'crtc-state.mjs')]);

await run('list', node, [path.join(root, 'packages/kms-backend/dist/cli.js'), '--list']);
await crtcState('state-before');
await run('apps', node, [scenario, out, 'demo-preferred', 'demo-800x600', 'demo-800x600-r90', 'layers', 'many', 'pacing', 'slide', 'external', 'crop', 'scroll', 'budget-moves', 'budget-many']);
save();

// Input: the app starts first and the devices are plugged in while it runs (hot-plug), so the
// test also sees the device-added event an app would wait on.
// The us(intl) layout: its apostrophe key is dead_acute, for a compose sequence after the keys.
const app = start('input', node, [scenario, out, 'input'], { PLANAR_POINTER_ACCEL: 'flat', PLANAR_XKB_LAYOUT: 'us', PLANAR_XKB_VARIANT: 'intl' });
const appReady = await app.waitFor((e) => e.event === 'ready', 180000);
const devices = start('uinput', uinputTool, ['--touch', '1024x768', '--keyboard']);
// From the devices existing (uinput-devices says "ready") to the app's device-added events.
const pluggedAt = await devices.waitForLine(/^ready/, 20000);
const touch = await app.waitFor((e) => e.event === 'device' && e.kind === 'touch' && e.added, 20000);
const keyboard = await app.waitFor((e) => e.event === 'device' && e.kind === 'keyboard' && e.added, 20000);
results.input = {
  appReady, plugged: pluggedAt !== null,
  touchAddedMs: touch && pluggedAt ? touch.heardAt - pluggedAt : null,
  keyboardAddedMs: keyboard && pluggedAt ? keyboard.heardAt - pluggedAt : null,
  keyboard: Boolean(keyboard),
};
if (appReady?.tile && touch) {
  const { x, y, width, height } = appReady.tile;
  devices.send(`tap ${Math.round(x + width / 2)} ${Math.round(y + height / 2)}`);
  await app.waitFor((e) => e.event === 'tile', 10000);
  // Shift+h, i, Enter: keysyms through xkbcommon.
  for (const cmd of ['key-down 42', 'key 35', 'key-up 42', 'key 23', 'key 28']) devices.send(cmd);
  await sleep(1500);
  app.send('shot input-after-tap.png');
  await app.waitFor((e) => e.event === 'shot', 30000);
  app.send('report');
  await app.waitFor((e) => e.event === 'report', 10000);
  // A dead key then e: one "é" through xkbcommon's compose table.
  for (const cmd of ['key 40', 'key 18']) devices.send(cmd);
  await sleep(1000);
  app.send('report compose');
  await app.waitFor((e) => e.event === 'report' && e.label === 'compose', 10000);
}
devices.send('quit');
devices.child.stdin.end();
await devices.exited;
const unplugged = await app.waitFor((e) => e.event === 'device' && e.kind === 'touch' && !e.added, 10000);
results.input.unplugged = Boolean(unplugged);
app.send('quit');
app.child.stdin.end();
await app.exited;
save();

// Session: a running demo holds the device and its VT (tty1, in graphics mode while it runs);
// a second app is refused; SIGTERM puts the CRTC and the console back.
/** KDGETMODE of tty1: 0 text, 1 graphics. */
const ttyMode = (name) => run(name, 'python3', ['-c', "import fcntl, os, struct; fd = os.open('/dev/tty1', os.O_RDWR | os.O_NOCTTY); print(struct.unpack('i', fcntl.ioctl(fd, 0x4B3B, bytes(4)))[0])"]);
await ttyMode('tty-before');
const holder = start('holder', node, [demo, '--backend=kms', '--freeze'], { PLANAR_VT: '/dev/tty1' });
const running = (await holder.waitForLine(/Running on the kms backend/, 180000)) !== null;
await crtcState('state-running');
await ttyMode('tty-running');
if (running) {
  await run('second-app', node, [demo, '--backend=kms', '--freeze', `--screenshot=${out}/second.png`]);
  holder.child.kill('SIGTERM');
}
holder.child.stdin.end();
await holder.exited;
await crtcState('state-after');
await ttyMode('tty-after');
save();

// Without root: seatd opens the card and the input devices for an unprivileged app (libseat).
const seatd = start('seatd', 'seatd', ['-u', 'nobody', '-l', 'error']);
for (let i = 0; i < 50 && !existsSync('/run/seatd.sock'); i++) await sleep(100);
chmodSync(out, 0o777);
// As nobody, from a bind mount of the checkout at a path anyone may enter (the checkout may sit
// in a private folder, such as /root or a 0700 temp folder).
const view = '/run/planar-checkout';
mkdirSync(view, { recursive: true });
await run('seat-view', 'mount', ['--bind', root, view]);
const nobody = ['--reuid=65534', '--regid=65534', '--clear-groups'];
await run('seat', 'setpriv', [...nobody, node, path.join(view, path.relative(root, scenario)), path.join(view, path.relative(root, out)), 'seat'], { HOME: '/tmp' }, view);
seatd.child.kill('SIGTERM');
await seatd.exited;
save();
