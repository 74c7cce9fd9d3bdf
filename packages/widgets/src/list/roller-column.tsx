/**
 * RollerColumn: one scroll layer of a roller's rows, mounting only the rows near its viewport
 * (the rows of `mountSpan`, as a VirtualList does; every row is one row tall, so the rows of a
 * stretch are found by division). A roller stacks two: the plain rows, and over the middle band
 * a one-row-tall viewport onto the same rows drawn selected, moved by the same offset. Both
 * scroll without repainting, and a row crossing the band's edge is drawn selected exactly
 * inside it.
 */
import {
  For, ScrollLayer, Text, View, computed, signal,
  type Child, type NodeHandle, type ReadonlySignal, type ScrollMetrics, type StyleProp,
} from '@planar/toolkit';
import { useTheme } from '../theme/index.js';
import type { ScrollInputProps } from '../scroll/scroll-input.js';
import { mountSpan } from './list-layout.js';
import { contentLength, rowTop, rowsIn, type RollerGeometry } from './roller-geometry.js';

export interface RollerColumnProps {
  geometry: ReadonlySignal<RollerGeometry>;
  options: ReadonlySignal<readonly string[]>;
  /** The content offset this column is shown at. */
  offset: ReadonlySignal<number>;
  /** Its viewport's length, logical px. */
  length: () => number;
  /** Draws the rows as the selected one (the band's column). */
  selected: boolean;
  input: Pick<ScrollInputProps, 'onPointerDownCapture' | 'onPointerUp' | 'onPointerCancel' | 'onWheel'>;
  /** The layer's viewport, which the input binding listens on. */
  layerRef: { current: NodeHandle | null };
  style: StyleProp;
}

export function RollerColumn(props: RollerColumnProps): Child {
  const theme = useTheme();
  const c = theme.colors;
  const metrics = signal<ScrollMetrics | null>(null);
  const range = computed(() => {
    const m = metrics.value;
    const span = mountSpan(props.offset.value, props.length(), m ? { start: m.windowStart, end: m.windowEnd } : null);
    return rowsIn(span.from, span.to, props.geometry.value);
  });
  const first = computed(() => range.value.first), last = computed(() => range.value.last);
  const rows = computed(() => Array.from({ length: Math.max(0, last.value - first.value + 1) }, (_, k) => first.value + k));
  const label = (j: number) => () => {
    const options = props.options.value;
    return options.length ? options[j % options.length]! : '';
  };
  return (
    <ScrollLayer
      ref={props.layerRef}
      {...props.input}
      style={props.style}
      semantics={{ hidden: true }}
      offset={computed(() => ({ x: 0, y: props.offset.value }))}
      onMetrics={(m) => (metrics.value = m)}
    >
      <View style={{ height: () => rowTop(first.value, props.geometry.value) }} />
      <For each={rows} key={(j) => j}>{(j) => (
        <View style={{
          height: () => props.geometry.value.rowHeight, alignItems: 'center', justifyContent: 'center', paddingHorizontal: () => theme.spacing.md,
          backgroundColor: props.selected ? () => c.secondaryContainer : undefined,
        }}>
          <Text style={{
            ...theme.typography('titleMedium'), maxLines: 1,
            color: () => (props.selected ? c.onSecondaryContainer : c.onSurfaceVariant),
          }}>{label(j)}</Text>
        </View>
      )}</For>
      <View style={{ height: () => Math.max(0, contentLength(props.geometry.value) - rowTop(last.value + 1, props.geometry.value)) }} />
    </ScrollLayer>
  );
}
