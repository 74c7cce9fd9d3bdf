/**
 * The damage invariant with scrolling: after any sequence of scrolls, row changes, inserts,
 * removals and viewport resizes, a `<ScrollLayer>` shows exactly what a fresh render of the same
 * final state shows — whether its tiles are on planes (vkms, Pi 5) or composited (a primary-only
 * device), and on a turned output.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { For, ScrollLayer, Text, View, signal } from '@planar/toolkit';
import { render, type RenderOptions, type Screen } from '@planar/toolkit/testing';

const W = 160, H = 200;

interface Row { key: number; height: number; color: string; label: string }
interface State { rows: Row[]; offset: number; viewport: number }

const colors = ['#e33', '#3a3', 'rgba(30,60,200,0.6)', 'gold', '#222'];
const rowArb = (key: number): fc.Arbitrary<Row> => fc.record({
  key: fc.constant(key), height: fc.constantFrom(18, 30, 47, 64), color: fc.constantFrom(...colors), label: fc.constantFrom('', 'Row', 'Wi-Fi'),
});

type Change =
  | { op: 'scroll'; offset: number }
  | { op: 'recolor'; pick: number; color: string; label: string }
  | { op: 'resize'; pick: number; height: number }
  | { op: 'insert'; pick: number; row: Row }
  | { op: 'remove'; pick: number }
  | { op: 'viewport'; height: number };

const changeArb: fc.Arbitrary<Change> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('scroll' as const), offset: fc.integer({ min: -20, max: 1500 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('recolor' as const), pick: fc.nat(), color: fc.constantFrom(...colors), label: fc.constantFrom('', 'Changed') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('resize' as const), pick: fc.nat(), height: fc.constantFrom(12, 40, 90) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('insert' as const), pick: fc.nat(), row: rowArb(1000) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('viewport' as const), height: fc.constantFrom(60, 110, 150) }) },
);

function apply(state: State, c: Change, nextKey: () => number): State {
  const rows = [...state.rows];
  const at = (pick: number) => pick % Math.max(1, rows.length);
  switch (c.op) {
    case 'scroll': return { ...state, offset: c.offset };
    case 'recolor': if (rows.length) rows[at(c.pick)] = { ...rows[at(c.pick)]!, color: c.color, label: c.label }; break;
    case 'resize': if (rows.length) rows[at(c.pick)] = { ...rows[at(c.pick)]!, height: c.height }; break;
    case 'insert': rows.splice(at(c.pick), 0, { ...c.row, key: nextKey() }); break;
    case 'remove': if (rows.length) rows.splice(at(c.pick), 1); break;
    case 'viewport': return { ...state, viewport: c.height };
  }
  return { ...state, rows };
}

function Scene(props: { rows: () => Row[]; offset: () => number; viewport: () => number }) {
  return (
    <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
      <View style={{ height: 24, backgroundColor: '#456' }} />
      <ScrollLayer style={{ height: props.viewport, marginLeft: 10, marginRight: 10 }} offset={() => ({ x: 0, y: props.offset() })}>
        {/* Keyed by identity: a changed row is a new object, rendered anew; the others keep their nodes. */}
        <For each={props.rows}>
          {(r: Row) => (
            <View style={{ height: r.height, backgroundColor: r.color, borderRadius: 6, paddingLeft: 6 }}>
              <Text style={{ fontSize: 12, color: 'white' }}>{r.label}</Text>
            </View>
          )}
        </For>
      </ScrollLayer>
      <View style={{ height: 20, backgroundColor: '#654' }} />
    </View>
  );
}

async function show(state: State, options: RenderOptions): Promise<Screen> {
  return render(() => <Scene rows={() => state.rows} offset={() => state.offset} viewport={() => state.viewport} />, options);
}

function differing(a: Uint8Array, b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 4) if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2] || a[i + 3] !== b[i + 3]) n++;
  return n;
}

const devices: [string, RenderOptions][] = [
  ['vkms planes', { width: W, height: H, planes: 'vkms' }],
  ['Pi 5 planes', { width: W, height: H, planes: 'pi5' }],
  ['composited', { width: W, height: H, planes: 'primary-only' }],
  ['a turned output', { width: W, height: H, planes: 'pi5', rotation: 90 }],
];

describe('a scroll layer after any changes equals a fresh render', () => {
  it.each(devices)('%s', async (_name, options) => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb(0), { minLength: 3, maxLength: 40 }), fc.array(changeArb, { minLength: 1, maxLength: 12 }), async (initial, changes) => {
        let key = 1;
        const rows = signal(initial.map((r) => ({ ...r, key: key++ })));
        const offset = signal(0), viewport = signal(110);
        const live = await render(() => <Scene rows={() => rows.value} offset={() => offset.value} viewport={() => viewport.value} />, options);
        let state: State = { rows: rows.value, offset: 0, viewport: 110 };
        try {
          for (const c of changes) {
            state = apply(state, c, () => key++);
            rows.value = state.rows;
            offset.value = state.offset;
            viewport.value = state.viewport;
            await live.flush();
          }
          const fresh = await show(state, options);
          try {
            expect(differing(live.pixels().pixels, fresh.pixels().pixels)).toBe(0);
          } finally {
            await fresh.dispose();
          }
        } finally {
          await live.dispose();
        }
      }),
      { numRuns: 20 },
    );
  });
});
