/**
 * Which section header is pinned to the top of a list's viewport, and how far the next header
 * has pushed it up.
 *
 * The pinned header is the header of the section the viewport's top edge is in. It is pinned
 * only once its own row has started to scroll out above that edge (before that, the row itself
 * shows it). When the next section's header row comes within a header's height of the top, the
 * pinned header moves up with it, so the two never overlap, and is gone when the next one
 * reaches the top:
 *
 *   ┌──────────────┐ ← viewport top       ┌──────────────┐
 *   │▓ Section A  ▓│   pinned             │▓ Section A  ▓│ pushed up by 12
 *   │  a 3         │                      │▓ Section B  ▓│ ← B's row
 *   │▓ Section B  ▓│ ← B's row            │  b 1         │
 */
import { headerAfter, headerBefore } from './list-rows.js';

export interface PinnedHeader {
  /** The header's row. */
  row: number;
  /** How far it is pushed up above the viewport's top, 0..its height, logical px. */
  push: number;
}

/** What the layout says about rows: where one starts in the content, and how tall it is. */
export interface RowPlaces {
  contentStart(row: number): number;
  heightOf(row: number): number;
  rowAt(y: number): number;
}

/**
 * The header pinned at scroll offset `offset`, or null when none is (no sections, or the
 * current section's own header row is still at or below the viewport's top).
 * @example pinnedHeader([0, 5], 260, layout) // { row: 0, push: 0 }
 */
export function pinnedHeader(headers: ArrayLike<number>, offset: number, rows: RowPlaces): PinnedHeader | null {
  if (headers.length === 0) return null;
  const top = rows.rowAt(offset);
  if (top < 0) return null;
  const row = headerBefore(headers, top);
  if (row < 0 || rows.contentStart(row) >= offset) return null;
  const height = rows.heightOf(row);
  const next = headerAfter(headers, row);
  const push = next < 0 ? 0 : Math.min(height, Math.max(0, offset + height - rows.contentStart(next)));
  return { row, push };
}
