/**
 * `useGestures(ref, options)`: gesture recognisers on a node, competing in the gesture arena
 * (arena.ts) with every other recogniser under the same pointer.
 *
 * The hook listens to the node's own pointer events (bubble phase, after the node's handler
 * props, so the deepest node's recognisers join a contact's arena first), turns each into a
 * sample in app coordinates, and feeds it to the recognisers the options ask for. Timers run
 * on Planar's clock (a test drives them with `screen.advance`); handlers run under the
 * component, so an error in one goes to its ErrorBoundary and never out of the event.
 */
import type { ReadonlySignal } from '@preact/signals-core';
import { appServices, type Viewport } from '../app/services.js';
import type { Clock } from '../app/clock.js';
import type { OutputInfo } from '../backend/contract.js';
import { nodeOfHandle } from '../input/node-handles.js';
import { callHandler } from '../input/dispatcher.js';
import type { NodeHandle, PointerEvent } from '../input/events.js';
import { onMount } from '../jsx/element.js';
import { onCleanup } from '../jsx/owner.js';
import type { PlanarNode } from '../tree/node.js';
import { ArenaManager } from './arena.js';
import { LongPressRecognizer, type LongPressEvent, type LongPressOptions } from './long-press.js';
import { PanRecognizer, type PanHandlers, type SwipeEvent } from './pan.js';
import { PinchRecognizer, type PinchHandlers } from './pinch.js';
import type { PointerSample, Recognizer, RecognizerHost } from './recognizer.js';
import { DoubleTapRecognizer, TapRecognizer, type TapEvent } from './tap.js';

/** The defaults every recogniser uses unless told otherwise. */
export const GESTURE_DEFAULTS = {
  /** Touch slop where the display reports its physical size, millimetres. */
  slopMm: 2,
  /** Touch slop where it does not, logical px. */
  slopPx: 8,
  /** How long a press must be held to be a long press, ms. */
  longPressMs: 500,
  /** How long after a tap a second tap makes it a double tap, ms. */
  doubleTapMs: 300,
  /** The slowest release that is a swipe, logical px per second. */
  minSwipeVelocity: 50,
} as const;

/** Which gestures a node recognises, and what happens on each. Several may be given at once. */
export interface GestureOptions {
  /** A down and up without moving past slop (waits for the double-tap timeout when `onDoubleTap` competes). */
  onTap?: (e: TapEvent) => void;
  /** A tap that had begun lost: the pointer moved away, or another gesture won. */
  onTapCancel?: () => void;
  /** Two taps near each other within `doubleTapMs`; the taps themselves do not fire `onTap`. */
  onDoubleTap?: (e: TapEvent) => void;
  /** A press held for `longPress.delay` ms; called again on each repeat when `longPress.repeat` is set. */
  onLongPress?: (e: LongPressEvent) => void;
  /** The pointer went up after a long press. */
  onLongPressEnd?: (e: LongPressEvent) => void;
  longPress?: LongPressOptions;
  /** A drag past slop: start, update, end (with the release velocity). */
  onPan?: PanHandlers;
  /** A drag released faster than `minSwipeVelocity`, with its direction and velocity. */
  onSwipe?: (e: SwipeEvent) => void;
  /** Two touches: scale, rotation and focal point. */
  onPinch?: PinchHandlers;
  /** Touch slop in logical px (default: 2 mm on a display that reports its size, else 8 px). */
  slop?: number;
  /** Double-tap timeout, ms (default 300). */
  doubleTapMs?: number;
  /** The slowest swipe, logical px per second (default 50). */
  minSwipeVelocity?: number;
}

const managers = new WeakMap<Clock, ArenaManager>();

/** One arena manager per app (keyed by its clock), so nested nodes' recognisers meet in one arena. */
function managerFor(clock: Clock): ArenaManager {
  let manager = managers.get(clock);
  if (!manager) managers.set(clock, (manager = new ArenaManager()));
  return manager;
}

/** Touch slop in logical px: `slopMm` at the display's pixel density when it reports one, else `slopPx`. */
export function touchSlop(output: OutputInfo, scale: number): number {
  const densities: number[] = [];
  if (output.physicalWidthMm > 0) densities.push(output.width / output.physicalWidthMm);
  if (output.physicalHeightMm > 0) densities.push(output.height / output.physicalHeightMm);
  if (!densities.length) return GESTURE_DEFAULTS.slopPx;
  const pxPerMm = densities.reduce((a, b) => a + b, 0) / densities.length;
  return (GESTURE_DEFAULTS.slopMm * pxPerMm) / scale;
}

/**
 * An output-pixel point in logical px with the output's rotation undone, up to a constant
 * offset: recognisers only take differences (slop, deltas, velocity, span, angle).
 */
function appPoint(x: number, y: number, { scale: s, rotation }: Viewport): [number, number] {
  switch (rotation) {
    case 90: return [y / s, -x / s];
    case 180: return [-x / s, -y / s];
    case 270: return [-y / s, x / s];
    default: return [x / s, y / s];
  }
}

const PHASES = { onPointerDown: 'down', onPointerMove: 'move', onPointerUp: 'up', onPointerCancel: 'cancel' } as const;
type PointerKey = keyof typeof PHASES;

/**
 * Recognises gestures on the node behind `ref`. Several gestures on one node compete with
 * each other and with those of the nodes around it; exactly one wins each pointer, and the
 * winner of a drag or long press takes the pointer (presses below it are cancelled).
 *
 * @example
 * const ref = { current: null as NodeHandle | null };
 * useGestures(ref, {
 *   onTap: () => open(),
 *   onLongPress: ({ count }) => step(+1),          // with repeat: every 80 ms while held
 *   longPress: { repeat: { delay: 400, interval: 80 } },
 *   onPan: { update: ({ dx }) => (offset.value += dx), end: ({ velocityX }) => settle(velocityX) },
 *   onPinch: { update: ({ scale, rotation }) => (zoom.value = { scale, rotation }) },
 * });
 * return <View ref={ref} style={{ width: 200, height: 200 }} />;
 */
export function useGestures(ref: { readonly current: NodeHandle | null }, options: GestureOptions): void {
  const services = appServices('useGestures()');
  let detach = () => {};
  onMount(() => {
    const handle = ref.current;
    const node = handle ? nodeOfHandle(handle) : undefined;
    if (!node) {
      throw new Error('useGestures(ref): the ref holds no node once mounted — pass the same ref as ref={ref} to the View (or Text, Image, Canvas) that should recognise the gestures');
    }
    detach = attach(node, options, services.viewport, {
      arenas: managerFor(services.clock),
      now: () => services.clock.now(),
      setTimer: (ms, fn) => services.clock.setTimer(ms, fn),
      slop: () => options.slop ?? touchSlop(services.output(), services.viewport.peek().scale),
    });
  });
  onCleanup(() => detach());
}

/** Builds the node's recognisers and wraps its pointer handlers to feed them; returns the undo. */
function attach(node: PlanarNode, o: GestureOptions, viewport: ReadonlySignal<Viewport>, base: Omit<RecognizerHost, 'capture' | 'call'>): () => void {
  const lastEvents = new Map<number, PointerEvent>();
  const host: RecognizerHost = {
    ...base,
    capture: (pointerId) => lastEvents.get(pointerId)?.capture(),
    call: (fn) => callHandler(node, fn),
  };
  // The order recognisers of one node join an arena in: the first still standing wins a sweep.
  const recognizers: Recognizer[] = [];
  if (o.onDoubleTap) recognizers.push(new DoubleTapRecognizer(host, o.onDoubleTap, o.doubleTapMs ?? GESTURE_DEFAULTS.doubleTapMs));
  if (o.onTap || o.onTapCancel) recognizers.push(new TapRecognizer(host, { onTap: o.onTap, onTapCancel: o.onTapCancel }));
  if (o.onLongPress) {
    recognizers.push(new LongPressRecognizer(host, { onLongPress: o.onLongPress, onLongPressEnd: o.onLongPressEnd },
      { delay: GESTURE_DEFAULTS.longPressMs, ...o.longPress }));
  }
  if (o.onPan || o.onSwipe) recognizers.push(new PanRecognizer(host, o.onPan ?? {}, o.onSwipe, o.minSwipeVelocity ?? GESTURE_DEFAULTS.minSwipeVelocity));
  if (o.onPinch) recognizers.push(new PinchRecognizer(host, o.onPinch));

  const handlers = node.handlers as Record<PointerKey, ((e: PointerEvent) => void) | undefined>;
  const previous = { ...handlers };
  const wrapped = {} as Record<PointerKey, (e: PointerEvent) => void>;
  for (const key of Object.keys(PHASES) as PointerKey[]) {
    const before = previous[key];
    wrapped[key] = handlers[key] = (e) => {
      try {
        before?.(e);
      } finally {
        feed(key, e);
      }
    };
  }
  function feed(key: PointerKey, e: PointerEvent): void {
    if (node.destroyed || !node.scene) return;
    const [x, y] = appPoint(e.outputX, e.outputY, viewport.peek());
    const sample: PointerSample = {
      phase: PHASES[key], pointerId: e.pointerId, pointerType: e.pointerType, timestamp: e.timestamp, x, y, localX: e.x, localY: e.y,
    };
    if (sample.phase === 'down' || sample.phase === 'move') lastEvents.set(e.pointerId, e);
    for (const r of recognizers) r.handle(sample);
    if (sample.phase === 'up' || sample.phase === 'cancel') lastEvents.delete(e.pointerId);
  }
  return () => {
    for (const r of recognizers) r.dispose();
    for (const key of Object.keys(PHASES) as PointerKey[]) if (handlers[key] === wrapped[key]) handlers[key] = previous[key];
  };
}
