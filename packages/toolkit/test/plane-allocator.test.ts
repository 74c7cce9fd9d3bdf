/**
 * Plane allocation against a mock display whose `test()` applies the plane rules of a device
 * preset. Each case is named by its situation and states the plane of every layer.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PixelFormat, PlaneInfo } from '../src/backend/contract.js';
import { planePreset, type PlanePresetName } from '../src/backend/plane-presets.js';
import { PlaneAllocator, compositionLayer, isVisible, type AllocLayer, type Allocation } from '../src/compositor/plane-allocator.js';
import { checkAssignment, isAbove, overlaps, type Assignment, type RuleLayer } from '../src/compositor/plane-rules.js';
import { OUT, P1, P2, P3, P4, layer, root } from './alloc-layers.js';

function mockDisplay(planes: PlaneInfo[]) {
  const display = { planes, tests: 0, test: (a: Assignment) => { display.tests++; return checkAssignment(planes, OUT, a).ok; } };
  return display;
}

interface Case {
  name: string;
  preset: PlanePresetName;
  /** A previous frame, allocated first with the same allocator. */
  before?: AllocLayer[];
  layers: AllocLayer[];
  /** Layer id → plane id, or null when composited. */
  planes: Record<number, number | null>;
  composition: boolean;
  reused?: boolean;
  timedOut?: boolean;
  /** What each test() costs on a fake clock that only tests advance; a frozen clock otherwise. */
  testCost?: number;
  /** An explicit budget, ms (else the allocator's own policy, plane-budget.ts). */
  deadlineMs?: number;
  /** Extra refusals of the mock device, beyond its preset's rules (its unwritten limits). */
  refuses?: (a: Assignment) => boolean;
  more?: (r: Allocation) => void;
}

const cases: Case[] = [
  { name: 'vkms-root-only', preset: 'vkms', layers: [root()], planes: { 0: 1 }, composition: false },
  {
    name: 'vkms-2-disjoint-popups', preset: 'vkms', layers: [root(), P1(), P2()],
    planes: { 0: 1, 1: 3, 2: 4 }, composition: false,
  },
  {
    // The primary takes opaque formats only: an ARGB root is composited, the popup above still gets a plane.
    name: 'vkms-argb-layer-not-on-primary', preset: 'vkms', layers: [root({ format: 'ARGB8888' }), P1()],
    planes: { 0: null, 1: 4 }, composition: true,
  },
  {
    // vkms cannot scale: the popup is composited, and the root under it with it.
    name: 'vkms-scaled-layer-composited', preset: 'vkms', layers: [root(), P1({ bufferWidth: 100, bufferHeight: 75 })],
    planes: { 0: null, 1: null }, composition: true,
  },
  {
    name: 'vkms-cursor-on-cursor-plane', preset: 'vkms',
    layers: [root(), P1(), layer(9, 400, 300, 64, 64, { zIndex: 100 })],
    planes: { 0: 1, 1: 4, 9: 5 }, composition: false,
  },
  {
    name: 'vkms-small-translucent-layer-skips-cursor-plane', preset: 'vkms',
    layers: [root(), layer(1, 700, 400, 48, 48, { opacity: 0.5 })],
    planes: { 0: 1, 1: 4 }, composition: false,
  },
  {
    // Four popups for three overlays: the lowest is composited with the root.
    name: 'vkms-4-layers-3-overlays', preset: 'vkms', layers: [root(), P1(), P2(), P3(), P4()],
    planes: { 0: null, 1: null, 2: 2, 3: 3, 4: 4 }, composition: true,
  },
  {
    // B cannot scale, so it is composited; A under it would hide it on a plane. C, apart, keeps one.
    name: 'vkms-overlap-composited-above-blocks-promotion', preset: 'vkms',
    layers: [
      root(), layer(1, 100, 100, 300, 200, { updates: 10 }),
      layer(2, 250, 150, 300, 200, { bufferWidth: 150, bufferHeight: 100 }), layer(3, 600, 20, 150, 100),
    ],
    planes: { 0: null, 1: null, 2: null, 3: 4 }, composition: true,
  },
  {
    // A is busier, but B overlaps it from above: B must sit on the higher overlay.
    name: 'vkms-busy-lower-popup-keeps-z-order', preset: 'vkms',
    layers: [root(), layer(1, 100, 100, 300, 200, { updates: 10 }), layer(2, 250, 150, 300, 200)],
    planes: { 0: 1, 1: 3, 2: 4 }, composition: false,
  },
  {
    name: 'vkms-translucent-root-composited', preset: 'vkms', layers: [root({ opacity: 0.5 })],
    planes: { 0: null }, composition: true,
  },
  {
    // Every popup finds a plane in the greedy walk, upper layers on upper planes, and the search ends there.
    name: 'pi5-greedy-walk-places-every-layer', preset: 'pi5',
    layers: [root(), layer(1, 100, 100, 300, 200, { updates: 10 }), layer(2, 250, 150, 300, 200), layer(3, 350, 200, 300, 200)],
    planes: { 0: 1, 1: 7, 2: 8, 3: 9 }, composition: false,
  },
  {
    // A plane="never" popup keeps the composition layer on, so the search runs past the walk and
    // its own leaf wins the tie: the busy bottom popup on the top-most plane, zpos puts it back under the others.
    name: 'pi5-mutable-zpos-any-order', preset: 'pi5',
    layers: [root(), layer(1, 100, 100, 300, 200, { updates: 10 }), layer(2, 250, 150, 300, 200), layer(3, 350, 200, 300, 200), layer(4, 700, 400, 50, 50, { plane: 'never' })],
    planes: { 0: null, 1: 9, 2: 7, 3: 8, 4: null }, composition: true,
    more: (r) => {
      const z = (plane: number) => r.zpos.get(plane)!;
      expect(z(9) < z(7) && z(7) < z(8)).toBe(true);
    },
  },
  {
    name: 'pi5-scaling-allowed', preset: 'pi5', layers: [root(), P1({ bufferWidth: 100, bufferHeight: 75 })],
    planes: { 0: 1, 1: 9 }, composition: false,
  },
  {
    name: 'pi5-8-layers', preset: 'pi5',
    layers: [root(), P1(), P2(), P3(), P4(), layer(5, 150, 100, 200, 150), layer(6, 550, 20, 200, 400), layer(7, 500, 300, 250, 150)],
    planes: { 0: 1, 1: 3, 2: 4, 3: 5, 4: 6, 5: 7, 6: 8, 7: 9 }, composition: false,
  },
  {
    // Seven popups for three overlays (none fits the 64x64 cursor plane): the three upper ones get
    // the overlays, the rest are composited with the root.
    name: 'vkms-8-layers', preset: 'vkms',
    layers: [root(), ...[1, 2, 3, 4, 5, 6, 7].map((id) => layer(id, 10 + (id - 1) * 110, 200, 100, 80))],
    planes: { 0: null, 1: null, 2: null, 3: null, 4: null, 5: 2, 6: 3, 7: 4 }, composition: true,
  },
  {
    // The same seven, the lowest one changing every frame: it gets the first plane tried (the top
    // overlay; they are disjoint, so any order is fine), then the upper static ones.
    name: 'vkms-8-layers-busy-one-first', preset: 'vkms',
    layers: [root(), ...[1, 2, 3, 4, 5, 6, 7].map((id) => layer(id, 10 + (id - 1) * 110, 200, 100, 80, { updates: id === 1 ? 16 : 0 }))],
    planes: { 0: null, 1: 4, 2: null, 3: null, 4: null, 5: null, 6: 2, 7: 3 }, composition: true,
  },
  {
    name: 'primary-only-8-layers', preset: 'primary-only',
    layers: [root(), ...[1, 2, 3, 4, 5, 6, 7].map((id) => layer(id, 10 + (id - 1) * 110, 200, 100, 80))],
    planes: { 0: null, 1: null, 2: null, 3: null, 4: null, 5: null, 6: null, 7: null }, composition: true,
  },
  { name: 'primary-only-root-only', preset: 'primary-only', layers: [root()], planes: { 0: 1 }, composition: false },
  {
    name: 'primary-only-everything-composited', preset: 'primary-only', layers: [root(), P1(), P2()],
    planes: { 0: null, 1: null, 2: null }, composition: true,
  },
  {
    // The never layer is composited, so is the root it covers; the popup beside it keeps a plane.
    name: 'never-stays-composited', preset: 'vkms', layers: [root(), P1({ plane: 'never' }), P4()],
    planes: { 0: null, 1: null, 4: 4 }, composition: true,
  },
  {
    name: 'prefer-wins-over-busier', preset: 'vkms',
    layers: [root(), P1({ updates: 9 }), P2({ updates: 5 }), P3({ updates: 3 }), P4({ plane: 'prefer' })],
    planes: { 0: null, 1: 3, 2: 2, 3: null, 4: 4 }, composition: true,
  },
  {
    name: 'busy-layer-gets-the-plane-first', preset: 'vkms',
    layers: [root(), P1({ updates: 8 }), P2(), P3(), P4()],
    planes: { 0: null, 1: 4, 2: null, 3: 2, 4: 3 }, composition: true,
  },
  {
    // The cursor plane has no alpha property: a translucent cursor goes on an overlay.
    name: 'opacity-needs-alpha-plane', preset: 'vkms',
    layers: [root(), layer(9, 400, 300, 64, 64, { zIndex: 100, opacity: 0.6 })],
    planes: { 0: 1, 9: 4 }, composition: false,
  },
  {
    name: 'offscreen-and-invisible-layers-ignored', preset: 'vkms',
    layers: [root(), layer(1, 900, 20, 200, 150), P2({ opacity: 0 })],
    planes: { 0: 1, 1: null, 2: null }, composition: false,
  },
  {
    name: 'partly-offscreen-layer-composited', preset: 'vkms', layers: [root(), layer(1, 700, 20, 200, 150), P3()],
    planes: { 0: null, 1: null, 3: 4 }, composition: true,
  },
  {
    name: 'reuse-when-only-content-changed', preset: 'vkms',
    before: [root(), P1(), P2()], layers: [root({ updates: 3 }), P1({ updates: 20 }), P2()],
    planes: { 0: 1, 1: 3, 2: 4 }, composition: false, reused: true,
  },
  {
    name: 'reuse-when-moved-within-bounds', preset: 'vkms',
    before: [root(), P1(), P2()], layers: [root(), P1({ x: 40, y: 60 }), P2()],
    planes: { 0: 1, 1: 3, 2: 4 }, composition: false, reused: true,
  },
  {
    name: 'no-reuse-when-resized', preset: 'vkms',
    before: [root(), P1(), P2()], layers: [root(), P1(), P2({ width: 250, bufferWidth: 250 })],
    planes: { 0: 1, 1: 3, 2: 4 }, composition: false, reused: false,
  },
  {
    name: 'no-reuse-opacity-to-translucent', preset: 'vkms',
    before: [root(), layer(9, 400, 300, 64, 64)], layers: [root(), layer(9, 400, 300, 64, 64, { opacity: 0.5 })],
    planes: { 0: 1, 9: 4 }, composition: false, reused: false,
  },
  {
    name: 'no-reuse-when-moved-out-of-bounds', preset: 'vkms',
    before: [root(), P1(), P2()], layers: [root(), P1({ x: 700 }), P2()],
    planes: { 0: null, 1: null, 2: 4 }, composition: true, reused: false,
  },
  {
    // Before, the busy lower layer 1 had the top overlay; layer 2 moving over it must now be above it.
    name: 'no-reuse-when-a-move-creates-an-overlap', preset: 'vkms',
    before: [root(), P1({ updates: 10 }), P2()], layers: [root(), P1({ updates: 10 }), P2({ x: 150, y: 100 })],
    planes: { 0: 1, 1: 3, 2: 4 }, composition: false, reused: false,
  },
  {
    // The device shows popup 2 on the top overlay only. The greedy walk (upper layers first) puts
    // popup 3 there and must composite popup 2, and the root under it; then the 1 ms budget ends
    // the search: the walk's leaf is what users get.
    name: 'cut-short-keeps-greedy-path', preset: 'vkms', layers: [root(), P1(), P2(), P3()], testCost: 0.25, deadlineMs: 1,
    refuses: (a) => a.some(({ planeId, layer }) => layer.id === 2 && planeId !== 4),
    planes: { 0: null, 1: 3, 2: null, 3: 4 }, composition: true, timedOut: true,
  },
];

function run(c: Case) {
  const planes = planePreset(c.preset, OUT);
  const display = mockDisplay(planes);
  const allocator = new PlaneAllocator();
  let t = 0;
  const test = (a: Assignment) => {
    t += c.testCost ?? 0;
    return display.test(a) && !c.refuses?.(a);
  };
  const input = (layers: AllocLayer[]) => ({ layers, output: OUT, planes, test, now: () => t, deadlineMs: c.deadlineMs });
  const before = c.before ? allocator.allocate(input(c.before)) : null;
  display.tests = 0;
  return { planes, display, before, result: allocator.allocate(input(c.layers)) };
}

describe('plane allocation', () => {
  it.each(cases)('$name', (c) => {
    const { planes, display, result } = run(c);
    expect(Object.fromEntries(result.planeOf)).toEqual(Object.fromEntries(Object.entries(c.planes)));
    expect(result.composition).toBe(c.composition);
    expect(result.reused).toBe(c.reused ?? false);
    expect(result.timedOut).toBe(c.timedOut ?? false);
    expect(result.score).toBe(Object.values(c.planes).filter((p) => p !== null).length);
    expect(checkAssignment(planes, OUT, result.assignment)).toEqual({ ok: true });
    expect(result.tests).toBe(display.tests);
    if (c.reused) expect(result.tests).toBe(1);
    c.more?.(result);
  });

  it('cut-short-full-search-does-better', () => {
    const c = cases.find((k) => k.name === 'cut-short-keeps-greedy-path')!;
    const { result } = run({ ...c, testCost: undefined });
    expect(result.timedOut).toBe(false);
    expect(Object.fromEntries(result.planeOf)).toEqual({ 0: 1, 1: 2, 2: 4, 3: 3 });
  });

  it('no-primary-plane-throws', () => {
    const planes = planePreset('vkms', OUT).filter((p) => p.type !== 'primary');
    expect(() => new PlaneAllocator().allocate({ layers: [root()], output: OUT, planes, test: () => true })).toThrow(/primary/);
  });
});

describe('plane rules', () => {
  const vkms = planePreset('vkms', OUT);
  const pi5 = planePreset('pi5', OUT);
    // Overlays stacked against their id order: 4 < 3 < 2.
  const fixed: Record<number, number> = { 1: 0, 2: 3, 3: 2, 4: 1, 5: 4 };
  const immutable: PlaneInfo[] = vkms.map((p) => ({ ...p, zpos: { min: fixed[p.id], max: fixed[p.id], mutable: false } }));
  const comp = compositionLayer(OUT, vkms[0]);
  const A = layer(1, 100, 100, 300, 200);
  const B = layer(2, 250, 150, 300, 200);
  const rules: { name: string; planes: PlaneInfo[]; assignment: Assignment; reason: RegExp | null }[] = [
    { name: 'rules-composition-on-primary', planes: vkms, assignment: [{ planeId: 1, layer: comp }], reason: null },
    { name: 'rules-primary-off', planes: vkms, assignment: [{ planeId: 2, layer: A }], reason: /must cover/ },
    { name: 'rules-primary-not-covered', planes: vkms, assignment: [{ planeId: 1, layer: { ...A, format: 'XRGB8888' } }], reason: /cover/ },
    { name: 'rules-plane-used-twice', planes: vkms, assignment: [{ planeId: 1, layer: comp }, { planeId: 2, layer: A }, { planeId: 2, layer: B }], reason: /more than one layer/ },
    { name: 'rules-layer-on-two-planes', planes: vkms, assignment: [{ planeId: 1, layer: comp }, { planeId: 2, layer: A }, { planeId: 3, layer: A }], reason: /more than one plane/ },
    { name: 'rules-format', planes: vkms, assignment: [{ planeId: 1, layer: root({ format: 'ARGB8888' }) }], reason: /format/ },
    { name: 'rules-cursor-too-big', planes: vkms, assignment: [{ planeId: 1, layer: comp }, { planeId: 5, layer: layer(9, 0, 0, 65, 64) }], reason: /larger/ },
    { name: 'rules-no-scaling', planes: vkms, assignment: [{ planeId: 1, layer: comp }, { planeId: 2, layer: { ...A, bufferWidth: 10 } }], reason: /scale/ },
    { name: 'rules-alpha', planes: vkms, assignment: [{ planeId: 1, layer: root({ opacity: 0.5 }) }], reason: /alpha/ },
    { name: 'rules-outside-output', planes: vkms, assignment: [{ planeId: 1, layer: comp }, { planeId: 2, layer: { ...A, x: -1 } }], reason: /inside/ },
    { name: 'rules-vkms-order-kept', planes: vkms, assignment: [{ planeId: 1, layer: comp }, { planeId: 2, layer: A }, { planeId: 3, layer: B }], reason: null },
    { name: 'rules-vkms-order-inverted', planes: vkms, assignment: [{ planeId: 1, layer: comp }, { planeId: 3, layer: A }, { planeId: 2, layer: B }], reason: /cannot be stacked above/ },
    { name: 'rules-vkms-disjoint-any-order', planes: vkms, assignment: [{ planeId: 1, layer: comp }, { planeId: 3, layer: P2() }, { planeId: 2, layer: P1() }], reason: null },
    { name: 'rules-immutable-zpos-order', planes: immutable, assignment: [{ planeId: 4, layer: A }, { planeId: 3, layer: B }, { planeId: 1, layer: comp }], reason: null },
    { name: 'rules-immutable-zpos-inverted', planes: immutable, assignment: [{ planeId: 1, layer: comp }, { planeId: 3, layer: A }, { planeId: 4, layer: B }], reason: /cannot be stacked above/ },
    { name: 'rules-mutable-zpos-any-order', planes: pi5, assignment: [{ planeId: 9, layer: comp }, { planeId: 1, layer: B }, { planeId: 5, layer: A }], reason: null },
  ];
  it.each(rules)('$name', ({ planes, assignment, reason }) => {
    const result = checkAssignment(planes, OUT, assignment);
    if (reason === null) expect(result).toEqual({ ok: true });
    else expect(result.ok ? '' : result.reason).toMatch(reason);
  });
});

describe('plane allocation properties', () => {
  const formats: PixelFormat[] = ['ARGB8888', 'ABGR8888', 'XRGB8888', 'XBGR8888'];
  const popup = fc.record({
    x: fc.integer({ min: -40, max: 700 }), y: fc.integer({ min: -40, max: 400 }),
    width: fc.oneof(fc.constantFrom(48, 64), fc.integer({ min: 10, max: 220 })),
    height: fc.oneof(fc.constantFrom(48, 64), fc.integer({ min: 10, max: 160 })),
    scaled: fc.boolean(), format: fc.constantFrom(...formats),
    opacity: fc.constantFrom(1, 1, 1, 0.5, 0), plane: fc.constantFrom<AllocLayer['plane']>('auto', 'auto', 'auto', 'prefer', 'never'),
    updates: fc.nat(10), zIndex: fc.integer({ min: 0, max: 3 }),
  });
  const scene = fc.record({
    preset: fc.constantFrom<PlanePresetName>('vkms', 'pi5', 'primary-only'),
    rootFormat: fc.constantFrom(...formats), rootOpacity: fc.constantFrom(1, 1, 0.5),
    popups: fc.array(popup, { minLength: 0, maxLength: 7 }),
    /** A clock that runs out after about 20 steps of the search, else after about 1000. */
    tight: fc.boolean(),
  });

  type Scene = typeof scene extends fc.Arbitrary<infer T> ? T : never;
  const layersOf = (s: Scene): AllocLayer[] => {
    const layers: AllocLayer[] = [root({ format: s.rootFormat, opacity: s.rootOpacity })];
    s.popups.forEach((p, i) => layers.push(layer(i + 1, p.x, p.y, p.width, p.height, {
      bufferWidth: p.scaled ? Math.ceil(p.width / 2) : p.width, bufferHeight: p.height,
      format: p.format, opacity: p.opacity, plane: p.plane, updates: p.updates, zIndex: p.zIndex,
    })));
    return layers;
  };

  it('allocations pass the rules and never hide a composited layer, even when cut short', () => {
    fc.assert(fc.property(scene, (s) => {
      const planes = planePreset(s.preset, OUT);
      const layers = layersOf(s);
      let t = 0;
      const r = new PlaneAllocator().allocate({
        layers, output: OUT, planes, test: (a) => checkAssignment(planes, OUT, a).ok, now: () => (t += s.tight ? 0.05 : 0.001), deadlineMs: 1,
      });
      expect(checkAssignment(planes, OUT, r.assignment)).toEqual({ ok: true });
      const visible = layers.filter((l) => isVisible(l, OUT));
      const composited = visible.filter((l) => r.planeOf.get(l.id) === null);
      expect(r.composition).toBe(composited.length > 0 || visible.length === 0);
      for (const l of layers) {
        const plane = r.planeOf.get(l.id);
        if (plane === null) continue;
        expect(l.plane).not.toBe('never');
        const hidden = composited.find((c: RuleLayer) => isAbove(c, l) && overlaps(c, l));
        expect(hidden).toBeUndefined();
      }
    }), { numRuns: 200, seed: 1234 });
  });

  /** The best score over every assignment, by brute force (partial assignments pruned by the rules). */
  function bruteForceBest(planes: PlaneInfo[], layers: AllocLayer[]): number {
    const visible = layers.filter((l) => isVisible(l, OUT));
    const primary = planes.find((p) => p.type === 'primary')!;
    const comp = compositionLayer(OUT, primary);
    const ordered = [primary, ...planes.filter((p) => p !== primary)];
    const slots: (RuleLayer | null)[] = [];
    let best = -1;
    const current = (): Assignment => slots.flatMap((l, i) => (l ? [{ planeId: ordered[i].id, layer: l }] : []));
    const visit = (i: number): void => {
      if (i === ordered.length) {
        const composited = slots[0] === comp;
        const placed = visible.filter((l) => slots.includes(l));
        const left = visible.filter((l) => !slots.includes(l));
        if (composited ? left.length === 0 : left.length > 0) return;
        if (left.some((c) => placed.some((l) => isAbove(c, l) && overlaps(c, l)))) return;
        if (placed.some((l) => l.plane === 'never')) return;
        best = Math.max(best, placed.length);
        return;
      }
      for (const option of [null, ...(i === 0 ? [comp] : []), ...visible]) {
        if (option && slots.includes(option)) continue;
        slots[i] = option;
        if (!option || checkAssignment(planes, OUT, current()).ok) visit(i + 1);
      }
      slots.length = i;
    };
    if (visible.length > 0) visit(0);
    return Math.max(best, 0);
  }

  it('given time, the search finds the best score (vkms, primary-only)', () => {
    const small = scene.filter((s) => s.preset !== 'pi5' && s.popups.length <= 4);
    fc.assert(fc.property(small, (s) => {
      const planes = planePreset(s.preset, OUT);
      const layers = layersOf(s);
      const r = new PlaneAllocator().allocate({ layers, output: OUT, planes, test: (a) => checkAssignment(planes, OUT, a).ok, now: () => 0 });
      expect(r.score).toBe(bruteForceBest(planes, layers));
    }), { numRuns: 100, seed: 99 });
  });
});
