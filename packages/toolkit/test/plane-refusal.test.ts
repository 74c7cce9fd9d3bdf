/**
 * Why a layer is composited: the first reason the plane allocator met for refusing it a plane,
 * against a mock display applying a device preset's rules. Each case names its situation and
 * states, for every composited layer, the reason in words.
 */
import { describe, expect, it } from 'vitest';
import type { PlaneInfo } from '../src/backend/contract.js';
import { planePreset, type PlanePresetName } from '../src/backend/plane-presets.js';
import { PlaneAllocator, type AllocInput, type AllocLayer } from '../src/compositor/plane-allocator.js';
import { describeRefusal, explainRefusal, type Refusal, type RefusalFacts } from '../src/compositor/plane-refusal.js';
import { checkAssignment, type Assignment } from '../src/compositor/plane-rules.js';
import { OUT, P1, P2, P3, P4, layer, root } from './alloc-layers.js';

const NAMES: Record<number, string> = { 0: 'root', 1: '"one"', 2: '"two"', 3: '"three"', 4: '"four"' };
const nameOf = (id: number) => NAMES[id] ?? `layer ${id}`;

interface Case {
  name: string;
  preset: PlanePresetName;
  layers: AllocLayer[];
  /** Extra refusals of the mock device, beyond its preset's rules (its unwritten limits). */
  refuses?: (a: Assignment) => boolean;
  deadlineMs?: number;
  /** What each test() costs on a fake clock that only tests advance; a frozen clock otherwise. */
  testCost?: number;
  /** Layer id → why it is composited; layers not listed are on planes. */
  why: Record<number, string>;
}

const cases: Case[] = [
  { name: 'everything-on-planes-no-reasons', preset: 'vkms', layers: [root(), P1(), P2()], why: {} },
  {
    name: 'never-says-so', preset: 'vkms', layers: [root(), P1({ plane: 'never' }), P4()],
    why: { 0: 'overlaps composited "one" above it', 1: 'plane="never"' },
  },
  {
    name: 'partly-outside-the-output', preset: 'vkms', layers: [root(), layer(1, 700, 20, 200, 150), P3()],
    why: { 0: 'overlaps composited "one" above it', 1: 'partly outside the output' },
  },
  {
    // A layer under a `never` layer is never tried either: it would hide it.
    name: 'under-a-never-layer', preset: 'vkms', layers: [root(), P1(), layer(2, 100, 100, 200, 150, { plane: 'never' }), P4()],
    why: { 0: 'overlaps composited "one" above it', 1: 'overlaps composited "two" above it', 2: 'plane="never"' },
  },
  {
    // The primary scans out opaque formats only; the popup above still gets an overlay.
    name: 'argb-root-format-not-on-primary', preset: 'vkms', layers: [root({ format: 'ARGB8888' }), P1()],
    why: { 0: 'plane 1: format ARGB8888 not supported' },
  },
  {
    name: 'translucent-root-needs-alpha', preset: 'vkms', layers: [root({ opacity: 0.5 })],
    why: { 0: 'plane 1: opacity 0.5 needs plane alpha' },
  },
  {
    // vkms cannot scale: no overlay fits it (the cursor plane is too small besides); the root under it is hidden.
    name: 'scaled-layer-on-a-device-that-cannot-scale', preset: 'vkms', layers: [root(), P1({ bufferWidth: 100, bufferHeight: 75 })],
    why: { 0: 'overlaps composited "one" above it', 1: 'no plane fits it: the plane cannot scale' },
  },
  {
    // B cannot scale; A, busier, would be hidden under it; C, apart, keeps a plane.
    name: 'busy-layer-under-a-composited-one', preset: 'vkms',
    layers: [root(), layer(1, 100, 100, 300, 200, { updates: 10 }), layer(2, 250, 150, 300, 200, { bufferWidth: 150, bufferHeight: 100 }), layer(3, 600, 20, 150, 100)],
    why: { 0: 'overlaps composited "one" above it', 1: 'overlaps composited "two" above it', 2: 'no plane fits it: the plane cannot scale' },
  },
  {
    // Four popups, three overlays and a 64x64 cursor plane: the lowest popup was last in line
    // for the overlays, and the cursor plane is no excuse (it never fitted).
    name: 'more-layers-than-overlays', preset: 'vkms', layers: [root(), P1(), P2(), P3(), P4()],
    why: { 0: 'overlaps composited "one" above it', 1: 'no free plane' },
  },
  {
    name: 'primary-only-no-free-plane', preset: 'primary-only', layers: [root(), P1()],
    why: { 0: 'overlaps composited "one" above it', 1: 'no free plane' },
  },
  {
    // The device refuses a second overlay for a reason no plane property tells (bandwidth).
    name: 'device-refuses-in-a-test-commit', preset: 'vkms', layers: [root(), P1(), P2({ updates: 5 })],
    refuses: (a) => a.filter((p) => p.planeId >= 2 && p.planeId <= 4).length > 1,
    why: { 0: 'overlaps composited "one" above it', 1: 'plane 3 refused it in a test commit' },
  },
  {
    // The greedy walk is never cut short: out of time after it, each layer it left composited
    // keeps the reason the walk met (the search never got to try popup 2 on the top overlay).
    name: 'search-out-of-time-after-the-greedy-walk', preset: 'vkms', layers: [root(), P1(), P2(), P3()], testCost: 0.5, deadlineMs: 1,
    refuses: (a) => a.some(({ planeId, layer }) => layer.id === 2 && planeId !== 4),
    why: { 0: 'overlaps composited "two" above it', 2: 'plane 3 refused it in a test commit' },
  },
];

function allocate(c: Case, planes: PlaneInfo[] = planePreset(c.preset, OUT)) {
  let t = 0;
  const input: AllocInput = {
    layers: c.layers, output: OUT, planes, deadlineMs: c.deadlineMs,
    test: (a) => {
      t += c.testCost ?? 0;
      return checkAssignment(planes, OUT, a).ok && !c.refuses?.(a);
    },
    now: () => t,
  };
  return new PlaneAllocator().allocate(input);
}

const reasons = (refusals: Map<number, Refusal>) =>
  Object.fromEntries([...refusals].map(([id, r]) => [id, describeRefusal(r, nameOf)]));

describe('why a layer is composited', () => {
  it.each(cases)('$name', (c) => {
    const result = allocate(c);
    expect(reasons(result.refusals)).toEqual(Object.fromEntries(Object.entries(c.why)));
    // Exactly the composited visible layers have a reason.
    const composited = [...result.planeOf].filter(([, plane]) => plane === null).map(([id]) => String(id));
    expect(composited.sort()).toEqual(Object.keys(c.why).sort());
  });

  it('a-reused-allocation-keeps-its-reasons', () => {
    const planes = planePreset('vkms', OUT);
    const allocator = new PlaneAllocator();
    const input = (layers: AllocLayer[]): AllocInput => ({ layers, output: OUT, planes, test: (a) => checkAssignment(planes, OUT, a).ok, now: () => 0 });
    allocator.allocate(input([root(), P1({ plane: 'never' }), P4()]));
    const again = allocator.allocate(input([root({ updates: 4 }), P1({ plane: 'never', updates: 9 }), P4()]));
    expect(again.reused).toBe(true);
    expect(reasons(again.refusals)).toEqual({ 0: 'overlaps composited "one" above it', 1: 'plane="never"' });
  });
});

describe('which refusal explains a composited layer', () => {
  const vkms = planePreset('vkms', OUT);
  const popup = P1();
  const facts = (more: Partial<RefusalFacts>): RefusalFacts => ({
    layer: popup, planes: vkms, output: OUT, refused: undefined, coveredBy: undefined, timedOut: false, budgetMs: 1, ...more,
  });
  const table: { name: string; facts: RefusalFacts; why: string }[] = [
    {
      // The search meets the cursor plane first (the top of the stack), but it never fitted.
      name: 'first-refusal-on-a-fitting-plane-beats-the-cursor-plane',
      facts: facts({ refused: new Map<number, Refusal>([[5, { kind: 'rule', planeId: 5, rule: 'larger than 64x64' }], [3, { kind: 'stack', planeId: 3, other: 2 }], [2, { kind: 'test', planeId: 2 }]]) }),
      why: 'plane 3 cannot keep it in Z order with "two"',
    },
    {
      name: 'covered-beats-any-refusal',
      facts: facts({ coveredBy: P2(), refused: new Map<number, Refusal>([[4, { kind: 'test', planeId: 4 }]]) }),
      why: 'overlaps composited "two" above it',
    },
    { name: 'never-refused-lost-to-others', facts: facts({}), why: 'no free plane' },
    { name: 'never-refused-out-of-time', facts: facts({ timedOut: true, budgetMs: 0.5 }), why: 'the search ran out of time (0.5 ms)' },
    {
      // A device whose planes scan out opaque formats only: a translucent-format popup fits none.
      name: 'format-no-plane-scans-out',
      facts: facts({ planes: vkms.map((p) => ({ ...p, formats: ['XRGB8888'] })) }),
      why: 'no plane fits it: format ARGB8888 not supported',
    },
  ];
  it.each(table)('$name', ({ facts: f, why }) => {
    expect(describeRefusal(explainRefusal(f), nameOf)).toBe(why);
  });
});
