/**
 * `PLANAR_DEBUG=layers`: outlines every layer and labels it with the plane that shows it, or
 * "composited" and the first reason it was refused a plane ("popup: composited — plane 4:
 * format XRGB8888 not supported"). Magenta on a plane, orange composited. The outline is drawn
 * into the layer's own surface, so it moves with the layer at no cost; it is redrawn when its
 * label changes or when content painted under it. The pixels under the outline are repainted
 * first, so the outline never leaves traces; the label keeps to one line of its box.
 */
import type { Canvas } from 'canvaskit-wasm';
import { canvasKit } from './canvaskit.js';
import { DEFAULT_FAMILY, fontProvider } from './fonts.js';
import type { DamageRect } from '../backend/contract.js';

interface Outlined { width: number; height: number; damage: DamageRect[] }

const EDGE = 2;
const LABEL_HEIGHT = 16;

/** What a layer's label says, and whether a plane shows the layer (magenta) or it is composited (orange). */
export interface OutlineLabel { text: string; onPlane: boolean }

interface State { label: string; onPlane: boolean; width: number; height: number; draw: boolean }

export class LayerOutline {
  private readonly states = new WeakMap<object, State>();

  /** The rects to repaint in `layer` before its outline is drawn again; empty when it need not be. */
  prepare(layer: Outlined, { text: label, onPlane }: OutlineLabel): DamageRect[] {
    const old = this.states.get(layer);
    const rects = this.rects(layer, label);
    const changed = !old || old.label !== label || old.onPlane !== onPlane || old.width !== layer.width || old.height !== layer.height;
    const touched = layer.damage.some((d) => rects.some((r) => overlap(d, r)));
    this.states.set(layer, { label, onPlane, width: layer.width, height: layer.height, draw: changed || touched });
    if (!changed && !touched) return [];
    return old && old.label.length > label.length ? [...rects, ...this.rects(layer, old.label)] : rects;
  }

  /** Draws the outline and label if `prepare` asked for it; the canvas is in surface pixels. */
  draw(canvas: Canvas, layer: Outlined): void {
    const state = this.states.get(layer);
    if (!state?.draw) return;
    const ck = canvasKit();
    const paint = new ck.Paint();
    paint.setStyle(ck.PaintStyle.Stroke);
    paint.setStrokeWidth(EDGE);
    paint.setColor(state.onPlane ? ck.Color(220, 0, 220, 1) : ck.Color(255, 140, 0, 1));
    canvas.drawRect(ck.LTRBRect(EDGE / 2, EDGE / 2, layer.width - EDGE / 2, layer.height - EDGE / 2), paint);
    const box = this.labelBox(layer, state.label);
    paint.setStyle(ck.PaintStyle.Fill);
    canvas.drawRect(ck.LTRBRect(box.x, box.y, box.x + box.width, box.y + box.height), paint);
    const builder = ck.ParagraphBuilder.MakeFromFontProvider(
      new ck.ParagraphStyle({ textStyle: { color: ck.WHITE, fontFamilies: [DEFAULT_FAMILY], fontSize: 11 }, maxLines: 1, ellipsis: '…' }),
      fontProvider(),
    );
    builder.addText(state.label);
    const p = builder.build();
    p.layout(box.width - 6);
    canvas.drawParagraph(p, box.x + 3, box.y + 2);
    p.delete();
    builder.delete();
    paint.delete();
    state.draw = false;
  }

  /** The label last prepared for `layer`, or null (for tests). */
  label(layer: Outlined): string | null {
    return this.states.get(layer)?.label ?? null;
  }

  private labelBox(layer: Outlined, label: string): DamageRect {
    return { x: 0, y: 0, width: Math.min(layer.width, 12 + label.length * 7), height: Math.min(layer.height, LABEL_HEIGHT) };
  }

  private rects(layer: Outlined, label: string): DamageRect[] {
    const { width: w, height: h } = layer;
    return [
      { x: 0, y: 0, width: w, height: Math.min(h, EDGE) },
      { x: 0, y: Math.max(0, h - EDGE), width: w, height: Math.min(h, EDGE) },
      { x: 0, y: 0, width: Math.min(w, EDGE), height: h },
      { x: Math.max(0, w - EDGE), y: 0, width: Math.min(w, EDGE), height: h },
      this.labelBox(layer, label),
    ];
  }

  dispose(): void {}
}

function overlap(a: DamageRect, b: DamageRect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
