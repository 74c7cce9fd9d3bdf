// Types of scroll.mjs, for the host tests that scroll the same list or render it headless.
import type { App, FrameStats, JSXElement, ScrollMetrics, Signal } from '@planar/toolkit';

export interface ScrollStep { name: string; y: number }
/** A rendered window, content px along the list. */
export interface ScrollWindow { start: number; end: number }
export interface ScrollRecord {
  name: string;
  y: number;
  /** false for `start`, the first frame: nothing scrolled. */
  scrolled: boolean;
  /** The frame the scroll made (the first frame's for `start`). */
  stats: FrameStats;
  windowBefore: ScrollWindow | null;
  windowAfter: ScrollWindow | null;
  /** What the frames after the scroll painted ahead, until the app settled. */
  ahead: { frames: number; damagedPx: number; copiedBytes: number };
}
export interface ScrollList {
  offset: Signal<{ x: number; y: number }>;
  root: () => JSXElement;
  metrics: () => ScrollMetrics | null;
}

export declare const SCROLL_OUTPUT: { width: number; height: number };
export declare const LIST_BOX: { x: number; y: number; width: number; height: number };
export declare const ROWS: number;
export declare const ROW_HEIGHT: number;
export declare const SCROLL_STEPS: ScrollStep[];
export declare function scrollPage(offset: () => { x: number; y: number }, onMetrics?: (m: ScrollMetrics) => void): JSXElement;
export declare function scrollList(y?: number): ScrollList;
export declare function showScrollSteps(
  app: App,
  list: ScrollList,
  shot: (step: ScrollStep, record: ScrollRecord) => Promise<void> | void,
  options: { quietMs: number; frameTimeoutMs?: number },
): Promise<ScrollRecord[]>;
