/**
 * VirtualList: a scrolling list of any length that mounts only the rows near the viewport.
 *
 * It is a ScrollView (same drags, flings, wheel, keys, scrollbar, pull to refresh and focus)
 * whose content is a column: a spacer for the rows above, the mounted rows, a spacer for the
 * rows below (list-layout.ts). The rows mounted are those in the scroll layer's rendered
 * window — the content it keeps painted around the viewport, which `onMetrics` reports — and
 * a margin of viewports either side, so a row exists before the tile that shows it is painted.
 * The cost of a scroll frame depends on the viewport, not on how many items there are.
 *
 * Keyed or recycled rows: with `renderItem` a row is made for its item when it comes into
 * that span and unmounted (its nodes freed) when it leaves, so state inside a row belongs to
 * its item. With `renderRow` rows are slots in a pool (row-pool.ts): a row is made once per
 * slot from signals of an item and an index, and a slot whose row left is given one that came
 * in — the signals change, the nodes stay — so a long fling makes no nodes after the first
 * screenful. Pick `renderRow` for rows whose content comes from the item alone, `renderItem`
 * for rows with state of their own (an open menu, a text being typed, a running animation,
 * keyboard focus), which a recycled row would carry over to the next item.
 *
 * Heights: a row counts at `estimatedHeight` until it is laid out; then its slot is read
 * through a handle (`box()`, at the start of the next frame) and the height is kept by the
 * item's key (list-window.ts). Rows may have any height and change it. The content's length
 * is the measured heights plus the estimates of rows never laid out, so the scrollbar settles
 * as rows are seen. Rows on screen never move when rows above them are measured or inserted:
 * the first visible row is the anchor, and the offset follows what changed above it.
 *
 * Items: mounting the list, or giving it new items, costs the rows near the viewport, not the
 * list's length: rows are worked out as they are asked for (list-rows.ts), `key` is called only
 * for items whose rows are mounted, measured, anchored or scrolled to, and what is kept for
 * every row is a typed array of heights (a few additions per row when the items change). Two
 * items with one key are reported (a prop error on `key`) once both have been near the
 * viewport since the items last changed: finding every duplicate at once would read every key.
 *
 * Sections: with `section`, a header row goes before each run of items of one section, and
 * the current section's header stays pinned to the viewport's top until the next one pushes
 * it out (section-header.tsx). Finding the runs reads every item's label when the items change
 * (one call per item; only the headers are kept).
 *
 * Semantics: a `list` (inside the ScrollView's named group) that says how many items it has;
 * each row is a `listitem`, named by its content. Only mounted rows are in the tree (a
 * recycling list's idle rows are hidden).
 */
import { For, Show, View, computed, effect, onCleanup, read, signal, type Child, type NodeHandle, type Reactive, type ReadonlySignal } from '@planar/toolkit';
import { type StyleValues } from '../theme/index.js';
import { usePropReporter, type PropReporter } from '../internal/prop-report.js';
import { ScrollView } from '../scroll/scroll-view.js';
import type { ScrollbarMode } from '../scroll/scrollbar.js';
import { ListRows, rowIdentity, type ListRow } from './list-rows.js';
import { useListWindow } from './list-window.js';
import { RecycledRows } from './recycled-rows.js';
import { RowSlot } from './row-slot.js';
import { SECTION_HEADER_HEIGHT, SectionHeader, StickyHeader } from './section-header.js';
import { VirtualListController } from './virtual-list-controller.js';

/** A row's height before it is laid out, when `estimatedHeight` is not given, logical px. */
export const DEFAULT_ROW_ESTIMATE = 48;

/** A VirtualList's props: the list's, and how its rows are made (`renderItem` or `renderRow`, one of the two). */
export type VirtualListProps<T> = VirtualListOptions<T> & (KeyedRowProps<T> | RecycledRowProps<T>);

/** Keyed rows: one made per item near the viewport, freed when it leaves. */
export interface KeyedRowProps<T> {
  /**
   * The row for an item, made when it comes near the viewport and freed when it leaves (a
   * new item object with the same key makes it again). `index` follows the item's place as
   * the list changes. For rows with state of their own.
   */
  renderItem: (item: T, index: ReadonlySignal<number>) => Child;
  renderRow?: never;
}

/** Recycled rows: a pool of rows, each shown for one item after another. */
export interface RecycledRowProps<T> {
  /**
   * A row made once per slot, shown for one item after another as the list scrolls: read the
   * item and index through their signals (`() => item.value.name`), not once; a new item
   * object with the same key reaches the row the same way. A row is made only when more rows
   * are mounted at once than ever before, so a fling makes none after the first screenful.
   * For rows whose content comes from the item alone: state a row holds, focus among it, goes
   * with it to the next item.
   */
  renderRow: (item: ReadonlySignal<T>, index: ReadonlySignal<number>) => Child;
  renderItem?: never;
}

/** What a VirtualList takes besides how its rows are made. */
export interface VirtualListOptions<T> {
  /** The items, in order. A signal (or getter) re-lays the list when it changes; rows of kept keys stay mounted. */
  items: Reactive<readonly T[]>;
  /**
   * A unique, stable key per item: a row keeps its measured height by it (and with
   * `renderItem` its node and state). Called only for the items near the viewport. A key on
   * two items is reported once both have been near the viewport; the later one is told apart
   * by its index until it is fixed.
   */
  key: (item: T) => string | number;
  /** A row's height before it is laid out (default 48). Closer guesses make the scrollbar steadier. */
  estimatedHeight?: number;
  /** Groups consecutive items into sections: the label of the item's section (asked of every item when the items change). */
  section?: (item: T, index: number) => string;
  /** A section's header row (default: `<SectionHeader label={section} />`). */
  renderSectionHeader?: (section: string) => Child;
  /** A header's height before it is laid out (default: the default header's, 36). */
  estimatedHeaderHeight?: number;
  /** Pins the current section's header to the top (default true when there are sections). */
  stickyHeaders?: boolean;
  /** Scrolls the list from outside (`scrollToIndex`); without it the list makes its own. */
  controller?: VirtualListController;
  /** Pull down at the top to refresh: a spinner shows until the promise settles. */
  onRefresh?: () => Promise<unknown> | unknown;
  /** Shown instead of rows while there are no items. */
  empty?: Child;
  /** The accessible name of the list. */
  label?: Reactive<string | undefined>;
  scrollbar?: Reactive<ScrollbarMode>;
  /** Past an edge: stretch and spring back ('bounce', the default), or stop ('clamp'). Ignored with a `controller`. */
  overscroll?: 'bounce' | 'clamp';
  /** Called with the offset whenever it changes. */
  onScroll?: (x: number, y: number) => void;
  testId?: string;
  /** The outer box (give it a height, or let it grow in a flex column). */
  style?: StyleValues;
}

/**
 * A virtualised, scrolling list.
 * @example
 * const list = new VirtualListController();
 * <VirtualList label="Contacts" controller={list} items={contacts} key={(c) => c.id}
 *   estimatedHeight={56} section={(c) => c.name[0]!.toUpperCase()}
 *   renderRow={(c) => <ListItem title={() => c.value.name} subtitle={() => c.value.phone} onPress={() => call(c.value)} />}
 *   onRefresh={() => contacts.sync()} style={{ flexGrow: 1 }} />
 * list.scrollToIndex(250, { align: 'center' });
 */
export function VirtualList<T>(props: VirtualListProps<T>): Child {
  const ref = { current: null as NodeHandle | null };
  const report = usePropReporter(ref);
  const controller = props.controller ?? new VirtualListController({ overscroll: props.overscroll });
  const scroller = controller.scroller;
  const itemEstimate = checkedEstimate(props.estimatedHeight, DEFAULT_ROW_ESTIMATE, 'estimatedHeight', report);
  const headerEstimate = checkedEstimate(props.estimatedHeaderHeight, SECTION_HEADER_HEIGHT, 'estimatedHeaderHeight', report);
  // Rows are worked out as they are asked for (list-rows.ts): a new items array costs the rows near the viewport.
  const rows = computed(() => new ListRows(read(props.items), {
    key: props.key, section: props.section, estimates: { item: itemEstimate, header: headerEstimate },
    onDuplicate: (key, problem) => report('key', key, problem),
  }));
  const sticky = props.section !== undefined && props.stickyHeaders !== false;
  const renderHeader = props.renderSectionHeader ?? ((section: string) => <SectionHeader label={section} />);
  const win = useListWindow({ rows, scroller, stickyHeaders: sticky });
  onCleanup(controller.attach({ scrollToIndex: (index, options) => win.scrollToIndex(index, options) }));
  onCleanup(effect(() => controller.setFirstVisible(win.firstVisibleItem.value)));

  const rendering = rowRendering(props, report);
  const keyedRow = (renderItem: KeyedRender<T>) => (row: ListRow<T>, at: ReadonlySignal<number>) => {
    const content = row.kind === 'header' ? renderHeader(row.section) : renderItem(row.item, computed(() => {
      const shown = win.slice.value[at.value];
      return shown?.kind === 'item' ? shown.itemIndex : -1;
    }));
    return <RowSlot row={signal(row)} window={win}>{content}</RowSlot>;
  };

  return (
    <View ref={ref} testId={props.testId} style={{ flexGrow: 1, flexShrink: 1, ...props.style }}>
      <ScrollView
        controller={scroller} axis="y" style={{ flexGrow: 1, flexShrink: 1 }} label={props.label} scrollbar={props.scrollbar}
        onMetrics={(m) => win.onMetrics(m)} onScroll={props.onScroll} onRefresh={props.onRefresh}
      >
        <View semantics={{ role: 'list', label: () => read(props.label), description: () => itemCount(rows.value.itemCount) }}>
          <View style={{ height: () => win.spacers.value.top }} />
          {rendering?.kind === 'recycled'
            ? <RecycledRows window={win} renderRow={rendering.render} renderHeader={renderHeader} />
            : rendering ? <For each={win.slice} key={rowIdentity}>{keyedRow(rendering.render)}</For> : null}
          <View style={{ height: () => win.spacers.value.bottom }} />
        </View>
        <Show when={() => props.empty !== undefined && rows.value.itemCount === 0}>{props.empty}</Show>
      </ScrollView>
      {sticky ? <StickyHeader window={win} rows={rows} scroller={scroller} render={renderHeader} /> : null}
    </View>
  );
}

type KeyedRender<T> = KeyedRowProps<T>['renderItem'];
type RowRendering<T> = { kind: 'keyed'; render: KeyedRender<T> } | { kind: 'recycled'; render: RecycledRowProps<T>['renderRow'] };

/** How rows are made: `renderItem` (keyed) or `renderRow` (recycled); a prop error and no rows unless one is given. */
function rowRendering<T>(props: VirtualListProps<T>, report: PropReporter): RowRendering<T> | null {
  const { renderItem, renderRow } = props;
  if (renderItem !== undefined && typeof renderItem !== 'function') report('renderItem', renderItem, 'must be a function (item, index) => row');
  if (renderRow !== undefined && typeof renderRow !== 'function') report('renderRow', renderRow, 'must be a function (item, index) => row, both signals');
  const keyed = typeof renderItem === 'function', recycled = typeof renderRow === 'function';
  if (keyed && recycled) {
    report('renderRow', renderRow, 'cannot be given with renderItem — give renderItem for keyed rows (state of their own) or renderRow for recycled rows (content from the item alone); using renderItem');
  } else if (renderItem === undefined && renderRow === undefined) {
    report('renderItem', undefined, 'is missing — give renderItem(item, index) for keyed rows or renderRow(item, index) for recycled rows; showing no rows');
  }
  return keyed ? { kind: 'keyed', render: renderItem } : recycled ? { kind: 'recycled', render: renderRow } : null;
}

function itemCount(n: number): string {
  return n === 1 ? '1 item' : `${n} items`;
}

function checkedEstimate(value: number | undefined, fallback: number, prop: string, report: PropReporter): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  report(prop, value, `must be a height above 0 (logical px); using ${fallback}`);
  return fallback;
}
