/**
 * A bell in a round amber badge, drawn with CanvasKit.
 */
import { Canvas } from '@planar/toolkit';
import { withPaints } from '@planar/widgets';
import { colors } from './theme.js';

export function BellIcon(props: { size: number }) {
  return (
    <Canvas
      style={{ width: props.size, height: props.size }}
      draw={(c, { width, height }, ck) => {
        const s = Math.min(width, height), x = width / 2;
        const outline = new ck.PathBuilder();
        outline.moveTo(x - s * 0.25, s * 0.66);
        outline.lineTo(x - s * 0.19, s * 0.58);
        outline.lineTo(x - s * 0.19, s * 0.43);
        outline.cubicTo(x - s * 0.19, s * 0.22, x + s * 0.19, s * 0.22, x + s * 0.19, s * 0.43);
        outline.lineTo(x + s * 0.19, s * 0.58);
        outline.lineTo(x + s * 0.25, s * 0.66);
        outline.close();
        const bell = outline.detachAndDelete();
        try {
          withPaints(ck, (paint) => {
            c.drawCircle(x, height / 2, s / 2, paint({ color: colors.warn, alpha: 0.18 }));
            c.drawPath(bell, paint({ color: colors.warn }));
            c.drawCircle(x, s * 0.73, s * 0.06, paint({ color: colors.warn }));
            c.drawCircle(x, s * 0.24, s * 0.04, paint({ color: colors.warn }));
          });
        } finally {
          bell.delete();
        }
      }}
    />
  );
}
