/**
 * Planar's layout claim: given the same explicit styles, boxes match a web browser's flexbox
 * layout within 1 px. Each tree is laid out by Planar (Yoga, headless) and by Chromium (the
 * same tree as divs, with Yoga's defaults spelled out in CSS), and every box is compared on
 * x, y, width and height.
 *
 * Yoga and Chromium disagree in a number of places: KNOWN_DIFFERENCES below lists them with
 * minimal repros (each asserted to still differ), and the random trees leave those style
 * combinations out. The claim holds outside them.
 *
 * PLANAR_LAYOUT_SEED and PLANAR_LAYOUT_RUNS override the random trees' fixed seed and run count.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { View, type JSXElement } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { render } from '@planar/toolkit/testing';
import { browserMissingReason, closeBrowser, layoutInBrowser, type Box, type BrowserBox } from './browser.js';
import { BASE_CSS, styleToCss, type LayoutStyle } from './style-to-css.js';

const WIDTH = 400;
const HEIGHT = 300;
const TOLERANCE = 1;

interface BoxTree { id: string; style: LayoutStyle; children: BoxTree[] }
interface Draft { style: LayoutStyle; children: Draft[] }

/** A box with children, for writing trees by hand; ids are given by `withIds`. */
const box = (style: LayoutStyle, ...children: Draft[]): Draft => ({ style, children });
const leaf = (width: LayoutStyle['width'], height: LayoutStyle['height'], extra: LayoutStyle = {}) => box({ width, height, ...extra });

/** Numbers the boxes n0, n1, ... in document order. */
function withIds(root: Draft): BoxTree {
  let next = 0;
  const visit = (d: Draft): BoxTree => ({ id: `n${next++}`, style: d.style, children: d.children.map(visit) });
  return visit(root);
}

interface Entry { node: BoxTree; parent: BoxTree | null; hidden: boolean }

/** Every box in document order, with its parent and whether it is rendered. */
function entriesOf(tree: BoxTree): Entry[] {
  const out: Entry[] = [];
  const visit = (node: BoxTree, parent: BoxTree | null, hiddenAbove: boolean) => {
    const hidden = hiddenAbove || node.style.display === 'none';
    out.push({ node, parent, hidden });
    for (const child of node.children) visit(child, node, hidden);
  };
  visit(tree, null, false);
  return out;
}

/** The tree, one box a line, for failure messages. */
function describeTree(tree: BoxTree, depth = 0): string {
  const line = `${'  '.repeat(depth)}${tree.id} ${JSON.stringify(tree.style)}`;
  return [line, ...tree.children.map((c) => describeTree(c, depth + 1))].join('\n');
}

function toPlanar(tree: BoxTree): JSXElement {
  return jsx(View, { testId: tree.id, style: tree.style, children: tree.children.map(toPlanar) });
}

const ROOT_ID = 'root';

function toHtml(tree: BoxTree): string {
  const div = (t: BoxTree): string => `<div id="${t.id}" style="${styleToCss(t.style)}">${t.children.map(div).join('')}</div>`;
  // #root stands for Planar's scene root: a Yoga node of the window's size with default styles.
  return '<!doctype html><html><head><style>' +
    `html,body{margin:0;padding:0}div{${BASE_CSS}}` +
    `</style></head><body><div id="${ROOT_ID}" style="width:${WIDTH}px;height:${HEIGHT}px">${div(tree)}</div></body></html>`;
}

async function layoutInPlanar(tree: BoxTree): Promise<Map<string, Box>> {
  // A style value Planar rejects is reported on console.error and ignored; that must fail the
  // comparison rather than compare a different tree.
  const reported: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { reported.push(args.map(String).join(' ')); });
  try {
    const screen = await render(() => toPlanar(tree), { width: WIDTH, height: HEIGHT });
    try {
      return new Map(entriesOf(tree).map(({ node }) => [node.id, screen.find({ testId: node.id })]));
    } finally {
      await screen.dispose();
    }
  } finally {
    spy.mockRestore();
    if (reported.length) throw new Error(`Planar reported errors for this tree:\n${reported.join('\n')}\n${describeTree(tree)}`);
  }
}

const fmt = (b: Box) => `{x: ${+b.x.toFixed(2)}, y: ${+b.y.toFixed(2)}, w: ${+b.width.toFixed(2)}, h: ${+b.height.toFixed(2)}}`;

interface Comparison {
  /** The boxes off by more than the tolerance, and the tree; null when all match. */
  report: string | null;
  /** Which known difference that depends on the layout itself explains the mismatch, if one does. */
  explainedBy: LayoutDependentDifference | null;
}

/**
 * Lays `tree` out in both engines and compares every box. Boxes that are not rendered
 * (display: none, or inside one) are compared on size only (both must be empty): their
 * position means nothing in either engine.
 */
async function compareWithBrowser(tree: BoxTree): Promise<Comparison> {
  const entries = entriesOf(tree);
  const planar = await layoutInPlanar(tree);
  const browser = await layoutInBrowser(toHtml(tree), [ROOT_ID, ...entries.map(({ node }) => node.id)], ROOT_ID);
  const off: { entry: Entry; keys: (keyof Box)[] }[] = [];
  for (const entry of entries) {
    const p = planar.get(entry.node.id)!;
    const b = browser.get(entry.node.id)!;
    const keys = entry.hidden ? (['width', 'height'] as const) : (['x', 'y', 'width', 'height'] as const);
    const wrong = keys.filter((k) => !(Math.abs(p[k] - b[k]) <= TOLERANCE));
    if (wrong.length) off.push({ entry, keys: wrong });
  }
  if (!off.length) return { report: null, explainedBy: null };
  const lines = off.map(({ entry: { node }, keys }) =>
    `  ${node.id}: planar ${fmt(planar.get(node.id)!)} browser ${fmt(browser.get(node.id)!)} (off: ${keys.join(', ')})`);
  const report = `boxes differ by more than ${TOLERANCE}px from Chromium:\n${lines.join('\n')}\nstyle tree:\n${describeTree(tree)}`;
  return { report, explainedBy: explainMismatch(entries, off.map((o) => o.entry), planar, browser) };
}

// ---------------------------------------------------------------------------------------------
// Hand-written cases

const CASES: Record<string, Draft> = {
  'row of fixed boxes with padding': box(
    { flexDirection: 'row', width: 300, height: 100, padding: 10 },
    leaf(50, 30), leaf(70, 40), leaf(20, 80),
  ),
  'column stretches children without a width': box(
    { width: 200, padding: 8, paddingLeft: 20 },
    leaf('auto', 30), leaf(80, 30), box({ height: 20, marginHorizontal: 12 }),
  ),
  'row-reverse and column-reverse with margins': box(
    { width: 360, height: 260 },
    box({ flexDirection: 'row-reverse', height: 100, paddingRight: 7 }, leaf(40, 40, { marginLeft: 5, marginRight: 12 }), leaf(60, 30, { marginTop: 9 })),
    box({ flexDirection: 'column-reverse', flexGrow: 1, paddingBottom: 11 }, leaf(50, 20, { marginBottom: 6 }), leaf(70, 30, { marginTop: 4 })),
  ),
  'wrap onto several lines with gaps': box(
    { flexDirection: 'row', flexWrap: 'wrap', width: 220, rowGap: 8, columnGap: 6, padding: 5 },
    leaf(60, 30), leaf(60, 40), leaf(60, 20), leaf(90, 30), leaf(50, 50), leaf(120, 10),
  ),
  'wrap-reverse with align-content variants': box(
    { flexDirection: 'row', width: 380, height: 290, flexWrap: 'wrap' },
    ...(['flex-start', 'center', 'flex-end', 'stretch', 'space-between', 'space-around', 'space-evenly'] as const).map((alignContent) =>
      box({ flexDirection: 'row', flexWrap: 'wrap-reverse', alignContent, alignItems: 'flex-end', width: 120, height: 90, borderWidth: 1 },
        leaf(50, 20), leaf(50, 'auto', { minHeight: 10 }), leaf(50, 25),
        // A stretched item with align-content space-* is known difference (3); with center and
        // flex-end on several lines it matches.
        ...(alignContent.startsWith('space-') ? [] : [leaf(50, 'auto', { alignSelf: 'stretch' })]))),
  ),
  'justify-content variants': box(
    { width: 380 },
    ...(['flex-start', 'center', 'flex-end', 'space-between', 'space-around', 'space-evenly'] as const).map((justifyContent) =>
      box({ flexDirection: 'row', justifyContent, height: 30, marginBottom: 4, paddingHorizontal: 3 }, leaf(40, 20), leaf(70, 10), leaf(30, 25))),
  ),
  'align-items and align-self variants': box(
    { flexDirection: 'row', width: 380, height: 120, alignItems: 'center', padding: 6 },
    leaf(40, 30), leaf(40, 'auto', { alignSelf: 'stretch' }), leaf(40, 30, { alignSelf: 'flex-end' }),
    leaf(40, 30, { alignSelf: 'flex-start', marginTop: 10 }), leaf(40, 'auto', { alignSelf: 'stretch', marginVertical: 15 }),
    box({ height: 80, width: 100, alignItems: 'flex-end' }, leaf(30, 20), box({ height: 10, alignSelf: 'center', width: 50 })),
  ),
  'flexGrow shares free space by basis': box(
    { flexDirection: 'row', width: 390, height: 50, columnGap: 10 },
    leaf('auto', 'auto', { flexGrow: 1 }), leaf('auto', 'auto', { flexGrow: 2, flexBasis: 20 }),
    leaf(40, 'auto', { flexGrow: 1, flexBasis: 0 }), leaf('auto', 'auto', { flexBasis: '10%' }),
  ),
  'flexShrink scales by basis': box(
    { width: 300, height: 250 },
    box({ flexDirection: 'row', height: 60 }, leaf(200, 20, { flexShrink: 1 }), leaf(200, 20, { flexShrink: 3 }), leaf(50, 20)),
    box({ height: 120 }, leaf(50, 'auto', { flexBasis: 100, flexShrink: 1 }), leaf(50, 'auto', { flexBasis: 80, flexShrink: 2, marginVertical: 5 })),
  ),
  'percentages of size, padding and margin': box(
    { width: 360, height: 280, flexDirection: 'row', padding: '5%' },
    leaf('50%', '25%', { margin: '2%' }),
    box({ width: '30%', height: '80%', paddingTop: '10%', paddingLeft: '5%' }, leaf('50%', '50%', { marginLeft: '10%' })),
  ),
  'margin auto centres and pushes': box(
    { width: 380, height: 280 },
    box({ height: 100, flexDirection: 'row' }, leaf(50, 30, { margin: 'auto' })),
    box({ height: 60, flexDirection: 'row' }, leaf(40, 20), leaf(40, 20, { marginLeft: 'auto' }), leaf(40, 20)),
    box({ flexGrow: 1 }, leaf(60, 30, { marginTop: 'auto', marginHorizontal: 'auto' })),
  ),
  'absolute positioning with insets': box(
    { width: 300, height: 200, padding: 10, borderWidth: 4, borderLeftWidth: 9 },
    leaf(50, 40),
    leaf(40, 30, { position: 'absolute', top: 5, left: 7 }),
    leaf(40, 30, { position: 'absolute', right: 12, bottom: '10%' }),
    leaf('auto', 20, { position: 'absolute', left: 20, right: '25%', bottom: 0 }),
    leaf(30, 'auto', { position: 'absolute', top: '20%', bottom: 30, right: 0, margin: 3 }),
  ),
  'min and max clamps': box(
    { width: 380, height: 280 },
    box({ flexDirection: 'row', height: 60 }, leaf('auto', 20, { flexGrow: 1, maxWidth: 80 }), leaf('auto', 'auto', { flexGrow: 1, maxHeight: 25 }), leaf(10, 10, { minWidth: 45, minHeight: 50 })),
    box({ flexDirection: 'row', width: 200, height: 40 }, leaf(150, 20, { flexShrink: 1, minWidth: 120 }), leaf(150, 20, { flexShrink: 1 })),
    leaf('100%', 30, { maxWidth: '50%', minHeight: 45 }),
    box({ flexDirection: 'row', height: 50 }, leaf(30, 10, { minHeight: '60%' }), leaf('auto', 10, { flexGrow: 1, maxHeight: '10%', minWidth: 300 })),
  ),
  'aspectRatio from width or height': box(
    { width: 380, flexDirection: 'row', alignItems: 'flex-start' },
    leaf(100, 'auto', { aspectRatio: 2 }), leaf('auto', 60, { aspectRatio: 0.5 }), leaf(40, 'auto', { aspectRatio: 1, marginLeft: 5 }),
  ),
  'gap, rowGap and columnGap': box(
    { width: 380 },
    box({ flexDirection: 'row', gap: 10, marginBottom: 5 }, leaf(30, 30), leaf(30, 30), leaf(30, 30)),
    box({ gap: 12, rowGap: 4 }, leaf(30, 10), leaf(30, 10), leaf(30, 10)),
    box({ flexDirection: 'row', flexWrap: 'wrap', width: 100, columnGap: 15, rowGap: 7 }, leaf(40, 10), leaf(40, 10), leaf(40, 10), leaf(40, 10)),
  ),
  'borders and padding shrink the content box': box(
    { width: 300, height: 200, borderWidth: 3, borderTopWidth: 10, padding: 6, paddingRight: 20, flexDirection: 'row' },
    box({ flexGrow: 1, borderWidth: 5, paddingVertical: 8 }, leaf('auto', 20), leaf('50%', 20, { borderBottomWidth: 7 })),
    leaf(60, '100%', { borderLeftWidth: 2, borderRightWidth: 4 }),
  ),
  'nested containers mix directions': box(
    { width: 390, height: 290, padding: 5 },
    box({ flexDirection: 'row', flexGrow: 1, gap: 5 },
      box({ flexGrow: 1, justifyContent: 'space-between' }, leaf('auto', 30), box({ flexDirection: 'row', height: 40 }, leaf(20, 20), leaf('auto', 'auto', { flexGrow: 1 }))),
      box({ width: 120, alignItems: 'center', justifyContent: 'center' }, leaf(60, 60), leaf(90, 10))),
    box({ flexDirection: 'row', height: 50, alignItems: 'flex-end' }, box({ padding: 4 }, leaf(30, 30)), box({ padding: 2 }, leaf(20, 10))),
  ),
  'content-sized containers': box(
    { flexDirection: 'row', alignItems: 'flex-start' },
    box({ padding: 5, borderWidth: 2 }, leaf(40, 30), leaf(60, 20)),
    box({ flexDirection: 'row', padding: 3, gap: 4 }, leaf(20, 50), leaf(30, 10)),
  ),
  'display none takes no space': box(
    { flexDirection: 'row', width: 300, height: 60, gap: 10 },
    leaf(40, 40), box({ display: 'none', width: 80, height: 40 }, leaf(10, 10)), leaf(40, 40), leaf(40, 40, { display: 'none' }),
  ),
};

// ---------------------------------------------------------------------------------------------
// Known differences between Yoga (yoga-layout 3.2.1, as Planar configures it) and Chromium,
// found by this suite. Each has a minimal repro below, which must still differ from Chromium
// (when an update fixes one, its test fails: then drop its rule). The random trees avoid them:
// - most depend on styles alone, and `withoutKnownDifferences` rewrites the generated tree,
//   narrowly, to leave that combination out (the rule for (n) is marked (n) there);
// - two depend on the layout itself (a box offered no space, fractional offsets); a random tree
//   that mismatches where one of them is at work is discarded (see `explainMismatch`).

type LayoutDependentDifference = 'no space' | 'rounding';

interface KnownDifference {
  repro: Draft;
  yoga: string;
  browser: string;
  /** For the layout-dependent ones: the explanation `explainMismatch` must give. */
  explainedBy?: LayoutDependentDifference;
}

const KNOWN_DIFFERENCES: Record<string, KnownDifference> = {
  // (1) Relative insets on the main axis of a row-reverse / column-reverse container move the box
  //     the other way: Yoga adds the offset at the flex-start edge (right / bottom).
  '1 a relative inset on the main axis of a reverse container is mirrored': {
    repro: box({ flexDirection: 'row-reverse', width: 100, height: 50 }, leaf(20, 20, { left: 10 })),
    yoga: 'n1 at x 70', browser: 'n1 at x 90',
  },
  // (2) A percentage min/max main size of a flex item resolves against its grandparent's size,
  //     not its parent's (facebook/yoga#872): here against the 400 px window, not the 300 px parent.
  '2 a percentage min/max main size resolves against the grandparent': {
    repro: box({ flexDirection: 'row', width: 300, height: 50 }, leaf(30, 20, { minWidth: '20%' })),
    yoga: 'n1 is 80 wide', browser: 'n1 is 60 wide',
  },
  // (3) Wrapping containers (flexWrap wrap / wrap-reverse):
  //     a. stretched items (align stretch, auto cross size) with align-content other than
  //        flex-start: with space-*, Yoga adds each line's share of the free space to the line
  //        and stretched items grow into it; a single line holding one is not moved at all;
  //        with stretch, their main-axis margins are taken off their size (as in g);
  //     b. relative insets on the cross axis are ignored;
  //     c. cross-axis margins: auto ones are ignored (the item is stretched instead), and the
  //        cross-start one of an item that is not stretched is ignored;
  //     d. wrap-reverse mirrors the container's cross-axis padding and border, and items'
  //        cross-axis margins;
  //     e. an item with display none in a wrap-reverse container gets a NaN width and x;
  //     f. a container whose main size comes from its content is capped to the space available
  //        and wraps (in CSS it stays one line as long as its content); a column-wrap box whose
  //        width comes from content keeps the width of all its lines when less space is
  //        available (CSS shrinks it to fit, down to its widest line);
  //     g. main-axis margins: negative ones become the size of a content-sized item; auto ones
  //        share the free space of a line with the auto margins of the other lines; a stretched
  //        item's are taken off its size when it shares its line;
  //     h. an item with both flexGrow and flexShrink never moves to a new line;
  //     i. an absolute box inside an item stretched to its line resolves percentages against the
  //        item's size before the stretch.
  '3a stretched items grow into the space align-content space-* puts between lines': {
    repro: box({ flexDirection: 'row', flexWrap: 'wrap', alignContent: 'space-between', width: 100, height: 100 }, leaf(60, 20), leaf(60, 'auto')),
    yoga: 'n2 at y 100, 80 high', browser: 'n2 at y 100, 0 high',
  },
  '3a align-content does not move a single line holding a stretched item': {
    repro: box({ flexDirection: 'row', flexWrap: 'wrap', alignContent: 'flex-end', width: 100, height: 100 }, leaf(60, 'auto'), leaf(30, 20)),
    yoga: 'n1 and n2 at y 0', browser: 'n1 and n2 at y 80',
  },
  '3b relative cross-axis insets are ignored': {
    repro: box({ flexDirection: 'row', flexWrap: 'wrap', width: 100, height: 100 }, leaf(20, 20, { top: 7 })),
    yoga: 'n1 at y 0', browser: 'n1 at y 7',
  },
  '3c cross-axis auto margins are ignored': {
    repro: box({ flexWrap: 'wrap' }, leaf(40, 40), leaf(10, 10, { marginLeft: 'auto' })),
    yoga: 'n2 at x 0', browser: 'n2 at x 30',
  },
  '3c the cross-start margin of an item that is not stretched is ignored': {
    repro: box({ flexWrap: 'wrap' }, leaf(10, 10, { marginLeft: 6, alignSelf: 'flex-start' })),
    yoga: 'n1 at x 0', browser: 'n1 at x 6',
  },
  '3d wrap-reverse mirrors cross-axis padding and border': {
    repro: box({ flexDirection: 'row', flexWrap: 'wrap-reverse', height: 100, borderTopWidth: 6 }, leaf(10, 10)),
    yoga: 'n1 at y 84', browser: 'n1 at y 90',
  },
  '3d wrap-reverse mirrors cross-axis margins': {
    repro: box({ flexWrap: 'wrap-reverse', width: 100 }, leaf(10, 10, { margin: 5, alignSelf: 'flex-start' }), leaf(30, 10)),
    yoga: 'n1 at x 90', browser: 'n1 at x 85',
  },
  '3e display none in wrap-reverse gives NaN': {
    repro: box({ flexWrap: 'wrap-reverse' }, box({ display: 'none' })),
    yoga: 'n1 is NaN wide', browser: 'n1 is 0 wide',
  },
  '3f a content-sized wrapping container is capped to the available space': {
    repro: box({ width: 10, height: 20 }, box({}, box({ flexWrap: 'wrap' }, leaf('auto', 200)))),
    yoga: 'n1 and n2 are 20 high', browser: 'n1 and n2 are 200 high',
  },
  '3f a column-wrap box is not shrunk to fit': {
    repro: box({ width: 100, height: 200 }, box({ position: 'absolute', height: 20, flexWrap: 'wrap' }, leaf(2, 2), leaf(120, 120))),
    yoga: 'n1 is 122 wide', browser: 'n1 is 120 wide',
  },
  '3g a negative main-axis margin becomes the size of a content-sized item': {
    repro: box({ height: 50, flexWrap: 'wrap' }, leaf(2, 2), box({ marginVertical: -5 })),
    yoga: 'n2 is 10 high', browser: 'n2 is 0 high',
  },
  '3g auto margins share free space across lines': {
    repro: box({ height: 60, flexWrap: 'wrap' }, leaf(10, 20, { marginBottom: 'auto' }), leaf(10, 35), leaf(10, 6, { marginVertical: 'auto' })),
    yoga: 'n2 at y 22', browser: 'n2 at y 25',
  },
  '3g a stretched item sharing a line loses its main-axis margins from its size': {
    repro: box({ height: 120, flexWrap: 'wrap' }, leaf('auto', 80, { marginBottom: 20 }), box({}, leaf(2, 2))),
    yoga: 'n1 is 60 high', browser: 'n1 is 80 high',
  },
  '3h an item that can grow and shrink does not wrap': {
    repro: box({ flexDirection: 'row', width: 100, flexWrap: 'wrap' }, leaf('auto', 10, { flexBasis: 60 }), leaf('auto', 10, { flexBasis: 60, flexShrink: 1, flexGrow: 1 })),
    yoga: 'n2 at x 60, 40 wide', browser: 'n2 on a second line, 100 wide',
  },
  '3i percentages of an absolute box in an item stretched to its line': {
    repro: box({ flexDirection: 'row', flexWrap: 'wrap', width: 100 }, box({}, leaf(0, 'auto', { position: 'absolute', minHeight: '20%' }), leaf(2, 2)), leaf(10, 40)),
    yoga: 'n2 is 0 high', browser: 'n2 is 8 high',
  },
  // (4) Percentages of a size that depends on content (an auto height, a shrink-to-fit absolute
  //     box, ...): CSS treats them as auto (as 0 in intrinsic sizes); Yoga resolves them against
  //     the space available further up, and the boxes around grow to match.
  '4 percentage height in an auto-height column resolves': {
    repro: box({}, box({}, leaf(10, '50%'))),
    yoga: 'n2 is 38 high, n0 150', browser: 'all 0 high',
  },
  '4 percentage width in a shrink-to-fit absolute box resolves': {
    repro: box({ position: 'absolute', flexDirection: 'row' }, leaf('50%', 10), leaf(40, 10)),
    yoga: 'n0 is 240 wide, n1 120', browser: 'n0 is 40 wide, n1 20',
  },
  // (5) aspectRatio agrees only when one of width / height is set in px and the other is not
  //     stretched, or when neither is set and the box is stretched to a parent of definite size,
  //     with no flexBasis, flex factors, min/max sizes or sizes below padding + border. Yoga
  //     derives the cross size from the main size even over a set cross size or stretching, lets
  //     stretched items' margins and min/max skew the ratio, and sizes content-sized boxes from
  //     another axis than CSS.
  '5 aspectRatio overrides a set cross size': {
    repro: box({ alignItems: 'flex-start' }, leaf(10, 80, { aspectRatio: 0.5 })),
    yoga: 'n1 is 40 wide', browser: 'n1 is 10 wide',
  },
  '5 aspectRatio wins over align stretch when the main size is set': {
    repro: box({ flexDirection: 'row', height: 200 }, leaf(50, 'auto', { aspectRatio: 2 })),
    yoga: 'n1 is 25 high', browser: 'n1 is 200 high',
  },
  '5 aspectRatio of a stretched item ignores its max cross size': {
    repro: box({}, leaf('auto', 'auto', { aspectRatio: 0.5, maxWidth: 100 })),
    yoga: 'n1 is 100 x 800', browser: 'n1 is 100 x 200',
  },
  '5 aspectRatio of a stretched item counts its main-axis margins': {
    repro: box({}, leaf('auto', 'auto', { aspectRatio: 0.5, marginBottom: 5 })),
    yoga: 'n1 is 398 x 795', browser: 'n1 is 400 x 800',
  },
  '5 aspectRatio of a content-sized box': {
    repro: box({ alignItems: 'flex-start' }, box({ aspectRatio: 2 }, leaf(30, 10))),
    yoga: 'n1 is 20 x 10', browser: 'n1 is 30 x 15',
  },
  // (6) Min/max main sizes: a container whose main size comes from its content ignores its
  //     items' min/max main sizes when sizing itself (facebook/yoga#570, #1797); and Yoga
  //     clamps a flexible item's flex basis, where CSS distributes free space from the unclamped
  //     basis and clamps the result.
  '6 a content-sized container ignores its items\' min/max main size': {
    repro: box({}, leaf('auto', 10, { maxHeight: 5 })),
    yoga: 'n0 is 10 high', browser: 'n0 is 5 high',
  },
  '6 the flex basis of a growing item is clamped before growing': {
    repro: box({ flexDirection: 'row' }, leaf('auto', 2, { minWidth: 100, flexGrow: 1, borderWidth: 1 }), leaf('auto', 2, { flexGrow: 1 })),
    yoga: 'n1 is 250 wide', browser: 'n1 is 201 wide',
  },
  // (7) A box offered no space (0 px or less) on some axis, whose size depends on its content, is
  //     sized by Yoga without looking at its content: to its padding and border on that axis,
  //     and to the available size on the other (Yoga's shortcut for zero available space). CSS
  //     lets the content overflow. Related: where padding and border exceed a box's size, CSS
  //     floors the box with an empty content box, Yoga's content box goes negative and
  //     percentages and centring inside are computed from it.
  '7 content of a box in a zero-size parent is ignored': {
    repro: box({ height: 0 }, box({}, leaf(10, 10))),
    yoga: 'n1 is 0 high', browser: 'n1 is 10 high',
    explainedBy: 'no space',
  },
  '7 percentages of a content box made negative by padding': {
    repro: box({ width: 0, minWidth: 0, padding: 40 }, box({ left: '10%' })),
    yoga: 'n1 at x 32', browser: 'n1 at x 40',
    explainedBy: 'no space',
  },
  // (8) Pixel rounding: Yoga rounds each box's offset from its parent to whole pixels on its
  //     own, so half-pixel offsets at several nesting levels add up (0.5 px per level) instead
  //     of the box's absolute position being rounded once. Sizes stay within 1 px.
  '8 rounding errors of nested offsets add up': {
    repro: box({ paddingLeft: 0.5 }, box({ paddingLeft: 0.5 }, box({ paddingLeft: 0.5 }, leaf(10, 10)))),
    yoga: 'n3 at x 3', browser: 'n3 at x 1.5',
    explainedBy: 'rounding',
  },
  // (9) flexBasis: ignored inside an absolutely positioned box whose size comes from content;
  //     and in a container whose main size comes from content, Yoga sizes the container from a
  //     flexible item's basis, CSS from the item's size.
  '9 flexBasis is ignored in a content-sized absolute box': {
    repro: box({ height: 100 }, box({ position: 'absolute', width: 50 }, leaf('auto', 'auto', { flexBasis: 20 }))),
    yoga: 'n1 is 0 high', browser: 'n1 is 20 high',
  },
  '9 a content-sized container takes a growing item\'s basis': {
    repro: box({ flexDirection: 'row' }, box({ flexDirection: 'row' }, leaf(80, 10, { flexGrow: 1, flexBasis: 20 }))),
    yoga: 'n1 is 20 wide', browser: 'n1 is 80 wide',
  },
  // (10) A size or max size below padding + border (see (7)): Yoga also gives siblings the free
  //      space as if the box were its max size.
  '10 a max size below padding frees space for siblings': {
    repro: box({ height: 50 }, box({ flexGrow: 2 }), box({ maxHeight: 5, padding: 4 })),
    yoga: 'n1 is 45 high', browser: 'n1 is 42 high',
  },
  // (11) A min size above the max size: CSS lets the min size win; Yoga lets the max size win for
  //      an absolute box, and for the space it gives its children.
  '11 min above max': {
    repro: box({ height: 100 }, leaf('auto', 10, { position: 'absolute', minWidth: 200, maxWidth: 50 })),
    yoga: 'n1 is 50 wide', browser: 'n1 is 200 wide',
  },
  '11 min above max, for children': {
    repro: box({}, box({ minWidth: 100, maxWidth: 50 }, leaf('auto', 10))),
    yoga: 'n2 is 50 wide', browser: 'n2 is 100 wide',
  },
  // (12) Negative free space: with main-axis auto margins, Yoga ignores justify-content (CSS
  //      applies it once the auto margins are 0); and with justify-content / align-content
  //      space-around or space-evenly in a reverse direction, CSS falls back to start (left / top),
  //      Yoga to flex-start (right / bottom).
  '12 justify-content is ignored with auto margins when items overflow': {
    repro: box({ height: 60, justifyContent: 'flex-end' }, leaf('auto', 100, { marginVertical: 'auto' })),
    yoga: 'n1 at y 0', browser: 'n1 at y -40',
  },
  '12 space-around overflows towards the start of a reverse row': {
    repro: box({ width: 10, flexDirection: 'row-reverse', justifyContent: 'space-around' }, leaf(30, 10)),
    yoga: 'n1 at x -20', browser: 'n1 at x 0',
  },
  '12 align-content space-around overflows towards the start of wrap-reverse lines': {
    repro: box({ flexDirection: 'row', width: 10, height: 10, flexWrap: 'wrap-reverse', alignContent: 'space-around' }, leaf(10, 30, { alignSelf: 'flex-start' })),
    yoga: 'n1 at y -20', browser: 'n1 at y 0',
  },
  // (13) Absolutely positioned boxes: vertical percentage margins resolve against the
  //      containing block's height (CSS: width) when an inset is set; with top and bottom set,
  //      Chromium applies align-self to the vertical axis; auto margins do not centre; and with
  //      both insets of an axis set, min/max sizes are applied before the margins are taken off.
  '13 vertical percentage margins of an absolute box use the height': {
    repro: box({ height: 100 }, box({ position: 'absolute', top: 0, marginTop: '5%' })),
    yoga: 'n1 at y 5', browser: 'n1 at y 20',
  },
  '13 align-self of an absolute box with top and bottom': {
    repro: box({ height: 200, width: 200 }, box({ position: 'absolute', top: 0, bottom: 0, alignSelf: 'flex-end' })),
    yoga: 'n1 is 200 high', browser: 'n1 is 0 high at y 200',
  },
  '13 auto margins do not centre an absolute box': {
    repro: box({ width: 100, height: 50 }, leaf(20, 10, { position: 'absolute', left: 0, right: 0, margin: 'auto' })),
    yoga: 'n1 at x 0', browser: 'n1 at x 40',
  },
  '13 max size of an absolute box between insets': {
    repro: box({ height: 100 }, box({ position: 'absolute', left: 0, right: 0, maxWidth: '50%', margin: 10 })),
    yoga: 'n1 is 180 wide', browser: 'n1 is 200 wide',
  },
  // (14) flexShrink of an item with main-axis padding or border: CSS scales the shrinking by
  //      the content-box basis, Yoga by the border-box basis.
  '14 shrinking ignores padding in the basis': {
    repro: box({ height: 100 }, leaf('auto', 80, { flexShrink: 1, paddingTop: 20 }), leaf('auto', 80, { flexShrink: 1 })),
    yoga: 'n1 is 50 high', browser: 'n1 is 54.3 high',
  },
  // (15) justify-content space-* in a container with free space and no in-flow items (only
  //      absolute ones) gives NaN positions.
  '15 space-around without in-flow items gives NaN': {
    repro: box({}, box({ position: 'absolute', minHeight: 10, justifyContent: 'space-around' }, box({ position: 'absolute' }))),
    yoga: 'n1 and n2 at NaN', browser: 'numbers',
  },
  // (16) An item whose negative main-axis margins exceed its size (a negative outer size): the
  //      engines disagree on the free space that justify-content distributes.
  '16 a negative outer size': {
    repro: box({ flexDirection: 'row' }, box({ justifyContent: 'space-evenly', marginVertical: 'auto' }, box({ margin: -5 }))),
    yoga: 'n2 at y -5', browser: 'n2 at y 0',
  },
};

const isRow = (d: LayoutStyle['flexDirection']) => d === 'row' || d === 'row-reverse';
const isPercent = (v: unknown): v is `${number}%` => typeof v === 'string' && v.endsWith('%');
const isAuto = (v: unknown) => v === undefined || v === 'auto';

type Side = 'top' | 'right' | 'bottom' | 'left';
const HORIZONTAL = ['left', 'right'] as const;
const VERTICAL = ['top', 'bottom'] as const;
const ALL_SIDES = ['top', 'right', 'bottom', 'left'] as const;
const SIDE_KEYS = {
  margin: { top: 'marginTop', right: 'marginRight', bottom: 'marginBottom', left: 'marginLeft' },
  padding: { top: 'paddingTop', right: 'paddingRight', bottom: 'paddingBottom', left: 'paddingLeft' },
  border: { top: 'borderTopWidth', right: 'borderRightWidth', bottom: 'borderBottomWidth', left: 'borderLeftWidth' },
} as const;

/** The margin or padding of one side, with Yoga's precedence: the side, its axis, all sides. */
function edgeOf(style: LayoutStyle, kind: 'margin' | 'padding', side: Side) {
  const vertical = side === 'top' || side === 'bottom';
  const axis = kind === 'margin' ? (vertical ? style.marginVertical : style.marginHorizontal) : (vertical ? style.paddingVertical : style.paddingHorizontal);
  return style[SIDE_KEYS[kind][side]] ?? axis ?? style[kind];
}
const borderOf = (style: LayoutStyle, side: Side) => style[SIDE_KEYS.border[side]] ?? style.borderWidth;

/** Padding plus border of some sides in px, percentages counted at their largest (of the window width). */
function paddingAndBorderOf(style: LayoutStyle, sides: readonly Side[]): number {
  return sides.reduce((sum, side) => {
    const padding = edgeOf(style, 'padding', side) ?? 0;
    return sum + (typeof padding === 'number' ? padding : (parseFloat(padding) / 100) * WIDTH) + (borderOf(style, side) ?? 0);
  }, 0);
}

/** What the rules need to know about a box, as the parent of the next level. */
interface Context {
  style: LayoutStyle;
  /** Whether its content width / height is definite in CSS terms (conservative: unsure is no). */
  definite: { width: boolean; height: boolean };
  /** Whether its size along its own main axis comes from its content. */
  mainFromContent: boolean;
  /** Whether it is, or is inside, an absolutely positioned box whose size comes from content. */
  inContentSizedAbsolute: boolean;
  /** Whether it is stretched to a line of a wrapping container, or to a box that is (3i). */
  stretchedToLine: boolean;
}

/**
 * The generated tree `root` with the style combinations of the known differences left out:
 * the offending key is deleted, or the item aligned flex-start instead of stretched, or the
 * container made to wrap forwards or not at all. The number of each rule is its difference's.
 */
function withoutKnownDifferences(root: Draft): Draft {
  const fix = (parent: Context, d: Draft): Draft => {
    const style = { ...d.style };
    const inFlow = style.position !== 'absolute';
    const row = isRow(parent.style.flexDirection);
    const [main, cross] = row ? (['width', 'height'] as const) : (['height', 'width'] as const);
    const [mainSides, crossSides] = row ? [HORIZONTAL, VERTICAL] : [VERTICAL, HORIZONTAL];
    const [minMain, maxMain] = row ? (['minWidth', 'maxWidth'] as const) : (['minHeight', 'maxHeight'] as const);
    const wraps = parent.style.flexWrap === 'wrap' || parent.style.flexWrap === 'wrap-reverse';
    const flexible = () => (style.flexGrow ?? 0) > 0 || (style.flexShrink ?? 0) > 0;
    const margin = (side: Side) => edgeOf(style, 'margin', side);
    const setMargin = (side: Side, value: number) => { style[SIDE_KEYS.margin[side]] = value; };
    const del = (...keys: (keyof LayoutStyle)[]) => { for (const k of keys) delete style[k]; };
    const delPercent = (...keys: (keyof LayoutStyle)[]) => { for (const k of keys) if (isPercent(style[k])) delete style[k]; };
    const align = () => (isAuto(style.alignSelf) ? parent.style.alignItems ?? 'stretch' : style.alignSelf);

    if (inFlow) {
      // (4) (An absolute box resolves its percentages against its parent's padding box once
      // the parent is laid out, in both engines.)
      if (!parent.definite.width) {
        delPercent('width', 'minWidth', 'maxWidth', 'left', 'right');
        delPercent('padding', 'paddingHorizontal', 'paddingVertical', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft');
        delPercent('margin', 'marginHorizontal', 'marginVertical', 'marginTop', 'marginRight', 'marginBottom', 'marginLeft');
      }
      if (!parent.definite.height) delPercent('height', 'minHeight', 'maxHeight', 'top', 'bottom');
      if (!parent.definite[main]) delPercent('flexBasis');
      // (1)
      if (parent.style.flexDirection === 'row-reverse' || parent.style.flexDirection === 'column-reverse') del(...(row ? HORIZONTAL : VERTICAL));
      // (2), (6)
      delPercent(minMain, maxMain);
      if (!parent.definite[main] || flexible()) del(minMain, maxMain);
      // (9)
      if (parent.inContentSizedAbsolute) del('flexBasis');
      if (parent.mainFromContent && !isAuto(style.flexBasis) && flexible()) del('flexBasis');
      // (14)
      if ((style.flexShrink ?? 0) > 0 && paddingAndBorderOf(style, mainSides) > 0) del('flexShrink');
      // (16)
      const negative = mainSides.reduce((sum, side) => { const m = margin(side); return sum + (typeof m === 'number' && m < 0 ? m : 0); }, 0);
      const mainSize = style[main];
      if (negative < 0 && !(typeof mainSize === 'number' && mainSize + negative >= 0)) {
        for (const side of mainSides) { const m = margin(side); if (typeof m === 'number' && m < 0) setMargin(side, 0); }
      }
      if (wraps) {
        // (3b), (3c), (3d)
        del(...crossSides);
        for (const side of crossSides) if (margin(side) !== undefined) setMargin(side, 0);
        // (3h)
        if ((style.flexGrow ?? 0) > 0 && (style.flexShrink ?? 0) > 0) del('flexShrink');
        // (3g)
        for (const side of mainSides) {
          const m = margin(side);
          if (m === 'auto' || (typeof m === 'number' && m < 0)) setMargin(side, 0);
        }
      }
    } else {
      // (3i)
      if (parent.stretchedToLine) for (const key of Object.keys(style) as (keyof LayoutStyle)[]) if (isPercent(style[key])) delete style[key];
      // (13)
      for (const side of VERTICAL) if (isPercent(margin(side))) setMargin(side, 0);
      if (style.top !== undefined && style.bottom !== undefined) del('alignSelf', 'minHeight', 'maxHeight');
      if (style.left !== undefined && style.right !== undefined) del('minWidth', 'maxWidth');
      for (const side of ALL_SIDES) if (margin(side) === 'auto') setMargin(side, 0);
    }
    // (10)
    for (const [axis, sides] of [['width', HORIZONTAL], ['height', VERTICAL]] as const) {
      const paddingAndBorder = paddingAndBorderOf(style, sides);
      const size = style[axis];
      const max = style[axis === 'width' ? 'maxWidth' : 'maxHeight'];
      if (typeof size === 'number' && size < paddingAndBorder) del(axis);
      if (max !== undefined && paddingAndBorder > 0 && (isPercent(max) || max < paddingAndBorder)) del(axis === 'width' ? 'maxWidth' : 'maxHeight');
    }
    // (11)
    for (const [minKey, maxKey] of [['minWidth', 'maxWidth'], ['minHeight', 'maxHeight']] as const) {
      const [min, max] = [style[minKey], style[maxKey]];
      if (min !== undefined && max !== undefined && (isPercent(min) || isPercent(max) || min > max)) del(maxKey);
    }

    let stretched = inFlow && align() === 'stretch' && isAuto(style[cross]) && !crossSides.some((side) => margin(side) === 'auto');
    const unstretch = () => { style.alignSelf = 'flex-start'; stretched = false; };
    // (3a), (3g)
    if (stretched && wraps && ((!isAuto(parent.style.alignContent) && parent.style.alignContent !== 'flex-start')
      || mainSides.some((side) => (margin(side) ?? 0) !== 0))) unstretch();
    // (5)
    const ratio = style.aspectRatio;
    if (ratio !== undefined) {
      const plain = isAuto(style.flexBasis) && !flexible()
        && (['minWidth', 'maxWidth', 'minHeight', 'maxHeight'] as const).every((k) => style[k] === undefined)
        && (inFlow || (ALL_SIDES.every((side) => (margin(side) ?? 0) === 0)
          && (style.left === undefined || style.right === undefined) && (style.top === undefined || style.bottom === undefined)));
      const set = (['width', 'height'] as const).filter((axis) => !isAuto(style[axis]));
      let keep = false;
      if (plain && set.length === 1 && typeof style[set[0]!] === 'number') {
        const axis = set[0]!;
        const other = axis === 'width' ? 'height' : 'width';
        const size = style[axis] as number;
        const derived = axis === 'width' ? size / ratio : size * ratio;
        keep = derived >= paddingAndBorderOf(style, other === 'width' ? HORIZONTAL : VERTICAL);
        if (keep && other === cross && stretched) unstretch();
      } else if (plain && set.length === 0 && stretched && !wraps && parent.definite[cross]) {
        keep = paddingAndBorderOf(style, mainSides) === 0 && mainSides.every((side) => (margin(side) ?? 0) === 0);
      }
      if (!keep) del('aspectRatio');
    }

    // This box as the parent of the next level.
    const sized = (axis: 'width' | 'height'): boolean => {
      const size = style[axis];
      if (typeof size === 'number') return true;
      if (isPercent(size)) return inFlow ? parent.definite[axis] : true;
      if (!inFlow) return axis === 'width' ? style.left !== undefined && style.right !== undefined : style.top !== undefined && style.bottom !== undefined;
      if (axis === cross) return stretched && parent.definite[cross] && !wraps;
      return !isAuto(style.flexBasis) && parent.definite[main];
    };
    const ownRow = isRow(style.flexDirection);
    const ownMain = ownRow ? 'width' : 'height';
    const ownMainSides = ownRow ? HORIZONTAL : VERTICAL;
    // (3f)
    if ((style.flexWrap === 'wrap' || style.flexWrap === 'wrap-reverse')
      && (!sized(ownMain) || (!ownRow && !sized('width')))) del('flexWrap');
    // (3d), (3e)
    if (style.flexWrap === 'wrap-reverse') {
      const [start, end] = ownRow ? VERTICAL : HORIZONTAL;
      const asymmetric = edgeOf(style, 'padding', start) !== edgeOf(style, 'padding', end) || borderOf(style, start) !== borderOf(style, end);
      if (asymmetric || d.children.some((c) => c.style.display === 'none')) style.flexWrap = 'wrap';
    }
    // (12)
    const inFlowChildren = d.children.filter((c) => c.style.position !== 'absolute');
    const centredSpace = (v: string | undefined) => v === 'space-around' || v === 'space-evenly';
    if (inFlowChildren.some((c) => ownMainSides.some((side) => edgeOf(c.style, 'margin', side) === 'auto'))
      && !isAuto(style.justifyContent) && style.justifyContent !== 'flex-start') del('justifyContent');
    if ((style.flexDirection === 'row-reverse' || style.flexDirection === 'column-reverse') && centredSpace(style.justifyContent)) del('justifyContent');
    if (style.flexWrap === 'wrap-reverse' && centredSpace(style.alignContent)) del('alignContent');
    // (15)
    if (!inFlowChildren.some((c) => c.style.display !== 'none') && String(style.justifyContent).startsWith('space-')) del('justifyContent');

    const context: Context = {
      style,
      definite: { width: sized('width'), height: sized('height') },
      mainFromContent: !sized(ownMain),
      inContentSizedAbsolute: parent.inContentSizedAbsolute || (!inFlow && !(sized('width') && sized('height'))),
      stretchedToLine: stretched && (wraps || parent.stretchedToLine),
    };
    return { style, children: d.children.map((c) => fix(context, c)) };
  };
  // The generated root's parent is the scene root: a column of the window's size, default styles.
  return fix({ style: {}, definite: { width: true, height: true }, mainFromContent: false, inContentSizedAbsolute: false, stretchedToLine: false }, root);
}

/**
 * Whether a mismatch is one of the layout-dependent known differences:
 * - (7): some box was offered no space on some axis, in both engines, and its box, or its
 *   parent's size, differs between the engines (by any amount): its
 *   parent's content box (or the parent's set size, or the space offered to the parent when
 *   its size is not set, if less), less the box's margins, capped by its max size, is 0 px or less;
 * - (8): every box that differs is exactly where Yoga's rounding would put Chromium's box:
 *   offsets from the parent rounded one by one (half up), sizes from rounded absolute edges.
 */
function explainMismatch(entries: Entry[], off: Entry[], planar: Map<string, Box>, browser: Map<string, BrowserBox>): LayoutDependentDifference | null {
  const parentId = (e: Entry) => e.parent?.id ?? ROOT_ID;
  const parentOf = (e: Entry) => browser.get(parentId(e))!;
  type Size = { width: number; height: number };
  const AXES = [['width', ['left', 'right']], ['height', ['top', 'bottom']]] as const;
  const offeredIn = (boxes: Map<string, Box>): Map<string, Size> => {
    const content = new Map<string, Size>([[ROOT_ID, { width: WIDTH, height: HEIGHT }]]);
    const offered = new Map<string, Size>();
    for (const e of entries) {
      if (e.hidden) continue;
      const style = e.node.style;
      const base = parentOf(e).contentWidth; // percentages of margins, and of max sizes below
      const px = (v: LayoutStyle['margin'] | LayoutStyle['maxWidth'], of: number, fallback: number) =>
        v === undefined || v === 'auto' ? fallback : isPercent(v) ? (parseFloat(v) / 100) * of : v;
      const outer = content.get(parentId(e))!;
      const b = browser.get(e.node.id)!;
      const pb = { width: b.width - b.contentWidth, height: b.height - b.contentHeight };
      const offer = {} as Size;
      const own = {} as Size;
      for (const [axis, sides] of AXES) {
        const margins = sides.reduce((sum, side) => sum + px(edgeOf(style, 'margin', side), base, 0), 0);
        const max = px(axis === 'width' ? style.maxWidth : style.maxHeight, outer[axis], Infinity);
        offer[axis] = Math.min(outer[axis] - margins, max);
        const final = boxes.get(e.node.id)![axis] - pb[axis];
        const size = style[axis];
        own[axis] = isAuto(size) ? Math.min(final, offer[axis] - pb[axis]) : typeof size === 'number' ? Math.min(final, size - pb[axis]) : final;
      }
      offered.set(e.node.id, offer);
      content.set(e.node.id, own);
    }
    return offered;
  };
  const [inBrowser, inPlanar] = [offeredIn(browser), offeredIn(planar)];
  const differs = (id: string, keys: readonly (keyof Box)[]) => id !== ROOT_ID && keys.some((k) => Math.abs(planar.get(id)![k] - browser.get(id)![k]) > 0.01);
  const shortcut = (e: Entry) => AXES.some(([axis]) => inBrowser.get(e.node.id)![axis] <= 1 / 64 && inPlanar.get(e.node.id)![axis] <= 1 / 64
    && (differs(e.node.id, ['x', 'y', 'width', 'height']) || differs(parentId(e), ['width', 'height'])));
  if (entries.some((e) => !e.hidden && shortcut(e))) return 'no space';
  const rounded = new Map<string, Box>([[ROOT_ID, { x: 0, y: 0, width: WIDTH, height: HEIGHT }]]);
  for (const e of entries) {
    if (e.hidden) continue;
    const b = browser.get(e.node.id)!;
    const exactParent = parentOf(e);
    const roundedParent = rounded.get(e.parent?.id ?? ROOT_ID)!;
    rounded.set(e.node.id, {
      x: roundedParent.x + Math.round(b.x - exactParent.x),
      y: roundedParent.y + Math.round(b.y - exactParent.y),
      width: Math.round(b.x + b.width) - Math.round(b.x),
      height: Math.round(b.y + b.height) - Math.round(b.y),
    });
  }
  const same = (a: Box, b: Box) => (['x', 'y', 'width', 'height'] as const).every((k) => Math.abs(a[k] - b[k]) < 0.01);
  if (off.every((e) => !e.hidden && same(planar.get(e.node.id)!, rounded.get(e.node.id)!))) return 'rounding';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Random trees

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

const treeArb = draftArb.map((d) => withIds(withoutKnownDifferences(capNodes(d))));

// ---------------------------------------------------------------------------------------------

const missing = browserMissingReason();
if (missing && process.env.PLANAR_E2E === 'required') {
  throw new Error(`layout vs browser: ${missing} (PLANAR_E2E=required, so this suite may not be skipped)`);
}
if (missing) console.warn(`layout vs browser: skipped: ${missing}`);

describe.skipIf(missing !== null)(`layout matches Chromium's flexbox within ${TOLERANCE}px${missing ? ` (skipped: ${missing})` : ''}`, () => {
  afterAll(closeBrowser);

  for (const [name, draft] of Object.entries(CASES)) {
    it(name, async () => {
      const { report } = await compareWithBrowser(withIds(draft));
      expect(report, report ?? '').toBeNull();
    });
  }

  for (const [name, known] of Object.entries(KNOWN_DIFFERENCES)) {
    it(`known Yoga difference: ${name} (Yoga: ${known.yoga}; Chromium: ${known.browser})`, async () => {
      const { report, explainedBy } = await compareWithBrowser(withIds(known.repro));
      expect(report, 'this difference is gone: remove its rule from the random trees').not.toBeNull();
      expect(explainedBy, report!).toBe(known.explainedBy ?? null);
      if (!known.explainedBy) {
        const fixed = await compareWithBrowser(withIds(withoutKnownDifferences(known.repro)));
        expect(fixed.report, `withoutKnownDifferences does not remove it:\n${fixed.report}`).toBeNull();
      }
    });
  }

  it('random trees', async () => {
    const discarded = { 'no space': 0, rounding: 0 };
    await fc.assert(
      fc.asyncProperty(treeArb, async (tree) => {
        const { report, explainedBy } = await compareWithBrowser(tree);
        if (report && explainedBy) discarded[explainedBy]++;
        fc.pre(!explainedBy);
        if (report) throw new Error(report);
      }),
      { numRuns: Number(process.env.PLANAR_LAYOUT_RUNS ?? 40), seed: Number(process.env.PLANAR_LAYOUT_SEED ?? 0x9a1a4) },
    );
    if (discarded['no space'] || discarded.rounding) {
      console.info(`random trees discarded as known differences: ${JSON.stringify(discarded)}`);
    }
  }, 600_000);
});
