/**
 * Where a caret may stand in a string, and how far a key moves or deletes: user-perceived
 * characters (grapheme clusters, so an emoji family, a flag or a letter with combining marks
 * is one step), words and logical lines. Offsets are UTF-16 code unit indices, as JavaScript
 * strings count them; every offset returned here lies on a grapheme boundary.
 *
 * The rules are Unicode's (UAX #29) through `Intl.Segmenter`: `segment(text).containing(i)`
 * finds the segment around an offset without walking the string from its start.
 */

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/** The grapheme boundary after `offset` (the text's length at its end). */
export function nextGrapheme(text: string, offset: number): number {
  if (offset >= text.length) return text.length;
  const s = graphemes.segment(text).containing(Math.max(0, offset))!;
  return s.index + s.segment.length;
}

/** The grapheme boundary before `offset` (0 at the start). */
export function previousGrapheme(text: string, offset: number): number {
  if (offset <= 0) return 0;
  return graphemes.segment(text).containing(Math.min(text.length, offset) - 1)!.index;
}

/** The nearest grapheme boundary at or before `offset` (an offset inside a cluster moves to its start). */
export function graphemeBoundary(text: string, offset: number): number {
  if (offset <= 0) return 0;
  if (offset >= text.length) return text.length;
  return graphemes.segment(text).containing(offset)!.index;
}

/** How many user-perceived characters the text holds. */
export function graphemeCount(text: string): number {
  let n = 0;
  for (const _ of graphemes.segment(text)) n++;
  return n;
}

/** The first `count` user-perceived characters of `text`. */
export function firstGraphemes(text: string, count: number): string {
  if (count <= 0) return '';
  let n = 0;
  for (const s of graphemes.segment(text)) if (++n > count) return text.slice(0, s.index);
  return text;
}

/**
 * Where a word-wise move forward from `offset` stops: the end of the next word (skipping the
 * spaces and punctuation before it), as Ctrl+→ does on Linux desktops.
 */
export function nextWordEnd(text: string, offset: number): number {
  for (const s of words.segment(text)) {
    const end = s.index + s.segment.length;
    if (end > offset && s.isWordLike) return end;
  }
  return text.length;
}

/** Where a word-wise move back from `offset` stops: the start of the word before it (or the one it is inside). */
export function previousWordStart(text: string, offset: number): number {
  let found = 0;
  for (const s of words.segment(text)) {
    if (s.index >= offset) break;
    if (s.isWordLike) found = s.index;
  }
  return found;
}

/**
 * The word (or run of spaces, or punctuation mark) at `offset`, as a double tap selects it.
 * At the end of the text, or just after a word, the segment before the offset.
 */
export function wordAt(text: string, offset: number): { start: number; end: number } {
  if (text.length === 0) return { start: 0, end: 0 };
  const segments = words.segment(text);
  let s = segments.containing(Math.min(offset, text.length - 1))!;
  // A tap just past a word's last letter means that word, not the space after it.
  if (offset > 0 && s.index === offset && !s.isWordLike) {
    const before = segments.containing(offset - 1)!;
    if (before.isWordLike) s = before;
  }
  return { start: s.index, end: s.index + s.segment.length };
}

/** The start of the logical line (after the last newline) that `offset` is on. */
export function lineStart(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** The end of the logical line (before its newline) that `offset` is on. */
export function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
}
