/**
 * ToggleButton: a button that stays pressed (WAI-ARIA's toggle button: role `button` with a
 * `pressed` state) — mute, favourite, a fan's boost. It is a `Button`'s behaviour plus an
 * on/off state; on, it fills with the primary colour and may swap its icon.
 */
import { Show, Text, View, read, type Child, type NodeHandle, type Reactive } from '@planar/toolkit';
import { stateStyle, useTheme, type StyleValues } from './theme/index.js';
import { Icon } from './icon.js';
import type { IconName } from './icons.js';
import { useButton, type ButtonBehaviour } from './button.js';
import { useControllable } from './internal/controllable.js';
import { DISABLED, STATE_LAYER, overlay, stateFade, withAlpha } from './internal/state-layer.js';
import { usePropReporter } from './internal/prop-report.js';

export interface ToggleButtonProps {
  /** On (pressed) or off. A writable signal is written directly (two-way); any other value makes it controlled. */
  checked?: Reactive<boolean>;
  /** The starting state when `checked` is not given. */
  defaultChecked?: boolean;
  /** Called with the new state when the person toggles it. */
  onChange?: (checked: boolean) => void;
  /** The accessible name, shown as the label unless `iconOnly`. */
  label: Reactive<string>;
  /** An icon before the label (the glyph of an icon-only toggle). */
  icon?: Reactive<IconName | undefined>;
  /** The icon while on (default: `icon`). */
  checkedIcon?: Reactive<IconName | undefined>;
  /** Show the icon alone in a round 48 px target; the label stays the accessible name. */
  iconOnly?: boolean;
  disabled?: Reactive<boolean | undefined>;
  testId?: string;
  style?: StyleValues;
}

export interface ToggleButtonBehaviour extends ButtonBehaviour {
  checked: () => boolean;
}

/**
 * The behaviour of a toggle button: a button whose press flips `checked`, announced as pressed.
 * @example
 * const toggle = useToggleButton(props, ref);
 * <View ref={ref} {...toggle.rootProps}>…</View>
 */
export function useToggleButton(props: ToggleButtonProps, ref: { readonly current: NodeHandle | null }): ToggleButtonBehaviour {
  const state = useControllable(props.checked, props.defaultChecked, false, props.onChange);
  const button = useButton({ label: props.label, disabled: props.disabled, onPress: () => state.set(!state.value.peek()) }, ref);
  const checked = () => state.value.value;
  return {
    ...button,
    checked,
    rootProps: { ...button.rootProps, semantics: { ...button.rootProps.semantics, pressed: checked } },
  };
}

/**
 * A themed toggle button.
 * @example
 * const muted = signal(false);
 * <ToggleButton label="Mute" icon="volume" checkedIcon="mute" iconOnly checked={muted} />   // two-way
 * <ToggleButton label="Boost" icon="fan" defaultChecked={false} onChange={setBoost} />
 */
export function ToggleButton(props: ToggleButtonProps): Child {
  const theme = useTheme();
  const ref = { current: null as NodeHandle | null };
  const report = usePropReporter(ref);
  const toggle = useToggleButton(props, ref);
  const { pressed, hovered, focusVisible } = toggle.interaction;
  const c = theme.colors;
  const container = () => (toggle.checked() ? c.primary : props.iconOnly ? c.surfaceContainerHighest : c.surfaceContainerHigh);
  const content = () => {
    if (toggle.disabled()) return withAlpha(c.onSurface, DISABLED.content);
    return toggle.checked() ? c.onPrimary : c.onSurfaceVariant;
  };
  const layered = (opacity: number) => () => overlay(container(), toggle.checked() ? c.onPrimary : c.onSurfaceVariant, opacity);
  const iconName = () => {
    const on = props.checkedIcon !== undefined && toggle.checked() ? read(props.checkedIcon) : undefined;
    const name = on ?? (props.icon === undefined ? undefined : read(props.icon));
    if (name === undefined && props.iconOnly) report('icon', name, 'an icon-only toggle needs an icon — give `icon`, or drop `iconOnly`');
    return name;
  };
  const fade = stateFade(theme);

  return (
    <View
      ref={ref}
      testId={props.testId}
      disabled={toggle.disabled}
      {...toggle.rootProps}
      style={stateStyle(
        {
          flexDirection: 'row', alignItems: 'center', justifyContent: 'center', alignSelf: 'flex-start',
          height: 48, minWidth: 48, width: props.iconOnly ? 48 : undefined, gap: () => theme.spacing.sm,
          paddingHorizontal: () => (props.iconOnly ? 0 : theme.spacing.lg),
          borderRadius: () => (props.iconOnly || toggle.checked() ? theme.radii.full : theme.radii.md),
          backgroundColor: container,
          transition: () => ({ backgroundColor: fade(), borderRadius: fade() }),
          ...props.style,
        },
        {
          hovered: { backgroundColor: layered(STATE_LAYER.hovered) },
          focusVisible: { backgroundColor: layered(STATE_LAYER.focused) },
          pressed: { backgroundColor: layered(STATE_LAYER.pressed) },
          disabled: { backgroundColor: () => withAlpha(c.onSurface, DISABLED.container) },
        },
        { hovered, pressed, focusVisible, disabled: toggle.disabled },
      )}
    >
      <View style={{
        position: 'absolute', top: -4, left: -4, right: -4, bottom: -4, borderWidth: 2,
        borderRadius: () => (props.iconOnly || toggle.checked() ? theme.radii.full : theme.radii.md + 4),
        borderColor: () => (focusVisible.value ? c.primary : withAlpha(c.primary, 0)), transition: () => ({ borderColor: fade() }),
      }} />
      <Show when={iconName}>{(name: () => IconName) => <Icon name={name} size={props.iconOnly ? 24 : 18} color={content} />}</Show>
      {props.iconOnly ? null : (
        <Text style={{ ...theme.typography('labelLarge'), color: content, maxLines: 1 }}>{() => read(props.label)}</Text>
      )}
    </View>
  );
}
