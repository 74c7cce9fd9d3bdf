/**
 * The node tree's files import one another in one direction only, types included: a cycle
 * (node.ts ↔ layer.ts was one) makes every change to one a change to both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const TREE = fileURLToPath(new URL('../src/tree/', import.meta.url));

/** Every tree file a tree file imports, type-only imports included. */
function treeImports(file: string): string[] {
  const source = readFileSync(path.join(TREE, file), 'utf8');
  return [...source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?from\s*'\.\/([^']+)\.js'/g)].map((m) => `${m[1]}.ts`);
}

/** A cycle as a list of files, or null. */
function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): string[] | null => {
    if (state.get(f) === 'done') return null;
    if (state.get(f) === 'open') return [...stack.slice(stack.indexOf(f)), f];
    state.set(f, 'open');
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      const cycle = visit(g);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(f, 'done');
    return null;
  };
  for (const f of graph.keys()) {
    const cycle = visit(f);
    if (cycle) return cycle;
  }
  return null;
}

describe('tree/ imports', () => {
  const graph = new Map(readdirSync(TREE).filter((f) => f.endsWith('.ts')).map((f) => [f, treeImports(f)]));

  it('form no cycle', () => {
    const cycle = findCycle(graph);
    expect(cycle, cycle?.join(' → ')).toBeNull();
  });

  it('node.ts, the model, needs nothing from layer.ts or scene.ts', () => {
    expect(graph.get('node.ts')).not.toContain('layer.ts');
    expect(graph.get('node.ts')).not.toContain('scene.ts');
    // The reader sees imports at all (so the checks above can fail).
    expect(graph.get('layer.ts')).toContain('node.ts');
  });

  it('finds a cycle when there is one', () => {
    expect(findCycle(new Map([['a.ts', ['b.ts']], ['b.ts', ['a.ts']]]))).toEqual(['a.ts', 'b.ts', 'a.ts']);
  });
});
