/**
 * Real Wayland compositors for the end-to-end tests, headless and software-rendered, each in
 * its own runtime folder so that several can run side by side.
 *
 *   startSway    sway 1.7 (wlroots headless backend, pixman renderer): an output of the asked
 *                size at 0,0, no borders, no Xwayland, a blank cursor. Under root it runs as
 *                nobody (it refuses root). Ready once its IPC answers with the output in the
 *                asked mode. Screenshots through grim (wlr-screencopy) as PPM; the output is
 *                resized through swaymsg.
 *   startWeston  weston 10 (headless backend, --use-pixman: without it nothing is drawn),
 *                desktop-shell without a panel. Ready once a client sees its output.
 *                Screenshots through weston-screenshooter (needs --debug). It has no seat.
 *   startCage    cage 0.1.4 (wlroots 0.15 headless, pixman), the kiosk compositor of many Pi
 *                panels: one output of wlroots' headless size (1280x720; cage cannot set a mode),
 *                every window maximized on it. Like sway it refuses root, so it runs as nobody;
 *                it starts only with Xwayland installed. Its application is a watcher that
 *                leaves once cage is gone (cage does not end its application). Ready once a
 *                client sees its output. Screenshots through grim; no virtual input protocols.
 *
 * `stop()` ends the compositor by PID (SIGTERM, SIGKILL after 2 s) and removes its folder.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { decodePng, parsePpm, type Image } from './images.js';
import { probeCompositor, type WaylandEnv } from './injector.js';
import { describeExit, launch, waitFor, type Launched } from './processes.js';
import { createRuntimeDir, writeBlankCursorTheme, type RuntimeDir } from './runtime-dir.js';

const run = promisify(execFile);
const READY_TIMEOUT_MS = 10_000;
const SWAY_OUTPUT = 'HEADLESS-1';

export interface CompositorOptions {
  width: number;
  height: number;
  /** sway only: the output's scale (default 1). */
  scale?: number;
  /** sway only: its debug flags (`-D`), e.g. `txn-timeout=60000`. */
  swayDebug?: readonly string[];
}

export interface Compositor {
  readonly kind: 'sway' | 'weston' | 'cage';
  /** What a client needs to connect: pass it to child processes, or copy it into process.env. */
  readonly env: WaylandEnv;
  readonly pid: number;
  readonly runtimeDir: string;
  readonly process: Launched;
  /** The whole output as the compositor shows it. */
  screenshot(): Promise<Image>;
  /** SIGKILL by PID, as a crash would end it; resolves once it has exited (stop() still cleans up). */
  crash(): Promise<void>;
  /** Ends the compositor and removes its runtime folder. */
  stop(): Promise<void>;
}

export interface Sway extends Compositor {
  readonly kind: 'sway';
  /** Runs swaymsg against this sway; resolves with its stdout. */
  swaymsg(args: readonly string[]): Promise<string>;
  /** Gives the output a new mode and waits until sway reports it. */
  resizeOutput(width: number, height: number): Promise<void>;
}

const isRoot = () => process.getuid?.() === 0;

/** The environment a compositor starts in: none of the caller's display variables. */
function compositorEnv(dir: RuntimeDir, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_RUNTIME_DIR: dir.path, HOME: dir.path, ...extra };
  for (const name of ['WAYLAND_DISPLAY', 'WAYLAND_SOCKET', 'DISPLAY', 'SWAYSOCK', 'I3SOCK']) delete env[name];
  return env;
}

async function crash(p: Launched): Promise<void> {
  if (!p.done) process.kill(p.pid, 'SIGKILL');
  await p.exited;
}

async function stopAndClean(p: Launched, dir: RuntimeDir): Promise<void> {
  try {
    await p.stop(2000);
  } finally {
    dir.remove();
  }
}

/** Starts sway on a headless output of the given size; see the top of this file. */
export async function startSway(options: CompositorOptions): Promise<Sway> {
  const { width, height, scale = 1, swayDebug = [] } = options;
  const dir = createRuntimeDir('planar-sway', isRoot());
  const cursor = writeBlankCursorTheme(dir);
  const config = dir.write('config', [
    'xwayland disable',
    `output ${SWAY_OUTPUT} resolution ${width}x${height} position 0 0 scale ${scale}`,
    'default_border none',
    'default_floating_border none',
    'focus_follows_mouse no',
    `seat seat0 xcursor_theme ${cursor.XCURSOR_THEME} ${cursor.XCURSOR_SIZE}`,
    '',
  ].join('\n'));
  const env = compositorEnv(dir, { ...cursor, WLR_BACKENDS: 'headless', WLR_LIBINPUT_NO_DEVICES: '1', WLR_RENDERER: 'pixman' });
  const swayArgs = ['-c', config, ...swayDebug.flatMap((flag) => ['-D', flag])];
  const [command, args] = isRoot()
    ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'sway', ...swayArgs]]
    : ['sway', swayArgs];
  const p = launch('sway', command, args as string[], { env, cwd: dir.path });

  try {
    const socket = await waitFor('sway\'s Wayland socket', () => waylandSocketIn(dir.path), { process: p, timeoutMs: READY_TIMEOUT_MS });
    const ipc = await waitFor('sway\'s IPC socket', () => readdirSync(dir.path).find((f) => /^sway-ipc\..*\.sock$/.test(f)), { process: p, timeoutMs: READY_TIMEOUT_MS });
    const ipcPath = path.join(dir.path, ipc);
    const swaymsg = async (msgArgs: readonly string[]): Promise<string> => {
      try {
        return (await run('swaymsg', ['-s', ipcPath, ...msgArgs], { encoding: 'utf8', timeout: 5000 })).stdout;
      } catch (error) {
        const e = error as { stderr?: string; stdout?: string; message: string };
        throw new Error(`swaymsg ${msgArgs.join(' ')} failed: ${(e.stderr || e.stdout || e.message).trim()}`);
      }
    };
    const outputIs = async (w: number, h: number) => {
      const outputs = JSON.parse(await swaymsg(['-t', 'get_outputs', '-r'])) as { name: string; current_mode?: { width: number; height: number } }[];
      const out = outputs.find((o) => o.name === SWAY_OUTPUT);
      return out?.current_mode?.width === w && out.current_mode.height === h;
    };
    await waitFor(`sway's output ${SWAY_OUTPUT} at ${width}x${height}`, () => outputIs(width, height), { process: p, timeoutMs: READY_TIMEOUT_MS });
    const clientEnv: WaylandEnv = { WAYLAND_DISPLAY: socket, XDG_RUNTIME_DIR: dir.path };
    return {
      kind: 'sway',
      env: clientEnv,
      pid: p.pid,
      runtimeDir: dir.path,
      process: p,
      swaymsg,
      async resizeOutput(w, h) {
        await swaymsg(['output', SWAY_OUTPUT, 'resolution', `${w}x${h}`]);
        await waitFor(`sway's output ${SWAY_OUTPUT} to become ${w}x${h}`, () => outputIs(w, h), { process: p });
      },
      screenshot: () => grim(clientEnv, p),
      crash: () => crash(p),
      stop: () => stopAndClean(p, dir),
    };
  } catch (error) {
    await stopAndClean(p, dir);
    throw error;
  }
}

/** The name of the Wayland socket a compositor made in `dir`, if any. */
function waylandSocketIn(dir: string): string | undefined {
  return readdirSync(dir).find((f) => /^wayland-\d+$/.test(f));
}

async function grim(env: WaylandEnv, compositor: Launched): Promise<Image> {
  try {
    const { stdout } = await run('grim', ['-t', 'ppm', '-'], { encoding: 'buffer', env: { ...process.env, ...env }, maxBuffer: 256 << 20, timeout: 10_000 });
    return parsePpm(stdout);
  } catch (error) {
    const e = error as { stderr?: Buffer; message: string };
    const why = e.stderr?.toString().trim() || e.message;
    const state = compositor.done ? `; ${describeExit(compositor, await compositor.exited)}` : '';
    throw new Error(`grim could not take a screenshot: ${why}${state}`);
  }
}

/** Starts weston on a headless output of the given size; see the top of this file. */
export async function startWeston(options: CompositorOptions): Promise<Compositor> {
  const { width, height } = options;
  const dir = createRuntimeDir('planar-weston', false);
  const config = dir.write('weston.ini', [
    '[core]', 'shell=desktop-shell.so', 'idle-time=0', '',
    '[shell]', 'panel-position=none', 'background-color=0xff000000', 'locking=false', '',
  ].join('\n'));
  const socket = `planar-weston-${randomBytes(3).toString('hex')}`;
  const env = compositorEnv(dir, writeBlankCursorTheme(dir));
  const p = launch('weston', 'weston', [
    '--backend=headless-backend.so', `--width=${width}`, `--height=${height}`, '--use-pixman',
    `--socket=${socket}`, '--idle-time=0', '--debug', `--config=${config}`,
  ], { env, cwd: dir.path });
  const clientEnv: WaylandEnv = { WAYLAND_DISPLAY: socket, XDG_RUNTIME_DIR: dir.path };
  try {
    await waitFor('weston\'s Wayland socket', () => existsSync(path.join(dir.path, socket)), { process: p, timeoutMs: READY_TIMEOUT_MS });
    await waitFor(`weston's output at ${width}x${height}`, async () => {
      const { outputs } = await probeCompositor(clientEnv);
      return outputs.some((o) => o.width === width && o.height === height);
    }, { process: p, timeoutMs: READY_TIMEOUT_MS, intervalMs: 50 });
  } catch (error) {
    await stopAndClean(p, dir);
    throw error;
  }
  return {
    kind: 'weston',
    env: clientEnv,
    pid: p.pid,
    runtimeDir: dir.path,
    process: p,
    screenshot: () => westonScreenshot(clientEnv, dir, p),
    crash: () => crash(p),
    stop: () => stopAndClean(p, dir),
  };
}

/** weston-screenshooter writes wayland-screenshot-<time>.png into its working folder. */
async function westonScreenshot(env: WaylandEnv, dir: RuntimeDir, compositor: Launched): Promise<Image> {
  const shots = path.join(dir.path, `shots-${randomBytes(3).toString('hex')}`);
  mkdirSync(shots);
  try {
    await run('weston-screenshooter', [], { cwd: shots, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 10_000 });
    const file = readdirSync(shots).find((f) => f.endsWith('.png'));
    if (!file) throw new Error('it exited without writing a PNG');
    return decodePng(readFileSync(path.join(shots, file)));
  } catch (error) {
    const e = error as { stderr?: string; code?: string; message: string };
    const why = e.code === 'ENOENT' ? 'weston-screenshooter is not installed (it comes with the weston package)' : (e.stderr?.trim() || e.message);
    const state = compositor.done ? `; ${describeExit(compositor, await compositor.exited)}` : '';
    throw new Error(`weston could not take a screenshot: ${why}${state}`);
  } finally {
    rmSync(shots, { recursive: true, force: true });
  }
}

/** Starts cage on its headless output; see the top of this file. */
export async function startCage(): Promise<Compositor> {
  const dir = createRuntimeDir('planar-cage', isRoot());
  const env = compositorEnv(dir, { ...writeBlankCursorTheme(dir), WLR_BACKENDS: 'headless', WLR_LIBINPUT_NO_DEVICES: '1', WLR_RENDERER: 'pixman' });
  // cage runs one application and ends with it; this one ends once cage has gone.
  const watcher = ['sh', '-c', 'while kill -0 "$PPID" 2>/dev/null; do sleep 0.5; done'];
  const [command, args] = isRoot()
    ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'cage', '-d', '--', ...watcher]]
    : ['cage', ['-d', '--', ...watcher]];
  const p = launch('cage', command, args as string[], { env, cwd: dir.path });
  try {
    const socket = await waitFor('cage\'s Wayland socket', () => waylandSocketIn(dir.path), { process: p, timeoutMs: READY_TIMEOUT_MS });
    const clientEnv: WaylandEnv = { WAYLAND_DISPLAY: socket, XDG_RUNTIME_DIR: dir.path };
    await waitFor('cage\'s output', async () => (await probeCompositor(clientEnv)).outputs.some((o) => o.width > 0), { process: p, timeoutMs: READY_TIMEOUT_MS, intervalMs: 50 });
    return {
      kind: 'cage',
      env: clientEnv,
      pid: p.pid,
      runtimeDir: dir.path,
      process: p,
      screenshot: () => grim(clientEnv, p),
      crash: () => crash(p),
      stop: () => stopAndClean(p, dir),
    };
  } catch (error) {
    await stopAndClean(p, dir);
    throw error;
  }
}
