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
 * and picks the zpos values of planes that take any.
 *
 * Before the depth-first search, a greedy walk that no budget cuts short: a descent without
 * backtracking. Each plane in search order takes the uppermost layer not placed yet that its
 * rules, the Z order and the display's test accept, and the walk goes on to the next plane; it
 * never returns to an earlier one. Upper layers first, not the priority order: with planes
 * stacked by a fixed rule (vkms), a busy lower layer put first on the top plane leaves no plane
 * above it for the layers that overlap it from above, and then it must come off too, while
 * planes and layers taken both top down keep every overlap in order. The walk is made twice at
 * most: first with the bottom layer on the primary (every layer must then find a plane, so it
 * stops as soon as too few planes are left), then with the composition layer there, where it
 * places one layer fewer than are visible (a leaf with every layer on a plane has no use for
 * composition) and, at its leaf, takes back, from the top down, every placed layer that a
 * composited one above would hide, and tests that smaller assignment once more. A walk costs at
 * most planes × layers tests and usually one per plane it fills, about `layers + 1`.
 *
 * Its leaf is the floor: a walk that placed every visible layer ends the search at once; else
 * the depth-first search runs as before, skipping branches that cannot at least match the floor,
 * and its best leaf is returned unless the floor is strictly higher (among equals the search's
 * leaf, found in priority order, wins). So a search cut short by its budget never ends with
 * fewer layers on planes than the walk placed: on a slow device (a VM whose test commits cost
 * milliseconds) where the budget ends a few tests into the search, users get the walk's leaf,
 * not everything composited, until a search completes (plane-budget.ts searches again).
 *
 * Branches are cut when even filling every remaining plane cannot beat the best score, and the
 * search stops when every layer has a plane or when its budget runs out (plane-budget.ts: a
 * first search for a new set of layers runs to the end, later ones are budgeted from the measured
 * cost of a test), returning the best allocation found so far.
 *
 * Every refusal is kept, the first per layer and plane: why the plane's rules or the display's
 * test said no, or which layer's Z order could not be kept. Each layer the best leaf leaves
 * composited is then explained from them (plane-refusal.ts).
 */
import type { PlaneInfo } from '../backend/contract.js';
import { explainRefusal, type Refusal } from './plane-refusal.js';
import {
  checkLayerOnPlane, compareZ, insideOutput, isAbove, isVisible, overlaps, planeRange, stackPlanes,
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

interface Leaf {
  slots: (RuleLayer | null)[];
  score: number;
  composited: boolean;
}

/** One run of the search: the greedy walk, then the depth-first search. */
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
  /** Layer id → plane id → the first reason the search met for not putting the layer on that plane. */
  private readonly refused = new Map<number, Map<number, Refusal>>();
  /** Layer id → the visible layers above it that overlap it. */
  private readonly coveredBy = new Map<number, AllocLayer[]>();
  private readonly slots: (RuleLayer | null)[];
  private readonly placed = new Set<number>();
  /** The best leaf the depth-first search found. */
  private best: Leaf | null = null;
  /** The greedy walk's leaf: what the search returns when it finds nothing better. */
  private floor: Leaf | null = null;
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
    if (this.visible.length > 0) {
      this.greedy(false);
      if (!this.done) this.greedy(true);
      if (!this.done) this.visit(0, 0, false);
      // Among equals the depth-first search's leaf wins: its candidates come in priority order.
      if (this.floor && (!this.best || this.floor.score > this.best.score)) this.best = this.floor;
    }
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

  /** Why each visible layer the assignment leaves composited was refused a plane (see plane-refusal.ts). */
  private refusals(assignment: Assignment): Map<number, Refusal> {
    const onPlane = new Set(assignment.map((a) => a.layer.id));
    const composited = this.visible.filter((l) => !onPlane.has(l.id));
    const refusals = new Map<number, Refusal>();
    // Nothing valid found in time: every layer not stuck is composited for want of time.
    const outOfTime = !this.best && this.timedOut;
    for (const layer of composited) {
      if (outOfTime && !this.stuck.has(layer.id)) {
        refusals.set(layer.id, { kind: 'deadline', budgetMs: this.deadline });
        continue;
      }
      refusals.set(layer.id, this.stuck.get(layer.id) ?? explainRefusal({
        layer, planes: this.planes, output: this.input.output, refused: this.refused.get(layer.id),
        coveredBy: this.coveredBy.get(layer.id)!.find((o) => !onPlane.has(o.id)),
        timedOut: this.timedOut, budgetMs: this.deadline,
      }));
    }
    return refusals;
  }

  /** Keeps the first reason a plane refused a layer. */
  private refuse(id: number, planeId: number, why: Refusal): void {
    if (id === COMPOSITION_LAYER_ID) return;
    let byPlane = this.refused.get(id);
    if (!byPlane) this.refused.set(id, byPlane = new Map());
    if (!byPlane.has(planeId)) byPlane.set(planeId, why);
  }

  /** Chooses a layer for plane `i`, given `score` layers placed so far and whether the composition layer is on. */
  private visit(i: number, score: number, composited: boolean): void {
    const total = this.visible.length;
    // Past the primary, without the composition layer every visible layer needs a plane.
    if (i > 0 && !composited && (this.stuck.size > 0 || total - score > this.planes.length - i)) return;
    // A branch that cannot win is no reason to say the budget was too short.
    if (!this.canBeat(score, composited, i)) return;
    if (this.now() - this.start > this.deadline) {
      this.timedOut = true;
      return;
    }
    if (i === this.planes.length) {
      this.leaf(score, composited);
      return;
    }

    // A branch that cannot beat the best is cut before its test commit, not after.
    if (i === 0 && this.canBeat(score, true, i + 1)) {
      if (this.tryLayer(i, this.composition)) {
        this.visit(i + 1, score, true);
        this.slots[i] = null;
        if (this.done || this.timedOut) return;
      }
    }
    for (const layer of i === 0 ? this.bottomUp : this.candidates) {
      if (this.placed.has(layer.id)) continue;
      // With the composition layer on, a leaf leaves at least one layer composited.
      if (composited && score + 1 >= total) break;
      if (!this.canBeat(score + 1, composited, i + 1)) break;
      if (!this.tryLayer(i, layer)) continue;
      this.placed.add(layer.id);
      this.visit(i + 1, score + 1, composited);
      this.placed.delete(layer.id);
      this.slots[i] = null;
      if (this.done || this.timedOut) return;
    }
    this.visit(i + 1, score, composited);
  }

  /**
   * The greedy walk (see the top of this file), with the composition layer on the primary or
   * without it; its leaf becomes the floor when valid and higher. Never cut short.
   */
  private greedy(composited: boolean): void {
    const total = this.visible.length;
    const first = composited ? this.composition : this.bottomUp[0];
    // Without composition, every visible layer needs a plane: none may be stuck composited.
    if (!composited && (this.stuck.size > 0 || !first)) return;
    let score = 0;
    if (this.tryLayer(0, first)) {
      if (!composited) {
        this.placed.add(first.id);
        score = 1;
      }
      const topDown = [...this.bottomUp].reverse();
      for (let i = 1; i < this.planes.length && score < (composited ? total - 1 : total); i++) {
        if (!composited && total - score > this.planes.length - i) break;
        for (const layer of topDown) {
          if (this.placed.has(layer.id) || !this.tryLayer(i, layer)) continue;
          this.placed.add(layer.id);
          score++;
          break;
        }
      }
      const taken = composited ? this.takeBackHidden() : 0;
      score -= taken;
      const valid = composited ? score < total && (taken === 0 || this.testSlots()) : score === total;
      if (valid && (!this.floor || score > this.floor.score)) {
        this.floor = { slots: [...this.slots], score, composited };
        if (score === total) this.done = true;
      }
    }
    this.slots.fill(null);
    this.placed.clear();
  }

  /** Takes every placed layer a composited layer above would hide off its plane, top down (so that this cascades); how many. */
  private takeBackHidden(): number {
    let taken = 0;
    for (let k = this.visible.length - 1; k >= 0; k--) {
      const layer = this.visible[k];
      if (!this.placed.has(layer.id) || !this.coveredBy.get(layer.id)!.some((o) => !this.placed.has(o.id))) continue;
      this.slots[this.slots.indexOf(layer)] = null;
      this.placed.delete(layer.id);
      taken++;
    }
    return taken;
  }

  /** Whether the display takes the assignment the slots hold now, after layers were taken back. */
  private testSlots(): boolean {
    const assignment: PlaneAssignment[] = [];
    this.slots.forEach((layer, k) => {
      if (layer) assignment.push({ planeId: this.planes[k].id, layer });
    });
    if (!stackPlanes(this.input.planes, assignment).ok) return false;
    this.tests++;
    return this.input.test(assignment);
  }

  /**
   * Whether a branch with `score` layers placed on the planes before plane `i` may still beat the
   * best leaf: at best every remaining plane takes a candidate, and with the composition layer
   * on, at least one layer must stay composited.
   */
  private canBeat(score: number, composited: boolean, i: number): boolean {
    const reachable = score + Math.min(this.planes.length - i, this.candidates.length - score);
    const most = composited ? Math.min(reachable, this.visible.length - 1) : reachable;
    // The greedy walk's leaf is only to be matched: on a tie, the search's own leaf wins.
    return (!this.best || this.best.score < most) && (!this.floor || this.floor.score <= most);
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
    const refusal = this.refusalOf(plane, layer, assignment);
    if (!refusal) return true;
    this.refuse(layer.id, plane.id, refusal);
    this.slots[i] = null;
    return false;
  }

  /** Why `plane` cannot take `layer` in `assignment`, or null when the display takes it. */
  private refusalOf(plane: PlaneInfo, layer: RuleLayer, assignment: Assignment): Refusal | null {
    // What the plane's description rules out costs no test commit (every display's test applies
    // these rules too): on a slow device, the tests go to the questions only the device can answer.
    const alone = checkLayerOnPlane(plane, this.input.output, layer);
    if (!alone.ok) return { kind: 'rule', planeId: plane.id, rule: alone.reason };
    const stack = stackPlanes(this.input.planes, assignment);
    if (!stack.ok) {
      if (!stack.pair) return { kind: 'rule', planeId: plane.id, rule: stack.reason };
      const [above, below] = stack.pair;
      return { kind: 'stack', planeId: plane.id, other: above === layer.id ? below : above };
    }
    this.tests++;
    return this.input.test(assignment) ? null : { kind: 'test', planeId: plane.id };
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
