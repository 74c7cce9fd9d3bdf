/**
 * The floor for `raw.full.<size>`, `rss.raw` and `start.raw`: the demo's dashboard (a frozen
 * model) drawn by hand with CanvasKit and no toolkit — what a careful hand-written renderer
 * would do. It draws the same scene as the demo at every landscape size: the demo's scaled
 * type, spacing and colours (raw-layout.mjs), the same header, weather chip and clock, device
 * tiles with their glyphs, state pills, gradients and glow, the thermostat with its dial and
 * the glow of its arc, and the status card's events, divider and batteries (raw-icons.mjs).
 * The frame bench checks that the two frames agree pixel for pixel, within 2 %.
 *
 * Everything that can be prepared once is: paragraphs built and laid out, boxes with rounded
 * corners, gradients, shadows and drawings rendered into premultiplied images (as the toolkit
 * caches them), so a frame is only blitting images and drawing paragraphs.
 */
import CanvasKitInit from 'canvaskit-wasm';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { colors, dashboardLayout, kindColors, snap, snapText } from './raw-layout.mjs';
import { drawDeviceIcon, drawGauge, drawStepGlyph, drawWeatherIcon } from './raw-icons.mjs';

const require = createRequire(import.meta.url);

export async function loadCanvasKit() {
  const bin = path.dirname(require.resolve('canvaskit-wasm/bin/canvaskit.wasm'));
  return CanvasKitInit({ locateFile: (f) => path.join(bin, f) });
}

export function fontProvider(ck) {
  const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const provider = ck.TypefaceFontProvider.Make();
  for (const f of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) provider.registerFont(readFileSync(path.join(dir, f)), 'DejaVu Sans');
  return provider;
}

const DEVICES = [
  ['Ceiling light', 'Kitchen', 'light', false, '80%'], ['Floor lamp', 'Living room', 'light', true, '60%'],
  ['Bedside lamp', 'Bedroom', 'light', false, '35%'], ['Porch light', 'Entrance', 'light', true, '100%'],
  ['Coffee maker', 'Kitchen', 'plug', false, '1150 W'], ['Desk plug', 'Office', 'plug', true, '64 W'],
  ['Ceiling fan', 'Bedroom', 'fan', false, 'Speed 2'], ['Blinds', 'Living room', 'blinds', true, null],
  ['Blinds', 'Bedroom', 'blinds', false, null],
];
const EVENTS = [
  ['Motion in the hallway', '08:47', 'info'], ['Front door locked', '08:12', 'ok'], ['Washing machine finished', '07:55', 'info'],
  ['Back door opened', '07:31', 'warn'], ['Porch light turned on', '06:58', 'info'], ['Heating schedule started', '06:30', 'info'],
];
const BATTERIES = [['Window sensor', 12], ['Hallway sensor', 46], ['Front door lock', 82], ['Smoke alarm', 91]];
const TONES = { info: colors.cool, ok: colors.ok, warn: colors.warn };
const batteryColor = (level) => (level < 20 ? colors.danger : level < 50 ? colors.warn : colors.ok);

/** '#rgb', '#rrggbb', '#rrggbbaa' or 'rgba(r,g,b,a)' as a CanvasKit colour. */
function color(ck, css) {
  const m = /^rgba\((\d+),(\d+),(\d+),([\d.]+)\)$/.exec(css.replace(/\s/g, ''));
  if (m) return ck.Color4f(+m[1] / 255, +m[2] / 255, +m[3] / 255, +m[4]);
  let h = css.slice(1);
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  const byte = (i) => parseInt(h.slice(i, i + 2), 16) / 255;
  return ck.Color4f(byte(0), byte(2), byte(4), h.length === 8 ? byte(6) : 1);
}

/** Prepares the scene for a width×height surface; returns { draw(canvas), dispose() }. */
export function prepareScene(ck, provider, width, height) {
  const L = dashboardLayout(width, height, DEVICES.length);
  const { font, scale: s, gap, cardPad } = L;
  const owned = [];
  const ops = [];
  const keep = (o) => (owned.push(o), o);

  /** A paragraph from runs [text, { bold }] in one size and colour; { p, w, h } with the toolkit's measured size. */
  const para = (runs, size, css, { bold = false, letterSpacing = 0 } = {}) => {
    const style = (b) => ({
      color: color(ck, css), fontFamilies: ['DejaVu Sans'], fontSize: size, letterSpacing,
      fontStyle: { weight: b ? ck.FontWeight.Bold : ck.FontWeight.Normal, slant: ck.FontSlant.Upright },
    });
    const builder = ck.ParagraphBuilder.MakeFromFontProvider(new ck.ParagraphStyle({ textStyle: style(bold) }), provider);
    for (const run of typeof runs === 'string' ? [[runs]] : runs) {
      if (run[1]?.bold) builder.pushStyle(new ck.TextStyle(style(true)));
      builder.addText(run[0]);
      if (run[1]?.bold) builder.pop();
    }
    const p = keep(builder.build());
    builder.delete();
    p.layout(1e6);
    return { p, w: Math.ceil(p.getMaxIntrinsicWidth()), h: Math.ceil(p.getHeight()) };
  };
  // Callers place text at whole pixels: a parent's position plus snapText() of the offset in it.
  const text = (t, x, y) => ops.push({ p: t.p, x, y });

  /** A premultiplied image `w`×`h` drawn once by `fn`. */
  const imageOf = (w, h, fn) => {
    const memory = ck.Malloc(Uint8Array, w * h * 4);
    const surface = ck.MakeRasterDirectSurface(
      { width: w, height: h, colorType: ck.ColorType.RGBA_8888, alphaType: ck.AlphaType.Premul, colorSpace: ck.ColorSpace.SRGB }, memory, w * 4);
    const c = surface.getCanvas();
    c.clear(ck.TRANSPARENT);
    fn(c);
    surface.flush();
    const image = keep(surface.makeImageSnapshot());
    surface.delete();
    ck.Free(memory);
    return image;
  };
  const blit = (image, x, y) => ops.push({ image, x, y });
  const rrect = (x, y, w, h, r) => ck.RRectXY(ck.XYWHRect(x, y, w, h), Math.min(r, w / 2, h / 2), Math.min(r, w / 2, h / 2));
  /** A box at unrounded (x, y, w, h), snapped as the layout does: fill (colour or [angle, from, to]), 1 px border, radius. */
  const box = (x, y, w, h, { fill, border, radius = 0 }) => {
    const X = snap(x), Y = snap(y), W = snap(x + w) - X, H = snap(y + h) - Y;
    blit(imageOf(W, H, (c) => {
      const paint = new ck.Paint();
      paint.setAntiAlias(true);
      const outer = rrect(0, 0, W, H, radius);
      if (Array.isArray(fill)) {
        const a = ((fill[0] - 90) * Math.PI) / 180, half = (Math.abs(W * Math.cos(a)) + Math.abs(H * Math.sin(a))) / 2;
        const dx = Math.cos(a) * half, dy = Math.sin(a) * half;
        const shader = ck.Shader.MakeLinearGradient([W / 2 - dx, H / 2 - dy], [W / 2 + dx, H / 2 + dy], [color(ck, fill[1]), color(ck, fill[2])], [0, 1], ck.TileMode.Clamp);
        paint.setShader(shader);
        c.drawRRect(outer, paint);
        paint.setShader(null);
        shader.delete();
      } else if (fill) {
        paint.setColor(color(ck, fill));
        c.drawRRect(outer, paint);
      }
      if (border) {
        paint.setColor(color(ck, border));
        c.drawDRRect(outer, rrect(1, 1, W - 2, H - 2, Math.max(0, Math.min(radius, W / 2, H / 2) - 1)), paint);
      }
      paint.delete();
    }), X, Y);
    return { x: X, y: Y, w: W, h: H };
  };
  /** A blurred shadow under a box (the toolkit's: sigma blur / 2, `reach` px of room). */
  const shadow = (b, css, blur, offsetY, radius) => {
    const reach = Math.ceil(blur * 1.5) + 1;
    blit(imageOf(b.w + 2 * reach, b.h + 2 * reach, (c) => {
      const paint = new ck.Paint();
      paint.setAntiAlias(true);
      paint.setColor(color(ck, css));
      const filter = ck.MaskFilter.MakeBlur(ck.BlurStyle.Normal, blur / 2, false);
      paint.setMaskFilter(filter);
      filter.delete();
      c.drawRRect(rrect(reach, reach, b.w, b.h, radius), paint);
      paint.delete();
    }), b.x - reach, b.y + offsetY - reach);
  };
  const drawing = (x, y, size, fn) => blit(imageOf(size, size, fn), snap(x), snap(y));

  box(0, 0, width, height, { fill: [180, colors.backgroundTop, colors.background] });
  header(L, { para, text, box, drawing, ck });

  // Device tiles, row by row.
  const top = L.pad + L.headerHeight + gap;
  const { columns, tileWidth: tw, tileHeight: th } = L.grid;
  const inner = Math.max(6, Math.round(12 * s));
  DEVICES.forEach(([name, room, kind, on, level], i) => {
    const x = L.pad + (i % columns) * (tw + gap), y = top + Math.floor(i / columns) * (th + gap);
    const tint = kindColors[kind];
    if (on) {
      const b = { x: snap(x), y: snap(y), w: tw, h: th };
      shadow(b, `${tint.on}55`, Math.round(14 * s), Math.round(3 * s), L.radius);
      box(x, y, tw, th, { fill: [135, tint.on, tint.onEnd], border: tint.onEnd, radius: L.radius });
    } else box(x, y, tw, th, { fill: colors.tileOff, border: colors.tileOffBorder, radius: L.radius });
    const cx = x + 1 + inner, cy = y + 1 + inner, cw = tw - 2 - 2 * inner, ch = th - 2 - 2 * inner;
    drawing(cx, cy, L.icon, (c) => drawDeviceIcon(ck, c, kind, on, L.icon));
    const ph = Math.max(5, Math.round(9 * s)), pv = Math.max(2, Math.round(3 * s));
    const state = para(kind === 'blinds' ? (on ? 'Open' : 'Closed') : (on ? 'On' : 'Off'), font.small, on ? tint.text : colors.textDim, { bold: true });
    const pw = state.w + 2 * ph;
    box(cx + cw - pw, cy, pw, state.h + 2 * pv, { fill: on ? 'rgba(0,0,0,0.16)' : colors.iconOff, radius: 999 });
    text(state, cx + cw - pw + ph, cy + pv);
    const title = para(name, font.body, on ? tint.text : colors.text, { bold: true });
    const where = para(on && level ? `${room} · ${level}` : room, font.small, on ? tint.text : colors.textDim);
    const lineGap = Math.max(1, Math.round(2 * s));
    const by = cy + ch - (title.h + lineGap + where.h);
    text(title, cx, by);
    text(where, cx, by + title.h + lineGap);
  });

  const sideX = L.pad + L.grid.width + gap;
  thermostat(L, sideX, top, { para, text, box, drawing, ck });
  statusCard(L, sideX, top + L.thermostat.height + gap, { para, text, box });

  return {
    draw(c) {
      for (const op of ops) {
        if (op.p) c.drawParagraph(op.p, op.x, op.y);
        else c.drawImageOptions(op.image, op.x, op.y, ck.FilterMode.Nearest, ck.MipmapMode.None, null);
      }
    },
    dispose() {
      for (const o of owned) o.delete();
    },
  };
}

/** The top bar: name and date on the left; the weather chip and the clock on the right. */
function header(L, { para, text, box, drawing, ck }) {
  const { font, scale: s, pad, headerHeight: H } = L;
  const name = para('Maple House', font.title, colors.text, { bold: true });
  const date = para('Tue 14 Jan · 3 devices on', font.small, colors.textDim);
  const lineGap = Math.max(1, Math.round(2 * s));
  const colY = pad + snap((H - (name.h + lineGap + date.h)) / 2);
  text(name, pad, colY);
  text(date, pad, colY + name.h + lineGap);

  const icon = Math.round(font.body * 1.5);
  const chipGap = Math.max(3, Math.round(6 * s)), pl = Math.max(4, Math.round(8 * s)), pr = Math.max(6, Math.round(12 * s)), pv = Math.max(2, Math.round(4 * s));
  const weather = para([['12°', { bold: true }], [' Partly cloudy']], font.small, colors.text);
  const clock = para('09:41', font.clock, colors.text, { bold: true });
  const innerH = Math.max(icon, weather.h);
  const chipW = 2 + pl + icon + chipGap + weather.w + pr, chipH = 2 + 2 * pv + innerH;
  const groupGap = Math.round(L.gap * 1.4), groupW = chipW + groupGap + clock.w, groupH = Math.max(chipH, clock.h);
  const gx = L.width - pad - groupW, gy = pad + snap((H - groupH) / 2);
  const chipY = gy + snap((groupH - chipH) / 2);
  box(gx, chipY, chipW, chipH, { fill: colors.chip, border: colors.cardBorder, radius: 999 });
  drawing(gx + 1 + pl, chipY + snap(1 + pv + (innerH - icon) / 2), icon, (c) => drawWeatherIcon(ck, c, icon));
  text(weather, gx + 1 + pl + icon + chipGap, chipY + snapText(1 + pv + (innerH - weather.h) / 2));
  text(clock, gx + chipW + groupGap, gy + snapText((groupH - clock.h) / 2));
}

/** The thermostat card: title and mode, − and + around the dial, the setpoint in its middle. */
function thermostat(L, x, y, { para, text, box, drawing, ck }) {
  const { font, scale: s, cardPad, gap } = L;
  const { width: w, height: h, gauge: g, button: b } = L.thermostat;
  box(x, y, w, h, { fill: colors.card, border: colors.cardBorder, radius: L.radius });
  const ix = x + 1 + cardPad, iy = y + 1 + cardPad, iw = w - 2 - 2 * cardPad, ih = h - 2 - 2 * cardPad;
  const title = para('THERMOSTAT', font.small, colors.textDim, { bold: true, letterSpacing: 0.5 });
  const mode = para('Heating', font.small, colors.heat);
  const dot = Math.max(5, Math.round(7 * s)), dotGap = Math.max(3, Math.round(5 * s));
  const modeH = Math.max(dot, mode.h), rowH = Math.max(title.h, modeH);
  text(title, ix, iy + snapText((rowH - title.h) / 2));
  const mx = ix + iw - (dot + dotGap + mode.w), my = iy + snap((rowH - modeH) / 2);
  box(mx, my + snap((modeH - dot) / 2), dot, dot, { fill: colors.heat, radius: 99 });
  text(mode, mx + dot + dotGap, my + snapText((modeH - mode.h) / 2));

  const rowY = iy + rowH + Math.round(gap / 2), rowHeight = ih - rowH - Math.round(gap / 2);
  for (const [label, bx] of [['−', ix], ['+', ix + iw - b]]) {
    const by = rowY + snap((rowHeight - b) / 2);
    box(bx, by, b, b, { fill: colors.button, border: colors.buttonBorder, radius: b / 2 });
    const icon = 24;
    drawing(bx + snap((b - icon) / 2), by + snap((b - icon) / 2), icon, (c) => drawStepGlyph(ck, c, label === '+' ? '+' : '−', icon));
  }
  const gx = ix + snap((iw - g) / 2), gy = rowY + snap((rowHeight - g) / 2);
  drawing(gx, gy, g, (c) => drawGauge(ck, c, g, { setpoint: 21, measured: 20.4, heating: true }));
  const labelSize = Math.max(8, Math.round(g * 0.062));
  const lines = [
    ...(g >= 120 ? [para('Heating to', labelSize, colors.textDim)] : []),
    para('21.0°', Math.round(g * 0.17), colors.text, { bold: true }),
    para('Indoor 20.4°', labelSize, colors.textDim),
  ];
  let ty = (g - lines.reduce((n, t) => n + t.h, 0)) / 2;
  for (const t of lines) {
    text(t, gx + snapText((g - t.w) / 2), gy + snapText(ty));
    ty += t.h;
  }
}

/** The status card: recent events, a divider, the lowest batteries. */
function statusCard(L, x, y, { para, text, box }) {
  const { font, scale: s, cardPad, gap } = L;
  const { width: w, height: h, rowHeight: rh, eventRows, batteryRows } = L.status;
  box(x, y, w, h, { fill: colors.card, border: colors.cardBorder, radius: L.radius });
  const ix = x + 1 + cardPad, iy = y + 1 + cardPad, iw = w - 2 - 2 * cardPad, half = Math.round(gap / 2);
  const title = para('STATUS', font.small, colors.textDim, { bold: true, letterSpacing: 0.5 });
  text(title, ix, iy);
  const dot = Math.max(5, Math.round(7 * s)), rowGap = Math.max(4, Math.round(8 * s));
  let ry = iy + title.h + half;
  for (const [what, time, tone] of EVENTS.slice(0, eventRows)) {
    box(ix, ry + snap((rh - dot) / 2), dot, dot, { fill: TONES[tone], radius: dot });
    const t = para(what, font.small, colors.text), at = para(time, font.small, colors.textDim);
    text(t, ix + dot + rowGap, ry + snapText((rh - t.h) / 2));
    text(at, ix + iw - at.w, ry + snapText((rh - at.h) / 2));
    ry += rh;
  }
  ry += half;
  box(ix, ry, iw, 1, { fill: colors.cardBorder });
  ry += 1 + half;
  const bw = Math.max(14, Math.round(22 * s)), bh = Math.max(7, Math.round(11 * s)), br = Math.max(2, Math.round(3 * s));
  for (const [name, level] of [...BATTERIES].sort((a, b) => a[1] - b[1]).slice(0, batteryRows)) {
    const by = ry + snap((rh - bh) / 2);
    box(ix, by, bw, bh, { border: colors.textDim, radius: br });
    box(ix + 2, by + 2, (bw - 4) * Math.max(8, level) / 100, bh - 4, { fill: batteryColor(level), radius: 1 });
    const t = para(name, font.small, colors.text), pct = para(`${level}%`, font.small, batteryColor(level), { bold: true });
    text(t, ix + bw + rowGap, ry + snapText((rh - t.h) / 2));
    text(pct, ix + iw - pct.w, ry + snapText((rh - pct.h) / 2));
    ry += rh;
  }
}

/** A premultiplied RGBA surface over CK.Malloc memory, as the toolkit uses. */
export function directSurface(ck, width, height) {
  const memory = ck.Malloc(Uint8Array, width * height * 4);
  const surface = ck.MakeRasterDirectSurface(
    { width, height, colorType: ck.ColorType.RGBA_8888, alphaType: ck.AlphaType.Premul, colorSpace: ck.ColorSpace.SRGB },
    memory, width * 4,
  );
  return { surface, memory, dispose() { surface.delete(); ck.Free(memory); } };
}
