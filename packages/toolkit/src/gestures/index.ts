/** Gesture recognisers: the hook, the event types, and the arena and velocity tracker behind them. */
export { useGestures, touchSlop, GESTURE_DEFAULTS, type GestureOptions } from './use-gestures.js';
export type { TapEvent } from './tap.js';
export type { LongPressEvent, LongPressOptions } from './long-press.js';
export type { PanEvent, PanEndEvent, PanHandlers, SwipeEvent } from './pan.js';
export type { PinchEvent, PinchHandlers } from './pinch.js';
export { VelocityTracker } from './velocity.js';
