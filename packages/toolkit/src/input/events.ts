/**
 * Event objects and handler props. Pointer and wheel events are hit-tested and dispatched
 * in two phases (capture from the root down, then bubble back up); key and text events go
 * to the focused node and bubble; pointer enter / leave go to each node crossed, without
 * bubbling. How pointers are held and claimed is described in capture.ts, focus moves in
 * focus.ts.
 */

/** A node as seen from event handlers and refs. */
export interface NodeHandle {
  readonly testId: string | undefined;
  /** The border box in output pixels (after rotation and scale). */
  box(): { x: number; y: number; width: number; height: number };
  focus(): void;
  blur(): void;
  readonly focused: boolean;
}

interface BaseEvent {
  readonly timestamp: number;
  readonly target: NodeHandle;
  readonly currentTarget: NodeHandle;
  readonly phase: 'capture' | 'target' | 'bubble';
  /** Stops the event from reaching further handlers. */
  stopPropagation(): void;
}

export interface PointerEvent extends BaseEvent {
  readonly type: 'pointerdown' | 'pointermove' | 'pointerup' | 'pointercancel';
  /** In the current target's coordinates (its border box's top-left is 0, 0). */
  readonly x: number;
  readonly y: number;
  /** In output pixels. */
  readonly outputX: number;
  readonly outputY: number;
  readonly pointerId: number;
  readonly pointerType: 'mouse' | 'touch';
  /** Pressed buttons as a bit mask: 1 primary, 2 secondary, 4 middle. */
  readonly buttons: number;
  /**
   * Claims this pointer for the current target: its later moves, its up and its cancel go to
   * this node wherever they land, and whoever held it before gets `pointercancel` (see
   * capture.ts). A press under a claimed pointer never fires `onPress`.
   */
  capture(): void;
  /** Gives up a claim (or the implicit hold of the node the pointer went down on): later events are hit-tested again. */
  releaseCapture(): void;
  /** The node that claimed this pointer with `capture()`, or null while nobody has. */
  readonly capturedBy: NodeHandle | null;
}

/** `pointerenter` / `pointerleave`: sent to each node the pointer crosses into or out of; they do not bubble. */
export interface PointerCrossingEvent {
  readonly type: 'pointerenter' | 'pointerleave';
  readonly pointerId: number;
  readonly pointerType: 'mouse' | 'touch';
  readonly timestamp: number;
  readonly target: NodeHandle;
}

export interface WheelEvent extends BaseEvent {
  readonly type: 'wheel';
  readonly x: number;
  readonly y: number;
  readonly deltaX: number;
  readonly deltaY: number;
  /** Notches of a wheel with discrete steps (0 for smooth scrolling). */
  readonly discreteX: number;
  readonly discreteY: number;
}

export interface PressEvent {
  readonly x: number;
  readonly y: number;
  readonly pointerType: 'mouse' | 'touch';
  readonly timestamp: number;
  readonly target: NodeHandle;
}

export interface KeyEvent extends BaseEvent {
  readonly type: 'keydown' | 'keyup';
  /** W3C KeyboardEvent.key: 'a', 'A', 'Enter', 'ArrowLeft', ' ' … */
  readonly key: string;
  /** W3C KeyboardEvent.code: 'KeyA', 'Enter', 'ArrowLeft', 'Space' … */
  readonly code: string;
  readonly shift: boolean;
  readonly ctrl: boolean;
  readonly alt: boolean;
  readonly meta: boolean;
  readonly repeat: boolean;
  /**
   * Stops the toolkit's default action for this key: moving focus (Tab, arrows, an encoder's
   * turn) or entering and leaving an encoder's edit mode (Enter, Escape).
   */
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

export interface TextInputEvent extends BaseEvent {
  readonly type: 'textinput';
  readonly text: string;
}

/**
 * Text being composed before it is committed (DOM's CompositionEvent): a dead key or a
 * compose sequence in progress, or an input method's preedit. `data` is the whole preedit
 * string now ('' at the end); the committed text arrives as a `textinput` event.
 */
/** An input method deletes text around the caret (before it takes the next commit), UTF-16 code units. */
export interface DeleteSurroundingEvent extends BaseEvent {
  readonly type: 'deletesurrounding';
  readonly before: number;
  readonly after: number;
}

export interface CompositionEvent extends BaseEvent {
  readonly type: 'compositionstart' | 'compositionupdate' | 'compositionend';
  readonly data: string;
}

type Handler<E> = (event: E) => void;

export interface EventHandlers {
  onPointerDown?: Handler<PointerEvent>;
  onPointerMove?: Handler<PointerEvent>;
  onPointerUp?: Handler<PointerEvent>;
  onPointerCancel?: Handler<PointerEvent>;
  onPointerDownCapture?: Handler<PointerEvent>;
  onPointerMoveCapture?: Handler<PointerEvent>;
  onPointerUpCapture?: Handler<PointerEvent>;
  onPointerCancelCapture?: Handler<PointerEvent>;
  /** The pointer moved onto this node or a descendant (touch: went down); does not bubble. */
  onPointerEnter?: Handler<PointerCrossingEvent>;
  /** The pointer left this node and its descendants (touch: went up or was cancelled); does not bubble. */
  onPointerLeave?: Handler<PointerCrossingEvent>;
  onWheel?: Handler<WheelEvent>;
  onWheelCapture?: Handler<WheelEvent>;
  /**
   * A press and release inside the node, with the same pointer, that nobody else claimed in
   * between (a drag taken by a scroller or a slider never presses) and that was not cancelled.
   */
  onPress?: Handler<PressEvent>;
  onKeyDown?: Handler<KeyEvent>;
  onKeyUp?: Handler<KeyEvent>;
  onKeyDownCapture?: Handler<KeyEvent>;
  onKeyUpCapture?: Handler<KeyEvent>;
  onTextInput?: Handler<TextInputEvent>;
  onCompositionStart?: Handler<CompositionEvent>;
  onCompositionUpdate?: Handler<CompositionEvent>;
  onCompositionEnd?: Handler<CompositionEvent>;
  onDeleteSurrounding?: Handler<DeleteSurroundingEvent>;
  onFocus?: () => void;
  onBlur?: () => void;
}

export const HANDLER_NAMES: ReadonlySet<string> = new Set<keyof EventHandlers>([
  'onPointerDown', 'onPointerMove', 'onPointerUp', 'onPointerCancel',
  'onPointerDownCapture', 'onPointerMoveCapture', 'onPointerUpCapture', 'onPointerCancelCapture',
  'onPointerEnter', 'onPointerLeave', 'onWheel', 'onWheelCapture', 'onPress', 'onKeyDown', 'onKeyUp', 'onKeyDownCapture', 'onKeyUpCapture',
  'onTextInput', 'onCompositionStart', 'onCompositionUpdate', 'onCompositionEnd', 'onDeleteSurrounding', 'onFocus', 'onBlur',
]);

/** Raw input from a backend, in output pixels, with the device's timestamp in ms. */
export type InputEvent =
  | { kind: 'pointer'; type: 'down' | 'move' | 'up' | 'cancel'; x: number; y: number; pointerId: number; pointerType: 'mouse' | 'touch'; button?: number; buttons: number; timestamp: number }
  | { kind: 'wheel'; x: number; y: number; deltaX: number; deltaY: number; discreteX: number; discreteY: number; timestamp: number }
  | { kind: 'key'; type: 'down' | 'up'; key: string; code: string; shift: boolean; ctrl: boolean; alt: boolean; meta: boolean; repeat: boolean; timestamp: number }
  | { kind: 'text'; text: string; timestamp: number }
  /** A composition (preedit) starts, changes or ends: dead keys, compose sequences, input methods. */
  | { kind: 'composition'; type: 'start' | 'update' | 'end'; data: string; timestamp: number }
  /** An input method asks to delete text around the caret: `before` and `after` UTF-16 code units. */
  | { kind: 'deletesurrounding'; before: number; after: number; timestamp: number };
