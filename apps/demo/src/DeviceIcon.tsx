/**
 * A device glyph drawn with CanvasKit: bulb, plug, fan or blinds, in a round badge.
 */
import { Canvas, type ReadonlySignal } from '@planar/toolkit';
import type { DeviceKind } from './model.js';
import { withPaints, type SkCanvas, type CK } from '@planar/widgets';
import { colors, kindColors } from './theme.js';

type Paint = Parameters<Parameters<typeof withPaints>[1]>[0];

function bulb(c: SkCanvas, paint: Paint, x: number, y: number, s: number, color: string, on: boolean): void {
  const w = Math.max(1.5, s * 0.085);
  if (on) c.drawCircle(x, y - s * 0.1, s * 0.24, paint({ color, alpha: 0.25 }));
  c.drawCircle(x, y - s * 0.1, s * 0.21, paint({ color, stroke: w }));
  c.drawLine(x - s * 0.1, y + s * 0.2, x + s * 0.1, y + s * 0.2, paint({ color, stroke: w }));
  c.drawLine(x - s * 0.07, y + s * 0.3, x + s * 0.07, y + s * 0.3, paint({ color, stroke: w }));
}

function plug(c: SkCanvas, paint: Paint, ck: CK, x: number, y: number, s: number, color: string): void {
  const w = Math.max(1.5, s * 0.085);
  c.drawLine(x - s * 0.1, y - s * 0.32, x - s * 0.1, y - s * 0.16, paint({ color, stroke: w }));
  c.drawLine(x + s * 0.1, y - s * 0.32, x + s * 0.1, y - s * 0.16, paint({ color, stroke: w }));
  c.drawRRect(ck.RRectXY(ck.LTRBRect(x - s * 0.22, y - s * 0.16, x + s * 0.22, y + s * 0.12), s * 0.08, s * 0.08), paint({ color, stroke: w }));
  c.drawLine(x, y + s * 0.12, x, y + s * 0.32, paint({ color, stroke: w }));
}

function fan(c: SkCanvas, paint: Paint, ck: CK, x: number, y: number, s: number, color: string): void {
  for (const angle of [0, 120, 240]) {
    c.save();
    c.rotate(angle - 90, x, y);
    c.drawOval(ck.LTRBRect(x + s * 0.05, y - s * 0.09, x + s * 0.34, y + s * 0.09), paint({ color }));
    c.restore();
  }
  c.drawCircle(x, y, s * 0.08, paint({ color }));
}

function blinds(c: SkCanvas, paint: Paint, ck: CK, x: number, y: number, s: number, color: string, open: boolean): void {
  const w = Math.max(1.2, s * 0.06);
  const left = x - s * 0.24, right = x + s * 0.24, top = y - s * 0.26, bottom = y + s * 0.26;
  c.drawRRect(ck.RRectXY(ck.LTRBRect(left, top, right, bottom), s * 0.04, s * 0.04), paint({ color, stroke: w, alpha: 0.55 }));
  const slats = open ? 2 : 5;
  for (let i = 0; i < slats; i++) {
    const sy = top + s * 0.05 + i * s * 0.095;
    c.drawLine(left + w, sy, right - w, sy, paint({ color, stroke: w * 1.3, cap: 'butt' }));
  }
}

export function DeviceIcon(props: { kind: DeviceKind; on: ReadonlySignal<boolean>; size: number }) {
  const { kind, size } = props;
  return (
    <Canvas
      style={{ width: size, height: size }}
      draw={(c, { width, height }, ck) => {
        const on = props.on.value;
        const x = width / 2, y = height / 2, s = Math.min(width, height);
        const color = on ? kindColors[kind].text : colors.textDim;
        withPaints(ck, (paint) => {
          c.drawCircle(x, y, s / 2, on ? paint({ color: '#ffffff', alpha: 0.28 }) : paint({ color: colors.iconOff }));
          if (kind === 'light') bulb(c, paint, x, y, s, color, on);
          else if (kind === 'plug') plug(c, paint, ck, x, y, s, color);
          else if (kind === 'fan') fan(c, paint, ck, x, y, s, color);
          else blinds(c, paint, ck, x, y, s, color, on);
        });
      }}
    />
  );
}
