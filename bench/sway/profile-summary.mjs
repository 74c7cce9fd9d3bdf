/**
 * Where a CPU profile's time goes, by area: each sample's self time is charged to the area of
 * the function it was taken in.
 *
 *   toolkit/<folder>   the toolkit's own files, by folder (app, compositor, render, jsx, …);
 *   widgets, demo, native-wayland (its JS), signals-core, yoga, canvaskit (its JS glue);
 *   canvaskit wasm / yoga wasm  wasm functions: both modules' functions are named only by
 *                      number, so a wasm frame is charged to the module whose JS called into it
 *                      (the nearest caller that is not wasm);
 *   native             functions without a script: the addon's calls and V8/Node built-ins;
 *   node               Node's own JS (node:…);
 *   GC, idle, program  V8's pseudo-frames: garbage collection, waiting, and work outside JS.
 *
 * `summarize(profile, divisor)` returns rows { area, ms } sorted by time, each ms divided by
 * `divisor` (the number of updates, for a per-update figure). `phases(profile, divisor)` charges
 * each sample instead to the step of the update it was taken in, from the functions on its
 * stack: the signal write (the effects it runs), and the frame's layout, paint, plane
 * allocation, copy, commit to the display and the rest.
 */
const PSEUDO = { '(garbage collector)': 'GC', '(idle)': 'idle', '(program)': 'program', '(root)': 'program' };

function areaOfUrl(url) {
  if (!url) return 'native';
  if (url.startsWith('node:')) return 'node';
  let m = /packages\/toolkit\/dist\/([^/]+)\//.exec(url);
  if (m) return `toolkit/${m[1]}`;
  if (/packages\/toolkit\/dist\/[^/]+\.js$/.test(url)) return 'toolkit';
  m = /packages\/([^/]+)\//.exec(url);
  if (m) return m[1];
  if (url.includes('/apps/demo/')) return 'demo';
  if (url.includes('@preact/signals-core')) return 'signals-core';
  if (url.includes('yoga-layout')) return 'yoga';
  if (url.includes('canvaskit')) return 'canvaskit';
  if (url.includes('/bench/')) return 'bench';
  m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  return m ? m[1] : url;
}

export function summarize(profile, divisor = 1) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const areaOf = new Map();
  const area = (id) => {
    if (areaOf.has(id)) return areaOf.get(id);
    const { functionName, url } = nodes.get(id).callFrame;
    let a;
    if (PSEUDO[functionName] && !url) a = PSEUDO[functionName];
    else if (url.startsWith('wasm://')) {
      let p = parent.get(id);
      while (p !== undefined && nodes.get(p).callFrame.url.startsWith('wasm://')) p = parent.get(p);
      const caller = p === undefined ? 'canvaskit' : area(p);
      a = `${caller === 'yoga' || caller === 'toolkit/layout' ? 'yoga' : 'canvaskit'} wasm`;
    } else a = areaOfUrl(url);
    areaOf.set(id, a);
    return a;
  };
  const totals = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i + 1] is how long the sample i lasted (the time to the next sample).
    const us = i + 1 < timeDeltas.length ? timeDeltas[i + 1] : 0;
    const a = area(samples[i]);
    totals.set(a, (totals.get(a) ?? 0) + us / 1000);
  }
  return [...totals].map(([a, ms]) => ({ area: a, ms: ms / divisor })).sort((x, y) => y.ms - x.ms);
}

/** The summary as printable lines: busy areas first, then idle. */
export function formatSummary(rows, label) {
  const busy = rows.filter((r) => r.area !== 'idle');
  const total = busy.reduce((s, r) => s + r.ms, 0);
  const lines = [`${label}: ${total.toFixed(3)} ms on the main thread`];
  for (const r of busy) {
    if (r.ms < 0.005) continue;
    lines.push(`  ${r.area.padEnd(30)} ${r.ms.toFixed(3).padStart(7)} ms  ${((100 * r.ms) / total).toFixed(1).padStart(5)} %`);
  }
  return lines;
}

/** Steps of an update, outermost match first: [step, file (end of its URL), function or null]. */
const STEPS = [
  ['frame: layout', '/layout/layout.js', 'runLayout'],
  ['frame: plane allocation', '/compositor/frame-plan.js', null],
  ['frame: paint', '/compositor/paint-loop.js', null],
  ['frame: copy', '/compositor/commit-state.js', null],
  ['frame: commit to the display', '/dist/display.js', 'commit'],
  ['frame: bounds and damage', '/compositor/layer-record.js', 'update'],
  ['frame: the rest', '/app/frame-loop.js', 'tick'],
  ['signal write (effects)', '/bench/children/update-demo.mjs', 'updates'],
];

const CONTAINERS = new Set(['frame: the rest', 'signal write (effects)']);

export function phases(profile, divisor = 1) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stepOf = new Map();
  const step = (id) => {
    if (stepOf.has(id)) return stepOf.get(id);
    const { functionName, url } = nodes.get(id).callFrame;
    let s = null;
    if (functionName === '(root)') s = 'other';
    else if (PSEUDO[functionName] && !url) s = PSEUDO[functionName];
    else {
      // The innermost step on the stack wins; the frame's rest and the write only hold what no other step does.
      const own = STEPS.find(([, file, fn]) => url.endsWith(file) && (fn === null || functionName === fn))?.[0] ?? null;
      const above = parent.has(id) ? step(parent.get(id)) : 'other';
      s = own && !CONTAINERS.has(own) ? own : above !== 'other' && !CONTAINERS.has(above) ? above : own ?? above;
    }
    stepOf.set(id, s);
    return s;
  };
  const totals = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const us = i + 1 < timeDeltas.length ? timeDeltas[i + 1] : 0;
    const s = step(samples[i]);
    totals.set(s, (totals.get(s) ?? 0) + us / 1000);
  }
  return [...totals].map(([area, ms]) => ({ area, ms: ms / divisor })).sort((x, y) => y.ms - x.ms);
}
