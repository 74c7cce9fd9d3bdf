/**
 * Known differences between Yoga (yoga-layout 3.2.1, as Planar configures it) and Chromium's
 * flexbox, found by comparing the two. Each has a minimal repro in KNOWN_DIFFERENCES, which must
 * still differ from Chromium (when an update fixes one, its test fails: then drop its rule). The
 * random trees avoid them:
 * - most depend on styles alone, and `withoutKnownDifferences` rewrites a generated tree,
 *   narrowly, to leave that combination out (the rule for (n) is marked (n) there);
 * - two depend on the layout itself (a box offered no space, fractional offsets); a random tree
 *   that mismatches where one of them is at work is discarded (see `explainMismatch`).
 *
 * The classes, detailed at their entries:
 * (1) relative insets on the main axis of a reverse container are mirrored;
 * (2) a percentage min/max main size resolves against the grandparent;
 * (3) wrapping containers (a-d, f-i): align-content, cross-axis insets and margins, wrap-reverse, main-axis margins;
 * (4) percentages of a size that depends on content resolve instead of acting as auto;
 * (5) aspectRatio agrees only in the plain cases (one size set in px, or stretched to a definite size);
 * (6) min/max main sizes: ignored by content-sized containers, applied to the basis before flexing;
 * (7) a box offered no space is sized without its content (layout-dependent);
 * (8) offsets are rounded one level at a time, so half pixels add up (layout-dependent);
 * (9) flexBasis inside content-sized absolute boxes and content-sized containers;
 * (10) a size or max size below padding + border;
 * (11) a min size above the max size;
 * (12) negative free space: auto margins with justify-content, space-around/evenly in reverse;
 * (13) absolute boxes: percentage margins, align-self, auto margins, min/max between insets;
 * (14) flexShrink weighs the border-box basis, not the content-box one;
 * (15) space-around with no in-flow items loses a content-sized container's min main size;
 * (16) an item with a negative outer size.
 */
import type { Box, BrowserBox } from './browser.js';
import type { LayoutStyle } from './style-to-css.js';
import { HEIGHT, ROOT_ID, WIDTH, box, leaf, type Draft, type Entry } from './trees.js';

/** The known differences that depend on the layout, not on styles alone. */
export type LayoutDependentDifference = 'no space' | 'rounding';

export interface KnownDifference {
  repro: Draft;
  yoga: string;
  browser: string;
  /** For the layout-dependent ones: the explanation `explainMismatch` must give. */
  explainedBy?: LayoutDependentDifference;
}

export const KNOWN_DIFFERENCES: Record<string, KnownDifference> = {
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
  //     (There is no e: a display none item in wrap-reverse, given a NaN box by Yoga, now reads
  //     back as 0 wide like Chromium's; the letters stay as they were.)
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
  // (15) justify-content space-around in a container whose main size comes from its content and
  //      whose children are all out of flow (absolute or display none): Yoga loses the
  //      container's min main size (it reads back as 0 on that axis), so absolute children sit at
  //      the start; CSS sizes it to its min size and centres them there. space-between and
  //      space-evenly agree.
  '15 space-around without in-flow items loses the min main size': {
    repro: box({ height: 20 }, box({ position: 'absolute', width: 20, minHeight: 10, justifyContent: 'space-around' }, box({ position: 'absolute' }))),
    yoga: 'n1 is 0 high, n2 at y 0', browser: 'n1 is 10 high, n2 at y 5',
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
export function withoutKnownDifferences(root: Draft): Draft {
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
    // (3d)
    if (style.flexWrap === 'wrap-reverse') {
      const [start, end] = ownRow ? VERTICAL : HORIZONTAL;
      if (edgeOf(style, 'padding', start) !== edgeOf(style, 'padding', end) || borderOf(style, start) !== borderOf(style, end)) style.flexWrap = 'wrap';
    }
    // (12)
    const inFlowChildren = d.children.filter((c) => c.style.position !== 'absolute');
    const centredSpace = (v: string | undefined) => v === 'space-around' || v === 'space-evenly';
    if (inFlowChildren.some((c) => ownMainSides.some((side) => edgeOf(c.style, 'margin', side) === 'auto'))
      && !isAuto(style.justifyContent) && style.justifyContent !== 'flex-start') del('justifyContent');
    if ((style.flexDirection === 'row-reverse' || style.flexDirection === 'column-reverse') && centredSpace(style.justifyContent)) del('justifyContent');
    if (style.flexWrap === 'wrap-reverse' && centredSpace(style.alignContent)) del('alignContent');
    // (15)
    if (!inFlowChildren.some((c) => c.style.display !== 'none') && style.justifyContent === 'space-around') del('justifyContent');

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
export function explainMismatch(entries: Entry[], off: Entry[], planar: Map<string, Box>, browser: Map<string, BrowserBox>): LayoutDependentDifference | null {
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
