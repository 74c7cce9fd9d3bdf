/**
 * RowSlot: the box a virtual list puts around each row it mounts. The slot is what the list
 * lays out and measures: its inner box holds the app's row at its natural height and is read
 * through a handle once laid out. A row mounted above the viewport's top row keeps its
 * estimated height until it is measured, its content hanging from the slot's bottom, so that
 * rows on screen do not move (list-layout.ts).
 */
import { View, type Child, type NodeHandle } from '@planar/toolkit';
import type { ListWindow } from './list-window.js';
import type { ListRow } from './list-rows.js';

export function RowSlot<T>(props: { row: ListRow<T>; window: ListWindow<T>; children: Child }): Child {
  const inner = { current: null as NodeHandle | null };
  const mounted = props.window.register(props.row, inner);
  return (
    <View
      semantics={props.row.kind === 'item' ? { role: 'listitem' } : undefined}
      style={() => (mounted.growsUp.value
        ? { height: mounted.estimate, justifyContent: 'flex-end' as const }
        : { height: 'auto' as const, justifyContent: 'flex-start' as const })}
    >
      <View ref={inner} style={{ flexShrink: 0 }}>{props.children}</View>
    </View>
  );
}
