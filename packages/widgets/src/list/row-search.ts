/**
 * Finding rows again after a list's items change, without reading every key.
 *
 * The layout knows some rows by key from before the change — the mounted ones, among them
 * the anchor (the row at the viewport's top), and the measured ones — each with the index it
 * had. An edit in one place (items inserted, removed or replaced there) moves the rows after
 * it by the same number of rows and leaves those before it where they were. So:
 *
 * 1. The anchor (`findAnchor`). The new rows are read outward from the anchor's old index
 *    (i, i+1, i−1, i+2, …) until one holds the key of a mounted row from the anchor down.
 *    That row's move is the shift; the anchor is now the first of those mounted rows (the
 *    anchor itself, else the next one kept) found at its old index plus the shift. This reads
 *    as many keys as the rows moved — a few for an edit near the viewport, k when k rows came
 *    in above — and every key only when none of those rows is left.
 * 2. The measured rows (`relocate`), in the order of their old indices. Each is looked for at
 *    its old index plus a shift seen so far (the anchor's, none, and those found for rows
 *    before it, the latest first), then in a short stretch around the latest; found there,
 *    its shift is tried first for the rows after it. The stretches read NEAR_BUDGET keys at
 *    most in all. A measured row not found is forgotten: it counts at its estimate until it
 *    is laid out again, like a row never seen, and rows on screen stay put as for any row
 *    measured above them.
 *
 *   old   a b c d e f g            new   x y a b c e f g      (x, y in; d out)
 *   anchor c at 2: read 2 (a) 3 (b) 1 (y) 4 (c) → shift +2
 *   measured a, b, e, f: a, b at +2; e not at 6 (f), nor at 4+0 (c) → found at 5 near 6: shift +1
 */

/** What a search reads: how many rows there are, and a row's key without remembering it. */
export interface KeyedRows {
  readonly count: number;
  peekKey(index: number): string;
}

/** A row known by key before the change, at its old index. */
export interface KnownRow { readonly key: string; readonly row: number }

/** Keys read in all by the short searches around measured rows not found at a known shift. */
export const NEAR_BUDGET = 512;
/** How far either side a short search reads. */
export const NEAR_ROWS = 8;

/**
 * Where the anchor is now: the index in `rows` of the first of `candidates` (the mounted rows
 * from the anchor down, in order) still there, found as described above; null when none is.
 * @example findAnchor(rows, [{ key: 'i:7', row: 40 }, { key: 'i:8', row: 41 }]) // { index: 45, candidate: 0 } after 5 rows came in above
 */
export function findAnchor(rows: KeyedRows, candidates: readonly KnownRow[]): { index: number; candidate: number } | null {
  if (candidates.length === 0 || rows.count === 0) return null;
  const wanted = new Map(candidates.map((c, n) => [c.key, n]));
  const met = readOutward(rows.count, candidates[0]!.row, rows.count, (i) => wanted.has(rows.peekKey(i)));
  if (met < 0) return null;
  const shift = met - candidates[wanted.get(rows.peekKey(met))!]!.row;
  for (let n = 0; n < candidates.length; n++) {
    const at = candidates[n]!.row + shift;
    if (at >= 0 && at < rows.count && rows.peekKey(at) === candidates[n]!.key) return { index: at, candidate: n };
  }
  return null;
}

/**
 * The index of the row keyed `key` nearest to `near`, reading outward from there; -1 when
 * there is none (then every key was read).
 * @example findRow(rows, 'i:7', 40) // 45 after 5 rows came in above
 */
export function findRow(rows: KeyedRows, key: string, near: number): number {
  return readOutward(rows.count, near, rows.count, (i) => rows.peekKey(i) === key);
}

/**
 * The index in `rows` of each of `known` (sorted by old index), or -1 where it was not found;
 * `shifts` are the moves to try first (the anchor's).
 * @example relocate(rows, [{ key: 'i:a', row: 0 }], [2]) // Int32Array [2] when two rows came in at the top
 */
export function relocate(rows: KeyedRows, known: readonly KnownRow[], shifts: readonly number[]): Int32Array {
  const found = new Int32Array(known.length).fill(-1);
  const tried = [...new Set([...shifts, 0])];
  let budget = NEAR_BUDGET;
  const holds = (at: number, key: string) => at >= 0 && at < rows.count && rows.peekKey(at) === key;
  for (let n = 0; n < known.length; n++) {
    const { key, row } = known[n]!;
    const shift = tried.find((s) => holds(row + s, key));
    if (shift !== undefined) {
      found[n] = row + shift;
      continue;
    }
    if (budget <= 0) continue;
    budget -= 2 * NEAR_ROWS + 1;
    const near = readOutward(rows.count, row + tried[0]!, NEAR_ROWS, (i) => rows.peekKey(i) === key);
    if (near < 0) continue;
    found[n] = near;
    tried.unshift(near - row);
    if (tried.length > 8) tried.pop();
  }
  return found;
}

/** Reads indices outward from `from` (from, from+1, from−1, …) up to `reach` away; the first for which `test` holds, or -1. */
function readOutward(count: number, from: number, reach: number, test: (index: number) => boolean): number {
  const start = Math.max(0, Math.min(count - 1, from));
  for (let d = 0; d <= reach; d++) {
    const below = start + d, above = start - d;
    if (below >= count && above < 0) return -1;
    if (below < count && test(below)) return below;
    if (d > 0 && above >= 0 && test(above)) return above;
  }
  return -1;
}
