/**
 * Card: a surface that groups related content (a room, a device). Elevated, filled or
 * outlined; with `onPress` the whole card is a button (tap, Enter, Space, an encoder's push)
 * with pressed, hovered and focus-ring looks.
 */
import { View, read, type Child, type NodeHandle, type Reactive } from '@planar/toolkit';
import { stateStyle, useTheme, type StyleValues } from './theme/index.js';
import { useButton } from './button.js';
import { DISABLED, STATE_LAYER, overlay, stateFade, withAlpha } from './internal/state-layer.js';
import { usePropReporter } from './internal/prop-report.js';

export type CardVariant = 'elevated' | 'filled' | 'outlined';
const VARIANTS: readonly CardVariant[] = ['elevated', 'filled', 'outlined'];

export interface CardProps {
  /** `elevated` (default: a low surface with a shadow), `filled` (a higher surface, flat) or `outlined`. */
  variant?: Reactive<CardVariant>;
  /** Makes the card one big button. */
  onPress?: () => void;
  /** The accessible name of a pressable card (default: the text inside it). */
  label?: Reactive<string>;
  disabled?: Reactive<boolean | undefined>;
  testId?: string;
  style?: StyleValues;
  children?: Child;
}

/**
 * A themed card.
 * @example
 * <Card><Heading>Living room</Heading><Caption>21.5 °C</Caption></Card>
 * <Card variant="outlined" onPress={() => open('kitchen')} label="Kitchen">…</Card>
 */
export function Card(props: CardProps): Child {
  const theme = useTheme();
  const ref = { current: null as NodeHandle | null };
  const report = usePropReporter(ref);
  const pressable = props.onPress !== undefined;
  const button = useButton({ label: props.label ?? '', onPress: props.onPress, disabled: props.disabled }, ref);
  const { pressed, hovered, focusVisible } = button.interaction;
  const c = theme.colors;
  const variant = (): CardVariant => {
    const v = props.variant === undefined ? 'elevated' : read(props.variant);
    if (VARIANTS.includes(v)) return v;
    report('variant', v, `no such variant — give one of ${VARIANTS.join(', ')}; showing elevated`);
    return 'elevated';
  };
  const container = () => (variant() === 'elevated' ? c.surfaceContainerLow : variant() === 'filled' ? c.surfaceContainerHighest : c.surface);
  const layered = (opacity: number) => () => overlay(container(), c.onSurface, opacity);
  const fade = stateFade(theme);
  const rootProps = pressable
    ? { ...button.rootProps, semantics: { role: 'button' as const, label: props.label } }
    : { semantics: { role: props.label !== undefined ? 'group' as const : 'none' as const, label: props.label } };

  return (
    <View
      ref={ref}
      testId={props.testId}
      disabled={button.disabled}
      {...rootProps}
      style={stateStyle(
        {
          padding: () => theme.spacing.lg, gap: () => theme.spacing.sm, borderRadius: () => theme.radii.md,
          backgroundColor: container,
          borderWidth: () => (variant() === 'outlined' ? 1 : 0),
          borderColor: () => c.outlineVariant,
          shadow: () => (variant() === 'elevated' ? theme.elevation.level1 : theme.elevation.level0),
          transition: () => ({ backgroundColor: fade() }),
          ...props.style,
        },
        pressable
          ? {
            hovered: { backgroundColor: layered(STATE_LAYER.hovered), shadow: () => (variant() === 'elevated' ? theme.elevation.level2 : theme.elevation.level0) },
            focusVisible: { backgroundColor: layered(STATE_LAYER.focused) },
            pressed: { backgroundColor: layered(STATE_LAYER.pressed) },
            disabled: { opacity: DISABLED.content, shadow: () => theme.elevation.level0 },
          }
          : { disabled: { opacity: DISABLED.content } },
        { hovered, pressed, focusVisible, disabled: button.disabled },
      )}
    >
      {pressable ? (
        <View style={{
          position: 'absolute', top: -4, left: -4, right: -4, bottom: -4, borderWidth: 2, borderRadius: () => theme.radii.md + 4,
          borderColor: () => (focusVisible.value ? c.primary : withAlpha(c.primary, 0)), transition: () => ({ borderColor: fade() }),
        }} />
      ) : null}
      {props.children}
    </View>
  );
}
