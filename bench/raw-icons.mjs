/**
 * The raw floor's drawings: the demo's device glyphs, weather icon and thermostat dial (with
 * its glow and the knob's shadow), drawn with plain CanvasKit calls in a box of `s` px. The
 * strokes, sizes and colours are the demo's (apps/demo/src/DeviceIcon.tsx, WeatherIcon.tsx,
 * the widgets' Gauge and the thermostat's ± icon buttons), so the pictures match pixel for pixel.
 */
import { colors, kindColors } from './raw-layout.mjs';

/** Runs `fn` with a paint factory; every paint and filter it made is deleted afterwards. */
function withPaints(ck, fn) {
  const made = [];
  const paint = ({ color, alpha = 1, stroke, cap, blur }) => {
    const p = new ck.Paint();
    made.push(p);
    p.setAntiAlias(true);
    const n = parseInt(color.slice(1), 16);
    p.setColor(ck.Color((n >> 16) & 255, (n >> 8) & 255, n & 255, alpha));
    if (stroke !== undefined) {
      p.setStyle(ck.PaintStyle.Stroke);
      p.setStrokeWidth(stroke);
      p.setStrokeCap(cap === 'butt' ? ck.StrokeCap.Butt : ck.StrokeCap.Round);
    }
    if (blur) {
      const f = ck.MaskFilter.MakeBlur(ck.BlurStyle.Normal, blur, true);
      made.push(f);
      p.setMaskFilter(f);
    }
    return p;
  };
  try {
    fn(paint);
  } finally {
    for (const m of made) m.delete();
  }
}

/** A device glyph in its round badge, `s` px square. */
export function drawDeviceIcon(ck, c, kind, on, s) {
  const x = s / 2, y = s / 2;
  const color = on ? kindColors[kind].text : colors.textDim;
  withPaints(ck, (paint) => {
    c.drawCircle(x, y, s / 2, on ? paint({ color: '#ffffff', alpha: 0.28 }) : paint({ color: colors.iconOff }));
    const w = Math.max(1.5, s * 0.085);
    if (kind === 'light') {
      if (on) c.drawCircle(x, y - s * 0.1, s * 0.24, paint({ color, alpha: 0.25 }));
      c.drawCircle(x, y - s * 0.1, s * 0.21, paint({ color, stroke: w }));
      c.drawLine(x - s * 0.1, y + s * 0.2, x + s * 0.1, y + s * 0.2, paint({ color, stroke: w }));
      c.drawLine(x - s * 0.07, y + s * 0.3, x + s * 0.07, y + s * 0.3, paint({ color, stroke: w }));
    } else if (kind === 'plug') {
      c.drawLine(x - s * 0.1, y - s * 0.32, x - s * 0.1, y - s * 0.16, paint({ color, stroke: w }));
      c.drawLine(x + s * 0.1, y - s * 0.32, x + s * 0.1, y - s * 0.16, paint({ color, stroke: w }));
      c.drawRRect(ck.RRectXY(ck.LTRBRect(x - s * 0.22, y - s * 0.16, x + s * 0.22, y + s * 0.12), s * 0.08, s * 0.08), paint({ color, stroke: w }));
      c.drawLine(x, y + s * 0.12, x, y + s * 0.32, paint({ color, stroke: w }));
    } else if (kind === 'fan') {
      for (const angle of [0, 120, 240]) {
        c.save();
        c.rotate(angle - 90, x, y);
        c.drawOval(ck.LTRBRect(x + s * 0.05, y - s * 0.09, x + s * 0.34, y + s * 0.09), paint({ color }));
        c.restore();
      }
      c.drawCircle(x, y, s * 0.08, paint({ color }));
    } else {
      const bw = Math.max(1.2, s * 0.06);
      const left = x - s * 0.24, right = x + s * 0.24, top = y - s * 0.26, bottom = y + s * 0.26;
      c.drawRRect(ck.RRectXY(ck.LTRBRect(left, top, right, bottom), s * 0.04, s * 0.04), paint({ color, stroke: bw, alpha: 0.55 }));
      for (let i = 0; i < (on ? 2 : 5); i++) {
        const sy = top + s * 0.05 + i * s * 0.095;
        c.drawLine(left + bw, sy, right - bw, sy, paint({ color, stroke: bw * 1.3, cap: 'butt' }));
      }
    }
  });
}

/** A sun partly behind a cloud, `s` px square. */
export function drawWeatherIcon(ck, c, s) {
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
}

const MIN = 10, MAX = 30, START = 135, SWEEP = 270, SMALL_DIAL = 120;

/** The thermostat dial, `d` px square: track, ticks, the glowing setpoint arc, the measured dot and the knob. */
export function drawGauge(ck, c, d, { setpoint, measured, heating }) {
  const cx = d / 2, cy = d / 2, stroke = Math.max(4, d * 0.06), r = d / 2 - stroke * 1.6;
  const oval = ck.LTRBRect(cx - r, cy - r, cx + r, cy + r);
  const accent = heating ? colors.heat : colors.cool;
  const fraction = (t) => Math.min(1, Math.max(0, (t - MIN) / (MAX - MIN)));
  const at = (f, radius) => {
    const a = ((START + SWEEP * f) * Math.PI) / 180;
    return [cx + Math.cos(a) * radius, cy + Math.sin(a) * radius];
  };
  withPaints(ck, (paint) => {
    c.drawArc(oval, START, SWEEP, false, paint({ color: colors.track, stroke }));
    for (let i = 0; d >= SMALL_DIAL && i <= MAX - MIN; i++) {
      const major = i % 5 === 0;
      const [x0, y0] = at(i / (MAX - MIN), r - stroke * 1.1);
      const [x1, y1] = at(i / (MAX - MIN), r - stroke * (major ? 1.75 : 1.45));
      c.drawLine(x0, y0, x1, y1, paint({ color: major ? colors.textDim : colors.textFaint, stroke: Math.max(1, d * (major ? 0.011 : 0.007)) }));
    }
    const f = fraction(setpoint);
    c.drawArc(oval, START, SWEEP * f, false, paint({ color: accent, alpha: 0.5, stroke: stroke * 1.2, blur: stroke * 0.3 }));
    c.drawArc(oval, START, SWEEP * f, false, paint({ color: accent, stroke }));
    const [mx, my] = at(fraction(measured), r);
    c.drawCircle(mx, my, stroke * 0.22, paint({ color: colors.text, alpha: 0.9 }));
    const [kx, ky] = at(f, r);
    const knob = stroke * 0.85;
    c.drawCircle(kx, ky + knob * 0.15, knob, paint({ color: '#000000', alpha: 0.5, blur: knob * 0.35 }));
    c.drawCircle(kx, ky, knob, paint({ color: '#ffffff' }));
    c.drawCircle(kx, ky, knob * 0.42, paint({ color: accent }));
  });
}

/**
 * The thermostat's − or + glyph as the widgets' Icon draws it: the icon set's stroke on its
 * 24 × 24 grid (packages/widgets/src/icons.ts), 2 units wide with round caps, in a box of `s` px.
 */
export function drawStepGlyph(ck, c, sign, s) {
  withPaints(ck, (paint) => {
    const p = paint({ color: colors.text, stroke: 2 });
    p.setStrokeJoin(ck.StrokeJoin.Round);
    const path = ck.Path.MakeFromSVGString(sign === '+' ? 'M12 5v14M5 12h14' : 'M5 12h14');
    try {
      c.save();
      c.scale(s / 24, s / 24);
      c.drawPath(path, p);
      c.restore();
    } finally {
      path.delete();
    }
  });
}
