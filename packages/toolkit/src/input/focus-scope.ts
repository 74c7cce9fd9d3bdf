/**
 * `<FocusScope>`: a View that groups focus. Trapped, it keeps Tab, arrows and an encoder's
 * turns inside (a dialog); it can focus its first focusable node on mount, and gives focus
 * back to where it was when it unmounts.
 */
import { View, type ViewProps } from '../components/primitives.js';
import { onMount } from '../jsx/element.js';
import { onCleanup } from '../jsx/owner.js';
import type { PlanarNode } from '../tree/node.js';
import { addTrappedScope, canFocus, focusableNodes, removeTrappedScope, setFocusTraits } from './focus.js';

export interface FocusScopeProps extends ViewProps {
  /** Navigation never leaves the scope, and enters it from outside (default false). */
  trapped?: boolean;
  /** Focuses the first focusable node inside on mount (default false). */
  autoFocus?: boolean;
  /** On unmount, focus goes back to the node focused at mount, if focus was inside or nowhere (default true). */
  restoreFocus?: boolean;
}

/**
 * Groups focus; a trapped scope keeps it inside, as a dialog must.
 * @example
 * <Show when={confirming}>
 *   <FocusScope trapped autoFocus style={{ padding: 16, gap: 8 }}>
 *     <Text>Restart the panel?</Text>
 *     <View focusable onPress={restart}><Text>Restart</Text></View>
 *     <View focusable onPress={() => { confirming.value = false; }}><Text>Cancel</Text></View>
 *   </FocusScope>
 * </Show>
 */
export function FocusScope(props: FocusScopeProps): PlanarNode {
  const { trapped = false, autoFocus = false, restoreFocus = true, ...rest } = props;
  const node = View(rest);
  setFocusTraits(node, { scope: { trapped } });
  let before: PlanarNode | null = null;
  onMount(() => {
    before = node.scene?.focused ?? null;
    if (trapped) addTrappedScope(node);
    const first = autoFocus ? focusableNodes(node)[0] : undefined;
    if (first) node.scene?.focus(first);
  });
  onCleanup(() => {
    removeTrappedScope(node);
    const scene = before?.scene;
    if (!restoreFocus || !before || !scene || !canFocus(before)) return;
    let inside = !scene.focused;
    for (let n = scene.focused; n && !inside; n = n.parent) if (n === node) inside = true;
    if (inside) scene.focus(before);
  });
  return node;
}
