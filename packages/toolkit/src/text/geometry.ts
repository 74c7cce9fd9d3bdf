/**
 * Text geometry: what editing needs to know about a laid-out <Text> — where an index is drawn,
 * which index is under a point, the boxes of a selection, grapheme, word and line boundaries,
 * and caret moves on screen through mixed-direction text.
 *
 * Queries read the paragraph the <Text> keeps for painting (render/text.ts), laid out at the
 * content width of the node's last layout; they make no CanvasKit object. What they derive
 * (lines, grapheme and word boundaries, caret stops) is kept until the text, the paragraph or
 * the width changes. Coordinates are the node's own: 0, 0 is its border box's top-left, as in
 * a <Canvas> draw callback, so a caret or selection drawn in a box of the same place and size
 * over the <Text> lines up.
 */
import type { CanvasKit, Paragraph } from 'canvaskit-wasm';
import type { NodeHandle } from '../input/events.js';
import { nodeOfHandle } from '../input/node-handles.js';
import { canvasKit } from '../render/canvaskit.js';
import { textOf } from '../render/text.js';
import { Carets, type TextAffinity } from './carets.js';
import { lineIndexAtY, paragraphLines, type EmptyCaretSide } from './lines.js';
import { TextSegments, type TextSpan } from './segments.js';
import { laidOutText } from './target.js';

export type { TextAffinity } from './carets.js';
export type { TextSpan } from './segments.js';

/** An index in the text and, where one index has two places on screen, which side it is shown on. */
export interface TextPosition {
  index: number;
  affinity: TextAffinity;
}

export interface TextRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextLine {
  /** The index the line starts at. */
  start: number;
  /** The index its text ends at, before a hard line break (at a soft wrap: where the next line starts). */
  end: number;
  top: number;
  bottom: number;
  baseline: number;
}

/**
 * The geometry of a laid-out <Text>, for a text field's caret, selection and keys. Indices are
 * UTF-16 offsets into `text`; an index given inside a grapheme counts as the grapheme's start.
 * Coordinates are the node's (0, 0: its border box's top-left).
 *
 * It answers for the text as the <Text> holds it now, laid out at the width of the last frame's
 * layout. After the text changes they are the new text's at the old width: right at once for a
 * <Text> whose width does not follow its text (a field), right after the next frame otherwise.
 *
 * Where a left-to-right and a right-to-left run meet, one index has two places on screen. Given
 * no affinity, an index is shown on the side chosen so that every gap between graphemes of a
 * line has an index of its own (carets.ts, caret-sides.ts), and at a soft wrap at the start of
 * the next line; the moves return indices meant to be shown that way, so a field can keep bare
 * indices. The one place only an affinity reaches is the end of a soft-wrapped line.
 */
export interface TextGeometry {
  /** The text as laid out (the Text node's string, runs joined). */
  readonly text: string;
  /**
   * The caret position nearest a point, and the side it is shown on there (pass both to
   * `caretRect`). The index alone shows at the same place except at the end of a soft-wrapped
   * line, where it is `upstream` and the bare index shows at the next line's start.
   */
  positionAt(x: number, y: number): TextPosition;
  /** The caret at an index: a zero-width rect as tall as its line (draw it as wide as you like, centred on x). */
  caretRect(index: number, affinity?: TextAffinity): TextRect;
  /** The rectangles covering a range: one or more per line (each run of a direction its own), top to bottom. */
  selectionRects(start: number, end: number): TextRect[];
  /** The next grapheme boundary after `index` (an emoji family, a letter with its marks, a flag are one grapheme). */
  nextGrapheme(index: number): number;
  /** The grapheme boundary before `index`. */
  previousGrapheme(index: number): number;
  /** The word around an index; a space or punctuation there is its own span; a caret just after a word takes that word. */
  wordAt(index: number): TextSpan;
  /** The end of the next word (spaces and punctuation skipped), the text's length after the last one. */
  nextWord(index: number): number;
  /** The start of the previous word, 0 before the first one. */
  previousWord(index: number): number;
  /** The line holding an index (`upstream` at a soft wrap: the line it ends). */
  lineAt(index: number, affinity?: TextAffinity): TextLine;
  readonly lineCount: number;
  /** The index one step left on screen (in a right-to-left run that is forward in the text). */
  visualLeft(index: number, affinity?: TextAffinity): number;
  /** The index one step right on screen. */
  visualRight(index: number, affinity?: TextAffinity): number;
  /** The index on the line above nearest to `x` (the node's x, e.g. the caret's when the moves began); 0 from the first line. */
  lineAbove(index: number, x: number, affinity?: TextAffinity): number;
  /** The index on the line below nearest to `x`; the text's length from the last line. */
  lineBelow(index: number, x: number, affinity?: TextAffinity): number;
}

export interface TextGeometryOptions {
  /** The locale whose word rules apply (default: the runtime's). */
  locale?: string;
}

/** What the answers are derived from, kept while the paragraph, its width and the text stay the same. */
interface Derived {
  paragraph: Paragraph;
  width: number;
  segments: TextSegments;
  carets: Carets;
}

/**
 * The geometry of the <Text> behind `handle` (its `ref`), current for the last frame's layout.
 * It throws a clear error for a handle of anything else, a run nested in another <Text>, or a
 * <Text> not mounted or not laid out yet (wait for a frame: query from an event handler, or after
 * `app.on('frame')`, or in a test after `await screen.flush()`).
 * @example
 * const g = textGeometry(ref.current!);
 * const caret = g.caretRect(cursor.value);     // draw a 2 px bar at caret.x over the <Text>
 * cursor.value = g.positionAt(e.x, e.y).index; // in onPointerDown, with the node's x and y
 */
export function textGeometry(handle: NodeHandle, options: TextGeometryOptions = {}): TextGeometry {
  const node = nodeOfHandle(handle);
  if (!node) throw new Error('textGeometry(): this is not a node handle — pass the handle a <Text> gives to its `ref`');
  laidOutText(node, 'textGeometry()');
  let derived: Derived | null = null;

  const current = (): Derived & { ck: CanvasKit; ox: number; oy: number } => {
    const content = laidOutText(node, 'text geometry');
    const { paragraph, width, direction, align } = content.laidOut();
    const text = textOf(node);
    if (!derived || derived.paragraph !== paragraph || derived.width !== width || derived.segments.text !== text) {
      const ck = canvasKit();
      const segments = new TextSegments(text, options.locale);
      const lines = paragraphLines(ck, paragraph, segments, width, emptyCaretSide(align, direction));
      derived = { paragraph, width, segments, carets: new Carets(ck, paragraph, segments, lines, direction === 'rtl') };
    }
    return { ...derived, ck: canvasKit(), ox: node.border[3] + node.padding[3], oy: node.border[0] + node.padding[0] };
  };

  const lineAt = (index: number, affinity?: TextAffinity): TextLine => {
    const { carets, oy } = current();
    const line = carets.lines[carets.place(index, affinity).line]!;
    return { start: line.start, end: line.end, top: line.top + oy, bottom: line.bottom + oy, baseline: line.baseline + oy };
  };

  const verticalMove = (index: number, x: number, affinity: TextAffinity | undefined, dir: -1 | 1): number => {
    const { carets, segments, ox } = current();
    const target = carets.place(index, affinity).line + dir;
    if (target < 0) return 0;
    if (target >= carets.lines.length) return segments.text.length;
    return carets.nearest(target, x - ox, false).index;
  };

  return {
    get text() { return current().segments.text; },
    get lineCount() { return current().carets.lines.length; },
    positionAt(x, y) {
      const { carets, ox, oy } = current();
      const stop = carets.nearest(lineIndexAtY(carets.lines, y - oy), x - ox, true);
      return { index: stop.index, affinity: stop.affinity };
    },
    caretRect(index, affinity) {
      const { carets, ox, oy, width } = current();
      const place = carets.place(index, affinity);
      const line = carets.lines[place.line]!;
      return { x: clamp(place.x, 0, width) + ox, y: line.top + oy, width: 0, height: line.bottom - line.top };
    },
    selectionRects(start, end) {
      const { ck, paragraph, carets, segments, ox, oy, width } = current();
      const from = segments.floor(Math.min(start, end)), to = segments.ceil(Math.max(start, end));
      const rects: TextRect[] = [];
      // Line by line, each without its hard break, so that one line's shift applies to all of it.
      for (const line of carets.lines) {
        const a = Math.max(from, line.start), b = Math.min(to, line.end);
        if (a >= b) continue;
        const boxes = paragraph.getRectsForRange(a, b, ck.RectHeightStyle.Max, ck.RectWidthStyle.Tight)
          .map(({ rect }) => [clamp(rect[0]! + line.shift, 0, width), clamp(rect[2]! + line.shift, 0, width)] as const)
          .filter(([l, r]) => r - l >= 0.01)
          .sort((p, q) => p[0] - q[0]);
        let last: TextRect | null = null;
        for (const [l, r] of boxes) {
          // Runs of one direction come as one box each; boxes that touch are one rect.
          if (last && Math.abs(last.x + last.width - (l + ox)) < 0.5) last.width = r + ox - last.x;
          else rects.push((last = { x: l + ox, y: line.top + oy, width: r - l, height: line.bottom - line.top }));
        }
      }
      return rects;
    },
    nextGrapheme: (index) => current().segments.next(index),
    previousGrapheme: (index) => current().segments.previous(index),
    wordAt: (index) => current().segments.wordAt(index),
    nextWord: (index) => current().segments.nextWord(index),
    previousWord: (index) => current().segments.previousWord(index),
    lineAt,
    visualLeft: (index, affinity) => current().carets.move(index, affinity, -1),
    visualRight: (index, affinity) => current().carets.move(index, affinity, 1),
    lineAbove: (index, x, affinity) => verticalMove(index, x, affinity, -1),
    lineBelow: (index, x, affinity) => verticalMove(index, x, affinity, 1),
  };
}

function emptyCaretSide(align: string, direction: 'ltr' | 'rtl'): EmptyCaretSide {
  if (align === 'center') return 'center';
  if (align === 'left' || align === 'right') return align;
  const startSide = direction === 'rtl' ? 'right' : 'left';
  return align === 'end' ? (startSide === 'left' ? 'right' : 'left') : startSide;
}

function clamp(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, v));
}
