#!/usr/bin/env node
/**
 * Runs a command as root in a throw-away qemu VM whose kernel has the vkms virtual KMS driver,
 * so that /dev/dri/card0 is a real kernel DRM device. The KMS end-to-end tests run all their
 * checks in one such boot (each boot costs seconds).
 *
 *   1. prepareVm() (vm-image.mjs) picks the newest kernel in /boot that has its modules, and
 *      builds once (the emulator and kernel follow the host's architecture: vm-arch.mjs), into ${XDG_CACHE_HOME:-~/.cache}/planar/vkms/<kernel ABI>/: vkms.ko (out of
 *      tree from linux-source, with a writeback fix), the uncompressed vmlinux (boots through
 *      its PVH entry, faster than the bzImage) and a busybox initramfs with guest-init.sh as
 *      /init. Each file's name holds a hash of its recipe and inputs, so edits rebuild it.
 *   2. runInVm() writes the run's settings, the command as a bash script and the list of
 *      read-write folders into a fresh transfer folder, and starts qemu: TCG (this machine's
 *      /dev/kvm cannot boot a stock kernel), no devices but the serial console (to a file)
 *      and virtio-9p shares: the host's / read-only, the transfer folder, the rw folders.
 *   3. In the guest, /init mounts the host's / under an overlay with a tmpfs on top (the guest
 *      may write anywhere; only the rw folders keep what it writes), mounts the rw folders at
 *      their own paths, loads drm, drm_kms_helper (fbdev emulation off) and vkms.ko, waits for
 *      /dev/dri/card0, optionally loads more modules and starts the host's systemd-udevd, then
 *      runs the command with the host's bash in the chroot (so host binaries, node and built
 *      .node addons run unchanged), stdin /dev/null, in the same working directory.
 *   4. /init writes the command's stdout, stderr and then its exit status into the transfer
 *      folder and powers off; qemu exits. No status means the VM failed: the error carries the
 *      qemu output and the guest console. qemu is killed by PID on timeout or abort, and on the
 *      exit of this process.
 *
 * CLI: node test/kms/vm.mjs [--udev] [--module NAME]... [--verbose] -- COMMAND [ARGS...]
 *      node test/kms/vm.mjs --setup
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareVm } from './vm-image.mjs';
import { kernelCmdline, vmArch } from './vm-arch.mjs';

export { prepareVm };

export const DEFAULT_VKMS_PARAMS = 'enable_overlay=1 enable_cursor=1 enable_writeback=1';

/** Host variables that would point guest programs at the host's display servers. */
const NOT_FORWARDED = new Set(['DISPLAY', 'WAYLAND_DISPLAY', 'XDG_RUNTIME_DIR', 'PWD', 'OLDPWD', 'SHLVL', '_']);
// The emulator, machine, console and kernel parameters of this host's architecture (vm-arch.mjs).
// On x86_64, tsc=reliable: under TCG the kernel finds the vCPUs' TSCs unsynchronized and falls
// back to the HPET, which makes every clock_gettime() a trap (performance.now() ~3.5x slower).
const ARCH = vmArch();
const TAIL_LINES = 40;

/** PIDs of running qemu processes, killed if this process exits first. */
const running = new Set();
process.once('exit', () => {
  for (const pid of running) try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
});

/**
 * @typedef {import('./vm-image.mjs').VmImage} VmImage
 * @typedef {{
 *   command: string[], cwd?: string, env?: Record<string, string>, rwDirs?: string[], vkmsParams?: string,
 *   udev?: boolean, modules?: string[], timeoutMs?: number, memoryMb?: number, cpus?: number, signal?: AbortSignal,
 * }} RunOptions
 * @typedef {{ status: number, stdout: string, stderr: string, console: string, wallMs: number }} RunResult
 */

/**
 * Boots the VM, runs `options.command` in it and returns what it printed and its exit status.
 * Rejects when the guest gives no status (VM failure or timeout) or on abort.
 * @param {VmImage} image @param {RunOptions} options @returns {Promise<RunResult>}
 */
export async function runInVm(image, options) {
  const { command, vkmsParams = DEFAULT_VKMS_PARAMS, udev = false, modules = [], signal } = options;
  // One vCPU by default: with two under multi-threaded TCG, Node crashed now and then inside V8's
  // wasm code (a failed code lookup during tier-up, or a wasm "memory access out of bounds") —
  // 6 of 18 runs of the demo, whatever the CPU model, PKU or AVX; 0 of 6 with one vCPU.
  const { timeoutMs = 300_000, memoryMb = 1024, cpus = 1 } = options;
  if (!Array.isArray(command) || command.length === 0) throw new TypeError('runInVm: command must be a non-empty array');
  for (const name of modules) if (!/^[\w-]+$/.test(name)) throw new TypeError(`runInVm: bad module name ${JSON.stringify(name)}`);
  signal?.throwIfAborted();
  const cwd = await realpath(options.cwd ?? process.cwd());
  const rwDirs = await sharedDirs(options.rwDirs ?? [cwd]);

  const runDir = await mkdtemp(path.join(os.tmpdir(), 'planar-vm-'));
  try {
    const share = path.join(runDir, 'share');
    await mkdir(share);
    const settings = { VKMS_KO: image.vkmsKo, VKMS_PARAMS: vkmsParams, MODULES: modules.join(' '), UDEV: udev ? '1' : '0' };
    await writeFile(path.join(share, 'vm.conf'), Object.entries(settings).map(([k, v]) => `${k}=${shellQuote(v)}\n`).join(''));
    await writeFile(path.join(share, 'rw-dirs'), rwDirs.map((d) => `${d}\n`).join(''));
    await writeFile(path.join(share, 'command.sh'), commandScript({ command, cwd, env: options.env ?? {}, udev, image }));

    const consoleLog = path.join(runDir, 'console.log');
    const args = [
      '-accel', 'tcg,thread=multi', ...ARCH.machine, '-m', String(memoryMb), '-smp', String(cpus),
      '-nodefaults', '-no-user-config', '-display', 'none', '-monitor', 'none', '-no-reboot',
      '-chardev', `file,id=console,path=${qemuEscape(consoleLog)}`, '-serial', 'chardev:console',
      '-kernel', image.kernel, '-initrd', image.initrd, '-append', kernelCmdline(ARCH),
      ...virtfs('hostroot', '/', ',readonly=on'),
      ...virtfs('share', share, ''),
      ...rwDirs.flatMap((dir, i) => virtfs(`rw${i}`, dir, '')),
    ];
    const qemu = await runQemu(args, timeoutMs, signal);

    const read = (/** @type {string} */ name) => readFile(path.join(share, name), 'utf8').catch(() => null);
    const [status, stdout, stderr, initError] = await Promise.all(['status', 'stdout', 'stderr', 'init-error'].map(read));
    const guestConsole = (await readFile(consoleLog, 'utf8').catch(() => '')).replace(/\r\n/g, '\n');
    if (qemu.aborted) throw signal?.reason ?? new Error('aborted');
    if (status === null || !/^\d+\s*$/.test(status)) {
      const why = qemu.timedOut ? `timed out after ${timeoutMs / 1000} s`
        : `qemu exited with ${qemu.signal ? `signal ${qemu.signal}` : `code ${qemu.code}`}`;
      throw new Error([
        `The vkms VM gave no exit status for \`${command.join(' ')}\` (${why}).`,
        ...(initError ? [`Guest init failed: ${initError.trim()}`] : []),
        '--- qemu output (tail) ---', tail(qemu.output) || '(none)',
        '--- guest console (tail) ---', tail(guestConsole) || '(empty)',
      ].join('\n'));
    }
    return { status: Number(status), stdout: stdout ?? '', stderr: stderr ?? '', console: guestConsole, wallMs: qemu.wallMs };
  } finally {
    await rm(runDir, { recursive: true, force: true });
  }
}

/**
 * Starts qemu and waits for it to exit, killing it by PID on timeout or abort.
 * @param {string[]} args @param {number} timeoutMs @param {AbortSignal | undefined} signal
 */
function runQemu(args, timeoutMs, signal) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(ARCH.qemu, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '', timedOut = false, aborted = false;
    const keep = (/** @type {string} */ chunk) => { output = (output + chunk).slice(-16384); };
    child.stdout.setEncoding('utf8').on('data', keep);
    child.stderr.setEncoding('utf8').on('data', keep);
    const kill = () => {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      process.kill(child.pid, 'SIGTERM');
      setTimeout(() => { if (child.exitCode === null && child.signalCode === null) process.kill(/** @type {number} */ (child.pid), 'SIGKILL'); }, 3000).unref();
    };
    const timer = setTimeout(() => { timedOut = true; kill(); }, timeoutMs);
    const onAbort = () => { aborted = true; kill(); };
    signal?.addEventListener('abort', onAbort, { once: true });
    if (child.pid !== undefined) running.add(child.pid);
    child.on('error', (error) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      reject(new Error(`could not start ${ARCH.qemu}: ${error.message} (run \`node test/kms/vm.mjs --setup\`)`));
    });
    child.on('close', (code, exitSignal) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      running.delete(child.pid);
      resolve({ code, signal: exitSignal, output, timedOut, aborted, wallMs: Math.round(performance.now() - started) });
    });
  });
}

/**
 * The bash script the guest runs: the environment, the working directory, then the command.
 * @param {{ command: string[], cwd: string, env: Record<string, string>, udev: boolean, image: VmImage }} run
 */
function commandScript({ command, cwd, env, udev, image }) {
  /** @type {Record<string, string | undefined>} */
  const vars = {};
  for (const [name, value] of Object.entries(process.env)) if (!NOT_FORWARDED.has(name)) vars[name] = value;
  Object.assign(vars, env, { PLANAR_VM: '1', PLANAR_VKMS_KO: image.vkmsKo }, udev ? { SYSTEMD_IGNORE_CHROOT: '1' } : {});
  const lines = ['# Written by test/kms/vm.mjs; run by the guest\'s /init.'];
  for (const [name, value] of Object.entries(vars)) {
    if (value !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) lines.push(`export ${name}=${shellQuote(value)}`);
  }
  lines.push(
    'export PATH="${PATH:-/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin}" HOME="${HOME:-/root}"',
    `cd ${shellQuote(cwd)} || exit 125`,
    `exec ${command.map(shellQuote).join(' ')}`,
  );
  return `${lines.join('\n')}\n`;
}

/** Real paths of the folders to share read-write, parents before children. @param {string[]} dirs */
async function sharedDirs(dirs) {
  const resolved = new Set();
  for (const dir of dirs) {
    const real = await realpath(dir);
    if (real === '/') throw new Error('runInVm: refusing to share / read-write');
    if (real.includes('\n')) throw new Error(`runInVm: cannot share a path with a newline: ${JSON.stringify(real)}`);
    resolved.add(real);
  }
  return [...resolved].sort((a, b) => a.length - b.length);
}

/** @param {string} tag @param {string} dir @param {string} extra */
function virtfs(tag, dir, extra) {
  return ['-virtfs', `local,path=${qemuEscape(dir)},mount_tag=${tag},security_model=none,multidevs=remap${extra}`];
}

/** qemu option values escape a comma by doubling it. @param {string} value */
function qemuEscape(value) {
  return value.replaceAll(',', ',,');
}

/** @param {string} value */
function shellQuote(value) {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/** @param {string} text */
function tail(text) {
  return text.trimEnd().split('\n').slice(-TAIL_LINES).join('\n');
}

// ---------------------------------------------------------------------------------------------
// CLI.

async function main(/** @type {string[]} */ argv) {
  const usage = 'usage: node test/kms/vm.mjs [--udev] [--module NAME]... [--verbose] -- COMMAND [ARGS...]\n' +
    '       node test/kms/vm.mjs --setup';
  let setup = false, udev = false, verbose = false;
  /** @type {string[]} */
  const modules = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') { i++; break; }
    if (arg === '--setup') setup = true;
    else if (arg === '--udev') udev = true;
    else if (arg === '--verbose' || arg === '-v') verbose = true;
    else if (arg === '--module' && i + 1 < argv.length) modules.push(argv[++i]);
    else if (arg.startsWith('--module=')) modules.push(arg.slice('--module='.length));
    else if (arg.startsWith('-')) return fail(`unknown option ${arg}\n${usage}`, 2);
    else break;
  }
  const command = argv.slice(i);
  if (!setup && command.length === 0) return fail(usage, 2);
  if (setup && command.length > 0) return fail(`--setup takes no command\n${usage}`, 2);

  const image = await prepareVm({ log: (message) => console.error(`vm: ${message}`) });
  if (setup) return 0;
  const controller = new AbortController();
  for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.once(sig, () => controller.abort());
  const result = await runInVm(image, { command, udev, modules, signal: controller.signal });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  if (verbose) {
    const steps = [...result.console.matchAll(/^planar-vm: (\w+) ([\d.]+)$/gm)].map((m) => `${m[1]} ${m[2]} s`);
    console.error(`vm: wall ${(result.wallMs / 1000).toFixed(2)} s, exit status ${result.status}; guest uptime at ${steps.join(', ')}`);
  }
  return result.status;
}

/** @param {string} message @param {number} code */
function fail(message, code) {
  console.error(message);
  return code;
}

const invokedAsScript = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedAsScript) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error) => {
    console.error(error?.name === 'AbortError' ? 'vm: interrupted' : `vm: ${error?.message ?? error}`);
    process.exitCode = error?.name === 'AbortError' ? 130 : 125;
  });
}
