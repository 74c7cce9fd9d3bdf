/**
 * RadioGroup: one choice among a few, all shown. A tap selects an option; from keys the group
 * is one Tab stop (the selected radio, or the first enabled one when none is), arrows move the
 * selection within it (wrapping, skipping disabled options), and Tab leaves it. With an encoder,
 * a push enters edit mode on the group's radio, turns move the selection, a push leaves.
 */
import {
  For, Text, View, computed, effect, onCleanup, read, signal, useInteraction,
  type Child, type KeyEvent, type NodeHandle, type Reactive, type ReadonlySignal, type SemanticsProps,
} from '@planar/toolkit';
import { useTheme, type StyleValues } from './theme/index.js';
import { useControllable } from './internal/controllable.js';
import { usePropReporter } from './internal/prop-report.js';

export interface RadioOption<T> {
  value: T;
  /** What the option is called, shown beside its radio. */
  label: string;
  disabled?: boolean;
}

export interface RadioGroupProps<T> {
  /** The options, in order; each value once. */
  options: Reactive<readonly RadioOption<T>[]>;
  /** The selected value. A writable signal is written directly (two-way); any other value makes the group controlled. */
  value?: Reactive<T | undefined>;
  /** The starting selection when `value` is not given. */
  defaultValue?: T;
  onChange?: (value: T) => void;
  /** The group's accessible name. */
  label?: Reactive<string>;
  disabled?: Reactive<boolean>;
  /** Options stacked (default) or in a row. */
  orientation?: 'vertical' | 'horizontal';
  testId?: string;
  style?: StyleValues;
}

export interface RadioGroupBehaviour<T> {
  /** The options shown: duplicates of an earlier value are dropped (and reported). */
  options: ReadonlySignal<readonly RadioOption<T>[]>;
  /** The selected value, or undefined when none (a value not among the options is reported and shows none). */
  selected: ReadonlySignal<T | undefined>;
  /** The option that takes focus from Tab: the selected one, else the first enabled one. */
  tabStop: ReadonlySignal<T | undefined>;
  /** An encoder is turning through the options (edit mode on one of them): the selected one shows the ring. */
  editing: ReadonlySignal<boolean>;
  select(value: T): void;
  /**
   * Props for each option's box (press, keys, focus, semantics); `ref` receives its handle (null
   * on unmount), `interaction` is the option box's `useInteraction`.
   */
  itemProps(option: RadioOption<T>, interaction: { focused: ReadonlySignal<boolean>; editing: ReadonlySignal<boolean> }): {
    ref: (handle: NodeHandle | null) => void;
    focusable: () => boolean;
    editable: true;
    disabled: () => boolean;
    onPress: () => void;
    onKeyDown: (e: KeyEvent) => void;
    semantics: SemanticsProps;
  };
  /** Props for the group's box. */
  groupProps: { semantics: SemanticsProps };
}

const NEXT: Record<string, 1 | -1> = { ArrowDown: 1, ArrowRight: 1, EncoderCW: 1, ArrowUp: -1, ArrowLeft: -1, EncoderCCW: -1 };
const ENCODER = new Set(['EncoderCW', 'EncoderCCW']);

/**
 * The behaviour of a radio group, apart from its looks.
 * @example
 * const group = useRadioGroup(props, rootRef);
 * <View ref={rootRef} {...group.groupProps}><For each={group.options}>{(o) => <View {...group.itemProps(o)} />}</For></View>
 */
export function useRadioGroup<T>(props: RadioGroupProps<T>, rootRef: { readonly current: NodeHandle | null }): RadioGroupBehaviour<T> {
  const report = usePropReporter(rootRef);
  const state = useControllable<T | undefined>(props.value, props.defaultValue, undefined, props.onChange as ((v: T | undefined) => void) | undefined);
  const groupDisabled = () => (props.disabled !== undefined ? read(props.disabled) : false);
  const options = computed(() => {
    const seen = new Set<T>();
    const kept: RadioOption<T>[] = [];
    for (const o of read(props.options)) {
      if (seen.has(o.value)) {
        report('options', o.value, `the value ${String(o.value)} is given twice (as "${o.label}" too); each option needs its own value — showing the first only`);
        continue;
      }
      seen.add(o.value);
      kept.push(o);
    }
    return kept;
  });
  const selected = computed(() => {
    const v = state.value.value;
    if (v === undefined || options.value.some((o) => o.value === v)) return v;
    report('value', v, `is not one of the options (${options.value.map((o) => String(o.value)).join(', ')}); showing none selected`);
    return undefined;
  });
  const enabled = (o: RadioOption<T>) => !o.disabled && !groupDisabled();
  const tabStop = computed(() => selected.value ?? options.value.find(enabled)?.value);
  const handles = new Map<T, NodeHandle>();
  // Edit mode ends when focus moves, so an encoder's turns change the selection and leave focus
  // on the radio being edited; when the edit ends, focus goes to the radio now selected.
  const editors = signal<readonly ReadonlySignal<boolean>[]>([]);
  const editing = computed(() => editors.value.some((e) => e.value));
  let wasEditing = false;
  const stop = effect(() => {
    const now = editing.value;
    if (wasEditing && !now) {
      const v = selected.peek();
      if (v !== undefined) handles.get(v)?.focus();
    }
    wasEditing = now;
  });
  onCleanup(stop);

  const select = (value: T) => {
    const option = options.peek().find((o) => o.value === value);
    if (option && enabled(option)) state.set(value);
  };
  const move = (from: T, delta: 1 | -1, byEncoder: boolean) => {
    const list = options.peek();
    const at = list.findIndex((o) => o.value === (selected.peek() ?? from));
    for (let i = 1; i <= list.length; i++) {
      const next = list[(at + delta * i + list.length * i) % list.length]!;
      if (!enabled(next)) continue;
      state.set(next.value);
      if (!byEncoder) handles.get(next.value)?.focus();
      return;
    }
  };

  return {
    options,
    selected,
    tabStop,
    editing,
    select,
    itemProps: (option, interaction) => {
      editors.value = [...editors.peek(), interaction.editing];
      onCleanup(() => (editors.value = editors.peek().filter((e) => e !== interaction.editing)));
      let own: NodeHandle | null = null;
      return {
        ref: (handle) => {
          if (handle) handles.set(option.value, handle);
          else if (handles.get(option.value) === own) handles.delete(option.value);
          own = handle;
        },
        // The radio being edited by an encoder keeps focus while the selection moves on.
        focusable: () => tabStop.value === option.value || interaction.focused.value,
        editable: true,
        disabled: () => !!option.disabled,
        onPress: () => select(option.value),
        onKeyDown: (e) => {
          const delta = NEXT[e.key];
          if (delta !== undefined) {
            e.preventDefault();
            move(option.value, delta, ENCODER.has(e.key));
          } else if (e.key === ' ') {
            e.preventDefault();
            select(option.value);
          }
        },
        semantics: { role: 'radio', label: option.label, checked: () => selected.value === option.value },
      };
    },
    groupProps: { semantics: { role: 'radiogroup', label: props.label } },
  };
}

/** One radio with its label. */
function Radio<T>(props: { option: RadioOption<T>; group: RadioGroupBehaviour<T> }): Child {
  const theme = useTheme();
  const c = theme.colors;
  const ref = { current: null as NodeHandle | null };
  const interaction = useInteraction(ref);
  const { pressed, focusVisible } = interaction;
  const item = props.group.itemProps(props.option, interaction);
  onCleanup(() => item.ref(null));
  const on = () => props.group.selected.value === props.option.value;
  // While an encoder turns through the group, the ring marks the option it has reached.
  const ring = () => (props.group.editing.value ? on() : focusVisible.value);
  const motion = () => ({ duration: theme.motion.duration.short3, easing: theme.motion.easing.standard });
  return (
    <View
      {...item}
      ref={(h) => {
        ref.current = h;
        item.ref(h);
      }}
      style={() => ({
        flexDirection: 'row', alignItems: 'center', gap: theme.spacing.xs,
        opacity: props.option.disabled ? 0.38 : 1,
      })}
    >
      <View style={{ width: 40, height: 40, alignItems: 'center', justifyContent: 'center' }}>
        <View style={{
          position: 'absolute', left: 0, top: 0, width: 40, height: 40, borderRadius: 20,
          backgroundColor: () => (on() ? c.primary : c.onSurface),
          opacity: () => (pressed.value ? 0.12 : 0), transition: () => ({ opacity: motion() }),
        }} />
        <View style={{
          padding: 2, borderWidth: 2, borderRadius: 14,
          borderColor: () => (ring() ? c.primary : 'transparent'),
        }}>
          <View style={{
            width: 20, height: 20, borderRadius: 10, borderWidth: 2, alignItems: 'center', justifyContent: 'center',
            borderColor: () => (on() ? c.primary : c.onSurfaceVariant),
            transition: () => ({ borderColor: motion() }),
          }}>
            <View style={{
              width: () => (on() ? 10 : 0), height: () => (on() ? 10 : 0), borderRadius: 5,
              backgroundColor: () => c.primary,
              transition: () => ({ width: motion(), height: motion() }),
            }} />
          </View>
        </View>
      </View>
      <Text style={{ ...theme.typography('bodyLarge'), color: () => c.onSurface, paddingRight: theme.spacing.sm }}>{props.option.label}</Text>
    </View>
  );
}

/**
 * A themed group of radio buttons.
 * @example
 * const rotation = signal<Rotation>(0);
 * <RadioGroup label="Rotation" value={rotation} orientation="horizontal"
 *   options={[{ value: 0, label: '0°' }, { value: 90, label: '90°' }, { value: 180, label: '180°' }, { value: 270, label: '270°' }]} />
 */
export function RadioGroup<T>(props: RadioGroupProps<T>): Child {
  const theme = useTheme();
  const rootRef = { current: null as NodeHandle | null };
  const group = useRadioGroup(props, rootRef);
  return (
    <View
      ref={rootRef}
      testId={props.testId}
      disabled={props.disabled}
      {...group.groupProps}
      style={() => ({
        flexDirection: props.orientation === 'horizontal' ? 'row' : 'column',
        flexWrap: props.orientation === 'horizontal' ? 'wrap' : 'nowrap',
        columnGap: theme.spacing.md, alignSelf: 'flex-start',
        opacity: props.disabled !== undefined && read(props.disabled) ? 0.38 : 1,
        ...props.style,
      })}
    >
      <For each={group.options} key={(o) => o.value}>{(option) => <Radio option={option} group={group} />}</For>
    </View>
  );
}
