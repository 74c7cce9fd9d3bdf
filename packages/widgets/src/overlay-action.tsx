/**
 * The buttons of dialogs, message boxes and toasts: a text or filled pill that presses on a
 * tap, Enter or Space, with a focus ring after key focus. Kept small and private to the
 * overlays; a full `Button` widget has more looks and options.
 */
import { Text, View, useInteraction, type Child, type KeyEvent, type NodeHandle } from '@planar/toolkit';
import { stateStyle, useTheme, type ColorRoles } from './theme/index.js';
import { withAlpha } from './overlay-layer.js';

export interface OverlayActionProps {
  label: string;
  onPress: () => void;
  /** `text` (default): label only; `filled`: a primary pill, for the action a dialog leads to. */
  look?: 'text' | 'filled';
  /** For toasts: the label in `inversePrimary`, as on an inverse surface. */
  inverse?: boolean;
  testId?: string;
}

/**
 * A dialog's or toast's action button.
 * @example <OverlayAction label="Restart" look="filled" onPress={restart} />
 */
export function OverlayAction(props: OverlayActionProps): Child {
  const theme = useTheme();
  const ref = { current: null as NodeHandle | null };
  const { pressed, focusVisible } = useInteraction(ref);
  const filled = props.look === 'filled';
  const fg: keyof ColorRoles = filled ? 'onPrimary' : props.inverse ? 'inversePrimary' : 'primary';
  const onKeyDown = (event: KeyEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    props.onPress();
  };
  // The focus ring is the outer box's border, 2 px clear of the pill, so it shows on a filled pill too.
  return (
    <View
      ref={ref}
      testId={props.testId}
      focusable
      onPress={() => props.onPress()}
      onKeyDown={onKeyDown}
      semantics={{ role: 'button', label: props.label }}
      style={{
        padding: 2, borderWidth: 2, borderRadius: () => theme.radii.full,
        borderColor: () => (focusVisible.value ? (props.inverse ? theme.colors.inversePrimary : theme.colors.primary) : 'transparent'),
      }}
    >
      <View style={stateStyle(
        {
          height: 40, minWidth: 64, paddingHorizontal: () => (filled ? theme.spacing.xl : theme.spacing.md),
          justifyContent: 'center', alignItems: 'center', borderRadius: () => theme.radii.full,
          backgroundColor: () => (filled ? theme.colors.primary : 'transparent'),
        },
        { pressed: { backgroundColor: () => (filled ? theme.colors.onPrimaryContainer : withAlpha(theme.colors[fg], 0.12)) } },
        { pressed },
      )}>
        <Text style={{ ...theme.typography('labelLarge'), color: () => theme.colors[fg] }}>{props.label}</Text>
      </View>
    </View>
  );
}
