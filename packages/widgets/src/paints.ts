/**
 * Paints for `<Canvas>` drawing that are freed after the draw callback (the recorded picture
 * keeps what it needs): the Gauge draws with it, and so can an app's own icons.
 */
import { color4f, type DrawCallback } from '@planar/toolkit';

export type SkCanvas = Parameters<DrawCallback>[0];
export type CK = Parameters<DrawCallback>[2];
export type SkPaint = InstanceType<CK['Paint']>;

export interface PaintOptions {
  /** Any CSS colour, as in `style`. */
  color: string;
  alpha?: number;
  stroke?: number;
  cap?: 'round' | 'butt';
  blur?: number;
}

/**
 * Runs `fn` with a paint factory; every paint made is deleted afterwards.
 * @example withPaints(ck, (paint) => canvas.drawCircle(10, 10, 5, paint({ color: '#fff' })));
 */
export function withPaints(ck: CK, fn: (paint: (o: PaintOptions) => SkPaint) => void): void {
  const made: { delete(): void }[] = [];
  const paint = (o: PaintOptions): SkPaint => {
    const p = new ck.Paint();
    made.push(p);
    p.setAntiAlias(true);
    p.setColor(color4f(o.color, o.alpha ?? 1));
    if (o.stroke !== undefined) {
      p.setStyle(ck.PaintStyle.Stroke);
      p.setStrokeWidth(o.stroke);
      p.setStrokeCap(o.cap === 'butt' ? ck.StrokeCap.Butt : ck.StrokeCap.Round);
    } else {
      p.setStyle(ck.PaintStyle.Fill);
    }
    if (o.blur) {
      const filter = ck.MaskFilter.MakeBlur(ck.BlurStyle.Normal, o.blur, true);
      made.push(filter);
      p.setMaskFilter(filter);
    }
    return p;
  };
  try {
    fn(paint);
  } finally {
    for (const m of made) m.delete();
  }
}
