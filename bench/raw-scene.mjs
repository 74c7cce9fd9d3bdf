/**
 * The floor for `raw.full.<size>` and `rss.raw`: the demo's dashboard drawn by hand with
 * CanvasKit and no toolkit — what a careful hand-written renderer would do. Everything that
 * can be prepared once is (paragraphs built and laid out, gradients and shadows rendered
 * into images, paints made), so a frame is only the drawing: the same element counts as the
 * demo (header, a 3x3 grid of device tiles with icons, badges and two labels each, the
 * thermostat card with its gauge, and the status card).
 */
import CanvasKitInit from 'canvaskit-wasm';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

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
  ['Ceiling light', 'Kitchen', false], ['Floor lamp', 'Living room · 60%', true], ['Bedside lamp', 'Bedroom', false],
  ['Porch light', 'Entrance · 100%', true], ['Coffee maker', 'Kitchen', false], ['Desk plug', 'Office · 64 W', true],
  ['Ceiling fan', 'Bedroom', false], ['Blinds', 'Living room', true], ['Blinds', 'Bedroom', false],
];
const EVENTS = [['Motion in the hallway', '08:47'], ['Front door locked', '08:12'], ['Washing machine finished', '07:55'], ['Back door opened', '07:31']];

/** Prepares the scene for a width×height surface; returns { draw(canvas), dispose() }. */
export function prepareScene(ck, provider, width, height) {
  const owned = [];
  const keep = (o) => (owned.push(o), o);
  const para = (text, size, color, bold = false, width = 1e6) => {
    const b = ck.ParagraphBuilder.MakeFromFontProvider(new ck.ParagraphStyle({
      textStyle: { color: ck.parseColorString(color), fontFamilies: ['DejaVu Sans'], fontSize: size, fontStyle: { weight: bold ? ck.FontWeight.Bold : ck.FontWeight.Normal } },
    }), provider);
    b.addText(text);
    const p = b.build();
    b.delete();
    p.layout(width);
    return keep(p);
  };
  const imageOf = (w, h, draw) => {
    const s = directSurface(ck, Math.ceil(w), Math.ceil(h));
    draw(s.surface.getCanvas());
    s.surface.flush();
    const img = s.surface.makeImageSnapshot();
    s.dispose();
    return keep(img);
  };
  const paint = (color, style = ck.PaintStyle.Fill, stroke = 0) => {
    const p = keep(new ck.Paint());
    p.setAntiAlias(true);
    p.setColor(ck.parseColorString(color));
    p.setStyle(style);
    if (stroke) p.setStrokeWidth(stroke);
    return p;
  };
  const pad = 14, gap = 10;
  const gridW = Math.round((width - 2 * pad - gap) * 0.62), sideW = width - 2 * pad - gap - gridW;
  const top = pad + 48, tileW = (gridW - 2 * gap) / 3, tileH = (height - top - pad - 2 * gap) / 3;
  // Cached images are premultiplied (drawing an unpremultiplied one converts it every time).
  const bg = imageOf(width, height, (c) => {
    const p = new ck.Paint();
    const sh = ck.Shader.MakeLinearGradient([0, 0], [0, height], [ck.parseColorString('#1b2130'), ck.parseColorString('#10131a')], null, ck.TileMode.Clamp);
    p.setShader(sh);
    c.drawRect(ck.XYWHRect(0, 0, width, height), p);
    sh.delete();
    p.delete();
  });
  const onTile = imageOf(tileW, tileH, (c) => {
    const p = new ck.Paint();
    p.setAntiAlias(true);
    const sh = ck.Shader.MakeLinearGradient([0, 0], [tileW, tileH], [ck.parseColorString('#f6a623'), ck.parseColorString('#ffd36b')], null, ck.TileMode.Clamp);
    p.setShader(sh);
    c.drawRRect(ck.RRectXY(ck.XYWHRect(0, 0, tileW, tileH), 12, 12), p);
    sh.delete();
    p.delete();
  });
  const shadow = imageOf(tileW + 40, tileH + 40, (c) => {
    const p = new ck.Paint();
    p.setAntiAlias(true);
    p.setColor(ck.Color(0, 0, 0, 0.35));
    const f = ck.MaskFilter.MakeBlur(ck.BlurStyle.Normal, 6, false);
    p.setMaskFilter(f);
    c.drawRRect(ck.RRectXY(ck.XYWHRect(20, 24, tileW, tileH), 12, 12), p);
    f.delete();
    p.delete();
  });
  const cardFill = paint('#222733'), cardBorder = paint('#2f3644', ck.PaintStyle.Stroke, 1), iconBg = paint('#2d3340');
  const iconStroke = paint('#c9d1dc', ck.PaintStyle.Stroke, 2), pill = paint('#3a4150'), pillOn = paint('#00000033');
  const track = paint('#3a4150', ck.PaintStyle.Stroke, 12), arc = paint('#ff8a3d', ck.PaintStyle.Stroke, 12), tick = paint('#8a93a3', ck.PaintStyle.Stroke, 2);
  track.setStrokeCap(ck.StrokeCap.Round);
  arc.setStrokeCap(ck.StrokeCap.Round);
  const white = paint('#ffffff'), dot = paint('#3fa9f5'), orange = paint('#ff8a3d'), image = keep(new ck.Paint());
  const tiles = DEVICES.map(([name, room, on]) => ({
    on, name: para(name, 13, on ? '#1b1b1b' : '#ffffff', true), room: para(room, 11, on ? '#3b3020' : '#9aa3b2'),
    badge: para(on ? 'On' : 'Off', 11, on ? '#2b2110' : '#aab2bf', true),
  }));
  const header = [para('Maple House', 19, '#ffffff', true), para('Tue 14 Jan · 3 devices on', 11, '#9aa3b2'), para('12° Partly cloudy', 11, '#ffffff', true), para('09:41', 28, '#ffffff', true)];
  const thermo = [para('THERMOSTAT', 11, '#9aa3b2', true), para('Heating', 11, '#ff8a3d'), para('Heating to', 11, '#9aa3b2'), para('21.0°', 28, '#ffffff', true), para('Indoor 20.4°', 10, '#9aa3b2'), para('−', 20, '#ffffff', true), para('+', 20, '#ffffff', true)];
  const status = [para('STATUS', 11, '#9aa3b2', true), ...EVENTS.flatMap(([t, time]) => [para(t, 11, '#ffffff', true), para(time, 11, '#9aa3b2')]), para('Window sensor', 11, '#ffffff'), para('12%', 11, '#ff5b5b', true)];
  const sideX = pad + gridW + gap, thermoH = (height - top - pad - gap) * 0.55, statusY = top + thermoH + gap;
  const card = (c, x, y, w, h) => {
    const r = ck.RRectXY(ck.XYWHRect(x, y, w, h), 12, 12);
    c.drawRRect(r, cardFill);
    c.drawRRect(r, cardBorder);
  };
  return {
    draw(c) {
      c.drawImage(bg, 0, 0, image);
      c.drawParagraph(header[0], pad, pad);
      c.drawParagraph(header[1], pad, pad + 26);
      c.drawRRect(ck.RRectXY(ck.XYWHRect(width - pad - 250, pad + 6, 145, 30), 15, 15), pill);
      c.drawCircle(width - pad - 232, pad + 21, 7, dot);
      c.drawParagraph(header[2], width - pad - 218, pad + 14);
      c.drawParagraph(header[3], width - pad - 86, pad + 4);
      tiles.forEach((t, i) => {
        const x = pad + (i % 3) * (tileW + gap), y = top + Math.floor(i / 3) * (tileH + gap);
        if (t.on) {
          c.drawImage(shadow, x - 20, y - 20, image);
          c.drawImage(onTile, x, y, image);
        } else card(c, x, y, tileW, tileH);
        c.drawCircle(x + 27, y + 27, 15, t.on ? pillOn : iconBg);
        c.drawCircle(x + 27, y + 24, 6, iconStroke);
        c.drawLine(x + 23, y + 32, x + 31, y + 32, iconStroke);
        c.drawRRect(ck.RRectXY(ck.XYWHRect(x + tileW - 50, y + 12, 38, 20), 10, 10), t.on ? pillOn : pill);
        c.drawParagraph(t.badge, x + tileW - 42, y + 15);
        c.drawParagraph(t.name, x + 12, y + tileH - 44);
        c.drawParagraph(t.room, x + 12, y + tileH - 24);
      });
      card(c, sideX, top, sideW, thermoH);
      c.drawParagraph(thermo[0], sideX + 12, top + 12);
      c.drawCircle(sideX + sideW - 62, top + 19, 3, orange);
      c.drawParagraph(thermo[1], sideX + sideW - 54, top + 12);
      const cx = sideX + sideW / 2, cy = top + thermoH / 2 + 10, rad = Math.min(sideW, thermoH) * 0.33;
      const oval = ck.LTRBRect(cx - rad, cy - rad, cx + rad, cy + rad);
      c.drawArc(oval, 135, 270, false, track);
      c.drawArc(oval, 135, 160, false, arc);
      for (let k = 0; k <= 30; k++) {
        const a = ((135 + k * 9) * Math.PI) / 180;
        c.drawLine(cx + Math.cos(a) * (rad - 16), cy + Math.sin(a) * (rad - 16), cx + Math.cos(a) * (rad - 22), cy + Math.sin(a) * (rad - 22), tick);
      }
      const ka = ((135 + 160) * Math.PI) / 180;
      c.drawCircle(cx + Math.cos(ka) * rad, cy + Math.sin(ka) * rad, 9, white);
      c.drawParagraph(thermo[2], cx - 28, cy - 30);
      c.drawParagraph(thermo[3], cx - 40, cy - 16);
      c.drawParagraph(thermo[4], cx - 32, cy + 20);
      for (const [k, bx] of [[5, sideX + 30], [6, sideX + sideW - 30]]) {
        c.drawCircle(bx, cy, 17, iconBg);
        c.drawParagraph(thermo[k], bx - 6, cy - 13);
      }
      card(c, sideX, statusY, sideW, height - pad - statusY);
      c.drawParagraph(status[0], sideX + 12, statusY + 12);
      EVENTS.forEach((_, k) => {
        const y = statusY + 36 + k * 20;
        c.drawCircle(sideX + 16, y + 7, 3, dot);
        c.drawParagraph(status[1 + 2 * k], sideX + 27, y);
        c.drawParagraph(status[2 + 2 * k], sideX + sideW - 46, y);
      });
      c.drawLine(sideX + 12, statusY + 120, sideX + sideW - 12, statusY + 120, cardBorder);
      c.drawRect(ck.XYWHRect(sideX + 14, statusY + 130, 20, 9), iconStroke);
      c.drawParagraph(status[9], sideX + 42, statusY + 128);
      c.drawParagraph(status[10], sideX + sideW - 40, statusY + 128);
    },
    dispose() {
      for (const o of owned) o.delete();
    },
  };
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
