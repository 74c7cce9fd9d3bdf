/**
 * Plane allocation: which layers the display shows on hardware planes, after libliftoff.
 *
 * A display has a few planes (KMS planes, Wayland subsurfaces) and the UI has a few layers: the
 * root layer at the bottom, popups, lists, video, the cursor. Every layer that gets a plane is
 * scanned out as it is and costs no copy; the others are drawn in software into the composition
 * layer, a full-screen buffer in an opaque format that only the primary plane shows, beneath every
 * other plane. The rules of a device are partly unwritten (bandwidth, scaler count, format and
 * size limits that depend on the other planes), so the only way to know whether an assignment
 * works is to ask: `test()` (an atomic TEST_ONLY commit on KMS). We build assignments plane by
 * plane, test each partial one, and prune a branch as soon as a test fails.
 *
 * The search is depth first over the planes, the primary first (some drivers light no plane
 * without it), then the others from the top of the stack down. For each plane we try each layer
 * not placed yet, in priority order, then leaving the plane off; the primary also tries the
 * composition layer, first, so that a usable allocation exists early. A primary, two overlays
 * and three layers (C is the composition layer, "-" leaves the plane off):
 *
 *   primary         overlay 3          overlay 2       leaf
 *     C ─────────┬─ popup 2 ───────┬── popup 1        score 2, root composited
 *                │                 └── -              score 1
 *                ├─ popup 1 ─ ...
 *                └─ - ─ ...
 *     root ──────┬─ popup 2 ───────┬── popup 1        score 3, nothing composited: best
 *                │                 └── - (invalid: popup 1 would need composition)
 *                └─ ...
 *
 * The score is the number of layers on planes; the best leaf wins, the first one found among
 * equals, which is why the order of the candidates matters: layers marked `prefer`, then the
 * ones that changed in most of the recent frames (a plane saves a copy every frame they change),
 * then the upper ones. A layer marked `never`, or partly outside the output, is always composited,
 * and so is every layer it overlaps from above; none of them is ever a candidate.
 *
 * A leaf is valid when the composition layer is used exactly when some visible layer is left
 * without a plane, and when no layer on a plane has a composited layer above it that overlaps it:
 * the composited layer lives in the composition layer, beneath every plane, and would be hidden.
 * Overlapping layers on planes must keep their Z order; `stackPlanes` checks that at every step
 * and picks the zpos values of planes that take any. Branches are cut when even filling every
 * remaining plane cannot beat the best score, and the search stops when every layer has a plane
 * or at the deadline (1 ms by default), returning the best allocation found so far.
 *
 * Most frames change only pixels. The last allocation is reused, after one test, while
 * `relevantKey` stays the same: sizes, formats, Z order, which layers overlap, whether each layer
 * is inside the output, whether it is opaque, translucent or invisible, and its plane preference.
 * Damage, content, busy-ness and a move that changes no overlap do not count.
 */
import type { PixelFormat, PlaneInfo } from '../backend/contract.js';
import {
  compareZ, insideOutput, isAbove, overlaps, planeRange, stackPlanes,
  type Assignment, type OutputSize, type PlaneAssignment, type RuleLayer,
} from './plane-rules.js';
import { opaqueFormat } from './formats.js';

/** A layer as the allocator sees it. */
export interface AllocLayer extends RuleLayer {
  /** `prefer` gets a plane before busier layers; `never` is always composited. */
  plane: 'auto' | 'prefer' | 'never';
  /** How many of the recent frames changed the layer's content. */
  updates: number;
}

export interface AllocInput {
  /** The UI's layers, the composition layer not included; layer 0 is the root layer at the bottom. */
  layers: readonly AllocLayer[];
  output: OutputSize;
  planes: readonly PlaneInfo[];
  /** Whether the display takes this assignment (planes not listed are off). */
  test: (assignment: Assignment) => boolean;
  /** Budget for the search, ms. Default 1. */
  deadlineMs?: number;
  /** Clock in ms. Default `performance.now`. */
  now?: () => number;
}

export interface Allocation {
  /** Layer id → plane id, or null when the layer is composited (or invisible). */
  planeOf: Map<number, number | null>;
  /** Whether the composition layer is used (on the primary plane). */
  composition: boolean;
  /** The planes in use, the composition layer included. */
  assignment: Assignment;
  /** Plane id → stack position, for every plane in use (set it on planes with mutable zpos). */
  zpos: Map<number, number>;
  /** Layers on planes. */
  score: number;
  /** Whether the previous allocation was reused. */
  reused: boolean;
  /** Whether the search hit the deadline; the result is then the best one found. */
  timedOut: boolean;
  /** `test()` calls made. */
  tests: number;
  ms: number;
}

/** Id of the composition layer in assignments. */
export const COMPOSITION_LAYER_ID = -1;

/** The full-screen composition layer for a primary plane: its first opaque format, bottom of the stack. */
export function compositionLayer(output: OutputSize, primary: PlaneInfo): RuleLayer {
  const format: PixelFormat = opaqueFormat([primary]);
  return {
    id: COMPOSITION_LAYER_ID, x: 0, y: 0, width: output.width, height: output.height,
    bufferWidth: output.width, bufferHeight: output.height, format, opacity: 1, zIndex: -Infinity,
  };
}

/** Whether a layer shows anything on the output. */
export function isVisible(layer: RuleLayer, output: OutputSize): boolean {
  return layer.opacity > 0 && layer.width > 0 && layer.height > 0 &&
    layer.x < output.width && layer.y < output.height && layer.x + layer.width > 0 && layer.y + layer.height > 0;
}

/**
 * What plane allocation depends on, as a string: equal keys mean the previous allocation may be
 * kept. Damage, content, `updates` and moves that change no overlap and keep the layer inside
 * (or partly outside) the output are left out.
 */
export function relevantKey(layers: readonly AllocLayer[], output: OutputSize): string {
  const sorted = [...layers].sort(compareZ);
  const parts = [`${output.width}x${output.height}`];
  for (const l of sorted) {
    const where = !isVisible(l, output) ? 'gone' : insideOutput(l, output) ? 'in' : 'cut';
    const alpha = l.opacity <= 0 ? 0 : l.opacity >= 1 ? 1 : 'a';
    parts.push(`${l.id}:${l.width}x${l.height}/${l.bufferWidth}x${l.bufferHeight}:${l.format}:${where}:${alpha}:${l.plane}`);
  }
  const pairs: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      if (overlaps(sorted[i], sorted[j])) pairs.push(`${sorted[i].id}&${sorted[j].id}`);
    }
  }
  return `${parts.join(' ')} | ${pairs.join(' ')}`;
}

interface Previous {
  key: string;
  /** Plane id → layer id (COMPOSITION_LAYER_ID for the composition layer). */
  entries: { planeId: number; layerId: number }[];
  composition: boolean;
  score: number;
}

/** Plans which layers go on planes, frame after frame; remembers the last plan to reuse it. */
export class PlaneAllocator {
  private previous: Previous | null = null;

  /** Forgets the last allocation, so that the next `allocate` searches again (e.g. after priorities changed). */
  reset(): void {
    this.previous = null;
  }

  /** The allocation for this frame: the previous one when still valid, else the best the search finds in time. */
  allocate(input: AllocInput): Allocation {
    const now = input.now ?? (() => performance.now());
    const start = now();
    const primary = input.planes.find((p) => p.type === 'primary');
    if (!primary) throw new Error('plane allocation needs a display with a primary plane');
    const composition = compositionLayer(input.output, primary);
    const key = `${planesKey(input.planes)} | ${relevantKey(input.layers, input.output)}`;

    if (this.previous && this.previous.key === key) {
      const reused = this.reuse(input, this.previous, composition);
      if (reused) return { ...reused, ms: now() - start };
    }

    const search = new Search(input, primary, composition, now, start);
    const found = search.run();
    const allocation = finish(input, found.assignment, found.composition, found.score, false, found.timedOut, search.tests);
    // A search cut short by the deadline is not kept: the next frame searches again.
    this.previous = found.timedOut ? null : {
      key, composition: found.composition, score: found.score,
      entries: found.assignment.map((a) => ({ planeId: a.planeId, layerId: a.layer.id })),
    };
    return { ...allocation, ms: now() - start };
  }

  private reuse(input: AllocInput, previous: Previous, composition: RuleLayer): Omit<Allocation, 'ms'> | null {
    const byId = new Map(input.layers.map((l) => [l.id, l]));
    const assignment: PlaneAssignment[] = previous.entries.map(({ planeId, layerId }) => ({
      planeId, layer: layerId === COMPOSITION_LAYER_ID ? composition : byId.get(layerId)!,
    }));
    if (!stackPlanes(input.planes, assignment).ok || !input.test(assignment)) return null;
    return finish(input, assignment, previous.composition, previous.score, true, false, 1);
  }
}

function planesKey(planes: readonly PlaneInfo[]): string {
  return planes.map((p) => `${p.id}${p.type[0]}`).join(',');
}

function finish(
  input: AllocInput, assignment: Assignment, composition: boolean, score: number,
  reused: boolean, timedOut: boolean, tests: number,
): Omit<Allocation, 'ms'> {
  const planeOf = new Map<number, number | null>();
  for (const layer of input.layers) planeOf.set(layer.id, null);
  for (const { planeId, layer } of assignment) {
    if (layer.id !== COMPOSITION_LAYER_ID) planeOf.set(layer.id, planeId);
  }
  const stack = stackPlanes(input.planes, assignment);
  const zpos = stack.ok ? stack.zpos : new Map<number, number>();
  return { planeOf, composition, assignment, zpos, score, reused, timedOut, tests };
}

/** One run of the depth-first search. */
class Search {
  tests = 0;
  private readonly planes: PlaneInfo[];
  /** Visible layers, bottom to top. */
  private readonly visible: AllocLayer[];
  /** Layers that may get a plane, in priority order. */
  private readonly candidates: AllocLayer[];
  /** The same, bottom to top: the order the primary tries them in. */
  private readonly bottomUp: AllocLayer[];
  /** Visible layers that will be composited whatever happens: `never`, partly outside, or under such a layer. */
  private readonly stuck = new Set<number>();
  /** Layer id → the visible layers above it that overlap it. */
  private readonly coveredBy = new Map<number, AllocLayer[]>();
  private readonly slots: (RuleLayer | null)[];
  private readonly placed = new Set<number>();
  private readonly deadline: number;
  private best: { slots: (RuleLayer | null)[]; score: number; composited: boolean } | null = null;
  private done = false;
  private timedOut = false;

  constructor(
    private readonly input: AllocInput, primary: PlaneInfo, private readonly composition: RuleLayer,
    private readonly now: () => number, private readonly start: number,
  ) {
    const others = input.planes.filter((p) => p !== primary);
    const top = (p: PlaneInfo) => planeRange(input.planes, p).hi;
    others.sort((a, b) => top(b) - top(a) || b.id - a.id);
    this.planes = [primary, ...others];
    this.slots = this.planes.map(() => null);
    this.deadline = input.deadlineMs ?? 1;

    this.visible = input.layers.filter((l) => isVisible(l, input.output)).sort(compareZ);
    // Top down, so that a layer under a stuck one is found stuck too: it would be hidden on a plane.
    for (const layer of [...this.visible].reverse()) {
      const coveredBy = this.visible.filter((o) => isAbove(o, layer) && overlaps(o, layer));
      this.coveredBy.set(layer.id, coveredBy);
      if (layer.plane === 'never' || !insideOutput(layer, input.output) || coveredBy.some((o) => this.stuck.has(o.id))) {
        this.stuck.add(layer.id);
      }
    }
    this.bottomUp = this.visible.filter((l) => !this.stuck.has(l.id));
    const rank = (l: AllocLayer) => (l.plane === 'prefer' ? 1 : 0);
    this.candidates = [...this.bottomUp].sort((a, b) => rank(b) - rank(a) || b.updates - a.updates || compareZ(b, a));
  }

  run(): { assignment: Assignment; composition: boolean; score: number; timedOut: boolean } {
    if (this.visible.length > 0) this.visit(0, 0, false);
    if (!this.best) {
      // Nothing to show, or nothing valid found in time (or at all): composite everything.
      return { assignment: [{ planeId: this.planes[0].id, layer: this.composition }], composition: true, score: 0, timedOut: this.timedOut };
    }
    const assignment: PlaneAssignment[] = [];
    this.best.slots.forEach((layer, i) => {
      if (layer) assignment.push({ planeId: this.planes[i].id, layer });
    });
    return { assignment, composition: this.best.composited, score: this.best.score, timedOut: this.timedOut };
  }

  /** Chooses a layer for plane `i`, given `score` layers placed so far and whether the composition layer is on. */
  private visit(i: number, score: number, composited: boolean): void {
    if (this.now() - this.start > this.deadline) {
      this.timedOut = true;
      return;
    }
    const total = this.visible.length;
    // Past the primary, without the composition layer every visible layer needs a plane.
    if (i > 0 && !composited && (this.stuck.size > 0 || total - score > this.planes.length - i)) return;
    // With it, at least one must stay composited.
    const reachable = score + Math.min(this.planes.length - i, this.candidates.length - score);
    const bound = composited ? Math.min(reachable, total - 1) : reachable;
    if (this.best && this.best.score >= bound) return;
    if (i === this.planes.length) {
      this.leaf(score, composited);
      return;
    }

    if (i === 0) {
      if (this.tryLayer(i, this.composition)) {
        this.visit(i + 1, score, true);
        this.slots[i] = null;
        if (this.done || this.timedOut) return;
      }
    }
    for (const layer of i === 0 ? this.bottomUp : this.candidates) {
      if (this.placed.has(layer.id)) continue;
      if (!this.tryLayer(i, layer)) continue;
      this.placed.add(layer.id);
      this.visit(i + 1, score + 1, composited);
      this.placed.delete(layer.id);
      this.slots[i] = null;
      if (this.done || this.timedOut) return;
    }
    this.visit(i + 1, score, composited);
  }

  /** Puts `layer` on plane `i` if the stack and the display take it; leaves the slot empty otherwise. */
  private tryLayer(i: number, layer: RuleLayer): boolean {
    this.slots[i] = layer;
    const assignment: PlaneAssignment[] = [];
    for (let k = 0; k <= i; k++) {
      const l = this.slots[k];
      if (l) assignment.push({ planeId: this.planes[k].id, layer: l });
    }
    if (stackPlanes(this.input.planes, assignment).ok) {
      this.tests++;
      if (this.input.test(assignment)) return true;
    }
    this.slots[i] = null;
    return false;
  }

  private leaf(score: number, composited: boolean): void {
    if (composited) {
      if (score === this.visible.length) return; // every layer has a plane: composition would be wasted
      // A layer on a plane hides any composited layer above it that overlaps it.
      for (const layer of this.visible) {
        if (!this.placed.has(layer.id)) continue;
        if (this.coveredBy.get(layer.id)!.some((o) => !this.placed.has(o.id))) return;
      }
    }
    this.best = { slots: [...this.slots], score, composited };
    if (score === this.visible.length) this.done = true;
  }
}
