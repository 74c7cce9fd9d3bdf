/**
 * The depth-first search of the plane allocator (plane-allocator.ts), after libliftoff's.
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
 * or when its budget runs out (plane-budget.ts: a first search for a new set of layers runs to
 * the end, later ones are budgeted from the measured cost of a test), returning the best
 * allocation found so far.
 *
 * Every layer left without a plane carries the first reason it was refused one (plane-refusal.ts):
 * a rule it breaks from the start (`never`, partly outside the output, under a layer that is), the
 * first plane that refused it in a test, a Z order that could not be kept, a composited layer
 * above it that a leaf would have hidden; else the planes went to other layers, or time ran out.
 */
import type { PlaneInfo } from '../backend/contract.js';
import { testRefusal, type Refusal } from './plane-refusal.js';
import {
  compareZ, insideOutput, isAbove, isVisible, overlaps, planeRange, stackPlanes,
  type Assignment, type OutputSize, type PlaneAssignment, type RuleLayer,
} from './plane-rules.js';

/** A layer as the allocator sees it. */
export interface AllocLayer extends RuleLayer {
  /** `prefer` gets a plane before busier layers; `never` is always composited. */
  plane: 'auto' | 'prefer' | 'never';
  /** How many of the recent frames changed the layer's content. */
  updates: number;
}

/** Id of the composition layer in assignments. */
export const COMPOSITION_LAYER_ID = -1;

/** What one search needs: the layers, the output, the planes and the display's test. */
export interface SearchInput {
  /** The UI's layers, the composition layer not included; layer 0 is the root layer at the bottom. */
  layers: readonly AllocLayer[];
  output: OutputSize;
  planes: readonly PlaneInfo[];
  /** Whether the display takes this assignment (planes not listed are off). */
  test: (assignment: Assignment) => boolean;
}

/** What a search found: the assignment and the reasons the layers left out were refused. */
export interface Found {
  assignment: Assignment;
  composition: boolean;
  score: number;
  timedOut: boolean;
  refusals: Map<number, Refusal>;
}

/** One run of the depth-first search. */
export class Search {
  tests = 0;
  private readonly planes: PlaneInfo[];
  /** Visible layers, bottom to top. */
  private readonly visible: AllocLayer[];
  /** Layers that may get a plane, in priority order. */
  private readonly candidates: AllocLayer[];
  /** The same, bottom to top: the order the primary tries them in. */
  private readonly bottomUp: AllocLayer[];
  /** Visible layers that will be composited whatever happens: `never`, partly outside, or under such a layer. */
  private readonly stuck = new Map<number, Refusal>();
  /** Layer id → the first reason the search met for not giving it a plane. */
  private readonly refused = new Map<number, Refusal>();
  /** Layer id → the visible layers above it that overlap it. */
  private readonly coveredBy = new Map<number, AllocLayer[]>();
  private readonly slots: (RuleLayer | null)[];
  private readonly placed = new Set<number>();
  private best: { slots: (RuleLayer | null)[]; score: number; composited: boolean } | null = null;
  private done = false;
  private timedOut = false;

  constructor(
    private readonly input: SearchInput, primary: PlaneInfo, private readonly composition: RuleLayer,
    private readonly now: () => number, private readonly start: number, private readonly deadline: number,
  ) {
    const others = input.planes.filter((p) => p !== primary);
    const top = (p: PlaneInfo) => planeRange(input.planes, p).hi;
    others.sort((a, b) => top(b) - top(a) || b.id - a.id);
    this.planes = [primary, ...others];
    this.slots = this.planes.map(() => null);

    this.visible = input.layers.filter((l) => isVisible(l, input.output)).sort(compareZ);
    // Top down, so that a layer under a stuck one is found stuck too: it would be hidden on a plane.
    for (const layer of [...this.visible].reverse()) {
      const coveredBy = this.visible.filter((o) => isAbove(o, layer) && overlaps(o, layer));
      this.coveredBy.set(layer.id, coveredBy);
      const under = coveredBy.find((o) => this.stuck.has(o.id));
      const why: Refusal | null = layer.plane === 'never' ? { kind: 'never' }
        : !insideOutput(layer, input.output) ? { kind: 'outside' }
        : under ? { kind: 'covered', by: under.id } : null;
      if (why) this.stuck.set(layer.id, why);
    }
    this.bottomUp = this.visible.filter((l) => !this.stuck.has(l.id));
    const rank = (l: AllocLayer) => (l.plane === 'prefer' ? 1 : 0);
    this.candidates = [...this.bottomUp].sort((a, b) => rank(b) - rank(a) || b.updates - a.updates || compareZ(b, a));
  }

  run(): Found {
    if (this.visible.length > 0) this.visit(0, 0, false);
    if (!this.best) {
      // Nothing to show, or nothing valid found in time (or at all): composite everything.
      const assignment = [{ planeId: this.planes[0].id, layer: this.composition }];
      return { assignment, composition: true, score: 0, timedOut: this.timedOut, refusals: this.refusals(assignment) };
    }
    const assignment: PlaneAssignment[] = [];
    this.best.slots.forEach((layer, i) => {
      if (layer) assignment.push({ planeId: this.planes[i].id, layer });
    });
    return { assignment, composition: this.best.composited, score: this.best.score, timedOut: this.timedOut, refusals: this.refusals(assignment) };
  }

  /** Why each visible layer the assignment leaves composited was refused a plane: the first reason met. */
  private refusals(assignment: Assignment): Map<number, Refusal> {
    const onPlane = new Set(assignment.map((a) => a.layer.id));
    const refusals = new Map<number, Refusal>();
    for (const l of this.visible) {
      if (onPlane.has(l.id)) continue;
      const why = this.stuck.get(l.id) ?? this.refused.get(l.id) ?? (this.timedOut ? { kind: 'deadline', budgetMs: this.deadline } : { kind: 'no-plane' });
      refusals.set(l.id, why);
    }
    return refusals;
  }

  /** Keeps the first reason a layer was refused a plane. */
  private refuse(id: number, why: Refusal): void {
    if (id !== COMPOSITION_LAYER_ID && !this.refused.has(id)) this.refused.set(id, why);
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
    const plane = this.planes[i];
    const stack = stackPlanes(this.input.planes, assignment);
    if (stack.ok) {
      this.tests++;
      if (this.input.test(assignment)) return true;
      this.refuse(layer.id, testRefusal(plane, this.input.output, layer));
    } else if (stack.pair) {
      const [above, below] = stack.pair;
      this.refuse(layer.id, { kind: 'stack', planeId: plane.id, other: above === layer.id ? below : above });
    } else {
      this.refuse(layer.id, { kind: 'rule', planeId: plane.id, rule: stack.reason });
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
        const hidden = this.coveredBy.get(layer.id)!.find((o) => !this.placed.has(o.id));
        if (hidden) {
          this.refuse(layer.id, { kind: 'covered', by: hidden.id });
          return;
        }
      }
    }
    this.best = { slots: [...this.slots], score, composited };
    if (score === this.visible.length) this.done = true;
  }
}
