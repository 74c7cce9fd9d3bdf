/**
 * Layers in the node tree.
 *
 * A `<Layer>` node is a box that starts a layer: its subtree is laid out on its own (sized by
 * its content or its style, out of its parent's flow), bounded, damaged and painted into its
 * own surface, in its own coordinates; the compositor places that surface on the output at the
 * layer's position. The nodes inside are attached to the layer's `LayerLink` instead of the
 * scene, so their damage and layout requests land in the layer. The layer node itself stays a
 * child of the node where it was written: it is owned, disposed and given context there, and
 * events bubble from it up through that parent, as through any other box.
 */
import { DamageTracker } from './damage.js';
import type { Box, Rect } from './geometry.js';
import { multiply, transformRect, translation } from './geometry.js';
import type { LayerRegistry, NodeLayer, PlanarNode, SceneLink } from './node.js';
import type { ExternalFrames, PlanePreference, ScrollInfo } from './layer-types.js';

export type { ExternalFrames, PlanePreference, ScrollInfo, ScrollMetrics } from './layer-types.js';
export type { LayerRegistry } from './node.js';

/** The layer-wide state of a layer node; the node tree's side of a compositor layer. */
export class LayerInfo implements NodeLayer {
  /** Logical px from the output's top-left. */
  x = 0;
  y = 0;
  zIndex = 0;
  opacity = 1;
  plane: PlanePreference = 'auto';
  external: ExternalFrames | null = null;
  /** A scroll layer's state; null for other layers. */
  scroll: ScrollInfo | null = null;
  /** Placed relative to the box it is written in (and following it), not to the output. */
  anchored = false;
  /** Where its anchor (or a scroll layer's viewport, less the offsets) is, logical px; set by the compositor. */
  origin = { x: 0, y: 0 };
  /** The output area (logical px) it shows through; null: anywhere. */
  clip: Rect | null = null;
  /** Layout of the layer's subtree is due. */
  layoutDirty = true;
  /** Position, Z order, opacity or plane preference changed: the compositor looks again. */
  placementDirty = true;
  readonly link: NodeLayer['link'];

  constructor(readonly node: PlanarNode) {
    this.link = new LayerLink(this);
  }

  /** Changes a placement property; content is not repainted. */
  place(change: Partial<Pick<LayerInfo, 'x' | 'y' | 'zIndex' | 'opacity' | 'plane'>>): void {
    Object.assign(this, change);
    this.placementDirty = true;
    this.link.requestFrame();
  }
}

/** The scene as the nodes of one layer see it: damage and layout go to the layer. */
export class LayerLink implements SceneLink {
  /** Where the layer node itself is attached (the scene, or an enclosing layer's link). */
  parent: SceneLink | null = null;
  readonly damage: (rect: Rect) => void;
  readonly damageTracker = new DamageTracker({ left: -1e7, top: -1e7, right: 1e7, bottom: 1e7 });

  constructor(private readonly info: LayerInfo) {
    this.damage = (rect) => {
      this.damageTracker.add(rect);
      this.requestFrame();
    };
  }

  get registry(): LayerRegistry {
    return this.parent!.registry;
  }

  get focused(): PlanarNode | null {
    return this.parent?.focused ?? null;
  }

  requestFrame(): void {
    this.parent?.requestFrame();
  }

  markLayoutDirty(): void {
    this.info.layoutDirty = true;
    this.requestFrame();
  }

  nodeDetached(node: PlanarNode): void {
    this.parent?.nodeDetached(node);
  }

  reportPropError(node: PlanarNode, prop: string, value: unknown, problem: string): void {
    this.parent?.reportPropError(node, prop, value, problem);
  }

  outputBox(node: PlanarNode): Box {
    return this.parent!.outputBox(node);
  }

  focus(node: PlanarNode | null): void {
    this.parent?.focus(node);
  }

  syncChildrenLater(box: PlanarNode): void {
    this.parent?.syncChildrenLater(box);
  }

  syncPendingChildren(): void {
    this.parent?.syncPendingChildren();
  }
}

/** The layer a node is drawn in: its nearest layer ancestor (itself included), or null for the root layer. */
export function layerOf(node: PlanarNode): NodeLayer | null {
  for (let n: PlanarNode | null = node; n; n = n.parent) if (n.layer) return n.layer;
  return null;
}

/** The logical offset of the layer a node is drawn in (0, 0 in the root layer). */
export function layerOrigin(node: PlanarNode): [number, number] {
  const layer = layerOf(node);
  if (!layer) return [0, 0];
  const shown = shownPlacement(layer);
  return [shown.x, shown.y];
}

/**
 * Where a layer is shown and how opaque: its position and opacity, with what its node's style
 * adds (style/bind.ts applies a layer node's opacity and translate-only transform as placement,
 * so that fading or sliding a layer by its style repaints nothing).
 */
export function shownPlacement(layer: NodeLayer): { x: number; y: number; opacity: number } {
  const styled = layer.node.paint.layerPlacement;
  return { x: layer.origin.x + layer.x + styled.x, y: layer.origin.y + layer.y + styled.y, opacity: layer.opacity * styled.opacity };
}

/** A node's box in logical output px (the bounding box, when it is turned). */
export function logicalBox(node: PlanarNode): Rect {
  const [x, y] = layerOrigin(node);
  return transformRect(multiply(translation(x, y), node.matrix), { left: 0, top: 0, right: node.layout.width, bottom: node.layout.height });
}

/**
 * Where a layer stacks: its zIndex; a scroll layer's or an anchored layer's is that of the layer
 * it is written in (it shows just above it, in tree order).
 */
export function stackIndex(layer: NodeLayer): number {
  if (!layer.scroll && !layer.anchored) return layer.zIndex;
  const host = layer.node.parent ? layerOf(layer.node.parent) : null;
  return host ? stackIndex(host) : 0;
}
