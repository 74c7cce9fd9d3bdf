/**
 * The bounds pass: after layout, walks the dirty parts of the tree, recomputes the
 * layer-space matrix and bounds of every node that moved, changed or was added, and feeds
 * the damage tracker with the old and new bounds. Clean subtrees (no dirty bit) are skipped;
 * a moved node re-walks its whole subtree, since every descendant moved with it, and its own
 * damage (old and new subtree bounds) already covers theirs.
 */
import { ADDED, GEOMETRY, OPACITY, PAINT, SUBTREE, type PlanarNode } from '../tree/node.js';
import {
  intersect, isEmpty, multiply, rectFromBox, transformRect, translation, union,
  type Affine, type Rect,
} from '../tree/geometry.js';
import { toDegrees } from '../style/paint-props.js';
import { shadowReach } from './painter.js';
import { isGroup } from './group.js';
import { peekRenderState, renderState } from './node-state.js';

/**
 * Updates bounds under `node` and reports damage, cut to `clip` (the clips of the boxes above, in
 * layer space) when there is one; returns nothing, mutates nodes. `damage` is the same function
 * all the way down, so that the optimising compiler sees one call target however deep the tree.
 */
export function updateBounds(node: PlanarNode, parent: Affine, force: boolean, covered: boolean, damage: (r: Rect) => void, clip: Rect | null = null): void {
  const flags = node.flags;
  if (!force && !(flags & (PAINT | GEOMETRY | ADDED | SUBTREE | OPACITY))) return;
  node.flags = 0;
  if (force || flags & ~OPACITY) {
    const state = peekRenderState(node);
    if (state) state.groupStale = true;
  }
  if (!node.isBox) {
    // Slots, spans and text pieces have no box: they pass their children through.
    let sub: Rect | null = null;
    for (const c of node.children) {
      if (c.layer) continue;
      updateBounds(c, parent, force, covered, damage, clip);
      if (c.subtreeBounds) sub = sub ? union(sub, c.subtreeBounds) : c.subtreeBounds;
    }
    node.subtreeBounds = sub;
    return;
  }
  const moved = force || (flags & (GEOMETRY | ADDED)) !== 0;
  const before = node.subtreeBounds;
  if (moved && !covered && node.subtreeBounds) report(damage, clip, node.subtreeBounds);
  if (node.hidden) {
    clearBounds(node);
    return;
  }
  if (moved) {
    node.local = localMatrix(node);
    node.matrix = multiply(parent, node.local);
    node.bounds = ownBounds(node);
  } else if (flags & PAINT) {
    const ownBefore = node.bounds;
    node.bounds = ownBounds(node);
    if (!covered) {
      if (ownBefore) report(damage, clip, ownBefore);
      report(damage, clip, node.bounds);
    }
  }
  let sub: Rect | null = null;
  // What changes inside a box that clips shows only inside it: its children's damage is cut to it
  // (a long line of text scrolled inside a narrow field damages the field, not the line).
  const clipRect = node.paint.clip ? transformRect(node.matrix, rectFromBox({ x: 0, y: 0, width: node.layout.width, height: node.layout.height })) : null;
  const inner = clipRect ? (clip ? intersect(clip, clipRect) : clipRect) : clip;
  for (const c of node.children) {
    if (c.layer) continue;
    updateBounds(c, node.matrix, moved, covered || moved, damage, inner);
    if (c.subtreeBounds) sub = sub ? union(sub, c.subtreeBounds) : c.subtreeBounds;
  }
  if (sub && clipRect) {
    sub = intersect(sub, clipRect);
    if (isEmpty(sub)) sub = null;
  }
  node.subtreeBounds = sub ? union(node.bounds!, sub) : node.bounds;
  if (moved && !covered) report(damage, clip, node.subtreeBounds!);
  // A group whose extent or opacity changed is redrawn at a new origin or composited anew, and
  // a box that becomes or stops being a group is composited differently: all of it changes.
  const group = isGroup(node);
  const state = peekRenderState(node);
  if (!covered && before && (group !== (state?.wasGroup ?? false) || (group && ((flags & OPACITY) !== 0 || !sameRect(before, node.subtreeBounds!))))) {
    report(damage, clip, before);
    report(damage, clip, node.subtreeBounds!);
  }
  if (state || group) renderState(node).wasGroup = group;
}

/** Reports `r` as damage, cut to `clip` when there is one. */
function report(damage: (r: Rect) => void, clip: Rect | null, r: Rect): void {
  if (!clip) return damage(r);
  const cut = intersect(r, clip);
  if (!isEmpty(cut)) damage(cut);
}

function sameRect(a: Rect, b: Rect): boolean {
  return a.left === b.left && a.top === b.top && a.right === b.right && a.bottom === b.bottom;
}

function clearBounds(node: PlanarNode): void {
  node.flags = 0;
  node.bounds = null;
  node.subtreeBounds = null;
  for (const c of node.children) if (!c.layer) clearBounds(c);
}

/** Position in the parent, then `transform` about its origin. */
function localMatrix(node: PlanarNode): Affine {
  const { x, y, width, height } = node.layout;
  let m = translation(x, y);
  const steps = node.paint.transform;
  if (!steps) return m;
  const ox = node.paint.origin.x * width, oy = node.paint.origin.y * height;
  m = multiply(m, translation(ox, oy));
  for (const s of steps) {
    if (s.translateX || s.translateY) m = multiply(m, translation(s.translateX ?? 0, s.translateY ?? 0));
    if (s.scale !== undefined || s.scaleX !== undefined || s.scaleY !== undefined) {
      const sx = s.scaleX ?? s.scale ?? 1, sy = s.scaleY ?? s.scale ?? 1;
      m = multiply(m, [sx, 0, 0, sy, 0, 0]);
    }
    if (s.rotate !== undefined) {
      const r = (toDegrees(s.rotate) * Math.PI) / 180;
      // Snap the float noise of right angles, so that 90° stays axis-aligned.
      const snap = (v: number) => (Math.abs(v) < 1e-12 ? 0 : v);
      const c = snap(Math.cos(r)), n = snap(Math.sin(r));
      m = multiply(m, [c, n, -n, c, 0, 0]);
    }
  }
  return multiply(m, translation(-ox, -oy));
}

/** What the node paints itself, in layer space: its box, plus shadow and content overhang, plus a pixel for anti-aliasing. */
function ownBounds(node: PlanarNode): Rect {
  const { width, height } = node.layout;
  let r: Rect = { left: 0, top: 0, right: width, bottom: height };
  const s = node.paint.shadow;
  if (s) {
    const reach = shadowReach(s) + Math.abs(s.spread);
    r = union(r, {
      left: s.offsetX - reach, top: s.offsetY - reach,
      right: width + s.offsetX + reach, bottom: height + s.offsetY + reach,
    });
  }
  const over = node.content?.overhang(node) ?? 0;
  if (over) r = union(r, { left: -over, top: -over, right: width + over, bottom: height + over });
  const t = transformRect(node.matrix, r);
  return { left: t.left - 1, top: t.top - 1, right: t.right + 1, bottom: t.bottom + 1 };
}

