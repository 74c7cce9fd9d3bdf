/**
 * One frame, from dirty trees to presented planes.
 *
 *   1. layout       each layer's Yoga tree, only where something is layout-dirty
 *   2. bounds       per layer: walk dirty subtrees, collect damage, place the layer on the output
 *   3. allocate     which layers go on planes (frame-plan.ts, plane-allocator.ts); the rest are composited
 *   4. paint        per layer, per damage rect: clip, clear, draw what intersects (paint-loop.ts)
 *   5. compose      the composition layer's damage: the root layer's pixels, then each
 *                   composited layer blended over them in Z order (skipped when unused)
 *   6. copy         per plane: into a free display buffer, this frame's damage ∪ what it missed
 *                   (commit-state.ts)
 *   7. commit       the planes, their positions, and their damage: everything that changed
 *                   since each plane last showed its layer (frames skipped or spent
 *                   composited included); resolves when presented
 *
 * Damage is per layer. A layer on a plane that moves or fades damages nothing: the commit
 * carries its new position or alpha. A composited layer that moves damages, in the composition
 * layer, the area it left and the area it covers — and nothing is repainted, only recomposed.
 * A frame with nothing to show stops after step 2 and commits nothing (and is no `frame` event).
 *
 * At most one commit is in flight (the frame loop awaits `render`). When a plane has no free
 * buffer, the frame is skipped: the damage is remembered by every pool, and the next frame,
 * requested when the display releases a buffer, commits it. Buffers and external frames the
 * compositor lets go of wait in the graveyard until the display no longer shows them; a commit
 * the display refuses is reported, and the next frame composites everything.
 */
import type { Display, DisplayBuffer, Presented } from '../backend/contract.js';
import { addUnsent, commitState } from './commit-state.js';
import { CompositionLayer, type PixelSource } from './composition-layer.js';
import { ExternalFrames } from './external-frames.js';
import { layerFormat, opaqueFormat } from './formats.js';
import { FramePlanner } from './frame-plan.js';
import { Graveyard } from './graveyard.js';
import { LayerRecord } from './layer-record.js';
import { PaintLoop } from './paint-loop.js';
import { ScrollGroup, TileRecord } from './scroll-tiles.js';
import { placeAnchored } from './anchor.js';
import { COMPOSITION_LAYER_ID, type Allocation } from './plane-allocator.js';
import { emptyStats, type FrameStats } from './stats.js';
import type { Painter } from '../render/painter.js';
import { cacheLimit } from '../render/painter.js';
import type { PlanarNode } from '../tree/node.js';
import type { Scene } from '../tree/scene.js';
import { stackIndex, type LayerInfo, type ScrollMetrics } from '../tree/layer.js';

export class Compositor {
  private readonly planner: FramePlanner;
  private readonly paintLoop: PaintLoop;
  private readonly frames: ExternalFrames;
  private readonly root: LayerRecord;
  private records = new Map<PlanarNode, LayerRecord>();
  /** Scroll layers, each shown as a few tiles (scroll-tiles.ts). */
  private groups = new Map<PlanarNode, ScrollGroup>();
  private nextLayerId = 1;
  private readonly graveyard = new Graveyard();
  /** The root and the composited layers, blended. */
  private readonly composition: CompositionLayer;
  /** The last commit failed: the next frame composites everything, as the safest state. */
  private commitFailed = false;
  private frame = 0;
  /** Counts calls to `render`, frames with nothing to show included. */
  private pass = 0;
  /** The last frame was skipped for want of a free buffer: the next one must commit. */
  waitingForBuffer = false;

  constructor(
    private readonly scene: Scene, private readonly display: Display, background: Float32Array,
    debug: Set<string>, private readonly onError: (error: Error) => void = () => {},
    /** Planar's clock (the fps overlay counts frames on it). */
    now: () => number = () => performance.now(),
  ) {
    this.frames = new ExternalFrames(display, onError);
    this.planner = new FramePlanner(display);
    this.paintLoop = new PaintLoop(scene, background, this.frames, debug, now);
    this.root = new LayerRecord(0, scene.root, null, this.graveyard);
    this.composition = new CompositionLayer(display, this.graveyard);
  }

  get painter(): Painter {
    return this.paintLoop.painter;
  }

  /** Budget of a plane allocation search, ms; undefined (the default): measured on this display (plane-budget.ts). */
  get deadlineMs(): number | undefined {
    return this.planner.deadlineMs;
  }

  set deadlineMs(ms: number | undefined) {
    this.planner.deadlineMs = ms;
  }

  /** The last allocation, for tests and the debug outline. */
  get allocation(): Allocation | null {
    return this.planner.allocation;
  }

  /** The compositor's id of the layer whose node has this testId (for tests); throws when there is none. */
  layerId(testId: string): number {
    for (const r of this.all()) if (r.node.testId === testId) return r.id;
    throw new Error(`no layer with testId "${testId}" is mounted (give the <Layer> a testId)`);
  }

  /** Why the layer with this testId is composited, in words; null when it is on a plane (for tests). */
  whyComposited(testId: string): string | null {
    const allocation = this.allocation;
    return allocation ? this.planner.whyComposited(this.layerId(testId), allocation, (id) => this.nameOf(id)) : null;
  }

  /** The `PLANAR_DEBUG=layers` label last drawn on the layer with this testId, or null (for tests). */
  outlineLabel(testId: string): string | null {
    const id = this.layerId(testId);
    const r = this.all().find((v) => v.id === id)!;
    return this.paintLoop.outlineLabel(r);
  }

  /** Outlines each frame's damage (as `PLANAR_DEBUG=damage` does) while on; the outline goes with the next frame once off. */
  setDamageFlash(on: boolean): void {
    this.paintLoop.overlay.setMode('damage', on);
  }

  get damageFlash(): boolean {
    return this.paintLoop.overlay.damage;
  }

  /** Every layer, root first, bottom to top, with its name and why it has no plane (for the inspector). */
  describeLayers(): { record: LayerRecord; name: string; why: string | null }[] {
    const allocation = this.allocation;
    const nameOf = (id: number) => this.nameOf(id);
    return this.all().map((record) => ({
      record, name: nameOf(record.id),
      why: allocation && record.visible ? this.planner.whyComposited(record.id, allocation, nameOf) : null,
    }));
  }

  /** Bytes the compositor holds for pixels: layer surfaces (CanvasKit memory) and display buffers, the composition layer's included. */
  memory(): { surfaces: number; buffers: number } {
    let surfaces = this.composition.surface ? this.composition.surface.stride * this.composition.surface.height : 0;
    let buffers = this.composition.pool?.bytes ?? 0;
    for (const r of this.all()) {
      surfaces += r.surface ? r.surface.stride * r.surface.height : 0;
      buffers += r.pool?.bytes ?? 0;
    }
    return { surfaces, buffers };
  }

  /** A layer's name in debug labels and reasons: "root", its testId quoted, or "layer <id>". */
  private nameOf(id: number): string {
    if (id === 0) return 'root';
    for (const r of this.all()) if (r.id === id) return r.node.testId ? `"${r.node.testId}"` : `layer ${id}`;
    return `layer ${id}`;
  }

  /** Rebuilds surfaces after the output changed size or scale. */
  resize(): void {
    const { width, height } = this.scene.outputSize;
    for (const r of this.all()) r.dispose();
    this.composition.dispose();
    this.planner.reset();
    const painter = this.paintLoop.painter;
    painter.scale = this.scene.scale;
    painter.cache.clear();
    painter.cache.limit = cacheLimit(width * height);
    for (const n of this.scene.layerNodes()) n.layer!.layoutDirty = true;
  }

  /** The root layer and the `<Layer>`s, bottom to top. */
  private all(): LayerRecord[] {
    const nodes = [...this.records.keys(), ...this.groups.keys()];
    const order = new Map(this.scene.layerNodes().map((n, i) => [n, i]));
    nodes.sort((a, b) => stackIndex(a.layer!) - stackIndex(b.layer!) || order.get(a)! - order.get(b)!);
    return [this.root, ...nodes.flatMap((n) => this.groups.get(n)?.tiles ?? [this.records.get(n)!])];
  }

  /** Creates records for new layer nodes and drops those of removed ones. */
  private syncLayers(): boolean {
    const nodes = new Set(this.scene.layerNodes());
    let changed = false;
    const drop = (r: LayerRecord) => {
      if (r.blended) this.composition.forget(r.blended);
      r.dispose();
    };
    for (const [node, record] of this.records) {
      if (nodes.has(node)) continue;
      drop(record);
      this.records.delete(node);
      changed = true;
    }
    for (const [node, group] of this.groups) {
      if (nodes.has(node)) continue;
      group.tiles.forEach(drop);
      group.dispose();
      this.groups.delete(node);
      changed = true;
    }
    for (const node of nodes) {
      if (this.records.has(node) || this.groups.has(node)) continue;
      const info = node.layer as LayerInfo;
      if (info.scroll) this.groups.set(node, new ScrollGroup(node, info, (g) => new TileRecord(this.nextLayerId++, node, info, this.graveyard, g)));
      else this.records.set(node, new LayerRecord(this.nextLayerId++, node, info, this.graveyard));
      changed = true;
    }
    return changed;
  }

  /** Renders and presents one frame; resolves with its stats once presented, or null when there was nothing to show. */
  async render(): Promise<FrameStats | null> {
    const stats = emptyStats();
    const scene = this.scene;
    const pass = ++this.pass;
    let t = performance.now();
    let placementChanged = this.syncLayers();
    const layers = this.all();
    let laidOut = false;
    for (const r of layers) laidOut = r.layout(scene) || laidOut;
    // Exactly 0 when nothing needed layout.
    if (laidOut) stats.layoutMs = performance.now() - t;

    t = performance.now();
    const output = scene.outputSize;
    const opaque = opaqueFormat(this.display.planes);
    // Planes here do not turn: on a turned output, external frames are turned into a surface.
    const direct = scene.rotation === 0;
    const metrics: [ScrollGroup, ScrollMetrics][] = [];
    for (let i = 0; i < layers.length; i++) {
      const first = layers[i]!;
      if (first instanceof TileRecord && first.group.preparedFor !== pass) {
        placementChanged = this.prepareScroll(first.group, pass, layers, i, metrics) || placementChanged;
      }
      // The group's tiles may have been reordered in place.
      const r = layers[i]!;
      if (r.info?.anchored) r.clip = placeAnchored(r.info as LayerInfo, scene);
      const before = placementOf(r);
      const size = Math.ceil(Math.max(r.node.layout.width, r.node.layout.height) * scene.scale);
      const format = r.isRoot ? opaque : r.external && direct ? r.external.format : layerFormat(this.display.planes, size, size);
      try {
        r.update(scene, format, direct);
      } catch (error) {
        // A layer that cannot have a surface (too large, out of memory) is not shown; said once.
        if (!r.failed) this.onError(error as Error);
        r.damage = [];
        r.failed = true;
        continue;
      }
      r.failed = false;
      if (r.info?.placementDirty || !samePlacement(before, placementOf(r))) placementChanged = true;
      if (r.info && !(r instanceof TileRecord)) r.info.placementDirty = false;
    }
    for (const g of this.groups.values()) g.info.placementDirty = false;
    // After this frame's synchronous part (a microtask): a scroll layer's owner may mount rows
    // for the new window then, and the frame loop sees the frame that asks for.
    const reportMetrics = () => {
      if (!metrics.length) return;
      queueMicrotask(() => {
        for (const [g, m] of metrics) {
          try {
            g.info.scroll?.onMetrics?.(m);
          } catch (error) {
            this.onError(error as Error);
          }
        }
      });
    };
    // An external layer shows once it has a frame the display could import.
    const visible = layers.filter((r) => r.visible && (!r.external || this.frames.import(r)));
    // Hidden layers count too: their surfaces are kept current for when they show again.
    const anyDamage = layers.some((r) => r.damage.length > 0);
    if (!anyDamage && !placementChanged && !this.waitingForBuffer && !this.planner.pending && !this.commitFailed && !this.paintLoop.overlay.pending()) {
      reportMetrics();
      return null;
    }
    stats.frame = ++this.frame;

    const allocation = this.planner.plan(visible, output, this.commitFailed, (id) => this.currentBuffer(id, visible));
    stats.allocMs = allocation.ms;
    stats.allocBudgetMs = allocation.budgetMs;
    const compositing = allocation.composition;

    const painted = layers.filter((r) => r.visible || r.damage.length);
    const nameOf = (id: number) => this.nameOf(id);
    this.paintLoop.paint(painted, (r) => this.planner.labelOf(r, allocation, nameOf), stats);
    // A hidden layer's buffers miss what changed meanwhile, like any buffer not written.
    for (const r of layers) {
      addUnsent(r, r.damage);
      if (r.visible) continue;
      // A scroll tile out of view copies ahead what it painted; other hidden layers' buffers miss it.
      if (!(r instanceof TileRecord && r.prefetch(this.display, stats))) r.pool?.remember(r.damage);
      r.plane = null;
    }
    stats.paintMs = performance.now() - t;

    t = performance.now();
    const composited = visible.filter((r) => allocation.planeOf.get(r.id) == null);
    const composed = compositing ? this.composition.compose(composited, layers, output, (r) => this.sourceOf(r)) : [];
    if (!compositing) this.composition.leave(layers);
    stats.composedPx = composed.reduce((n, r) => n + r.width * r.height, 0);

    const state = commitState({ display: this.display, composition: this.composition, frames: this.frames, visible, allocation, composed, stats });
    stats.copyMs = performance.now() - t;
    reportMetrics();
    if (!state) {
      stats.skipped = true;
      this.waitingForBuffer = true;
      return stats;
    }
    this.waitingForBuffer = false;
    stats.planesUsed = state.length;
    stats.composited = composited.length;
    for (const r of composited) stats.refused.push(`${nameOf(r.id)}: ${this.planner.whyComposited(r.id, allocation, nameOf) ?? 'composited'}`);
    for (const r of visible) {
      if (r.external) stats.external.push({ layer: nameOf(r.id), path: allocation.planeOf.get(r.id) == null ? 'composited' : 'plane', readBytes: this.frames.takeRead(r.id), serial: r.frameSerial });
    }
    stats.layers = visible.length;
    const committed = performance.now();
    let presented: Presented;
    try {
      presented = await this.display.commit({ layers: state });
    } catch (error) {
      this.recoverFromFailedCommit();
      throw new Error(`the display rejected a frame (${(error as Error).message}); the next frame composites every layer`, { cause: error });
    }
    this.commitFailed = false;
    stats.presentLatencyMs = Math.max(0, presented.presentedAt - committed);
    stats.presentedAt = presented.presentedAt;
    this.graveyard.sweep();
    this.paintLoop.overlay.record(stats);
    // A search cut short searches again; tiles painting ahead go on with the next band.
    if (this.planner.pending || [...this.groups.values()].some((g) => g.painting)) this.scene.requestFrame();
    return stats;
  }

  /**
   * Places a scroll layer's tiles (before the first of them updates, after the layer its
   * viewport is in) and puts them, made or let go of, into this frame's `layers` in the order
   * they paint. True when its placement changed.
   */
  private prepareScroll(group: ScrollGroup, pass: number, layers: LayerRecord[], at: number, metrics: [ScrollGroup, ScrollMetrics][]): boolean {
    group.preparedFor = pass;
    const changed = group.prepare(this.scene);
    if (changed) metrics.push([group, changed]);
    for (const t of group.removed) {
      if (t.blended) this.composition.forget(t.blended);
      t.dispose();
    }
    // Its tiles, nearest the viewport first, replace the ones this frame started with.
    const before = layers.filter((r) => r instanceof TileRecord && r.group === group).length;
    layers.splice(at, before, ...group.nearestFirst);
    return group.info.placementDirty || group.added.length + group.removed.length > 0;
  }

  /** A buffer the display held is free: frames and buffers let go of may be handed back now. */
  released(): void {
    this.graveyard.sweep();
  }

  /**
   * After a commit the display refused (its test passed, yet the commit failed: a driver limit
   * the test did not see), nothing is known of what it shows: every layer is rewritten in full,
   * and the next frame puts nothing but the composition layer on a plane.
   */
  private recoverFromFailedCommit(): void {
    this.planner.reset();
    this.commitFailed = true;
    this.composition.invalidate();
    for (const r of this.all()) {
      r.plane = null;
      r.stale = true;
      r.unsent = 'all';
    }
    this.scene.requestFrame();
  }

  /** The buffer a layer shows now, if any (the composition layer is COMPOSITION_LAYER_ID). */
  private currentBuffer(id: number, visible: LayerRecord[]): DisplayBuffer | null {
    if (id === COMPOSITION_LAYER_ID) return this.composition.pool?.current ?? null;
    const r = visible.find((v) => v.id === id);
    return r ? (r.direct ? r.frameBuffer : r.pool?.current ?? null) : null;
  }

  /** The pixels a composited layer is blended from. */
  private sourceOf(r: LayerRecord): PixelSource | null {
    if (r.surface) return { pixels: r.surface.pixels(), stride: r.surface.stride, format: 'ABGR8888' };
    return this.frames.pixels(r);
  }

  dispose(): void {
    this.root.dispose();
    for (const r of this.records.values()) r.dispose();
    this.records.clear();
    for (const g of this.groups.values()) g.dispose();
    this.groups.clear();
    this.composition.dispose();
    this.graveyard.clear();
    this.paintLoop.dispose();
  }
}

/** Where a layer is and what of it shows, as numbers, to see whether a frame moved it. */
function placementOf(r: LayerRecord): number[] {
  const v = r.view;
  return v ? [r.x, r.y, r.width, r.height, v.x, v.y, v.width, v.height, v.source.x, v.source.y] : [r.x, r.y, r.width, r.height];
}

function samePlacement(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}
