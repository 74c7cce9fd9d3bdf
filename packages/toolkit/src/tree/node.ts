/**
 * The retained node tree.
 *
 * Each `PlanarNode` owns its Yoga node (if it takes part in layout), its resolved paint
 * properties and its dirty bits. Kinds:
 *
 *   root, view, text, image, canvas  boxes: they own a Yoga node
 *   span                             a <Text> nested in a <Text>: styles a run, no box
 *   textpiece                        a string inside a <Text>
 *   slot                             a dynamic region (Show, For, a getter child): no box;
 *                                    its children are laid out as children of the nearest box
 *   layer                            a box that starts a layer (see layer.ts): out of its
 *                                    parent's flow, bounds and paint; laid out on its own
 *
 * Dirty bits say what a frame must redo for a node:
 *   PAINT     its own pixels changed, same place (a colour, an image, a redraw)
 *   GEOMETRY  its place or extent changed (layout, transform, shadow): damage old and new bounds
 *   ADDED     newly attached: damage its new bounds
 *   SUBTREE   some descendant has a bit set; lets the frame skip clean subtrees
 *   OPACITY   only its opacity changed: its group image is composited again, not redrawn
 * Layout dirtiness is Yoga's own; the scene only remembers that `calculateLayout` is due.
 */
import type { Config as YogaConfig, Node as YogaNode } from 'yoga-layout/load';
import { yoga as loadedYoga } from '../engines/yoga.js';
import { signal } from '@preact/signals-core';
import type { Owner } from '../jsx/owner.js';
import type { Affine, Box, Rect } from './geometry.js';
import { IDENTITY } from './geometry.js';
import type { PaintProps } from './paint-state.js';
import { emptyPaint } from './paint-state.js';
import type { EventHandlers } from '../input/events.js';
import type { ResolvedText } from '../style/paint-props.js';
import type { ExternalFrames, PlanePreference, ScrollInfo } from './layer-types.js';
import type { DamageTracker } from './damage.js';

export type NodeKind = 'root' | 'view' | 'text' | 'span' | 'textpiece' | 'image' | 'canvas' | 'slot' | 'layer';

export const PAINT = 1;
export const GEOMETRY = 2;
export const ADDED = 4;
export const SUBTREE = 8;
/** Only its opacity changed: recomposite its group, repaint nothing inside. */
export const OPACITY = 16;

/** What a node needs from the scene it is attached to. */
export interface SceneLink {
  requestFrame(): void;
  markLayoutDirty(): void;
  /** Damage a rect of the node's layer, in logical px. */
  damage(rect: Rect): void;
  nodeDetached(node: PlanarNode): void;
  reportPropError(node: PlanarNode, prop: string, value: unknown, problem: string): void;
  /** The node's border box in output pixels. */
  outputBox(node: PlanarNode): Box;
  focus(node: PlanarNode | null): void;
  readonly focused: PlanarNode | null;
  /** Where layers register (the scene). */
  readonly registry: LayerRegistry;
  /** Remembers a box whose children changed, to sync its Yoga children once before layout. */
  syncChildrenLater(box: PlanarNode): void;
  /** Brings the Yoga children of every such box up to date (before layout). */
  syncPendingChildren(): void;
}

/** What the layers of a scene register with. */
export interface LayerRegistry {
  addLayer(node: PlanarNode): void;
  removeLayer(node: PlanarNode): void;
}

/**
 * What makes a box a layer: where it is placed and the link its subtree attaches to.
 * `LayerInfo` (layer.ts) is the one implementation; it is named here so that this file needs
 * nothing from layer.ts.
 */
export interface NodeLayer {
  readonly node: PlanarNode;
  /** Logical px from the output's top-left. */
  x: number;
  y: number;
  zIndex: number;
  opacity: number;
  plane: PlanePreference;
  external: ExternalFrames | null;
  /** A scroll layer's state; null for other layers. */
  scroll: ScrollInfo | null;
  /** Placed relative to the box it is written in (and following it), not to the output. */
  anchored: boolean;
  /** Logical px added to its position: where its anchor (or a scroll layer's viewport, less the offsets) is; set by the compositor. */
  origin: { x: number; y: number };
  /** The output area (logical px) it shows through: a scroll viewport, cut by enclosing ones; null: anywhere. */
  clip: Rect | null;
  /** Layout of the layer's subtree is due. */
  layoutDirty: boolean;
  /** Position, Z order, opacity or plane preference changed: the compositor looks again. */
  placementDirty: boolean;
  /** The scene as the layer's nodes see it; `parent` is where the layer node itself is attached. */
  readonly link: SceneLink & { parent: SceneLink | null; readonly damageTracker: DamageTracker };
  place(change: Partial<Pick<NodeLayer, 'x' | 'y' | 'zIndex' | 'opacity' | 'plane'>>): void;
}

/** What content may use of the painter. */
export interface ContentPainter {
  /** Device pixels per logical pixel. */
  readonly scale: number;
  /** Draws an image made at device resolution at x, y, exactly under any clip. */
  drawCached(canvas: never, image: never, x: number, y: number): void;
}

/** Kind-specific behaviour: text paragraphs, images, canvas pictures. */
export interface NodeContent {
  /** How far painting may reach outside the border box, in px, on every side. */
  overhang(node: PlanarNode): number;
  paint(canvas: unknown, node: PlanarNode, painter: ContentPainter): void;
  /** Called when the node's size changed, before paint. */
  resized?(node: PlanarNode): void;
  dispose(): void;
}

const BOX_KINDS = new Set<NodeKind>(['root', 'view', 'text', 'image', 'canvas', 'layer']);
/** One config for every node, made with the first node (Yoga is loaded by then). */
let yogaConfig: YogaConfig | null = null;
let liveYogaNodes = 0;

export class PlanarNode {
  kind: NodeKind;
  yoga: YogaNode | null;
  parent: PlanarNode | null = null;
  children: PlanarNode[] = [];
  scene: SceneLink | null = null;
  /** The owner of the component that created this node (for error paths and context). */
  owner: Owner | null;
  /** The primitive's name as a user wrote it: View, Text, Image, Canvas. */
  readonly component: string;
  testId: string | undefined;
  handlers: EventHandlers = {};
  focusable = false;
  /** Resolved paint properties of boxes. */
  paint: PaintProps = emptyPaint();
  /** Own text properties (text and span), before inheritance. */
  textStyle: Partial<ResolvedText> = {};
  /** The string of a textpiece. */
  text = '';
  content: NodeContent | null = null;
  /** Set on a layer node: what makes it a layer. */
  layer: NodeLayer | null = null;
  hidden = false;
  /** Backs `disabled`: a signal, so that what reads it in an effect (semantics) follows it. */
  private readonly disabledState = signal(false);
  destroyed = false;

  /** Border box relative to the nearest box ancestor, from Yoga. */
  layout: Box = { x: 0, y: 0, width: 0, height: 0 };
  /** Computed border widths and padding: top, right, bottom, left. */
  border: [number, number, number, number] = [0, 0, 0, 0];
  padding: [number, number, number, number] = [0, 0, 0, 0];
  /** Local transform (position and `transform`), and the total one to layer coordinates. */
  local: Affine = IDENTITY;
  matrix: Affine = IDENTITY;
  /** Layer-space bounds of what this node paints itself, and of it with its descendants. */
  bounds: Rect | null = null;
  subtreeBounds: Rect | null = null;
  flags = 0;
  /** Whether the style sets any padding or border width (else both read back as zero). */
  edgesStyled = false;
  /** Whether a layout value of this box is a percentage (see layout.ts). */
  percentLayout = false;
  /** Its children changed since its Yoga children were synced (the scene syncs it before layout). */
  childSyncDue = false;
  /** Bad props found before the node was attached; the scene hears them when it attaches. */
  private unreportedProps: { prop: string; value: unknown; problem: string }[] | null = null;

  constructor(kind: NodeKind, component: string, owner: Owner | null) {
    this.kind = kind;
    this.component = component;
    this.owner = owner;
    this.yoga = BOX_KINDS.has(kind) ? loadedYoga().Node.create(yogaConfig ??= loadedYoga().Config.create()) : null;
    if (this.yoga) liveYogaNodes++;
  }

  /** Set by the `disabled` prop: the node and its subtree take no pointer and no focus (see `isDisabled`). */
  get disabled(): boolean {
    return this.disabledState.value;
  }

  set disabled(value: boolean) {
    this.disabledState.value = value;
  }

  get isBox(): boolean {
    return this.yoga !== null;
  }

  /** Sets dirty bits and marks the path to the root, asking for a frame. */
  invalidate(bits: number): void {
    this.flags |= bits;
    // Up to the node's layer: a layer's bounds pass starts at its own node.
    for (let p = this.parent; p && !this.layer && !(p.flags & SUBTREE); p = p.parent) {
      p.flags |= SUBTREE;
      if (p.layer) break;
    }
    this.scene?.requestFrame();
  }

  /** Tells the scene that Yoga has work to do. */
  layoutChanged(): void {
    // A layer node is the root of its layer's layout.
    if (this.layer) this.layer.link.markLayoutDirty();
    else this.scene?.markLayoutDirty();
  }

  /** The nearest ancestor that is a box (skipping slots and spans). */
  boxParent(): PlanarNode | null {
    let p = this.parent;
    while (p && !p.isBox) p = p.parent;
    return p;
  }

  /** The <Text> whose paragraph this node is part of (itself for a text). */
  paragraphOwner(): PlanarNode | null {
    for (let n: PlanarNode | null = this; n; n = n.parent) {
      if (n.kind === 'text') return n;
      if (n.kind !== 'span' && n.kind !== 'textpiece' && n.kind !== 'slot') return null;
    }
    return null;
  }

  /** Inserts `child` before `before` (or last), moving it if it is attached elsewhere. */
  insertBefore(child: PlanarNode, before: PlanarNode | null): void {
    if (child === before) return;
    if (child.kind === 'text' && this.paragraphOwner()) child.becomeSpan();
    if (child.isBox && this.paragraphOwner()) {
      this.propError('children', child.component, `<${child.component}> cannot be inside a <Text>: only strings, numbers and nested <Text> can`);
      return;
    }
    if (child.parent) child.parent.removeChild(child);
    const index = before ? this.children.indexOf(before) : -1;
    if (index >= 0) this.children.splice(index, 0, child);
    else this.children.push(child);
    child.parent = this;
    if (this.scene) child.attach(this.childLink()!);
    this.childrenChanged(child);
  }

  /** Removes `child`; its last painted area is damaged. */
  removeChild(child: PlanarNode): void {
    const i = this.children.indexOf(child);
    if (i < 0) return;
    this.children.splice(i, 1);
    if (child.scene) {
      // A layer's bounds are in its own coordinates; the compositor damages where it was.
      if (child.subtreeBounds && !child.layer) child.scene.damage(child.subtreeBounds);
      child.detach();
    }
    child.parent = null;
    // Take the boxes out of Yoga now: a removed node may be destroyed before the next sync.
    for (const box of child.isBox ? [child] : child.layoutChildren()) box.yoga!.getParent()?.removeChild(box.yoga!);
    this.childrenChanged(null);
  }

  private childrenChanged(added: PlanarNode | null): void {
    const text = this.paragraphOwner();
    if (text) {
      text.textChanged();
    } else {
      const box = this.isBox ? this : this.boxParent();
      if (box) {
        // Synced once before the next layout, not per insert: a list of n items stays O(n).
        box.childSyncDue = true;
        box.scene?.syncChildrenLater(box);
        box.layoutChanged();
      }
    }
    if (added) added.invalidate(ADDED);
    else this.invalidate(SUBTREE);
  }

  /**
   * Called when the text or text style of this paragraph changed. A paragraph that measures as
   * it did at every width Yoga asked (the next minute on a clock) is only repainted: no layout
   * could change.
   */
  textChanged(): void {
    if (!this.content) return;
    const content = this.content as { invalidate?: () => void; measuresAsBefore?: () => boolean };
    content.invalidate?.();
    if (!content.measuresAsBefore?.()) {
      this.yoga?.markDirty();
      this.layoutChanged();
    }
    this.invalidate(PAINT);
  }

  /** The boxes laid out as this node's Yoga children: its children, looking through slots. */
  layoutChildren(out: PlanarNode[] = []): PlanarNode[] {
    for (const c of this.children) {
      if (c.layer) continue;
      if (c.isBox) out.push(c);
      else if (c.kind === 'slot') c.layoutChildren(out);
    }
    return out;
  }

  /** Makes the Yoga children match `layoutChildren()`, touching only what differs. */
  syncYogaChildren(): void {
    this.childSyncDue = false;
    const yoga = this.yoga;
    if (!yoga || this.kind === 'text') return;
    const wanted = this.layoutChildren();
    const count = yoga.getChildCount();
    let same = 0;
    while (same < wanted.length && same < count && yoga.getChild(same) === wanted[same]!.yoga) same++;
    if (same === wanted.length && same === count) return;
    for (let i = count - 1; i >= same; i--) yoga.removeChild(yoga.getChild(i));
    for (let i = same; i < wanted.length; i++) {
      const y = wanted[i]!.yoga!;
      y.getParent()?.removeChild(y);
      yoga.insertChild(y, i);
    }
    this.layoutChanged();
  }

  /** A <Text> inside a <Text> styles a run of the outer paragraph: it gives up its box. */
  becomeSpan(): void {
    this.kind = 'span';
    this.content?.dispose();
    this.content = null;
    this.freeYoga();
  }

  private freeYoga(): void {
    if (!this.yoga) return;
    this.yoga.getParent()?.removeChild(this.yoga);
    this.yoga.free();
    this.yoga = null;
    liveYogaNodes--;
  }

  /** The link this node's children attach to: its layer's for a layer node. */
  childLink(): SceneLink | null {
    if (!this.scene) return null;
    if (!this.layer) return this.scene;
    this.layer.link.parent = this.scene;
    return this.layer.link;
  }

  attach(scene: SceneLink): void {
    this.scene = scene;
    this.flags |= ADDED;
    if (this.childSyncDue) scene.syncChildrenLater(this);
    const unreported = this.unreportedProps;
    this.unreportedProps = null;
    for (const e of unreported ?? []) scene.reportPropError(this, e.prop, e.value, e.problem);
    const inner = this.childLink()!;
    for (const c of this.children) c.attach(inner);
    if (this.layer) {
      this.layer.layoutDirty = true;
      this.layer.placementDirty = true;
      scene.registry.addLayer(this);
    }
  }

  detach(): void {
    const scene = this.scene;
    if (this.layer) scene?.registry.removeLayer(this);
    this.scene = null;
    this.bounds = null;
    this.subtreeBounds = null;
    this.flags = 0;
    for (const c of this.children) c.detach();
    scene?.nodeDetached(this);
  }

  /** Reports a bad prop value through the scene; before the node is attached, once it is. */
  propError(prop: string, value: unknown, problem: string): void {
    if (this.scene) this.scene.reportPropError(this, prop, value, problem);
    else (this.unreportedProps ??= []).push({ prop, value, problem });
  }

  /** Frees the Yoga node and content; the node is unusable afterwards. Safe to call twice. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.childSyncDue = false;
    this.unreportedProps = null;
    this.parent?.removeChild(this);
    for (const c of this.children) {
      c.parent = null;
      if (c.yoga) this.yoga?.removeChild(c.yoga);
    }
    this.children = [];
    this.content?.dispose();
    this.content = null;
    for (const hook of destroyHooks) hook(this);
    this.freeYoga();
  }
}

const destroyHooks: ((node: PlanarNode) => void)[] = [];

/**
 * Runs `hook` whenever a node is destroyed: how a pipeline stage that keeps its own state per
 * node (the renderer's group images) frees it without the tree knowing what it is.
 */
export function onNodeDestroyed(hook: (node: PlanarNode) => void): void {
  destroyHooks.push(hook);
}

/** Yoga nodes currently allocated by Planar (for leak tests). */
export function yogaNodeCount(): number {
  return liveYogaNodes;
}
