/**
 * `ref` support: the handle a primitive gives to `ref={(h) => …}` or `ref={{ current }}`.
 */
import type { NodeHandle } from '../input/events.js';
import type { PlanarNode } from '../tree/node.js';
import { canFocus } from '../input/focus.js';

const handles = new WeakMap<PlanarNode, NodeHandle>();

/** The handle of a node (one per node). */
export function handleOf(node: PlanarNode): NodeHandle {
  let handle = handles.get(node);
  if (!handle) {
    handle = {
      get testId() { return node.testId; },
      box() {
        if (!node.scene) throw new Error(`<${node.component}${node.testId ? ` testId="${node.testId}"` : ''}> is not mounted: it has no box`);
        return node.scene.outputBox(node);
      },
      focus() { if (canFocus(node)) node.scene?.focus(node); },
      blur() { if (node.scene?.focused === node) node.scene.focus(null); },
      get focused() { return node.scene?.focused === node; },
    };
    handles.set(node, handle);
  }
  return handle;
}

/** The node behind a handle, for the toolkit's own use. */
export function nodeOfHandle(handle: NodeHandle): PlanarNode | undefined {
  return handleNodes.get(handle);
}
const handleNodes = new WeakMap<NodeHandle, PlanarNode>();

export type Ref = ((handle: NodeHandle) => void) | { current: NodeHandle | null };

/** Hands the node's handle to a ref prop, clearing an object ref again on cleanup. */
export function setRef(ref: Ref | undefined, node: PlanarNode, onCleanup: (fn: () => void) => void): void {
  if (!ref) return;
  const handle = handleOf(node);
  handleNodes.set(handle, node);
  if (typeof ref === 'function') ref(handle);
  else {
    ref.current = handle;
    onCleanup(() => { if (ref.current === handle) ref.current = null; });
  }
}
