/**
 * Interaction state: whether a node is pressed, hovered, focused and focused from keys, as
 * signals a component reads to style itself. The dispatcher writes them (pressed and hovered
 * as pointers cross nodes, focused as focus moves); a record exists only for nodes that
 * somebody asked about, so the rest of the tree pays nothing.
 */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals-core';
import { onMount } from '../jsx/element.js';
import { nodeOfHandle } from '../input/node-handles.js';
import type { PlanarNode } from '../tree/node.js';
import type { NodeHandle } from './events.js';

/** A node's interaction state, as the dispatcher writes it. */
export interface InteractionRecord {
  pressed: Signal<boolean>;
  hovered: Signal<boolean>;
  focused: Signal<boolean>;
  focusVisible: Signal<boolean>;
  editing: Signal<boolean>;
}

const records = new WeakMap<PlanarNode, InteractionRecord>();

/** The node's record, made on first use. */
export function interactionOf(node: PlanarNode): InteractionRecord {
  let record = records.get(node);
  if (!record) {
    record = { pressed: signal(false), hovered: signal(false), focused: signal(node.scene?.focused === node), focusVisible: signal(false), editing: signal(false) };
    records.set(node, record);
  }
  return record;
}

/** Sets one state of a node, if anybody watches the node. */
export function setInteraction(node: PlanarNode, key: keyof InteractionRecord, value: boolean): void {
  const record = records.get(node);
  if (record && record[key].peek() !== value) record[key].value = value;
}

/** What `useInteraction` gives: each a signal a style or a getter can read. */
export interface Interaction {
  /** A pointer is held down on the node and inside it, and nobody took it over. */
  readonly pressed: ReadonlySignal<boolean>;
  /** A pointer is over the node or one of its descendants (a touch only while it is down). */
  readonly hovered: ReadonlySignal<boolean>;
  readonly focused: ReadonlySignal<boolean>;
  /** Focused, and the last input was a key or an encoder: draw a focus ring. */
  readonly focusVisible: ReadonlySignal<boolean>;
  /** In an encoder's edit mode: its turns change this node instead of moving focus. */
  readonly editing: ReadonlySignal<boolean>;
}

/**
 * The interaction state of the node behind `ref`, as signals (all false until it mounts).
 * @example
 * function Key(props: { label: string }) {
 *   const ref = { current: null as NodeHandle | null };
 *   const { pressed, focusVisible } = useInteraction(ref);
 *   return (
 *     <View ref={ref} focusable style={{ backgroundColor: () => (pressed.value ? '#345' : '#123'),
 *       borderWidth: () => (focusVisible.value ? 2 : 0), borderColor: 'white' }}>
 *       <Text>{props.label}</Text>
 *     </View>
 *   );
 * }
 */
export function useInteraction(ref: { readonly current: NodeHandle | null }): Interaction {
  const node = signal<PlanarNode | null>(null);
  onMount(() => {
    const found = ref.current && nodeOfHandle(ref.current);
    if (!found) throw new Error('useInteraction(ref): the ref was not given to any View, Text, Image or Canvas of this component — pass it as the `ref` prop of the node to watch');
    node.value = found;
  });
  const state = (key: keyof InteractionRecord) => computed(() => {
    const n = node.value;
    return n ? interactionOf(n)[key].value : false;
  });
  return { pressed: state('pressed'), hovered: state('hovered'), focused: state('focused'), focusVisible: state('focusVisible'), editing: state('editing') };
}
