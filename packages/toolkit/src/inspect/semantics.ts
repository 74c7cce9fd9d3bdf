/**
 * The semantics tree beside the node tree: each semantics record carries the id of the node it
 * describes. Reading semantics reads the signals behind them; it is done untracked, so that
 * inspecting subscribes nothing.
 */
import { untracked } from '@preact/signals-core';
import type { PlanarNode } from '../tree/node.js';
import { SemanticsNode } from '../semantics/node.js';
import { walk } from '../semantics/tree.js';
import { nodeId } from './ids.js';
import { toPlain } from './values.js';
import type { InspectedSemantics } from './types.js';

function record(view: SemanticsNode): InspectedSemantics {
  const d = view.data(null, []);
  return {
    id: d.id, nodeId: nodeId(view.node), role: d.role, name: d.name, description: d.description,
    value: toPlain(d.value), states: toPlain(d.states) as Record<string, unknown>, actions: [...d.actions], bounds: d.bounds, children: [],
  };
}

/** The semantics tree under `root`, in reading order. */
export function semanticsTree(root: PlanarNode): InspectedSemantics[] {
  return untracked(() => {
    const top: InspectedSemantics[] = [];
    const records = new Map<SemanticsNode, InspectedSemantics>();
    for (const { node, parent } of walk(root)) {
      const r = record(node);
      records.set(node, r);
      (parent ? records.get(parent)!.children : top).push(r);
    }
    return top;
  });
}

/** The semantics record of one node, or null when it is not in the semantics tree (role none, hidden). */
export function semanticsOf(node: PlanarNode): InspectedSemantics | null {
  return untracked(() => {
    if (!node.isBox || node.kind === 'root') return null;
    const view = SemanticsNode.of(node);
    if (view.role === 'none' || view.excluded || node.hidden) return null;
    return record(view);
  });
}
