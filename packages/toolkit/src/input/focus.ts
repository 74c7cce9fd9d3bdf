/**
 * Focus navigation: which nodes can take focus, in what order, and where Tab, the arrows and
 * a rotary encoder move it.
 *
 * 1. Candidates. A node can take focus when it is `focusable`, attached, and neither it nor an
 *    ancestor is hidden (`display: 'none'`), disabled, or a layer at opacity 0. Reading order
 *    is tree order (a depth-first walk from the root, layers where they are written).
 * 2. Scopes. A trapped `<FocusScope>` (a dialog) confines navigation: with focus inside it,
 *    Tab and arrows only reach its candidates, cycling at its ends; with focus outside while one
 *    is mounted, the next move enters the latest mounted one. Elsewhere the whole tree cycles.
 * 3. Tab / Shift-Tab (and an encoder's turn) go to the next / previous candidate in reading order.
 * 4. Arrows go to the nearest candidate in that direction, by border boxes in output pixels (so
 *    "right" is right on the glass, whatever the rotation); the focused node's ancestors are
 *    never in a direction from it, so they are left out. A candidate qualifies when its
 *    centre lies beyond the focused box's centre along the arrow; it scores its gap along the
 *    arrow plus twice its gap across it (0 when they overlap across), and the centre distance
 *    breaks ties:
 *
 *        ┌───┐   gap along ──▶ ┌───┐        right from F: A wins (overlaps across, gap 10)
 *        │ F │ ──────────────  │ A │        over B (gap along 0, gap across 30 → 60)
 *        └───┘                 └───┘
 *                 ┌───┐
 *                 │ B │
 *                 └───┘
 *
 * 5. Encoder (LVGL's navigate / edit). An encoder arrives as keys: 'EncoderCW' and 'EncoderCCW'
 *    for a detent's turn, 'Enter' for its push. Navigating, a turn moves focus like Tab and
 *    Shift-Tab, and no node hears it. Enter on an `editable` node enters edit mode: turns are
 *    then key events to that node, which treats EncoderCW / EncoderCCW as increment /
 *    decrement, and arrows no longer move focus; Enter or Escape leaves edit mode, as does
 *    focus moving away (Tab still moves it).
 * 6. Every move is a default action: the key goes to the focused node first, and a handler
 *    that calls `event.preventDefault()` (a slider using its arrows) keeps focus where it is.
 * 7. Modality. Keys and encoders make focus "visible" (a ring is drawn); a pointer press makes
 *    it invisible, so a tap never shows a ring.
 */
import type { PlanarNode } from '../tree/node.js';
import type { Scene } from '../tree/scene.js';
import type { Box } from '../tree/geometry.js';
import { setInteraction } from './interaction.js';
import { revealNode } from '../tree/reveal.js';

/** What the focus props set on a node, beyond `focusable` and `disabled`. */
export interface FocusTraits {
  /** A press keeps focus where it is (keys of an on-screen keyboard). */
  preventFocusOnPress?: boolean;
  /** An encoder's push enters edit mode on it. */
  editable?: boolean;
  /** The node is a `<FocusScope>`. */
  scope?: { trapped: boolean };
}

const traits = new WeakMap<PlanarNode, FocusTraits>();

/** Sets focus traits of a node. */
export function setFocusTraits(node: PlanarNode, change: FocusTraits): void {
  traits.set(node, { ...traits.get(node), ...change });
}

export function focusTraitsOf(node: PlanarNode): FocusTraits {
  return traits.get(node) ?? {};
}

/**
 * Whether a node is disabled by its own `disabled` prop or an ancestor's.
 * @example if (isDisabled(node)) return; // no press, no focus, and semantics report it disabled
 */
export function isDisabled(node: PlanarNode): boolean {
  for (let n: PlanarNode | null = node; n; n = n.parent) if (n.disabled) return true;
  return false;
}

/** Takes focus away from `node` and its subtree (it was disabled). */
export function blurInside(node: PlanarNode): void {
  const focused = node.scene?.focused;
  for (let n = focused ?? null; n; n = n.parent) {
    if (n === node) {
      node.scene!.focus(null);
      return;
    }
  }
}

/** Trapped scopes in mount order, across scenes (each move looks at its own scene's). */
const trappedScopes: PlanarNode[] = [];

export function addTrappedScope(node: PlanarNode): void {
  trappedScopes.push(node);
}

export function removeTrappedScope(node: PlanarNode): void {
  const i = trappedScopes.indexOf(node);
  if (i >= 0) trappedScopes.splice(i, 1);
}

/** Whether `ancestor` is above `node` in the tree. */
function holds(ancestor: PlanarNode, node: PlanarNode): boolean {
  for (let n = node.parent; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

function rootOf(node: PlanarNode): PlanarNode {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

/** The candidates inside `within`, in reading order. */
export function focusableNodes(within: PlanarNode): PlanarNode[] {
  const out: PlanarNode[] = [];
  const visit = (n: PlanarNode) => {
    if (n.hidden || n.disabled || n.destroyed || (n.layer && n.layer.opacity <= 0)) return;
    if (n.isBox && n.focusable && n.scene) out.push(n);
    for (const c of n.children) visit(c);
  };
  if (!isDisabled(within)) visit(within);
  return out;
}

/** Whether a node can take focus now (see 1 above). */
export function canFocus(node: PlanarNode): boolean {
  if (!node.focusable || !node.scene || node.destroyed) return false;
  for (let n: PlanarNode | null = node; n; n = n.parent) if (n.hidden || n.disabled || (n.layer && n.layer.opacity <= 0)) return false;
  return true;
}

type Direction = 'left' | 'right' | 'up' | 'down';
const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/** The index of the nearest box in a direction (see 4 above), or -1. */
export function nearestInDirection(from: Box, boxes: readonly Box[], direction: Direction): number {
  const horizontal = direction === 'left' || direction === 'right';
  const sign = direction === 'right' || direction === 'down' ? 1 : -1;
  const span = (b: Box) => (horizontal ? [b.x, b.x + b.width, b.y, b.y + b.height] : [b.y, b.y + b.height, b.x, b.x + b.width]) as [number, number, number, number];
  const [f0, f1, fa, fb] = span(from);
  const fCentre = (f0 + f1) / 2, fAcross = (fa + fb) / 2;
  let best = -1, bestScore = Infinity, bestTie = Infinity;
  boxes.forEach((box, i) => {
    const [c0, c1, ca, cb] = span(box);
    if (sign * ((c0 + c1) / 2 - fCentre) <= 0) return;
    const along = Math.max(0, sign > 0 ? c0 - f1 : f0 - c1);
    const across = Math.max(0, ca - fb, fa - cb);
    const score = along + 2 * across;
    const tie = Math.hypot((c0 + c1) / 2 - fCentre, (ca + cb) / 2 - fAcross);
    if (score < bestScore || (score === bestScore && tie < bestTie)) { best = i; bestScore = score; bestTie = tie; }
  });
  return best;
}

/** A key as the navigator needs it. */
export interface NavigationKey { key: string; shift: boolean; ctrl: boolean; alt: boolean; meta: boolean }

/** Focus moves, modality and edit mode for one scene. */
export class FocusNavigator {
  private modality: 'pointer' | 'keys' = 'pointer';
  private editing: PlanarNode | null = null;

  constructor(private readonly scene: Scene) {}

  /** Called by the scene's host whenever focus moves (by press, key, ref or unmount). */
  focusChanged(from: PlanarNode | null, to: PlanarNode | null): void {
    if (from) {
      setInteraction(from, 'focused', false);
      setInteraction(from, 'focusVisible', false);
    }
    if (to) {
      setInteraction(to, 'focused', true);
      setInteraction(to, 'focusVisible', this.modality === 'keys');
    }
    if (this.editing && this.editing !== to) this.setEditing(null);
  }

  /** Whether the focused node shows a focus ring. */
  get focusVisible(): boolean {
    return this.modality === 'keys' && this.scene.focused !== null;
  }

  /** A pointer went down on `target` (null: on nothing): focus follows the press (or stays). */
  pointerDown(target: PlanarNode | null): void {
    this.setModality('pointer');
    for (let n = target; n; n = n.boxParent()) {
      if (focusTraitsOf(n).preventFocusOnPress) return;
      if (n.focusable && canFocus(n)) {
        this.scene.focus(n);
        return;
      }
    }
    this.scene.focus(null);
  }

  /** Whether `key` is an encoder's turn that only moves focus (not in edit mode): nobody hears it. */
  turnsNavigate(key: string): boolean {
    return (key === 'EncoderCW' || key === 'EncoderCCW') && !this.editing;
  }

  /** A key went down, before it is dispatched. */
  keyDown(): void {
    this.setModality('keys');
  }

  /** The default action of a key nobody prevented (see 3–5 above). */
  keyDefault(event: NavigationKey): void {
    const focused = this.scene.focused;
    const { key } = event;
    if (this.editing) {
      if (key === 'Enter' || key === 'Escape') this.setEditing(null);
      if (key !== 'Tab') return;
    }
    if (key === 'Enter' && focused && focusTraitsOf(focused).editable) {
      this.setEditing(focused);
      return;
    }
    if (event.ctrl || event.alt || event.meta) return;
    if (key === 'Tab') this.step(event.shift ? -1 : 1);
    else if (key === 'EncoderCW') this.step(1);
    else if (key === 'EncoderCCW') this.step(-1);
    else if (ARROWS[key]) this.arrow(ARROWS[key]!);
  }

  private candidates(): PlanarNode[] {
    const focused = this.scene.focused;
    const root = this.scene.root;
    const mine = trappedScopes.filter((s) => s.scene && !s.destroyed && rootOf(s) === root);
    let scope: PlanarNode | null = null;
    for (let n = focused; n && !scope; n = n.parent) if (mine.includes(n)) scope = n;
    return focusableNodes(scope ?? mine[mine.length - 1] ?? root);
  }

  private step(delta: 1 | -1): void {
    const list = this.candidates();
    if (!list.length) return;
    const i = this.scene.focused ? list.indexOf(this.scene.focused) : -1;
    const next = i < 0 ? (delta > 0 ? 0 : list.length - 1) : (i + delta + list.length) % list.length;
    this.moveTo(list[next]!);
  }

  /** Focus moved by keys or an encoder: the scroll views around the node bring it into view. */
  private moveTo(node: PlanarNode): void {
    this.scene.focus(node);
    revealNode(node);
  }

  private arrow(direction: Direction): void {
    const list = this.candidates();
    const focused = this.scene.focused;
    if (!focused || !list.includes(focused)) {
      if (list.length) this.moveTo(list[0]!);
      return;
    }
    // A box that holds the focused node (a scroll view) is not in any direction from it.
    const others = list.filter((n) => n !== focused && !holds(n, focused));
    const i = nearestInDirection(this.scene.outputBox(focused), others.map((n) => this.scene.outputBox(n)), direction);
    if (i >= 0) this.moveTo(others[i]!);
  }

  private setModality(modality: 'pointer' | 'keys'): void {
    if (this.modality === modality) return;
    this.modality = modality;
    const focused = this.scene.focused;
    if (focused) setInteraction(focused, 'focusVisible', modality === 'keys');
  }

  private setEditing(node: PlanarNode | null): void {
    if (this.editing) setInteraction(this.editing, 'editing', false);
    this.editing = node;
    if (node) setInteraction(node, 'editing', true);
  }

  /** The node in edit mode, or null. */
  get editingNode(): PlanarNode | null {
    return this.editing;
  }
}
