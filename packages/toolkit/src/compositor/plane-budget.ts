/**
 * How long a plane allocation search may run.
 *
 * The search asks the display about every candidate assignment (`test()`, an atomic TEST_ONLY
 * commit on KMS), so its cost is counted in test commits, and what one costs depends on the
 * device by orders of magnitude: a few microseconds on the headless display, tens of
 * microseconds on a Pi's kernel driver, and several milliseconds on a virtual machine whose GPU
 * driver is emulated (a whole allocation took 39–91 ms there). A budget in milliseconds alone is
 * either too long for a fast device, where it delays every frame that asks for a new allocation,
 * or meaningless for a slow one, where it cuts every search short after its first test and
 * leaves on planes whatever the first leaf happened to hold. So the budget is this:
 *
 *   1. The first search for a new set of layers (a layer appeared, disappeared or became
 *      visible, or after a resize or a refused commit) is not cut short: it runs to the end, or to
 *      a generous safety cap (FIRST_SEARCH_CAP_MS) that only a pathological device reaches. Its
 *      result, even when the cap cut it, is kept and reused while nothing allocation-relevant
 *      changes: what a user sees when a popup opens is the best allocation there is.
 *   2. Later searches over the same set (a move that changes which layers overlap, a restack, an
 *      opacity crossing 1) are budgeted from the measured cost of a test commit on this device:
 *
 *          budget = max(MIN_BUDGET_MS, TESTS_PER_BUDGET × median cost of the recent tests)
 *
 *      A fast device keeps about 1 ms; a slow one still gets the handful of tests that reach a
 *      first complete leaf (one per plane) and a few alternatives. A search cut short here is
 *      searched again on the next frames, as before.
 *   3. An explicit budget (`planeDeadlineMs` in `createApp`; the testing API passes 100 ms so
 *      that which layers ride planes never depends on the machine's load) overrides both.
 *
 * Costs are measured around every `test()` call, the one-test check of a reused allocation
 * included, with the allocator's clock (injectable, so the policy is tested on a fake clock).
 * The search asks the display only what the planes' descriptions cannot answer (plane-search.ts),
 * so the samples are the device's own answers, not instant refusals of a format or a size. The
 * median of the last SAMPLES costs ignores the odd test that a context switch made slow.
 */

/** The longest a first search for a new set of layers may run, ms. */
export const FIRST_SEARCH_CAP_MS = 1000;
/** The shortest budget of a later search, ms. */
export const MIN_BUDGET_MS = 1;
/** How many test commits a later search may spend, at the median measured cost. */
export const TESTS_PER_BUDGET = 8;
/** How many recent test costs the median is taken over. */
const SAMPLES = 32;

/** A search's budget and whether it is the first for its set of layers. */
export interface SearchBudget {
  ms: number;
  first: boolean;
}

export class PlaneBudget {
  /** The last SAMPLES test costs, ms, as a ring. */
  private readonly costs: number[] = [];
  private next = 0;
  /** The set of layers the last search was for. */
  private searched: string | null = null;

  /** Records the measured cost of one `test()`, ms. */
  recordTest(ms: number): void {
    if (!(ms >= 0)) return;
    if (this.costs.length < SAMPLES) this.costs.push(ms);
    else this.costs[this.next] = ms;
    this.next = (this.next + 1) % SAMPLES;
  }

  /** The median of the recent test costs, ms; null before the first test. */
  medianTestMs(): number | null {
    if (!this.costs.length) return null;
    const sorted = [...this.costs].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /**
   * The budget of a search over `layerSet` (a key naming the set of layers), ms. `explicit`,
   * when given, is the budget, but the set is remembered all the same.
   */
  forSearch(layerSet: string, explicit?: number): SearchBudget {
    const first = layerSet !== this.searched;
    this.searched = layerSet;
    if (explicit !== undefined) return { ms: explicit, first };
    if (first) return { ms: FIRST_SEARCH_CAP_MS, first };
    return { ms: Math.max(MIN_BUDGET_MS, TESTS_PER_BUDGET * (this.medianTestMs() ?? 0)), first };
  }

  /** The next search is a first one again (after a resize or a refused commit); measured costs stay. */
  forgetLayers(): void {
    this.searched = null;
  }
}
