/**
 * The fast-check arbitraries for random box trees: styles drawn from values that exercise each
 * layout key (percentages, negatives, auto), nested a few levels and capped in size, then kept
 * out of the known differences by `withoutKnownDifferences`.
 */
import fc from 'fast-check';
import { withoutKnownDifferences } from './known-differences.js';
import type { LayoutStyle } from './style-to-css.js';
import { withIds, type BoxTree, type Draft } from './trees.js';

const sometimes = <T>(arb: fc.Arbitrary<T>, oneIn = 5): fc.Arbitrary<T | undefined> =>
  fc.oneof({ withCrossShrink: true }, { weight: oneIn - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

const size = fc.constantFrom<NonNullable<LayoutStyle['width']>>(0, 10, 30, 50, 80, 120, 200, '10%', '25%', '50%', '100%', 'auto');
const spacing = fc.constantFrom<NonNullable<LayoutStyle['padding']>>(0, 4, 10, '5%', '10%');
const margin = fc.constantFrom<NonNullable<LayoutStyle['margin']>>(0, 5, 10, -5, '5%', 'auto');
const inset = fc.constantFrom<NonNullable<LayoutStyle['top']>>(0, 5, 20, -10, '10%', '50%');
const limit = fc.constantFrom<NonNullable<LayoutStyle['minWidth']>>(0, 20, 50, 100, '20%', '50%');
const gap = fc.constantFrom<NonNullable<LayoutStyle['gap']>>(0, 5, 12);
const align = fc.constantFrom<NonNullable<LayoutStyle['alignItems']>>('flex-start', 'center', 'flex-end', 'stretch');

const styleArb: fc.Arbitrary<LayoutStyle> = fc.record({
  display: sometimes(fc.constant('none' as const), 15),
  position: sometimes(fc.constant('absolute' as const), 6),
  top: sometimes(inset, 6), right: sometimes(inset, 6), bottom: sometimes(inset, 6), left: sometimes(inset, 6),
  width: sometimes(size, 2), height: sometimes(size, 2),
  minWidth: sometimes(limit, 8), minHeight: sometimes(limit, 8), maxWidth: sometimes(limit, 8), maxHeight: sometimes(limit, 8),
  aspectRatio: sometimes(fc.constantFrom(0.5, 1, 2), 10),
  flexDirection: sometimes(fc.constantFrom('row', 'column', 'row-reverse', 'column-reverse'), 2),
  flexWrap: sometimes(fc.constantFrom('wrap', 'wrap-reverse'), 4),
  flexGrow: sometimes(fc.constantFrom(0, 1, 2), 4),
  flexShrink: sometimes(fc.constantFrom(0, 1, 3), 4),
  flexBasis: sometimes(fc.constantFrom<NonNullable<LayoutStyle['flexBasis']>>('auto', 0, 20, 60, '30%'), 5),
  justifyContent: sometimes(fc.constantFrom('flex-start', 'center', 'flex-end', 'space-between', 'space-around', 'space-evenly'), 4),
  alignItems: sometimes(align, 4),
  alignSelf: sometimes(fc.constantFrom<NonNullable<LayoutStyle['alignSelf']>>('auto', 'flex-start', 'center', 'flex-end', 'stretch'), 6),
  alignContent: sometimes(fc.constantFrom('flex-start', 'center', 'flex-end', 'stretch', 'space-between', 'space-around', 'space-evenly'), 5),
  gap: sometimes(gap, 6), rowGap: sometimes(gap, 8), columnGap: sometimes(gap, 8),
  padding: sometimes(spacing, 5), paddingHorizontal: sometimes(spacing, 10), paddingTop: sometimes(spacing, 10), paddingLeft: sometimes(spacing, 10),
  margin: sometimes(margin, 6), marginVertical: sometimes(margin, 10), marginRight: sometimes(margin, 10), marginBottom: sometimes(margin, 10),
  borderWidth: sometimes(fc.constantFrom(1, 3), 8), borderLeftWidth: sometimes(fc.constantFrom(0, 2, 6), 10),
}).map((style) => Object.fromEntries(Object.entries(style).filter(([, v]) => v !== undefined)) as LayoutStyle);

const MAX_NODES = 12;
const MAX_DEPTH = 3;

const draftArb: fc.Arbitrary<Draft> = fc.letrec<Record<string, Draft>>((tie) => {
  const levels: Record<string, fc.Arbitrary<Draft>> = {};
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    levels[`d${depth}`] = fc.record({
      style: styleArb,
      children: depth === MAX_DEPTH ? fc.constant([]) : fc.array(tie(`d${depth + 1}`), { maxLength: 4 }),
    });
  }
  return levels;
}).d0!;

/** Keeps the first MAX_NODES boxes in breadth-first order. */
function capNodes(root: Draft): Draft {
  const copy = (d: Draft): Draft => ({ style: d.style, children: [] });
  const out = copy(root);
  const queue: [Draft, Draft][] = [[root, out]];
  let count = 1;
  while (queue.length) {
    const [from, to] = queue.shift()!;
    for (const child of from.children) {
      if (count >= MAX_NODES) return out;
      const c = copy(child);
      to.children.push(c);
      count++;
      queue.push([child, c]);
    }
  }
  return out;
}

/** A random box tree of at most MAX_NODES boxes, outside the known differences. */
export const treeArb: fc.Arbitrary<BoxTree> = draftArb.map((d) => withIds(withoutKnownDifferences(capNodes(d))));
