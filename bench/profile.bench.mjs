/**
 * The run-time profiles side by side: 'default' (V8 recompiles CanvasKit's hot WebAssembly
 * with TurboFan) and 'lean' (`--liftoff-only`: baseline code only). V8's flags are per process,
 * so every figure comes from fresh child processes, the profile set by `PLANAR_PROFILE` (each
 * child checks it ran in it); each is the median over RUNS processes, the profiles taking turns.
 *
 *   profile.<p>.frame.full|label.<size>   as frame.full / frame.label in frame.bench.mjs (its
 *                                         demoFrames), at 800x480 and 1920x1080; each process
 *                                         gives its own median, these are the median of those
 *   profile.lean.ratio.frame.full.<size>   lean / default
 *
 * Start-up and memory in each profile, as a panel starts the demo (bundled), are start.*.lean
 * and rss.*.lean (start.bench.mjs, memory.bench.mjs).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const name = 'profile';
const PROFILES = ['default', 'lean'];
const SIZES = ['800x480', '1920x1080'];
const RUNS = 5;

/** Runs children/<script> in `profile`; returns its stdout's JSON lines. */
function child(script, profile) {
  const file = fileURLToPath(new URL(`./children/${script}`, import.meta.url));
  const run = spawnSync(process.execPath, [file], {
    encoding: 'utf8', timeout: 120_000, env: { ...process.env, PLANAR_PROFILE: profile, PLANAR_DEBUG: '' },
  });
  if (run.status !== 0) throw new Error(`bench: ${script} in the ${profile} profile failed: ${run.stderr || run.error}`);
  const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const said = lines.find((l) => 'profile' in l);
  if (said && said.profile !== profile) throw new Error(`bench: ${script} asked for the ${profile} profile ran in ${said.profile}`);
  return lines;
}

/** One process of each kind in `profile`: its figures by name. */
function sample(profile) {
  const out = {};
  const [{ sizes }] = child('profile-frame.mjs', profile);
  for (const size of SIZES) {
    out[`frame.full.${size}`] = sizes[size].full.total;
    out[`frame.label.${size}`] = sizes[size].label.total;
  }
  return out;
}

export async function run({ median }) {
  const samples = Object.fromEntries(PROFILES.map((p) => [p, []]));
  for (let i = 0; i < RUNS; i++) for (const p of PROFILES) samples[p].push(sample(p));
  const figures = {};
  for (const p of PROFILES) {
    for (const key of Object.keys(samples[p][0])) {
      let next = 0;
      const value = await median(() => samples[p][next++][key], { runs: RUNS, warmup: 0 });
      figures[`profile.${p}.${key}`] = { value, unit: 'ms' };
    }
  }
  for (const size of SIZES) {
    figures[`profile.lean.ratio.frame.full.${size}`] = {
      value: figures[`profile.lean.frame.full.${size}`].value / figures[`profile.default.frame.full.${size}`].value, unit: 'ratio',
    };
  }
  return figures;
}
