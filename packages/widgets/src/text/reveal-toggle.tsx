/**
 * The eye button at the end of a password field: pressed, the password shows as text; pressed
 * again, as dots. A press leaves focus in the field, so typing goes on where it was.
 */
import { View, read, useInteraction, type Child, type NodeHandle, type Reactive, type ReadonlySignal } from '@planar/toolkit';
import { useTheme } from '../theme/index.js';
import { Icon } from '../icon.js';
import { STATE_LAYER, withAlpha } from '../internal/state-layer.js';
import type { IconGlyph } from '../icons.js';

/** An eye on the icon grid: its outline and pupil; crossed out while the text is hidden. */
const EYE = 'M2.5 12s3.5-6.5 9.5-6.5 9.5 6.5 9.5 6.5-3.5 6.5-9.5 6.5S2.5 12 2.5 12zM9 12a3 3 0 1 0 6 0a3 3 0 1 0-6 0z';
const EYE_OPEN: IconGlyph = { stroke: EYE };
const EYE_CROSSED: IconGlyph = { stroke: `${EYE}M4 3.5l16 17` };

/** The toggle's square, logical px. */
export const REVEAL_TOGGLE_SIZE = 40;

export interface RevealToggleProps {
  revealed: ReadonlySignal<boolean>;
  onToggle: () => void;
  /** Its accessible name (default 'Show password'); its pressed state says whether the text shows. */
  label?: Reactive<string | undefined>;
  disabled: () => boolean;
}

/**
 * A toggle that shows or hides a password.
 * @example <RevealToggle revealed={revealed} onToggle={() => (revealed.value = !revealed.value)} disabled={() => false} />
 */
export function RevealToggle(props: RevealToggleProps): Child {
  const theme = useTheme();
  const ref = { current: null as NodeHandle | null };
  const { pressed, focusVisible } = useInteraction(ref);
  const toggle = () => {
    if (!props.disabled()) props.onToggle();
  };
  return (
    <View
      ref={ref}
      focusable
      preventFocusOnPress
      onPress={toggle}
      onKeyDown={(e) => {
        if (e.key === ' ' || e.key === 'Enter') {
          e.preventDefault();
          toggle();
        }
      }}
      semantics={{ role: 'button', label: () => read(props.label) ?? 'Show password', pressed: () => props.revealed.value }}
      style={{
        width: REVEAL_TOGGLE_SIZE, height: REVEAL_TOGGLE_SIZE, borderRadius: REVEAL_TOGGLE_SIZE / 2,
        alignItems: 'center', justifyContent: 'center', marginStart: 'auto', borderWidth: 2,
        borderColor: () => (focusVisible.value ? theme.colors.primary : 'transparent'),
        backgroundColor: () => (pressed.value ? withAlpha(theme.colors.onSurfaceVariant, STATE_LAYER.pressed) : 'transparent'),
      }}
    >
      <Icon glyph={() => (props.revealed.value ? EYE_OPEN : EYE_CROSSED)} size={24} color="onSurfaceVariant" />
    </View>
  );
}
