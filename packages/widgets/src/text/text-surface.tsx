/**
 * The drawn text of a field: the selection's boxes behind the <Text>, the <Text> itself (the
 * preedit of a composition as an underlined run in it), the caret over it, and the touch
 * selection handles under the selection's ends. Everything is placed in the <Text>'s own
 * coordinates, from its geometry, in a box that holds the <Text> at its top-left.
 *
 * Positions are worked out when the field's `tick` changes (after each edit or move, once the
 * <Text> shows the new text) and while it is focused; an unfocused field draws no caret and no
 * selection.
 */
import { For, Text, View, computed, type Child, type NodeHandle, type TextRect } from '@planar/toolkit';
import { useTheme, type StyleValues } from '../theme/index.js';
import { withAlpha } from '../internal/state-layer.js';
import { SelectionHandles } from './selection-handles.js';
import type { TextEditing } from './use-text-editing.js';

/** The caret's width, logical px. */
export const CARET_WIDTH = 2;

export interface TextSurfaceProps {
  editing: TextEditing;
  textRef: { current: NodeHandle | null };
  /** The <Text>'s style (type, width, alignment); the colour comes from the theme. */
  textStyle: StyleValues;
  /** The surrounding box's style (it holds the <Text> at its top-left). */
  style?: StyleValues;
  /** A point of the <Text> to the model offset under it (for the handles), or null before layout. */
  offsetAt: (x: number, y: number) => number | null;
}

interface Drawn {
  caret: TextRect | null;
  selection: TextRect[];
  ends: readonly [TextRect, TextRect] | null;
}

/**
 * The text, selection, preedit, caret and handles of a field.
 * @example <TextSurface editing={editing} textRef={textRef} textStyle={{ ...theme.typography('bodyLarge') }} offsetAt={offsetAt} />
 */
export function TextSurface(props: TextSurfaceProps): Child {
  const theme = useTheme();
  const c = theme.colors;
  const e = props.editing;
  let retries = 0;
  const drawn = computed((): Drawn | null => {
    void e.tick.value;
    if (!e.states.focused()) return null;
    const shown = e.shown.peek();
    const g = e.geometry();
    if (!g) return null;
    if (g.text !== shown.text) {
      // The <Text> has not taken the new text yet (its update runs after this one): look again
      // once the change has gone through, before the frame (twice at most, never in a loop).
      if (retries++ < 2) queueMicrotask(() => e.changed());
      return null;
    }
    retries = 0;
    const { start, end } = shown.selection;
    const ends = start < end ? [g.caretRect(start), g.caretRect(end)] as const : null;
    return {
      caret: start === end && !e.states.readOnly() ? g.caretRect(shown.caret) : null,
      selection: ends ? g.selectionRects(start, end) : [],
      ends: e.handles.value ? ends : null,
    };
  });
  /** While a handle is dragged: the selection's end that stays. */
  let fixed: number | null = null;
  const box = (r: TextRect): StyleValues => ({ position: 'absolute', left: r.x, top: r.y, width: r.width, height: r.height });
  return (
    <View style={{ position: 'relative', ...props.style }}>
      <For each={() => drawn.value?.selection ?? []}>{(r) => (
        <View style={{ ...box(r), backgroundColor: () => withAlpha(c.primary, 0.28) }} />
      )}</For>
      <Text ref={props.textRef} semantics={{ hidden: true }} style={{ ...props.textStyle, color: () => c.onSurface }}>
        {() => e.shown.value.before}
        <Text style={{ textDecoration: 'underline' }}>{() => e.shown.value.preedit}</Text>
        {() => e.shown.value.after}
      </Text>
      <View semantics={{ hidden: true }} style={() => {
        const r = drawn.value?.caret;
        return {
          position: 'absolute', display: r ? 'flex' : 'none',
          left: (r?.x ?? 0) - CARET_WIDTH / 2, top: r?.y ?? 0, width: CARET_WIDTH, height: r?.height ?? 0,
          backgroundColor: e.states.invalid() ? c.error : c.primary,
          opacity: e.caretVisible.value ? 1 : 0,
        };
      }} />
      <SelectionHandles
        ends={computed(() => drawn.value?.ends ?? null)}
        onDrag={(which, x, y) => {
          const at = props.offsetAt(x, y);
          if (at === null) return;
          fixed ??= which === 'start' ? e.model.end : e.model.start;
          e.model.select(fixed, at);
          e.changed();
        }}
        onDragEnd={() => (fixed = null)}
      />
    </View>
  );
}
