/**
 * Images: read and decoded off the layout path. The file's header gives the intrinsic size
 * straight away (so layout can settle before the pixels are decoded); CanvasKit decodes
 * PNG, JPEG, WebP and GIF (the first frame). A file that cannot be read or decoded is an
 * `error` event naming the path, and the box shows a placeholder instead.
 */
import type { Image as SkImage } from 'canvaskit-wasm';
import { readFile } from 'node:fs/promises';
import { MeasureMode } from 'yoga-layout/load';
import { canvasKit } from './canvaskit.js';
import { readImageHeader } from './image-header.js';
import { trackLoad } from './resources.js';
import { reportError } from '../jsx/owner.js';
import { PAINT, type NodeContent, type PlanarNode } from '../tree/node.js';

export type ImageSource = string | Uint8Array;
export type ImageFit = 'contain' | 'cover' | 'fill' | 'none';
const FITS = new Set<ImageFit>(['contain', 'cover', 'fill', 'none']);

export class ImageContent implements NodeContent {
  private image: SkImage | null = null;
  private intrinsic: { width: number; height: number } | null = null;
  private failed = false;
  private fit: ImageFit = 'contain';
  private generation = 0;

  constructor(private readonly node: PlanarNode) {
    node.yoga?.setMeasureFunc((w, wm, h, hm) => this.measure(w, wm, h, hm));
  }

  setFit(fit: ImageFit): void {
    if (!FITS.has(fit)) {
      this.node.propError('fit', fit, "expected 'contain', 'cover', 'fill' or 'none'");
      fit = 'contain';
    }
    this.fit = fit;
    this.node.invalidate(PAINT);
  }

  setSource(src: ImageSource): void {
    const generation = ++this.generation;
    this.release();
    const label = typeof src === 'string' ? src : `${src.byteLength} bytes of image data`;
    if (typeof src !== 'string' && !(src instanceof Uint8Array)) {
      this.node.propError('src', src, 'expected a file path or a Uint8Array of encoded image bytes');
      this.fail();
      return;
    }
    trackLoad((async () => {
      let bytes: Uint8Array;
      try {
        bytes = typeof src === 'string' ? await readFile(src) : src;
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        throw new Error(`cannot load image ${label}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
      }
      if (generation !== this.generation || this.node.destroyed) return;
      const header = readImageHeader(bytes);
      if (!header) throw new Error(`cannot decode image ${label}: not a PNG, JPEG, WebP or GIF file (or it is truncated)`);
      this.setIntrinsic(header);
      const image = canvasKit().MakeImageFromEncoded(bytes);
      if (!image) throw new Error(`cannot decode image ${label}: the ${header.format} data is corrupt`);
      if (generation !== this.generation || this.node.destroyed) {
        image.delete();
        return;
      }
      this.image = image;
      this.node.invalidate(PAINT);
    })().catch((error) => {
      if (generation !== this.generation || this.node.destroyed) return;
      this.fail();
      reportError(error, this.node.owner);
    }));
  }

  private setIntrinsic(size: { width: number; height: number }): void {
    this.intrinsic = { width: size.width, height: size.height };
    this.node.yoga?.markDirty();
    this.node.layoutChanged();
    this.node.invalidate(PAINT);
  }

  private fail(): void {
    this.failed = true;
    this.node.invalidate(PAINT);
  }

  private measure(width: number, wm: MeasureMode, height: number, hm: MeasureMode): { width: number; height: number } {
    const size = this.intrinsic ?? { width: 0, height: 0 };
    if (wm === MeasureMode.Exactly && hm !== MeasureMode.Exactly && size.width) {
      return { width, height: Math.round((width * size.height) / size.width) };
    }
    if (hm === MeasureMode.Exactly && wm !== MeasureMode.Exactly && size.height) {
      return { width: Math.round((height * size.width) / size.height), height };
    }
    return {
      width: wm === MeasureMode.Exactly ? width : wm === MeasureMode.AtMost ? Math.min(width, size.width) : size.width,
      height: hm === MeasureMode.Exactly ? height : hm === MeasureMode.AtMost ? Math.min(height, size.height) : size.height,
    };
  }

  overhang(): number {
    return 0;
  }

  paint(canvas: unknown, node: PlanarNode, _painter?: unknown): void {
    const ck = canvasKit();
    const c = canvas as import('canvaskit-wasm').Canvas;
    const [bt, br, bb, bl] = node.border;
    const [pt, pr, pb, pl] = node.padding;
    const box = { x: bl + pl, y: bt + pt, w: node.layout.width - bl - br - pl - pr, h: node.layout.height - bt - bb - pt - pb };
    if (box.w <= 0 || box.h <= 0) return;
    const dest = ck.XYWHRect(box.x, box.y, box.w, box.h);
    if (this.failed) return paintPlaceholder(c, dest);
    const img = this.image;
    if (!img) return;
    const iw = img.width(), ih = img.height();
    let w = box.w, h = box.h;
    if (this.fit === 'contain' || this.fit === 'cover') {
      const k = this.fit === 'contain' ? Math.min(box.w / iw, box.h / ih) : Math.max(box.w / iw, box.h / ih);
      w = iw * k;
      h = ih * k;
    } else if (this.fit === 'none') {
      w = iw;
      h = ih;
    }
    c.save();
    c.clipRect(dest, ck.ClipOp.Intersect, false);
    // Through a matrix with cubic sampling, so that a partial repaint samples the image
    // exactly as a full one does (see Painter.drawCached).
    const paint = new ck.Paint();
    c.translate(box.x + (box.w - w) / 2, box.y + (box.h - h) / 2);
    c.scale(w / iw, h / ih);
    c.drawImageCubic(img, 0, 0, 0, 0.5, paint);
    paint.delete();
    c.restore();
  }

  private release(): void {
    this.image?.delete();
    this.image = null;
    this.failed = false;
  }

  dispose(): void {
    this.generation++;
    this.release();
    this.node.yoga?.unsetMeasureFunc();
  }
}

function paintPlaceholder(c: import('canvaskit-wasm').Canvas, r: Float32Array): void {
  const ck = canvasKit();
  const paint = new ck.Paint();
  paint.setColor(ck.Color(200, 200, 200, 1));
  c.drawRect(r, paint);
  paint.setColor(ck.Color(140, 140, 140, 1));
  paint.setStyle(ck.PaintStyle.Stroke);
  paint.setStrokeWidth(2);
  paint.setAntiAlias(true);
  c.drawRect(r, paint);
  c.drawLine(r[0]!, r[1]!, r[2]!, r[3]!, paint);
  c.drawLine(r[2]!, r[1]!, r[0]!, r[3]!, paint);
  paint.delete();
}
