/**
 * The damage invariant: after any sequence of prop, text, style, insert, remove and reorder
 * mutations on a random tree, the incrementally rendered frame is pixel-identical to a fresh
 * full render of the same final tree.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { For, Text, View, signal, type Signal, type Style } from '@planar/toolkit';
import { render, type Screen } from '@planar/toolkit/testing';
import { PNG } from 'pngjs';

interface Spec { id: number; kind: 'view' | 'text'; style: Style; text: string; children: number[] }
type Model = Map<number, Spec>;

const W = 200, H = 150;

const colors = ['#e33', '#3a3', 'rgba(30,60,200,0.6)', 'gold', 'hsl(280 60% 50%)', '#222', 'white'];
const styleArb: fc.Arbitrary<Style> = fc.record({
  width: fc.constantFrom(20, 45, 80, '50%', '30%'),
  height: fc.constantFrom(10, 25, 40, '40%'),
  padding: fc.constantFrom(0, 2, 6, '5%'),
  margin: fc.constantFrom(0, 3, -4, 'auto'),
  flexDirection: fc.constantFrom('row', 'column', 'row-reverse'),
  flexWrap: fc.constantFrom('nowrap', 'wrap'),
  justifyContent: fc.constantFrom('flex-start', 'center', 'space-between'),
  alignItems: fc.constantFrom('flex-start', 'center', 'stretch', 'flex-end'),
  backgroundColor: fc.constantFrom(...colors),
  backgroundGradient: fc.constant({ type: 'linear', angle: 135, colors: ['#f80', '#08f'] } as const),
  borderWidth: fc.constantFrom(1, 3),
  borderColor: fc.constantFrom(...colors),
  borderRadius: fc.constantFrom(4, 12),
  opacity: fc.constantFrom(0.4, 0.8),
  shadow: fc.constantFrom({ blur: 6, offsetY: 3, color: 'rgba(0,0,0,0.5)' }, { blur: 0, offsetX: 4, offsetY: 4, color: '#000' }),
  transform: fc.constantFrom([{ rotate: 15 }], [{ scale: 1.3 }], [{ translateX: 7, translateY: -5 }]),
  overflow: fc.constantFrom('visible', 'hidden'),
  display: fc.constantFrom('flex', 'none'),
  position: fc.constantFrom('relative', 'absolute'),
  left: fc.constantFrom(5, 30, '20%'),
  top: fc.constantFrom(5, 30),
  fontSize: fc.constantFrom(9, 14, 20),
  color: fc.constantFrom(...colors),
  textAlign: fc.constantFrom('left', 'center', 'right'),
  maxLines: fc.constantFrom(1, 2),
  lineHeight: fc.constantFrom(0.7, 1, 1.6),
  fontStyle: fc.constantFrom('normal', 'italic'),
  fontWeight: fc.constantFrom(400, 700),
  letterSpacing: fc.constantFrom(-1, 0, 3),
}, { requiredKeys: [] }) as fc.Arbitrary<Style>;

const TEXT_KEYS = new Set(['fontSize', 'color', 'textAlign', 'maxLines', 'lineHeight', 'fontStyle', 'fontWeight', 'letterSpacing']);
function clean(kind: Spec['kind'], style: Style): Style {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(style)) if ((kind === 'text') === TEXT_KEYS.has(k) || (kind === 'text' && !['flexDirection', 'flexWrap', 'justifyContent', 'alignItems'].includes(k))) out[k] = v;
  return out as Style;
}

const words = fc.constantFrom('Hi', 'Planar', 'a longer label that wraps', '21.5 °C', 'مرحبا', 'x', 'ÅÉÎ gjpqy', 'ffl fjord ŷ');

type Mutation =
  | { op: 'style'; pick: number; style: Style }
  | { op: 'opacity'; pick: number; opacity: number }
  | { op: 'text'; pick: number; text: string }
  | { op: 'insert'; pick: number; at: number; kind: 'view' | 'text'; style: Style; text: string }
  | { op: 'remove'; pick: number }
  | { op: 'reorder'; pick: number; seed: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('style' as const), pick: fc.nat(), style: styleArb }),
  fc.record({ op: fc.constant('opacity' as const), pick: fc.nat(), opacity: fc.constantFrom(0.3, 0.7, 1) }),
  fc.record({ op: fc.constant('text' as const), pick: fc.nat(), text: words }),
  fc.record({ op: fc.constant('insert' as const), pick: fc.nat(), at: fc.nat(), kind: fc.constantFrom('view' as const, 'text' as const), style: styleArb, text: words }),
  fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('reorder' as const), pick: fc.nat(), seed: fc.nat() }),
);

/** A live tree: every spec field is a signal the mutations write. */
interface Live { style: Signal<Style>; text: Signal<string>; children: Signal<number[]> }

function LiveNode(props: { id: number; live: Map<number, Live>; kind: (id: number) => Spec['kind'] }) {
  const n = props.live.get(props.id)!;
  if (props.kind(props.id) === 'text') return <Text style={() => n.style.value}>{() => n.text.value}</Text>;
  return (
    <View style={() => n.style.value}>
      <For each={n.children}>{(id) => <LiveNode id={id} live={props.live} kind={props.kind} />}</For>
    </View>
  );
}

function StaticNode(props: { id: number; model: Model }) {
  const s = props.model.get(props.id)!;
  if (s.kind === 'text') return <Text style={s.style}>{s.text}</Text>;
  return <View style={s.style}>{s.children.map((id) => <StaticNode id={id} model={props.model} />)}</View>;
}

function descendants(model: Model, id: number): number[] {
  return [id, ...model.get(id)!.children.flatMap((c) => descendants(model, c))];
}

async function compare(screen: Screen, model: Model): Promise<void> {
  const fresh = await render(() => <StaticNode id={0} model={model} />, { width: W, height: H });
  const full = fresh.png();
  await fresh.dispose();
  const a = PNG.sync.read(Buffer.from(screen.png())), b = PNG.sync.read(Buffer.from(full));
  const differing: string[] = [];
  for (let i = 0; i < a.data.length; i += 4) {
    if (a.data.readUInt32BE(i) !== b.data.readUInt32BE(i)) differing.push(`(${(i / 4) % W},${Math.floor(i / 4 / W)})`);
  }
  if (differing.length) {
    expect.fail(`incremental frame differs from a full render in ${differing.length} pixels, e.g. ${differing.slice(0, 5).join(' ')}; tree: ${JSON.stringify([...model.values()])}`);
  }
}

describe('incremental rendering', () => {
  it('is pixel-identical to a full render after random mutations', async () => {
    await fc.assert(
      fc.asyncProperty(styleArb, fc.array(mutationArb, { minLength: 1, maxLength: 10 }), async (rootStyle, mutations) => {
        const model: Model = new Map([[0, { id: 0, kind: 'view', style: { ...clean('view', rootStyle), position: 'relative', display: 'flex', width: '100%', height: '100%' }, text: '', children: [] }]]);
        const live = new Map<number, Live>([[0, { style: signal(model.get(0)!.style), text: signal(''), children: signal<number[]>([]) }]]);
        let nextId = 1;
        const screen = await render(() => <LiveNode id={0} live={live} kind={(id) => model.get(id)!.kind} />, { width: W, height: H });
        try {
          for (const m of mutations) {
            const ids = [...model.keys()];
            const pick = model.get(ids[m.pick % ids.length]!)!;
            if (m.op === 'style') {
              pick.style = pick.id === 0 ? { ...clean('view', m.style), width: '100%', height: '100%', display: 'flex', position: 'relative' } : clean(pick.kind, m.style);
              live.get(pick.id)!.style.value = pick.style;
            } else if (m.op === 'opacity') {
              // Only the opacity changes: the group is composited anew, nothing inside repainted.
              pick.style = { ...pick.style, opacity: m.opacity };
              live.get(pick.id)!.style.value = pick.style;
            } else if (m.op === 'text' && pick.kind === 'text') {
              pick.text = m.text;
              live.get(pick.id)!.text.value = m.text;
            } else if (m.op === 'insert' && pick.kind === 'view' && model.size < 14) {
              const id = nextId++;
              model.set(id, { id, kind: m.kind, style: clean(m.kind, m.style), text: m.text, children: [] });
              live.set(id, { style: signal(model.get(id)!.style), text: signal(m.text), children: signal<number[]>([]) });
              pick.children = [...pick.children];
              pick.children.splice(m.at % (pick.children.length + 1), 0, id);
              live.get(pick.id)!.children.value = pick.children;
            } else if (m.op === 'remove' && pick.id !== 0) {
              const parent = [...model.values()].find((s) => s.children.includes(pick.id))!;
              parent.children = parent.children.filter((c) => c !== pick.id);
              for (const d of descendants(model, pick.id)) model.delete(d);
              live.get(parent.id)!.children.value = parent.children;
            } else if (m.op === 'reorder' && pick.children.length > 1) {
              const c = [...pick.children];
              const i = m.seed % c.length, j = (m.seed >> 3) % c.length;
              [c[i], c[j]] = [c[j]!, c[i]!];
              pick.children = c;
              live.get(pick.id)!.children.value = c;
            } else continue;
            await screen.flush();
          }
          await compare(screen, model);
        } finally {
          await screen.dispose();
        }
      }),
      { numRuns: Number(process.env.PLANAR_PROPERTY_RUNS ?? 100), seed: 20261122 },
    );
  }, 300_000);
});
