/**
 * A headless sway for benches: wlroots' headless backend with the pixman renderer, one output
 * of the asked size at 0,0, no borders, no Xwayland, in a fresh XDG_RUNTIME_DIR of its own.
 * sway refuses to run as root, so under root it runs as nobody (uid/gid 65534) through setpriv
 * and the runtime folder is handed to that user; root clients still connect.
 *
 *   const sway = await startSway({ width: 800, height: 480 });
 *   spawn(node, [...], { env: { ...process.env, ...sway.env } });
 *   await sway.stop();
 *
 * Ready once its IPC reports the output in the asked mode. `swayMissing()` says why sway cannot
 * run here (null when it can).
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const NOBODY = 65534;
const OUTPUT = 'HEADLESS-1';
const READY_TIMEOUT_MS = 10_000;
export const SWAY_INSTALL = 'apt-get install -y --no-install-recommends sway';

const isRoot = () => process.getuid?.() === 0;
const found = (command) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** Why sway cannot be started here, or null. */
export function swayMissing() {
  if (process.platform !== 'linux') return 'sway runs on Linux only';
  for (const command of ['sway', 'swaymsg', ...(isRoot() ? ['setpriv'] : [])]) {
    if (!found(command)) return `${command} is not installed (${SWAY_INSTALL})`;
  }
  return null;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts sway; resolves once its output has the asked size. */
export async function startSway({ width, height }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'planar-bench-sway-'));
  chmodSync(dir, 0o700);
  const config = path.join(dir, 'config');
  writeFileSync(config, [
    'xwayland disable',
    `output ${OUTPUT} resolution ${width}x${height} position 0 0 scale 1`,
    'default_border none',
    'default_floating_border none',
    'focus_follows_mouse no',
    '',
  ].join('\n'));
  if (isRoot()) {
    chownSync(dir, NOBODY, NOBODY);
    chownSync(config, NOBODY, NOBODY);
  }
  const env = { ...process.env, XDG_RUNTIME_DIR: dir, HOME: dir, WLR_BACKENDS: 'headless', WLR_LIBINPUT_NO_DEVICES: '1', WLR_RENDERER: 'pixman' };
  for (const name of ['WAYLAND_DISPLAY', 'WAYLAND_SOCKET', 'DISPLAY', 'SWAYSOCK', 'I3SOCK']) delete env[name];
  const [command, args] = isRoot()
    ? ['setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', 'sway', '-c', config]]
    : ['sway', ['-c', config]];
  const child = spawn(command, args, { env, cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => (log = (log + d).slice(-4000)));
  let exited = null;
  const gone = new Promise((resolve) => child.on('exit', (code, signal) => {
    exited = signal ?? code;
    resolve();
  }));

  const stop = async () => {
    if (exited === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => exited === null && child.kill('SIGKILL'), 2000);
      await gone;
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let socket, ipc;
    for (;;) {
      if (exited !== null) throw new Error(`sway exited (${exited}) before it was ready:\n${log}`);
      if (Date.now() > deadline) throw new Error(`sway was not ready after ${READY_TIMEOUT_MS} ms:\n${log}`);
      const files = readdirSync(dir);
      socket ??= files.find((f) => /^wayland-\d+$/.test(f));
      ipc ??= files.find((f) => /^sway-ipc\..*\.sock$/.test(f));
      if (socket && ipc && outputReady(path.join(dir, ipc), width, height)) break;
      await sleep(20);
    }
    return { pid: child.pid, env: { WAYLAND_DISPLAY: socket, XDG_RUNTIME_DIR: dir }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function outputReady(ipc, width, height) {
  if (!existsSync(ipc)) return false;
  try {
    const outputs = JSON.parse(execFileSync('swaymsg', ['-s', ipc, '-t', 'get_outputs', '-r'], { encoding: 'utf8', timeout: 5000 }));
    const mode = outputs.find((o) => o.name === OUTPUT)?.current_mode;
    return mode?.width === width && mode?.height === height;
  } catch {
    return false;
  }
}
