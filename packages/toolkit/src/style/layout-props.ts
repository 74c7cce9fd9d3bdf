/**
 * Layout keys of `style`, each with a validator and the Yoga setter it maps to.
 * A key set to `undefined` (or removed from the style) goes back to Yoga's default, so a
 * style that changes over time never leaves stale layout behind.
 */
import {
  Align, Direction, Display, Edge, FlexDirection, Gutter, Justify, Overflow, PositionType, Wrap,
  type Node as YogaNode,
} from 'yoga-layout/load';
import type { LayoutStyle } from './types.js';

type Check = (value: unknown) => string | null;
interface LayoutProp { check: Check; apply(yoga: YogaNode, value: unknown): void }

const PERCENT = /^-?\d+(\.\d+)?%$/;

const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const length = (opts: { auto?: boolean; negative?: boolean }): Check => (v) => {
  if (finite(v)) return !opts.negative && (v as number) < 0 ? 'must not be negative' : null;
  if (typeof v === 'string' && PERCENT.test(v)) return !opts.negative && v.startsWith('-') ? 'must not be negative' : null;
  if (opts.auto && v === 'auto') return null;
  return `expected a number of px${opts.auto ? ", 'auto'" : ''} or a percentage like '50%'`;
};
const number = (opts: { min?: number; positive?: boolean }): Check => (v) => {
  if (!finite(v)) return 'expected a finite number';
  if (opts.positive && (v as number) <= 0) return 'must be greater than 0';
  if (opts.min !== undefined && (v as number) < opts.min) return `must be at least ${opts.min}`;
  return null;
};
const oneOf = <T extends string>(map: Record<T, number>): Check => (v) =>
  typeof v === 'string' && v in map ? null : `expected one of ${Object.keys(map).map((k) => `'${k}'`).join(', ')}`;

type LengthValue = number | 'auto' | `${number}%` | undefined;

const ALIGN = {
  auto: Align.Auto, 'flex-start': Align.FlexStart, center: Align.Center, 'flex-end': Align.FlexEnd,
  stretch: Align.Stretch, baseline: Align.Baseline, 'space-between': Align.SpaceBetween,
  'space-around': Align.SpaceAround, 'space-evenly': Align.SpaceEvenly,
};
const JUSTIFY = {
  'flex-start': Justify.FlexStart, center: Justify.Center, 'flex-end': Justify.FlexEnd,
  'space-between': Justify.SpaceBetween, 'space-around': Justify.SpaceAround, 'space-evenly': Justify.SpaceEvenly,
};
const DIRECTION = {
  row: FlexDirection.Row, column: FlexDirection.Column,
  'row-reverse': FlexDirection.RowReverse, 'column-reverse': FlexDirection.ColumnReverse,
};
const LAYOUT_DIRECTION = { inherit: Direction.Inherit, ltr: Direction.LTR, rtl: Direction.RTL };
const WRAP = { nowrap: Wrap.NoWrap, wrap: Wrap.Wrap, 'wrap-reverse': Wrap.WrapReverse };

function enumProp<T extends string>(map: Record<T, number>, set: (y: YogaNode, v: number) => void, fallback: number): LayoutProp {
  return { check: oneOf(map), apply: (y, v) => set(y, v === undefined ? fallback : map[v as T]) };
}
function edgeProp(edge: Edge, set: (y: YogaNode, e: Edge, v: LengthValue) => void, check: Check): LayoutProp {
  return { check, apply: (y, v) => set(y, edge, v as LengthValue) };
}

const margin = (y: YogaNode, e: Edge, v: LengthValue) => y.setMargin(e, v);
const padding = (y: YogaNode, e: Edge, v: LengthValue) => y.setPadding(e, v as Exclude<LengthValue, 'auto'>);
const border = (y: YogaNode, e: Edge, v: LengthValue) => y.setBorder(e, v as number | undefined);
const inset = (y: YogaNode, e: Edge, v: LengthValue) => y.setPosition(e, v as Exclude<LengthValue, 'auto'>);
const size = length({ auto: true });
const nonNegative = length({});
const signed = length({ negative: true });
const signedAuto = length({ auto: true, negative: true });
const widthCheck = number({ min: 0 });

export const LAYOUT_PROPS: Record<keyof LayoutStyle, LayoutProp> = {
  display: { check: oneOf({ flex: 0, none: 1 }), apply: (y, v) => y.setDisplay(v === 'none' ? Display.None : Display.Flex) },
  direction: enumProp(LAYOUT_DIRECTION, (y, v) => y.setDirection(v), Direction.Inherit),
  position: {
    check: oneOf({ relative: 0, absolute: 1 }),
    apply: (y, v) => y.setPositionType(v === 'absolute' ? PositionType.Absolute : PositionType.Relative),
  },
  top: edgeProp(Edge.Top, inset, signed),
  right: edgeProp(Edge.Right, inset, signed),
  bottom: edgeProp(Edge.Bottom, inset, signed),
  left: edgeProp(Edge.Left, inset, signed),
  start: edgeProp(Edge.Start, inset, signed),
  end: edgeProp(Edge.End, inset, signed),
  width: { check: size, apply: (y, v) => y.setWidth(v as LengthValue) },
  height: { check: size, apply: (y, v) => y.setHeight(v as LengthValue) },
  minWidth: { check: nonNegative, apply: (y, v) => y.setMinWidth(v as Exclude<LengthValue, 'auto'>) },
  minHeight: { check: nonNegative, apply: (y, v) => y.setMinHeight(v as Exclude<LengthValue, 'auto'>) },
  maxWidth: { check: nonNegative, apply: (y, v) => y.setMaxWidth(v as Exclude<LengthValue, 'auto'>) },
  maxHeight: { check: nonNegative, apply: (y, v) => y.setMaxHeight(v as Exclude<LengthValue, 'auto'>) },
  aspectRatio: { check: number({ positive: true }), apply: (y, v) => y.setAspectRatio(v as number | undefined) },
  flexDirection: enumProp(DIRECTION, (y, v) => y.setFlexDirection(v), FlexDirection.Column),
  flexWrap: enumProp(WRAP, (y, v) => y.setFlexWrap(v), Wrap.NoWrap),
  flex: { check: number({ min: 0 }), apply: (y, v) => y.setFlex(v as number | undefined) },
  flexGrow: { check: number({ min: 0 }), apply: (y, v) => y.setFlexGrow(v as number | undefined) },
  flexShrink: { check: number({ min: 0 }), apply: (y, v) => y.setFlexShrink(v as number | undefined) },
  flexBasis: { check: size, apply: (y, v) => y.setFlexBasis(v as LengthValue) },
  justifyContent: enumProp(JUSTIFY, (y, v) => y.setJustifyContent(v), Justify.FlexStart),
  alignItems: enumProp(ALIGN, (y, v) => y.setAlignItems(v), Align.Stretch),
  alignSelf: enumProp(ALIGN, (y, v) => y.setAlignSelf(v), Align.Auto),
  alignContent: enumProp(ALIGN, (y, v) => y.setAlignContent(v), Align.FlexStart),
  gap: { check: nonNegative, apply: (y, v) => y.setGap(Gutter.All, v as number | `${number}%` | undefined) },
  rowGap: { check: nonNegative, apply: (y, v) => y.setGap(Gutter.Row, v as number | `${number}%` | undefined) },
  columnGap: { check: nonNegative, apply: (y, v) => y.setGap(Gutter.Column, v as number | `${number}%` | undefined) },
  padding: edgeProp(Edge.All, padding, nonNegative),
  paddingHorizontal: edgeProp(Edge.Horizontal, padding, nonNegative),
  paddingVertical: edgeProp(Edge.Vertical, padding, nonNegative),
  paddingTop: edgeProp(Edge.Top, padding, nonNegative),
  paddingRight: edgeProp(Edge.Right, padding, nonNegative),
  paddingBottom: edgeProp(Edge.Bottom, padding, nonNegative),
  paddingLeft: edgeProp(Edge.Left, padding, nonNegative),
  paddingStart: edgeProp(Edge.Start, padding, nonNegative),
  paddingEnd: edgeProp(Edge.End, padding, nonNegative),
  margin: edgeProp(Edge.All, margin, signedAuto),
  marginHorizontal: edgeProp(Edge.Horizontal, margin, signedAuto),
  marginVertical: edgeProp(Edge.Vertical, margin, signedAuto),
  marginTop: edgeProp(Edge.Top, margin, signedAuto),
  marginRight: edgeProp(Edge.Right, margin, signedAuto),
  marginBottom: edgeProp(Edge.Bottom, margin, signedAuto),
  marginLeft: edgeProp(Edge.Left, margin, signedAuto),
  marginStart: edgeProp(Edge.Start, margin, signedAuto),
  marginEnd: edgeProp(Edge.End, margin, signedAuto),
  borderWidth: edgeProp(Edge.All, border, widthCheck),
  borderTopWidth: edgeProp(Edge.Top, border, widthCheck),
  borderRightWidth: edgeProp(Edge.Right, border, widthCheck),
  borderBottomWidth: edgeProp(Edge.Bottom, border, widthCheck),
  borderLeftWidth: edgeProp(Edge.Left, border, widthCheck),
  borderStartWidth: edgeProp(Edge.Start, border, widthCheck),
  borderEndWidth: edgeProp(Edge.End, border, widthCheck),
  overflow: {
    check: oneOf({ visible: 0, hidden: 1 }),
    apply: (y, v) => y.setOverflow(v === 'hidden' ? Overflow.Hidden : Overflow.Visible),
  },
};

/** Whether a style key is a layout key. */
export function isLayoutKey(key: string): key is keyof LayoutStyle {
  return Object.prototype.hasOwnProperty.call(LAYOUT_PROPS, key);
}
