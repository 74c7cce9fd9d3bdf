/**
 * ListItem: one row of a settings list — a leading icon, a title, an optional subtitle, and a
 * trailing slot for a control (a Switch), a value or a chevron. With `onPress` the row is a
 * button named by its title (tap, Enter, Space, an encoder's push) with pressed, hovered and
 * focus-ring looks; without, it is a `listitem`.
 */
import { Show, Text, View, read, type Child, type NodeHandle, type Reactive } from '@planar/toolkit';
import { stateStyle, useTheme, type StyleValues } from './theme/index.js';
import { Icon } from './icon.js';
import type { IconName } from './icons.js';
import { useButton } from './button.js';
import { DISABLED, STATE_LAYER, overlay, stateFade, withAlpha } from './internal/state-layer.js';

export interface ListItemProps {
  /** The first line, and the row's accessible name. */
  title: Reactive<string>;
  /** A second line, in a quieter colour (also the accessible description). */
  subtitle?: Reactive<string | undefined>;
  /** An icon at the start. */
  icon?: Reactive<IconName | undefined>;
  /** Content at the end: a control, a value, or `<Icon name="chevron-right" />`. */
  trailing?: Child;
  /** Makes the whole row a button. */
  onPress?: () => void;
  disabled?: Reactive<boolean | undefined>;
  testId?: string;
  style?: StyleValues;
}

/**
 * A themed list row.
 * @example
 * <ListItem icon="wifi" title="Wi-Fi" subtitle="home-5G" trailing={<Switch label="Wi-Fi" hideLabel checked={wifi} />} />
 * <ListItem icon="settings" title="Display" onPress={openDisplay} trailing={<Icon name="chevron-right" />} />
 */
export function ListItem(props: ListItemProps): Child {
  const theme = useTheme();
  const ref = { current: null as NodeHandle | null };
  const pressable = props.onPress !== undefined;
  const button = useButton({ label: props.title, onPress: props.onPress, disabled: props.disabled }, ref);
  const { pressed, hovered, focusVisible } = button.interaction;
  const c = theme.colors;
  const subtitle = () => (props.subtitle === undefined ? undefined : read(props.subtitle));
  const icon = () => (props.icon === undefined ? undefined : read(props.icon));
  const base = withAlpha(c.surface, 0);
  const layered = (opacity: number) => () => overlay(withAlpha(c.onSurface, 0), c.onSurface, opacity);
  const fade = stateFade(theme);
  const semantics = { label: props.title, description: subtitle };
  const rootProps = pressable
    ? { ...button.rootProps, semantics: { ...semantics, role: 'button' as const } }
    : { semantics: { ...semantics, role: 'listitem' as const } };

  return (
    <View
      ref={ref}
      testId={props.testId}
      disabled={button.disabled}
      {...rootProps}
      style={stateStyle(
        {
          flexDirection: 'row', alignItems: 'center', alignSelf: 'stretch', gap: () => theme.spacing.lg,
          minHeight: () => (subtitle() !== undefined ? 72 : 56),
          paddingLeft: () => theme.spacing.lg, paddingRight: () => theme.spacing.xl,
          paddingVertical: () => theme.spacing.sm,
          backgroundColor: base, borderRadius: () => theme.radii.sm,
          transition: () => ({ backgroundColor: fade() }),
          ...props.style,
        },
        pressable
          ? {
            hovered: { backgroundColor: layered(STATE_LAYER.hovered) },
            focusVisible: { backgroundColor: layered(STATE_LAYER.focused) },
            pressed: { backgroundColor: layered(STATE_LAYER.pressed) },
            disabled: { opacity: DISABLED.content },
          }
          : { disabled: { opacity: DISABLED.content } },
        { hovered, pressed, focusVisible, disabled: button.disabled },
      )}
    >
      {pressable ? (
        <View style={{
          position: 'absolute', top: 1, left: 1, right: 1, bottom: 1, borderWidth: 2, borderRadius: () => theme.radii.sm,
          borderColor: () => (focusVisible.value ? c.primary : withAlpha(c.primary, 0)), transition: () => ({ borderColor: fade() }),
        }} />
      ) : null}
      <Show when={icon}>{(name: () => IconName) => <Icon name={name} color="onSurfaceVariant" />}</Show>
      <View style={{ flexGrow: 1, flexShrink: 1, gap: 2 }}>
        <Text style={{ ...theme.typography('bodyLarge'), color: () => c.onSurface, maxLines: 1 }}>{() => read(props.title)}</Text>
        <Show when={subtitle}>
          <Text style={{ ...theme.typography('bodyMedium'), color: () => c.onSurfaceVariant, maxLines: 2 }}>{() => subtitle() ?? ''}</Text>
        </Show>
      </View>
      {props.trailing ?? null}
    </View>
  );
}
