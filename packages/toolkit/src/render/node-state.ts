/**
 * What the renderer keeps per node, outside the node tree: the offscreen image of a box drawn
 * as a group (opacity below 1) and the flags that say when to redraw it. The tree stays a
 * model; these records live in a WeakMap keyed by node and are freed (the group's CanvasKit
 * image deleted) when the node is destroyed, through the tree's destroy hook.
 */
import { onNodeDestroyed, type PlanarNode } from '../tree/node.js';
import type { OpacityGroup } from './group.js';

export interface NodeRenderState {
  /** The offscreen image of the node's subtree while its opacity is below 1 (see group.ts). */
  group: OpacityGroup | null;
  /** Whether something inside the group changed since its image was drawn. */
  groupStale: boolean;
  /** Whether the last bounds pass found this box drawn as a group. */
  wasGroup: boolean;
}

const states = new WeakMap<PlanarNode, NodeRenderState>();

/** The node's render state, made on first use. */
export function renderState(node: PlanarNode): NodeRenderState {
  let state = states.get(node);
  if (!state) states.set(node, (state = { group: null, groupStale: true, wasGroup: false }));
  return state;
}

/** The node's render state if it has one (most nodes never need one). */
export function peekRenderState(node: PlanarNode): NodeRenderState | undefined {
  return states.get(node);
}

onNodeDestroyed((node) => {
  const state = states.get(node);
  if (!state) return;
  state.group?.dispose();
  states.delete(node);
});
