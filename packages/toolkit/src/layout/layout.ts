/**
 * Layout: Yoga runs only when something is layout-dirty, and only the nodes Yoga says have
 * a new layout are read back (a read is a call into wasm). A node whose box, border or
 * padding really changed is marked GEOMETRY so the next pass damages its old and new bounds.
 */
import { Direction, Edge } from 'yoga-layout';
import { GEOMETRY, type PlanarNode } from '../tree/node.js';

const EDGES = [Edge.Top, Edge.Right, Edge.Bottom, Edge.Left] as const;

/** Lays out the tree under `root` at the given logical size and reads back what changed. */
export function runLayout(root: PlanarNode, width: number, height: number): void {
  root.yoga!.calculateLayout(width, height, Direction.LTR);
  readBack(root);
}

function readBack(node: PlanarNode): void {
  const yoga = node.yoga!;
  if (!yoga.hasNewLayout()) return;
  yoga.markLayoutSeen();
  const l = yoga.getComputedLayout();
  const old = node.layout;
  let changed = old.x !== l.left || old.y !== l.top || old.width !== l.width || old.height !== l.height;
  const resized = old.width !== l.width || old.height !== l.height;
  if (changed) node.layout = { x: l.left, y: l.top, width: l.width, height: l.height };
  for (let i = 0; i < 4; i++) {
    const b = yoga.getComputedBorder(EDGES[i]!);
    const p = yoga.getComputedPadding(EDGES[i]!);
    if (node.border[i] !== b || node.padding[i] !== p) {
      node.border[i] = b;
      node.padding[i] = p;
      changed = true;
    }
  }
  if (changed) {
    node.invalidate(GEOMETRY);
    if (resized) node.content?.resized?.(node);
  }
  for (const child of node.layoutChildren()) readBack(child);
}
