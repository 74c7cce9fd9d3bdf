/**
 * RowSlot: the box a virtual list puts around each row it shows. The slot is what the list
 * lays out and measures: its inner box holds the app's row at its natural height and is read
 * through a handle once laid out. A row mounted above the viewport's top row keeps its
 * estimated height until it is measured, its content hanging from the slot's bottom, so that
 * rows on screen do not move (list-layout.ts). A recycling list's slot changes rows, and hides
 * while it holds none (row-pool.ts).
 */
import { View, type Child, type NodeHandle, type ReadonlySignal } from '@planar/toolkit';
import type { ListWindow } from './list-window.js';
import type { ListRow } from './list-rows.js';

export interface RowSlotProps<T> {
  /** The row shown (a keyed list's slot keeps one; a recycling list's changes). */
  row: ReadonlySignal<ListRow<T>>;
  /** Whether the slot holds no mounted row: hidden, out of layout and semantics. */
  idle?: ReadonlySignal<boolean>;
  window: ListWindow<T>;
  children: Child;
}

export function RowSlot<T>(props: RowSlotProps<T>): Child {
  const inner = { current: null as NodeHandle | null };
  const mounted = props.window.register(props.row, props.idle, inner);
  return (
    <View
      semantics={props.row.peek().kind === 'item' ? { role: 'listitem' } : undefined}
      style={() => (props.idle?.value ? { display: 'none' as const }
        : mounted.growsUp.value ? { display: 'flex' as const, height: mounted.estimate, justifyContent: 'flex-end' as const }
        : { display: 'flex' as const, height: 'auto' as const, justifyContent: 'flex-start' as const })}
    >
      <View ref={inner} style={{ flexShrink: 0 }}>{props.children}</View>
    </View>
  );
}
