/**
 * Resident memory, each figure the median of five fresh processes:
 *
 *   rss.demo             the live demo as a panel runs it (children/rss-live.mjs, bundled by
 *                        `planar build` and started through its launcher with a warm code
 *                        cache), headless at 800x480, after 30 frames;
 *   rss.demo.peak        the most it was resident at any moment until then (start-up included);
 *   rss.raw              the hand-written CanvasKit scene drawn 30 times at 800x480 (the floor);
 *   *.lean               the same in the lean profile (PLANAR_PROFILE=lean), the floor with the
 *                        lean profile's V8 flags;
 *   ratio.rss, ratio.rss.lean   rss.demo / rss.raw in each profile;
 *   idle.frames          frames the live demo renders in 2 s with nobody touching it (goal 0:
 *                        the clock shows minutes, so most 2 s windows need none; median of 3).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleApp } from '@planar/preview/build';

export const name = 'memory';
const here = path.dirname(fileURLToPath(import.meta.url));
/** The lean profile's flags (packages/toolkit/src/engines/profile.ts), for the floor. */
const LEAN_FLAGS = ['--liftoff-only', '--semi-space-growth-factor=1'];

function child(args, env = {}) {
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  if (run.status !== 0) throw new Error(`bench: node ${args.join(' ')} failed: ${run.stderr || run.error}`);
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

export async function run({ median }) {
  const { launcher } = await bundleApp({ entry: path.join(here, 'children/rss-live.mjs'), outDir: path.join(here, 'out/rss-live') });
  const cache = mkdtempSync(path.join(tmpdir(), 'planar-code-cache-'));
  try {
    const figures = {};
    for (const profile of ['default', 'lean']) {
      const env = { PLANAR_CODE_CACHE: cache, PLANAR_PROFILE: profile };
      child([launcher], env); // writes the code cache
      const runs = [];
      for (let i = 0; i < 5; i++) runs.push(child([launcher], env));
      const suffix = profile === 'lean' ? '.lean' : '';
      const raw = await median(() => child([...(profile === 'lean' ? LEAN_FLAGS : []), path.join(here, 'children/rss-raw.mjs')]).rss, { runs: 5, warmup: 0 });
      const middle = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[2];
      figures[`rss.demo${suffix}`] = { value: middle('rss'), unit: 'bytes' };
      figures[`rss.demo${suffix}.peak`] = { value: middle('peak'), unit: 'bytes' };
      figures[`rss.raw${suffix}`] = { value: raw, unit: 'bytes' };
      figures[`ratio.rss${suffix}`] = { value: middle('rss') / raw, unit: 'ratio' };
    }
    const idle = await median(() => child([path.join(here, 'children/idle-demo.mjs')]).frames, { runs: 3, warmup: 0 });
    figures['idle.frames'] = { value: idle, unit: 'frames' };
    return figures;
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}
