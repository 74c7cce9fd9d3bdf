/**
 * Checkbox: checked, unchecked, or indeterminate (`'mixed'`: "some of the items below are
 * checked"). A tap, Space, Enter or an encoder's push checks it; an indeterminate box becomes
 * checked. The mark is the icon set's `check` (or `minus` when indeterminate).
 */
import {
  Text, View, computed, read, useInteraction,
  type Child, type KeyEvent, type NodeHandle, type Reactive, type ReadonlySignal, type SemanticsProps,
} from '@planar/toolkit';
import { useTheme, type StyleValues } from './theme/index.js';
import { Icon } from './icon.js';
import { useControllable } from './internal/controllable.js';
import { usePropReporter } from './internal/prop-report.js';

/** A checkbox's state: `'mixed'` is indeterminate. */
export type CheckedState = boolean | 'mixed';

export interface CheckboxProps {
  /** Checked, unchecked or `'mixed'`. A writable signal is written directly (two-way); any other value makes the checkbox controlled. */
  checked?: Reactive<CheckedState>;
  /** The starting state when `checked` is not given. */
  defaultChecked?: CheckedState;
  /** Called with the new state when the person checks or unchecks it (never `'mixed'`). */
  onChange?: (checked: boolean) => void;
  disabled?: Reactive<boolean>;
  /** The accessible name, also shown after the box unless `hideLabel`. */
  label?: Reactive<string>;
  /** Keep the label for assistive technology only. */
  hideLabel?: boolean;
  testId?: string;
  /** Overrides for the outer box. */
  style?: StyleValues;
}

export interface CheckboxBehaviour {
  /** The state shown (a bad `checked` value shows as unchecked). */
  checked: ReadonlySignal<CheckedState>;
  toggle(): void;
  /** Props for the box that is the checkbox (press, keys, focus, semantics). */
  rootProps: {
    focusable: true;
    onPress: () => void;
    onKeyDown: (e: KeyEvent) => void;
    semantics: SemanticsProps;
  };
}

const VALID: readonly unknown[] = [true, false, 'mixed'];

/**
 * The behaviour of a checkbox, apart from its looks: state, checking by press and keys, semantics,
 * and the report of a `checked` value that is none of true, false and 'mixed'.
 * @example
 * const box = useCheckbox(props, rootRef);
 * <View ref={rootRef} {...box.rootProps}>…</View>
 */
export function useCheckbox(props: CheckboxProps, rootRef: { readonly current: NodeHandle | null }): CheckboxBehaviour {
  const report = usePropReporter(rootRef);
  const state = useControllable<CheckedState>(props.checked, props.defaultChecked, false, props.onChange as ((v: CheckedState) => void) | undefined);
  const shown = (): CheckedState => {
    const value = state.value.value;
    if (VALID.includes(value)) return value;
    report('checked', value, "must be true, false or 'mixed'; showing the box unchecked");
    return false;
  };
  const toggle = () => {
    if (props.disabled !== undefined && read(props.disabled)) return;
    state.set(state.value.peek() !== true);
  };
  const checked = computed(shown);
  return {
    checked,
    toggle,
    rootProps: {
      focusable: true,
      onPress: toggle,
      onKeyDown: (e) => {
        if (e.key === ' ' || e.key === 'Enter') {
          e.preventDefault();
          toggle();
        }
      },
      semantics: { role: 'checkbox', label: props.label, checked },
    },
  };
}

const BOX = 18;

/**
 * A themed checkbox with its label.
 * @example
 * const all = signal<CheckedState>('mixed');
 * <Checkbox label="All rooms" checked={all} />                       // two-way
 * <Checkbox label="Send diagnostics" defaultChecked onChange={(on) => save(on)} />
 */
export function Checkbox(props: CheckboxProps): Child {
  const theme = useTheme();
  const rootRef = { current: null as NodeHandle | null };
  const box = useCheckbox(props, rootRef);
  const { pressed, focusVisible } = useInteraction(rootRef);
  const c = theme.colors;
  const marked = () => box.checked.value !== false;
  const motion = () => ({ duration: theme.motion.duration.short3, easing: theme.motion.easing.standard });

  return (
    <View
      ref={rootRef}
      testId={props.testId}
      disabled={props.disabled}
      {...box.rootProps}
      style={() => ({
        flexDirection: 'row', alignItems: 'center', gap: theme.spacing.xs, alignSelf: 'flex-start',
        opacity: props.disabled !== undefined && read(props.disabled) ? 0.38 : 1,
        ...props.style,
      })}
    >
      <View style={{ width: 40, height: 40, alignItems: 'center', justifyContent: 'center' }}>
        {/* The press halo: a circle of the mark's colour, faint, while held. */}
        <View style={{
          position: 'absolute', left: 0, top: 0, width: 40, height: 40, borderRadius: 20,
          backgroundColor: () => (marked() ? c.primary : c.onSurface),
          opacity: () => (pressed.value ? 0.12 : 0),
          transition: () => ({ opacity: motion() }),
        }} />
        <View style={{
          padding: 2, borderWidth: 2, borderRadius: 6,
          borderColor: () => (focusVisible.value ? c.primary : 'transparent'),
        }}>
          <View style={{
            width: BOX, height: BOX, borderRadius: 2, borderWidth: 2,
            borderColor: () => (marked() ? c.primary : c.onSurfaceVariant),
            backgroundColor: () => (marked() ? c.primary : 'transparent'),
            transition: () => ({ backgroundColor: motion(), borderColor: motion() }),
          }}>
            <Icon
              name={() => (box.checked.value === 'mixed' ? 'minus' : 'check')}
              size={BOX}
              color="onPrimary"
              // Over the whole box, border included: the border has the fill's colour when marked.
              style={{ position: 'absolute', left: -2, top: -2, opacity: () => (marked() ? 1 : 0), transition: () => ({ opacity: motion() }) }}
            />
          </View>
        </View>
      </View>
      {props.label !== undefined && !props.hideLabel ? (
        <Text style={{ ...theme.typography('bodyLarge'), color: () => c.onSurface, flexShrink: 1, paddingRight: theme.spacing.sm }}>{() => read(props.label!)}</Text>
      ) : null}
    </View>
  );
}
