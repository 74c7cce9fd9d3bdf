/**
 * JSX elements and mounting.
 *
 * `jsx(type, props)` does not call the component: it returns an element `{ type, props }`.
 * The component runs once, when the element is mounted into a parent — which is what lets
 * `Show` and `ErrorBoundary` decide whether (and when) their children exist at all, and
 * gives every component an owner that is disposed when its part of the tree goes away.
 *
 * Mounting a child into a parent node:
 *   element            run the component (user components get an owner of their own), mount its result
 *   PlanarNode         insert it
 *   string / number    a text piece inside <Text>; an error elsewhere
 *   array              each item
 *   signal / getter    a slot: a region whose content follows the value (see `mountDynamic`)
 *   region             a slot its component fills itself (`For`)
 *   null / boolean     nothing
 */
import { untracked } from '@preact/signals-core';
import { PlanarNode } from '../tree/node.js';
import { Owner, bindEffect, getOwner, reportError, runWithOwner } from './owner.js';
import { isReactive, read } from './reactive.js';

const ELEMENT = Symbol.for('planar.element');
/** Marks built-in primitives, which run under their caller's owner instead of one of their own. */
export const PRIMITIVE = Symbol.for('planar.primitive');

export interface JSXElement {
  readonly $$kind: typeof ELEMENT;
  readonly type: (props: never) => unknown;
  readonly props: Record<string, unknown>;
}

/** Anything a component may return or take as children. */
export type Child =
  | JSXElement | PlanarNode | string | number | boolean | null | undefined
  | readonly Child[] | (() => Child) | { readonly value: Child; peek(): Child } | Region;

export function createElement(type: (props: never) => unknown, props: Record<string, unknown>): JSXElement {
  return { $$kind: ELEMENT, type, props };
}

export function isElement(value: unknown): value is JSXElement {
  return typeof value === 'object' && value !== null && (value as JSXElement).$$kind === ELEMENT;
}

/**
 * Runs a component once, untracked, under an owner named after it, and mounts what it
 * returned under that same owner (so context, error boundaries and disposal follow it).
 */
function mountElement(parent: PlanarNode, element: JSXElement): void {
  const type = element.type as ((props: unknown) => unknown) & { [PRIMITIVE]?: boolean };
  if (type[PRIMITIVE]) {
    mountChild(parent, untracked(() => type(element.props)));
    return;
  }
  const owner = new Owner(getOwner(), type.name || undefined);
  getOwner()?.onDispose(() => owner.dispose());
  runWithOwner(owner, () => {
    let result: unknown;
    try {
      result = untracked(() => type(element.props));
    } catch (error) {
      reportError(error, owner);
      return;
    }
    mountChild(parent, result);
  });
}

const REGION = Symbol.for('planar.region');

/** A region a component fills itself: `setup` gets the slot node it owns (used by For). */
export interface Region { readonly [REGION]: (slot: PlanarNode) => void }

/** Makes a region whose content `setup` manages through the slot node it is given. */
export function region(setup: (slot: PlanarNode) => void): Region {
  return { [REGION]: setup };
}

/** Mounts `child` as the last content of `parent`. */
export function mountChild(parent: PlanarNode, child: unknown): void {
  if (child === null || child === undefined || typeof child === 'boolean') return;
  if (Array.isArray(child)) {
    for (const c of child) mountChild(parent, c);
  } else if (child instanceof PlanarNode) {
    parent.insertBefore(child, null);
  } else if (isElement(child)) {
    mountElement(parent, child);
  } else if (typeof child === 'object' && REGION in child) {
    const slot = new PlanarNode('slot', 'region', getOwner());
    parent.insertBefore(slot, null);
    getOwner()?.onDispose(() => slot.destroy());
    (child as Region)[REGION](slot);
  } else if (typeof child === 'string' || typeof child === 'number') {
    mountText(parent, String(child));
  } else if (isReactive(child)) {
    mountDynamic(parent, child);
  } else {
    parent.propError('children', child, 'expected elements, strings, numbers, arrays, signals or getters');
  }
}

function mountText(parent: PlanarNode, text: string): PlanarNode | null {
  if (!parent.paragraphOwner()) {
    parent.propError('children', text, `the text "${text.slice(0, 40)}" must be inside a <Text>`);
    return null;
  }
  const piece = new PlanarNode('textpiece', 'text', parent.owner);
  piece.text = text;
  parent.insertBefore(piece, null);
  return piece;
}

/**
 * A region whose content follows a signal or getter. Each time the value changes, what the
 * previous value mounted is disposed (its owner goes, and with it its nodes) and the new value
 * is mounted in its place. A string that replaces a string only updates the text.
 */
export function mountDynamic(parent: PlanarNode, value: unknown): PlanarNode {
  const slot = new PlanarNode('slot', 'dynamic', getOwner());
  parent.insertBefore(slot, null);
  getOwner()?.onDispose(() => slot.destroy());
  // The first run happens inside the mount that made this region: its onMount callbacks wait for
  // that mount to end (with the siblings after this region made, so their refs are set).
  let first = true;
  bindEffect(() => {
    const next = read(value);
    untracked(() => {
      const only = slot.children.length === 1 ? slot.children[0]! : null;
      if ((typeof next === 'string' || typeof next === 'number') && only?.kind === 'textpiece') {
        const text = String(next);
        if (only.text !== text) {
          only.text = text;
          only.paragraphOwner()?.textChanged();
        }
        return;
      }
      for (const c of slot.children.slice()) slot.removeChild(c);
      mountChild(slot, next);
      if (!first) flushMounts();
    });
  }, 'dynamic');
  first = false;
  return slot;
}

type MountQueue = { owner: Owner | null; fn: () => void }[];

/**
 * onMount callbacks wait in a queue of the owner tree they were registered in (an app's, or a
 * `createRoot`'s), so that a mount in one app never runs another app's callbacks. Code that
 * runs under no owner at all shares the last queue.
 */
const mountQueues = new WeakMap<Owner, MountQueue>();
const ownerless: MountQueue = [];

function mountQueue(owner: Owner | null): MountQueue {
  let top = owner;
  while (top?.parent) top = top.parent;
  if (!top) return ownerless;
  let queue = mountQueues.get(top);
  if (!queue) mountQueues.set(top, (queue = []));
  return queue;
}

/**
 * Runs `fn` once the current component's nodes are mounted (after the mount in progress ends).
 * @example onMount(() => console.log('tile mounted'));
 */
export function onMount(fn: () => void): void {
  const owner = getOwner();
  mountQueue(owner).push({ owner, fn });
}

/** Runs the queued onMount callbacks of the current owner's tree, each under the owner it was registered in. */
export function flushMounts(): void {
  const queue = mountQueue(getOwner());
  while (queue.length) {
    const { owner, fn } = queue.shift()!;
    if (owner?.disposed) continue;
    runWithOwner(owner, () => {
      try {
        untracked(fn);
      } catch (error) {
        reportError(error, owner);
      }
    });
  }
}
