/**
 * The props a box was written with, kept for the inspector: one WeakMap entry per box, set when
 * the box is made and dropped when it is destroyed, so nothing outlives the node. Reactive props
 * are told apart later by what they are (a signal or a getter), and read only when someone
 * inspects the node: nothing is computed while nobody looks.
 *
 * Only apps an inspector can reach keep them (a display that serves one, `PLANAR_INSPECT`, the
 * testing API): a panel in the field holds no copy of every box's props for nobody.
 */
import { onNodeDestroyed, type PlanarNode } from '../tree/node.js';

const written = new WeakMap<PlanarNode, object>();

onNodeDestroyed((node) => written.delete(node));

let recording = false;

/** Starts keeping props, for the boxes made from now on (an app an inspector can reach). */
export function keepPropsForInspector(): void {
  recording = true;
}

/** Remembers the props `node` was written with, when an inspector can see them. */
export function recordProps(node: PlanarNode, props: object): void {
  if (recording) written.set(node, props);
}

/** The props `node` was written with, or an empty object for nodes no component wrote (root, slots). */
export function recordedProps(node: PlanarNode): Record<string, unknown> {
  return (written.get(node) ?? {}) as Record<string, unknown>;
}
