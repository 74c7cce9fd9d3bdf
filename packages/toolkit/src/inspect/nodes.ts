/**
 * The node tree, the component tree and one node's detail, as plain JSON.
 *
 * Ids: a node gets a number the first time the inspector sees it (a WeakMap, so an id never
 * keeps its node alive); looking a node up by id walks the live tree, so a removed node is
 * simply not found. The component tree is not stored anywhere: owners know only their parent,
 * so it is rebuilt from each node's owner chain, keeping the owners that have a name.
 */
import { Edge } from 'yoga-layout/load';
import type { Owner } from '../jsx/owner.js';
import type { PlanarNode } from '../tree/node.js';
import type { Scene } from '../tree/scene.js';
import { layerOf, logicalBox } from '../tree/layer.js';
import type { Rect } from '../tree/geometry.js';
import { focusTraitsOf } from '../input/focus.js';
import { HANDLER_NAMES } from '../input/events.js';
import { recordedProps } from './props-record.js';
import { current, reactiveKind, toPlain } from './values.js';
import { semanticsOf } from './semantics.js';
import { knownNodeId, nodeId, ownerId } from './ids.js';
import type { BoxModel, BoxEdges, InspectedComponent, InspectedNode, InspectedNodeDetail, OutputRect, ReactiveValue } from './types.js';

/** The live node with this id under `root`, or null. */
export function findNode(root: PlanarNode, id: number): PlanarNode | null {
  if (knownNodeId(root) === id) return root;
  for (const c of root.children) {
    const found = findNode(c, id);
    if (found) return found;
  }
  return null;
}

/** The nearest owner with a name: the component that wrote the node. */
function namedOwner(owner: Owner | null): Owner | null {
  for (let o = owner; o; o = o.parent) if (o.name) return o;
  return null;
}

function outputRect(scene: Scene, r: Rect): OutputRect {
  const o = scene.toOutput(r);
  return { x: o.left, y: o.top, width: o.right - o.left, height: o.bottom - o.top };
}

export function nodeTree(scene: Scene, node: PlanarNode = scene.root): InspectedNode {
  const out: InspectedNode = {
    id: nodeId(node), kind: node.kind, component: node.component, testId: node.testId ?? null,
    owner: namedOwner(node.owner)?.name ?? null, hidden: node.hidden,
    box: node.isBox && node.scene ? outputRect(scene, logicalBox(node)) : null,
    children: node.children.map((c) => nodeTree(scene, c)),
  };
  if (node.kind === 'textpiece') out.text = node.text.length > 80 ? `${node.text.slice(0, 80)}…` : node.text;
  return out;
}

export function componentTree(root: PlanarNode): InspectedComponent[] {
  const entries = new Map<Owner, InspectedComponent>();
  const top: InspectedComponent[] = [];
  const entryOf = (owner: Owner): InspectedComponent => {
    let entry = entries.get(owner);
    if (entry) return entry;
    entry = { id: ownerId(owner), name: owner.name!, nodes: [], children: [] };
    entries.set(owner, entry);
    const parent = namedOwner(owner.parent);
    (parent ? entryOf(parent).children : top).push(entry);
    return entry;
  };
  const visit = (node: PlanarNode) => {
    const owner = namedOwner(node.owner);
    if (owner && node.kind !== 'textpiece') entryOf(owner).nodes.push(nodeId(node));
    for (const c of node.children) visit(c);
  };
  visit(root);
  return top;
}

const SKIPPED = new Set(['children', 'style', 'ref']);

/** A node's props, style and the reactive ones among them, read now. */
function propsOf(node: PlanarNode): Pick<InspectedNodeDetail, 'props' | 'style' | 'reactive' | 'handlers'> {
  const written = recordedProps(node);
  const props: Record<string, unknown> = {}, style: Record<string, unknown> = {};
  const reactive: ReactiveValue[] = [];
  const handlers: string[] = [];
  const note = (prop: string, given: unknown): unknown => {
    const value = toPlain(current(given));
    const via = reactiveKind(given);
    if (via) reactive.push({ prop, via, value });
    return value;
  };
  for (const [key, given] of Object.entries(written)) {
    // Callbacks (event handlers, onMetrics, …) are listed, never called as if they were getters.
    if (HANDLER_NAMES.has(key) || /^on[A-Z]/.test(key)) handlers.push(key);
    else if (key === 'semantics' && given && typeof given === 'object' && !reactiveKind(given)) {
      const sem: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(given)) sem[k] = typeof v === 'function' && k === 'onAction' ? toPlain(v) : note(`semantics.${k}`, v);
      props.semantics = sem;
    } else if (!SKIPPED.has(key) && !(key === 'draw' && node.kind === 'canvas')) props[key] = note(key, given);
    else if (key === 'draw') props.draw = toPlain(given);
  }
  const given = written.style;
  const resolved = current(given);
  if (reactiveKind(given)) reactive.push({ prop: 'style', via: reactiveKind(given)!, value: toPlain(resolved) });
  if (resolved && typeof resolved === 'object') {
    for (const [key, v] of Object.entries(resolved)) style[key] = note(`style.${key}`, v);
  }
  return { props, style, reactive, handlers };
}

function edges(read: (edge: Edge) => number): BoxEdges {
  return [read(Edge.Top), read(Edge.Right), read(Edge.Bottom), read(Edge.Left)].map((v) => v || 0) as BoxEdges;
}

/** Margin, border, padding and content boxes on the output, from the border box inwards and out. */
function boxModel(scene: Scene, node: PlanarNode): BoxModel | null {
  if (!node.yoga || !node.scene) return null;
  const yoga = node.yoga;
  const margin = edges((e) => yoga.getComputedMargin(e));
  const b = logicalBox(node);
  const grow = (r: Rect, [t, right, bottom, l]: BoxEdges, sign: number): Rect => ({ left: r.left - sign * l, top: r.top - sign * t, right: r.right + sign * right, bottom: r.bottom + sign * bottom });
  const padding = grow(b, node.border, -1);
  return {
    margin: outputRect(scene, grow(b, margin, 1)),
    border: outputRect(scene, b),
    padding: outputRect(scene, padding),
    content: outputRect(scene, grow(padding, node.padding, -1)),
    edges: { margin, border: [...node.border], padding: [...node.padding] },
    layout: { ...node.layout },
  };
}

function layerName(node: PlanarNode): string {
  const layer = layerOf(node);
  if (!layer) return 'root';
  return layer.node.testId ? `"${layer.node.testId}"` : `<${layer.node.component}> ${nodeId(layer.node)}`;
}

export function nodeDetail(scene: Scene, node: PlanarNode): InspectedNodeDetail {
  return {
    id: nodeId(node), kind: node.kind, component: node.component, testId: node.testId ?? null,
    ownerPath: node.owner?.path() ?? '',
    ...propsOf(node),
    box: boxModel(scene, node),
    paint: {
      opacity: node.paint.opacity, clip: node.paint.clip, hidden: node.hidden, disabled: node.disabled,
      focusable: node.focusable, editable: !!focusTraitsOf(node).editable, focused: scene.focused === node,
    },
    layer: layerName(node),
    semantics: semanticsOf(node),
  };
}
