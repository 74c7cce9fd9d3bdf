/**
 * The plane allocation budget (plane-budget.ts) on a fake clock: the display's `test()` advances
 * the clock by the cost injected per case, and nothing else does, so every figure here is exact
 * and no case depends on how fast the machine runs.
 */
import { describe, expect, it } from 'vitest';
import { planePreset } from '../src/backend/plane-presets.js';
import { PlaneAllocator, type AllocInput, type AllocLayer } from '../src/compositor/plane-allocator.js';
import { FIRST_SEARCH_CAP_MS, MIN_BUDGET_MS, PlaneBudget, TESTS_PER_BUDGET } from '../src/compositor/plane-budget.js';
import { checkAssignment } from '../src/compositor/plane-rules.js';
import { OUT, layer, root } from './alloc-layers.js';

const planes = planePreset('vkms', OUT);

/** Three disjoint popups: a full search puts the root on the primary and each popup on an overlay. */
const apart = () => [root(), layer(1, 20, 20, 200, 150), layer(2, 300, 20, 200, 150), layer(3, 20, 250, 200, 150)];
/** The same, popup 2 moved over popup 1: which layers overlap changed, so the allocation is searched again. */
const moved = () => [root(), layer(1, 20, 20, 200, 150), layer(2, 120, 60, 200, 150), layer(3, 20, 250, 200, 150)];

/** A display on a fake clock whose every test() costs `clock.cost` ms. */
function slowDisplay(costMs: number) {
  const clock = { t: 0, tests: 0, cost: costMs };
  const test: AllocInput['test'] = (a) => {
    clock.t += clock.cost;
    clock.tests++;
    return checkAssignment(planes, OUT, a).ok;
  };
  const input = (layers: AllocLayer[], deadlineMs?: number): AllocInput => ({ layers, output: OUT, planes, test, now: () => clock.t, deadlineMs });
  return { clock, input };
}

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

  it('the-same-search-with-the-old-fixed-1-ms-is-cut-short', () => {
    const { input } = slowDisplay(40);
    const r = new PlaneAllocator().allocate(input(apart(), 1));
    expect(r.timedOut).toBe(true);
    expect(r.budgetMs).toBe(1);
    expect(r.score).toBeLessThan(4);
  });

  it('later-search-is-budgeted-from-the-measured-test-cost', () => {
    const { input } = slowDisplay(40);
    const allocator = new PlaneAllocator();
    allocator.allocate(input(apart()));
    expect(allocator.medianTestMs).toBe(40);
    const r = allocator.allocate(input(moved()));
    expect(r.reused).toBe(false);
    expect(r.budgetMs).toBe(TESTS_PER_BUDGET * 40);
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

  it('a-budget-too-small-is-cut-short-and-searched-again', () => {
    // The first tests were quick, then the device slowed down: the budget measured so far is too short.
    const { clock, input } = slowDisplay(0.01);
    const allocator = new PlaneAllocator();
    allocator.allocate(input(apart()));
    clock.cost = 5;
    const r = allocator.allocate(input(moved()));
    expect(r.budgetMs).toBe(MIN_BUDGET_MS);
    expect(r.timedOut).toBe(true);
    // A search cut short by its budget is not kept: the same layers are searched again.
    expect(allocator.allocate(input(moved())).reused).toBe(false);
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
    budget.forSearch('a');
    expect(budget.forSearch('a')).toEqual({ ms: MIN_BUDGET_MS, first: false });
  });
});
