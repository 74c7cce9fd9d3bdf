/**
 * Section headers of a VirtualList: the themed default, and the pinned copy over the top of
 * the viewport.
 *
 * The pinned header is drawn outside the scrolled content, in a small scroll layer of its own
 * laid over the viewport's top edge, so scrolling never repaints rows for it. Its content is
 * the current section's header; the next header pushing it up is that small layer's offset,
 * which moves a plane's source rectangle and repaints nothing either. It takes drags like the
 * list does (the same input binding, on the list's scroller), so a drag that starts on it
 * scrolls the list. It is hidden from semantics: the header row in the list says it.
 */
import {
  For, ScrollLayer, Text, View, computed, useContext,
  type Child, type NodeHandle, type ReadonlySignal, type Scroller,
} from '@planar/toolkit';
import { useTheme } from '../theme/index.js';
import { ScrollChainContext, useScrollInput } from '../scroll/scroll-input.js';
import { pinnedHeader } from './sticky-header.js';
import type { ListRow, ListRows } from './list-rows.js';
import type { ListWindow } from './list-window.js';

/** The default section header's height, logical px. */
export const SECTION_HEADER_HEIGHT = 36;

/**
 * The default look of a section header: the label on an opaque band (a pinned header covers
 * the rows under it).
 * @example <VirtualList … section={(c) => c.name[0]} renderSectionHeader={(s) => <SectionHeader label={s} />} />
 */
export function SectionHeader(props: { label: string }): Child {
  const theme = useTheme();
  return (
    <View semantics={{ role: 'heading', label: props.label }} style={{
      height: SECTION_HEADER_HEIGHT, justifyContent: 'center', paddingHorizontal: () => theme.spacing.lg,
      backgroundColor: () => theme.colors.surfaceContainerHigh,
    }}>
      <Text style={{ ...theme.typography('labelLarge'), color: () => theme.colors.primary, maxLines: 1 }}>{props.label}</Text>
    </View>
  );
}

export interface StickyHeaderProps<T> {
  window: ListWindow<T>;
  rows: ReadonlySignal<ListRows<T>>;
  scroller: Scroller;
  render: (section: string) => Child;
}

/** The current section's header pinned over the top of the list's viewport (see above). */
export function StickyHeader<T>(props: StickyHeaderProps<T>): Child {
  const { window: win, scroller } = props;
  const ref = { current: null as NodeHandle | null };
  const input = useScrollInput(ref, scroller, { axis: 'y', outer: useContext(ScrollChainContext) });
  const places = {
    contentStart: (row: number) => win.layout.contentStart(row),
    heightOf: (row: number) => win.layout.extents.heightOf(row),
    rowAt: (y: number) => win.layout.rowAt(y),
  };
  const pinned = computed(() => {
    void win.version.value;
    return pinnedHeader(props.rows.value.headers, scroller.y.value, places);
  });
  const row = computed(() => pinned.value?.row ?? -1);
  const height = computed(() => (row.value >= 0 ? places.heightOf(row.value) : 0));
  const shown = computed((): readonly ListRow<T>[] => {
    const rows = props.rows.value;
    return row.value >= 0 && row.value < rows.count ? [rows.row(row.value)] : [];
  });
  return (
    <ScrollLayer
      ref={ref}
      {...input}
      semantics={{ hidden: true }}
      style={() => (row.value >= 0
        ? { display: 'flex' as const, position: 'absolute' as const, top: 0, left: 0, right: 0, height: height.value }
        : { display: 'none' as const, position: 'absolute' as const })}
      offset={computed(() => ({ x: 0, y: pinned.value?.push ?? 0 }))}
    >
      <For each={shown} key={(r) => r.key}>{(r) => (r.kind === 'header' ? props.render(r.section) : null)}</For>
    </ScrollLayer>
  );
}
