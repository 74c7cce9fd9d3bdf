/**
 * Paint: draws a subtree into a CanvasKit canvas, skipping every subtree whose bounds miss
 * the rect being repainted. For each box, in order: shadow (cached image), background
 * (colour, or cached gradient image), border, content (paragraph, image, picture), then the
 * children — clipped to the (rounded) box when `overflow: hidden`, composited through a
 * layer when `opacity` < 1.
 */
import type { Canvas, CanvasKit, Paint } from 'canvaskit-wasm';
import { canvasKit } from './canvaskit.js';
import { EffectCache } from './effect-cache.js';
import type { PlanarNode } from '../tree/node.js';
import { intersects, type Affine, type Rect } from '../tree/geometry.js';
import type { ResolvedGradient, ResolvedShadow } from '../style/paint-props.js';

export class Painter {
  readonly cache = new EffectCache();
  private readonly fill: Paint;
  private readonly ck: CanvasKit;

  /** `scale` is device pixels per logical pixel, for the resolution of cached images. */
  constructor(public scale: number) {
    this.ck = canvasKit();
    this.fill = new this.ck.Paint();
    this.fill.setAntiAlias(true);
  }

  /** Paints `node` and its descendants that intersect `clip` (layer coordinates). */
  paint(canvas: Canvas, node: PlanarNode, clip: Rect): void {
    if (node.hidden || !node.subtreeBounds || !intersects(node.subtreeBounds, clip)) return;
    if (!node.isBox) {
      for (const c of node.children) this.paint(canvas, c, clip);
      return;
    }
    const ck = this.ck;
    canvas.save();
    canvas.concat(toMatrix(node.local));
    const p = node.paint;
    if (p.opacity < 1) {
      const layer = new ck.Paint();
      layer.setAlphaf(p.opacity);
      canvas.saveLayer(layer);
      layer.delete();
    }
    if (node.bounds && intersects(node.bounds, clip)) this.paintBox(canvas, node);
    if (node.children.length) {
      if (p.clip) {
        const rrect = this.rrect(node, 0, node.layout.width, node.layout.height);
        if (p.radii.some((r) => r > 0)) canvas.clipRRect(rrect, ck.ClipOp.Intersect, true);
        else canvas.clipRect(rrect.subarray(0, 4), ck.ClipOp.Intersect, false);
      }
      for (const c of node.children) this.paint(canvas, c, clip);
    }
    if (p.opacity < 1) canvas.restore();
    canvas.restore();
  }

  private paintBox(canvas: Canvas, node: PlanarNode): void {
    const ck = this.ck;
    const p = node.paint;
    const { width, height } = node.layout;
    if (p.shadow) this.paintShadow(canvas, node, p.shadow);
    const outer = this.rrect(node, 0, width, height);
    if (p.gradient) this.paintGradient(canvas, node, p.gradient);
    else if (p.background && p.background[3]! > 0) {
      this.fill.setColor(p.background);
      this.fill.setStyle(ck.PaintStyle.Fill);
      canvas.drawRRect(outer, this.fill);
    }
    const [bt, br, bb, bl] = node.border;
    if (p.borderColor && (bt || br || bb || bl)) {
      const inner = this.rrect(node, 0, width, height, [bt, br, bb, bl]);
      this.fill.setColor(p.borderColor);
      canvas.drawDRRect(outer, inner, this.fill);
    }
    node.content?.paint(canvas, node);
  }

  private paintShadow(canvas: Canvas, node: PlanarNode, s: ResolvedShadow): void {
    const ck = this.ck;
    const { width, height } = node.layout;
    const reach = shadowReach(s);
    const w = width + 2 * s.spread, h = height + 2 * s.spread;
    if (w <= 0 || h <= 0) return;
    const k = this.scale;
    const key = `shadow|${w}x${h}|${node.paint.radii.join(',')}|${s.blur}|${s.color.join(',')}|${k}`;
    const image = this.cache.get(key, (w + 2 * reach) * k, (h + 2 * reach) * k, (c) => {
      const paint = new ck.Paint();
      paint.setAntiAlias(true);
      paint.setColor(s.color);
      if (s.blur > 0) {
        const filter = ck.MaskFilter.MakeBlur(ck.BlurStyle.Normal, (s.blur / 2) * k, false);
        paint.setMaskFilter(filter);
        filter.delete();
      }
      c.scale(k, k);
      const radii = node.paint.radii.map((r) => (r > 0 ? r + s.spread : 0));
      c.drawRRect(rrectOf(reach, reach, w, h, radii), paint);
      paint.delete();
    });
    if (!image) return;
    const x = s.offsetX - s.spread - reach, y = s.offsetY - s.spread - reach;
    canvas.drawImageRect(image, ck.XYWHRect(0, 0, image.width(), image.height()),
      ck.XYWHRect(x, y, w + 2 * reach, h + 2 * reach), this.fill);
  }

  private paintGradient(canvas: Canvas, node: PlanarNode, g: ResolvedGradient): void {
    const ck = this.ck;
    const { width, height } = node.layout;
    const k = this.scale;
    const key = `gradient|${width}x${height}|${node.paint.radii.join(',')}|${g.key}|${k}`;
    const image = this.cache.get(key, width * k, height * k, (c) => {
      c.scale(k, k);
      const paint = new ck.Paint();
      paint.setAntiAlias(true);
      const shader = makeGradient(ck, g, width, height);
      paint.setShader(shader);
      c.drawRRect(rrectOf(0, 0, width, height, node.paint.radii), paint);
      shader.delete();
      paint.delete();
    });
    if (!image) return;
    canvas.drawImageRect(image, ck.XYWHRect(0, 0, image.width(), image.height()), ck.XYWHRect(0, 0, width, height), this.fill);
  }

  private rrect(node: PlanarNode, x: number, w: number, h: number, inset?: number[]): Float32Array {
    const r = node.paint.radii;
    if (!inset) return rrectOf(x, 0, w, h, r);
    const [t, rt, b, l] = inset as [number, number, number, number];
    return rrectOf(l, t, w - l - rt, h - t - b, [
      Math.max(0, r[0] - Math.max(l, t)), Math.max(0, r[1] - Math.max(rt, t)),
      Math.max(0, r[2] - Math.max(rt, b)), Math.max(0, r[3] - Math.max(l, b)),
    ]);
  }

  dispose(): void {
    this.cache.clear();
    this.fill.delete();
  }
}

/** How far a shadow's blur reaches beyond its shape. */
export function shadowReach(s: ResolvedShadow): number {
  return Math.ceil(s.blur * 1.5) + 1;
}

/** Rounded rect as CanvasKit's 12 floats, radii clamped so opposite corners never overlap. */
function rrectOf(x: number, y: number, w: number, h: number, radii: readonly number[]): Float32Array {
  w = Math.max(0, w);
  h = Math.max(0, h);
  const limit = Math.min(w, h) / 2;
  const [a, b, c, d] = radii.map((r) => Math.min(r, limit)) as [number, number, number, number];
  return new Float32Array([x, y, x + w, y + h, a, a, b, b, c, c, d, d]);
}

function makeGradient(ck: CanvasKit, g: ResolvedGradient, w: number, h: number) {
  const stops = g.stops ?? g.colors.map((_, i) => i / (g.colors.length - 1));
  if (g.spec.type === 'linear') {
    // CSS: the angle points from the start to the end; 180deg runs top to bottom.
    const a = (((g.spec.angle ?? 180) - 90) * Math.PI) / 180;
    const half = (Math.abs(w * Math.cos(a)) + Math.abs(h * Math.sin(a))) / 2;
    const cx = w / 2, cy = h / 2, dx = Math.cos(a) * half, dy = Math.sin(a) * half;
    return ck.Shader.MakeLinearGradient([cx - dx, cy - dy], [cx + dx, cy + dy], g.colors, stops, ck.TileMode.Clamp);
  }
  const cx = (g.spec.centerX ?? 0.5) * w, cy = (g.spec.centerY ?? 0.5) * h;
  const radius = g.spec.radius ?? Math.hypot(Math.max(cx, w - cx), Math.max(cy, h - cy));
  return ck.Shader.MakeRadialGradient([cx, cy], radius, g.colors, stops, ck.TileMode.Clamp);
}

/** A 2D affine as CanvasKit's row-major 3x3. */
export function toMatrix(m: Affine): number[] {
  return [m[0], m[2], m[4], m[1], m[3], m[5], 0, 0, 1];
}
