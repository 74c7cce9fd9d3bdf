/**
 * Start-up, each run a fresh process (headless, 800x480), the demo and the raw floor taking
 * turns so that both see the same machine:
 *
 *   start.first_frame    process start to the demo's first frame committed (createApp with
 *                        the live demo app);
 *   start.first_frame.<part>   node (Node's own start, to the script's first line), yoga,
 *                        modules (the toolkit's and the demo's), canvaskit, fonts, layout and
 *                        paint (the first frame's), other (display, mount, copy, plane
 *                        allocation, commit);
 *   start.raw            process start to the first frame of the raw floor (raw-scene.mjs)
 *                        copied out of the wasm heap; parts node, modules, canvaskit, fonts,
 *                        prepare (paragraphs shaped, images cached), paint;
 *   ratio.start          start.first_frame / start.raw.
 *
 * CanvasKit's wasm is compiled lazily by V8, function by function: much of its compile time
 * lands in the first layout and paint (and in the raw floor's prepare and paint), not in
 * `canvaskit`. Each figure is the median of the runs; a part's median is taken on its own.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const name = 'start';
const RUNS = 5;

function child(script) {
  const file = fileURLToPath(new URL(`./children/${script}`, import.meta.url));
  const run = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`bench: ${script} failed (status ${run.status}): ${run.stderr || run.error}`);
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

const middle = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function run() {
  const demo = [], raw = [];
  for (let i = 0; i < RUNS; i++) {
    demo.push(child('start-demo.mjs'));
    raw.push(child('start-raw.mjs'));
  }
  const figures = {};
  const report = (prefix, runs) => {
    figures[prefix] = { unit: 'ms', value: middle(runs.map((r) => r.total)) };
    for (const part of Object.keys(runs[0]).filter((k) => k !== 'total')) {
      figures[`${prefix}.${part}`] = { unit: 'ms', value: middle(runs.map((r) => r[part])) };
    }
  };
  report('start.first_frame', demo);
  report('start.raw', raw);
  figures['ratio.start'] = { unit: 'ratio', value: figures['start.first_frame'].value / figures['start.raw'].value };
  return figures;
}
