/**
 * The virtual list's arithmetic without a screen: row extents (a Fenwick tree checked against
 * plain sums), rows and section headers worked out from items as they are asked for, finding
 * rows again after the items change, the mount span, the layout's drift that keeps rows still
 * while heights and rows change, the pinned header, and the pool of a recycling list's slots.
 */
import { describe, expect, it } from 'vitest';
import { RowExtents, type RowSource } from '../src/list/row-extents.js';
import { ListRows } from '../src/list/list-rows.js';
import { NEAR_BUDGET, NEAR_ROWS, findAnchor, findRow, relocate } from '../src/list/row-search.js';
import { ListLayout, MOUNT_MARGIN, mountSpan } from '../src/list/list-layout.js';
import { pinnedHeader } from '../src/list/sticky-header.js';
import { IDLE_SLOTS, RowPool, type PoolSlot } from '../src/list/row-pool.js';
import type { ListRow } from '../src/list/list-rows.js';

const keys = (n: number, prefix = 'r') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** Rows with these keys and estimates, counting the keys read. */
function rowsOf(list: readonly string[], estimate: (index: number) => number): RowSource & { reads: number } {
  return {
    reads: 0,
    count: list.length,
    keyOf(i) {
      this.reads++;
      return list[i]!;
    },
    peekKey(i) {
      this.reads++;
      return list[i]!;
    },
    estimate(heights) {
      for (let i = 0; i < list.length; i++) heights[i] = estimate(i);
    },
  };
}

describe('RowExtents', () => {
  it('answers starts and rows at offsets like plain sums do, through measurements', () => {
    const extents = new RowExtents();
    const n = 37;
    extents.setRows(rowsOf(keys(n), () => 10));
    const heights = Array.from({ length: n }, () => 10);
    // A deterministic mix of tall, short and empty rows.
    for (const [i, h] of [[0, 33], [5, 0], [6, 0], [17, 120.5], [36, 4], [20, 10]] as const) {
      heights[i] = h;
      extents.measure(i, h);
    }
    const start = (i: number) => heights.slice(0, i).reduce((a, b) => a + b, 0);
    for (let i = 0; i <= n; i++) expect(extents.start(i)).toBeCloseTo(start(i), 9);
    expect(extents.total).toBeCloseTo(start(n), 9);
    for (let y = -5; y < start(n) + 20; y += 3.5) {
      const expected = y < 0 ? 0 : y >= start(n) ? n - 1 : heights.findIndex((h, i) => h > 0 && start(i) <= y && y < start(i + 1));
      expect(extents.indexAt(y), `row at ${y}`).toBe(expected);
    }
  });

  it('keeps measured heights by key when rows are inserted before them, and forgets keys that left', () => {
    const extents = new RowExtents();
    extents.setRows(rowsOf(['a', 'b', 'c'], () => 48));
    extents.measure(1, 100);
    expect(extents.measure(1, 100)).toBe(0);
    extents.setRows(rowsOf(['x', 'y', 'a', 'b', 'c'], () => 48));
    expect(extents.heightOf(3)).toBe(100);
    expect(extents.isMeasured(3)).toBe(true);
    expect(extents.start(4)).toBe(3 * 48 + 100);
    extents.setRows(rowsOf(['a', 'c'], () => 48));
    extents.setRows(rowsOf(['a', 'b', 'c'], () => 48));
    expect(extents.isMeasured(1)).toBe(false);
  });

  it('says what is wrong with a bad height', () => {
    const extents = new RowExtents();
    expect(() => extents.setRows(rowsOf(['a'], () => Number.NaN))).toThrow(/estimate of row 0 must be a finite number ≥ 0, got NaN/);
    extents.setRows(rowsOf(['a'], () => 48));
    expect(() => extents.measure(0, -1)).toThrow(/height of row 0 must be a finite number ≥ 0, got -1/);
    expect(() => extents.measure(4, 10)).toThrow(/row 4 is not in the list \(0\.\.0\)/);
  });

  it('has no rows when empty', () => {
    const extents = new RowExtents();
    extents.setRows(rowsOf([], () => 48));
    expect(extents.indexAt(10)).toBe(-1);
    expect(extents.total).toBe(0);
  });
});

describe('ListRows', () => {
  const contacts = [{ id: 1, name: 'Ada' }, { id: 2, name: 'Alan' }, { id: 3, name: 'Barbara' }, { id: 4, name: 'Ada' }];
  const estimates = { item: 56, header: 36 };
  const all = <T,>(rows: ListRows<T>) => Array.from({ length: rows.count }, (_, i) => rows.keyOf(i));

  it('puts a header before each run of a section, keyed by label and run', () => {
    const rows = new ListRows(contacts, { key: (c) => c.id, section: (c) => c.name[0]!, estimates });
    expect(all(rows)).toEqual(['h:A', 'i:1', 'i:2', 'h:B', 'i:3', 'h:A#2', 'i:4']);
    expect([...rows.headers]).toEqual([0, 3, 5]);
    expect(contacts.map((_, i) => rows.rowOfItem(i))).toEqual([1, 2, 4, 6]);
    expect(rows.row(3)).toEqual({ kind: 'header', key: 'h:B', section: 'B', firstItem: 2 });
    expect(rows.row(6)).toEqual({ kind: 'item', key: 'i:4', item: contacts[3], itemIndex: 3 });
    const heights = new Float64Array(rows.count);
    rows.estimate(heights);
    expect([...heights]).toEqual([36, 56, 56, 36, 56, 36, 56]);
  });

  it('without sections, reads the key of an item only when its row is asked for, once', () => {
    let calls = 0;
    const items = Array.from({ length: 100_000 }, (_, id) => ({ id }));
    const rows = new ListRows(items, { key: (x) => (calls++, x.id), estimates });
    expect(rows.count).toBe(100_000);
    expect(calls).toBe(0);
    expect(rows.slice(50_000, 50_002).map((r) => r.key)).toEqual(['i:50000', 'i:50001', 'i:50002']);
    rows.keyOf(50_001);
    expect(calls).toBe(3);
    expect(rows.rowOfItem(70_000)).toBe(70_000);
  });

  it('reports a key found on two items among the rows asked for, and tells the later one apart', () => {
    const problems: [string | number, string][] = [];
    const rows = new ListRows([{ id: 'a' }, { id: 'b' }, { id: 'a' }], { key: (x) => x.id, estimates, onDuplicate: (key, problem) => problems.push([key, problem]) });
    expect(all(rows)).toEqual(['i:a', 'i:b', 'd:2:a']);
    expect(problems).toEqual([['a', 'is the key of items[0] and items[2] — give every item its own key (until then items[2] is told apart by its index)']]);
    expect(rows.row(2)).toMatchObject({ kind: 'item', itemIndex: 2 });
  });

  it('refuses keys and sections that are not strings', () => {
    expect(() => new ListRows([{}], { key: () => undefined as unknown as string, estimates }).row(0)).toThrow(/key\(items\[0\]\) returned undefined; it must return a string or a number/);
    expect(() => new ListRows([1], { key: (x) => x, section: () => 3 as unknown as string, estimates })).toThrow(/section\(items\[0\]\) returned 3; it must return the section's label/);
    expect(() => new ListRows('abc' as unknown as string[], { key: (x) => x, estimates })).toThrow(/items must be an array, got "abc"/);
    expect(() => new ListRows([1], { key: (x) => x, estimates }).row(1)).toThrow(/row 1 is not in the list \(0\.\.0\)/);
  });
});

describe('finding rows after the items change', () => {
  // The example at the top of row-search.ts: x, y in at the top, d out.
  const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g'], after = ['x', 'y', 'a', 'b', 'c', 'e', 'f', 'g'];
  const was = (key: string) => ({ key, row: before.indexOf(key) });

  it('finds the anchor by the first mounted row met reading outward, and the measured rows at the shifts seen', () => {
    expect(findAnchor(rowsOf(after, () => 1), ['c', 'd', 'e'].map(was))).toEqual({ index: 4, candidate: 0 });
    // The anchor removed: the next mounted row kept is the anchor now.
    expect(findAnchor(rowsOf(after, () => 1), ['d', 'e'].map(was))).toEqual({ index: 5, candidate: 1 });
    expect(findAnchor(rowsOf(['p', 'q'], () => 1), ['d', 'e'].map(was))).toBeNull();
    expect([...relocate(rowsOf(after, () => 1), ['a', 'b', 'd', 'e', 'f'].map(was), [2])]).toEqual([2, 3, -1, 5, 6]);
    expect(findRow(rowsOf(after, () => 1), 'g', 0)).toBe(7);
  });

  it('reads as many keys as rows came in above the anchor, not the whole list', () => {
    const list = keys(100_000), old = { key: 'r50000', row: 50_000 };
    const grown = rowsOf([...keys(300, 'new'), ...list], () => 48);
    expect(findAnchor(grown, [old])).toEqual({ index: 50_300, candidate: 0 });
    expect(grown.reads).toBeLessThan(2 * 300 + 4);
  });

  it('gives up on measured rows far from where they were after a few reads, and forgets them', () => {
    const shuffled = rowsOf([...keys(5000)].reverse(), () => 48);
    const found = relocate(shuffled, keys(2000).map((key, row) => ({ key, row })), []);
    expect(found.every((at) => at === -1)).toBe(true);
    expect(shuffled.reads).toBeLessThan(2000 + NEAR_BUDGET + 2 * NEAR_ROWS + 1);
  });
});

describe('mountSpan', () => {
  it('covers the viewport with a margin on each side, and the rendered window', () => {
    expect(mountSpan(1000, 400, null)).toEqual({ from: 1000 - 400 * MOUNT_MARGIN, to: 1400 + 400 * MOUNT_MARGIN });
    expect(mountSpan(1000, 400, { start: 0, end: 3200 })).toEqual({ from: 0, to: 3200 });
  });

  it('leaves out a window that does not reach the viewport (reported before a jump)', () => {
    expect(mountSpan(200_000, 400, { start: 0, end: 3200 })).toEqual({ from: 200_000 - 600, to: 200_400 + 600 });
  });
});

/** A layout of `n` rows estimated at 50, mounted for rows first..last with `anchor` at the viewport's top. */
function layoutOf(n: number, first: number, last: number, anchor = first) {
  const layout = new ListLayout();
  layout.setRows(rowsOf(keys(n), () => 50), 0);
  layout.mount(first, last, anchor);
  return layout;
}

/** Where mounted row i is in the content as Yoga would lay it out: the top spacer, then the rows as they are. */
function laidOut(layout: ListLayout, real: (i: number) => number, i: number): number {
  let y = layout.spacers().top;
  for (let j = layout.first; j < i; j++) {
    const key = layout.extents.keyOf(j);
    y += layout.growsUp(key) ? layout.extents.heightOf(j) : layout.isUnmeasured(key) ? real(j) : layout.extents.heightOf(j);
  }
  return y;
}

describe('ListLayout', () => {
  it('rows below the anchor flow; rows above it grow up: a row on screen never moves while they are measured', () => {
    const real = (i: number) => (i % 3 === 0 ? 90 : 40);
    const layout = layoutOf(1000, 100, 110);
    for (let i = 100; i <= 110; i++) layout.measure(i, real(i));
    const before = laidOut(layout, real, 105);
    // Scrolling up: rows 90..99 are mounted above the anchor (row 100), unmeasured.
    layout.mount(90, 110, 100);
    expect(layout.growsUp('r95')).toBe(true);
    expect(laidOut(layout, real, 105)).toBe(before);
    for (let i = 90; i < 100; i++) {
      layout.measure(i, real(i));
      expect(laidOut(layout, real, 105)).toBe(before);
    }
    expect(layout.drift).toBe(-(4 * 90 + 6 * 40 - 10 * 50));
    expect(layout.contentStart(105)).toBe(before);
    // Resolving moves the content by the shift; the caller moves the offset with it.
    const shift = layout.resolve();
    expect(laidOut(layout, real, 105) - shift).toBe(before);
    expect(layout.contentStart(105)).toBe(layout.extents.start(105));
  });

  it('a row mounted below the anchor that turns out taller moves only the rows below it', () => {
    const real = (i: number) => (i === 12 ? 200 : 50);
    const layout = layoutOf(100, 10, 11);
    layout.measure(10, 50);
    layout.measure(11, 50);
    layout.mount(10, 15, 10);
    expect(layout.growsUp('r12')).toBe(false);
    const anchor = laidOut(layout, real, 10);
    layout.measure(12, 200);
    expect(laidOut(layout, real, 10)).toBe(anchor);
    expect(laidOut(layout, real, 13)).toBe(layout.contentStart(13));
    expect(layout.drift).toBe(0);
  });

  it('rows leaving the top give their height to the top spacer', () => {
    const layout = layoutOf(100, 0, 20);
    for (let i = 0; i <= 20; i++) layout.measure(i, 30 + i);
    const at = laidOut(layout, () => 0, 15);
    expect(layout.mount(10, 25, 12).sort()).toEqual(keys(10).sort());
    expect(laidOut(layout, () => 0, 15)).toBe(at);
  });

  it('keeps the anchor row where it is when rows are inserted or removed above it', () => {
    const layout = layoutOf(100, 20, 40);
    for (let i = 20; i <= 40; i++) layout.measure(i, 50);
    const offset = layout.contentStart(25) + 10;
    const anchorAt = layout.contentStart(25);
    layout.setRows(rowsOf(['new1', 'new2', 'new3', ...keys(100)], () => 50), offset);
    expect(layout.contentStart(28)).toBe(anchorAt);
    layout.mount(23, 43, 28);
    // The anchor itself removed: the next mounted row keeps its place.
    const next = layout.contentStart(29);
    layout.setRows(rowsOf(keys(100).filter((k) => k !== 'r25' && k !== 'r3'), () => 50), offset);
    expect(layout.contentStart(24)).toBe(next);
  });

  it('at the top, rows inserted before the first one come into view instead', () => {
    const layout = layoutOf(100, 0, 10);
    layout.setRows(rowsOf(['new', ...keys(100)], () => 50), 0);
    expect(layout.drift).toBe(0);
    expect(layout.contentStart(0)).toBe(0);
  });

  it('must resolve once the first row is mounted with a drift, or the top spacer would go below 0', () => {
    const layout = layoutOf(100, 5, 10, 10);
    layout.measure(6, 500);
    expect(layout.drift).toBe(-450);
    expect(layout.spacers().top).toBe(0);
    expect(layout.mustResolve()).toBe(true);
    const other = layoutOf(100, 50, 60, 60);
    other.measure(55, 100);
    expect(other.mustResolve()).toBe(false);
    other.mount(0, 60, 60);
    expect(other.mustResolve()).toBe(true);
  });
});

describe('pinnedHeader', () => {
  // Headers at rows 0 and 4, 30 px tall; items 50 px.
  const layout = new ListLayout();
  layout.setRows(rowsOf(['h:A', 'a1', 'a2', 'a3', 'h:B', 'b1', 'b2'], (i) => (i === 0 || i === 4 ? 30 : 50)), 0);
  const headers = [0, 4];
  const cases: [string, number, ReturnType<typeof pinnedHeader>][] = [
    ['at-top-no-overlay', 0, null],
    ['overscrolled-no-overlay', -20, null],
    ['a-pinned', 40, { row: 0, push: 0 }],
    ['a-pushed-by-b', 170, { row: 0, push: 20 }],
    ['b-at-top-no-overlay', 180, null],
    ['b-pinned', 200, { row: 4, push: 0 }],
  ];
  it.each(cases)('%s', (_name, offset, expected) => {
    expect(pinnedHeader(headers, offset, { contentStart: (r) => layout.contentStart(r), heightOf: (r) => layout.extents.heightOf(r), rowAt: (y) => layout.rowAt(y) })).toEqual(expected);
  });
});

describe('RowPool', () => {
  const item = (n: number): ListRow<string> => ({ kind: 'item', key: `i:${n}`, item: `item ${n}`, itemIndex: n });
  const header = (label: string, firstItem: number): ListRow<string> => ({ kind: 'header', key: `h:${label}`, section: label, firstItem });
  const items = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => item(from + i));
  /** What each slot shows, by slot id: its row's key, or "idle". */
  const shown = (slots: readonly PoolSlot<string>[]) => slots.map((s) => `${s.id}:${s.idle.value ? 'idle' : s.row.value.key}`);

  it('span-moves-down-rebinds-rows-that-left', () => {
    const pool = new RowPool<string>();
    pool.assign(items(0, 5));
    const slots = pool.assign(items(2, 7));
    expect(shown(slots)).toEqual(['2:i:2', '3:i:3', '4:i:4', '0:i:5', '1:i:6']);
    expect(slots[3]!.row.value).toEqual(item(5));
    expect(pool.made).toBe(5);
  });

  it('span-moves-up-rebinds-rows-that-left', () => {
    const pool = new RowPool<string>();
    pool.assign(items(10, 15));
    expect(shown(pool.assign(items(8, 13)))).toEqual(['3:i:8', '4:i:9', '0:i:10', '1:i:11', '2:i:12']);
    expect(pool.made).toBe(5);
  });

  it('kept-row-takes-its-new-item-object-and-index', () => {
    const pool = new RowPool<string>();
    const [slot] = pool.assign([item(3)]);
    const moved: ListRow<string> = { kind: 'item', key: 'i:3', item: 'item 3, edited', itemIndex: 4 };
    expect(pool.assign([item(9), moved])[1]).toBe(slot);
    expect(slot!.row.value).toBe(moved);
  });

  it('span-shrinks-slots-go-idle-and-come-back-before-any-is-made', () => {
    const pool = new RowPool<string>();
    pool.assign(items(0, 6));
    expect(shown(pool.assign(items(0, 3)))).toEqual(['0:i:0', '1:i:1', '2:i:2', '3:idle', '4:idle', '5:idle']);
    // The idle keep their rows (hidden), so their content still has an item.
    expect(pool.assign(items(0, 3))[3]!.row.value.key).toBe('i:3');
    expect(shown(pool.assign(items(0, 5)))).toEqual(['0:i:0', '1:i:1', '2:i:2', '5:i:3', '4:i:4', '3:idle']);
    expect(pool.made).toBe(6);
  });

  it('idle-past-the-limit-freed-longest-idle-first', () => {
    const pool = new RowPool<string>();
    const all = pool.assign(items(0, IDLE_SLOTS + 4));
    const left = pool.assign(items(0, 2));
    expect(left.length).toBe(2 + IDLE_SLOTS);
    expect(pool.size).toBe(2 + IDLE_SLOTS);
    // Slots 2..IDLE_SLOTS + 3 went idle in row order; the first two of them were freed.
    expect(left.slice(2)).toEqual(all.slice(4));
  });

  it('headers-keyed-their-slots-freed-never-rebound', () => {
    const pool = new RowPool<string>();
    const first = pool.assign([header('A', 0), item(0), item(1)]);
    const next = pool.assign([item(1), item(2), header('B', 3), item(3)]);
    expect(shown(next)).toEqual(['2:i:1', '1:i:2', '3:h:B', '4:i:3']);
    expect(next).not.toContain(first[0]);
    expect(next.every((s) => s.kind === s.row.value.kind)).toBe(true);
  });

  it('empty-list-keeps-only-the-idle-limit', () => {
    const pool = new RowPool<string>();
    pool.assign(items(0, 30));
    expect(shown(pool.assign([]))).toEqual(Array.from({ length: IDLE_SLOTS }, (_, i) => `${30 - IDLE_SLOTS + i}:idle`));
  });
});
