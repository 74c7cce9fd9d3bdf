/**
 * A sun partly behind a cloud, drawn with CanvasKit.
 */
import { Canvas } from '@planar/toolkit';
import { withPaints } from '@planar/widgets';

export function WeatherIcon(props: { size: number }) {
  return (
    <Canvas
      style={{ width: props.size, height: props.size }}
      draw={(c, { width, height }, ck) => {
        const s = Math.min(width, height);
        withPaints(ck, (paint) => {
          const sx = s * 0.62, sy = s * 0.36, sr = s * 0.2;
          for (let i = 0; i < 8; i++) {
            const a = (i * Math.PI) / 4;
            c.drawLine(sx + Math.cos(a) * sr * 1.35, sy + Math.sin(a) * sr * 1.35, sx + Math.cos(a) * sr * 1.75, sy + Math.sin(a) * sr * 1.75,
              paint({ color: '#ffc94d', stroke: Math.max(1, s * 0.06) }));
          }
          c.drawCircle(sx, sy, sr, paint({ color: '#ffc94d' }));
          const cloud = paint({ color: '#dfe6f0' });
          c.drawCircle(s * 0.3, s * 0.64, s * 0.16, cloud);
          c.drawCircle(s * 0.5, s * 0.56, s * 0.2, cloud);
          c.drawCircle(s * 0.7, s * 0.66, s * 0.14, cloud);
          c.drawRRect(ck.RRectXY(ck.LTRBRect(s * 0.14, s * 0.62, s * 0.84, s * 0.8), s * 0.09, s * 0.09), cloud);
        });
      }}
    />
  );
}
