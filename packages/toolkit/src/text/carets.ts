/**
 * Where a caret stands, and how it moves on screen, in a laid-out paragraph with mixed
 * directions.
 *
 * A caret index lies between two graphemes, the one before it in the text and the one after.
 * On screen those two may be far apart. Take "abc אבג def" in a left-to-right paragraph; it is
 * drawn with the Hebrew run turned around:
 *
 *     a b c ␠ ג ב א ␠ d e f          index 4 lies between "␠" and "א":
 *            L     R                   after the space: at L; before the alef: at R
 *
 * 1. Placing. A caret placed downstream stands at the edge of the grapheme after it where that
 *    grapheme starts (its left edge in a left-to-right run, its right edge in a right-to-left
 *    one); upstream, at the edge of the grapheme before it where that one ends. After a hard
 *    line break only the grapheme after counts (the caret is on the new line); at the text's
 *    ends only the one there is. An empty line puts it where its alignment does.
 * 2. Shown without an affinity, an index stands on the side caret-sides.ts chooses for it, so
 *    that every visual gap of a line has an index of its own (above, 4 stands at L and 7 at R):
 *    a field that keeps only indices, drawn with no affinity, can reach every gap. Across a soft
 *    wrap the index starts the next line.
 * 3. Stops. A line's stops are its indices from its start to its end, each on its chosen side;
 *    at a soft wrap the end itself belongs to the next line, so the last stop is before the
 *    wrapping space.
 * 4. Moving. `move` goes to the stop nearest on the given side of the caret's x on its line
 *    (ties: the one nearest in the text). Past the line's edge it goes to the next line in
 *    reading order (down for right in a left-to-right paragraph, up in a right-to-left one) and
 *    enters it at the edge it came from: its leftmost stop moving right, its rightmost moving left.
 * 5. Hit testing picks the stop nearest to x on the line at y; at a soft wrap the line's own end
 *    (upstream, after the wrapping space) is a candidate too, which is the one place where an
 *    affinity must be kept to show the caret where the person touched.
 *
 * Grapheme boxes come from `getGlyphInfoAt` (one call per cluster, remembered), moved by the
 * line's `shift` (see lines.ts).
 */
import type { CanvasKit, Paragraph } from 'canvaskit-wasm';
import { chooseSides, type CaretSides } from './caret-sides.js';
import { lineIndexOf, type ParagraphLine } from './lines.js';
import type { TextSegments } from './segments.js';

export type TextAffinity = 'upstream' | 'downstream';

interface Cluster {
  left: number;
  right: number;
  rtl: boolean;
  line: number;
}

export interface CaretPlace {
  x: number;
  line: number;
  affinity: TextAffinity;
}

export interface CaretStop {
  index: number;
  x: number;
  affinity: TextAffinity;
}

/** Closer than this (px) is the same place. */
const SAME = 0.5;

export class Carets {
  private readonly clusters = new Map<number, Cluster | null>();
  private readonly lineStops = new Map<number, CaretStop[]>();

  constructor(
    private readonly ck: CanvasKit,
    private readonly paragraph: Paragraph,
    private readonly segments: TextSegments,
    readonly lines: readonly ParagraphLine[],
    readonly rtl: boolean,
  ) {}

  /** The drawn box of the grapheme at `index`, or null where none is shown (past an ellipsis). */
  private cluster(index: number): Cluster | null {
    let c = this.clusters.get(index);
    if (c !== undefined) return c;
    const info = this.paragraph.getGlyphInfoAt(index);
    if (!info) c = null;
    else {
      const start = info.graphemeClusterTextRange.start;
      const line = lineIndexOf(this.lines, start);
      // A hard break's own box is where it is drawn; the shift is for the line's text.
      const shift = start < this.lines[line]!.end ? this.lines[line]!.shift : 0;
      const b = info.graphemeLayoutBounds;
      c = { left: b[0]! + shift, right: b[2]! + shift, rtl: info.dir.value === this.ck.TextDirection.RTL.value, line };
    }
    this.clusters.set(index, c);
    return c;
  }

  /** Where the caret at `index` stands: on the given side, or without one on the side caret-sides.ts picks for it. */
  place(index: number, affinity?: TextAffinity): CaretPlace {
    const i = this.segments.floor(index);
    const sides = this.sides(i);
    if (affinity) {
      const place = affinity === 'downstream' ? sides.down ?? sides.up : sides.up ?? sides.down;
      if (place) return place;
    }
    const k = lineIndexOf(this.lines, i);
    const shown = this.stops(k).find((s) => s.index === i);
    if (shown) return { x: shown.x, line: k, affinity: shown.affinity };
    const line = this.lines[k]!;
    const x = line.start === line.end ? line.left : this.rtl ? line.left : line.right;
    return sides.down ?? sides.up ?? { x, line: k, affinity: 'downstream' };
  }

  /** The places of index `i` beside the grapheme after it and the one before it (1. above). */
  private sides(i: number): CaretSides<CaretPlace> {
    const k = lineIndexOf(this.lines, i);
    const afterBreak = i === this.lines[k]!.start && (k === 0 || this.lines[k - 1]!.hardBreak);
    const after = i < this.segments.text.length ? this.cluster(i) : null;
    const before = afterBreak ? null : this.cluster(this.segments.previous(i));
    return {
      down: after && { x: after.rtl ? after.right : after.left, line: after.line, affinity: 'downstream' },
      up: before && { x: before.rtl ? before.left : before.right, line: before.line, affinity: 'upstream' },
      prefersDown: !after || !before || before.line !== after.line || before.rtl === after.rtl || after.rtl === this.rtl,
    };
  }

  /** The line's caret stops: its indices, each on the side chosen for it (2. and 3. above). */
  stops(k: number): CaretStop[] {
    let stops = this.lineStops.get(k);
    if (stops) return stops;
    const line = this.lines[k]!;
    const soft = !line.hardBreak && k < this.lines.length - 1;
    const indices: number[] = [];
    const sides: CaretSides<CaretPlace>[] = [];
    for (let b = line.start; soft ? b < line.end : b <= line.end; b = this.segments.next(b)) {
      const s = this.sides(b);
      indices.push(b);
      sides.push({ down: s.down?.line === k ? s.down : null, up: s.up?.line === k ? s.up : null, prefersDown: s.prefersDown });
      if (b >= this.segments.text.length) break;
    }
    stops = [];
    chooseSides(sides).forEach((place, n) => {
      if (place) stops!.push({ index: indices[n]!, x: place.x, affinity: place.affinity });
    });
    if (!stops.length && line.start === line.end) stops.push({ index: line.start, x: line.left, affinity: 'downstream' });
    this.lineStops.set(k, stops);
    return stops;
  }

  /** The index one stop left (`dir` −1) or right (+1) of the caret on screen (4. above). */
  move(index: number, affinity: TextAffinity | undefined, dir: -1 | 1): number {
    const from = this.place(index, affinity);
    let best: CaretStop | null = null;
    let bestDistance = Infinity;
    for (const stop of this.stops(from.line)) {
      const d = (stop.x - from.x) * dir;
      if (d <= SAME) continue;
      const closer = d < bestDistance - SAME;
      const tie = !closer && Math.abs(d - bestDistance) <= SAME && Math.abs(stop.index - index) < Math.abs(best!.index - index);
      if (closer || tie) {
        best = stop;
        bestDistance = Math.min(d, bestDistance);
      }
    }
    if (best) return best.index;
    const forward = (dir > 0) !== this.rtl;
    const target = from.line + (forward ? 1 : -1);
    if (target < 0 || target >= this.lines.length) return index;
    const stops = this.stops(target);
    if (!stops.length) return this.lines[target]!.start;
    return stops.reduce((a, b) => ((b.x - a.x) * dir < 0 ? b : a)).index;
  }

  /** The stop nearest to `x` on line `k`; with `softEnd`, a soft wrap's end counts too (5. above). */
  nearest(k: number, x: number, softEnd: boolean): CaretStop {
    const line = this.lines[k]!;
    const candidates = [...this.stops(k)];
    if (softEnd && !line.hardBreak && k < this.lines.length - 1) {
      const end = this.place(line.end, 'upstream');
      if (end.line === k) candidates.push({ index: line.end, x: end.x, affinity: 'upstream' });
    }
    if (!candidates.length) return { index: line.start, x: line.left, affinity: 'downstream' };
    return candidates.reduce((a, b) => (Math.abs(b.x - x) < Math.abs(a.x - x) ? b : a));
  }
}
