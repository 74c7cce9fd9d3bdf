/**
 * The behaviour of a slider, apart from its looks (`useSlider`): one value or a range of two,
 * kept in min..max and on the step; the keys (arrows step, PageUp/PageDown a tenth of the
 * range, Home/End the ends), an encoder's turns in edit mode, semantics actions; and the
 * pointer: a tap on the rail moves the nearest thumb there, a drag moves the thumb nearest to
 * where it began. The drag is a pan along the slider's axis, so it claims the pointer only
 * after a move along that axis: inside a scroller across it, a drag across lets the scroll through.
 * A horizontal slider in a right-to-left layout (`useDirection()`) runs from the right: its
 * minimum is at the right, and the left arrow key steps up, as on Android and in the web's ARIA
 * practices.
 *
 * Bad props are reported once and replaced by the nearest valid ones: min > max are swapped,
 * a step that is not above 0 makes the slider continuous, a value outside min..max is clamped,
 * and a range given high-to-low is put in order.
 */
import {
  computed, read, signal, useDirection, useGestures, type KeyEvent, type NodeHandle, type PanEvent, type Reactive,
  type ReadonlySignal, type SemanticsAction, type SemanticsProps, type TapEvent,
} from '@planar/toolkit';
import { useControllable } from './internal/controllable.js';
import type { PropReporter } from './internal/prop-report.js';

/** One value, or a range of two (low, high) with a thumb each. */
export type SliderValue = number | readonly [number, number];

export interface SliderStateProps<V extends SliderValue> {
  value?: Reactive<V>;
  defaultValue?: V;
  onChange?: (value: V) => void;
  /** Default 0. */
  min?: Reactive<number>;
  /** Default 100. */
  max?: Reactive<number>;
  /** The value moves in steps of this size from `min`; leave it out for a continuous slider. */
  step?: Reactive<number | undefined>;
  orientation?: 'horizontal' | 'vertical';
  disabled?: Reactive<boolean>;
  label?: Reactive<string>;
  /** The value as read out and shown in the label (default: the number, to the step's decimals). */
  formatValue?: (value: number) => string;
}

export interface SliderGeometry {
  /** Space before the rail starts and after it ends, inside the slider's box, logical px. */
  inset: number;
  /** The slider's length along its axis now, logical px. */
  length(): number;
}

export interface SliderState {
  /** The thumbs' values, in order (one or two), valid. */
  values: ReadonlySignal<readonly number[]>;
  min: ReadonlySignal<number>;
  max: ReadonlySignal<number>;
  /** Where a value sits along the rail, 0..1 (from the start: left, right in rtl, or the bottom when vertical). */
  fraction(value: number): number;
  /** The thumb being dragged, or null. */
  dragging: ReadonlySignal<number | null>;
  format(value: number): string;
  /** Props for each thumb's box: focus, keys, encoder, semantics. */
  thumbProps(index: number): {
    focusable: true;
    editable: true;
    onKeyDown: (e: KeyEvent) => void;
    semantics: SemanticsProps;
  };
}

const decimals = (n: number) => (Number.isInteger(n) ? 0 : Math.min(6, (String(n).split('.')[1] ?? '').length));

/**
 * Slider behaviour on the node behind `railRef` (the box a person touches).
 * @example const slider = useSlider(props, railRef, report, { inset: 12, length: () => … });
 */
export function useSlider<V extends SliderValue>(
  props: SliderStateProps<V>, railRef: { readonly current: NodeHandle | null }, report: PropReporter, geometry: SliderGeometry,
): SliderState {
  const state = useControllable<V>(props.value, props.defaultValue, 0 as V, props.onChange, (a, b) => String(a) === String(b));
  const bounds = computed(() => {
    const lo = props.min === undefined ? 0 : read(props.min), hi = props.max === undefined ? 100 : read(props.max);
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
      report(Number.isFinite(lo) ? 'max' : 'min', Number.isFinite(lo) ? hi : lo, 'must be a finite number; using 0..100');
      return [0, 100] as const;
    }
    if (lo > hi) report('min', lo, `is above max (${hi}); the two are swapped — give min ≤ max`);
    return lo > hi ? [hi, lo] as const : [lo, hi] as const;
  });
  const min = computed(() => bounds.value[0]), max = computed(() => bounds.value[1]);
  const step = computed(() => {
    const s = props.step === undefined ? undefined : read(props.step);
    if (s === undefined) return undefined;
    if (Number.isFinite(s) && s > 0) return s;
    report('step', s, 'must be above 0; the slider is continuous instead — give a positive step, or none for a continuous slider');
    return undefined;
  });
  const snap = (v: number) => {
    const lo = min.value, hi = max.value, s = step.value;
    let out = Math.min(hi, Math.max(lo, v));
    if (s !== undefined) {
      out = lo + Math.round((out - lo) / s) * s;
      if (out > hi) out -= s;
      out = Number(out.toFixed(decimals(s) + decimals(lo)));
    }
    return out;
  };
  const values = computed((): readonly number[] => {
    const raw = state.value.value;
    const list: number[] = typeof raw === 'number' ? [raw] : [...(raw as readonly [number, number])];
    for (const v of list) {
      if (!Number.isFinite(v) || v < min.value || v > max.value) report('value', raw, `is outside min..max (${min.value}..${max.value}); showing the nearest value inside`);
    }
    const valid = list.map((v) => snap(Number.isFinite(v) ? v : min.value));
    if (valid.length === 2 && valid[0]! > valid[1]!) {
      report('value', raw, 'is a range given high to low; showing it low to high — give [low, high]');
      valid.reverse();
    }
    return valid;
  });
  const isRange = () => typeof state.value.peek() !== 'number';
  const disabled = () => (props.disabled !== undefined ? read(props.disabled) : false);
  /** Moves thumb `index` to `v` (kept inside min..max, on the step, and not past the other thumb). */
  const setThumb = (index: number, v: number) => {
    if (disabled()) return;
    const now = values.peek();
    let next = snap(v);
    if (now.length === 2) next = index === 0 ? Math.min(next, now[1]!) : Math.max(next, now[0]!);
    if (!isRange()) return state.set(next as V);
    const pair = index === 0 ? [next, now[1]!] as const : [now[0]!, next] as const;
    state.set(pair as unknown as V);
  };
  /** A small move: one step, or a hundredth of the range when continuous. */
  const nudge = () => step.peek() ?? (max.peek() - min.peek()) / 100;
  const page = () => {
    const s = step.peek(), tenth = (max.peek() - min.peek()) / 10;
    return s === undefined ? tenth : Math.max(s, Math.round(tenth / s) * s);
  };
  const vertical = props.orientation === 'vertical';
  const fraction = (v: number) => (max.value === min.value ? 0 : (v - min.value) / (max.value - min.value));

  // A horizontal slider grows the way its line reads: to the left in a right-to-left layout.
  const direction = useDirection();
  const mirrored = () => !vertical && direction.peek() === 'rtl';

  // Pointer: positions along the rail, from the start (left, right in rtl, or bottom when vertical).
  const dragging = signal<number | null>(null);
  const valueAt = (e: { x: number; y: number }) => {
    const length = geometry.length() - 2 * geometry.inset;
    const along = vertical ? geometry.length() - e.y : mirrored() ? geometry.length() - e.x : e.x;
    const f = length > 0 ? (along - geometry.inset) / length : 0;
    return min.peek() + Math.min(1, Math.max(0, f)) * (max.peek() - min.peek());
  };
  const nearest = (v: number) => {
    const now = values.peek();
    if (now.length === 1) return 0;
    if (now[0] === now[1]) return v > now[1]! ? 1 : 0;
    return Math.abs(v - now[0]!) <= Math.abs(v - now[1]!) ? 0 : 1;
  };
  useGestures(railRef, {
    onTap: (e: TapEvent) => {
      const v = valueAt(e);
      setThumb(nearest(v), v);
    },
    onPan: {
      axis: vertical ? 'y' : 'x',
      start: (e: PanEvent) => {
        if (disabled()) return;
        const v = valueAt(e);
        dragging.value = nearest(valueAt({ x: e.x - e.offsetX, y: e.y - e.offsetY }));
        setThumb(dragging.peek()!, v);
      },
      update: (e: PanEvent) => {
        if (dragging.peek() !== null) setThumb(dragging.peek()!, valueAt(e));
      },
      end: () => {
        dragging.value = null;
      },
      cancel: () => {
        dragging.value = null;
      },
    },
  });

  const format = (v: number) => props.formatValue?.(v) ?? v.toFixed(step.value !== undefined ? decimals(step.value) : 0);
  const label = (index: number) => {
    const name = props.label === undefined ? undefined : read(props.label);
    if (values.value.length === 1 || name === undefined) return name;
    return `${name} ${index === 0 ? 'minimum' : 'maximum'}`;
  };
  const keySteps: Record<string, () => number> = {
    ArrowRight: nudge, ArrowUp: nudge, EncoderCW: nudge, PageUp: page,
    ArrowLeft: () => -nudge(), ArrowDown: () => -nudge(), EncoderCCW: () => -nudge(), PageDown: () => -page(),
  };
  return {
    values,
    min,
    max,
    fraction,
    dragging,
    format,
    thumbProps: (index) => ({
      focusable: true,
      editable: true,
      onKeyDown: (e) => {
        const now = values.peek()[index];
        if (now === undefined) return;
        if (e.key === 'Home' || e.key === 'End') {
          e.preventDefault();
          setThumb(index, e.key === 'Home' ? min.peek() : max.peek());
        } else if (keySteps[e.key]) {
          e.preventDefault();
          // In rtl the left arrow moves the thumb left, which is up the scale.
          const key = mirrored() && e.key === 'ArrowLeft' ? 'ArrowRight' : mirrored() && e.key === 'ArrowRight' ? 'ArrowLeft' : e.key;
          setThumb(index, now + keySteps[key]!());
        }
      },
      semantics: {
        role: 'slider',
        label: () => label(index),
        value: () => ({ now: values.value[index], min: min.value, max: max.value, text: format(values.value[index] ?? min.value) }),
        actions: ['increment', 'decrement'] as const,
        onAction: (action: SemanticsAction) => {
          const now = values.peek()[index];
          if (now !== undefined && (action === 'increment' || action === 'decrement')) setThumb(index, now + (action === 'increment' ? nudge() : -nudge()));
        },
      },
    }),
  };
}
