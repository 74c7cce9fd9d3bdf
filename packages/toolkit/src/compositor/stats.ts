/** Per-frame figures, emitted with every `frame` event. Later fields are added, never renamed. */
export interface FrameStats {
  /** Frame number since start. */
  frame: number;
  /** Yoga layout and read-back; exactly 0 when nothing needed layout. */
  layoutMs: number;
  /** Bounds, damage and drawing. */
  paintMs: number;
  /** Copying damaged spans into display buffers. */
  copyMs: number;
  /** Pixels repainted, in all layers' surfaces. */
  damagedPx: number;
  /** Output pixels recomposed in software (composited layers blended over the root layer). */
  composedPx: number;
  /** Bytes written into display buffers. */
  copiedBytes: number;
  /** Visible layers, the root layer included. */
  layers: number;
  /** Planes used: layers on planes, plus the composition layer when some layer is composited. */
  planesUsed: number;
  /** Layers composited in software. */
  composited: number;
  /** Plane allocation time. */
  allocMs: number;
  /** The plane allocation search's budget, ms (0 when the last allocation was reused; see plane-budget.ts). */
  allocBudgetMs: number;
  /** Each composited layer and the first reason it was refused a plane: `"popup": plane 4: format XRGB8888 not supported`. */
  refused: string[];
  /** From commit to the display's present event. */
  presentLatencyMs: number;
  /** Whether no display buffer was free and the frame was skipped. */
  skipped: boolean;
  /** When the frame reached the screen, ms on the performance.now() clock (0 when it did not). */
  presentedAt: number;
  /**
   * Each visible `<ExternalLayer>` showing a frame: how its frame reached the output, a plane
   * scanning out the producer's buffer (0 bytes copied) or composited, and the bytes read from
   * the producer's buffer for it this frame; `serial` is the frame's push (the source's
   * `serial` after it), to tell which frame a present showed.
   */
  external: { layer: string; path: 'plane' | 'composited'; readBytes: number; serial: number }[];
}

export function emptyStats(frame = 0): FrameStats {
  return {
    frame, layoutMs: 0, paintMs: 0, copyMs: 0, damagedPx: 0, composedPx: 0, copiedBytes: 0,
    layers: 0, planesUsed: 0, composited: 0, allocMs: 0, allocBudgetMs: 0, refused: [], presentLatencyMs: 0, skipped: false, presentedAt: 0, external: [],
  };
}
