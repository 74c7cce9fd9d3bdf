/**
 * State styles: one style per interaction state, resolved against the widget's current states
 * (LVGL's per-state style properties). The states are plain signals or getters — the ones
 * `useInteraction(ref)` gives (pressed, hovered, focused, focusVisible) and the widget's own
 * (checked, selected, invalid, disabled) — so the resolved style follows them by itself.
 *
 * When several states are on, their styles apply over the base in a fixed order, the later
 * winning a key they share: selected, checked, invalid, hovered, focused, focusVisible, pressed,
 * disabled. So a pressed checked switch shows the pressed look, and a disabled one looks disabled
 * whatever else is true.
 */
import { read, type Reactive, type Style } from '@planar/toolkit';

/** The interaction states a widget can be styled for. */
export type InteractionState = 'selected' | 'checked' | 'invalid' | 'hovered' | 'focused' | 'focusVisible' | 'pressed' | 'disabled';

/** States applied later win (see the file's comment). */
export const STATE_ORDER: readonly InteractionState[] = ['selected', 'checked', 'invalid', 'hovered', 'focused', 'focusVisible', 'pressed', 'disabled'];

/** A widget's states: each a boolean, a signal or a getter; missing ones are off. */
export type InteractionStates = { [S in InteractionState]?: Reactive<boolean | undefined> };

/** A style whose values may be reactive, as the toolkit's `style` prop takes. */
export type StyleValues = { [K in keyof Style]?: Reactive<Style[K]> };

/** A style for each state, applied over the base while that state is on. */
export type StateStyles = { [S in InteractionState]?: StyleValues };

/**
 * The states that are on now, in the order their styles apply (reactive inside a getter).
 * @example activeStates({ pressed: true, disabled: false })   // ['pressed']
 */
export function activeStates(states: InteractionStates): InteractionState[] {
  return STATE_ORDER.filter((s) => states[s] !== undefined && !!read(states[s]!));
}

/**
 * A style getter for the `style` prop: `base`, with the style of each state that is on applied
 * over it. Token getters inside the styles keep working, so the result follows the theme too.
 * @example
 * const theme = useTheme();
 * const { pressed, focusVisible } = useInteraction(ref);
 * <View ref={ref} style={stateStyle(
 *   { backgroundColor: () => theme.colors.primary, opacity: 1, transition: { backgroundColor: 150 } },
 *   { pressed: { backgroundColor: () => theme.colors.primaryContainer }, disabled: { opacity: 0.38 } },
 *   { pressed, focusVisible, disabled: () => props.disabled === true },
 * )} />
 */
export function stateStyle(base: StyleValues, byState: StateStyles, states: InteractionStates): () => StyleValues {
  const used = STATE_ORDER.filter((s) => byState[s] !== undefined && states[s] !== undefined);
  return () => {
    let out: StyleValues = base;
    for (const state of used) if (read(states[state]!)) out = { ...out, ...byState[state] };
    return out;
  };
}
