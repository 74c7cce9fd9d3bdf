/**
 * Layout direction: which way a row runs and where `start` and `end` are.
 *
 * Yoga keeps a direction on every node ('inherit' unless a style or the app sets one) and
 * resolves it while it lays out. The toolkit needs the resolved direction outside of Yoga's
 * pass too, and reads it the same way: the node's own, else the nearest ancestor's, else
 * left to right. That walk crosses layer boundaries (a layer is laid out on its own, so its
 * root is given its surroundings' direction as the owner direction, see layout.ts), and it
 * decides a paragraph's base direction (render/text.ts).
 *
 * A change of direction re-lays the subtree (Yoga), and rebuilds the paragraphs below (their
 * base direction and `start`/`end` alignment follow) and the layouts of layers below.
 */
import { Direction } from 'yoga-layout/load';
import type { PlanarNode } from '../tree/node.js';

/** A resolved direction. */
export type LayoutDirection = 'ltr' | 'rtl';

const YOGA: Record<LayoutDirection | 'inherit', Direction> = { ltr: Direction.LTR, rtl: Direction.RTL, inherit: Direction.Inherit };

/** The direction `node` lays out in: its own, else its nearest ancestor's, else 'ltr'. */
export function resolvedDirection(node: PlanarNode | null): LayoutDirection {
  for (let n = node; n; n = n.parent) {
    const d = n.yoga?.getDirection();
    if (d === Direction.RTL) return 'rtl';
    if (d === Direction.LTR) return 'ltr';
  }
  return 'ltr';
}

/** Yoga's value for a resolved direction (the owner direction of a layout pass). */
export function yogaDirection(direction: LayoutDirection): Direction {
  return YOGA[direction];
}

/** Sets a box's own direction ('inherit': its parent's) and refreshes what depends on it. */
export function setLayoutDirection(node: PlanarNode, direction: LayoutDirection | 'inherit'): void {
  if (!node.yoga || node.yoga.getDirection() === YOGA[direction]) return;
  node.yoga.setDirection(YOGA[direction]);
  node.layoutChanged();
  directionChanged(node);
}

/**
 * The direction in force at `node` may have changed: the paragraphs below are rebuilt and
 * the layers below laid out again (their roots take the direction as the owner direction).
 */
export function directionChanged(node: PlanarNode): void {
  if (node.kind === 'text') node.textChanged();
  if (node.layer) node.layoutChanged();
  for (const child of node.children) directionChanged(child);
}
