/**
 * The thermostat dial: a 270° track with degree ticks, the setpoint arc with a knob at its
 * end, and a dot where the measured temperature is. Drawn with CanvasKit; it re-records when
 * the setpoint, the measured temperature or the mode changes.
 */
import { Canvas, type ReadonlySignal } from '@planar/toolkit';
import { SETPOINT_MAX, SETPOINT_MIN } from './model.js';
import { withPaints } from './draw.js';
import { colors } from './theme.js';

/** Dials smaller than this (px) have no ticks and only the temperatures in the middle. */
export const SMALL_DIAL = 120;
const START = 135;
const SWEEP = 270;

const fraction = (celsius: number) => Math.min(1, Math.max(0, (celsius - SETPOINT_MIN) / (SETPOINT_MAX - SETPOINT_MIN)));

export function Gauge(props: { size: number; setpoint: ReadonlySignal<number>; measured: ReadonlySignal<number>; heating: ReadonlySignal<boolean> }) {
  return (
    <Canvas
      testId="thermostat-gauge"
      style={{ position: 'absolute', left: 0, top: 0, width: props.size, height: props.size }}
      draw={(c, { width, height }, ck) => {
        const setpoint = props.setpoint.value, measured = props.measured.value, heating = props.heating.value;
        const d = Math.min(width, height);
        const cx = width / 2, cy = height / 2;
        const stroke = Math.max(4, d * 0.06);
        // Room inside the box for the glow and the knob's shadow, which the box clips.
        const r = d / 2 - stroke * 1.6;
        const oval = ck.LTRBRect(cx - r, cy - r, cx + r, cy + r);
        const accent = heating ? colors.heat : colors.cool;
        const at = (f: number, radius: number) => {
          const a = ((START + SWEEP * f) * Math.PI) / 180;
          return [cx + Math.cos(a) * radius, cy + Math.sin(a) * radius] as const;
        };
        withPaints(ck, (paint) => {
          c.drawArc(oval, START, SWEEP, false, paint({ color: colors.track, stroke }));
          // A tick per degree, longer every 5 °C; small dials leave them out for the text.
          const ticks = SETPOINT_MAX - SETPOINT_MIN;
          for (let i = 0; d >= SMALL_DIAL && i <= ticks; i++) {
            const major = i % 5 === 0;
            const [x0, y0] = at(i / ticks, r - stroke * 1.1);
            const [x1, y1] = at(i / ticks, r - stroke * (major ? 1.75 : 1.45));
            c.drawLine(x0, y0, x1, y1, paint({ color: major ? colors.textDim : colors.textFaint, stroke: Math.max(1, d * (major ? 0.011 : 0.007)) }));
          }
          const f = fraction(setpoint);
          c.drawArc(oval, START, SWEEP * f, false, paint({ color: accent, alpha: 0.5, stroke: stroke * 1.2, blur: stroke * 0.3 }));
          c.drawArc(oval, START, SWEEP * f, false, paint({ color: accent, stroke }));
          // The measured temperature, on the track.
          const [mx, my] = at(fraction(measured), r);
          c.drawCircle(mx, my, stroke * 0.22, paint({ color: colors.text, alpha: 0.9 }));
          // The knob.
          const [kx, ky] = at(f, r);
          const knob = stroke * 0.85;
          c.drawCircle(kx, ky + knob * 0.15, knob, paint({ color: '#000000', alpha: 0.5, blur: knob * 0.35 }));
          c.drawCircle(kx, ky, knob, paint({ color: '#ffffff' }));
          c.drawCircle(kx, ky, knob * 0.42, paint({ color: accent }));
        });
      }}
    />
  );
}
