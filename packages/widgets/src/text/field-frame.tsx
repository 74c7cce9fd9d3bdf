/**
 * The frame every text field draws around its text: a label above, an outlined box, and a
 * line below for a helper text or, while the value is invalid, the error message. The box's
 * outline says the field's state: thicker in the primary colour while focused, in the error
 * colour while invalid, quieter while read-only; a disabled field is drawn at the theme's
 * disabled opacity. The box itself (the `box` slot) is the field's focusable node.
 */
import { Text, View, read, type Child, type Reactive } from '@planar/toolkit';
import { useTheme, type StyleValues } from '../theme/index.js';

export interface FieldStates {
  focused: () => boolean;
  invalid: () => boolean;
  readOnly: () => boolean;
  disabled: () => boolean;
}

export interface FieldFrameProps {
  label?: Reactive<string | undefined>;
  hideLabel?: boolean;
  /** Shown under the box while the field is valid. */
  helperText?: Reactive<string | undefined>;
  /** Shown under the box while the field is invalid. */
  errorMessage?: Reactive<string | undefined>;
  states: FieldStates;
  testId?: string;
  style?: StyleValues;
  /** The outlined box: the field's own node, with its style from `fieldBoxStyle`. */
  children: Child;
}

/** The label, the box and the message line. */
export function FieldFrame(props: FieldFrameProps): Child {
  const theme = useTheme();
  const c = theme.colors;
  const s = props.states;
  const message = () => (s.invalid() ? read(props.errorMessage) : read(props.helperText));
  return (
    <View testId={props.testId} style={{ gap: () => theme.spacing.xs, minWidth: 160, opacity: () => (s.disabled() ? 0.38 : 1), ...props.style }}>
      {props.label !== undefined && !props.hideLabel ? (
        <Text style={{
          ...theme.typography('labelMedium'),
          color: () => (s.invalid() ? c.error : s.focused() && !s.readOnly() ? c.primary : c.onSurfaceVariant),
        }}>{() => read(props.label) ?? ''}</Text>
      ) : null}
      {props.children}
      {props.helperText !== undefined || props.errorMessage !== undefined ? (
        <Text style={{
          ...theme.typography('bodySmall'), paddingHorizontal: () => theme.spacing.lg,
          display: () => (message() ? 'flex' : 'none'),
          color: () => (s.invalid() ? c.error : c.onSurfaceVariant),
        }}>{() => message() ?? ''}</Text>
      ) : null}
    </View>
  );
}

/** How many px the outline has thickened by (1 while focused for editing or invalid, else 0). */
export function outlineInset(states: FieldStates): number {
  return (states.focused() && !states.readOnly()) || states.invalid() ? 1 : 0;
}

/**
 * The outlined box's style in each state (the border thickens by a pixel that the padding
 * gives back, so the text stays put).
 */
export function useFieldBoxStyle(states: FieldStates, extra: () => StyleValues = () => ({})): () => StyleValues {
  const theme = useTheme();
  const c = theme.colors;
  return () => {
    const inset = outlineInset(states);
    const strong = inset > 0;
    return {
      flexDirection: 'row', alignItems: 'center', overflow: 'hidden',
      paddingStart: theme.spacing.lg - inset, paddingEnd: theme.spacing.md - inset,
      paddingVertical: theme.spacing.sm - inset,
      borderRadius: theme.radii.xs, borderWidth: 1 + inset,
      borderColor: states.invalid() ? c.error : strong ? c.primary : states.readOnly() ? c.outlineVariant : c.outline,
      backgroundColor: states.readOnly() ? c.surfaceContainer : c.surfaceContainerLow,
      ...extra(),
    };
  };
}
