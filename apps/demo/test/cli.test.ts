import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareSnapshot } from '@planar/toolkit/testing';
import { registerBackend, type Backend } from '@planar/toolkit';
import { UsageError, helpText, parseArgs } from '../src/cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const main = path.join(root, 'dist', 'main.js');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'planar-demo-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs the demo with no display to find: no Wayland socket, and a DRM card path that names
 * nothing in a temp folder, so `auto` never opens a real card (or takes a seat) on a machine
 * that has one, and ends on headless.
 */
function cli(args: string[], cwd = root) {
  if (!existsSync(main)) throw new Error(`${main} is missing: build the demo first (npm run build)`);
  const env: NodeJS.ProcessEnv = { ...process.env, PLANAR_KMS_DEVICE: path.join(tempDir(), 'no-card'), PLANAR_SEAT_MANAGER: 'none' };
  delete env.WAYLAND_DISPLAY;
  delete env.WAYLAND_SOCKET;
  return spawnSync(process.execPath, [main, ...args], { cwd, encoding: 'utf8', env, timeout: 60_000 });
}

describe('planar-demo CLI', () => {
  it('writes a screenshot of the right size and exits 0', () => {
    const dir = tempDir();
    const file = path.join(dir, 'shot.png');
    const run = cli([`--screenshot=${file}`, '--freeze', '--size=480x272']);
    expect(run.status, run.stderr).toBe(0);
    expect(pngSize(file)).toEqual([480, 272]);
    expect(run.stdout).toContain(file);
  });

  it('with no --backend, falls back to headless, says why it passed over wayland and kms, and writes demo.png', () => {
    const dir = tempDir();
    const run = cli(['--freeze', '--size=480x272'], dir);
    expect(run.status, run.stderr).toBe(0);
    const said = run.stdout + run.stderr;
    expect(said).toMatch(/using the headless backend \(wayland: WAYLAND_DISPLAY is not set; kms: .+\)/);
    expect(said).toContain(`No display was found, so the panel was rendered headless to ${path.join(dir, 'demo.png')} (480x272).`);
    expect(pngSize(path.join(dir, 'demo.png'))).toEqual([480, 272]);
  });

  it('rotates the output', () => {
    const dir = tempDir();
    const file = path.join(dir, 'shot.png');
    const run = cli([`--screenshot=${file}`, '--freeze', '--size=480x272', '--rotation=90', '--backend=headless']);
    expect(run.status).toBe(0);
    expect(pngSize(file)).toEqual([272, 480]);
  });

  it('writes demo.png when there is no display', () => {
    const dir = tempDir();
    const run = cli(['--freeze', '--size=480x272', '--backend=headless'], dir);
    expect(run.status).toBe(0);
    expect(existsSync(path.join(dir, 'demo.png'))).toBe(true);
    // It says how to run on a display only with a backend this build actually has.
    expect(run.stdout).toMatch(/--backend=wayland|has no display backend yet/);
  });

  it('rejects a bad --size with exit code 2', () => {
    const run = cli(['--size=abc']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--size');
    expect(run.stderr).toContain('800x480');
  });

  it.each([
    [['--backend=x11'], '--backend must be one of auto, wayland, kms, preview, headless (got "x11")'],
    [['--rotation=45'], '--rotation must be one of 0, 90, 180, 270'],
    [['--colour=blue'], 'unknown option "--colour=blue"'],
    [['--screenshot'], '--screenshot needs a value'],
  ])('rejects %j with exit code 2', (args, message) => {
    const run = cli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('prints help', () => {
    const run = cli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--screenshot=FILE');
    expect(run.stdout).toContain('--doorbell');
  });

  it('with --doorbell --freeze, shows the doorbell popup open and still, as in the golden', () => {
    const dir = tempDir();
    const file = path.join(dir, 'doorbell.png');
    const run = cli([`--screenshot=${file}`, '--freeze', '--doorbell', '--size=800x480', '--backend=headless']);
    expect(run.status, run.stderr).toBe(0);
    const golden = path.join(root, 'test', '__image_snapshots__', 'dashboard-doorbell-800x480.png');
    const result = compareSnapshot(readFileSync(file), golden, { update: false });
    expect(result.pass, result.message).toBe(true);
  });
});

describe('planar-demo --backend=preview', () => {
  it('serves the panel at the printed URL and keeps running until Ctrl+C', async () => {
    if (!existsSync(main)) throw new Error(`${main} is missing: build the demo first (npm run build)`);
    const child = spawn(process.execPath, [main, '--backend=preview', '--port=0', '--freeze', '--size=480x272'], { cwd: tempDir(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += String(d)));
    child.stderr.on('data', (d: Buffer) => (out += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', () => {
          const m = /planar preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m && out.includes('press Ctrl+C')) resolve(m[1]!);
        });
        void exited.then((code) => reject(new Error(`the demo exited (${code}) before serving: ${out}`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<canvas id="screen"');
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });

  it('reads --port, --host and --token, and only with --backend=preview', () => {
    expect(parseArgs(['--backend=preview', '--port=7070', '--host', '0.0.0.0', '--token=abcdefghijklmnop']).preview)
      .toEqual({ port: 7070, host: '0.0.0.0', token: 'abcdefghijklmnop' });
    expect(parseArgs(['--backend=preview']).preview).toEqual({ port: null, host: null, token: null });
    expect(() => parseArgs(['--port=7070'])).toThrow('--port is for the preview backend: add --backend=preview');
    expect(() => parseArgs(['--backend=preview', '--port=70000'])).toThrow('--port must be a port number from 0 to 65535 (got "70000")');
    expect(() => parseArgs(['--backend=preview', '--token=short'])).toThrow('--token must be at least 16 letters');
    expect(helpText()).toMatch(/--port=N +with --backend=preview/);
  });
});

describe('parseArgs', () => {
  it('reads --doorbell as a flag, off unless given, alone or with --freeze', () => {
    expect(parseArgs([]).doorbell).toBe(false);
    expect(parseArgs(['--doorbell'])).toMatchObject({ doorbell: true, freeze: false });
    expect(parseArgs(['--freeze', '--doorbell', '--size', '800x480'])).toMatchObject({
      doorbell: true, freeze: true, size: { width: 800, height: 480 },
    });
    expect(parseArgs(['--doorbell', '--freeze'])).toEqual(parseArgs(['--freeze', '--doorbell']));
  });

  it('reads --camera as the path of a V4L2 device, the simulated camera unless given', () => {
    expect(parseArgs([]).camera).toBeNull();
    expect(parseArgs(['--camera=/dev/video0']).camera).toBe('/dev/video0');
    expect(parseArgs(['--doorbell', '--camera', '/dev/video2'])).toMatchObject({ doorbell: true, camera: '/dev/video2' });
    expect(() => parseArgs(['--camera=video0'])).toThrow('--camera must be the path of a V4L2 capture device, e.g. --camera=/dev/video0 (got "video0")');
    expect(() => parseArgs(['--camera'])).toThrow('--camera needs a value, e.g. --camera=/dev/video0');
    expect(helpText()).toMatch(/--camera=DEVICE +the front-door camera's picture comes from this V4L2/);
  });

  it('rejects a value given to --doorbell', () => {
    expect(() => parseArgs(['--doorbell=yes'])).toThrow(UsageError);
    expect(() => parseArgs(['--doorbell=yes'])).toThrow('--doorbell takes no value (got "--doorbell=yes")');
    expect(() => parseArgs(['--doorbell', 'yes'])).toThrow('unknown option "yes"');
  });

  it('lists --doorbell among the options, in the help and in errors', () => {
    expect(helpText()).toMatch(/--doorbell +starts with the doorbell popup/);
    expect(() => parseArgs(['--bell'])).toThrow(/--freeze, --doorbell and --help/);
  });

  it('takes any backend registered with the toolkit for --backend, and lists it in the help', () => {
    const rig: Backend = { name: 'rig', open: () => Promise.reject(new Error('not opened in this test')) };
    expect(() => parseArgs(['--backend=rig'])).toThrow('--backend must be one of auto, wayland, kms, preview, headless (got "rig")');
    const unregister = registerBackend('rig', rig);
    try {
      expect(parseArgs(['--backend=rig']).backend).toBe('rig');
      expect(helpText()).toContain('--backend=NAME        where to draw: auto, wayland, kms, preview, rig, headless');
    } finally {
      unregister();
    }
    expect(() => parseArgs(['--backend', 'rig'])).toThrow(UsageError);
  });
});
