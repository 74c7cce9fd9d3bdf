/**
 * ListRows: the rows a list shows for its items, worked out when asked for, so that a list of
 * 100,000 items costs what a list of 100 does until its rows are looked at.
 *
 * 1. Without sections, row i is items[i]: nothing is read or made when the items change.
 * 2. With `section`, a header row goes before each run of items of the same section. One pass
 *    reads every item's label (n calls, no object per item) and keeps only the headers: their
 *    row indices and labels. An item's row is its index plus the headers before it, and a
 *    row's item its index less them (binary searches over the headers).
 * 3. Rows are keyed — items by their own key, headers by their section's label (and how many
 *    runs of that label came before) — so a row keeps its node and its measured height while
 *    the list changes around it. `key()` is called for an item only when its row is asked for
 *    (mounted, measured, anchored, scrolled to); the row is remembered until the items change.
 *    Searches for rows after a change read keys with `peekKey`, which remembers nothing.
 * 4. Duplicate keys are found among the rows asked for: a row whose key another row already
 *    has is reported (`onDuplicate`) and told apart by its item's index from then on. Every
 *    mounted row is asked for, so two items with one key are reported as soon as both have
 *    been near the viewport since the items last changed; duplicates never shown are not
 *    looked for (that would read every key).
 */
import type { RowSource } from './row-extents.js';

export type ListRow<T> =
  | { readonly kind: 'item'; readonly key: string; readonly item: T; readonly itemIndex: number }
  | { readonly kind: 'header'; readonly key: string; readonly section: string; readonly firstItem: number };

export interface ListRowsOptions<T> {
  /** A unique, stable key per item. */
  key: (item: T) => string | number;
  /** The label of the item's section; with it, a header row goes before each run of a label. */
  section?: (item: T, index: number) => string;
  /** Heights of item and header rows before they are laid out, logical px. */
  estimates: { item: number; header: number };
  /** Told of a key found on two items, with a sentence for a prop report. */
  onDuplicate?: (key: string | number, problem: string) => void;
}

/**
 * The rows for `items` (see the top of this file).
 * @example
 * const rows = new ListRows(contacts, { key: (c) => c.id, section: (c) => c.name[0]!, estimates: { item: 56, header: 36 } });
 * rows.row(rows.rowOfItem(12)) // { kind: 'item', key: 'i:…', item: contacts[12], itemIndex: 12 }
 */
export class ListRows<T> implements RowSource {
  /** Rows in all: items and headers. */
  readonly count: number;
  readonly itemCount: number;
  /** The row indices of the section headers, ascending (empty without sections). */
  readonly headers: Int32Array;
  private readonly labels: readonly string[] = [];
  private readonly headerKeys: readonly string[] = [];
  /** The rows asked for since the items changed, by index, and their indices by key. */
  private readonly made = new Map<number, ListRow<T>>();
  private readonly rowByKey = new Map<string, number>();

  constructor(private readonly items: readonly T[], private readonly options: ListRowsOptions<T>) {
    if (!Array.isArray(items)) throw new TypeError(`VirtualList: items must be an array, got ${describe(items)}`);
    this.itemCount = items.length;
    const sectionOf = options.section;
    if (!sectionOf) {
      this.headers = new Int32Array(0);
      this.count = items.length;
      return;
    }
    const rows: number[] = [], labels: string[] = [], keys: string[] = [], runs = new Map<string, number>();
    let current: string | null = null;
    for (let i = 0; i < items.length; i++) {
      const label = sectionOf(items[i]!, i);
      if (typeof label !== 'string') throw new TypeError(`VirtualList: section(items[${i}]) returned ${describe(label)}; it must return the section's label, a string`);
      if (label === current) continue;
      const run = (runs.get(label) ?? 0) + 1;
      runs.set(label, run);
      rows.push(i + labels.length);
      labels.push(label);
      keys.push(run === 1 ? `h:${label}` : `h:${label}#${run}`);
      current = label;
    }
    this.headers = Int32Array.from(rows);
    this.labels = labels;
    this.headerKeys = keys;
    this.count = items.length + labels.length;
  }

  /** Row `index`, made (and its key read) the first time it is asked for. */
  row(index: number): ListRow<T> {
    const made = this.made.get(index);
    if (made) return made;
    if (!(index >= 0 && index < this.count)) throw new RangeError(`VirtualList: row ${index} is not in the list (0..${this.count - 1})`);
    const h = this.headerAtOrBefore(index);
    let row: ListRow<T>;
    if (h >= 0 && this.headers[h] === index) {
      row = { kind: 'header', key: this.headerKeys[h]!, section: this.labels[h]!, firstItem: index - h };
    } else {
      const itemIndex = index - h - 1, raw = this.rawKey(itemIndex);
      let key = `i:${raw}`;
      const other = this.rowByKey.get(key);
      if (other !== undefined) {
        const first = Math.min(other, index) - this.headerAtOrBefore(Math.min(other, index)) - 1;
        const second = Math.max(other, index) - this.headerAtOrBefore(Math.max(other, index)) - 1;
        this.options.onDuplicate?.(raw, `is the key of items[${first}] and items[${second}] — give every item its own key (until then items[${itemIndex}] is told apart by its index)`);
        key = `${DUPLICATE}${itemIndex}:${raw}`;
      }
      row = { kind: 'item', key, item: this.items[itemIndex]!, itemIndex };
    }
    this.made.set(index, row);
    this.rowByKey.set(row.key, index);
    return row;
  }

  /** Row `index`'s key (see `row`). */
  keyOf(index: number): string {
    return this.row(index).key;
  }

  /** Row `index`'s key, read for a search: not remembered, not checked against other rows. */
  peekKey(index: number): string {
    const made = this.made.get(index);
    if (made) return made.key;
    const h = this.headerAtOrBefore(index);
    return h >= 0 && this.headers[h] === index ? this.headerKeys[h]! : `i:${this.rawKey(index - h - 1)}`;
  }

  /** Rows `first`..`last`, inclusive. */
  slice(first: number, last: number): ListRow<T>[] {
    const rows: ListRow<T>[] = [];
    for (let i = first; i <= last; i++) rows.push(this.row(i));
    return rows;
  }

  /** The row of item `itemIndex`. */
  rowOfItem(itemIndex: number): number {
    // The headers before an item are those whose first item is at or before it.
    let lo = 0, hi = this.headers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.headers[mid]! - mid <= itemIndex) lo = mid + 1;
      else hi = mid;
    }
    return itemIndex + lo;
  }

  /** A row's height before it is laid out. */
  estimateOf(row: ListRow<T>): number {
    return row.kind === 'header' ? this.options.estimates.header : this.options.estimates.item;
  }

  /** Writes every row's height before it is laid out into `heights`. */
  estimate(heights: Float64Array): void {
    heights.fill(this.options.estimates.item);
    for (const row of this.headers) heights[row] = this.options.estimates.header;
  }

  /** The index in `headers` of the last header at or before row `row`; -1 when none. */
  private headerAtOrBefore(row: number): number {
    let lo = 0, hi = this.headers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.headers[mid]! <= row) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  private rawKey(itemIndex: number): string | number {
    const raw = this.options.key(this.items[itemIndex]!);
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      throw new TypeError(`VirtualList: key(items[${itemIndex}]) returned ${describe(raw)}; it must return a string or a number that tells the item apart`);
    }
    return raw;
  }
}

/** The start of the key of an item told apart by its index (its key was another item's). */
const DUPLICATE = 'd:';

/**
 * What a row's node is kept by: its item, when an object (a new object with the same key
 * makes the row again), else its key — also for an item told apart by its index, which may be
 * the very object of the row whose key it repeats.
 */
export function rowIdentity<T>(row: ListRow<T>): unknown {
  const byItem = row.kind === 'item' && typeof row.item === 'object' && row.item !== null && !row.key.startsWith(DUPLICATE);
  return byItem ? row.item : row.key;
}

/** The header row of the section row `row` is in: the last header at or before it; -1 when none. */
export function headerBefore(headers: ArrayLike<number>, row: number): number {
  let lo = 0, hi = headers.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (headers[mid]! <= row) {
      found = headers[mid]!;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The first header row after `row`; -1 when none. */
export function headerAfter(headers: ArrayLike<number>, row: number): number {
  let lo = 0, hi = headers.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (headers[mid]! > row) {
      found = headers[mid]!;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
}
