/**
 * The plane allocation budget (plane-budget.ts) on a fake clock: the display's `test()` advances
 * the clock by the cost injected per case, and nothing else does, so every figure here is exact
 * and no case depends on how fast the machine runs.
 */
import { describe, expect, it } from 'vitest';
import { planePreset } from '../src/backend/plane-presets.js';
import { PlaneAllocator, type AllocInput, type AllocLayer } from '../src/compositor/plane-allocator.js';
import { DESCENTS_PER_BUDGET, FIRST_SEARCH_CAP_MS, MIN_BUDGET_MS, PlaneBudget } from '../src/compositor/plane-budget.js';
import type { Assignment } from '../src/compositor/plane-rules.js';
import { checkAssignment } from '../src/compositor/plane-rules.js';
import { OUT, layer, root } from './alloc-layers.js';

const planes = planePreset('vkms', OUT);

/** Three disjoint popups: a full search puts the root on the primary and each popup on an overlay. */
const apart = () => [root(), layer(1, 20, 20, 200, 150), layer(2, 300, 20, 200, 150), layer(3, 20, 250, 200, 150)];
/** The same, popup 2 moved over popup 1: which layers overlap changed, so the allocation is searched again. */
const moved = () => [root(), layer(1, 20, 20, 200, 150), layer(2, 120, 60, 200, 150), layer(3, 20, 250, 200, 150)];

/**
 * A display on a fake clock whose every test() costs `clock.cost` ms; `refuses` adds a limit of
 * the device's own that its planes' descriptions do not show.
 */
function slowDisplay(costMs: number, refuses?: (a: Assignment) => boolean) {
  const clock = { t: 0, tests: 0, cost: costMs };
  const test: AllocInput['test'] = (a) => {
    clock.t += clock.cost;
    clock.tests++;
    return checkAssignment(planes, OUT, a).ok && !refuses?.(a);
  };
  const input = (layers: AllocLayer[], deadlineMs?: number): AllocInput => ({ layers, output: OUT, planes, test, now: () => clock.t, deadlineMs });
  return { clock, input };
}

/** A device that shows popup 2 on the top overlay (plane 4) only: the greedy walk, taking upper layers first, misses that. */
const popup2OnTopOnly = (a: Assignment) => a.some(({ planeId, layer }) => layer.id === 2 && planeId !== 4);

describe('plane allocation budget', () => {
  it('first-search-on-a-slow-device-runs-to-the-end', () => {
    // 40 ms a test, as on a virtual machine: a 1 ms budget would stop after the first test.
    const { input } = slowDisplay(40);
    const r = new PlaneAllocator().allocate(input(apart()));
    expect(r.timedOut).toBe(false);
    expect(r.budgetMs).toBe(FIRST_SEARCH_CAP_MS);
    expect(r.score).toBe(4);
    expect(Object.fromEntries(r.planeOf)).toEqual({ 0: 1, 1: 2, 2: 3, 3: 4 });
  });

  it('fixed-1-ms-on-a-slow-device-keeps-the-greedy-walk', () => {
    // 40 ms a test and a 1 ms budget: the greedy walk, never cut short, puts every layer on a plane in four tests.
    const { clock, input } = slowDisplay(40);
    const r = new PlaneAllocator().allocate(input(apart(), 1));
    expect(r.budgetMs).toBe(1);
    expect(r.score).toBe(4);
    expect(r.timedOut).toBe(false);
    expect(clock.tests).toBe(4);
  });

  it('later-search-is-budgeted-from-the-measured-test-cost', () => {
    const { input } = slowDisplay(40);
    const allocator = new PlaneAllocator();
    allocator.allocate(input(apart()));
    expect(allocator.medianTestMs).toBe(40);
    const r = allocator.allocate(input(moved()));
    expect(r.reused).toBe(false);
    // Four visible layers: three descents of five tests each.
    expect(r.budgetMs).toBe(DESCENTS_PER_BUDGET * (4 + 1) * 40);
    // Enough for the few tests that matter: the move still ends with every layer on a plane.
    expect(r.timedOut).toBe(false);
    expect(r.score).toBe(4);
  });

  it('fast-device-keeps-the-minimum', () => {
    const { input } = slowDisplay(0.01);
    const allocator = new PlaneAllocator();
    allocator.allocate(input(apart()));
    const r = allocator.allocate(input(moved()));
    expect(r.budgetMs).toBe(MIN_BUDGET_MS);
    expect(r.timedOut).toBe(false);
  });

  it('cut-short-keeps-greedy-path', () => {
    // The first search, cheap, finds all four; then the device slows down, popup 2 moves over
    // popup 1, and the budget measured so far (1 ms) ends the search during its greedy walk.
    const { clock, input } = slowDisplay(0.01, popup2OnTopOnly);
    const allocator = new PlaneAllocator();
    expect(allocator.allocate(input(apart())).score).toBe(4);
    clock.cost = 5;
    const r = allocator.allocate(input(moved()));
    expect(r.budgetMs).toBe(MIN_BUDGET_MS);
    expect(r.timedOut).toBe(true);
    expect(r.searchAgain).toBe(true);
    // The walk's leaf: popup 3 on the top overlay; popup 1 and the root came off, under popup 2,
    // which only the top overlay takes. Not everything composited, as a bare cut-short search gave.
    expect(Object.fromEntries(r.planeOf)).toEqual({ 0: null, 1: null, 2: null, 3: 4 });
    expect(r.composition).toBe(true);
    // A search cut short by its budget is not kept: the same layers are searched again.
    expect(allocator.allocate(input(moved())).reused).toBe(false);
  });

  it('cut-short-searches-again-with-twice-the-budget-until-it-completes', () => {
    const { clock, input } = slowDisplay(5, popup2OnTopOnly);
    const allocator = new PlaneAllocator();
    expect(allocator.allocate(input(apart())).timedOut).toBe(false);
    expect(allocator.medianTestMs).toBe(5);
    // Nothing changes after the move: each frame the compositor draws to search again is this call.
    const rounds = [allocator.allocate(input(moved()))];
    while (rounds.at(-1)!.searchAgain && rounds.length < 20) rounds.push(allocator.allocate(input(moved())));
    const base = DESCENTS_PER_BUDGET * (4 + 1) * 5;
    expect(rounds.map((r) => r.budgetMs)).toEqual(rounds.map((_, i) => Math.min(FIRST_SEARCH_CAP_MS, base * 2 ** i)));
    expect(rounds.length).toBeGreaterThan(1);
    const last = rounds.at(-1)!;
    expect(last.timedOut).toBe(false);
    expect(Object.fromEntries(last.planeOf)).toEqual({ 0: 1, 1: 2, 2: 4, 3: 3 });
    // Meanwhile, never fewer layers on planes than the greedy walk placed.
    for (const r of rounds) expect(r.score).toBeGreaterThanOrEqual(1);
    // Completed, it is kept: the next frame reuses it after one test.
    const tests = clock.tests;
    expect(allocator.allocate(input(moved())).reused).toBe(true);
    expect(clock.tests - tests).toBe(1);
  });

  it('searched-again-until-the-cap-then-kept', () => {
    // A device that got 1000 times slower: the doubling budget reaches the cap, and that search's result is kept.
    const { clock, input } = slowDisplay(0.01, popup2OnTopOnly);
    const allocator = new PlaneAllocator();
    allocator.allocate(input(apart()));
    clock.cost = 300;
    const rounds = [allocator.allocate(input(moved()))];
    while (rounds.at(-1)!.searchAgain && rounds.length < 20) rounds.push(allocator.allocate(input(moved())));
    // 1 ms, doubled to 2; by then most of the measured costs are 300 ms, and the budget they give is past the cap.
    expect(rounds.map((r) => r.budgetMs)).toEqual([1, 2, FIRST_SEARCH_CAP_MS]);
    expect(rounds.at(-1)!.timedOut).toBe(true);
    expect(rounds.at(-1)!.searchAgain).toBe(false);
    expect(allocator.allocate(input(moved())).reused).toBe(true);
  });

  it('explicit-budget-cut-short-is-searched-again-three-times-then-kept', () => {
    const { input } = slowDisplay(5, popup2OnTopOnly);
    const allocator = new PlaneAllocator();
    allocator.allocate(input(apart(), 100));
    const rounds = [allocator.allocate(input(moved(), 1))];
    while (rounds.at(-1)!.searchAgain && rounds.length < 20) rounds.push(allocator.allocate(input(moved(), 1)));
    expect(rounds.map((r) => [r.budgetMs, r.timedOut, r.searchAgain])).toEqual([[1, true, true], [1, true, true], [1, true, true], [1, true, false]]);
    expect(allocator.allocate(input(moved(), 1)).reused).toBe(true);
  });

  it('a-new-set-of-layers-is-a-first-search-again', () => {
    const { input } = slowDisplay(40);
    const allocator = new PlaneAllocator();
    allocator.allocate(input(apart()));
    // A popup opens.
    const r = allocator.allocate(input([...apart(), layer(4, 300, 250, 200, 150)]));
    expect(r.budgetMs).toBe(FIRST_SEARCH_CAP_MS);
  });

  it('after-reset-the-next-search-is-a-first-one-and-the-costs-stay', () => {
    const { input } = slowDisplay(40);
    const allocator = new PlaneAllocator();
    allocator.allocate(input(apart()));
    allocator.reset();
    expect(allocator.medianTestMs).toBe(40);
    expect(allocator.allocate(input(apart())).budgetMs).toBe(FIRST_SEARCH_CAP_MS);
  });

  it('explicit-deadline-overrides-both', () => {
    const { input } = slowDisplay(40);
    const allocator = new PlaneAllocator();
    expect(allocator.allocate(input(apart(), 100)).budgetMs).toBe(100);
    expect(allocator.allocate(input(moved(), 100)).budgetMs).toBe(100);
  });

  it('a-pathological-first-search-stops-at-the-cap-and-is-kept', () => {
    // Thirteen layers and 300 ms a test: the cap stops the search; its result is reused, not searched again.
    const { clock, input } = slowDisplay(300);
    const many = [root(), ...Array.from({ length: 12 }, (_, i) => layer(i + 1, (i % 4) * 200 + 10, Math.floor(i / 4) * 150 + 10, 150, 100))];
    const allocator = new PlaneAllocator();
    const first = allocator.allocate(input(many));
    expect(first.timedOut).toBe(true);
    expect(first.ms).toBeLessThan(FIRST_SEARCH_CAP_MS + 2 * 300);
    const tests = clock.tests;
    const again = allocator.allocate(input(many));
    expect(again.reused).toBe(true);
    expect(clock.tests - tests).toBe(1);
  });
});

describe('measured test cost', () => {
  it('median-ignores-an-odd-slow-test', () => {
    const budget = new PlaneBudget();
    for (const ms of [2, 2, 3, 2, 90, 3, 2]) budget.recordTest(ms);
    expect(budget.medianTestMs()).toBe(2);
  });

  it('median-follows-the-recent-tests', () => {
    const budget = new PlaneBudget();
    for (let i = 0; i < 40; i++) budget.recordTest(1);
    for (let i = 0; i < 20; i++) budget.recordTest(10);
    expect(budget.medianTestMs()).toBe(10);
  });

  it('no-tests-yet', () => {
    const budget = new PlaneBudget();
    expect(budget.medianTestMs()).toBeNull();
    const situation = { layerSet: 'a', key: 'a', layers: 3 };
    budget.forSearch(situation);
    expect(budget.forSearch(situation)).toEqual({ ms: MIN_BUDGET_MS, first: false, final: false });
  });
});
