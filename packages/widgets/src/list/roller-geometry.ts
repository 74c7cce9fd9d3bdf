/**
 * A roller's geometry: where its options sit, which one is in the middle band for a scroll
 * offset, and, for an infinite roller, how an unbounded offset is shown on finite content.
 *
 * The scroller's offset y counts rows from the first option: option i is in the band when
 * y = i·rowHeight. A finite roller's content is its options with half a viewport less half a
 * row of padding above and below (so the first and last options reach the band), shown at the
 * offset itself. An infinite roller's scroller has no edges; its content is the options
 * repeated a few times with no padding, and it is shown at y modulo one cycle (all options),
 * moved into a middle copy so that a viewport's worth of rows exists above and below:
 *
 *   copy 0       copy 1 (shown)      copy 2
 *   0 1 2 … n-1  0 1 2 … n-1         0 1 2 …
 *                   ↑ band at (y mod cycle) + before·cycle
 *
 * When y crosses a cycle the shown offset jumps back by a cycle onto identical rows.
 */

export interface RollerGeometry {
  rowHeight: number;
  /** Rows visible at once, odd (the middle one is the band). */
  visibleRows: number;
  /** How many options. */
  count: number;
  infinite: boolean;
}

/** Space above the band: the rows visible over it, logical px. */
export function bandTop(g: RollerGeometry): number {
  return ((g.visibleRows - 1) / 2) * g.rowHeight;
}

/** Full copies of the options an infinite roller keeps before the shown one, and in all. */
export function copies(g: RollerGeometry): { before: number; total: number } {
  if (!g.infinite || g.count === 0) return { before: 0, total: 1 };
  const cycle = g.count * g.rowHeight, viewport = g.visibleRows * g.rowHeight;
  const before = Math.ceil(bandTop(g) / cycle);
  const after = Math.ceil((viewport - bandTop(g)) / cycle);
  return { before, total: before + 1 + after };
}

/** The content's length: the rows, with the band padding of a finite roller. */
export function contentLength(g: RollerGeometry): number {
  const rows = g.count * copies(g).total * g.rowHeight;
  return g.infinite ? rows : rows + 2 * bandTop(g);
}

/** Where content row j (option j mod count) starts in the content. */
export function rowTop(j: number, g: RollerGeometry): number {
  return (g.infinite ? 0 : bandTop(g)) + j * g.rowHeight;
}

/**
 * The offset the content is shown at for scroller offset `y`.
 * @example shownOffset(7 * 40, { rowHeight: 40, visibleRows: 3, count: 5, infinite: true }) // 2·40 + 1·200 − 40
 */
export function shownOffset(y: number, g: RollerGeometry): number {
  if (!g.infinite || g.count === 0) return y;
  const cycle = g.count * g.rowHeight;
  return mod(y, cycle) + copies(g).before * cycle - bandTop(g);
}

/** The option in the band at scroller offset `y` (the nearest row; clamped to the options, or wrapped when infinite); -1 when there are none. */
export function optionAt(y: number, g: RollerGeometry): number {
  if (g.count === 0) return -1;
  const row = Math.round(y / g.rowHeight);
  return g.infinite ? mod(row, g.count) : Math.max(0, Math.min(g.count - 1, row));
}

/**
 * The scroller offset that puts `option` in the band: for an infinite roller the one nearest
 * `near` (the shorter way round).
 */
export function offsetOf(option: number, g: RollerGeometry, near = 0): number {
  if (!g.infinite || g.count === 0) return option * g.rowHeight;
  const here = Math.round(near / g.rowHeight);
  let steps = mod(option - here, g.count);
  if (steps > g.count / 2) steps -= g.count;
  return (here + steps) * g.rowHeight;
}

/** The content rows (j) overlapping content px from..to. */
export function rowsIn(from: number, to: number, g: RollerGeometry): { first: number; last: number } {
  const rows = g.count * copies(g).total;
  const top = g.infinite ? 0 : bandTop(g);
  const first = Math.max(0, Math.floor((from - top) / g.rowHeight));
  const last = Math.min(rows - 1, Math.floor((to - top) / g.rowHeight));
  return { first, last };
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}
