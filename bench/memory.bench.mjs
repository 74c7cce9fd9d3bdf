/**
 * rss.demo: resident memory after 30 frames of the demo at 800x480, in a fresh process;
 * rss.raw: the same for the hand-written CanvasKit scene drawn 30 times (the floor);
 * ratio.rss = rss.demo / rss.raw; idle.frames: frames the live demo renders in 2 s with
 * nobody touching it (goal 0: the clock shows minutes, so most 2 s windows need none).
 * Each is the median of five fresh processes.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const name = 'memory';

function child(script) {
  const run = spawnSync(process.execPath, [fileURLToPath(new URL(`./children/${script}`, import.meta.url))], { encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`bench: ${script} failed: ${run.stderr || run.error}`);
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

export async function run({ median }) {
  const demo = await median(() => child('rss-demo.mjs').rss, { runs: 5, warmup: 0 });
  const raw = await median(() => child('rss-raw.mjs').rss, { runs: 5, warmup: 0 });
  const idle = await median(() => child('idle-demo.mjs').frames, { runs: 3, warmup: 0 });
  return {
    'rss.demo': { value: demo, unit: 'bytes' },
    'rss.raw': { value: raw, unit: 'bytes' },
    'ratio.rss': { value: demo / raw, unit: 'ratio' },
    'idle.frames': { value: idle, unit: 'frames' },
  };
}
