/**
 * RowPool: the slots a recycling virtual list shows its rows in, and which row each slot holds.
 *
 * A keyed list makes a row's nodes when the row comes into the mounted span and frees them
 * when it leaves. A recycling list keeps them: the app's row is made once per slot, from
 * signals of an item and an index, and a slot whose row left is given a row that came in.
 * Its nodes, Yoga nodes and text objects stay; the signals change and the content follows.
 *
 * 1. Each time the mounted rows change (`assign`), a slot holding a row that is still mounted
 *    keeps it; it is handed the row as it is now (the item may be a new object with the same
 *    key, the index may have moved).
 * 2. The rows that came in take, in order, the item slots whose rows left, then idle slots
 *    (the one idle the shortest time first); a slot is made only when none is left. So the
 *    pool holds no more slots than the span has held rows at once, and the idle ones (4).
 * 3. Section headers stay keyed: a header slot is made for its header and freed when it
 *    leaves. Headers are few, and `renderSectionHeader` is a function of a plain label.
 * 4. Item slots left over go idle: hidden (display none), out of layout and semantics, their
 *    content as it was. Up to IDLE_SLOTS stay so — the span gains and loses a few rows as the
 *    rendered window moves and as heights are learnt — and the rest are freed, the ones idle
 *    longest first.
 * 5. `assign` returns the slots in row order, then the idle ones. The list renders them with
 *    `For` keyed by slot, which moves only the nodes out of order: on a fling down, the slots
 *    that went from the top to the bottom, not the rows between.
 *
 *   mounted 10..19, fling down →  mounted 13..22
 *   slots   A B C D E F G H I J    D E F G H I J A B C   (A, B, C rebound to 20, 21, 22)
 */
import { signal, type Signal } from '@planar/toolkit';
import type { ListRow } from './list-rows.js';

/** Item slots kept idle when the span needs fewer than the pool has; past that they are freed. */
export const IDLE_SLOTS = 8;

/** A place in the list where a row is shown. */
export interface PoolSlot<T> {
  /** Tells slots apart for `For`; never reused. */
  readonly id: number;
  readonly kind: ListRow<T>['kind'];
  /** The row the slot shows; kept while the slot is idle, so its content always has an item. */
  readonly row: Signal<ListRow<T>>;
  /** Whether the slot holds no mounted row (hidden, out of layout). */
  readonly idle: Signal<boolean>;
}

/**
 * The slots of one recycling list (see the top of this file).
 * @example
 * const pool = new RowPool<Contact>();
 * slots.value = pool.assign(rows.slice(first, last));
 */
export class RowPool<T> {
  /** Slots made since the pool was (for tests). */
  made = 0;
  private nextId = 0;
  /** The slot of each mounted row, by row key. */
  private bound = new Map<string, PoolSlot<T>>();
  /** Idle item slots, the one idle longest first. */
  private idle: PoolSlot<T>[] = [];

  /** Binds `rows` (the mounted rows, in order) to slots; returns every slot to show, in order, then the idle ones. */
  assign(rows: readonly ListRow<T>[]): PoolSlot<T>[] {
    const wanted = new Set<string>();
    for (const row of rows) wanted.add(row.key);
    // Item slots whose rows left, to be given rows that came in; header slots go.
    const free: PoolSlot<T>[] = [];
    for (const [key, slot] of this.bound) {
      if (wanted.has(key)) continue;
      this.bound.delete(key);
      if (slot.kind === 'item') free.push(slot);
    }
    const next = new Map<string, PoolSlot<T>>();
    const ordered: PoolSlot<T>[] = [];
    for (const row of rows) {
      let slot = this.bound.get(row.key);
      if (!slot) slot = row.kind === 'item' ? free.shift() ?? this.idle.pop() ?? this.make(row) : this.make(row);
      slot.row.value = row;
      slot.idle.value = false;
      next.set(row.key, slot);
      ordered.push(slot);
    }
    this.bound = next;
    for (const slot of free) slot.idle.value = true;
    this.idle = [...this.idle, ...free].slice(-IDLE_SLOTS);
    return [...ordered, ...this.idle];
  }

  /** How many slots the pool holds: those showing rows and the idle ones. */
  get size(): number {
    return this.bound.size + this.idle.length;
  }

  private make(row: ListRow<T>): PoolSlot<T> {
    this.made++;
    return { id: this.nextId++, kind: row.kind, row: signal(row), idle: signal(false) };
  }
}
