/**
 * The focus ring of a scrolling box, drawn over its viewport from inside the content (where
 * it stays above the content's layer), as four thin edges placed at the offset each frame:
 * a scroll frame repaints only those edges, never the area they frame.
 */
import { View, computed, type ReadonlySignal } from '@planar/toolkit';
import type { ViewportSizes } from './scrollbar.js';

const WIDTH = 2;

export interface ViewportRingProps {
  shown: () => boolean;
  sizes: ReadonlySignal<ViewportSizes | null>;
  /** The offset the content is shown at. */
  offset: ReadonlySignal<{ x: number; y: number }>;
  color: () => string;
}

/** A ring around the viewport, in content coordinates, kept inside the content's box. */
export function ViewportRing(props: ViewportRingProps) {
  const frame = computed(() => {
    const m = props.sizes.value;
    if (!m || !props.shown()) return null;
    const o = props.offset.value;
    const left = Math.max(0, o.x), top = Math.max(0, o.y);
    const right = Math.min(m.contentWidth, o.x + m.viewportWidth), bottom = Math.min(m.contentHeight, o.y + m.viewportHeight);
    return right - left > 2 * WIDTH && bottom - top > 2 * WIDTH ? { left, top, right, bottom } : null;
  });
  const edge = (place: (f: { left: number; top: number; right: number; bottom: number }) => object) => (
    <View style={() => {
      const f = frame.value;
      return f
        ? { display: 'flex' as const, position: 'absolute' as const, backgroundColor: props.color(), ...place(f) }
        : { display: 'none' as const, position: 'absolute' as const };
    }} />
  );
  return [
    edge((f) => ({ left: f.left, top: f.top, width: f.right - f.left, height: WIDTH })),
    edge((f) => ({ left: f.left, top: f.bottom - WIDTH, width: f.right - f.left, height: WIDTH })),
    edge((f) => ({ left: f.left, top: f.top + WIDTH, width: WIDTH, height: f.bottom - f.top - 2 * WIDTH })),
    edge((f) => ({ left: f.right - WIDTH, top: f.top + WIDTH, width: WIDTH, height: f.bottom - f.top - 2 * WIDTH })),
  ];
}
