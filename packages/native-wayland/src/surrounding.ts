/**
 * Text around the cursor, between JS strings and zwp_text_input_v3's UTF-8 bytes.
 *
 * The toolkit counts in UTF-16 code units (JS string indexes); the protocol counts in UTF-8
 * bytes and carries at most 4000 bytes of surrounding text. `surroundingWindow` cuts the
 * field's text to a window around the cursor and the selection that fits (never splitting a
 * character) and gives the offsets in bytes; `deletedUnits` turns the byte lengths of an input
 * method's delete_surrounding_text back into code units around the cursor, in the text last sent.
 */

/** The protocol's limit on surrounding text; one byte is kept for the message's terminating NUL. */
export const SURROUNDING_MAX_BYTES = 4000;

export interface SurroundingWindow {
  /** The part of the text sent. */
  text: string;
  /** Cursor and anchor as UTF-8 byte offsets into `text`. */
  cursorBytes: number;
  anchorBytes: number;
  /** The cursor as a UTF-16 index into `text`. */
  cursor: number;
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
const isLowSurrogate = (s: string, i: number): boolean => i > 0 && i < s.length && (s.charCodeAt(i) & 0xfc00) === 0xdc00;
/** An index moved off the middle of a surrogate pair, towards `towards` (-1 or +1). */
const onCharacter = (s: string, i: number, towards: -1 | 1): number => (isLowSurrogate(s, i) ? i + towards : i);

/**
 * The window of `text` to send as surrounding text.
 * @example surroundingWindow('héllo', 2, 2) // { text: 'héllo', cursorBytes: 3, anchorBytes: 3, cursor: 2 }
 */
export function surroundingWindow(text: string, cursor: number, anchor: number, maxBytes = SURROUNDING_MAX_BYTES - 1): SurroundingWindow {
  let start = 0, end = text.length;
  if (bytes(text) > maxBytes) {
    // Keep the selection and as much on both sides as fits; a selection too long for the
    // window is given up for the cursor alone (the anchor is clamped to the window).
    let lo = Math.min(cursor, anchor), hi = Math.max(cursor, anchor);
    if (bytes(text.slice(lo, hi)) > maxBytes / 2) lo = hi = cursor;
    for (let margin = maxBytes; ; margin = Math.floor(margin / 2)) {
      start = onCharacter(text, Math.max(0, lo - margin), 1);
      end = onCharacter(text, Math.min(text.length, hi + margin), -1);
      if (bytes(text.slice(start, end)) <= maxBytes || margin === 0) break;
    }
  }
  const window = text.slice(start, end);
  const clamp = (i: number) => Math.min(Math.max(i - start, 0), window.length);
  return { text: window, cursorBytes: bytes(window.slice(0, clamp(cursor))), anchorBytes: bytes(window.slice(0, clamp(anchor))), cursor: clamp(cursor) };
}

/**
 * delete_surrounding_text's byte lengths before and after the cursor, as UTF-16 code units of
 * `text` (the surrounding text last sent, the cursor a UTF-16 index into it).
 * @example deletedUnits('né', 2, 2, 0) // { before: 1, after: 0 }: 'é' is two bytes, one unit
 */
export function deletedUnits(text: string, cursor: number, beforeBytes: number, afterBytes: number): { before: number; after: number } {
  const head = Buffer.from(text.slice(0, cursor), 'utf8');
  const tail = Buffer.from(text.slice(cursor), 'utf8');
  const kept = head.subarray(0, Math.max(0, head.length - beforeBytes)).toString('utf8');
  return {
    before: cursor - Math.min(kept.length, cursor),
    after: tail.subarray(0, Math.min(afterBytes, tail.length)).toString('utf8').length,
  };
}
