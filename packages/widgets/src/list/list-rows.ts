/**
 * The rows a list shows for its items: one row per item and, when the items are grouped into
 * sections, a header row before each run of items of the same section. Rows are keyed — items
 * by their own key, headers by their section's label (and how many runs of that label came
 * before) — so a row keeps its node and its measured height while the list changes around it.
 */

export type ListRow<T> =
  | { readonly kind: 'item'; readonly key: string; readonly item: T; readonly itemIndex: number }
  | { readonly kind: 'header'; readonly key: string; readonly section: string; readonly firstItem: number };

export interface ListRows<T> {
  readonly rows: readonly ListRow<T>[];
  readonly keys: readonly string[];
  /** The row index of each item (after duplicates are dropped). */
  readonly rowOfItem: Int32Array;
  /** The row indices of the section headers, ascending. */
  readonly headers: readonly number[];
  /** The items shown (duplicates left out). */
  readonly itemCount: number;
  /** Items left out: the key they repeat, and a sentence for a prop report. */
  readonly problems: readonly { key: string | number; problem: string }[];
}

/**
 * Builds the rows for `items`. Items whose key was already seen are left out (and said in
 * `problems`). O(n).
 * @example buildRows(contacts, (c) => c.id, (c) => c.name[0]!)
 */
export function buildRows<T>(
  items: readonly T[], keyOf: (item: T) => string | number, sectionOf?: (item: T, index: number) => string,
): ListRows<T> {
  if (!Array.isArray(items)) throw new TypeError(`VirtualList: items must be an array, got ${describe(items)}`);
  const rows: ListRow<T>[] = [], keys: string[] = [], headers: number[] = [], problems: { key: string | number; problem: string }[] = [];
  const rowOfItem: number[] = [];
  const seen = new Map<string, number>(), runs = new Map<string, number>();
  let section: string | null = null;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const raw = keyOf(item);
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      throw new TypeError(`VirtualList: key(items[${i}]) returned ${describe(raw)}; it must return a string or a number that tells the item apart`);
    }
    const key = `i:${raw}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ key: raw, problem: `is the key of items[${earlier}] and items[${i}]; items[${i}] is left out — give every item its own key` });
      continue;
    }
    seen.set(key, i);
    if (sectionOf) {
      const label = sectionOf(item, i);
      if (typeof label !== 'string') throw new TypeError(`VirtualList: section(items[${i}]) returned ${describe(label)}; it must return the section's label, a string`);
      if (label !== section) {
        const run = (runs.get(label) ?? 0) + 1;
        runs.set(label, run);
        const headerKey = run === 1 ? `h:${label}` : `h:${label}#${run}`;
        headers.push(rows.length);
        rows.push({ kind: 'header', key: headerKey, section: label, firstItem: rowOfItem.length });
        keys.push(headerKey);
        section = label;
      }
    }
    rowOfItem.push(rows.length);
    rows.push({ kind: 'item', key, item, itemIndex: rowOfItem.length - 1 });
    keys.push(key);
  }
  return { rows, keys, rowOfItem: Int32Array.from(rowOfItem), headers, itemCount: rowOfItem.length, problems };
}

/** The header row of the section row `row` is in: the last header at or before it; -1 when none. */
export function headerBefore(headers: readonly number[], row: number): number {
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
export function headerAfter(headers: readonly number[], row: number): number {
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
