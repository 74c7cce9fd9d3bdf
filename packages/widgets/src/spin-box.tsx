/**
 * SpinBox (a stepper): a number with − and + buttons. A tap on a button steps once; holding it
 * steps again and again (a long press with repeat). The number itself takes focus: arrows step,
 * PageUp/PageDown step ten times, Home/End go to the ends; with an encoder, a push enters edit
 * mode, turns step, a push leaves. Bad props are reported and replaced by the nearest valid ones.
 */
import {
  Text, View, computed, read, useGestures, useInteraction,
  type Child, type KeyEvent, type NodeHandle, type Reactive, type ReadonlySignal, type SemanticsAction, type SemanticsProps,
} from '@planar/toolkit';
import { useTheme, type StyleValues } from './theme/index.js';
import { useControllable } from './internal/controllable.js';
import { usePropReporter } from './internal/prop-report.js';
import { Icon } from './icon.js';

export interface SpinBoxProps {
  /** The number. A writable signal is written directly (two-way); any other value makes the spin box controlled. */
  value?: Reactive<number>;
  defaultValue?: number;
  onChange?: (value: number) => void;
  /** Default: no lower end. */
  min?: Reactive<number>;
  /** Default: no upper end. */
  max?: Reactive<number>;
  /** Default 1. */
  step?: Reactive<number>;
  label?: Reactive<string>;
  disabled?: Reactive<boolean>;
  /** The number as shown and read out (default: to the step's decimals). */
  formatValue?: (value: number) => string;
  testId?: string;
  style?: StyleValues;
}

export interface SpinBoxBehaviour {
  value: ReadonlySignal<number>;
  /** Steps by `count` steps (negative: down), staying inside min..max. */
  stepBy(count: number): void;
  atMin: ReadonlySignal<boolean>;
  atMax: ReadonlySignal<boolean>;
  format(value: number): string;
  /** Props for the number's box: focus, keys, encoder, semantics. */
  fieldProps: { focusable: true; editable: true; onKeyDown: (e: KeyEvent) => void; semantics: SemanticsProps };
}

/** How long a button must be held before it repeats, and how often it then steps, ms. */
export const SPIN_REPEAT = { delay: 400, interval: 80 } as const;

const decimals = (n: number) => (Number.isInteger(n) ? 0 : Math.min(6, (String(n).split('.')[1] ?? '').length));

/**
 * The behaviour of a spin box, apart from its looks.
 * @example
 * const spin = useSpinBox(props, rootRef);
 * <View {...spin.fieldProps}><Text>{() => spin.format(spin.value.value)}</Text></View>
 */
export function useSpinBox(props: SpinBoxProps, rootRef: { readonly current: NodeHandle | null }): SpinBoxBehaviour {
  const report = usePropReporter(rootRef);
  const state = useControllable(props.value, props.defaultValue, 0, props.onChange);
  const bounds = computed(() => {
    const lo = props.min === undefined ? -Infinity : read(props.min), hi = props.max === undefined ? Infinity : read(props.max);
    if (lo > hi) report('min', lo, `is above max (${hi}); the two are swapped — give min ≤ max`);
    return lo > hi ? [hi, lo] as const : [lo, hi] as const;
  });
  const step = computed(() => {
    const s = props.step === undefined ? 1 : read(props.step);
    if (Number.isFinite(s) && s > 0) return s;
    report('step', s, 'must be above 0; stepping by 1 instead');
    return 1;
  });
  const clamp = (v: number) => Math.min(bounds.value[1], Math.max(bounds.value[0], v));
  const value = computed(() => {
    const v = state.value.value;
    const [lo, hi] = bounds.value;
    if (!Number.isFinite(v) || v < lo || v > hi) report('value', v, `is outside min..max (${lo}..${hi}); showing the nearest value inside`);
    return clamp(Number.isFinite(v) ? v : Math.max(lo, Math.min(hi, 0)));
  });
  const disabled = () => (props.disabled !== undefined ? read(props.disabled) : false);
  const stepBy = (count: number) => {
    if (disabled()) return;
    const s = step.peek();
    const next = Number((value.peek() + count * s).toFixed(decimals(s)));
    state.set(clamp(next));
  };
  const keys: Record<string, number> = { ArrowUp: 1, ArrowRight: 1, EncoderCW: 1, PageUp: 10, ArrowDown: -1, ArrowLeft: -1, EncoderCCW: -1, PageDown: -10 };
  const format = (v: number) => props.formatValue?.(v) ?? v.toFixed(decimals(step.value));
  const label = () => (props.label === undefined ? undefined : read(props.label));
  return {
    value,
    stepBy,
    atMin: computed(() => value.value <= bounds.value[0]),
    atMax: computed(() => value.value >= bounds.value[1]),
    format,
    fieldProps: {
      focusable: true,
      editable: true,
      onKeyDown: (e) => {
        const [lo, hi] = bounds.peek();
        if ((e.key === 'Home' && Number.isFinite(lo)) || (e.key === 'End' && Number.isFinite(hi))) {
          e.preventDefault();
          if (!disabled()) state.set(e.key === 'Home' ? lo : hi);
        } else if (keys[e.key] !== undefined) {
          e.preventDefault();
          stepBy(keys[e.key]!);
        }
      },
      semantics: {
        role: 'spinbutton',
        label,
        value: () => {
          const [lo, hi] = bounds.value;
          return { now: value.value, text: format(value.value), ...(Number.isFinite(lo) ? { min: lo } : {}), ...(Number.isFinite(hi) ? { max: hi } : {}) };
        },
        actions: ['increment', 'decrement'] as const,
        onAction: (a: SemanticsAction) => stepBy(a === 'increment' ? 1 : -1),
      },
    },
  };
}

/** A − or + button: a tap steps once, holding repeats. */
function StepButton(props: { direction: 1 | -1; spin: SpinBoxBehaviour; label: () => string | undefined }): Child {
  const theme = useTheme();
  const c = theme.colors;
  const ref = { current: null as NodeHandle | null };
  const { pressed } = useInteraction(ref);
  const atEnd = props.direction > 0 ? props.spin.atMax : props.spin.atMin;
  useGestures(ref, {
    onTap: () => props.spin.stepBy(props.direction),
    onLongPress: () => props.spin.stepBy(props.direction),
    longPress: { repeat: { delay: SPIN_REPEAT.delay, interval: SPIN_REPEAT.interval } },
  });
  const name = () => `${props.direction > 0 ? 'Increase' : 'Decrease'}${props.label() ? ` ${props.label()}` : ''}`;
  return (
    <View ref={ref} preventFocusOnPress disabled={() => atEnd.value}
      semantics={{ role: 'button', label: name, disabled: () => atEnd.value }}
      style={{
        width: 40, height: 40, borderRadius: 20, alignItems: 'center', justifyContent: 'center',
        backgroundColor: () => (pressed.value ? c.primary : c.secondaryContainer),
        opacity: () => (atEnd.value ? 0.38 : 1),
        transition: () => ({ backgroundColor: { duration: theme.motion.duration.short2, easing: theme.motion.easing.standard } }),
      }}>
      <Icon name={props.direction > 0 ? 'plus' : 'minus'} size={20} color={() => (pressed.value ? 'onPrimary' : 'onSecondaryContainer')} />
    </View>
  );
}

/**
 * A themed spin box: − number +.
 * @example
 * const hour = signal(22);
 * <SpinBox label="Night mode from" value={hour} min={0} max={23} formatValue={(h) => `${h}:00`} />
 */
export function SpinBox(props: SpinBoxProps): Child {
  const theme = useTheme();
  const c = theme.colors;
  const rootRef = { current: null as NodeHandle | null };
  const fieldRef = { current: null as NodeHandle | null };
  const spin = useSpinBox(props, rootRef);
  const { focusVisible, editing } = useInteraction(fieldRef);
  const label = () => (props.label === undefined ? undefined : read(props.label));
  return (
    <View ref={rootRef} testId={props.testId} disabled={props.disabled} style={() => ({
      flexDirection: 'row', alignItems: 'center', gap: theme.spacing.xs, alignSelf: 'flex-start',
      opacity: props.disabled !== undefined && read(props.disabled) ? 0.38 : 1,
      ...props.style,
    })}>
      <StepButton direction={-1} spin={spin} label={label} />
      <View ref={fieldRef} {...spin.fieldProps} style={{
        minWidth: 72, height: 44, paddingHorizontal: theme.spacing.sm, alignItems: 'center', justifyContent: 'center',
        borderRadius: theme.radii.sm, borderWidth: 2,
        borderColor: () => (focusVisible.value || editing.value ? c.primary : 'transparent'),
        backgroundColor: () => (editing.value ? c.surfaceContainerHighest : 'transparent'),
      }}>
        <Text style={{ ...theme.typography('titleLarge'), color: () => c.onSurface }}>{() => spin.format(spin.value.value)}</Text>
      </View>
      <StepButton direction={1} spin={spin} label={label} />
    </View>
  );
}
