/**
 * The lines of a laid-out paragraph, in paragraph coordinates, from CanvasKit's line metrics.
 *
 * 1. A line runs from its start to the start of the next (`endIncludingNewline`); its `end`
 *    leaves out the hard break that ends it, so it is where the caret stops before the break.
 *    (The metrics' own `startIndex`/`endIndex` are wrong after a trailing newline in this
 *    CanvasKit, so only the chain of `endIncludingNewline` is trusted.)
 * 2. Its box, the height a caret and a selection take, is baseline − ascent to baseline + descent,
 *    evened out so that the boxes tile the paragraph: the first starts at 0, the last ends at the
 *    paragraph's height, and two lines meet halfway where their metrics overlap or leave a gap.
 * 3. `shift` corrects a fault of SkParagraph: on a right-to-left line that ends in a hard break,
 *    the boxes it reports for glyphs (and hit-tests against) sit right of where they are drawn,
 *    by the advance of the break. Boxes of a line's text without its trailing spaces fill the
 *    line exactly, so when their extent sticks out of the line's on one side, the difference
 *    is the shift, and every box of that line is moved back by it.
 * 4. An empty paragraph has no metrics: it gets one empty line as tall as the paragraph, with
 *    its caret placed by the alignment.
 */
import type { CanvasKit, Paragraph } from 'canvaskit-wasm';
import type { TextSegments } from './segments.js';

export interface ParagraphLine {
  start: number;
  /** Where the line's text ends, before a hard break. */
  end: number;
  /** Where the next line starts (after a hard break, or `end` at a soft wrap). */
  next: number;
  top: number;
  bottom: number;
  baseline: number;
  /** The line's text, drawn, from `left` to `right`. */
  left: number;
  right: number;
  /** Added to CanvasKit's boxes of this line to put them where the glyphs are drawn. */
  shift: number;
  hardBreak: boolean;
}

/** Where the caret of an empty paragraph goes, from its alignment and base direction. */
export type EmptyCaretSide = 'left' | 'center' | 'right';

const LINE_TERMINATOR = /^(?:\r\n|[\n\r\v\f\u0085\u2028\u2029])$/;

export function paragraphLines(ck: CanvasKit, p: Paragraph, segments: TextSegments, width: number, emptySide: EmptyCaretSide): ParagraphLine[] {
  const metrics = p.getLineMetrics();
  const text = segments.text;
  if (!metrics.length) {
    const x = emptySide === 'left' ? 0 : emptySide === 'right' ? width : width / 2;
    return [{ start: 0, end: 0, next: text.length, top: 0, bottom: p.getHeight(), baseline: p.getAlphabeticBaseline(), left: x, right: x, shift: 0, hardBreak: false }];
  }
  const lines: ParagraphLine[] = [];
  let start = 0;
  for (const m of metrics) {
    const next = Math.max(start, m.endIncludingNewline);
    const last = segments.previous(next);
    const hardBreak = next > start && LINE_TERMINATOR.test(text.slice(last, next));
    const end = hardBreak ? last : next;
    lines.push({
      start, end, next, hardBreak,
      top: m.baseline - m.ascent, bottom: m.baseline + m.descent, baseline: m.baseline,
      left: m.left, right: m.left + m.width,
      shift: lineShift(ck, p, start, Math.min(end, m.endExcludingWhitespaces), m.left, m.left + m.width),
    });
    start = next;
  }
  lines[0]!.top = 0;
  lines[lines.length - 1]!.bottom = Math.max(lines[lines.length - 1]!.bottom, p.getHeight());
  for (let k = 1; k < lines.length; k++) {
    const meet = (lines[k - 1]!.bottom + lines[k]!.top) / 2;
    lines[k - 1]!.bottom = lines[k]!.top = meet;
  }
  return lines;
}

function lineShift(ck: CanvasKit, p: Paragraph, start: number, end: number, left: number, right: number): number {
  if (end <= start) return 0;
  let min = Infinity, max = -Infinity;
  for (const { rect } of p.getRectsForRange(start, end, ck.RectHeightStyle.Max, ck.RectWidthStyle.Tight)) {
    min = Math.min(min, rect[0]!);
    max = Math.max(max, rect[2]!);
  }
  if (max > right + 0.5 && min > left + 0.5) return right - max;
  if (min < left - 0.5 && max < right - 0.5) return left - min;
  return 0;
}

/** The line holding `index`: the last one starting at or before it (a soft wrap's index starts the next line). */
export function lineIndexOf(lines: readonly ParagraphLine[], index: number): number {
  let lo = 0, hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.start <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The line at height `y`: the first whose box reaches below it (the first line above the text, the last below). */
export function lineIndexAtY(lines: readonly ParagraphLine[], y: number): number {
  const k = lines.findIndex((l) => y < l.bottom);
  return k < 0 ? lines.length - 1 : k;
}
