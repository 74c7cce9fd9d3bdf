/**
 * The demo as `npm run demo` starts it: the bundle `planar build` made (dist/app/main.mjs and
 * main.cjs), run with V8's code cache. It must draw exactly what the demo's ES modules draw,
 * write its cache on the first start and use it on the next, and never use a cache made for
 * other code.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const launcher = path.join(root, 'dist', 'app', 'main.mjs');
const modules = path.join(root, 'dist', 'main.js');

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'planar-bundle-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs `entry` headless with the frozen demo, writing a screenshot; returns the run, its PNG and what the trace said of the cache. */
function start(entry: string, cache: string, env: NodeJS.ProcessEnv = {}) {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build the demo first (npm run build)`);
  const shot = path.join(tempDir(), 'shot.png');
  const run = spawnSync(process.execPath, [entry, '--backend=headless', '--size=800x480', '--freeze', `--screenshot=${shot}`], {
    cwd: root, encoding: 'utf8', timeout: 60_000,
    env: { ...process.env, PLANAR_CODE_CACHE: cache, PLANAR_DEBUG: 'startup', ...env },
  });
  expect(run.status, run.stderr).toBe(0);
  return { png: PNG.sync.read(readFileSync(shot)), cache: /code cache: (\w+)/.exec(run.stderr)?.[1], stderr: run.stderr };
}

describe('the demo started from its bundle', () => {
  it('draws the same pixels as the demo run from its modules', () => {
    const fromBundle = start(launcher, 'off');
    const fromModules = start(modules, 'off');
    expect(fromBundle.png.width).toBe(800);
    expect(fromBundle.png.data.equals(fromModules.png.data)).toBe(true);
    expect(fromBundle.cache).toBe('off');
    expect(fromModules.cache).toBeUndefined();
  });

  it('writes its code cache on the first start and starts from it on the next, with the same pixels', () => {
    const cache = tempDir();
    const first = start(launcher, cache);
    expect(first.cache).toBe('miss');
    expect(readdirSync(cache)).toEqual([expect.stringMatching(/^main\.cjs-[0-9a-f]{12}\.app\.v8cache$/)]);
    const second = start(launcher, cache);
    expect(second.cache).toBe('hit');
    expect(second.png.data.equals(first.png.data)).toBe(true);
  });

  it('compiles CanvasKit and Yoga while the app\'s modules load, once it knows the profile', () => {
    const cache = tempDir();
    start(launcher, cache);
    const { stderr } = start(launcher, cache);
    const step = (name: string) => {
      const m = new RegExp(`^ {2}${name} +([\\d.]+) → +([\\d.]+)`, 'm').exec(stderr);
      if (!m) throw new Error(`no ${name} step in:\n${stderr}`);
      return { start: Number(m[1]), end: Number(m[2]) };
    };
    const modules = step('modules');
    expect(step('canvaskit').start).toBeLessThan(modules.end);
    expect(step('yoga').start).toBeLessThan(modules.end);
    expect(step('canvaskit').start).toBeGreaterThanOrEqual(step('bundle').end);
  });

  it('keeps one cache per PLANAR_PROFILE setting, so a lean start never takes the default one', () => {
    const cache = tempDir();
    start(launcher, cache);
    const lean = start(launcher, cache, { PLANAR_PROFILE: 'lean' });
    expect(lean.cache).toBe('miss');
    expect(start(launcher, cache, { PLANAR_PROFILE: 'lean' }).cache).toBe('hit');
    expect(start(launcher, cache).cache).toBe('hit');
    expect(readdirSync(cache).sort()).toEqual([expect.stringMatching(/\.app\.v8cache$/), expect.stringMatching(/\.lean\.v8cache$/)]);
  });

  it('never uses a cache made for other code: a changed bundle compiles afresh and rewrites it', () => {
    const cache = tempDir();
    // A copy of the bundle beside the original keeps its relative paths to the packages.
    const copy = path.join(root, 'dist', 'app', `main-copy-${process.pid}.cjs`);
    const copyLauncher = path.join(root, 'dist', 'app', `main-copy-${process.pid}.mjs`);
    copyFileSync(path.join(root, 'dist', 'app', 'main.cjs'), copy);
    writeFileSync(copyLauncher, `import { runBundle } from '@planar/toolkit/boot';\nrunBundle(new URL(${JSON.stringify(`./${path.basename(copy)}`)}, import.meta.url));\n`);
    try {
      expect(start(copyLauncher, cache).cache).toBe('miss');
      expect(start(copyLauncher, cache).cache).toBe('hit');
      writeFileSync(copy, `${readFileSync(copy, 'utf8')}\n// changed\n`);
      expect(start(copyLauncher, cache).cache).toBe('stale');
      expect(start(copyLauncher, cache).cache).toBe('hit');
      // Data V8 cannot use is refused by V8 itself, and replaced.
      const [file] = readdirSync(cache);
      const bytes = readFileSync(path.join(cache, file!));
      const header = bytes.indexOf(0x0a) + 1;
      writeFileSync(path.join(cache, file!), Buffer.concat([bytes.subarray(0, header), Buffer.alloc(bytes.length - header, 7)]));
      const corrupt = start(copyLauncher, cache);
      expect(corrupt.cache).toBe('rejected');
      expect(start(copyLauncher, cache).cache).toBe('hit');
    } finally {
      rmSync(copy, { force: true });
      rmSync(copyLauncher, { force: true });
    }
  });

  it('says so, and still starts, when the cache cannot be written', () => {
    const blocker = path.join(tempDir(), 'a-file');
    writeFileSync(blocker, '');
    const run = start(launcher, path.join(blocker, 'cache'));
    expect(run.cache).toBe('miss');
    expect(run.stderr).toMatch(/the code cache could not be written to .*a-file\/cache\/main\.cjs-.*: .*set PLANAR_CODE_CACHE to a writable directory, or to off/);
  });
});
