/**
 * RowExtents: the height of every row of a long list, measured or estimated, and where each
 * row starts, kept so that every question costs O(log n) however long the list is.
 *
 * The heights sit in a Fenwick tree (a binary indexed tree): cell k holds the sum of the
 * heights of rows (k − lowbit(k), k], so a row's start is the sum of about log2(n) cells,
 * a height that changes updates about log2(n) cells, and the row at a given offset is found
 * by walking down the tree's powers of two from the top, never looking at a row at a time:
 *
 *   rows      1   2   3   4   5   6   7   8        (1-based)
 *   cells    [1] [1-2] [3] [1-4] [5] [5-6] [7] [1-8]
 *   start of row 6 = rows 1..5 = cell 4 + cell 5;  row 3's height changes: cells 3, 4, 8
 *
 * A row that was never laid out counts at its estimate. Measured heights are kept by key, in
 * a map of the measured rows only (with the index each had), so a row keeps its height when
 * rows are inserted or removed before it: when the rows change, the heights start again from
 * the estimates (typed-array work, no call per row), the measured rows are found again near
 * where they were (row-search.ts) and the tree is rebuilt over them, in O(n) additions. Heights
 * of rows not found again (they left the list, or moved far) are forgotten.
 */
import { relocate, type KeyedRows, type KnownRow } from './row-search.js';

/** The rows as RowExtents sees them. */
export interface RowSource extends KeyedRows {
  /** Row `index`'s key: the same row keeps it while the rows stay the same (and across changes, when it stays in the list). */
  keyOf(index: number): string;
  /** Writes every row's height before it is laid out into `heights` (one per row). */
  estimate(heights: Float64Array): void;
}

export class RowExtents {
  private rows: RowSource = { count: 0, keyOf: outOfList, peekKey: outOfList, estimate: () => {} };
  private heights = new Float64Array(0);
  /** The Fenwick tree over `heights`, 1-based (cell 0 unused). */
  private tree = new Float64Array(1);
  /** The measured rows: height by key, and the index each was at. */
  private readonly measured = new Map<string, { height: number; row: number }>();

  /** Rows in the list. */
  get count(): number {
    return this.rows.count;
  }

  /** The sum of every row's height, measured or estimated. */
  get total(): number {
    return this.start(this.rows.count);
  }

  /**
   * Takes the rows, in order (after any change to the list): a measured row found again keeps
   * its height, the others count at their estimates. `shifts`: how far rows are known to have
   * moved (the anchor's), tried first. O(n) typed-array work plus a few keys per measured row.
   * @example extents.setRows(rows, [3]) // three rows came in above the anchor
   */
  setRows(rows: RowSource, shifts: readonly number[] = []): void {
    const n = rows.count;
    const heights = new Float64Array(n);
    rows.estimate(heights);
    for (let i = 0; i < n; i++) if (!(heights[i]! >= 0 && heights[i]! < Infinity)) checkedHeight(heights[i]!, `the estimate of row ${i}`);
    const known: (KnownRow & { height: number })[] = [];
    for (const [key, { height, row }] of this.measured) known.push({ key, row, height });
    known.sort((a, b) => a.row - b.row);
    const found = relocate(rows, known, shifts);
    this.measured.clear();
    known.forEach(({ key, height }, i) => {
      const at = found[i]!;
      if (at < 0) return;
      heights[at] = height;
      this.measured.set(key, { height, row: at });
    });
    this.rows = rows;
    this.heights = heights;
    // Build in O(n): each cell passes its sum on to the next cell that covers it.
    const tree = new Float64Array(n + 1);
    for (let k = 1; k <= n; k++) {
      tree[k]! += heights[k - 1]!;
      const parent = k + (k & -k);
      if (parent <= n) tree[parent]! += tree[k]!;
    }
    this.tree = tree;
  }

  keyOf(index: number): string {
    return this.rows.keyOf(index);
  }

  heightOf(index: number): number {
    return this.heights[index] ?? 0;
  }

  isMeasured(index: number): boolean {
    return this.measured.has(this.rows.keyOf(index));
  }

  /**
   * Records a row's laid-out height; returns how much it changed from what was counted.
   * @example extents.measure(3, 120) // 72 when row 3 was estimated at 48
   */
  measure(index: number, height: number): number {
    if (!(index >= 0 && index < this.rows.count)) throw new RangeError(`RowExtents.measure: row ${index} is not in the list (0..${this.rows.count - 1})`);
    const h = checkedHeight(height, `the height of row ${index}`);
    const key = this.rows.keyOf(index), entry = this.measured.get(key);
    if (entry) {
      entry.height = h;
      entry.row = index;
    } else this.measured.set(key, { height: h, row: index });
    const delta = h - this.heights[index]!;
    if (delta === 0) return 0;
    this.heights[index] = h;
    for (let k = index + 1; k < this.tree.length; k += k & -k) this.tree[k]! += delta;
    return delta;
  }

  /** Where row `index` starts: the sum of the rows before it (`count` gives the total). */
  start(index: number): number {
    let sum = 0;
    for (let k = Math.min(index, this.rows.count); k > 0; k -= k & -k) sum += this.tree[k]!;
    return sum;
  }

  /**
   * The row that covers offset `y` (the first row for y < 0, the last for y past the end);
   * -1 for an empty list.
   */
  indexAt(y: number): number {
    const n = this.rows.count;
    if (n === 0) return -1;
    // Walk down from the highest power of two: find the most rows whose heights sum to ≤ y.
    let k = 0, rest = y;
    for (let step = highestPowerOfTwo(n); step > 0; step >>= 1) {
      const next = k + step;
      if (next <= n && this.tree[next]! <= rest) {
        k = next;
        rest -= this.tree[next]!;
      }
    }
    // Rows of height 0 at y end at y: the row covering y is the next one.
    return Math.min(n - 1, k);
  }
}

function highestPowerOfTwo(n: number): number {
  let p = 1;
  while (p * 2 <= n) p *= 2;
  return p;
}

function checkedHeight(h: number, what: string): number {
  if (typeof h !== 'number' || !Number.isFinite(h) || h < 0) throw new RangeError(`RowExtents: ${what} must be a finite number ≥ 0, got ${String(h)}`);
  return h;
}

function outOfList(index: number): never {
  throw new RangeError(`RowExtents: row ${index} is not in the list (it is empty)`);
}
