/**
 * The resolved paint properties of a box, as the painter reads them every frame.
 * Built from `style` by the style binder; never holds a CanvasKit object.
 */
import type { Color4, ResolvedGradient, ResolvedShadow } from '../style/paint-props.js';
import type { TransformStep } from '../style/types.js';

export interface PaintProps {
  background: Color4 | null;
  gradient: ResolvedGradient | null;
  borderColor: Color4 | null;
  /** Corner radii: top-left, top-right, bottom-right, bottom-left. */
  radii: [number, number, number, number];
  opacity: number;
  shadow: ResolvedShadow | null;
  transform: TransformStep[] | null;
  origin: { x: number; y: number };
  clip: boolean;
  /**
   * On a layer node: its style's opacity and translate-only transform, applied to the layer's
   * placement instead of its pixels (so that fading or sliding a layer repaints nothing).
   */
  layerPlacement: { x: number; y: number; opacity: number };
}

export function emptyPaint(): PaintProps {
  return {
    background: null, gradient: null, borderColor: null, radii: [0, 0, 0, 0], opacity: 1,
    shadow: null, transform: null, origin: { x: 0.5, y: 0.5 }, clip: false,
    layerPlacement: { x: 0, y: 0, opacity: 1 },
  };
}
