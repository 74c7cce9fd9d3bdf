/**
 * SegmentedControl: one choice of a few, side by side (°C / °F, 0° / 90° / 180° / 270°).
 * It picks a value rather than switching panels, so it follows WAI-ARIA's radio group: a
 * `radiogroup` of `radio` segments, one Tab stop (the selected segment), arrow keys moving
 * the selection (and focus) to the next enabled segment, wrapping; Home and End jump to the
 * ends. With an encoder: push to edit, turn to move the selection, push again to leave.
 */
import {
  For, Show, Text, View, computed, effect, onCleanup, read, signal, untracked, useInteraction,
  type Child, type KeyEvent, type NodeHandle, type Reactive, type ReadonlySignal,
} from '@planar/toolkit';
import { stateStyle, useTheme, type StyleValues } from './theme/index.js';
import { Icon } from './icon.js';
import type { IconName } from './icons.js';
import { useControllable } from './internal/controllable.js';
import { DISABLED, STATE_LAYER, overlay, stateFade, withAlpha } from './internal/state-layer.js';
import { usePropReporter, type PropReporter } from './internal/prop-report.js';

export interface SegmentOption<T> {
  value: T;
  label: string;
  icon?: IconName;
  disabled?: boolean;
}

export interface SegmentedControlProps<T extends string | number> {
  options: Reactive<readonly SegmentOption<T>[]>;
  /** The selected value. A writable signal is written directly (two-way); any other value makes the control controlled. */
  value?: Reactive<T>;
  /** The starting value when `value` is not given (default: the first enabled option). */
  defaultValue?: T;
  onChange?: (value: T) => void;
  /** The group's accessible name. */
  label: Reactive<string>;
  disabled?: Reactive<boolean | undefined>;
  testId?: string;
  style?: StyleValues;
}

export interface SegmentedControlBehaviour<T> {
  /** The selected value as shown: the prop's, or the nearest valid one when it is not an option. */
  selected: () => T | undefined;
  select(value: T): void;
  /** Moves the selection by `step` enabled segments (wrapping), or to the first / last (`'first'`, `'last'`). */
  move(step: number | 'first' | 'last'): T | undefined;
  disabled: () => boolean;
  options: () => readonly SegmentOption<T>[];
}

/** Checks the options and value, reporting duplicates and a value that is no option. */
function checkedOptions<T>(options: readonly SegmentOption<T>[], report: PropReporter): readonly SegmentOption<T>[] {
  const seen = new Set<T>();
  const unique: SegmentOption<T>[] = [];
  for (const o of options) {
    if (seen.has(o.value)) report('options', o.value, 'two options have this value — give each option its own value; the later one is left out');
    else {
      seen.add(o.value);
      unique.push(o);
    }
  }
  return unique;
}

/**
 * The behaviour of a segmented control: the selection (controlled, uncontrolled or two-way),
 * checked options, and moving the selection by keys.
 * @example
 * const seg = useSegmentedControl(props, report);
 * seg.move(+1);
 */
export function useSegmentedControl<T extends string | number>(props: SegmentedControlProps<T>, report: PropReporter): SegmentedControlBehaviour<T> {
  const options = () => checkedOptions(read(props.options), report);
  const enabled = () => options().filter((o) => !o.disabled);
  const state = useControllable<T | undefined>(props.value, props.defaultValue, undefined, props.onChange as ((v: T | undefined) => void) | undefined);
  const disabled = () => props.disabled !== undefined && !!read(props.disabled);
  const selected = (): T | undefined => {
    const v = state.value.value;
    if (options().some((o) => o.value === v)) return v;
    const nearest = enabled()[0]?.value ?? options()[0]?.value;
    if (v !== undefined || props.defaultValue !== undefined) {
      report('value', v, `is not one of the options (${options().map((o) => JSON.stringify(o.value)).join(', ')}); showing ${JSON.stringify(nearest)}`);
    }
    return nearest;
  };
  const select = (value: T) => {
    const option = options().find((o) => o.value === value);
    if (disabled() || !option || option.disabled) return;
    state.set(value);
  };
  const move = (step: number | 'first' | 'last') => {
    const list = enabled();
    if (!list.length) return undefined;
    let next: SegmentOption<T>;
    if (step === 'first') next = list[0]!;
    else if (step === 'last') next = list[list.length - 1]!;
    else {
      const at = list.findIndex((o) => o.value === selected());
      next = list[(((at < 0 ? 0 : at) + step) % list.length + list.length) % list.length]!;
    }
    select(next.value);
    return next.value;
  };
  return { selected, select, move, disabled, options };
}

const KEY_STEPS: Record<string, number | 'first' | 'last'> = {
  ArrowRight: 1, ArrowDown: 1, EncoderCW: 1, ArrowLeft: -1, ArrowUp: -1, EncoderCCW: -1, Home: 'first', End: 'last',
};

/**
 * A themed segmented control.
 * @example
 * const unit = signal<'C' | 'F'>('C');
 * <SegmentedControl label="Temperature unit" value={unit}
 *   options={[{ value: 'C', label: '°C' }, { value: 'F', label: '°F' }]} />
 */
export function SegmentedControl<T extends string | number>(props: SegmentedControlProps<T>): Child {
  const theme = useTheme();
  const ref = { current: null as NodeHandle | null };
  const report = usePropReporter(ref);
  const seg = useSegmentedControl(props, report);
  const handles = new Map<T, NodeHandle>();
  // An encoder edits from the segment it pushed on: focus stays there (moving it would end
  // edit mode), the ring follows the selection, and focus catches up when editing ends.
  const editors = signal<ReadonlySignal<boolean>[]>([]);
  const editing = computed(() => editors.value.some((e) => e.value));
  const onKeyDown = (e: KeyEvent) => {
    const step = KEY_STEPS[e.key];
    if (step === undefined) return;
    e.preventDefault();
    const to = seg.move(step);
    if (to !== undefined && !editing.peek()) handles.get(to)?.focus();
  };
  onCleanup(effect(() => {
    if (editing.value) return;
    const focusedElsewhere = [...handles.entries()].some(([value, h]) => h.focused && value !== seg.selected());
    if (focusedElsewhere) untracked(() => handles.get(seg.selected()!)?.focus());
  }));
  const count = () => seg.options().length;

  function Segment(p: { option: SegmentOption<T>; index: () => number }) {
    const segRef = { current: null as NodeHandle | null };
    const interaction = useInteraction(segRef);
    const { pressed, hovered } = interaction;
    editors.value = [...editors.peek(), interaction.editing];
    onCleanup(() => (editors.value = editors.peek().filter((e) => e !== interaction.editing)));
    const focusVisible = computed(() => (editing.value ? isSelected() : interaction.focusVisible.value));
    const c = theme.colors;
    const isSelected = () => seg.selected() === p.option.value;
    const off = () => seg.disabled() || !!p.option.disabled;
    const container = () => (isSelected() ? c.secondaryContainer : withAlpha(c.secondaryContainer, 0));
    const on = () => (isSelected() ? c.onSecondaryContainer : c.onSurface);
    const content = () => (off() ? withAlpha(c.onSurface, DISABLED.content) : on());
    const layered = (opacity: number) => () => overlay(container(), on(), opacity);
    const first = () => p.index() === 0, last = () => p.index() === count() - 1;
    const fade = stateFade(theme);
    const icon = () => p.option.icon ?? (isSelected() ? 'check' : undefined);
    return (
      <View
        ref={(h) => { segRef.current = h; handles.set(p.option.value, h); }}
        focusable={() => (isSelected() || interaction.editing.value) && !off()}
        editable
        disabled={off}
        onPress={() => seg.select(p.option.value)}
        onKeyDown={onKeyDown}
        semantics={{ role: 'radio', label: p.option.label, checked: isSelected }}
        style={stateStyle(
          {
            flexGrow: 1, flexBasis: 0, flexDirection: 'row', alignItems: 'center', justifyContent: 'center',
            gap: () => theme.spacing.sm, paddingHorizontal: () => theme.spacing.md, minWidth: 48,
            borderLeftWidth: () => (first() ? 0 : 1),
            borderColor: () => (seg.disabled() ? withAlpha(c.onSurface, DISABLED.container) : c.outline),
            borderTopLeftRadius: () => (first() ? theme.radii.full : 0), borderBottomLeftRadius: () => (first() ? theme.radii.full : 0),
            borderTopRightRadius: () => (last() ? theme.radii.full : 0), borderBottomRightRadius: () => (last() ? theme.radii.full : 0),
            backgroundColor: container, transition: () => ({ backgroundColor: fade() }),
          },
          {
            hovered: { backgroundColor: layered(STATE_LAYER.hovered) },
            focusVisible: { backgroundColor: layered(STATE_LAYER.focused) },
            pressed: { backgroundColor: layered(STATE_LAYER.pressed) },
            disabled: { backgroundColor: () => (isSelected() ? withAlpha(c.onSurface, DISABLED.container) : container()) },
          },
          { hovered, pressed, focusVisible, disabled: off },
        )}
      >
        <View style={{
          position: 'absolute', top: 3, left: 3, right: 3, bottom: 3, borderWidth: 2,
          borderTopLeftRadius: () => (first() ? theme.radii.full : theme.radii.xs), borderBottomLeftRadius: () => (first() ? theme.radii.full : theme.radii.xs),
          borderTopRightRadius: () => (last() ? theme.radii.full : theme.radii.xs), borderBottomRightRadius: () => (last() ? theme.radii.full : theme.radii.xs),
          borderColor: () => (focusVisible.value ? c.primary : withAlpha(c.primary, 0)),
        }} />
        <Show when={icon}>{(name: () => IconName) => <Icon name={name} size={18} color={content} />}</Show>
        <Text style={{ ...theme.typography('labelLarge'), color: content, maxLines: 1 }}>{p.option.label}</Text>
      </View>
    );
  }

  return (
    <View
      ref={ref}
      testId={props.testId}
      semantics={{ role: 'radiogroup', label: props.label, disabled: seg.disabled }}
      style={{
        flexDirection: 'row', alignSelf: 'stretch', height: 48, borderWidth: 1, borderRadius: () => theme.radii.full,
        borderColor: () => (seg.disabled() ? withAlpha(theme.colors.onSurface, DISABLED.container) : theme.colors.outline),
        ...props.style,
      }}
    >
      <For each={seg.options} key={(o) => o.value}>{(option, index) => <Segment option={option} index={() => index.value} />}</For>
    </View>
  );
}
