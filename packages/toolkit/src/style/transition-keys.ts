/**
 * What the `transition` style key may say, as types and the list of keys: kept apart from the
 * engine (animation/transition.ts), so that style types name it without importing animation.
 */

/** Keys a `transition` may name: numbers, colours and transforms. */
export const TRANSITIONABLE = [
  'opacity', 'transform', 'backgroundColor', 'borderColor', 'color',
  'borderRadius', 'borderTopLeftRadius', 'borderTopRightRadius', 'borderBottomRightRadius', 'borderBottomLeftRadius',
  'width', 'height', 'minWidth', 'minHeight', 'maxWidth', 'maxHeight',
  'top', 'right', 'bottom', 'left', 'start', 'end',
  'padding', 'paddingHorizontal', 'paddingVertical', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'paddingStart', 'paddingEnd',
  'margin', 'marginHorizontal', 'marginVertical', 'marginTop', 'marginRight', 'marginBottom', 'marginLeft', 'marginStart', 'marginEnd',
  'gap', 'rowGap', 'columnGap', 'borderWidth', 'fontSize', 'letterSpacing',
] as const;

export type TransitionKey = (typeof TRANSITIONABLE)[number];
/** The easings a transition may name (animation/animate.ts's `easings`). */
export type EasingName = 'linear' | 'easeIn' | 'easeOut' | 'easeInOut';

/** How one key animates: a duration in ms, or a duration with an easing (default `easeOut`). */
export type TransitionSpec = number | { duration: number; easing?: EasingName | ((t: number) => number) };

/** The `transition` style key: which keys animate, and how. */
export type Transition = { [K in TransitionKey]?: TransitionSpec };

