/**
 * Button: filled, tonal, outline, text and icon-only looks over one behaviour (`useButton`).
 * A tap, Enter or Space (an encoder's push is Enter) presses it; with `repeat`, holding it
 * presses again and again, like a held key — for +/- buttons. Pressed, hovered, focus-visible
 * and disabled looks are state styles with colour transitions; the focus ring shows for key
 * and encoder focus only.
 */
import {
  Show, Text, View, read, useGestures, useInteraction,
  type Child, type Interaction, type KeyEvent, type NodeHandle, type Reactive, type SemanticsProps,
} from '@planar/toolkit';
import { stateStyle, useTheme, type ColorRoles, type StyleValues, type Theme } from './theme/index.js';
import { Icon } from './icon.js';
import type { IconName } from './icons.js';
import { DISABLED, STATE_LAYER, overlay, stateFade, withAlpha } from './internal/state-layer.js';
import { usePropReporter } from './internal/prop-report.js';

export type ButtonVariant = 'filled' | 'tonal' | 'outline' | 'text' | 'icon';
const VARIANTS: readonly ButtonVariant[] = ['filled', 'tonal', 'outline', 'text', 'icon'];

/** How a held button repeats: the first repeat after `delay` ms, then one every `interval` ms. */
export interface ButtonRepeat { delay: number; interval: number }
/** The repeat of `repeat={true}`: a first repeat after 400 ms, then 12 a second. */
export const BUTTON_REPEAT: ButtonRepeat = { delay: 400, interval: 80 };

export interface ButtonProps {
  /** The accessible name, shown as the label except on the `icon` variant. */
  label: Reactive<string>;
  /** `filled` (default, the main action), `tonal`, `outline`, `text`, or `icon` (the icon alone, in a round target). */
  variant?: Reactive<ButtonVariant>;
  /** An icon before the label (the glyph of an `icon` button). */
  icon?: Reactive<IconName | undefined>;
  onPress?: () => void;
  /** Held, the button presses again and again (a tap still presses once): `true` for `BUTTON_REPEAT`, or your own timing. */
  repeat?: boolean | ButtonRepeat;
  disabled?: Reactive<boolean | undefined>;
  testId?: string;
  /** Overrides for the button's box. */
  style?: StyleValues;
}

export interface ButtonBehaviour {
  /** Props for the box that is the button (press, keys, focus, semantics). */
  rootProps: {
    focusable: true;
    onPress: () => void;
    onKeyDown: (e: KeyEvent) => void;
    semantics: SemanticsProps;
  };
  interaction: Interaction;
  disabled: () => boolean;
}

/**
 * The behaviour of a button apart from its looks: press by pointer and keys, repeat while
 * held (pointer, or a held key's repeats), and semantics, on the node behind `ref`.
 * @example
 * const button = useButton(props, ref);
 * <View ref={ref} {...button.rootProps}>…</View>
 */
export function useButton(props: Pick<ButtonProps, 'label' | 'onPress' | 'repeat' | 'disabled'>, ref: { readonly current: NodeHandle | null }): ButtonBehaviour {
  const disabled = () => props.disabled !== undefined && !!read(props.disabled);
  const press = () => {
    if (!disabled()) props.onPress?.();
  };
  const repeat = props.repeat === true ? BUTTON_REPEAT : props.repeat || undefined;
  if (repeat) useGestures(ref, { onLongPress: press, longPress: { repeat } });
  return {
    interaction: useInteraction(ref),
    disabled,
    rootProps: {
      focusable: true,
      onPress: press,
      onKeyDown: (e) => {
        if (e.key !== ' ' && e.key !== 'Enter') return;
        e.preventDefault();
        if (!e.repeat || repeat) press();
      },
      semantics: { role: 'button', label: props.label },
    },
  };
}

/** Container and content colours of a variant at rest. */
function colorsOf(theme: Theme, variant: ButtonVariant): { container: string; content: string; border: string } {
  const c = theme.colors;
  switch (variant) {
    case 'filled': return { container: c.primary, content: c.onPrimary, border: c.primary };
    case 'tonal': return { container: c.secondaryContainer, content: c.onSecondaryContainer, border: c.secondaryContainer };
    case 'outline': return { container: withAlpha(c.primary, 0), content: c.primary, border: c.outline };
    case 'text': return { container: withAlpha(c.primary, 0), content: c.primary, border: withAlpha(c.primary, 0) };
    case 'icon': return { container: withAlpha(c.onSurfaceVariant, 0), content: c.onSurfaceVariant, border: withAlpha(c.onSurfaceVariant, 0) };
  }
}

const HEIGHT = 48;

/**
 * A themed button.
 * @example
 * <Button label="Save" onPress={save} />
 * <Button label="Schedule" variant="tonal" icon="calendar" onPress={openSchedule} />
 * <Button label="Warmer" variant="icon" icon="plus" repeat onPress={() => (target.value += 0.5)} />
 */
export function Button(props: ButtonProps): Child {
  const theme = useTheme();
  const ref = { current: null as NodeHandle | null };
  const report = usePropReporter(ref);
  const button = useButton(props, ref);
  const { pressed, hovered, focusVisible } = button.interaction;
  const variant = (): ButtonVariant => {
    const v = props.variant === undefined ? 'filled' : read(props.variant);
    if (VARIANTS.includes(v)) return v;
    report('variant', v, `no such variant — give one of ${VARIANTS.join(', ')}; showing filled`);
    return 'filled';
  };
  const colors = () => colorsOf(theme, variant());
  const layered = (opacity: number) => () => overlay(colors().container, colors().content, opacity);
  const disabledContent = () => withAlpha(theme.colors.onSurface, DISABLED.content);
  const content = () => (button.disabled() ? disabledContent() : colors().content);
  const iconOnly = () => variant() === 'icon';
  const iconName = () => {
    const name = props.icon === undefined ? undefined : read(props.icon);
    if (name === undefined && iconOnly()) report('icon', name, 'an icon button needs an icon — give `icon`, or use the text variant');
    return name;
  };
  const fade = stateFade(theme);
  const ringColor = (key: keyof ColorRoles) => () => (focusVisible.value ? theme.colors[key] : withAlpha(theme.colors[key], 0));

  return (
    <View
      ref={ref}
      testId={props.testId}
      disabled={button.disabled}
      {...button.rootProps}
      style={stateStyle(
        {
          flexDirection: 'row', alignItems: 'center', justifyContent: 'center', alignSelf: 'flex-start',
          height: HEIGHT, minWidth: HEIGHT, gap: () => theme.spacing.sm,
          width: () => (iconOnly() ? HEIGHT : undefined),
          paddingLeft: () => (iconOnly() ? 0 : props.icon !== undefined ? theme.spacing.lg : theme.spacing.xl),
          paddingRight: () => (iconOnly() ? 0 : variant() === 'text' ? theme.spacing.md : theme.spacing.xl),
          borderRadius: () => theme.radii.full,
          borderWidth: () => (variant() === 'outline' ? 1 : 0),
          backgroundColor: () => colors().container,
          borderColor: () => colors().border,
          transition: () => ({ backgroundColor: fade(), borderColor: fade() }),
          ...props.style,
        },
        {
          hovered: { backgroundColor: layered(STATE_LAYER.hovered) },
          focusVisible: { backgroundColor: layered(STATE_LAYER.focused) },
          pressed: { backgroundColor: layered(STATE_LAYER.pressed) },
          disabled: {
            backgroundColor: () => (variant() === 'filled' || variant() === 'tonal' ? withAlpha(theme.colors.onSurface, DISABLED.container) : colors().container),
            borderColor: () => (variant() === 'outline' ? withAlpha(theme.colors.onSurface, DISABLED.container) : colors().border),
          },
        },
        { hovered, pressed, focusVisible, disabled: button.disabled },
      )}
    >
      <View style={{
        position: 'absolute', top: -4, left: -4, right: -4, bottom: -4, borderWidth: 2, borderRadius: () => theme.radii.full,
        borderColor: ringColor('primary'), transition: () => ({ borderColor: fade() }),
      }} />
      <Show when={iconName}>{(name: () => IconName) => <Icon name={name} size={() => (iconOnly() ? 24 : 18)} color={content} />}</Show>
      <Show when={() => !iconOnly()}>
        <Text style={{ ...theme.typography('labelLarge'), color: content, maxLines: 1 }}>{() => read(props.label)}</Text>
      </Show>
    </View>
  );
}
