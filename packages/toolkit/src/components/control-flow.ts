/**
 * Control flow as components: Show, For, ErrorBoundary, and context.
 * Each is a slot whose content follows a signal; what it stops showing is disposed.
 */
import { computed, signal, untracked, type ReadonlySignal } from '@preact/signals-core';
import { Owner, getOwner, reportError, runWithOwner, bindEffect } from '../jsx/owner.js';
import { flushMounts, mountChild, region, type Child } from '../jsx/element.js';
import { read, type Reactive } from '../jsx/reactive.js';
import { PlanarNode } from '../tree/node.js';

/**
 * Shows `children` while `when` is truthy, else `fallback`. Children may be a function of the value.
 * @example <Show when={user} fallback={<Text>Signed out</Text>}>{(u) => <Text>{() => u().name}</Text>}</Show>
 */
export function Show<T>(props: {
  when: Reactive<T | undefined | null | false>;
  fallback?: Child;
  children: Child | ((value: () => T) => Child);
}): Child {
  const value = computed(() => read(props.when));
  const shown = computed(() => !!value.value);
  return () => {
    if (!shown.value) return props.fallback;
    const c = props.children;
    return typeof c === 'function' && c.length > 0 ? (c as (v: () => T) => Child)(() => value.value as T) : (c as Child);
  };
}

/**
 * A keyed list: each item is rendered once and its nodes move when the list reorders.
 * Items are keyed by identity unless `key` is given.
 * @example <For each={rooms}>{(room, index) => <Tile room={room} />}</For>
 */
export function For<T>(props: {
  each: Reactive<readonly T[] | undefined | null>;
  key?: (item: T) => unknown;
  fallback?: Child;
  children: (item: T, index: ReadonlySignal<number>) => Child;
}): Child {
  const parentOwner = getOwner();
  const keyOf = props.key ?? ((item: T) => item);
  return region((slot: PlanarNode) => {
    interface Row { owner: Owner; nodes: PlanarNode; index: ReturnType<typeof signal<number>> }
    let rows = new Map<unknown, Row>();
    let fallback: Owner | null = null;
    // The first run is part of the mount that made the list: that mount runs the onMount callbacks.
    let first = true;
    bindEffect(() => {
      const items = read(props.each) ?? [];
      untracked(() => {
        const next = new Map<unknown, Row>();
        items.forEach((item, i) => {
          const key = keyOf(item);
          if (next.has(key)) {
            reportError(new Error(`<For> got the key ${String(key)} twice: give each item a unique key (the key prop)`), parentOwner);
            return;
          }
          let row = rows.get(key);
          if (row) {
            rows.delete(key);
            row.index.value = i;
          } else {
            const owner = new Owner(parentOwner, undefined);
            const group = new PlanarNode('slot', 'For item', owner);
            const index = signal(i);
            runWithOwner(owner, () => {
              try {
                mountChild(group, props.children(item, index));
              } catch (error) {
                reportError(error, owner);
              }
            });
            row = { owner, nodes: group, index };
          }
          next.set(key, row);
        });
        for (const row of rows.values()) {
          slot.removeChild(row.nodes);
          row.owner.dispose();
          row.nodes.destroy();
        }
        rows = next;
        if (fallback && rows.size) {
          fallback.dispose();
          fallback = null;
        }
        placeInOrder(slot, [...rows.values()].map((r) => r.nodes));
        if (!rows.size && props.fallback && !fallback) {
          fallback = new Owner(parentOwner, undefined);
          runWithOwner(fallback, () => mountChild(slot, props.fallback));
        }
        if (!first) flushMounts();
      });
    }, 'For');
    first = false;
    getOwner()?.onDispose(() => {
      for (const row of rows.values()) row.owner.dispose();
      fallback?.dispose();
    });
  });
}

/**
 * Puts `ordered` (nodes of `slot`, and new ones) in that order, moving as few as it can: the
 * nodes on a longest run already in order stay, every other one is inserted before the node
 * that follows it, from the last to the first. Moving a node damages where it was and where
 * it goes, so a list whose first rows move to its end moves those rows, not all the others.
 */
function placeInOrder(slot: PlanarNode, ordered: readonly PlanarNode[]): void {
  const was = new Map<PlanarNode, number>();
  slot.children.forEach((node, i) => was.set(node, i));
  const stays = longestRunInOrder(ordered.map((node) => was.get(node) ?? -1));
  let next: PlanarNode | null = null;
  for (let i = ordered.length - 1; i >= 0; i--) {
    const node = ordered[i]!;
    if (!stays[i]) slot.insertBefore(node, next);
    next = node;
  }
}

/**
 * Which entries are on a longest strictly increasing subsequence of `places` (entries below 0,
 * new nodes, are on none). Patience sorting: `tails[k]` is the entry ending the best run of
 * length k + 1 found so far, `before[i]` the entry before i on its run; O(n log n).
 */
function longestRunInOrder(places: readonly number[]): boolean[] {
  const tails: number[] = [], before = new Int32Array(places.length).fill(-1);
  places.forEach((place, i) => {
    if (place < 0) return;
    let lo = 0, hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (places[tails[mid]!]! < place) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) before[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const on = new Array<boolean>(places.length).fill(false);
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = before[i]!) on[i] = true;
  return on;
}

/**
 * Catches errors thrown below it (while mounting, in effects and in event handlers) and
 * shows `fallback(error, reset)` instead; `reset` mounts the children again.
 * @example <ErrorBoundary fallback={(e, reset) => <Text onPress={reset}>{e.message}</Text>}>…</ErrorBoundary>
 */
export function ErrorBoundary(props: { fallback: (error: Error, reset: () => void) => Child; children: Child }): Child {
  const failure = signal<Error | null>(null);
  const owner = getOwner();
  if (owner) owner.catcher = (error) => { failure.value = error; };
  const reset = () => { failure.value = null; };
  return () => {
    const error = failure.value;
    return error ? untracked(() => props.fallback(error, reset)) : props.children;
  };
}

export interface Context<T> {
  readonly id: symbol;
  readonly defaultValue: T;
  /** Provides `value` to every component below. */
  Provider: (props: { value: T; children: Child }) => Child;
}

/**
 * Creates a context for values passed down without props (themes, services).
 * @example const Theme = createContext({ accent: '#0af' }); … <Theme.Provider value={dark}>…</Theme.Provider>
 */
export function createContext<T>(defaultValue: T, name = 'Context'): Context<T> {
  const id = Symbol(name);
  return {
    id,
    defaultValue,
    Provider: (props) => {
      const owner = getOwner();
      if (owner) (owner.contexts ??= new Map()).set(id, props.value);
      return props.children;
    },
  };
}

/** The nearest provided value of a context, or its default. */
export function useContext<T>(context: Context<T>): T {
  const found = getOwner()?.lookup(context.id);
  return found?.found ? (found.value as T) : context.defaultValue;
}
