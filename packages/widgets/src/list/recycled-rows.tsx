/**
 * RecycledRows: a virtual list's mounted rows as a pool of slots (row-pool.ts). Whenever the
 * mounted rows change, the pool binds them to slots and `For` (keyed by slot) shows the slots
 * in order: a slot made for the first time runs the app's `renderRow` once, with signals of
 * its item and index; a slot given another row only sees those signals change.
 */
import { For, computed, effect, onCleanup, signal, untracked, type Child, type ReadonlySignal } from '@planar/toolkit';
import type { ListRow } from './list-rows.js';
import type { ListWindow } from './list-window.js';
import { RowPool, type PoolSlot } from './row-pool.js';
import { RowSlot } from './row-slot.js';

export interface RecycledRowsProps<T> {
  window: ListWindow<T>;
  renderRow: (item: ReadonlySignal<T>, index: ReadonlySignal<number>) => Child;
  renderHeader: (section: string) => Child;
}

export function RecycledRows<T>(props: RecycledRowsProps<T>): Child {
  const pool = new RowPool<T>();
  const slots = signal<readonly PoolSlot<T>[]>([]);
  onCleanup(effect(() => {
    const rows = props.window.slice.value;
    untracked(() => {
      slots.value = pool.assign(rows);
    });
  }));
  const renderSlot = (slot: PoolSlot<T>) => {
    const first = slot.row.peek();
    // A slot holds rows of one kind: an item slot only ever holds item rows.
    const row = slot.row as ReadonlySignal<ItemRow<T>>;
    const content = first.kind === 'header'
      ? props.renderHeader(first.section)
      : props.renderRow(computed(() => row.value.item), computed(() => row.value.itemIndex));
    return <RowSlot row={slot.row} idle={slot.idle} window={props.window}>{content}</RowSlot>;
  };
  return <For each={slots} key={(slot) => slot.id}>{renderSlot}</For>;
}

type ItemRow<T> = Extract<ListRow<T>, { kind: 'item' }>;
