/**
 * Where the keys of a page are, and which key a touch means.
 *
 * Placing. The widest row (in key units) spans the keyboard's width less its padding, which
 * fixes the width of one unit (up to `maxUnit`, for pads); every row is centred. Each key owns a cell — its slot of
 * units across, its row's pitch (key height plus gap) down — and is drawn inset by half the
 * gap on every side, so neighbouring keys show a gap between them but their cells touch.
 *
 * Hitting. A finger on a 7" panel lands between keys as often as on them, so a touch is not
 * tested against the drawn boxes. The row is the one whose band holds the touch (the top and
 * bottom rows take everything above and below them); in that row the touch goes to the key
 * nearest along the row. Nearness is measured to the key's cell, not its centre: the cells
 * touch, so this is the nearest-centre rule for keys of one width (the gap between two keys is
 * split down its middle), and it still gives the wide space bar all of its own width (a touch
 * near the space bar's end is nearer the next key's centre than its own). Touches beyond the
 * first or last key of a short row go to that key.
 *
 *      | q | w | e |        touch ✕ in the gap between w and e:
 *         ✕                 nearer w's cell than e's → w
 *      |⇧  | z |   space   | touch near space's left end → space (inside its cell)
 */
import type { KeySpec } from './layout-types.js';

/** A key of the page with its drawn box, in the keyboard's coordinates (logical px). */
export interface PlacedKey {
  key: KeySpec;
  row: number;
  /** Its place in the row, left to right. */
  column: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The cell it owns across: from `cellLeft` to `cellRight`. */
  cellLeft: number;
  cellRight: number;
}

export interface KeyMetrics {
  /** The keyboard's width, logical px. */
  width: number;
  /** A key's height (default 48: a fingertip on a 7" panel). */
  keyHeight: number;
  /** Between keys, across and down. */
  gap: number;
  /** Around the keys. */
  padding: number;
  /** The widest a key unit grows, px (a pad's few keys stay a thumb's reach apart); rows are centred. */
  maxUnit?: number;
}

export interface PageGeometry {
  keys: PlacedKey[];
  /** The keyboard's height: its rows and padding. */
  height: number;
  /** One key unit's width, px. */
  unit: number;
}

const unitsOf = (row: readonly KeySpec[]) => row.reduce((n, k) => n + (k.width ?? 1), 0);

/** Places every key of `rows` (see the file's comment). */
export function placeKeys(rows: readonly (readonly KeySpec[])[], m: KeyMetrics): PageGeometry {
  const widest = Math.max(...rows.map(unitsOf));
  const unit = Math.min(m.maxUnit ?? Infinity, (m.width - 2 * m.padding) / widest);
  const pitch = m.keyHeight + m.gap;
  const keys: PlacedKey[] = [];
  rows.forEach((row, r) => {
    let left = (m.width - unitsOf(row) * unit) / 2;
    row.forEach((key, column) => {
      const w = (key.width ?? 1) * unit;
      keys.push({
        key, row: r, column,
        x: left + m.gap / 2, y: m.padding + r * pitch + m.gap / 2, width: w - m.gap, height: m.keyHeight,
        cellLeft: left, cellRight: left + w,
      });
      left += w;
    });
  });
  return { keys, height: 2 * m.padding + rows.length * pitch, unit };
}

/** The key a touch at (x, y) in the keyboard's coordinates means (see the file's comment); null on an empty page. */
export function keyAt(page: PageGeometry, m: Pick<KeyMetrics, 'keyHeight' | 'gap' | 'padding'>, x: number, y: number): PlacedKey | null {
  const rows = page.keys.length ? page.keys[page.keys.length - 1]!.row + 1 : 0;
  if (!rows) return null;
  const row = Math.min(rows - 1, Math.max(0, Math.floor((y - m.padding) / (m.keyHeight + m.gap))));
  let best: PlacedKey | null = null;
  let bestDistance = Infinity;
  for (const k of page.keys) {
    if (k.row !== row) continue;
    const d = x < k.cellLeft ? k.cellLeft - x : x > k.cellRight ? x - k.cellRight : 0;
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}
