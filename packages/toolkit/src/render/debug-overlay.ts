/**
 * `PLANAR_DEBUG=damage` outlines each frame's damaged rects; `PLANAR_DEBUG=fps` overlays the
 * last frame's figures. Both draw on top of the finished frame, so the places they drew are
 * damaged again in the next frame to wipe them. The damage outline can also be switched while
 * the app runs (the inspector's damage flash): switched off, what it drew is wiped by the next
 * frame like any other frame's outline.
 */
import type { Canvas } from 'canvaskit-wasm';
import { canvasKit } from './canvaskit.js';
import { DEFAULT_FAMILY, fontProvider } from './fonts.js';
import type { Rect } from '../tree/geometry.js';

/** The figures of a frame the fps overlay shows (the compositor's frame stats have them all). */
export interface OverlayFigures {
  layoutMs: number;
  paintMs: number;
  copyMs: number;
  damagedPx: number;
}

export class DebugOverlay {
  private drawn: Rect[] = [];
  private last: OverlayFigures | null = null;
  private times: number[] = [];
  /** Its own copy: switching a mode here changes nothing else that read PLANAR_DEBUG. */
  private readonly modes: Set<string>;

  /** `now`: Planar's clock, so the frame rate is frames per second of the app's time (virtual in tests). */
  constructor(modes: Set<string>, private readonly now: () => number = () => performance.now()) {
    this.modes = new Set(modes);
  }

  /** Whether it outlines damage. */
  get damage(): boolean {
    return this.modes.has('damage');
  }

  /** Whether it draws anything at all. */
  get active(): boolean {
    return this.modes.has('damage') || this.modes.has('fps');
  }

  /** Switches a mode ('damage', 'fps') while the app runs. */
  setMode(mode: 'damage' | 'fps', on: boolean): void {
    if (on) this.modes.add(mode);
    else this.modes.delete(mode);
  }

  /** Whether the overlay drew something the next frame must wipe. */
  pending(): boolean {
    return this.drawn.length > 0;
  }

  /** What the overlay drew last frame, to repaint now. */
  previousRects(): Rect[] {
    const r = this.drawn;
    this.drawn = [];
    return r;
  }

  record(stats: OverlayFigures): void {
    // Only the fps overlay reads these; kept otherwise, frames on a clock that stands still would pile up.
    if (!this.modes.has('fps')) return;
    this.last = stats;
    const now = this.now();
    this.times.push(now);
    while (this.times.length && now - this.times[0]! > 1000) this.times.shift();
  }

  draw(canvas: Canvas, damage: Rect[], output: { width: number; height: number }): void {
    if (!this.active) return;
    const ck = canvasKit();
    const paint = new ck.Paint();
    if (this.modes.has('damage')) {
      paint.setStyle(ck.PaintStyle.Stroke);
      paint.setColor(ck.Color(255, 0, 64, 1));
      paint.setStrokeWidth(1);
      for (const r of damage) {
        canvas.drawRect(ck.LTRBRect(r.left + 0.5, r.top + 0.5, r.right - 0.5, r.bottom - 0.5), paint);
        this.drawn.push(r);
      }
    }
    if (this.modes.has('fps')) {
      const s = this.last;
      const text = s
        ? `${this.times.length} fps  layout ${s.layoutMs.toFixed(2)}  paint ${s.paintMs.toFixed(2)}  copy ${s.copyMs.toFixed(2)} ms  ${(s.damagedPx / 1000).toFixed(1)}k px`
        : 'first frame';
      const box = { left: 0, top: 0, right: Math.min(output.width, 420), bottom: 20 };
      paint.setStyle(ck.PaintStyle.Fill);
      paint.setColor(ck.Color(0, 0, 0, 0.75));
      canvas.drawRect(ck.LTRBRect(box.left, box.top, box.right, box.bottom), paint);
      const builder = ck.ParagraphBuilder.MakeFromFontProvider(
        new ck.ParagraphStyle({ textStyle: { color: ck.WHITE, fontFamilies: [DEFAULT_FAMILY], fontSize: 12 } }),
        fontProvider(),
      );
      builder.addText(text);
      const p = builder.build();
      p.layout(box.right - 8);
      canvas.drawParagraph(p, 4, 3);
      p.delete();
      builder.delete();
      this.drawn.push(box);
    }
    paint.delete();
  }

  dispose(): void {
    this.drawn = [];
  }
}
