/** Scrolling: the Scroller model that scrolling widgets share, and the physics under it. */
export { Scroller, SCROLL_ANIMATION_MS, type ScrollerOptions } from './scroller.js';
export { SCROLL_LINE, type ScrollExtents, type FrameSource } from './options.js';
export type { SnapSpec } from './snap.js';
export {
  FrictionSimulation, SpringSimulation, rubberBand, rubberBandDistance,
  FRICTION, REST_DISTANCE, SPRING_TOLERANCE, RUBBER_BAND, SPRING_BACK_MS, type Simulation,
} from './physics.js';
export { PAGE_FLING_VELOCITY, SNAP_MAX_FRICTION, SNAP_MIN_VELOCITY } from './snap.js';
