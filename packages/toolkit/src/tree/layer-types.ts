/**
 * The node tree's vocabulary for layers that needs no node: plane preferences and the frames
 * an `ExternalLayer` shows. `node.ts` and `layer.ts` both build on it, so neither imports the
 * other's types in a circle.
 */
import type { ExternalFrame, FrameFormat } from '../backend/contract.js';

export type PlanePreference = 'auto' | 'prefer' | 'never';

/** Frames for an `ExternalLayer`, as the compositor reads them. */
export interface ExternalFrames {
  readonly width: number;
  readonly height: number;
  readonly format: FrameFormat;
  /** The frame to show now, or null before the first push. */
  readonly current: ExternalFrame | null;
  /** Counts pushes: the compositor shows a new frame when it changes. */
  readonly serial: number;
  /** A display reads `frame` (one call per import). */
  hold(frame: ExternalFrame): void;
  /** A display no longer reads `frame` (one call per `hold`). */
  released(frame: ExternalFrame): void;
  /** Calls `cb` on every push; returns the unsubscribe function. */
  watch(cb: () => void): () => void;
}

/** What a scroll layer reports after a frame: its viewport, its content and the part kept painted, logical px. */
export interface ScrollMetrics {
  viewportWidth: number;
  viewportHeight: number;
  contentWidth: number;
  contentHeight: number;
  /** The range of the content, along the scrolled axis, kept rendered around the viewport (rows there should exist). */
  windowStart: number;
  windowEnd: number;
}

/**
 * A scroll layer's state: the layer shows its content through its viewport (the node it was
 * written in), moved by the offsets. The compositor places it every frame.
 */
export interface ScrollInfo {
  axis: 'x' | 'y' | 'both';
  /** Logical px the content is scrolled by. */
  offsetX: number;
  offsetY: number;
  /** Bytes of rendered content (surfaces and display buffers) it may keep around the viewport. */
  budgetBytes: number;
  /** The content is at least as long as the viewport along the scrolled axis (its flexGrow children fill it). */
  fillViewport: boolean;
  /** Called after a frame in which the metrics changed. */
  onMetrics: ((metrics: ScrollMetrics) => void) | null;
  /** Asked to bring part of the content into view (content coordinates, logical px): focus moved there, or `scrollIntoView`. */
  onReveal: ((rect: { x: number; y: number; width: number; height: number }) => void) | null;
}
