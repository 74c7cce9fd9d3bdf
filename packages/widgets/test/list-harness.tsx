/**
 * What the VirtualList tests share: items, a row that is fixed or as tall as its text, a list
 * of them (keyed, or recycled with `recycled`), mounting at one size with a controller the
 * test holds, a finger's drags, and where rows are on screen.
 */
import { Text, View, type Child } from '@planar/toolkit';
import type { Screen } from '@planar/toolkit/testing';
import { VirtualList, VirtualListController, type VirtualListOptions } from '../src/index.js';
import { renderThemed } from './harness.js';

export const touch = { type: 'touch' } as const;
export const SIZE = { width: 300, height: 200 };
export const ROW = 40;

export interface Item { id: number; text: string; lines?: number }
export const itemsOf = (n: number, from = 0): Item[] => Array.from({ length: n }, (_, i) => ({ id: from + i, text: `Row ${from + i}` }));
/** Every seventh row three lines tall: heights the list learns only by laying rows out. */
export const mixed = (n: number) => itemsOf(n).map((it) => (it.id % 7 === 3 ? { ...it, lines: 3 } : it));

/**
 * A row: fixed at ROW px, or as tall as its text wrapped over `lines` lines (the list does not
 * know how tall). It reads its item through `item`, so a recycled row follows the item it is given.
 */
export function Row(props: { item: () => Item }): Child {
  const { item } = props;
  return (
    <View testId={() => `row-${item().id}`} style={{ minHeight: ROW, justifyContent: 'center', paddingLeft: 8, backgroundColor: () => (item().id % 2 ? '#e8e8f0' : '#ffffff') }}>
      <Text style={{ fontSize: 14, lineHeight: 1.4, color: '#222' }}>{() => {
        const { lines, text } = item();
        return lines ? Array.from({ length: lines }, () => text).join('\n') : text;
      }}</Text>
    </View>
  );
}

export type ListProps = Partial<VirtualListOptions<Item>> & {
  items: VirtualListOptions<Item>['items'];
  /** Recycled rows (renderRow) instead of keyed ones (renderItem). */
  recycled?: boolean;
  /** Called each time a row is made. */
  onRowMade?: () => void;
};

/** A list of Rows, 200 px tall. */
export function List(props: ListProps): Child {
  const { key = (i: Item) => i.id, recycled = false, onRowMade, ...rest } = props;
  const common = { label: 'Rows', key, estimatedHeight: ROW, style: { height: 200 }, ...rest };
  return recycled
    ? <VirtualList {...common} renderRow={(item) => (onRowMade?.(), <Row item={() => item.value} />)} />
    : <VirtualList {...common} renderItem={(item) => (onRowMade?.(), <Row item={() => item} />)} />;
}

export const mount = (ui: () => Child) => renderThemed(ui, SIZE);

/** Mounts `list()` with a controller the test holds, made while the list's component runs. */
export async function mountWith(list: (controller: VirtualListController) => Child) {
  let controller!: VirtualListController;
  const screen = await mount(() => {
    controller = new VirtualListController();
    return list(controller);
  });
  return { screen, list: controller };
}

/** Drags a finger from `from` by dy in `steps` moves 10 ms apart; `rest` ms of holding still before the lift (0: a flick). */
export const drag = (screen: Screen, from: { x: number; y: number }, dy: number, steps = 10, rest = 0) => screen.drag(from, { dy }, { steps, hold: rest });

/** How many rows are mounted and shown (a recycled list's idle rows are hidden, and not counted). */
export const mountedRows = (screen: Screen) => screen.queryAllByRole('listitem').length;
/** The row showing item `id`, as a person sees it (hidden rows are not looked at). */
export const rowBox = (screen: Screen, id: number) => screen.find(screen.getByRole('listitem', { name: new RegExp(`^Row ${id}\\b`) }));
export const rowTop = (screen: Screen, id: number) => rowBox(screen, id).y;
/** The row at the top edge of the viewport. */
export function topRow(screen: Screen): number {
  for (const node of screen.queryAllByRole('listitem')) {
    const box = screen.find(node);
    if (box.y <= 0 && box.y + box.height > 0) return Number(/Row (\d+)/.exec(node.name)![1]);
  }
  throw new Error('no row at the top');
}

/** The x of every column in which two RGBA frames of the screen differ. */
export function differingColumns(a: Uint8Array, b: Uint8Array): number[] {
  const columns = new Set<number>();
  for (let i = 0; i < a.length; i += 4) {
    if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) columns.add((i / 4) % SIZE.width);
  }
  return [...columns].sort((p, q) => p - q);
}
