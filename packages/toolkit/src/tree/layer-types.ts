/**
 * The node tree's vocabulary for layers that needs no node: plane preferences and the frames
 * an `ExternalLayer` shows. `node.ts` and `layer.ts` both build on it, so neither imports the
 * other's types in a circle.
 */
import type { ExternalFrame, PixelFormat } from '../backend/contract.js';

export type PlanePreference = 'auto' | 'prefer' | 'never';

/** Frames for an `ExternalLayer`, as the compositor reads them. */
export interface ExternalFrames {
  readonly width: number;
  readonly height: number;
  readonly format: PixelFormat;
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
