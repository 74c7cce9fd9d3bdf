/**
 * Running handlers: under their component's owner, with errors reported and never thrown,
 * in two phases along the path from the outermost box to the target (capture down, bubble
 * back up). Shared by pointer, wheel and key dispatch.
 */
import { reportError, runWithOwner } from '../jsx/owner.js';
import { untracked } from '@preact/signals-core';
import type { PlanarNode } from '../tree/node.js';
import { apply, invert } from '../tree/geometry.js';
import { layerOrigin } from '../tree/layer.js';
import type { EventHandlers } from './events.js';

export type HandlerKey = keyof EventHandlers;
export type Phase = 'capture' | 'target' | 'bubble';

/**
 * Runs an event handler as part of its component: under its owner (so it can animate, start
 * timers and read context), with exceptions reported to the nearest boundary, never thrown.
 */
export function callHandler(node: PlanarNode, fn: () => void): void {
  runWithOwner(node.owner, () => {
    try {
      untracked(fn);
    } catch (error) {
      reportError(error, node.owner);
    }
  });
}

/** Calls one of a node's handlers with an event, if it has it. */
export function callNode(node: PlanarNode, key: HandlerKey, event: unknown): void {
  const handler = node.handlers[key] as ((e: unknown) => void) | undefined;
  if (handler) callHandler(node, () => handler(event));
}

/** A logical point in a node's own coordinates (through its layer's position). */
export function toLocal(n: PlanarNode, x: number, y: number): [number, number] | null {
  const inv = invert(n.matrix);
  if (!inv) return null;
  const [ox, oy] = layerOrigin(n);
  return apply(inv, x - ox, y - oy);
}

/** `toLocal` as an event's x and y (the logical point itself when the node is degenerate). */
export function localPoint(n: PlanarNode, x: number, y: number): { x: number; y: number } {
  const [lx, ly] = toLocal(n, x, y) ?? [x, y];
  return { x: lx, y: ly };
}

/** The boxes from the outermost (under the root) down to `node`. */
export function pathTo(node: PlanarNode): PlanarNode[] {
  const path: PlanarNode[] = [];
  for (let n: PlanarNode | null = node; n && n.kind !== 'root'; n = n.parent) if (n.isBox) path.push(n);
  return path.reverse();
}

/** Whether `ancestor` is `node` or one of its ancestors. */
export function isAncestorOrSelf(ancestor: PlanarNode, node: PlanarNode): boolean {
  for (let n: PlanarNode | null = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

/**
 * Capture then bubble along the path to `target`. `reaches(n)`, asked before each handler,
 * lets a dispatch drop nodes mid-way (those that lost a pointer to a claim).
 */
export function propagate(
  target: PlanarNode, capture: HandlerKey | null, bubble: HandlerKey,
  make: (node: PlanarNode, phase: Phase, stop: () => void) => object,
  reaches: (node: PlanarNode) => boolean = () => true,
): void {
  const path = pathTo(target);
  let stopped = false;
  const stop = () => { stopped = true; };
  if (capture) {
    for (const n of path) {
      if (n.handlers[capture] && reaches(n)) callNode(n, capture, make(n, n === target ? 'target' : 'capture', stop));
      if (stopped) return;
    }
  }
  for (let i = path.length - 1; i >= 0; i--) {
    const n = path[i]!;
    if (n.handlers[bubble] && reaches(n)) callNode(n, bubble, make(n, n === target ? 'target' : 'bubble', stop));
    if (stopped) return;
  }
}
