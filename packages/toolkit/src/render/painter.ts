/**
 * Paint: draws a subtree into a CanvasKit canvas, skipping every subtree whose bounds miss
 * the rect being repainted. For each box, in order: shadow (cached image), background
 * (colour, or cached gradient image), border, content (paragraph, image, picture), then the
 * children — clipped to the (rounded) box when `overflow: hidden`. A box with `opacity` < 1
 * is drawn as an opacity group (see group.ts).
 */
import type { Canvas, CanvasKit, Paint } from 'canvaskit-wasm';
import { canvasKit } from './canvaskit.js';
import { EffectCache } from './effect-cache.js';
import type { PlanarNode } from '../tree/node.js';
import { area, intersects, invert, isEmpty, multiply, roundOut, transformRect, translation, type Affine, type Rect } from '../tree/geometry.js';
import { OpacityGroup, isGroup } from './group.js';
import { peekRenderState, renderState } from './node-state.js';

/** Larger groups (e.g. a huge scaled subtree) are not drawn rather than exhausting memory. */
const MAX_GROUP_PIXELS = 4096 * 4096;
import type { ResolvedGradient, ResolvedShadow } from '../style/paint-props.js';

export class Painter {
  readonly cache: EffectCache;
  private readonly fill: Paint;
  /** Opaque, for drawing cached images (the fill paint carries the last colour's alpha). */
  private readonly imagePaint: Paint;
  private readonly ck: CanvasKit;
  /** The matrix from the box being painted to surface pixels. */
  private device: Affine = [1, 0, 0, 1, 0, 0];

  /**
   * `scale` is device pixels per logical pixel, for the resolution of cached images; the cache
   * holds three outputs' worth of images (at least 16 MiB).
   */
  constructor(public scale: number, outputPixels: number) {
    this.cache = new EffectCache(cacheLimit(outputPixels));
    this.ck = canvasKit();
    this.fill = new this.ck.Paint();
    this.fill.setAntiAlias(true);
    this.imagePaint = new this.ck.Paint();
  }

  /**
   * Paints `node` and its descendants that intersect `clip` (layer coordinates). The canvas'
   * matrix maps the parent's coordinates to the surface; `device` is that same matrix, and
   * `output` maps layer coordinates to the surface's pixels (for opacity groups).
   */
  paint(canvas: Canvas, node: PlanarNode, clip: Rect, device: Affine, output: Affine): void {
    if (node.hidden || !node.subtreeBounds || !intersects(node.subtreeBounds, clip)) return;
    if (!node.isBox) {
      for (const c of node.children) if (!c.layer) this.paint(canvas, c, clip, device, output);
      return;
    }
    if (isGroup(node)) return this.paintGroup(canvas, node, device, output);
    const state = peekRenderState(node);
    if (state?.group) {
      state.group.dispose();
      state.group = null;
    }
    canvas.save();
    applyLocal(canvas, node.local);
    this.paintContents(canvas, node, clip, multiply(device, node.local), output);
    canvas.restore();
  }

  /** The node's own box and its children; the canvas is in the node's coordinates. */
  private paintContents(canvas: Canvas, node: PlanarNode, clip: Rect, device: Affine, output: Affine): void {
    const ck = this.ck;
    const p = node.paint;
    this.device = device;
    if (node.bounds && intersects(node.bounds, clip)) this.paintBox(canvas, node);
    if (!node.children.length) return;
    // Each child saves and restores the canvas itself: only a clip needs a save of its own.
    if (p.clip) {
      canvas.save();
      const rrect = this.rrect(node, 0, node.layout.width, node.layout.height);
      if (p.radii.some((r) => r > 0)) canvas.clipRRect(rrect, ck.ClipOp.Intersect, true);
      else canvas.clipRect(rrect.subarray(0, 4), ck.ClipOp.Intersect, false);
    }
    for (const c of node.children) if (!c.layer) this.paint(canvas, c, clip, device, output);
    if (p.clip) canvas.restore();
  }

  private paintGroup(canvas: Canvas, node: PlanarNode, device: Affine, output: Affine): void {
    const rect = roundOut(transformRect(output, node.subtreeBounds!));
    const state = renderState(node);
    let group = state.group;
    if (!group) state.group = group = new OpacityGroup();
    const moved = !group.rect || group.rect.left !== rect.left || group.rect.top !== rect.top
      || group.rect.right !== rect.right || group.rect.bottom !== rect.bottom;
    if (!group.image || moved || state.groupStale) {
      if (isEmpty(rect) || area(rect) > MAX_GROUP_PIXELS) return;
      const groupOutput = multiply(translation(-rect.left, -rect.top), output);
      const at = multiply(groupOutput, node.matrix);
      group.redraw(rect, (c) => {
        c.concat(toMatrix(at));
        this.paintContents(c, node, node.subtreeBounds!, at, groupOutput);
      });
      state.groupStale = false;
    }
    if (!group.image) return;
    const undo = invert(device);
    if (!undo) return;
    canvas.save();
    canvas.concat(toMatrix(undo));
    const paint = new this.ck.Paint();
    if (node.paint.opacity < 1) paint.setAlphaf(node.paint.opacity);
    canvas.drawImageOptions(group.image!, rect.left, rect.top, this.ck.FilterMode.Nearest, this.ck.MipmapMode.None, paint);
    paint.delete();
    canvas.restore();
  }

  private paintBox(canvas: Canvas, node: PlanarNode): void {
    const p = node.paint;
    if (p.shadow) this.paintShadow(canvas, node, p.shadow);
    if (p.radii.some((r) => r > 0) || p.gradient) this.paintBoxImage(canvas, node);
    else this.paintSquareBox(canvas, node);
    node.content?.paint(canvas, node, this);
  }

  /** Square corners, flat colours: drawn directly (exact under any clip, and fastest). */
  private paintSquareBox(canvas: Canvas, node: PlanarNode): void {
    const p = node.paint;
    const { width, height } = node.layout;
    const [bt, br, bb, bl] = node.border;
    const fill = p.background && p.background[3]! > 0;
    const border = p.borderColor && (bt || br || bb || bl);
    // Most boxes only hold others: they draw nothing.
    if (!fill && !border) return;
    const outer = this.rrect(node, 0, width, height);
    if (fill) {
      this.fill.setColor(p.background!);
      canvas.drawRRect(outer, this.fill);
    }
    if (border) {
      this.fill.setColor(p.borderColor!);
      canvas.drawDRRect(outer, this.rrect(node, 0, width, height, [bt, br, bb, bl]), this.fill);
    }
  }

  /**
   * Rounded corners or a gradient: background and border are drawn once into a cached image
   * at device resolution. Besides saving the gradient's cost every frame, this keeps partial
   * repaints exact: Skia's anti-aliased scan conversion of curves depends on where the clip
   * cuts them, an image copy does not.
   */
  private paintBoxImage(canvas: Canvas, node: PlanarNode): void {
    const ck = this.ck;
    const p = node.paint;
    const { width, height } = node.layout;
    const [bt, br, bb, bl] = node.border;
    const border = p.borderColor && (bt || br || bb || bl) ? p.borderColor : null;
    const fill = p.gradient ? p.gradient.key : p.background && p.background[3]! > 0 ? p.background.join(',') : '';
    if (!fill && !border) return;
    const k = this.scale;
    const key = `box|${width}x${height}|${p.radii.join(',')}|${fill}|${border ? `${border.join(',')}|${node.border.join(',')}` : ''}|${k}`;
    const image = this.cache.get(key, width * k, height * k, (c) => {
      c.scale(k, k);
      const paint = new ck.Paint();
      paint.setAntiAlias(true);
      const outer = this.rrect(node, 0, width, height);
      if (p.gradient) {
        const shader = makeGradient(ck, p.gradient, width, height);
        paint.setShader(shader);
        c.drawRRect(outer, paint);
        paint.setShader(null);
        shader.delete();
      } else if (fill) {
        paint.setColor(p.background!);
        c.drawRRect(outer, paint);
      }
      if (border) {
        paint.setColor(border);
        c.drawDRRect(outer, this.rrect(node, 0, width, height, [bt, br, bb, bl]), paint);
      }
      paint.delete();
    });
    if (image) this.drawCached(canvas, image, 0, 0);
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
    this.drawCached(canvas, image, s.offsetX - s.spread - reach, s.offsetY - s.spread - reach);
  }

  /**
   * Draws a cached image (made at device scale) at x, y. Two Skia details decide whether a
   * partial repaint matches a full one here: drawImageRect shrinks its source to the visible
   * part of the clip (moving where sampling clamps), and bilinear sampling runs in an 8-bit
   * pipeline whose rounding depends on where the clip puts a layer's origin. So: a matrix,
   * not a rect, and Catmull-Rom cubic sampling (float pipeline; interpolating, so 1:1 draws
   * are exact copies). When the image lands on whole pixels unscaled — the common case — it
   * is copied with nearest sampling instead, which is exact and several times faster.
   */
  drawCached(canvas: Canvas, image: import('canvaskit-wasm').Image, x: number, y: number): void {
    const ck = this.ck;
    const d = this.device;
    const k = this.scale;
    const px = d[0] * x + d[2] * y + d[4], py = d[1] * x + d[3] * y + d[5];
    const onPixels = d[1] === 0 && d[2] === 0 && d[0] === k && d[3] === k && Number.isInteger(px) && Number.isInteger(py);
    canvas.save();
    canvas.translate(x, y);
    if (k !== 1) canvas.scale(1 / k, 1 / k);
    if (onPixels) canvas.drawImageOptions(image, 0, 0, ck.FilterMode.Nearest, ck.MipmapMode.None, this.imagePaint);
    else canvas.drawImageCubic(image, 0, 0, 0, 0.5, this.imagePaint);
    canvas.restore();
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
    this.imagePaint.delete();
  }
}

/** Bytes of cached images to keep for an output of `pixels` px. */
export function cacheLimit(pixels: number): number {
  return Math.max(16 * 1024 * 1024, 3 * 4 * pixels);
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
  const a = Math.min(radii[0]!, limit), b = Math.min(radii[1]!, limit), c = Math.min(radii[2]!, limit), d = Math.min(radii[3]!, limit);
  return Float32Array.of(x, y, x + w, y + h, a, a, b, b, c, c, d, d);
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
/**
 * Moves the canvas into a box's coordinates. Most boxes are only placed, and a translation is
 * one call where a matrix is copied into wasm memory first; Skia computes the same matrix.
 */
function applyLocal(canvas: Canvas, m: Affine): void {
  if (m[0] === 1 && m[1] === 0 && m[2] === 0 && m[3] === 1) canvas.translate(m[4], m[5]);
  else canvas.concat(toMatrix(m));
}

export function toMatrix(m: Affine): number[] {
  return [m[0], m[2], m[4], m[1], m[3], m[5], 0, 0, 1];
}
