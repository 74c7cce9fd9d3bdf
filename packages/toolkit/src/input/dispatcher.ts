/**
 * Input dispatch: raw backend events in output pixels → logical coordinates → hit test →
 * capture phase (root down to the target) → bubble phase (target up to the root). Layers are
 * hit first, from the top of the stack down; events bubble from a layer to where it was written.
 *
 * Pointer capture: the node a pointer went down on receives that pointer's moves and its up,
 * wherever they land (as touch does on every platform). `onPress` fires on release when the
 * pointer is still inside the pressed node. A press moves focus to the nearest focusable
 * ancestor (or clears it). Keys and text go to the focused node and bubble; with nothing
 * focused they go to the app's outermost node. A handler that throws is reported to the
 * nearest ErrorBoundary (or the app) and dispatch goes on.
 */
import { reportError, runWithOwner } from '../jsx/owner.js';
import { untracked } from '@preact/signals-core';
import { handleOf } from '../components/handle.js';
import type { PlanarNode } from '../tree/node.js';
import type { Scene } from '../tree/scene.js';
import { apply, contains, invert, rectFromBox } from '../tree/geometry.js';
import { layerOrigin } from '../tree/layer.js';
import type { EventHandlers, InputEvent } from './events.js';

/**
 * Runs an event handler as part of its component: under its owner (so it can animate, start
 * timers and read context), with exceptions reported to the nearest boundary, never thrown.
 */
export function callHandler(node: PlanarNode, fn: () => void): void {
  runWithOwner(node.owner, () => {
    try {
      untracked(fn);
    } catch (error) {
      reportError(error, node.owner);
    }
  });
}

/** The topmost box under a logical point, in reverse paint order. */
export function hitTest(node: PlanarNode, x: number, y: number): PlanarNode | null {
  if (node.hidden || !node.subtreeBounds || !contains(node.subtreeBounds, x, y)) return null;
  let inside = false;
  if (node.isBox) {
    const inv = invert(node.matrix);
    if (!inv) return null;
    const [lx, ly] = apply(inv, x, y);
    inside = contains(rectFromBox({ x: 0, y: 0, width: node.layout.width, height: node.layout.height }), lx, ly);
    if (node.paint.clip && !inside) return null;
  }
  for (let i = node.children.length - 1; i >= 0; i--) {
    if (node.children[i]!.layer) continue;
    const hit = hitTest(node.children[i]!, x, y);
    if (hit) return hit;
  }
  return inside && node.kind !== 'root' ? node : null;
}

/**
 * The topmost box under a logical point across layers: the `<Layer>`s from the top of the
 * stack down (each in its own coordinates), then the root layer.
 */
export function hitTestScene(scene: Scene, x: number, y: number): PlanarNode | null {
  const layers = scene.layerNodes().filter((n) => n.layer!.opacity > 0 && !n.hidden && (!n.layer!.external || n.layer!.external.current));
  const order = new Map(layers.map((n, i) => [n, i]));
  layers.sort((a, b) => b.layer!.zIndex - a.layer!.zIndex || order.get(b)! - order.get(a)!);
  for (const node of layers) {
    const hit = hitTest(node, x - node.layer!.x, y - node.layer!.y);
    if (hit) return hit;
  }
  return hitTest(scene.root, x, y);
}

/** A logical point in a node's own coordinates (through its layer's position). */
function toLocal(n: PlanarNode, x: number, y: number): [number, number] | null {
  const inv = invert(n.matrix);
  if (!inv) return null;
  const [ox, oy] = layerOrigin(n);
  return apply(inv, x - ox, y - oy);
}

function pathTo(node: PlanarNode): PlanarNode[] {
  const path: PlanarNode[] = [];
  for (let n: PlanarNode | null = node; n && n.kind !== 'root'; n = n.parent) if (n.isBox) path.push(n);
  return path.reverse();
}

type HandlerKey = keyof EventHandlers;

export class InputDispatcher {
  private captured = new Map<number, PlanarNode>();
  private pressed = new Map<number, PlanarNode>();

  constructor(private readonly scene: Scene) {}

  dispatch(event: InputEvent): void {
    if (event.kind === 'pointer') this.pointer(event);
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
        this.run(target, 'onWheelCapture', 'onWheel', (n, phase, stop) => ({
          type: 'wheel', ...this.local(n, x, y), deltaX: dx, deltaY: dy,
          discreteX: nx!, discreteY: ny!, timestamp: event.timestamp,
          target: handleOf(target), currentTarget: handleOf(n), phase, stopPropagation: stop,
        }));
      }
    } else if (event.kind === 'key') {
      const target = this.keyTarget();
      if (!target) return;
      const type = event.type === 'down' ? 'keydown' : 'keyup';
      this.run(target, type === 'keydown' ? 'onKeyDownCapture' : 'onKeyUpCapture', type === 'keydown' ? 'onKeyDown' : 'onKeyUp',
        (n, phase, stop) => ({
          type, key: event.key, code: event.code, shift: event.shift, ctrl: event.ctrl, alt: event.alt, meta: event.meta,
          repeat: event.repeat, timestamp: event.timestamp, target: handleOf(target), currentTarget: handleOf(n), phase, stopPropagation: stop,
        }));
    } else {
      const target = this.keyTarget();
      if (!target) return;
      this.run(target, null, 'onTextInput', (n, phase, stop) => ({
        type: 'textinput', text: event.text, timestamp: event.timestamp,
        target: handleOf(target), currentTarget: handleOf(n), phase, stopPropagation: stop,
      }));
    }
  }

  private keyTarget(): PlanarNode | null {
    if (this.scene.focused) return this.scene.focused;
    return this.scene.root.layoutChildren()[0] ?? null;
  }

  private pointer(event: Extract<InputEvent, { kind: 'pointer' }>): void {
    const [x, y] = this.scene.toLogical(event.x, event.y);
    const captured = this.captured.get(event.pointerId);
    const target = captured && !captured.destroyed && captured.scene ? captured : hitTestScene(this.scene, x, y);
    if (event.type === 'down') {
      if (target) {
        this.captured.set(event.pointerId, target);
        this.pressed.set(event.pointerId, target);
      }
      let focusable: PlanarNode | null = target;
      while (focusable && !focusable.focusable) focusable = focusable.boxParent();
      this.scene.focus(focusable);
    }
    if (target) {
      const names = {
        down: ['onPointerDownCapture', 'onPointerDown'], move: ['onPointerMoveCapture', 'onPointerMove'],
        up: ['onPointerUpCapture', 'onPointerUp'], cancel: ['onPointerCancelCapture', 'onPointerCancel'],
      }[event.type] as [HandlerKey, HandlerKey];
      this.run(target, names[0], names[1], (n, phase, stop) => ({
        type: `pointer${event.type}`, ...this.local(n, x, y), outputX: event.x, outputY: event.y,
        pointerId: event.pointerId, pointerType: event.pointerType, buttons: event.buttons, timestamp: event.timestamp,
        target: handleOf(target), currentTarget: handleOf(n), phase, stopPropagation: stop,
      }));
    }
    if (event.type === 'up' || event.type === 'cancel') {
      const pressed = this.pressed.get(event.pointerId);
      this.captured.delete(event.pointerId);
      this.pressed.delete(event.pointerId);
      if (event.type === 'up' && pressed) this.press(pressed, x, y, event);
    }
  }

  private press(pressed: PlanarNode, x: number, y: number, event: { pointerType: 'mouse' | 'touch'; timestamp: number }): void {
    for (let n: PlanarNode | null = pressed; n; n = n.boxParent()) {
      const handler = n.handlers.onPress;
      if (!handler) continue;
      const local = toLocal(n, x, y);
      if (!local || n.destroyed || !n.scene) return;
      const [lx, ly] = local;
      if (!contains(rectFromBox({ x: 0, y: 0, width: n.layout.width, height: n.layout.height }), lx, ly)) return;
      this.call(n, handler as (e: unknown) => void, { x: lx, y: ly, pointerType: event.pointerType, timestamp: event.timestamp, target: handleOf(pressed) });
      return;
    }
  }

  private local(n: PlanarNode, x: number, y: number): { x: number; y: number } {
    const [lx, ly] = toLocal(n, x, y) ?? [x, y];
    return { x: lx, y: ly };
  }

  private run(
    target: PlanarNode, capture: HandlerKey | null, bubble: HandlerKey,
    make: (node: PlanarNode, phase: 'capture' | 'target' | 'bubble', stop: () => void) => object,
  ): void {
    const path = pathTo(target);
    let stopped = false;
    const stop = () => { stopped = true; };
    if (capture) {
      for (const n of path) {
        const h = n.handlers[capture];
        if (h) this.call(n, h as (e: unknown) => void, make(n, n === target ? 'target' : 'capture', stop));
        if (stopped) return;
      }
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const n = path[i]!;
      const h = n.handlers[bubble];
      if (h) this.call(n, h as (e: unknown) => void, make(n, n === target ? 'target' : 'bubble', stop));
      if (stopped) return;
    }
  }

  private call(node: PlanarNode, handler: (e: unknown) => void, event: unknown): void {
    callHandler(node, () => handler(event));
  }
}
