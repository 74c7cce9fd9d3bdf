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
 * The search (plane-search.ts) makes a greedy walk that is never cut short, then searches depth
 * first over the planes, testing every partial assignment with the display. How long it may run
 * is the budget's business (plane-budget.ts): the first search for a new set of layers runs to
 * the end, later ones are budgeted from the measured cost of a test and the number of layers,
 * and one cut short is searched again on the next frames with a growing budget. Every layer left without a plane carries the first reason it was refused one
 * (plane-refusal.ts), shown by `PLANAR_DEBUG=layers` and in the frame stats.
 *
 * Most frames change only pixels. The last allocation is reused, after one test, while
 * `relevantKey` stays the same: sizes, formats, Z order, which layers overlap, whether each layer
 * is inside the output, whether it is opaque, translucent or invisible, and its plane preference.
 * Damage, content, busy-ness and a move that changes no overlap do not count.
 */
import type { PixelFormat, PlaneInfo } from '../backend/contract.js';
import { opaqueFormat } from './formats.js';
import { PlaneBudget } from './plane-budget.js';
import type { Refusal } from './plane-refusal.js';
import {
  compareZ, insideOutput, isCropped, isVisible, overlaps, sourceOf, stackPlanes,
  type Assignment, type OutputSize, type PlaneAssignment, type RuleLayer,
} from './plane-rules.js';
import { COMPOSITION_LAYER_ID, Search, type AllocLayer, type Found, type SearchInput } from './plane-search.js';

export { COMPOSITION_LAYER_ID, type AllocLayer } from './plane-search.js';
export { isVisible } from './plane-rules.js';

export interface AllocInput extends SearchInput {
  /** Budget for the search, ms; overrides the measured budget of plane-budget.ts. */
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
  /** Whether the search hit the deadline; the result is then the best one found, never less than the greedy walk's. */
  timedOut: boolean;
  /** Cut short, the search wants to run again on the next frame, with a longer budget (plane-budget.ts). */
  searchAgain: boolean;
  /** Layer id → why the layer has no plane, for every visible layer left composited. */
  refusals: Map<number, Refusal>;
  /** The search's budget, ms (0 when the previous allocation was reused). */
  budgetMs: number;
  /** `test()` calls made. */
  tests: number;
  ms: number;
}

/** The full-screen composition layer for a primary plane: its first opaque format, bottom of the stack. */
export function compositionLayer(output: OutputSize, primary: PlaneInfo): RuleLayer {
  const format: PixelFormat = opaqueFormat([primary]);
  return {
    id: COMPOSITION_LAYER_ID, x: 0, y: 0, width: output.width, height: output.height,
    bufferWidth: output.width, bufferHeight: output.height, format, opacity: 1, zIndex: -Infinity,
  };
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
    // A cropped layer (a scroll tile) changes the size it shows as it scrolls: only its buffer, and whether it is scaled or cropped, count.
    const source = sourceOf(l);
    const scaled = source.width !== l.width || source.height !== l.height ? `${l.width}x${l.height}` : '';
    parts.push(`${l.id}:${scaled}/${l.bufferWidth}x${l.bufferHeight}${isCropped(l) ? 'c' : ''}:${l.format}:${where}:${alpha}:${l.plane}`);
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
  refusals: Map<number, Refusal>;
}

/** Plans which layers go on planes, frame after frame; remembers the last plan to reuse it. */
export class PlaneAllocator {
  private previous: Previous | null = null;
  private readonly budget = new PlaneBudget();

  /**
   * Forgets the last allocation, so that the next `allocate` searches again as for a new set of
   * layers (after a resize, a refused commit). What a test costs on this display is kept.
   */
  reset(): void {
    this.previous = null;
    this.budget.forgetLayers();
  }

  /** The median measured cost of a `test()`, ms; null before the first. */
  get medianTestMs(): number | null {
    return this.budget.medianTestMs();
  }

  /** The allocation for this frame: the previous one when still valid, else the best the search finds in time. */
  allocate(input: AllocInput): Allocation {
    const now = input.now ?? (() => performance.now());
    const start = now();
    const primary = input.planes.find((p) => p.type === 'primary');
    if (!primary) throw new Error('plane allocation needs a display with a primary plane');
    const composition = compositionLayer(input.output, primary);
    const key = `${planesKey(input.planes)} | ${relevantKey(input.layers, input.output)}`;
    // Every test is timed: later searches are budgeted from what a test costs here.
    const measured: AllocInput = {
      ...input,
      test: (assignment) => {
        const t = now();
        const ok = input.test(assignment);
        this.budget.recordTest(now() - t);
        return ok;
      },
    };

    if (this.previous && this.previous.key === key) {
      const reused = this.reuse(measured, this.previous, composition);
      if (reused) return { ...reused, ms: now() - start };
    }

    const visible = input.layers.filter((l) => isVisible(l, input.output));
    const situation = {
      layerSet: `${planesKey(input.planes)} | ${visible.map((l) => l.id).sort((a, b) => a - b).join(',')}`,
      key, layers: visible.length,
    };
    const budget = this.budget.forSearch(situation, input.deadlineMs);
    const search = new Search(measured, primary, composition, now, start, budget.ms);
    const found = search.run();
    this.budget.searchEnded(situation, budget, found.timedOut);
    // A search cut short is not kept: the next frame searches again, with more time
    // (plane-budget.ts). A final one is kept, cut short or not: searching as long again would
    // block the UI anew.
    const searchAgain = found.timedOut && !budget.final;
    const allocation = finish(input, found, false, search.tests, budget.ms, searchAgain);
    this.previous = !searchAgain ? {
      key, composition: found.composition, score: found.score, refusals: found.refusals,
      entries: found.assignment.map((a) => ({ planeId: a.planeId, layerId: a.layer.id })),
    } : null;
    return { ...allocation, ms: now() - start };
  }

  private reuse(input: AllocInput, previous: Previous, composition: RuleLayer): Omit<Allocation, 'ms'> | null {
    const byId = new Map(input.layers.map((l) => [l.id, l]));
    const assignment: PlaneAssignment[] = previous.entries.map(({ planeId, layerId }) => ({
      planeId, layer: layerId === COMPOSITION_LAYER_ID ? composition : byId.get(layerId)!,
    }));
    if (!stackPlanes(input.planes, assignment).ok || !input.test(assignment)) return null;
    const found = { assignment, composition: previous.composition, score: previous.score, timedOut: false, refusals: previous.refusals };
    return finish(input, found, true, 1, 0, false);
  }
}

function planesKey(planes: readonly PlaneInfo[]): string {
  return planes.map((p) => `${p.id}${p.type[0]}`).join(',');
}

function finish(input: AllocInput, found: Found, reused: boolean, tests: number, budgetMs: number, searchAgain: boolean): Omit<Allocation, 'ms'> {
  const { assignment, composition, score, timedOut, refusals } = found;
  const planeOf = new Map<number, number | null>();
  for (const layer of input.layers) planeOf.set(layer.id, null);
  for (const { planeId, layer } of assignment) {
    if (layer.id !== COMPOSITION_LAYER_ID) planeOf.set(layer.id, planeId);
  }
  const stack = stackPlanes(input.planes, assignment);
  const zpos = stack.ok ? stack.zpos : new Map<number, number>();
  return { planeOf, composition, assignment, zpos, score, reused, timedOut, searchAgain, refusals, budgetMs, tests };
}
