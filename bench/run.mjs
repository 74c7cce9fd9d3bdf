#!/usr/bin/env node
/**
 * Planar's benchmark runner: one process, every `*.bench.mjs` beside this file, in name order.
 * Each module exports `name` and `async run(ctx)` returning figures
 * `{ "<name>": { value, unit } }` (unit: ms | bytes | px | frames | ratio | count); each figure is
 * the median of repeated runs. Prints a table; `--json FILE` also writes the figures;
 * `--only <substring>` runs the modules whose name contains it.
 *
 *   npm run bench
 *   npm run bench -- --json bench.json --only layout
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (!value || value.startsWith('--')) {
    console.error(`bench: ${name} needs a value`);
    process.exit(2);
  }
  return value;
};
const jsonFile = option('--json');
const only = option('--only');

/** Median of `runs` timings of `fn` (after `warmup` untimed calls). */
export async function median(fn, { runs = 15, warmup = 3 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const values = [];
  for (let i = 0; i < runs; i++) values.push(await fn());
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
}

const modules = readdirSync(here).filter((f) => f.endsWith('.bench.mjs')).sort()
  .filter((f) => !only || f.includes(only));
const figures = {};
const started = performance.now();
for (const file of modules) {
  const mod = await import(pathToFileURL(path.join(here, file)).href);
  const t = performance.now();
  process.stderr.write(`bench: ${mod.name ?? file}…`);
  const out = await mod.run({ median });
  process.stderr.write(` ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  for (const [name, f] of Object.entries(out)) {
    if (typeof f.value !== 'number' || !['ms', 'bytes', 'px', 'frames', 'ratio', 'count'].includes(f.unit)) {
      throw new Error(`bench ${file}: figure ${name} is malformed: ${JSON.stringify(f)}`);
    }
    figures[name] = f;
  }
}

const fmt = (f) => f.unit === 'bytes' ? (Math.abs(f.value) < 1024 * 1024 ? `${(f.value / 1024).toFixed(1)} KiB` : `${(f.value / 1024 / 1024).toFixed(1)} MiB`) : f.unit === 'ms' ? `${f.value.toFixed(3)} ms` : f.unit === 'ratio' ? `${f.value.toFixed(2)}x` : `${f.value} ${f.unit}`;
const width = Math.max(...Object.keys(figures).map((k) => k.length), 6);
console.log(`${'figure'.padEnd(width)}  value`);
for (const [name, f] of Object.entries(figures)) console.log(`${name.padEnd(width)}  ${fmt(f)}`);
console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s, node ${process.version}, ${process.arch})`);
if (jsonFile) {
  writeFileSync(jsonFile, JSON.stringify({ figures }, null, 2) + '\n');
  console.log(`wrote ${jsonFile}`);
}
process.exit(0);
