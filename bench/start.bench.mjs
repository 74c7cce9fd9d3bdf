/**
 * Start-up, each run a fresh process (headless, 800x480), the demo and the raw floor taking
 * turns so that both see the same machine:
 *
 *   start.first_frame    process start to the live demo's first frame committed, started as a
 *                        panel starts it: the bundle `planar build` makes (apps/demo/dist/app),
 *                        with its code cache written by an earlier start;
 *   start.first_frame.<part>   the toolkit's own start-up trace (PLANAR_DEBUG=startup): node,
 *                        bundle, modules, canvaskit, yoga, display, fonts, mount, layout, paint,
 *                        copy. Steps overlap (CanvasKit and Yoga compile while the display opens);
 *   start.first_frame.no_cache   the same bundle with the code cache off (a first start);
 *   start.first_frame.unbundled  the demo run from its ES modules (apps/demo/dist/main.js);
 *   start.raw            process start to the first frame of the raw floor (raw-scene.mjs)
 *                        copied out of the wasm heap; parts node, modules, canvaskit, fonts,
 *                        prepare (paragraphs shaped, images cached), paint;
 *   start.*.lean         the demo in the lean profile (PLANAR_PROFILE=lean) and the raw floor
 *                        under the same V8 flag (--liftoff-only);
 *   ratio.start, ratio.start.lean   start.first_frame / start.raw, each pair in one profile.
 *
 * CanvasKit's wasm is compiled lazily by V8, function by function: much of its compile time
 * lands in the first layout and paint (and in the raw floor's prepare and paint), not in
 * `canvaskit`. Each figure is the median of the runs; a part's median is taken on its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const name = 'start';
const RUNS = 5;
const here = path.dirname(fileURLToPath(import.meta.url));
const demoDist = path.join(here, '../apps/demo/dist');

/** Runs `args` under node and returns its stdout and stderr; throws with both when it fails. */
function node(args, env = {}) {
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  if (run.status !== 0) throw new Error(`bench: node ${args.join(' ')} failed (status ${run.status}): ${run.stderr || run.error}`);
  return run;
}

/** The demo's start-up trace, read from what PLANAR_DEBUG=startup prints. */
function demo(entry, env) {
  const shot = path.join(tmpdir(), `planar-start-${process.pid}.png`);
  const { stderr } = node([path.join(demoDist, entry), '--backend=headless', '--size=800x480', `--screenshot=${shot}`], { PLANAR_DEBUG: 'startup', ...env });
  rmSync(shot, { force: true });
  const head = /first frame committed at ([\d.]+) ms/.exec(stderr);
  if (!head) throw new Error(`bench: the demo printed no start-up trace:\n${stderr}`);
  const figures = { total: Number(head[1]) };
  for (const [, step, from, to] of stderr.matchAll(/^ {2}(\w[\w ]*?) +([\d.]+) → +([\d.]+)/gm)) {
    if (step !== 'first frame') figures[step] = Number(to) - Number(from);
  }
  return figures;
}

function raw(flags = []) {
  const { stdout } = node([...flags, fileURLToPath(new URL('./children/start-raw.mjs', import.meta.url))]);
  return JSON.parse(stdout.trim().split('\n').pop());
}

const middle = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function run() {
  const cache = mkdtempSync(path.join(tmpdir(), 'planar-code-cache-'));
  try {
    const bundled = (env = {}) => demo('app/main.mjs', { PLANAR_CODE_CACHE: cache, ...env });
    // The first start of each profile writes its code cache; the timed ones read it.
    bundled();
    bundled({ PLANAR_PROFILE: 'lean' });
    const runs = { demo: [], raw: [], noCache: [], modules: [], demoLean: [], rawLean: [] };
    for (let i = 0; i < RUNS; i++) {
      runs.demo.push(bundled());
      runs.raw.push(raw());
      runs.noCache.push(demo('app/main.mjs', { PLANAR_CODE_CACHE: 'off' }));
      runs.modules.push(demo('main.js', { PLANAR_CODE_CACHE: 'off' }));
      runs.demoLean.push(bundled({ PLANAR_PROFILE: 'lean' }));
      runs.rawLean.push(raw(['--liftoff-only']));
    }
    const figures = {};
    const report = (prefix, list, parts = true) => {
      figures[prefix] = { unit: 'ms', value: middle(list.map((r) => r.total)) };
      if (!parts) return;
      for (const part of Object.keys(list[0]).filter((k) => k !== 'total')) {
        figures[`${prefix}.${part}`] = { unit: 'ms', value: middle(list.map((r) => r[part] ?? 0)) };
      }
    };
    report('start.first_frame', runs.demo);
    report('start.first_frame.no_cache', runs.noCache, false);
    report('start.first_frame.unbundled', runs.modules, false);
    report('start.raw', runs.raw);
    report('start.first_frame.lean', runs.demoLean, false);
    report('start.raw.lean', runs.rawLean, false);
    figures['ratio.start'] = { unit: 'ratio', value: figures['start.first_frame'].value / figures['start.raw'].value };
    figures['ratio.start.lean'] = { unit: 'ratio', value: figures['start.first_frame.lean'].value / figures['start.raw.lean'].value };
    return figures;
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}
