/**
 * The two drag handles of a touch selection: a small knob hanging under each end. Dragging
 * one moves that end (the other stays), to the text under the point the knob's line was at
 * when the drag began plus the finger's movement, so the finger never hides the caret it moves.
 */
import { View, useGestures, type Child, type NodeHandle, type ReadonlySignal, type TextRect } from '@planar/toolkit';
import { useTheme } from '../theme/index.js';

/** The knob's diameter, logical px. */
export const HANDLE_SIZE = 12;

export interface SelectionHandlesProps {
  /** The carets at the selection's start and end (the <Text>'s coordinates), or null when hidden. */
  ends: ReadonlySignal<readonly [TextRect, TextRect] | null>;
  /** The handle at `which` end was dragged to a point of the <Text>. */
  onDrag: (which: 'start' | 'end', x: number, y: number) => void;
  onDragEnd: () => void;
}

function Handle(props: SelectionHandlesProps & { which: 'start' | 'end' }): Child {
  const theme = useTheme();
  const ref = { current: null as NodeHandle | null };
  const rect = () => props.ends.value?.[props.which === 'start' ? 0 : 1] ?? null;
  let from = { x: 0, y: 0 };
  useGestures(ref, {
    onPan: {
      start: () => {
        const r = rect();
        if (r) from = { x: r.x, y: r.y + r.height / 2 };
      },
      update: (e) => props.onDrag(props.which, from.x + e.offsetX, from.y + e.offsetY),
      end: props.onDragEnd,
      cancel: props.onDragEnd,
    },
  });
  return (
    <View ref={ref} semantics={{ hidden: true }} style={() => {
      const r = rect();
      return {
        position: 'absolute', display: r ? 'flex' : 'none',
        left: (r?.x ?? 0) - HANDLE_SIZE / 2, top: r ? r.y + r.height : 0,
        width: HANDLE_SIZE, height: HANDLE_SIZE, borderRadius: HANDLE_SIZE / 2,
        borderTopLeftRadius: props.which === 'end' ? 0 : HANDLE_SIZE / 2,
        borderTopRightRadius: props.which === 'start' ? 0 : HANDLE_SIZE / 2,
        backgroundColor: theme.colors.primary,
      };
    }} />
  );
}

/**
 * The handles at both ends of a selection.
 * @example <SelectionHandles ends={ends} onDrag={(which, x, y) => moveEnd(which, x, y)} onDragEnd={() => {}} />
 */
export function SelectionHandles(props: SelectionHandlesProps): Child {
  return [<Handle {...props} which="start" />, <Handle {...props} which="end" />];
}
