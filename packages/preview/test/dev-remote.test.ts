/**
 * The commands `planar dev --device` runs on the device, run here with `sh` in a temp folder:
 * hostile folder names stay names, and stopping a run signals only the app's own process.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { remoteDirWord, RUN_MARKER, startCommand, stopCommand, unpackCommand } from '../src/dev/remote.js';

let home = '';
const children: ChildProcess[] = [];

beforeAll(() => { home = mkdtempSync(path.join(tmpdir(), 'planar-remote-')); });
afterAll(() => rmSync(home, { recursive: true, force: true }));
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/**
 * Runs a remote command as the device's login shell would, with `home` as the home folder.
 * Not spawnSync: this process must stay free to reap the children the command stops.
 */
function sh(command: string, input?: Buffer): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', command], { cwd: home, env: { ...process.env, HOME: home }, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.stdin.end(input);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function dead(child: ChildProcess, timeoutMs = 10000): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => { clearTimeout(timer); resolve(true); });
  });
}

/** A long-running node process; `marked` puts the run marker on its command line. */
function nodeProcess(marked: boolean, ignoreTerm = false): ChildProcess {
  const code = `${ignoreTerm ? "process.on('SIGTERM', () => {});" : ''} setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', code, ...(marked ? ['auto', RUN_MARKER] : [])], { stdio: 'ignore' });
  children.push(child);
  return child;
}

describe('remote folder names', () => {
  it.each([
    ['command-substitution', '$(touch pwned)'],
    ['quote-and-semicolon', "a'; touch pwned; echo '"],
    ['backticks-and-spaces', 'my app `touch pwned`'],
    ['leading-dash', '-rf'],
  ])('%s: the build lands in a folder of exactly that name, and nothing else runs', async (_name, dir) => {
    const tar = spawnSync('tar', ['-c', '-C', path.join(__dirname), 'dev-remote.test.ts']);
    const unpacked = await sh(unpackCommand(remoteDirWord(dir)), tar.stdout);
    expect(unpacked.stderr).toBe('');
    expect(unpacked.status).toBe(0);
    expect(existsSync(path.join(home, dir, '.planar-dev/dev-remote.test.ts'))).toBe(true);
    expect(readdirSync(home)).not.toContain('pwned');
    expect(existsSync(path.join(home, dir, 'pwned'))).toBe(false);
    rmSync(path.join(home, dir), { recursive: true });
  });

  it('home: ~/x is in the home folder, with the rest quoted', () => {
    expect(remoteDirWord('~/my app')).toBe("~/'my app'");
    expect(remoteDirWord('~')).toBe('~');
    expect(remoteDirWord('/srv/panel')).toBe('/srv/panel');
  });

  it('backend: a hostile backend name is one quoted argument', () => {
    expect(startCommand('d', "kms; touch pwned")).toContain("'kms; touch pwned'");
  });

  it('missing-folder: starting in a folder that is not there exits 97', async () => {
    expect((await sh(startCommand(remoteDirWord('not-there'), 'auto'))).status).toBe(97);
  });
});

describe.skipIf(!existsSync('/proc/self/cmdline'))('stopping the previous run', () => {
  const folder = () => {
    const dir = mkdtempSync(path.join(home, 'app-'));
    mkdirSync(path.join(dir, '.planar-dev'));
    return dir;
  };

  it('app-running: the app named by the pid file is stopped and the pid file removed', async () => {
    const dir = folder();
    const app = nodeProcess(true);
    writeFileSync(path.join(dir, '.planar-dev.pid'), `${app.pid}\n`);
    expect((await sh(stopCommand(remoteDirWord(dir)))).status).toBe(0);
    expect(await dead(app)).toBe(true);
    expect(existsSync(path.join(dir, '.planar-dev.pid'))).toBe(false);
  });

  it('pid-reused: a process that is not the app, under the old pid, is left alone', async () => {
    const dir = folder();
    const stranger = nodeProcess(false);
    writeFileSync(path.join(dir, '.planar-dev.pid'), `${stranger.pid}\n`);
    expect((await sh(stopCommand(remoteDirWord(dir)))).status).toBe(0);
    expect(await dead(stranger, 500)).toBe(false);
    expect(alive(stranger.pid!)).toBe(true);
  });

  it('stale-pid: a pid with no process behind it is no error', async () => {
    const dir = folder();
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)']).stdout.toString().trim();
    writeFileSync(path.join(dir, '.planar-dev.pid'), `${gone}\n`);
    const stopped = await sh(stopCommand(remoteDirWord(dir)));
    expect(stopped.status).toBe(0);
    expect(stopped.stderr).toBe('');
  });

  it('app-ignores-sigterm: an app that will not stop is killed after its grace time', async () => {
    const dir = folder();
    const app = nodeProcess(true, true);
    await new Promise((r) => setTimeout(r, 300)); // let it install its SIGTERM handler
    writeFileSync(path.join(dir, '.planar-dev.pid'), `${app.pid}\n`);
    await sh(stopCommand(remoteDirWord(dir)));
    expect(await dead(app)).toBe(true);
    expect(app.signalCode).toBe('SIGKILL');
  }, 20000);
});
