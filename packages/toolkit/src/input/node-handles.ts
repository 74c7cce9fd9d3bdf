/**
 * Which node stands behind each `ref` handle. Kept in input/, below the components that hand
 * handles out, so that input, semantics and gestures can turn a ref into its node without
 * importing the components.
 */
import type { PlanarNode } from '../tree/node.js';
import type { NodeHandle } from './events.js';

const handleNodes = new WeakMap<NodeHandle, PlanarNode>();

/** Records that `handle` is the handle of `node`. */
export function linkHandle(handle: NodeHandle, node: PlanarNode): void {
  handleNodes.set(handle, node);
}

/** The node behind a handle, for the toolkit's own use. */
export function nodeOfHandle(handle: NodeHandle): PlanarNode | undefined {
  return handleNodes.get(handle);
}
