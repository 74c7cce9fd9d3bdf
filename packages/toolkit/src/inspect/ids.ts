/**
 * The inspector's ids: a number for each node and each component owner, made on first sight and
 * kept only as long as the node or owner lives (weak maps), so a page can name what it picked.
 */
import type { Owner } from '../jsx/owner.js';
import type { PlanarNode } from '../tree/node.js';

let nextId = 1;
const nodeIds = new WeakMap<PlanarNode, number>();
const ownerIds = new WeakMap<Owner, number>();

/** The inspector's id of a node, made on first sight. */
export function nodeId(node: PlanarNode): number {
  let id = nodeIds.get(node);
  if (id === undefined) nodeIds.set(node, (id = nextId++));
  return id;
}

/** The inspector's id of a component's owner, made on first sight. */
export function ownerId(owner: Owner): number {
  let id = ownerIds.get(owner);
  if (id === undefined) ownerIds.set(owner, (id = nextId++));
  return id;
}

/** A node's id if the inspector has given it one, without making one. */
export function knownNodeId(node: PlanarNode): number | undefined {
  return nodeIds.get(node);
}
