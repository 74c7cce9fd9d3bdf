/**
 * `planar dev --device` end to end, against an ssh server of the test's own on 127.0.0.1: a
 * throwaway host key and client key made in a temp folder, a temp sshd_config, and
 * `sshd -D -e -f` on a free port. Never a real host. The "device" folder has the app's
 * dependencies installed (the toolkit linked), as a panel would after `npm install`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, createConnection } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PLANAR = path.join(REPO, 'packages/preview/dist/cli/planar.js');
const SSHD = '/usr/sbin/sshd';

function missingReason(): string | null {
  if (!existsSync(SSHD)) return `${SSHD} is not installed (apt-get install openssh-server; node scripts/setup.mjs --wayland-e2e does it as root)`;
  for (const tool of ['ssh', 'ssh-keygen', 'tar']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `${tool} is not installed`;
  }
  return null;
}

const missing = missingReason();
if (missing && process.env.PLANAR_E2E === 'required') throw new Error(`planar dev --device: ${missing} (PLANAR_E2E=required, so this suite may not be skipped)`);
if (missing) console.warn(`planar dev --device: skipped: ${missing}`);

const main = (words: string) => `import { Text, View } from '@planar/toolkit';
console.log('the app says: ${words}');
export default function Root() {
  return <View style={{ padding: 16 }}><Text>${words}</Text></View>;
}
`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Starts sshd on a port that was free a moment ago. Another program may take the port in
 * between, so sshd counts as started only when it is still running and its own log says it
 * listens on that port; when its bind fails it exits, and another port is tried.
 */
async function startSshd(configFor: (port: number) => string): Promise<{ sshd: ChildProcess; port: number }> {
  let log = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    writeFileSync(path.join(dir, 'sshd_config'), configFor(port));
    const child = spawn(SSHD, ['-D', '-e', '-f', path.join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
    log = '';
    child.stderr!.on('data', (c: Buffer) => { log += c.toString(); });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const end = Date.now() + 10000;
    while (child.exitCode === null && child.signalCode === null && !log.includes(`Server listening on 127.0.0.1 port ${port}.`) && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 50));
    }
    if (child.exitCode === null && child.signalCode === null && log.includes(`Server listening on 127.0.0.1 port ${port}.`)) return { sshd: child, port };
    child.kill('SIGKILL');
    await exited;
    if (!/Bind to port .* failed|Cannot bind any address/.test(log)) break;
  }
  throw new Error(`sshd did not start listening:\n${log}`);
}

/** A port nothing listens on, checked by connecting to it (refused) just before it is used. */
async function closedPort(): Promise<number> {
  for (;;) {
    const port = await freePort();
    const refused = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' }, () => { socket.destroy(); resolve(false); });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
    });
    if (refused) return port;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs planar with `args` in `cwd`, collecting its output. */
function planar(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(process.execPath, [PLANAR, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { text: '' };
  child.stdout!.on('data', (c: Buffer) => { output.text += c.toString(); });
  child.stderr!.on('data', (c: Buffer) => { output.text += c.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output, exited };
}

async function until(what: string, ok: () => boolean, output: { text: string }, timeoutMs = 30000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; planar printed:\n${output.text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let dir = '';
let port = 0;
let sshd: ChildProcess | null = null;
const user = userInfo().username;

describe.skipIf(missing !== null)(`planar dev --device over ssh${missing ? ` (skipped: ${missing})` : ''}`, () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'planar-device-'));
    for (const key of ['host_key', 'client_key', 'stranger_key']) {
      const made = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'planar-test', '-f', path.join(dir, key)]);
      if (made.status !== 0) throw new Error(`ssh-keygen failed: ${made.stderr}`);
    }
    writeFileSync(path.join(dir, 'authorized_keys'), readFileSync(path.join(dir, 'client_key.pub')));
    // sshd insists on its privilege separation folder, which the package makes only at boot.
    if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
    ({ sshd, port } = await startSshd((p) => [
      `Port ${p}`, 'ListenAddress 127.0.0.1', `HostKey ${path.join(dir, 'host_key')}`,
      `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`, `PidFile ${path.join(dir, 'sshd.pid')}`,
      'StrictModes no', 'UsePAM no', 'PasswordAuthentication no', 'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes', 'PermitRootLogin prohibit-password', `SetEnv PATH=${path.dirname(process.execPath)}:/usr/bin:/bin`, '',
    ].join('\n')));

    for (const folder of ['project', 'device']) {
      mkdirSync(path.join(dir, folder, 'node_modules/@planar'), { recursive: true });
      symlinkSync(path.join(REPO, 'packages/toolkit'), path.join(dir, folder, 'node_modules/@planar/toolkit'));
    }
    mkdirSync(path.join(dir, 'project/src'));
    writeFileSync(path.join(dir, 'project/package.json'), JSON.stringify({ name: 'device-e2e', type: 'module', private: true }));
    writeFileSync(path.join(dir, 'project/src/main.tsx'), main('hello'));
  });

  afterAll(async () => {
    if (sshd?.pid && sshd.exitCode === null) {
      const exited = new Promise((r) => sshd!.once('exit', r));
      sshd.kill('SIGTERM');
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const sshFlags = (key: string) => [
    '--port', String(port), '--identity', path.join(dir, key),
    '--ssh-option', `UserKnownHostsFile=${path.join(dir, 'known_hosts')}`, '--ssh-option', 'StrictHostKeyChecking=accept-new',
  ];

  it('sends the build, streams the app\'s output back, and restarts the app after an edit', async () => {
    const run = planar(['dev', '--device', `${user}@127.0.0.1`, ...sshFlags('client_key'), '--remote-dir', path.join(dir, 'device'), '--backend=headless', 'src/main.tsx'], path.join(dir, 'project'));
    try {
      await until('the first run\'s output', () => run.output.text.includes('[device] the app says: hello'), run.output);
      await until('the app on the headless backend', () => /\[device\] planar dev: the app runs on the headless backend/.test(run.output.text), run.output);
      expect(existsSync(path.join(dir, 'device/.planar-dev/src/main.js'))).toBe(true);
      const firstPid = Number(readFileSync(path.join(dir, 'device/.planar-dev.pid'), 'utf8'));

      writeFileSync(path.join(dir, 'project/src/main.tsx'), main('edited'));
      await until('the restarted app\'s output', () => run.output.text.includes('[device] the app says: edited'), run.output);
      expect(readFileSync(path.join(dir, 'device/.planar-dev/src/main.js'), 'utf8')).toContain('edited');
      const secondPid = Number(readFileSync(path.join(dir, 'device/.planar-dev.pid'), 'utf8'));
      expect(secondPid).not.toBe(firstPid);
      expect(() => process.kill(firstPid, 0)).toThrow();

      // Ctrl+C here stops the app there.
      run.child.kill('SIGINT');
      expect(await run.exited).toBe(0);
      expect(existsSync(path.join(dir, 'device/.planar-dev.pid'))).toBe(false);
      await until('the app on the device to exit', () => !alive(secondPid), run.output, 5000);
    } finally {
      if (run.child.exitCode === null) {
        run.child.kill('SIGTERM');
        await run.exited;
      }
    }
  });

  it('reports a build that could not be packed whole, and does not start the app', async () => {
    // A tar here that packs nothing and fails: the device's tar unpacks the empty archive happily.
    const bin = path.join(dir, 'failing-tar');
    mkdirSync(bin, { recursive: true });
    writeFileSync(path.join(bin, 'tar'), '#!/bin/sh\n/usr/bin/tar -c -f - --files-from /dev/null\necho "tar: ./src/main.js: Read error: Input/output error" >&2\nexit 2\n', { mode: 0o755 });
    mkdirSync(path.join(dir, 'device-2'), { recursive: true });
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` };
    const run = planar(['dev', '--device', `${user}@127.0.0.1`, ...sshFlags('client_key'), '--remote-dir', path.join(dir, 'device-2'), '--backend=headless', 'src/main.tsx'], path.join(dir, 'project'), env);
    try {
      await until('the packing error', () => run.output.text.includes('failed (tar exit 2)'), run.output);
      expect(run.output.text).toContain('Read error: Input/output error');
      expect(run.output.text).not.toContain('[device]');
      expect(existsSync(path.join(dir, 'device-2/.planar-dev.pid'))).toBe(false);
    } finally {
      run.child.kill('SIGINT');
      await run.exited;
    }
  });

  it('says the key was refused, and what to do, when the device does not know the key', async () => {
    const run = planar(['dev', '--device', `${user}@127.0.0.1`, ...sshFlags('stranger_key'), '--backend=headless', 'src/main.tsx'], path.join(dir, 'project'));
    expect(await run.exited).toBe(1);
    expect(run.output.text).toContain('the device refused the key');
    expect(run.output.text).toContain('ssh-copy-id');
  });

  it('says the connection was refused when nothing listens on the port', async () => {
    const closed = await closedPort();
    const run = planar(['dev', '--device', `${user}@127.0.0.1`, '--port', String(closed), 'src/main.tsx'], path.join(dir, 'project'));
    expect(await run.exited).toBe(1);
    expect(run.output.text).toContain('refused the connection');
  });
});
