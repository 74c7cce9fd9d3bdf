/**
 * '@planar/toolkit/backend' is what backend packages import: it must not pull in Yoga or
 * CanvasKit (seconds of wasm compilation on a small board, for a process that may only list
 * DRM devices). This follows every import a module makes when it runs, from the kit's entry,
 * through the sources, and names the chain that would reach a heavy package. (The demo's
 * suite checks the same on the built package in a fresh Node process.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** The specifiers a module loads when it runs: type-only imports and exports are left out. */
function runtimeImports(source: string): string[] {
  const found: string[] = [];
  const statements = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*'([^']+)'|(?:^|\n)\s*import\s*'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g;
  for (const m of source.matchAll(statements)) {
    if (m[5] ?? m[6]) {
      found.push((m[5] ?? m[6])!);
      continue;
    }
    if (m[2]) continue;
    const names = m[3] ?? '';
    // `import { type A, type B } from` loads nothing either.
    const braced = /^\{([^}]*)\}$/.exec(names.trim());
    if (braced && braced[1]!.split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '))) continue;
    found.push(m[4]!);
  }
  return found;
}

/** Every module reached from `entry`, with the chain that reached it. */
function moduleGraph(entry: string): Map<string, string[]> {
  const reached = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    const chain = reached.get(file)!;
    for (const spec of runtimeImports(readFileSync(file, 'utf8'))) {
      const target = spec.startsWith('.') ? path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')) : spec;
      if (reached.has(target)) continue;
      reached.set(target, [...chain, target]);
      if (spec.startsWith('.')) queue.push(target);
    }
  }
  return reached;
}

const shown = (chain: string[]) => chain.map((p) => (path.isAbsolute(p) ? path.relative(SRC, p) : p)).join(' → ');

describe('@planar/toolkit/backend', () => {
  const graph = moduleGraph(path.join(SRC, 'backend/index.ts'));
  const packages = [...graph.keys()].filter((k) => !path.isAbsolute(k));

  it('loads neither Yoga nor CanvasKit', () => {
    for (const heavy of ['yoga-layout', 'canvaskit-wasm']) {
      const hit = packages.find((p) => p === heavy || p.startsWith(`${heavy}/`));
      expect(hit, hit && `reached through ${shown(graph.get(hit)!)}`).toBeUndefined();
    }
  });

  it('loads only Node built-ins and mitt, besides the backend packages it is told to load', () => {
    expect(packages.filter((p) => !p.startsWith('node:')).sort()).toEqual(['mitt']);
  });

  it('stays inside the contract, pixels, plane rules, input tables and the registry', () => {
    const files = [...graph.keys()].filter((k) => path.isAbsolute(k)).map((f) => path.relative(SRC, f)).sort();
    expect(files.filter((f) => /^(tree|render|layout|jsx|components|app|style|compositor\/(?!plane-rules))/.test(f))).toEqual([]);
  });

  it('reads type-only imports as loading nothing (the check above would miss nothing it should see)', () => {
    expect(runtimeImports("import type { A } from './a.js';\nimport { type B } from './b.js';\nimport { C, type D } from './c.js';\nexport * from './e.js';\nimport 'f';\nconst g = import('g');"))
      .toEqual(['./c.js', './e.js', 'f', 'g']);
  });
});
