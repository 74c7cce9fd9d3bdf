/**
 * ProgressBar: how far a task has come (determinate), or that it is under way (indeterminate).
 *
 * `useProgressBar` holds the behaviour — the checked range, the fraction, the value text, the
 * semantics and the indeterminate phase — and `ProgressBar` draws it from theme tokens. The
 * indeterminate bar's segment sweeps on the app's clock only while the bar is mounted and
 * shown (see progress-bar-motion.ts); with reduced motion on it stands still, filling the
 * track at half strength.
 */
import { Show, Text, View, computed, read, reducedMotion, type NodeHandle, type ReadonlySignal, type Reactive, type SemanticsProps } from '@planar/toolkit';
import { useTheme } from './theme/index.js';
import type { StyleValues } from './theme/index.js';
import { useLoopingPhase } from './progress-bar-motion.js';
import { checkRange, reportProblems, type CheckedRange } from './progress-bar-range.js';

/** One sweep of the indeterminate segment, ms. */
export const INDETERMINATE_PERIOD_MS = 1600;
/** The indeterminate segment's width, as a fraction of the track. */
const SEGMENT = 0.35;

export interface ProgressBarProps {
  /**
   * How far along, between `min` and `max` (a value, signal or getter). The bar only reads
   * it: a writable signal works the same as a getter here, since a progress bar never changes
   * its value. A value outside the range is reported and shown clamped.
   */
  value?: Reactive<number>;
  /** Default 0. */
  min?: Reactive<number>;
  /** Default 100. */
  max?: Reactive<number>;
  /** The amount is unknown: a segment sweeps along the track and `value` is ignored. */
  indeterminate?: Reactive<boolean>;
  /** The accessible name, shown above the bar. */
  label?: Reactive<string | undefined>;
  /** Shows the value text (e.g. "40%") at the end of the label row. */
  showValue?: Reactive<boolean>;
  /** The value text, read out and shown; default the percentage ("40%"). */
  formatValue?: (value: number, fraction: number) => string;
  disabled?: Reactive<boolean>;
  testId?: string;
  /** Overrides for the outer box (its width, margins…). */
  style?: StyleValues;
}

export interface ProgressBarState {
  /** The checked range and value. */
  range: ReadonlySignal<CheckedRange>;
  /** 0..1 of the track filled (determinate). */
  fraction: ReadonlySignal<number>;
  indeterminate: () => boolean;
  /** Whether the segment sweeps (indeterminate and reduced motion off). */
  animated: () => boolean;
  /** 0..1 through the current sweep. */
  phase: ReadonlySignal<number>;
  valueText: () => string;
  semantics: SemanticsProps;
}

/**
 * The behaviour of a progress bar or a ring: range checks (reported on the node behind `ref`),
 * the fraction, the value text, the `progressbar` semantics and the indeterminate phase.
 * @example
 * const ref = { current: null as NodeHandle | null };
 * const bar = useProgressBar(props, ref);
 * <View ref={ref} semantics={bar.semantics}><View style={{ width: () => `${bar.fraction.value * 100}%` }} /></View>
 */
export function useProgressBar(props: ProgressBarProps, ref: { readonly current: NodeHandle | null }, periodMs = INDETERMINATE_PERIOD_MS): ProgressBarState {
  const indeterminate = () => read(props.indeterminate) === true;
  const range = computed(() => checkRange(
    indeterminate() ? undefined : read(props.value) ?? 0,
    read(props.min) ?? 0, read(props.max) ?? 100, { min: 0, max: 100 },
  ));
  reportProblems(ref, () => range.value.problems);
  const fraction = computed(() => {
    const r = range.value;
    return (r.value - r.min) / (r.max - r.min);
  });
  const animated = () => indeterminate() && !reducedMotion();
  const phase = useLoopingPhase(ref, animated, periodMs);
  const valueText = () => {
    const r = range.value;
    return props.formatValue ? props.formatValue(r.value, fraction.value) : `${Math.round(fraction.value * 100)}%`;
  };
  const semantics: SemanticsProps = {
    role: 'progressbar',
    label: () => read(props.label),
    value: () => {
      if (indeterminate()) return undefined;
      const r = range.value;
      return { now: r.value, min: r.min, max: r.max, text: valueText() };
    },
  };
  return { range, fraction, indeterminate, animated, phase, valueText, semantics };
}

/**
 * A linear progress bar, determinate or indeterminate.
 * @example
 * <ProgressBar label="Updating firmware" value={percent} showValue />
 * <ProgressBar label="Searching for devices" indeterminate />
 */
export function ProgressBar(props: ProgressBarProps) {
  const theme = useTheme();
  const ref = { current: null as NodeHandle | null };
  const bar = useProgressBar(props, ref);
  const disabled = () => read(props.disabled) === true;
  const textStyle = (color: () => string) => ({ ...theme.typography('bodyMedium'), color, opacity: () => (disabled() ? 0.38 : 1) });
  // The indeterminate segment enters from the left edge and leaves past the right one.
  const segmentLeft = () => (bar.animated() ? -SEGMENT + (1 + SEGMENT) * bar.phase.value : 0);
  return (
    <View
      ref={ref}
      testId={props.testId}
      disabled={props.disabled}
      semantics={bar.semantics}
      style={{ minWidth: 120, gap: () => theme.spacing.xs, ...props.style }}
    >
      <Show when={() => read(props.label) !== undefined || read(props.showValue) === true}>
        <View style={{ flexDirection: 'row', justifyContent: 'space-between', gap: () => theme.spacing.sm }}>
          <Text style={textStyle(() => theme.colors.onSurface)}>{() => read(props.label) ?? ''}</Text>
          <Show when={() => read(props.showValue) === true && !bar.indeterminate()}>
            <Text style={textStyle(() => theme.colors.onSurfaceVariant)}>{bar.valueText}</Text>
          </Show>
        </View>
      </Show>
      <View style={{
        height: 6, borderRadius: () => theme.radii.full, overflow: 'hidden',
        backgroundColor: () => (disabled() ? theme.colors.surfaceContainerHighest : theme.colors.secondaryContainer),
      }}>
        <View style={{
          position: 'absolute', top: 0, bottom: 0, borderRadius: () => theme.radii.full,
          left: () => `${segmentLeft() * 100}%`,
          width: () => `${(bar.indeterminate() ? (bar.animated() ? SEGMENT : 1) : bar.fraction.value) * 100}%`,
          backgroundColor: () => (disabled() ? theme.colors.onSurface : theme.colors.primary),
          opacity: () => (disabled() ? 0.38 : bar.indeterminate() && !bar.animated() ? 0.5 : 1),
        }} />
      </View>
    </View>
  );
}
