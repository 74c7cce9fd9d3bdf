/**
 * Input dispatch: raw backend events in output pixels → logical coordinates → hit test →
 * capture phase (root down to the target) → bubble phase (target up to the root). Layers are
 * hit first, from the top of the stack down; events bubble from a layer to where it was written.
 *
 * Pointers are routed by capture.ts (holding, claims, presses, enter / leave). A press moves
 * focus (focus.ts). Keys and text go to the focused node and bubble; with nothing focused they
 * go to the app's outermost node; a key nobody prevented then has its default action (focus
 * navigation). A disabled box and its subtree are not hit: a pointer over them reaches the
 * nearest enabled ancestor (so a scroller around a disabled row still scrolls), never what lies
 * behind. A handler that throws is reported to the nearest ErrorBoundary (or the app) and
 * dispatch goes on.
 */
import { handleOf } from '../components/handle.js';
import type { PlanarNode } from '../tree/node.js';
import type { Scene } from '../tree/scene.js';
import { shownPlacement, stackIndex } from '../tree/layer.js';
import { apply, contains, invert, rectFromBox } from '../tree/geometry.js';
import type { InputEvent } from './events.js';
import { PointerRouter } from './capture.js';
import { FocusNavigator } from './focus.js';
import { localPoint, propagate } from './propagate.js';

export { callHandler } from './propagate.js';

/** What a disabled subtree answers: the point is taken, by nobody. */
const DISABLED = Symbol('disabled');

function hit(node: PlanarNode, x: number, y: number): PlanarNode | typeof DISABLED | null {
  if (node.hidden || !node.subtreeBounds || !contains(node.subtreeBounds, x, y)) return null;
  let inside = false;
  if (node.isBox) {
    const inv = invert(node.matrix);
    if (!inv) return null;
    const [lx, ly] = apply(inv, x, y);
    inside = contains(rectFromBox({ x: 0, y: 0, width: node.layout.width, height: node.layout.height }), lx, ly);
    if (node.paint.clip && !inside) return null;
  }
  const self = node.disabled || node.kind === 'root' ? DISABLED : node;
  for (let i = node.children.length - 1; i >= 0; i--) {
    if (node.children[i]!.layer) continue;
    const found = hit(node.children[i]!, x, y);
    if (found === DISABLED) return node.disabled ? DISABLED : self;
    if (found) return node.disabled ? DISABLED : found;
  }
  if (!inside) return null;
  return node.kind === 'root' ? null : self;
}

/** The topmost enabled box under a logical point, in reverse paint order. */
export function hitTest(node: PlanarNode, x: number, y: number): PlanarNode | null {
  const found = hit(node, x, y);
  return found === DISABLED ? null : found;
}

/**
 * The topmost box under a logical point across layers: the `<Layer>`s from the top of the
 * stack down (each in its own coordinates), then the root layer.
 */
export function hitTestScene(scene: Scene, x: number, y: number): PlanarNode | null {
  const layers = scene.layerNodes().filter((n) => shownPlacement(n.layer!).opacity > 0 && !n.hidden && (!n.layer!.external || n.layer!.external.current));
  const order = new Map(layers.map((n, i) => [n, i]));
  layers.sort((a, b) => stackIndex(b.layer!) - stackIndex(a.layer!) || order.get(b)! - order.get(a)!);
  for (const node of layers) {
    // A scroll layer (and what is anchored in one) is seen only through its viewport.
    const clip = node.layer!.clip;
    if (clip && !contains(clip, x, y)) continue;
    const shown = shownPlacement(node.layer!);
    const found = hit(node, x - shown.x, y - shown.y);
    if (found === DISABLED) return null;
    if (found) return found;
  }
  return hitTest(scene.root, x, y);
}

export class InputDispatcher {
  readonly focus: FocusNavigator;
  private readonly pointers: PointerRouter;

  constructor(private readonly scene: Scene) {
    this.focus = new FocusNavigator(scene);
    this.pointers = new PointerRouter({
      hit: (x, y) => hitTestScene(scene, x, y),
      toLogical: (x, y) => scene.toLogical(x, y),
      pressedOn: (target) => this.focus.pointerDown(target),
    });
  }

  dispatch(event: InputEvent): void {
    if (event.kind === 'pointer') this.pointers.dispatch(event);
    else if (event.kind === 'wheel') {
      const [x, y] = this.scene.toLogical(event.x, event.y);
      const target = hitTestScene(this.scene, x, y);
      if (target) {
        // Deltas turn with the output too (a wheel "down" scrolls down the UI), in logical px.
        const m = invert(this.scene.outputMatrix)!;
        const turn = (vx: number, vy: number, k = 1) => [(m[0] * vx + m[2] * vy) * k, (m[1] * vx + m[3] * vy) * k] as const;
        const [dx, dy] = turn(event.deltaX, event.deltaY);
        // Notches turn but do not scale: undo the scale the inverse matrix carries.
        const [nx, ny] = turn(event.discreteX, event.discreteY, this.scene.scale).map((v) => Math.round(v) + 0);
        propagate(target, 'onWheelCapture', 'onWheel', (n, phase, stop) => ({
          type: 'wheel', ...localPoint(n, x, y), deltaX: dx, deltaY: dy,
          discreteX: nx!, discreteY: ny!, timestamp: event.timestamp,
          target: handleOf(target), currentTarget: handleOf(n), phase, stopPropagation: stop,
        }));
      }
    } else if (event.kind === 'key') {
      if (event.type === 'down') this.focus.keyDown();
      // An encoder's turn while navigating only moves focus; in edit mode it goes to the node.
      const target = this.focus.turnsNavigate(event.key) ? null : this.keyTarget();
      let prevented = false;
      if (target) {
        const down = event.type === 'down';
        propagate(target, down ? 'onKeyDownCapture' : 'onKeyUpCapture', down ? 'onKeyDown' : 'onKeyUp', (n, phase, stop) => ({
          type: down ? 'keydown' : 'keyup', key: event.key, code: event.code, shift: event.shift, ctrl: event.ctrl, alt: event.alt, meta: event.meta,
          repeat: event.repeat, timestamp: event.timestamp, target: handleOf(target), currentTarget: handleOf(n), phase, stopPropagation: stop,
          preventDefault: () => { prevented = true; },
          get defaultPrevented() { return prevented; },
        }));
      }
      if (event.type === 'down' && !prevented) this.focus.keyDefault(event);
    } else if (event.kind === 'composition') {
      const target = this.keyTarget();
      if (!target) return;
      const name = event.type === 'start' ? 'onCompositionStart' : event.type === 'update' ? 'onCompositionUpdate' : 'onCompositionEnd';
      propagate(target, null, name, (n, phase, stop) => ({
        type: `composition${event.type}` as const, data: event.data, timestamp: event.timestamp,
        target: handleOf(target), currentTarget: handleOf(n), phase, stopPropagation: stop,
      }));
    } else if (event.kind === 'deletesurrounding') {
      const target = this.keyTarget();
      if (!target) return;
      propagate(target, null, 'onDeleteSurrounding', (n, phase, stop) => ({
        type: 'deletesurrounding' as const, before: event.before, after: event.after, timestamp: event.timestamp,
        target: handleOf(target), currentTarget: handleOf(n), phase, stopPropagation: stop,
      }));
    } else {
      const target = this.keyTarget();
      if (!target) return;
      propagate(target, null, 'onTextInput', (n, phase, stop) => ({
        type: 'textinput', text: event.text, timestamp: event.timestamp,
        target: handleOf(target), currentTarget: handleOf(n), phase, stopPropagation: stop,
      }));
    }
  }

  private keyTarget(): PlanarNode | null {
    if (this.scene.focused) return this.scene.focused;
    return this.scene.root.layoutChildren()[0] ?? null;
  }
}
