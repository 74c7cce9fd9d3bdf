/**
 * The semantics tree of a scene, and its change stream.
 *
 * 1. The tree is the node tree with every box of role `none` left out (its children are
 *    lifted to its parent), hidden subtrees left out (`display: 'none'` or `semantics.hidden`),
 *    and each `<Text>` a leaf of role `text` (its nested runs are part of its name).
 * 2. `walk` lists it in reading order with depths; `print` turns that into the indented text
 *    of `screen.tree()`.
 * 3. `SemanticsTree.subscribe` is what a screen-reader bridge would listen to: an effect reads
 *    every node's semantics (so a signal change behind any prop re-runs it) and the app's frames
 *    re-run it too (structure and bounds); each run freezes the tree into `SemanticsData`
 *    records and sends what differs from the previous run, in tree order. Nothing runs
 *    while nobody listens.
 */
import { effect, signal, untracked } from '@preact/signals-core';
import type { PlanarNode } from '../tree/node.js';
import { SemanticsNode } from './node.js';
import type { SemanticsChange, SemanticsData } from './types.js';

export interface WalkEntry { node: SemanticsNode; depth: number; parent: SemanticsNode | null }

/** The tree under `root` in reading order; `hidden: true` keeps hidden subtrees in. */
export function walk(root: PlanarNode, options: { hidden?: boolean } = {}): WalkEntry[] {
  const out: WalkEntry[] = [];
  const visit = (n: PlanarNode, depth: number, parent: SemanticsNode | null) => {
    if (n.destroyed) return;
    if (!n.isBox) {
      // Slots hold boxes written under a Show/For/getter; a span or text piece is part of its Text.
      if (n.kind === 'slot') for (const c of n.children) visit(c, depth, parent);
      return;
    }
    const view = SemanticsNode.of(n);
    if (!options.hidden && (n.hidden || view.excluded)) return;
    const role = n.kind === 'root' ? 'none' : view.role;
    if (role !== 'none') {
      out.push({ node: view, depth, parent });
      if (n.kind === 'text') return;
      for (const c of n.children) visit(c, depth + 1, view);
    } else {
      for (const c of n.children) visit(c, depth, parent);
    }
  };
  visit(root, 0, null);
  return out;
}

/** The tree as indented lines: role "name" [states] value. */
export function print(root: PlanarNode, options: { hidden?: boolean } = {}): string {
  const entries = walk(root, options);
  if (!entries.length) return '(empty: no node has a role or text)';
  return entries.map(({ node, depth }) => `${'  '.repeat(depth)}${node}${options.hidden && !node.visible ? ' (hidden)' : ''}`).join('\n');
}

/** Freezes the tree into records by id. */
export function snapshot(root: PlanarNode): Map<number, SemanticsData> {
  const entries = walk(root);
  const children = new Map<SemanticsNode | null, number[]>();
  for (const e of entries) {
    const list = children.get(e.parent) ?? [];
    list.push(e.node.id);
    children.set(e.parent, list);
  }
  return new Map(entries.map((e) => [e.node.id, e.node.data(e.parent?.id ?? null, children.get(e.node) ?? [])]));
}

const FIELDS: (keyof SemanticsData)[] = ['role', 'name', 'description', 'value', 'states', 'actions', 'bounds', 'parent', 'children'];

/** What differs between two snapshots: removals first, then additions and changes in tree order. */
export function diff(before: Map<number, SemanticsData>, after: Map<number, SemanticsData>): SemanticsChange[] {
  const changes: SemanticsChange[] = [];
  for (const id of before.keys()) if (!after.has(id)) changes.push({ type: 'removed', id });
  for (const [id, node] of after) {
    const old = before.get(id);
    if (!old) { changes.push({ type: 'added', node }); continue; }
    const fields = FIELDS.filter((f) => JSON.stringify(old[f]) !== JSON.stringify(node[f]));
    if (fields.length) changes.push({ type: 'changed', node, fields });
  }
  return changes;
}

/**
 * The semantics tree of a running app, for tests and, later, a screen-reader bridge.
 * @example
 * const stop = screen.semantics.subscribe((changes) => bridge.send(changes));
 */
export class SemanticsTree {
  private listeners = new Set<(changes: SemanticsChange[]) => void>();
  private stopWatching: (() => void) | null = null;

  /** @internal `onFrame` registers a callback run after every rendered frame and returns its removal. */
  constructor(private readonly root: PlanarNode, private readonly onFrame: (run: () => void) => () => void) {}

  /** The tree in reading order, as live nodes. */
  nodes(options: { hidden?: boolean } = {}): SemanticsNode[] {
    return walk(this.root, options).map((e) => e.node);
  }

  /** The tree as plain records by id (what subscribers are sent). */
  snapshot(): Map<number, SemanticsData> {
    return snapshot(this.root);
  }

  /** The tree as indented text, one node a line. */
  print(options: { hidden?: boolean } = {}): string {
    return print(this.root, options);
  }

  /**
   * Hears every change to the tree: first the whole tree as `added`, then what changes after
   * each frame or signal write. Returns the unsubscribe function.
   */
  subscribe(listener: (changes: SemanticsChange[]) => void): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.watch();
    else {
      const all = [...this.current.values()].map((node): SemanticsChange => ({ type: 'added', node }));
      if (all.length) listener(all);
    }
    return () => {
      this.listeners.delete(listener);
      if (!this.listeners.size) this.unwatch();
    };
  }

  private current = new Map<number, SemanticsData>();

  private watch(): void {
    const frames = signal(0);
    let queued = false;
    const send = () => {
      queued = false;
      const next = untracked(() => snapshot(this.root));
      const changes = diff(this.current, next);
      this.current = next;
      if (changes.length) for (const l of [...this.listeners]) l(changes);
    };
    const stopEffect = effect(() => {
      void frames.value;
      // Reading the tree subscribes to every signal behind it; the records go out a microtask
      // later, so that a handler's writes arrive as one change.
      snapshot(this.root);
      if (!queued) { queued = true; queueMicrotask(() => { if (this.stopWatching) send(); }); }
    });
    const stopFrames = this.onFrame(() => { frames.value++; });
    this.stopWatching = () => { stopEffect(); stopFrames(); };
  }

  private unwatch(): void {
    this.stopWatching?.();
    this.stopWatching = null;
    this.current = new Map();
  }

  /** Stops every subscription. Safe to call twice. */
  dispose(): void {
    this.listeners.clear();
    this.unwatch();
  }
}
