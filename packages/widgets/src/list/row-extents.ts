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
 * A row that was never laid out counts at its estimate; once measured, its height is kept by
 * its key, so a row keeps its height when rows are inserted or removed before it. Heights of
 * keys that leave the list are forgotten.
 */

export class RowExtents {
  private keys: readonly string[] = [];
  private heights = new Float64Array(0);
  /** The Fenwick tree over `heights`, 1-based (cell 0 unused). */
  private tree = new Float64Array(1);
  private readonly measured = new Map<string, number>();

  /** Rows in the list. */
  get count(): number {
    return this.keys.length;
  }

  /** The sum of every row's height, measured or estimated. */
  get total(): number {
    return this.start(this.keys.length);
  }

  /**
   * Takes the rows, in order (after any change to the list): a row measured before keeps its
   * height by key, the others count at `estimate(index)`. O(n).
   * @example extents.setRows(['a', 'b', 'c'], () => 48);
   */
  setRows(keys: readonly string[], estimate: (index: number) => number): void {
    const n = keys.length;
    const kept = new Map<string, number>();
    this.heights = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const known = this.measured.get(keys[i]!);
      if (known !== undefined) kept.set(keys[i]!, known);
      this.heights[i] = known ?? checkedHeight(estimate(i), `the estimate of row ${i}`);
    }
    this.measured.clear();
    for (const [key, h] of kept) this.measured.set(key, h);
    this.keys = keys;
    // Build in O(n): each cell passes its sum on to the next cell that covers it.
    this.tree = new Float64Array(n + 1);
    for (let k = 1; k <= n; k++) {
      this.tree[k]! += this.heights[k - 1]!;
      const parent = k + (k & -k);
      if (parent <= n) this.tree[parent]! += this.tree[k]!;
    }
  }

  keyOf(index: number): string {
    return this.keys[index]!;
  }

  heightOf(index: number): number {
    return this.heights[index] ?? 0;
  }

  isMeasured(index: number): boolean {
    return this.measured.has(this.keys[index]!);
  }

  /**
   * Records a row's laid-out height; returns how much it changed from what was counted.
   * @example extents.measure(3, 120) // 72 when row 3 was estimated at 48
   */
  measure(index: number, height: number): number {
    if (!(index >= 0 && index < this.keys.length)) throw new RangeError(`RowExtents.measure: row ${index} is not in the list (0..${this.keys.length - 1})`);
    const h = checkedHeight(height, `the height of row ${index}`);
    this.measured.set(this.keys[index]!, h);
    const delta = h - this.heights[index]!;
    if (delta === 0) return 0;
    this.heights[index] = h;
    for (let k = index + 1; k < this.tree.length; k += k & -k) this.tree[k]! += delta;
    return delta;
  }

  /** Where row `index` starts: the sum of the rows before it (`count` gives the total). */
  start(index: number): number {
    let sum = 0;
    for (let k = Math.min(index, this.keys.length); k > 0; k -= k & -k) sum += this.tree[k]!;
    return sum;
  }

  /**
   * The row that covers offset `y` (the first row for y < 0, the last for y past the end);
   * -1 for an empty list.
   */
  indexAt(y: number): number {
    const n = this.keys.length;
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
