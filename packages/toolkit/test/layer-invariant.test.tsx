/**
 * The compositor's invariant: for any scene of layers and any sequence of changes, the composed
 * output is pixel-identical whether the layers are on planes (vkms, Pi 5) or all composited
 * (`plane: 'never'`, or a primary-only device) — and equal to a fresh render of the final scene.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { For, Layer, Text, View, signal, type PlanePreference, type Signal } from '@planar/toolkit';
import { render, type RenderOptions, type Screen } from '@planar/toolkit/testing';

const W = 200, H = 150;

interface LayerSpec {
  key: number;
  x: number;
  y: number;
  z: number;
  opacity: number;
  plane: PlanePreference;
  w: number;
  h: number;
  color: string;
  radius: number;
  label: string;
}

const colors = ['#e33', 'rgba(30,60,200,0.6)', 'gold', 'rgba(0,0,0,0.3)', 'white', 'hsl(150 60% 40%)'];
const specArb = (key: number): fc.Arbitrary<LayerSpec> => fc.record({
  key: fc.constant(key),
  x: fc.integer({ min: -40, max: W - 10 }),
  y: fc.integer({ min: -30, max: H - 10 }),
  z: fc.integer({ min: -2, max: 3 }),
  opacity: fc.constantFrom(1, 1, 0.5, 0.8, 0),
  plane: fc.constantFrom<PlanePreference>('auto', 'auto', 'prefer', 'never'),
  w: fc.integer({ min: 4, max: 90 }),
  h: fc.integer({ min: 4, max: 70 }),
  color: fc.constantFrom(...colors),
  radius: fc.constantFrom(0, 0, 8),
  label: fc.constantFrom('', 'Hi', 'Popup 2'),
});

type Change =
  | { op: 'move'; pick: number; x: number; y: number }
  | { op: 'z'; pick: number; z: number }
  | { op: 'opacity'; pick: number; opacity: number }
  | { op: 'content'; pick: number; color: string; w: number; h: number }
  | { op: 'color'; pick: number; color: string; label: string }
  | { op: 'plane'; pick: number; plane: PlanePreference }
  | { op: 'add'; spec: LayerSpec }
  | { op: 'remove'; pick: number }
  | { op: 'root'; color: string };

// Weighted towards the changes whose order matters most: fades in and out around content changes.
const changeArb: fc.Arbitrary<Change> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('move' as const), pick: fc.nat(), x: fc.integer({ min: -40, max: W }), y: fc.integer({ min: -30, max: H }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('z' as const), pick: fc.nat(), z: fc.integer({ min: -2, max: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('opacity' as const), pick: fc.nat(), opacity: fc.constantFrom(1, 0.3, 0.75, 0) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('content' as const), pick: fc.nat(), color: fc.constantFrom(...colors), w: fc.integer({ min: 4, max: 90 }), h: fc.integer({ min: 4, max: 70 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('color' as const), pick: fc.nat(), color: fc.constantFrom(...colors), label: fc.constantFrom('', 'Hi', 'Popup 2') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('plane' as const), pick: fc.nat(), plane: fc.constantFrom<PlanePreference>('auto', 'prefer', 'never') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('add' as const), spec: specArb(0) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('root' as const), color: fc.constantFrom('#f4f4f4', '#203040', 'rgb(200,120,40)') }) },
);

/** A live scene: one signal per layer property, so changes reach the nodes as they would in an app. */
class Model {
  readonly layers: Signal<{ spec: Signal<LayerSpec> }[]>;
  readonly rootColor = signal('#f4f4f4');
  private next = 100;

  constructor(specs: LayerSpec[], private readonly forcePlane: PlanePreference | null) {
    this.layers = signal(specs.map((s) => ({ spec: signal(s) })));
  }

  view = () => (
    <View style={{ width: '100%', height: '100%', backgroundColor: this.rootColor, padding: 10, gap: 6 }}>
      <View style={{ width: 120, height: 30, backgroundColor: '#3a7', borderRadius: 6 }} />
      <Text style={{ fontSize: 14, color: '#222' }}>Root layer text</Text>
      <For each={this.layers}>
        {(item) => {
          const s = () => item.spec.value;
          return (
            <Layer position={() => ({ x: s().x, y: s().y })} zIndex={() => s().z} opacity={() => s().opacity}
              plane={() => this.forcePlane ?? s().plane}>
              <View style={{ width: () => s().w, height: () => s().h, backgroundColor: () => s().color, borderRadius: () => s().radius }}>
                {() => (s().label ? <Text style={{ fontSize: 10, color: 'black' }}>{() => s().label}</Text> : null)}
              </View>
            </Layer>
          );
        }}
      </For>
    </View>
  );

  apply(c: Change): void {
    const list = this.layers.value;
    const item = list.length ? list[('pick' in c ? c.pick : 0) % list.length]! : null;
    const update = (patch: Partial<LayerSpec>) => { if (item) item.spec.value = { ...item.spec.value, ...patch }; };
    switch (c.op) {
      case 'move': return update({ x: c.x, y: c.y });
      case 'z': return update({ z: c.z });
      case 'opacity': return update({ opacity: c.opacity });
      case 'content': return update({ color: c.color, w: c.w, h: c.h });
      case 'color': return update({ color: c.color, label: c.label });
      case 'plane': return update({ plane: c.plane });
      case 'add': this.layers.value = [...list, { spec: signal({ ...c.spec, key: this.next++ }) }]; return;
      case 'remove': if (item) this.layers.value = list.filter((l) => l !== item); return;
      case 'root': this.rootColor.value = c.color;
    }
  }

  specs(): LayerSpec[] {
    return this.layers.value.map((l) => l.spec.value);
  }
}

function firstDifference(a: Uint8Array, b: Uint8Array): string | null {
  for (let i = 0; i < a.length; i += 4) {
    if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2] || a[i + 3] !== b[i + 3]) {
      const p = i / 4;
      return `pixel ${p}: ${[...a.subarray(i, i + 4)]} vs ${[...b.subarray(i, i + 4)]}`;
    }
  }
  return null;
}

const SETUPS: { name: string; options: RenderOptions; force: PlanePreference | null }[] = [
  { name: 'vkms planes', options: { planes: 'vkms' }, force: null },
  { name: 'Pi 5 planes', options: { planes: 'pi5' }, force: null },
  { name: 'all composited', options: { planes: 'vkms' }, force: 'never' },
  { name: 'primary-only device', options: { planes: 'primary-only' }, force: null },
];

const OUTPUTS: { name: string; output: RenderOptions; share: number }[] = [
  { name: 'upright', output: {}, share: 1 },
  { name: 'turned 90° at scale 2', output: { rotation: 90, scale: 2 }, share: 0.25 },
  { name: 'turned 270°', output: { rotation: 270 }, share: 0.25 },
];

describe.each(OUTPUTS)('layers on planes vs composited, $name', ({ output, share }) => {
  it('compose to the same pixels, step after step, and equal a fresh render', async () => {
    const runs = Math.max(10, Math.round(Number(process.env.PLANAR_PROPERTY_RUNS ?? 100) * share));
    let usedPlanes = 0, usedComposition = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat().chain((k) => specArb(k)), { minLength: 1, maxLength: 4 }),
        fc.array(changeArb, { maxLength: 10 }),
        async (specs, changes) => {
          const models = SETUPS.map((s) => new Model(specs, s.force));
          const screens: Screen[] = [];
          try {
            for (let i = 0; i < SETUPS.length; i++) screens.push(await render(models[i]!.view, { width: W, height: H, ...output, ...SETUPS[i]!.options }));
            const compare = (step: string) => {
              const reference = screens[0]!.pixels().pixels;
              for (let i = 1; i < screens.length; i++) {
                const diff = firstDifference(reference, screens[i]!.pixels().pixels);
                if (diff) expect.fail(`${step}: ${SETUPS[0]!.name} and ${SETUPS[i]!.name} differ at ${diff}; layers: ${JSON.stringify(models[0]!.specs())}`);
              }
            };
            compare('first frame');
            for (const [n, change] of changes.entries()) {
              for (const m of models) m.apply(change);
              for (const s of screens) await s.flush();
              compare(`after change ${n + 1} (${JSON.stringify(change)})`);
              if (screens[0]!.stats.planesUsed > 1) usedPlanes++;
              if (screens[0]!.stats.composited > 1) usedComposition++;
            }
            // Incremental = full: a fresh render of the final scene.
            const final = new Model(models[0]!.specs(), null);
            final.rootColor.value = models[0]!.rootColor.value;
            const fresh = await render(final.view, { width: W, height: H, ...output, planes: 'vkms' });
            const diff = firstDifference(fresh.pixels().pixels, screens[0]!.pixels().pixels);
            await fresh.dispose();
            if (diff) expect.fail(`the incremental frame differs from a fresh render at ${diff}; layers: ${JSON.stringify(models[0]!.specs())}`);
          } finally {
            for (const s of screens) await s.dispose();
          }
        },
      ),
      { numRuns: runs, seed: 20261122 },
    );
    // The property must have exercised both paths.
    if (process.env.PLANAR_PROPERTY_VERBOSE) console.log({ usedPlanes, usedComposition });
    expect(usedPlanes).toBeGreaterThan(0);
    expect(usedComposition).toBeGreaterThan(0);
  }, 300_000);
});
