/**
 * The scene: the root of a mounted tree and what its nodes call back into — frame requests,
 * layout dirtiness, damage, focus and bad-prop reports — plus the output transform that maps
 * logical coordinates (what layout works in) to output pixels (scale, then rotation).
 */
import { PlanarNode, type LayerRegistry, type SceneLink } from './node.js';
import { DamageTracker } from './damage.js';
import { logicalBox } from './layer.js';
import { apply, invert, multiply, transformRect, type Affine, type Box, type Rect } from './geometry.js';

export type Rotation = 0 | 90 | 180 | 270;

export interface SceneHost {
  requestFrame(): void;
  propError(node: PlanarNode, prop: string, value: unknown, problem: string): void;
  focusChanged(from: PlanarNode | null, to: PlanarNode | null): void;
}

export class Scene implements SceneLink, LayerRegistry {
  readonly root: PlanarNode;
  readonly damageTracker: DamageTracker;
  /** The `<Layer>` nodes attached, in no particular order (see `layerNodes`). */
  private readonly layerSet = new Set<PlanarNode>();
  private layerOrder: PlanarNode[] | null = null;
  /** Boxes of this scene whose Yoga children are synced before the next layout. */
  private readonly childSyncs = new Set<PlanarNode>();
  layoutDirty = true;
  focused: PlanarNode | null = null;
  /** Logical px → output px. */
  outputMatrix: Affine = [1, 0, 0, 1, 0, 0];

  constructor(private readonly host: SceneHost, public width: number, public height: number, public scale: number, public rotation: Rotation) {
    this.root = new PlanarNode('root', 'root', null);
    this.root.yoga!.setWidth(width);
    this.root.yoga!.setHeight(height);
    this.damageTracker = new DamageTracker({ left: 0, top: 0, right: width, bottom: height });
    this.updateOutputMatrix();
    this.root.attach(this);
  }

  /** Output size in pixels (after scale and rotation). */
  get outputSize(): { width: number; height: number } {
    const w = Math.round(this.width * this.scale), h = Math.round(this.height * this.scale);
    return this.rotation % 180 ? { width: h, height: w } : { width: w, height: h };
  }

  /** A new logical size, scale or output rotation: the output matrix follows and the tree is laid out again. */
  resize(width: number, height: number, scale = this.scale, rotation = this.rotation): void {
    this.width = width;
    this.height = height;
    this.scale = scale;
    this.rotation = rotation;
    this.root.yoga!.setWidth(width);
    this.root.yoga!.setHeight(height);
    this.damageTracker.resize({ left: 0, top: 0, right: width, bottom: height });
    this.updateOutputMatrix();
    this.markLayoutDirty();
  }

  private updateOutputMatrix(): void {
    const s = this.scale;
    const { width: W, height: H } = this.outputSize;
    const rot: Record<Rotation, Affine> = {
      0: [1, 0, 0, 1, 0, 0],
      90: [0, 1, -1, 0, W, 0],
      180: [-1, 0, 0, -1, W, H],
      270: [0, -1, 1, 0, 0, H],
    };
    this.outputMatrix = multiply(rot[this.rotation], [s, 0, 0, s, 0, 0]);
  }

  /** Maps an output-pixel point to logical coordinates. */
  toLogical(x: number, y: number): [number, number] {
    return apply(invert(this.outputMatrix)!, x, y);
  }

  /** Maps a logical rect to output pixels. */
  toOutput(r: Rect): Rect {
    return transformRect(this.outputMatrix, r);
  }

  get registry(): LayerRegistry {
    return this;
  }

  addLayer(node: PlanarNode): void {
    this.layerSet.add(node);
    this.layerOrder = null;
    this.host.requestFrame();
  }

  removeLayer(node: PlanarNode): void {
    this.layerSet.delete(node);
    this.layerOrder = null;
    this.host.requestFrame();
  }

  /** The attached layer nodes in tree order (the tie-break of equal zIndex). */
  layerNodes(): readonly PlanarNode[] {
    if (!this.layerOrder) {
      const order: PlanarNode[] = [];
      const walk = (n: PlanarNode) => {
        if (n.layer && this.layerSet.has(n)) order.push(n);
        for (const c of n.children) walk(c);
      };
      if (this.layerSet.size) walk(this.root);
      this.layerOrder = order;
    }
    return this.layerOrder;
  }

  requestFrame(): void {
    this.host.requestFrame();
  }

  markLayoutDirty(): void {
    this.layoutDirty = true;
    this.host.requestFrame();
  }

  damage(rect: Rect): void {
    this.damageTracker.add(rect);
    this.host.requestFrame();
  }

  nodeDetached(node: PlanarNode): void {
    if (this.focused === node) this.focus(null);
  }

  reportPropError(node: PlanarNode, prop: string, value: unknown, problem: string): void {
    this.host.propError(node, prop, value, problem);
  }

  syncChildrenLater(box: PlanarNode): void {
    this.childSyncs.add(box);
  }

  syncPendingChildren(): void {
    for (const box of this.childSyncs) if (box.childSyncDue && !box.destroyed) box.syncYogaChildren();
    this.childSyncs.clear();
  }

  /** The node's border box in output pixels (through its layer's position). */
  outputBox(node: PlanarNode): Box {
    const r = this.toOutput(logicalBox(node));
    return { x: r.left, y: r.top, width: r.right - r.left, height: r.bottom - r.top };
  }

  focus(node: PlanarNode | null): void {
    if (node && (!node.scene || node.destroyed)) return;
    if (node === this.focused) return;
    const from = this.focused;
    this.focused = node;
    this.host.focusChanged(from, node);
  }
}
