/**
 * Text: a <Text> node's paragraph, built with CanvasKit's Paragraph API (HarfBuzz shaping,
 * ICU bidi and line breaking), measured for Yoga and painted.
 *
 * The paragraph is built once per change of text or text style, from the node's pieces:
 * strings add text with the current style; a nested <Text> (a span) pushes its style,
 * inherited from the enclosing one, and pops it afterwards. Yoga's measure function lays the
 * paragraph out at the width it offers and caches the answer per (mode, width); paint lays it
 * out at the final content width if that differs from the last layout.
 *
 * A paragraph built a second time (a label whose text changes, e.g. a clock) keeps its builder
 * from then on and resets it after each build: making a builder converts its style into wasm
 * and makes it a FontCollection of its own, which costs more than shaping a short label. The
 * kept builder is made again when the paragraph style changes or a face is registered (its
 * collection caches the faces it looked up), and deleted with the node. A paragraph with spans
 * gets a builder of its own each time.
 */
import type { Paragraph, ParagraphBuilder } from 'canvaskit-wasm';
import { MeasureMode } from 'yoga-layout/load';
import { canvasKit } from './canvaskit.js';
import { DEFAULT_FAMILY, bundledFaceCount, fallbackFamilies, familyName, fontProvider, onFontsChanged, requestFamily, useFace } from './fonts.js';
import { DEFAULT_TEXT, type ResolvedText } from '../style/paint-props.js';
import { resolvedDirection } from '../layout/direction.js';
import type { NodeContent, PlanarNode } from '../tree/node.js';


const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const STRONG = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u0900-\u0DFF\u0E00-\u0E7F\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7AF]/;
const UNBOUNDED = 1e6;

const live = new Set<TextContent>();
let unsubscribe: (() => void) | null = null;

export class TextContent implements NodeContent {
  private paragraph: Paragraph | null = null;
  private laidOutAt = NaN;
  /** Max intrinsic width and height of the paragraph laid out unbounded (NaN until known). */
  private intrinsic = NaN;
  private unboundedHeight = NaN;
  private leftAligned = true;
  private measured = new Map<string, { width: number; height: number }>();
  /** What `measured` held before the last `invalidate()`. */
  private previous = new Map<string, { width: number; height: number }>();
  private style: ResolvedText = DEFAULT_TEXT;
  /** The base direction the paragraph was last built with. */
  private direction: 'ltr' | 'rtl' = 'ltr';
  private reportedFamilies = new Set<string>();
  /** Built at least once: the next build keeps its builder. */
  private built = false;
  /** The kept builder, the style it was made for and the bundled faces registered then. */
  private kept: { builder: ParagraphBuilder; key: string; faces: number } | null = null;

  constructor(private readonly node: PlanarNode) {
    node.yoga?.setMeasureFunc((w, wm, h, hm) => this.measure(w, wm, h, hm));
    live.add(this);
    unsubscribe ??= onFontsChanged(() => {
      for (const t of live) {
        t.dropBuilder();
        t.node.textChanged();
      }
    });
  }

  /** Drops the paragraph; the next measure or paint rebuilds it. */
  invalidate(): void {
    this.paragraph?.delete();
    this.paragraph = null;
    this.laidOutAt = NaN;
    this.intrinsic = NaN;
    this.unboundedHeight = NaN;
    this.previous = this.measured;
    this.measured = new Map();
  }

  /**
   * After `invalidate()`: whether the new paragraph measures exactly as the old one did at every
   * width Yoga asked for, so that no layout can come out differently (a clock's minute, a
   * counter's digit). Yoga keeps its own answers from those questions, so the node need not be
   * laid out again; only its pixels changed. A paragraph never measured needs its layout.
   */
  measuresAsBefore(): boolean {
    const previous = this.previous;
    this.previous = new Map();
    if (!previous.size) return false;
    for (const [key, before] of previous) {
      const [mode, width] = key.split(':');
      const now = this.measure(Number(width), Number(mode) as MeasureMode, NaN, MeasureMode.Undefined);
      if (now.width !== before.width || now.height !== before.height) return false;
    }
    return true;
  }

  private build(): Paragraph {
    const ck = canvasKit();
    const root = { ...DEFAULT_TEXT, ...this.node.textStyle } as ResolvedText;
    this.style = root;
    const text = collectText(this.node);
    // The base direction orders the paragraph's runs (Skia applies the Unicode bidi algorithm).
    const direction = root.writingDirection === 'auto' ? (firstStrongIsRtl(text) ? 'rtl' : 'ltr')
      : root.writingDirection === 'inherit' ? resolvedDirection(this.node) : root.writingDirection;
    this.direction = direction;
    this.leftAligned = direction === 'ltr' ? ['left', 'start', 'justify'].includes(root.textAlign) : root.textAlign === 'left';
    const fallbacks = fallbackFamilies(text);
    const textStyle = this.textStyle(root, fallbacks);
    const provider = fontProvider();
    const spans = hasSpans(this.node);
    // Everything the paragraph style holds, and the faces its builder's collection could find.
    const key = [
      root.textAlign, direction, root.maxLines, root.fontSize, root.fontWeight, root.fontStyle, root.letterSpacing,
      root.lineHeight, root.textDecoration, root.color.join(), textStyle.fontFamilies.join(),
    ].join('|');
    const faces = bundledFaceCount();
    if (this.kept && (spans || this.kept.key !== key || this.kept.faces !== faces)) this.dropBuilder();
    const builder = this.kept?.builder ?? ck.ParagraphBuilder.MakeFromFontProvider(
      new ck.ParagraphStyle({
        textAlign: ck.TextAlign[alignName(root.textAlign)],
        textDirection: direction === 'rtl' ? ck.TextDirection.RTL : ck.TextDirection.LTR,
        maxLines: root.maxLines ?? undefined,
        ellipsis: root.maxLines ? '…' : undefined,
        textStyle,
      }),
      provider,
    );
    const keep = !spans && this.built;
    this.built = true;
    try {
      this.addRuns(builder, this.node, root, fallbacks);
      return builder.build();
    } finally {
      if (keep) {
        builder.reset();
        this.kept ??= { builder, key, faces };
      } else builder.delete();
    }
  }

  /** Deletes the kept builder, if any. */
  dropBuilder(): void {
    this.kept?.builder.delete();
    this.kept = null;
  }

  private addRuns(builder: ParagraphBuilder, node: PlanarNode, style: ResolvedText, fallbacks: string[]): void {
    for (const child of node.children) {
      if (child.kind === 'textpiece') builder.addText(child.text);
      else if (child.kind === 'slot') this.addRuns(builder, child, style, fallbacks);
      else if (child.kind === 'span') {
        const inner = { ...style, ...child.textStyle } as ResolvedText;
        builder.pushStyle(new (canvasKit().TextStyle)(this.textStyle(inner, fallbacks, child)));
        this.addRuns(builder, child, inner, fallbacks);
        builder.pop();
      }
    }
  }

  private textStyle(s: ResolvedText, fallbacks: string[], node: PlanarNode = this.node) {
    const ck = canvasKit();
    const families: string[] = [];
    const italic = s.fontStyle === 'italic';
    useFace(DEFAULT_FAMILY, s.fontWeight, italic);
    for (const f of s.fontFamily) {
      const state = requestFamily(f);
      if (state === 'ready') {
        useFace(f, s.fontWeight, italic);
        families.push(familyName(f)!);
      }
      else if (state === 'unknown' && !this.reportedFamilies.has(f)) {
        this.reportedFamilies.add(f);
        node.propError('style.fontFamily', f, `unknown font family "${f}": register it with registerFont() or install it on the system; using ${DEFAULT_FAMILY}`);
      }
    }
    return {
      color: s.color,
      fontFamilies: [...families, ...fallbacks, DEFAULT_FAMILY],
      fontSize: s.fontSize,
      fontStyle: {
        weight: { value: s.fontWeight } as never,
        slant: italic ? ck.FontSlant.Italic : ck.FontSlant.Upright,
      },
      letterSpacing: s.letterSpacing,
      heightMultiplier: s.lineHeight ?? undefined,
      halfLeading: s.lineHeight !== null,
      decoration: s.textDecoration === 'underline' ? ck.UnderlineDecoration
        : s.textDecoration === 'line-through' ? ck.LineThroughDecoration : ck.NoDecoration,
      decorationColor: s.color,
    };
  }

  /**
   * The paragraph laid out at `width`. Layout is the expensive step, so a paragraph laid out
   * unbounded (which tells its intrinsic width) is reused for any width it fits in when its
   * lines are left-aligned: no line wraps, and left-aligned glyphs sit where they would at
   * any width. Centred, right-aligned or right-to-left text is laid out at its real width.
   */
  private ensure(width: number): Paragraph {
    this.paragraph ??= this.build();
    if (this.laidOutAt === width) return this.paragraph;
    if (this.laidOutAt === UNBOUNDED && this.leftAligned && width >= this.intrinsic) return this.paragraph;
    this.paragraph.layout(width);
    this.laidOutAt = width;
    if (width === UNBOUNDED) {
      this.intrinsic = Math.ceil(this.paragraph.getMaxIntrinsicWidth());
      this.unboundedHeight = Math.ceil(this.paragraph.getHeight());
    }
    return this.paragraph;
  }

  /**
   * The paragraph laid out at the content width of the node's last layout, with the base
   * direction and alignment it was built with, for text geometry queries (text/geometry.ts).
   * The paragraph stays owned here: a caller must not keep or delete it.
   */
  laidOut(): { paragraph: Paragraph; width: number; direction: 'ltr' | 'rtl'; align: ResolvedText['textAlign'] } {
    const width = this.contentBox(this.node).width;
    const paragraph = this.ensure(width);
    return { paragraph, width, direction: this.direction, align: this.style.textAlign };
  }

  private measure(width: number, widthMode: MeasureMode, _h: number, _hm: MeasureMode): { width: number; height: number } {
    const key = `${widthMode}:${width}`;
    const cached = this.measured.get(key);
    if (cached) return cached;
    if (Number.isNaN(this.intrinsic)) this.ensure(UNBOUNDED);
    const constrained = widthMode !== MeasureMode.Undefined && Number.isFinite(width);
    const w = Math.max(0, widthMode === MeasureMode.Exactly ? width : constrained ? Math.min(width, this.intrinsic) : this.intrinsic);
    // Text that fits unwrapped is as tall as unbounded; only narrower widths need a layout.
    const height = !constrained || width >= this.intrinsic ? this.unboundedHeight : Math.ceil(this.ensure(Math.max(0, width)).getHeight());
    const result = { width: w, height };
    this.measured.set(key, result);
    return result;
  }

  /**
   * How far glyphs may reach outside the border box: accents above a tight line, descenders
   * below it and italic overhang a little (a third of the font size covers them), and a
   * paragraph taller or wider than its box all of the excess.
   */
  overhang(node: PlanarNode): number {
    const { width, height } = this.contentBox(node);
    const p = this.ensure(width);
    const base = Math.ceil(this.style.fontSize / 3) + 1;
    return base + Math.ceil(Math.max(0, p.getHeight() - height, p.getLongestLine() - width));
  }

  private contentBox(node: PlanarNode): { width: number; height: number } {
    const [bt, br, bb, bl] = node.border;
    const [pt, pr, pb, pl] = node.padding;
    return {
      width: Math.max(0, node.layout.width - bl - br - pl - pr),
      height: Math.max(0, node.layout.height - bt - bb - pt - pb),
    };
  }

  paint(canvas: unknown, node: PlanarNode, _painter?: unknown): void {
    const p = this.ensure(this.contentBox(node).width);
    (canvas as { drawParagraph(p: Paragraph, x: number, y: number): void }).drawParagraph(p, node.border[3] + node.padding[3], node.border[0] + node.padding[0]);
  }

  dispose(): void {
    this.invalidate();
    this.dropBuilder();
    this.node.yoga?.unsetMeasureFunc();
    live.delete(this);
  }
}

function alignName(a: ResolvedText['textAlign']): 'Left' | 'Right' | 'Center' | 'Justify' | 'Start' | 'End' {
  return (a[0]!.toUpperCase() + a.slice(1)) as 'Left';
}

function hasSpans(node: PlanarNode): boolean {
  return node.children.some((c) => c.kind === 'span' || (c.kind === 'slot' && hasSpans(c)));
}

function collectText(node: PlanarNode): string {
  let s = '';
  for (const c of node.children) s += c.kind === 'textpiece' ? c.text : collectText(c);
  return s;
}

/** The full text of a <Text>, with nested runs (used by `screen.find({ text })`). */
export function textOf(node: PlanarNode): string {
  return collectText(node);
}

function firstStrongIsRtl(text: string): boolean {
  const m = STRONG.exec(text);
  return !!m && RTL.test(m[0]);
}

