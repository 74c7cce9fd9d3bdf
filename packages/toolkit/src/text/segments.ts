/**
 * Grapheme and word boundaries of a text, from `Intl.Segmenter` (Unicode's UAX #29 rules, with
 * the locale's word dictionary for scripts written without spaces, such as Thai or Japanese).
 *
 * Graphemes are what a person calls a character: an emoji family joined by ZWJ, a letter with
 * its combining marks and a flag's two regional indicators are one each. They are kept as a
 * sorted list of boundaries (0, every cluster's start, and the text's length), searched by
 * bisection. Words are kept as the segmenter's segments, each flagged word-like or not
 * (spaces and punctuation are not).
 */

export interface TextSpan {
  start: number;
  end: number;
}

interface WordSegment extends TextSpan {
  wordLike: boolean;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(locale: string | undefined, granularity: 'grapheme' | 'word'): Intl.Segmenter {
  const key = `${granularity}:${locale ?? ''}`;
  let s = segmenters.get(key);
  if (!s) segmenters.set(key, (s = new Intl.Segmenter(locale, { granularity })));
  return s;
}

export class TextSegments {
  private readonly boundaries: number[] = [];
  private wordList: WordSegment[] | null = null;

  constructor(readonly text: string, private readonly locale: string | undefined) {
    for (const { index } of segmenter(locale, 'grapheme').segment(text)) this.boundaries.push(index);
    if (this.boundaries[this.boundaries.length - 1] !== text.length) this.boundaries.push(text.length);
  }

  /** Every grapheme boundary in order, from 0 to the text's length. */
  get graphemeBoundaries(): readonly number[] {
    return this.boundaries;
  }

  /** The position of the last boundary at or before `index` in `boundaries`. */
  private floorSlot(index: number): number {
    let lo = 0, hi = this.boundaries.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.boundaries[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The grapheme boundary at or before `index` (an index inside a cluster moves to its start). */
  floor(index: number): number {
    return this.boundaries[this.floorSlot(clamp(index, this.text.length))]!;
  }

  /** The grapheme boundary at or after `index`. */
  ceil(index: number): number {
    const i = clamp(index, this.text.length);
    const slot = this.floorSlot(i);
    return this.boundaries[slot] === i ? i : this.boundaries[slot + 1]!;
  }

  next(index: number): number {
    const i = clamp(index, this.text.length);
    return this.boundaries[Math.min(this.floorSlot(i) + 1, this.boundaries.length - 1)]!;
  }

  previous(index: number): number {
    const i = clamp(index, this.text.length);
    const slot = this.floorSlot(i);
    return this.boundaries[this.boundaries[slot] === i ? Math.max(0, slot - 1) : slot]!;
  }

  private get words(): WordSegment[] {
    if (!this.wordList) {
      this.wordList = [];
      for (const s of segmenter(this.locale, 'word').segment(this.text)) {
        this.wordList.push({ start: s.index, end: s.index + s.segment.length, wordLike: s.isWordLike ?? false });
      }
    }
    return this.wordList;
  }

  /**
   * The word segment holding `index`. A caret just after a word (before a space or a comma, or
   * at the text's end) belongs to that word; elsewhere a space or punctuation is its own segment.
   */
  wordAt(index: number): TextSpan {
    const i = clamp(index, this.text.length);
    const words = this.words;
    if (!words.length) return { start: 0, end: 0 };
    const k = words.findIndex((w) => w.start <= i && i < w.end);
    const before = words[(k < 0 ? words.length : k) - 1];
    const at = words[k];
    const chosen = !at || (before?.wordLike && before.end === i && !at.wordLike) ? before! : at;
    return { start: chosen.start, end: chosen.end };
  }

  /** The end of the first word ending after `index` (spaces and punctuation skipped); the text's length after the last. */
  nextWord(index: number): number {
    const i = clamp(index, this.text.length);
    return this.words.find((w) => w.wordLike && w.end > i)?.end ?? this.text.length;
  }

  /** The start of the last word starting before `index`; 0 before the first. */
  previousWord(index: number): number {
    const i = clamp(index, this.text.length);
    return this.words.findLast((w) => w.wordLike && w.start < i)?.start ?? 0;
  }
}

function clamp(index: number, length: number): number {
  if (!Number.isFinite(index)) throw new Error(`text index ${index} is not a number — pass a UTF-16 offset from 0 to ${length}`);
  return Math.min(length, Math.max(0, Math.trunc(index)));
}
