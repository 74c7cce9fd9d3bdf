/**
 * One frame, from dirty trees to presented planes.
 *
 *   1. layout       each layer's Yoga tree, only where something is layout-dirty
 *   2. bounds       per layer: walk dirty subtrees, collect damage, place the layer on the output
 *   3. allocate     which layers go on planes (plane-allocator.ts); the rest are composited
 *   4. paint        per layer, per damage rect: clip, clear, draw what intersects
 *   5. compose      the composition layer's damage: the root layer's pixels, then each
 *                   composited layer blended over them in Z order (skipped when unused)
 *   6. copy         per plane: into a free display buffer, this frame's damage ∪ what it missed
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
import type { Canvas } from 'canvaskit-wasm';
import type { DamageRect, Display, DisplayBuffer, LayerState, Presented } from '../backend/contract.js';
import { turnPixels } from '../backend/pixels.js';
import { LayerRecord } from './layer-record.js';
import { CompositionLayer, toDamage, toRect, type PixelSource } from './composition-layer.js';
import { Graveyard } from './graveyard.js';
import { layerFormat, opaqueFormat } from './formats.js';
import { COMPOSITION_LAYER_ID, PlaneAllocator, type AllocLayer, type Allocation } from './plane-allocator.js';
import { stackPlanes, type Assignment } from './plane-rules.js';
import { emptyStats, type FrameStats } from './stats.js';
import { canvasKit } from '../render/canvaskit.js';
import { DamageTracker } from '../render/damage.js';
import { DebugOverlay } from '../render/debug-overlay.js';
import { LayerOutline } from '../render/layer-outline.js';
import { intersect, invert, isEmpty, roundOut, transformRect } from '../tree/geometry.js';
import type { PlanarNode } from '../tree/node.js';
import type { Scene } from '../tree/scene.js';
import { Painter, cacheLimit, toMatrix } from '../render/painter.js';

const TRANSPARENT = Float32Array.of(0, 0, 0, 0);

export class Compositor {
  readonly painter: Painter;
  private readonly overlay: DebugOverlay | null;
  private readonly outline: LayerOutline | null;
  private readonly allocator = new PlaneAllocator();
  private readonly root: LayerRecord;
  private records = new Map<PlanarNode, LayerRecord>();
  private nextLayerId = 1;
  private readonly graveyard = new Graveyard();
  /** The root and the composited layers, blended. */
  private readonly composition: CompositionLayer;
  /** The last commit failed: the next frame composites everything, as the safest state. */
  private commitFailed = false;
  /** The last allocation search ran out of time: search again on the next frame. */
  private allocationPending = false;
  private frame = 0;
  private retries = 0;
  /** Budget of a plane allocation search, ms. */
  deadlineMs = 1;
  /** The last frame was skipped for want of a free buffer: the next one must commit. */
  waitingForBuffer = false;
  /** The last allocation, for tests and the debug outline. */
  allocation: Allocation | null = null;

  constructor(
    private readonly scene: Scene, private readonly display: Display, private readonly background: Float32Array,
    debug: Set<string>, private readonly onError: (error: Error) => void = () => {},
  ) {
    const { width, height } = scene.outputSize;
    this.painter = new Painter(scene.scale, width * height);
    this.overlay = debug.has('damage') || debug.has('fps') ? new DebugOverlay(debug) : null;
    this.outline = debug.has('layers') ? new LayerOutline() : null;
    this.root = new LayerRecord(0, scene.root, null, this.graveyard);
    this.composition = new CompositionLayer(display, this.graveyard);
  }

  /** The compositor's id of the layer whose node has this testId (for tests); throws when there is none. */
  layerId(testId: string): number {
    for (const r of this.records.values()) if (r.node.testId === testId) return r.id;
    throw new Error(`no layer with testId "${testId}" is mounted (give the <Layer> a testId)`);
  }

  /** Rebuilds surfaces after the output changed size or scale. */
  resize(): void {
    const { width, height } = this.scene.outputSize;
    for (const r of this.all()) r.dispose();
    this.composition.dispose();
    this.allocator.reset();
    this.painter.scale = this.scene.scale;
    this.painter.cache.clear();
    this.painter.cache.limit = cacheLimit(width * height);
    for (const n of this.scene.layerNodes()) n.layer!.layoutDirty = true;
  }

  /** The root layer and the `<Layer>`s, bottom to top. */
  private all(): LayerRecord[] {
    const layers = [...this.records.values()];
    const order = new Map(this.scene.layerNodes().map((n, i) => [n, i]));
    layers.sort((a, b) => a.info!.zIndex - b.info!.zIndex || order.get(a.node)! - order.get(b.node)!);
    return [this.root, ...layers];
  }

  /** Creates records for new layer nodes and drops those of removed ones. */
  private syncLayers(): boolean {
    const nodes = new Set(this.scene.layerNodes());
    let changed = false;
    for (const [node, record] of this.records) {
      if (nodes.has(node)) continue;
      if (record.blended) this.composition.forget(record.blended);
      record.dispose();
      this.records.delete(node);
      changed = true;
    }
    for (const node of nodes) {
      if (this.records.has(node)) continue;
      this.records.set(node, new LayerRecord(this.nextLayerId++, node, node.layer, this.graveyard));
      changed = true;
    }
    return changed;
  }

  /** Renders and presents one frame; resolves with its stats once presented, or null when there was nothing to show. */
  async render(): Promise<FrameStats | null> {
    const stats = emptyStats();
    const scene = this.scene;
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
    for (const r of layers) {
      const before = [r.x, r.y, r.width, r.height].join();
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
      if (r.info?.placementDirty || before !== [r.x, r.y, r.width, r.height].join()) placementChanged = true;
      if (r.info) r.info.placementDirty = false;
    }
    // An external layer shows once it has a frame the display could import.
    const visible = layers.filter((r) => r.visible && (!r.external || this.importFrame(r)));
    // Hidden layers count too: their surfaces are kept current for when they show again.
    const anyDamage = layers.some((r) => r.damage.length > 0);
    if (!anyDamage && !placementChanged && !this.waitingForBuffer && !this.allocationPending && !this.commitFailed && !this.overlay?.pending()) return null;
    stats.frame = ++this.frame;

    const allocation = this.allocate(visible, output);
    stats.allocMs = allocation.ms;
    // Out of time (a cold start, a busy CPU): show the best found, and search again next frame, a few times.
    this.retries = allocation.timedOut ? this.retries + 1 : 0;
    this.allocationPending = allocation.timedOut && this.retries <= 3;
    const compositing = allocation.composition;

    this.paint(layers.filter((r) => r.visible || r.damage.length), allocation, stats);
    // A hidden layer's buffers miss what changed meanwhile, like any buffer not written.
    for (const r of layers) {
      addUnsent(r, r.damage);
      if (r.visible) continue;
      r.pool?.remember(r.damage);
      r.plane = null;
    }
    stats.paintMs = performance.now() - t;

    t = performance.now();
    const composited = visible.filter((r) => allocation.planeOf.get(r.id) == null);
    const composed = compositing ? this.composition.compose(composited, layers, output, (r) => this.sourceOf(r)) : [];
    if (!compositing) this.composition.leave(layers);
    stats.composedPx = composed.reduce((n, r) => n + r.width * r.height, 0);

    const state = this.buildState(visible, allocation, composed, stats);
    stats.copyMs = performance.now() - t;
    if (!state) {
      stats.skipped = true;
      this.waitingForBuffer = true;
      return stats;
    }
    this.waitingForBuffer = false;
    stats.planesUsed = state.length;
    stats.composited = visible.filter((r) => allocation.planeOf.get(r.id) == null).length;
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
    this.graveyard.sweep();
    this.overlay?.record(stats);
    if (this.allocationPending) this.scene.requestFrame();
    return stats;
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
    this.allocator.reset();
    this.commitFailed = true;
    this.composition.invalidate();
    for (const r of this.all()) {
      r.plane = null;
      r.stale = true;
      r.unsent = 'all';
    }
    this.scene.requestFrame();
  }

  /** Runs the plane allocator over the visible layers. */
  private allocate(visible: LayerRecord[], output: { width: number; height: number }): Allocation {
    const alloc: AllocLayer[] = visible.map((r, rank) => ({
      id: r.id, x: r.x, y: r.y, width: r.width, height: r.height, bufferWidth: r.width, bufferHeight: r.height,
      format: r.format!, opacity: r.opacity, zIndex: rank, plane: this.commitFailed ? 'never' : needsPlane(r) ? 'prefer' : r.info?.plane ?? 'auto', updates: r.updates,
    }));
    const allocation = this.allocator.allocate({
      layers: alloc, output, planes: this.display.planes,
      test: (assignment) => this.display.test({ layers: testState(assignment, this.display, (id) => this.currentBuffer(id, visible)) }).ok,
      deadlineMs: this.deadlineMs,
    });
    this.allocation = allocation;
    return allocation;
  }

  /** The buffer a layer shows now, if any (the composition layer is COMPOSITION_LAYER_ID). */
  private currentBuffer(id: number, visible: LayerRecord[]): DisplayBuffer | null {
    if (id === COMPOSITION_LAYER_ID) return this.composition.pool?.current ?? null;
    const r = visible.find((v) => v.id === id);
    return r ? (r.direct ? r.frameBuffer : r.pool?.current ?? null) : null;
  }

  /** Paints each layer's damage into its surface (and the debug outlines and overlays). */
  private paint(visible: LayerRecord[], allocation: Allocation, stats: FrameStats): void {
    const ck = canvasKit();
    for (const r of visible) {
      if (!r.surface) continue;
      if (r.external) {
        if (r.damage.length) this.turnFrame(r, stats);
        continue;
      }
      const outlined = r.visible ? this.outline?.prepare(r, this.labelOf(r, allocation)) ?? [] : [];
      const extra = r.isRoot && this.overlay ? this.overlay.previousRects() : [];
      const content = r.damage;
      const rects = [...content, ...outlined, ...extra.map(toDamage)];
      if (!rects.length) continue;
      r.damage = mergeRects(rects, r.width, r.height);
      const canvas: Canvas = r.surface.surface.getCanvas();
      const toLogical = invert(r.contentMatrix)!;
      for (const d of r.damage) {
        canvas.save();
        canvas.clipRect(ck.LTRBRect(d.x, d.y, d.x + d.width, d.y + d.height), ck.ClipOp.Intersect, false);
        canvas.clear(r.isRoot ? this.background : TRANSPARENT);
        canvas.concat(toMatrix(r.contentMatrix));
        const clip = roundOut(transformRect(toLogical, { left: d.x, top: d.y, right: d.x + d.width, bottom: d.y + d.height }), 1);
        this.painter.paint(canvas, r.node, clip, r.contentMatrix, r.contentMatrix);
        canvas.restore();
        stats.damagedPx += d.width * d.height;
      }
      if (r.isRoot && this.overlay) {
        this.overlay.draw(canvas, content.map(toRect), this.scene.outputSize);
      }
      this.outline?.draw(canvas, r);
      r.surface.surface.flush();
    }
  }

  /** Turns an external layer's new frame into its surface (on a turned output). */
  private turnFrame(r: LayerRecord, stats: FrameStats): void {
    const source = this.framePixels(r);
    if (!source || !r.surface) return;
    const m = r.contentMatrix, s = 1 / this.scene.scale;
    const toSurface = [m[0] * s, m[1] * s, m[2] * s, m[3] * s, m[4], m[5]];
    const dst = r.surface.pixels();
    dst.fill(0);
    turnPixels(source.pixels, source.stride, source.format, r.external!.width, r.external!.height, dst, r.surface.stride, r.width, r.height, toSurface);
    stats.damagedPx += r.width * r.height;
  }

  private labelOf(r: LayerRecord, allocation: Allocation): string {
    const name = r.isRoot ? 'root' : r.node.testId ?? `layer ${r.id}`;
    const plane = allocation.planeOf.get(r.id);
    const where = plane == null ? 'composited' : `plane ${plane}`;
    return `${name}: ${where}`;
  }

  /** The pixels a composited layer is blended from. */
  private sourceOf(r: LayerRecord): PixelSource | null {
    if (r.surface) return { pixels: r.surface.pixels(), stride: r.surface.stride, format: 'ABGR8888' };
    return this.framePixels(r);
  }

  /** An external layer's current frame as readable pixels, or null (reported once) when the display cannot read it. */
  private framePixels(r: LayerRecord): PixelSource | null {
    const imported = r.external ? this.importFrame(r) : null;
    if (!imported) return null;
    const { frame, buffer } = imported;
    if (frame.kind === 'pixels') return { pixels: frame.pixels, stride: frame.stride ?? frame.width * 4, format: frame.format };
    if (buffer.pixels) return { pixels: buffer.pixels, stride: buffer.stride, format: buffer.format };
    if (r.failedSerial !== r.frameSerial) {
      r.failedSerial = r.frameSerial;
      const name = r.node.testId ? ` (testId "${r.node.testId}")` : '';
      this.onError(new Error(`an ExternalLayer${name} must be composited or turned (a turned output, or no free plane), but this display cannot read its DMA-BUF frames: give it a plane (plane="prefer", nothing composited above it, an upright output) or push pixel frames`));
    }
    return null;
  }

  /** The external layer's current frame as a display buffer; a frame that cannot be imported is reported once and not shown. */
  private importFrame(r: LayerRecord): ReturnType<LayerRecord["importCurrent"]> {
    const serial = r.external?.serial ?? -1;
    if (r.failedSerial === serial) return null;
    try {
      return r.importCurrent(this.display);
    } catch (error) {
      r.failedSerial = serial;
      this.onError(error as Error);
      return null;
    }
  }

  /**
   * Copies into the display buffers of every plane and returns the state to commit, or null
   * when some plane has no free buffer (the frame is skipped; its damage is remembered).
   */
  private buildState(visible: LayerRecord[], allocation: Allocation, composed: DamageRect[], stats: FrameStats): LayerState[] | null {
    const planes: { r: LayerRecord | null; planeId: number }[] = allocation.assignment.map((a) => ({
      planeId: a.planeId, r: a.layer.id === COMPOSITION_LAYER_ID ? null : visible.find((v) => v.id === a.layer.id)!,
    }));
    // Every pool that is not written this frame still has to remember what changed.
    for (const r of visible) {
      const onPlane = planes.some((p) => p.r === r);
      if (!onPlane) {
        r.pool?.remember(r.damage);
        r.plane = null;
        r.unsent = 'all';
      }
    }

    const writes = planes.filter(({ r }) => (r
      ? !r.direct && (r.damage.length > 0 || r.stale || r.plane === null || !r.pool?.current)
      : composed.length > 0 || this.composition.pending || !this.composition.pool!.current));
    const poolOf = (r: LayerRecord | null) => (r ? r.buffers(this.display) : this.composition.pool!);
    if (writes.some(({ r }) => !poolOf(r).hasFree())) {
      for (const { r } of planes) {
        if (r?.direct) continue;
        poolOf(r).remember(r ? r.damage : composed);
        if (r) r.stale = true;
        else this.composition.pending = true;
      }
      return null;
    }
    this.composition.pending = false;
    const state: LayerState[] = [];
    for (const { r, planeId } of planes) {
      let buffer: DisplayBuffer | null;
      let damage: DamageRect[] = [];
      if (r?.direct) {
        const imported = this.importFrame(r);
        if (!imported) return null;
        buffer = imported.buffer;
      } else {
        const pool = poolOf(r);
        const surface = r ? r.surface! : this.composition.surface!;
        if (writes.some((w) => w.r === r)) {
          const target = pool.acquire(r ? r.damage : composed)!;
          stats.copiedBytes += target.buffer.write(surface.pixels(), surface.stride, mergeRects(target.copy, surface.width, surface.height));
          buffer = target.buffer;
        } else {
          buffer = pool.current;
        }
      }
      // What changed since this plane last showed this layer: every frame not sent since, or all of it.
      const full = [{ x: 0, y: 0, width: buffer!.width, height: buffer!.height }];
      if (r) {
        damage = r.plane !== planeId || r.unsent === 'all' ? full : mergeRects(r.unsent, buffer!.width, buffer!.height);
        r.plane = planeId;
        r.stale = false;
        r.unsent = [];
      } else {
        const unsent = this.composition.unsent;
        damage = unsent === 'all' ? full : mergeRects(unsent, buffer!.width, buffer!.height);
        this.composition.unsent = [];
      }
      const x = r ? r.x : 0, y = r ? r.y : 0;
      state.push({
        id: r ? r.id : COMPOSITION_LAYER_ID, planeId, zpos: allocation.zpos.get(planeId) ?? 0, buffer,
        bufferWidth: buffer!.width, bufferHeight: buffer!.height, format: buffer!.format,
        x, y, width: buffer!.width, height: buffer!.height, opacity: r ? r.opacity : 1, damage,
      });
    }
    return state;
  }

  dispose(): void {
    this.root.dispose();
    for (const r of this.records.values()) r.dispose();
    this.records.clear();
    this.composition.dispose();
    this.graveyard.clear();
    this.painter.dispose();
    this.overlay?.dispose();
    this.outline?.dispose();
  }
}

/** A test state for an assignment: sizes and formats, no buffers yet. */
/**
 * A state for the display to test: each layer with the buffer it shows now when it has one of
 * the right size (a KMS test then uses its real framebuffer), else none and its size and format.
 */
function testState(assignment: Assignment, display: Display, bufferOf: (id: number) => DisplayBuffer | null): LayerState[] {
  const stack = stackPlanes(display.planes, assignment);
  return assignment.map(({ planeId, layer }) => ({
    id: layer.id, planeId, zpos: stack.ok ? stack.zpos.get(planeId) ?? 0 : 0,
    buffer: sized(bufferOf(layer.id), layer.bufferWidth, layer.bufferHeight),
    bufferWidth: layer.bufferWidth, bufferHeight: layer.bufferHeight, format: layer.format,
    x: layer.x, y: layer.y, width: layer.width, height: layer.height, opacity: layer.opacity, damage: [],
  }));
}

/** An external layer whose frames the display cannot read (DMA-BUFs) shows only on a plane: it asks for one first. */
function needsPlane(r: LayerRecord): boolean {
  return r.direct && r.external?.current?.kind === 'dmabuf' && !r.frameBuffer?.pixels;
}

function sized(buffer: DisplayBuffer | null, width: number, height: number): DisplayBuffer | null {
  return buffer && buffer.width === width && buffer.height === height ? buffer : null;
}

/** Adds a frame's damage to what a layer has not sent yet (capped: past 32 rects, all of it). */
function addUnsent(r: LayerRecord, damage: readonly DamageRect[]): void {
  if (r.unsent === 'all' || !damage.length) return;
  r.unsent = capped([...r.unsent, ...damage]);
}

function capped(rects: DamageRect[]): DamageRect[] | 'all' {
  return rects.length > 32 ? 'all' : rects;
}





/** Merges rects (so no pixel is painted or copied twice) and clips them to the surface. */
function mergeRects(rects: readonly DamageRect[], width: number, height: number): DamageRect[] {
  const bounds = { left: 0, top: 0, right: width, bottom: height };
  const t = new DamageTracker(bounds, 32, 0);
  for (const r of rects) t.add(toRect(r));
  return t.take().map((r) => intersect(r, bounds)).filter((r) => !isEmpty(r)).map(toDamage);
}
