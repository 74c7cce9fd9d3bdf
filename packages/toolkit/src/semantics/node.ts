/**
 * The semantics of one box, derived on demand from its `semantics` prop and its tree.
 *
 * Nothing is cached: every getter reads the props (subscribing, inside an effect, to the
 * signals they read) and the node's current state, so a query never sees a stale value and an
 * unused semantics tree costs nothing. `SemanticsNode` is the live view — one per box, so it
 * keeps its identity across queries — and `data()` freezes it into a plain record.
 */
import { read, type Reactive } from '../jsx/reactive.js';
import { nodeOfHandle } from '../input/node-handles.js';
import { textOf } from '../render/text.js';
import type { PlanarNode } from '../tree/node.js';
import { ROLES, type Role, type SemanticsAction, type SemanticsBounds, type SemanticsData, type SemanticsProps, type SemanticsStates, type SemanticsValue } from './types.js';

const sources = new WeakMap<PlanarNode, Reactive<SemanticsProps>>();
const views = new WeakMap<PlanarNode, SemanticsNode>();
let nextId = 1;

/** Roles whose name, when no label is given, is the text of their descendants. */
const NAMED_BY_CONTENT = new Set<Role>(['button', 'checkbox', 'switch', 'radio', 'tab', 'option', 'listitem', 'heading', 'link', 'menuitem', 'text']);

/** Remembers a box's `semantics` prop (a value, a signal or a getter); read when asked. */
export function setSemantics(node: PlanarNode, props: Reactive<SemanticsProps>): void {
  sources.set(node, props);
}

/** The props as they are now (an empty object for a box without any). */
function propsOf(node: PlanarNode): SemanticsProps {
  const source = sources.get(node);
  return source ? read(source) ?? {} : {};
}

/** The node's own `disabled`, whichever module provides it (a prop of the box), or its semantics'. */
function ownDisabled(node: PlanarNode): boolean {
  return !!(node as { disabled?: boolean }).disabled || !!read(propsOf(node).disabled);
}

/** Collapses runs of white space and trims, as a name is read out. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text a subtree shows: a descendant's `label` stands for its subtree; hidden parts are skipped. */
export function contentText(node: PlanarNode): string {
  const parts: string[] = [];
  const visit = (n: PlanarNode) => {
    if (n.hidden || n.destroyed) return;
    const props = propsOf(n);
    if (read(props.hidden)) return;
    const label = read(props.label);
    if (label !== undefined && n !== node) parts.push(label);
    else if (n.kind === 'text') parts.push(textOf(n));
    else for (const c of n.children) visit(c);
  };
  visit(node);
  return normalise(parts.join(' '));
}

/**
 * The live semantics of a box: every read reflects the props and the tree as they are now.
 * Queries (`screen.getByRole`) return these; `tap`, `find`, `act` and the matchers take them.
 * @example
 * const wifi = screen.getByRole('switch', { name: 'Wi-Fi' });
 * wifi.states.checked; // true or false, read now
 */
export class SemanticsNode {
  /** Stable for the node's lifetime. */
  readonly id = nextId++;

  /** @internal Use `SemanticsNode.of(node)`: one view per box. */
  constructor(readonly node: PlanarNode) {}

  /** @internal The one view of a box. */
  static of(node: PlanarNode): SemanticsNode {
    let view = views.get(node);
    if (!view) views.set(node, (view = new SemanticsNode(node)));
    return view;
  }

  get role(): Role {
    const role = read(propsOf(this.node).role);
    if (role !== undefined) return ROLES.has(role) ? role : 'none';
    if (this.node.kind === 'text') return 'text';
    if (this.node.kind === 'image' && read(propsOf(this.node).label) !== undefined) return 'img';
    return 'none';
  }

  /** The accessible name: `label`, else the text of `labelledBy`, else (for some roles) the content. */
  get name(): string {
    const props = propsOf(this.node);
    const label = read(props.label);
    if (label !== undefined) return normalise(label);
    const by = this.labelNode();
    if (by) return contentText(by);
    return NAMED_BY_CONTENT.has(this.role) ? contentText(this.node) : '';
  }

  /** Whether the name comes from `label` or `labelledBy` (what `getByLabel` looks at). */
  get labelled(): boolean {
    const props = propsOf(this.node);
    return read(props.label) !== undefined || this.labelNode() !== null;
  }

  private labelNode(): PlanarNode | null {
    const by = read(propsOf(this.node).labelledBy);
    if (by === undefined) return null;
    if (typeof by !== 'string') return nodeOfHandle(by) ?? null;
    let found: PlanarNode | null = null;
    let root = this.node;
    while (root.parent) root = root.parent;
    const visit = (n: PlanarNode) => {
      if (found) return;
      if (n.testId === by) found = n;
      else for (const c of n.children) visit(c);
    };
    visit(root);
    return found;
  }

  get description(): string {
    return normalise(read(propsOf(this.node).description) ?? '');
  }

  get value(): SemanticsValue | undefined {
    const value = read(propsOf(this.node).value);
    if (value === undefined) return undefined;
    if (typeof value === 'number') return { now: value };
    if (typeof value === 'string') return { text: value };
    return { ...value };
  }

  /** Disabled by its own prop or by an ancestor's (a disabled group disables what is in it). */
  get disabled(): boolean {
    for (let n: PlanarNode | null = this.node; n; n = n.parent) if (ownDisabled(n)) return true;
    return false;
  }

  get states(): SemanticsStates {
    const props = propsOf(this.node);
    const states: SemanticsStates = { disabled: this.disabled, focused: this.node.scene?.focused === this.node };
    const checked = read(props.checked);
    if (checked !== undefined) states.checked = checked;
    for (const key of ['selected', 'expanded', 'pressed', 'invalid'] as const) {
      const v = read(props[key]);
      if (v !== undefined) states[key] = v;
    }
    return states;
  }

  /** The actions it offers: its listed ones, `press` with `onPress`, `focus` when focusable. */
  get actions(): SemanticsAction[] {
    const listed = read(propsOf(this.node).actions) ?? [];
    const actions = new Set<SemanticsAction>(listed);
    if (this.node.handlers.onPress) actions.add('press');
    if (this.node.focusable) actions.add('focus');
    return [...actions];
  }

  /** @internal Whether `onAction` handles this action (it is listed), rather than the built-in press or focus. */
  handlerOf(action: SemanticsAction): ((action: SemanticsAction) => void) | undefined {
    const props = propsOf(this.node);
    return (read(props.actions) ?? []).includes(action) ? props.onAction : undefined;
  }

  /** @internal Whether the props leave this node (and its subtree) out of the tree. */
  get excluded(): boolean {
    return !!read(propsOf(this.node).hidden);
  }

  /** Whether a person could see it: mounted, and neither it nor an ancestor is hidden or fully transparent. */
  get visible(): boolean {
    if (this.node.destroyed || !this.node.scene) return false;
    for (let n: PlanarNode | null = this.node; n; n = n.parent) {
      if (n.hidden || (n.isBox && n.paint.opacity <= 0) || (n.layer && n.layer.opacity <= 0)) return false;
    }
    return true;
  }

  /** The border box in output pixels (zero-sized once unmounted). */
  get bounds(): SemanticsBounds {
    if (!this.node.scene) return { x: 0, y: 0, width: 0, height: 0 };
    return this.node.scene.outputBox(this.node);
  }

  /** The node as plain data, with its place in the tree given by the caller. */
  data(parent: number | null, children: number[]): SemanticsData {
    return {
      id: this.id, role: this.role, name: this.name, description: this.description, value: this.value,
      states: this.states, actions: this.actions, bounds: this.bounds, parent, children,
    };
  }

  /** One line as `screen.tree()` prints it: role "name" [states] value. */
  toString(): string {
    return describe(this.role, this.name, this.states, this.value, this.description);
  }
}

/** role "name" [states] value=… — the line format of the printed tree and of error messages. */
export function describe(role: Role, name: string, states: SemanticsStates, value: SemanticsValue | undefined, description = ''): string {
  let line = role;
  if (name) line += ` ${JSON.stringify(name)}`;
  const flags: string[] = [];
  if (states.checked !== undefined) flags.push(states.checked === 'mixed' ? 'mixed' : states.checked ? 'checked' : 'unchecked');
  for (const key of ['selected', 'expanded', 'pressed', 'invalid', 'disabled', 'focused'] as const) {
    const v = states[key];
    if (v === true) flags.push(key);
    else if (v === false && (key === 'expanded' || key === 'pressed' || key === 'selected')) flags.push(`not ${key}`);
  }
  if (flags.length) line += ` [${flags.join(', ')}]`;
  if (value) {
    const range = value.min !== undefined || value.max !== undefined ? ` (${value.min ?? ''}..${value.max ?? ''})` : '';
    if (value.now !== undefined) line += ` value=${value.now}${range}`;
    if (value.text !== undefined) line += ` ${value.now !== undefined ? 'text' : 'value'}=${JSON.stringify(value.text)}`;
    else if (value.now === undefined && range) line += ` value=${range.trim()}`;
  }
  if (description) line += ` — ${description}`;
  return line;
}
