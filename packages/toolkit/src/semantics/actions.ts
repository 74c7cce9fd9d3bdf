/**
 * Running a semantics action, as an assistive technology (or `screen.act`) asks for it.
 * Listed actions go to `semantics.onAction`; `press` and `focus` otherwise do what a press or a
 * focus move does: the node's `onPress` with a press at its centre, or focusing it.
 */
import { callHandler } from '../input/dispatcher.js';
import { handleOf } from '../components/handle.js';
import type { PressEvent } from '../input/events.js';
import type { SemanticsNode } from './node.js';
import type { SemanticsAction } from './types.js';

/**
 * Performs `action` on a node; a handler's error goes to the nearest ErrorBoundary (or the app).
 * Throws when the node is not mounted, is disabled, or does not offer the action.
 * @example performAction(screen.getByRole('slider', { name: 'Volume' }), 'increment');
 */
export function performAction(target: SemanticsNode, action: SemanticsAction): void {
  const node = target.node;
  const what = `${target}`;
  if (node.destroyed || !node.scene) throw new Error(`cannot ${action} ${what}: it is no longer on screen (query it again after the change)`);
  if (target.disabled) throw new Error(`cannot ${action} ${what}: it is disabled`);
  const offered = target.actions;
  if (!offered.includes(action)) {
    throw new Error(`cannot ${action} ${what}: it offers ${offered.length ? offered.join(', ') : 'no actions'} — list '${action}' in semantics.actions and handle it in semantics.onAction`);
  }
  const handler = target.handlerOf(action);
  if (handler) {
    callHandler(node, () => handler(action));
  } else if (action === 'press') {
    const onPress = node.handlers.onPress!;
    const { width, height } = node.layout;
    const event: PressEvent = { x: width / 2, y: height / 2, pointerType: 'touch', timestamp: 0, target: handleOf(node) };
    callHandler(node, () => onPress(event));
  } else if (action === 'focus') {
    node.scene.focus(node);
  } else {
    throw new Error(`cannot ${action} ${what}: it lists '${action}' but has no semantics.onAction to run it`);
  }
}
