/**
 * The figures the end-to-end suites measure, kept in test/wayland/results.json and
 * test/kms/results.json (not committed) in
 * the benchmarks' shape: `{ "figures": { "<name>": { "value": n, "unit": u } } }` with units
 * ms | bytes | px | frames | ratio. Each call merges its figures into the file (a suite
 * overwrites only its own names) and prints the file's path.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Unit = 'ms' | 'bytes' | 'px' | 'frames' | 'ratio';
export interface Figure { value: number; unit: Unit }

export const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results.json');

/** Merges `figures` into a results file (default: the Wayland suites'); returns its path. */
export function recordFigures(figures: Record<string, Figure>, file = RESULTS_FILE, label = 'wayland'): string {
  for (const [name, f] of Object.entries(figures)) {
    if (!Number.isFinite(f.value)) throw new Error(`figure ${name} is not a finite number: ${f.value}`);
  }
  let all: Record<string, Figure> = {};
  if (existsSync(file)) {
    try {
      all = (JSON.parse(readFileSync(file, 'utf8')) as { figures?: Record<string, Figure> }).figures ?? {};
    } catch {
      // A damaged file is replaced.
    }
  }
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, JSON.stringify({ figures: { ...all, ...figures } }, null, 2) + '\n');
  renameSync(partial, file);
  const lines = Object.entries(figures).map(([name, f]) => `  ${name} = ${Number.isInteger(f.value) ? f.value : f.value.toFixed(2)} ${f.unit}`);
  console.info(`${label} figures (in ${file}):\n${lines.join('\n')}`);
  return file;
}

/** The median of some numbers (NaN for none). */
export function median(values: readonly number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
