/**
 * The `style` prop: CSS/React-Native-like names over Yoga's flexbox and Skia's painting.
 * A style is an object, a signal or a getter, and so may be each value in it.
 */
import type { Reactive } from '../jsx/reactive.js';
import type { Transition } from './transition-keys.js';

/** A length in logical pixels, or a percentage of the containing box. */
export type Length = number | `${number}%`;
/** A length, or 'auto'. */
export type LengthAuto = Length | 'auto';
/** A CSS colour: hex, rgb()/rgba(), hsl()/hsla() or a CSS name. */
export type Color = string;
/** An angle in degrees (number), or a string with `deg`, `rad` or `turn`. */
export type Angle = number | `${number}deg` | `${number}rad` | `${number}turn`;

export interface LinearGradient {
  type: 'linear';
  /** CSS convention: 180 (the default) runs top to bottom, 90 left to right. */
  angle?: number;
  colors: Color[];
  /** Positions 0..1 of each colour; evenly spread when omitted. */
  stops?: number[];
}

export interface RadialGradient {
  type: 'radial';
  /** Centre, relative to the box (0..1); defaults to 0.5. */
  centerX?: number;
  centerY?: number;
  /** Radius in px; defaults to the distance to the farthest corner. */
  radius?: number;
  colors: Color[];
  stops?: number[];
}

export type Gradient = LinearGradient | RadialGradient;

export interface Shadow {
  color?: Color;
  blur?: number;
  offsetX?: number;
  offsetY?: number;
  spread?: number;
}

/** One transform step; a `transform` is one of these or an array of them, applied in order. */
export interface TransformStep {
  translateX?: number;
  translateY?: number;
  scale?: number;
  scaleX?: number;
  scaleY?: number;
  rotate?: Angle;
}

export interface LayoutStyle {
  display?: 'flex' | 'none';
  /**
   * Which way rows run and where `start`/`end` are, for this box and what it holds: 'ltr',
   * 'rtl', or 'inherit' (the default: the parent's, and at the top the app's `direction`).
   * Rows, `flex-start`/`flex-end`, the `…Start`/`…End` edges and text's `start`/`end` follow it.
   */
  direction?: 'ltr' | 'rtl' | 'inherit';
  position?: 'relative' | 'absolute';
  top?: Length; right?: Length; bottom?: Length; left?: Length;
  /** Insets from the edge a line starts at (left in 'ltr', right in 'rtl') and the one it ends at. */
  start?: Length; end?: Length;
  width?: LengthAuto; height?: LengthAuto;
  minWidth?: Length; minHeight?: Length; maxWidth?: Length; maxHeight?: Length;
  aspectRatio?: number;
  flexDirection?: 'row' | 'column' | 'row-reverse' | 'column-reverse';
  flexWrap?: 'nowrap' | 'wrap' | 'wrap-reverse';
  /** Shorthand as in React Native: a positive number grows and shrinks the box from a basis of 0. */
  flex?: number;
  flexGrow?: number; flexShrink?: number; flexBasis?: LengthAuto;
  justifyContent?: 'flex-start' | 'center' | 'flex-end' | 'space-between' | 'space-around' | 'space-evenly';
  alignItems?: 'flex-start' | 'center' | 'flex-end' | 'stretch' | 'baseline';
  alignSelf?: 'auto' | 'flex-start' | 'center' | 'flex-end' | 'stretch' | 'baseline';
  alignContent?: 'flex-start' | 'center' | 'flex-end' | 'stretch' | 'space-between' | 'space-around' | 'space-evenly';
  gap?: Length; rowGap?: Length; columnGap?: Length;
  padding?: Length; paddingHorizontal?: Length; paddingVertical?: Length;
  paddingTop?: Length; paddingRight?: Length; paddingBottom?: Length; paddingLeft?: Length;
  /** Padding on the side a line starts at (left in 'ltr', right in 'rtl') / ends at; wins over Left/Right. */
  paddingStart?: Length; paddingEnd?: Length;
  margin?: LengthAuto; marginHorizontal?: LengthAuto; marginVertical?: LengthAuto;
  marginTop?: LengthAuto; marginRight?: LengthAuto; marginBottom?: LengthAuto; marginLeft?: LengthAuto;
  /** Margin on the side a line starts at / ends at (see `direction`); wins over Left/Right. */
  marginStart?: LengthAuto; marginEnd?: LengthAuto;
  borderWidth?: number; borderTopWidth?: number; borderRightWidth?: number; borderBottomWidth?: number; borderLeftWidth?: number;
  /** Border width on the side a line starts at / ends at (see `direction`); wins over Left/Right. */
  borderStartWidth?: number; borderEndWidth?: number;
  overflow?: 'visible' | 'hidden';
}

export interface VisualStyle {
  backgroundColor?: Color;
  backgroundGradient?: Gradient;
  borderColor?: Color;
  borderRadius?: number;
  borderTopLeftRadius?: number; borderTopRightRadius?: number;
  borderBottomRightRadius?: number; borderBottomLeftRadius?: number;
  opacity?: number;
  shadow?: Shadow;
  transform?: TransformStep | TransformStep[];
  /** The transform's origin relative to the box (0..1 each); defaults to the centre. */
  transformOrigin?: { x?: number; y?: number };
}

export interface TextStyle {
  /** A family, or a fallback list tried in order; the bundled 'DejaVu Sans' ends every list. */
  fontFamily?: string | string[];
  fontSize?: number;
  fontWeight?: number | 'normal' | 'bold';
  fontStyle?: 'normal' | 'italic';
  color?: Color;
  /** A multiple of the font size. */
  lineHeight?: number;
  letterSpacing?: number;
  /** 'start' (the default) and 'end' are the sides the paragraph's lines start and end at. */
  textAlign?: 'left' | 'right' | 'center' | 'justify' | 'start' | 'end';
  /** Lines shown at most; the last one ends with an ellipsis when text is cut. */
  maxLines?: number;
  /**
   * The paragraph's base direction, which orders its mixed runs (Unicode bidi) and places
   * `start`/`end`: 'inherit' (the default) takes the box's layout direction (see `direction`),
   * 'auto' the first strong letter of the text (for text from outside, such as names).
   */
  writingDirection?: 'ltr' | 'rtl' | 'auto' | 'inherit';
  textDecoration?: 'none' | 'underline' | 'line-through';
}

export interface MotionStyle {
  /**
   * Keys that animate when their value changes, with a duration in ms or `{ duration, easing }`.
   * @example { opacity: 150, backgroundColor: { duration: 200, easing: 'easeInOut' } }
   */
  transition?: Transition;
}

export interface Style extends LayoutStyle, VisualStyle, TextStyle, MotionStyle {}

/** A style whose values may each be reactive. */
export type StyleInput = { [K in keyof Style]?: Reactive<Style[K]> };

/** The `style` prop: an object, a signal or a getter. */
export type StyleProp = Reactive<StyleInput | undefined>;
