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
 *      opacity crossing 1) are budgeted from the measured cost of a test commit on this device
 *      and the size of the problem:
 *
 *          budget = max(MIN_BUDGET_MS, DESCENTS_PER_BUDGET × (layers + 1) × median test cost)
 *
 *      One descent of the search, from the primary to a leaf, costs about one test per plane it
 *      fills, `layers + 1` at most when the composition layer is on; the search begins with a
 *      greedy walk of one or two such descents that no budget cuts short (plane-search.ts). Three
 *      descents' worth leaves the depth-first search at least one full descent beyond the walk
 *      on any device, for three layers or for twelve, where a flat count of tests would be
 *      generous for few layers and less than one walk for many. A fast device keeps about 1 ms.
 *   3. A search cut short is not kept: the next frame searches again (the compositor asks for
 *      that frame even when the UI is idle), with twice the budget each time the same situation
 *      is cut short in a row, until the budget reaches FIRST_SEARCH_CAP_MS; that search's result
 *      is kept, as a first search's is. So every search completes or reaches the cap within
 *      log2(FIRST_SEARCH_CAP_MS / MIN_BUDGET_MS) ≈ 10 frames, and none spins for ever. Between
 *      times, users get the best found so far, never less than the greedy walk placed.
 *   4. An explicit budget (`planeDeadlineMs` in `createApp`; the testing API passes 100 ms so
 *      that which layers ride planes never depends on the machine's load) overrides all of this;
 *      a search it cuts short is searched again EXPLICIT_RETRIES times with the same budget, and
 *      then kept.
 *
 * Costs are measured around every `test()` call, the one-test check of a reused allocation
 * included, with the allocator's clock (injectable, so the policy is tested on a fake clock).
 * The search asks the display only what the planes' descriptions cannot answer (plane-search.ts),
 * so the samples are the device's own answers, not instant refusals of a format or a size. The
 * median of the last SAMPLES costs ignores the odd test that a context switch made slow.
 */

/** The longest a first search for a new set of layers may run, ms; also where a search searched again stops growing. */
export const FIRST_SEARCH_CAP_MS = 1000;
/** The shortest budget of a later search, ms. */
export const MIN_BUDGET_MS = 1;
/** How many descents of the search, of `layers + 1` test commits each, a later search may spend. */
export const DESCENTS_PER_BUDGET = 3;
/** How many times a search cut short by an explicit budget is searched again, with the same budget. */
export const EXPLICIT_RETRIES = 3;
/** How many recent test costs the median is taken over. */
const SAMPLES = 32;

/** What a search is over. */
export interface SearchSituation {
  /** Names the set of visible layers (and the planes): a new one makes a first search. */
  layerSet: string;
  /** Names everything allocation-relevant: the same key again is the same search, searched again. */
  key: string;
  /** Visible layers. */
  layers: number;
}

/** A search's budget. */
export interface SearchBudget {
  ms: number;
  /** The first search for its set of layers. */
  first: boolean;
  /** Its result is kept even if it is cut short: no search of the same situation follows. */
  final: boolean;
}

export class PlaneBudget {
  /** The last SAMPLES test costs, ms, as a ring. */
  private readonly costs: number[] = [];
  private next = 0;
  /** The set of layers the last search was for. */
  private searched: string | null = null;
  /** The situation the last searches were cut short in, and how many in a row. */
  private cutShort: { key: string; times: number } | null = null;

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
   * The budget of a search in `situation`. `explicit`, when given, is the budget, but the set of
   * layers is remembered all the same.
   */
  forSearch(situation: SearchSituation, explicit?: number): SearchBudget {
    const first = situation.layerSet !== this.searched;
    this.searched = situation.layerSet;
    const again = !first && this.cutShort?.key === situation.key ? this.cutShort.times : 0;
    if (explicit !== undefined) return { ms: explicit, first, final: again >= EXPLICIT_RETRIES };
    if (first) return { ms: FIRST_SEARCH_CAP_MS, first, final: true };
    const measured = DESCENTS_PER_BUDGET * (situation.layers + 1) * (this.medianTestMs() ?? 0);
    const ms = Math.min(FIRST_SEARCH_CAP_MS, Math.max(MIN_BUDGET_MS, measured) * 2 ** again);
    return { ms, first, final: ms >= FIRST_SEARCH_CAP_MS };
  }

  /** Records how the search `forSearch` budgeted ended: cut short (and not final), it is searched again. */
  searchEnded(situation: SearchSituation, budget: SearchBudget, timedOut: boolean): void {
    if (!timedOut || budget.final) {
      this.cutShort = null;
      return;
    }
    const times = this.cutShort?.key === situation.key ? this.cutShort.times : 0;
    this.cutShort = { key: situation.key, times: times + 1 };
  }

  /** The next search is a first one again (after a resize or a refused commit); measured costs stay. */
  forgetLayers(): void {
    this.searched = null;
    this.cutShort = null;
  }
}
