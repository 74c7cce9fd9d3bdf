/**
 * Layout: Yoga runs only when something is layout-dirty, and only the nodes Yoga says have
 * a new layout are read back (a read is a call into wasm). A node whose box, border or
 * padding really changed is marked GEOMETRY so the next pass damages its old and new bounds.
 */
import { Edge } from 'yoga-layout/load';
import { GEOMETRY, type PlanarNode } from '../tree/node.js';
import { resolvedDirection, yogaDirection } from './direction.js';

const EDGES = [Edge.Top, Edge.Right, Edge.Bottom, Edge.Left] as const;

/**
 * Lays out the tree under `root` at the given logical size (undefined: sized by its content)
 * and reads back what changed.
 *
 * Yoga keys its layout cache on a node's available size, not on its parent's size, so a
 * child whose own constraints did not change keeps percentages (padding, margin, insets)
 * resolved against its parent's old width. When a box's content box changes, its children that
 * use percentages are dirtied and the layout runs again (at most three passes).
 *
 * A layer's root is laid out on its own: it inherits the direction of the box it is written in.
 */
export function runLayout(root: PlanarNode, width: number | undefined, height: number | undefined): void {
  root.scene?.syncPendingChildren();
  const owner = yogaDirection(resolvedDirection(root.parent));
  for (let pass = 0; pass < 3; pass++) {
    root.yoga!.calculateLayout(width, height, owner);
    const stale: PlanarNode[] = [];
    readBack(root, stale);
    if (!stale.length) return;
    for (const node of stale) touch(node);
  }
}

/** Marks a box dirty in Yoga (which only lets measured leaves be marked directly). */
function touch(node: PlanarNode): void {
  const yoga = node.yoga!;
  const ratio = yoga.getAspectRatio();
  yoga.setAspectRatio(ratio === 1 ? 2 : 1);
  yoga.setAspectRatio(Number.isNaN(ratio) ? undefined : ratio);
}

function readBack(node: PlanarNode, stale: PlanarNode[]): void {
  const yoga = node.yoga!;
  if (!yoga.hasNewLayout()) return;
  yoga.markLayoutSeen();
  const raw = yoga.getComputedLayout();
  // Yoga gives NaN in a few corner cases (a hidden child of a wrap-reverse container; only
  // absolute children under space-around): a box there has no place, so it gets none.
  const l = { left: raw.left || 0, top: raw.top || 0, width: raw.width || 0, height: raw.height || 0 };
  const old = node.layout;
  let changed = old.x !== l.left || old.y !== l.top || old.width !== l.width || old.height !== l.height;
  const resized = old.width !== l.width || old.height !== l.height;
  if (changed) node.layout = { x: l.left, y: l.top, width: l.width, height: l.height };
  for (let i = 0; i < 4 && node.edgesStyled; i++) {
    const b = yoga.getComputedBorder(EDGES[i]!) || 0;
    const p = yoga.getComputedPadding(EDGES[i]!) || 0;
    if (node.border[i] !== b || node.padding[i] !== p) {
      node.border[i] = b;
      node.padding[i] = p;
      changed = true;
    }
  }
  const children = node.layoutChildren();
  if (changed) {
    node.invalidate(GEOMETRY);
    if (resized) node.content?.resized?.(node);
    // The content box (size, padding or border) changed: the children's percentages resolve anew.
    for (const c of children) if (c.percentLayout) stale.push(c);
  }
  for (const child of children) readBack(child, stale);
}
