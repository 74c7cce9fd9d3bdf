/**
 * `ref` support: the handle a primitive gives to `ref={(h) => …}` or `ref={{ current }}`.
 */
import type { NodeHandle } from '../input/events.js';
import type { PlanarNode } from '../tree/node.js';
import { canFocus } from '../input/focus.js';
import { linkHandle, nodeOfHandle } from '../input/node-handles.js';

export { nodeOfHandle };

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
    linkHandle(handle, node);
  }
  return handle;
}


/**
 * Reports a bad prop of a component built on the node behind `handle`, as the primitives
 * report theirs: an `error` event (a warning in production) naming the component path, the
 * prop, the value and what to do; the same report is made once. It never throws, so a
 * widget can report and go on with the nearest valid value.
 * @example
 * if (props.step === 0) reportPropError(ref.current!, 'step', 0, 'must not be 0 — give a positive step; using 1');
 */
export function reportPropError(handle: NodeHandle, prop: string, value: unknown, problem: string): void {
  nodeOfHandle(handle)?.propError(prop, value, problem);
}

export type Ref = ((handle: NodeHandle) => void) | { current: NodeHandle | null };

/** Hands the node's handle to a ref prop, clearing an object ref again on cleanup. */
export function setRef(ref: Ref | undefined, node: PlanarNode, onCleanup: (fn: () => void) => void): void {
  if (!ref) return;
  const handle = handleOf(node);
  linkHandle(handle, node);
  if (typeof ref === 'function') ref(handle);
  else {
    ref.current = handle;
    onCleanup(() => { if (ref.current === handle) ref.current = null; });
  }
}
