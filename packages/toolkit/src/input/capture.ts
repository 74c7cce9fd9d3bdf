/**
 * Pointer routing: who receives a pointer's events, how a node takes a pointer over, presses,
 * and the crossings (enter / leave) and pressed / hovered states that follow.
 *
 * 1. Hold. The node a pointer goes down on holds it: the pointer's moves, its up and its
 *    cancel go to that node (and bubble from it) wherever they land, as touch does everywhere.
 * 2. Claim. Any handler on the path of a pointer event may call `event.capture()`: the pointer
 *    then belongs to that handler's node (the current target). Everything the pointer was
 *    reaching below the claimant — the node it went down on and the boxes between — gets
 *    `onPointerCancel` at once, each on its own (no bubbling: the claimant and its ancestors
 *    still hold the pointer), and takes no further part, not even in the rest of the event
 *    being dispatched. From then on the pointer's events target the claimant and bubble from it.
 *    A later claim by an ancestor cancels the claimant in turn.
 *
 *        View (scroller)   onPointerMove: moved 12 px > slop → e.capture()
 *         └ View (row)     gets pointercancel; its onPress never fires
 *            └ Text        (the pointer went down here) gets pointercancel
 *
 * 3. Press. `onPress` fires on release on the nearest box with `onPress`, from the node the
 *    pointer went down on upwards, when the release is inside it. A claim by anybody but that
 *    node, or a cancel, ends the press: a press under a drag never fires.
 * 4. Release. `event.releaseCapture()` from the node holding the pointer gives it up: later
 *    events are hit-tested again, where they land.
 * 5. Crossings. For a mouse, each event compares the boxes under the pointer with those under
 *    it before: `onPointerLeave` for each box left (innermost first), `onPointerEnter` for each
 *    box entered (outermost first), neither bubbling. A touch enters on down and leaves on up or
 *    cancel. `hovered` follows enter / leave; `pressed` is true while a pointer held from a down
 *    inside a box is still inside it and nobody cancelled it there.
 *
 * How a gesture recogniser uses this: listen to pointer events on its node (often in the
 * capture phase, to see them before the children); when it recognises its gesture, call
 * `event.capture()`; if `event.capturedBy` names another node, somebody else already won.
 */
import { handleOf } from '../components/handle.js';
import type { PlanarNode } from '../tree/node.js';
import { contains, rectFromBox } from '../tree/geometry.js';
import { setInteraction } from './interaction.js';
import { callNode, isAncestorOrSelf, localPoint, pathTo, propagate, toLocal, type HandlerKey } from './propagate.js';
import type { InputEvent } from './events.js';

type RawPointer = Extract<InputEvent, { kind: 'pointer' }>;

/** What the router needs from the dispatcher. */
export interface PointerHost {
  /** The box under a logical point, or null. */
  hit(x: number, y: number): PlanarNode | null;
  toLogical(x: number, y: number): [number, number];
  /** A press went down on `target` (focus follows it). */
  pressedOn(target: PlanarNode | null): void;
}

interface Track {
  /** Where events go (the holder), or null: hit-test each one. */
  holder: PlanarNode | null;
  /** The node that claimed the pointer with `capture()`. */
  captor: PlanarNode | null;
  /** The node the pointer went down on while its press may still fire. */
  press: PlanarNode | null;
  /** The boxes a press may show as pressed (the path at down, minus those cancelled). */
  pressPath: PlanarNode[];
  /** Those of them the pointer is inside now. */
  pressed: Set<PlanarNode>;
}

const NAMES: Record<RawPointer['type'], [HandlerKey, HandlerKey]> = {
  down: ['onPointerDownCapture', 'onPointerDown'], move: ['onPointerMoveCapture', 'onPointerMove'],
  up: ['onPointerUpCapture', 'onPointerUp'], cancel: ['onPointerCancelCapture', 'onPointerCancel'],
};

const inBox = (n: PlanarNode, x: number, y: number): boolean => {
  const local = toLocal(n, x, y);
  return !!local && contains(rectFromBox({ x: 0, y: 0, width: n.layout.width, height: n.layout.height }), local[0], local[1]);
};

export class PointerRouter {
  private tracks = new Map<number, Track>();
  /** Per pointer, the boxes it is over (outermost first). */
  private hover = new Map<number, PlanarNode[]>();

  constructor(private readonly host: PointerHost) {}

  dispatch(event: RawPointer): void {
    const [x, y] = this.host.toLogical(event.x, event.y);
    const id = event.pointerId;
    if (event.type === 'down') {
      const target = this.host.hit(x, y);
      const path = target ? pathTo(target) : [];
      this.setPressed(this.tracks.get(id), []);
      const track: Track = { holder: target, captor: null, press: target, pressPath: path, pressed: new Set() };
      this.tracks.set(id, track);
      this.host.pressedOn(target);
      this.setPressed(track, path.filter((n) => inBox(n, x, y)));
    }
    const track = this.tracks.get(id);
    const live = (n: PlanarNode | null) => (n && !n.destroyed && n.scene ? n : null);
    const target = live(track?.holder ?? null) ?? this.host.hit(x, y);
    if (event.pointerType === 'mouse' || event.type === 'down') this.cross(event, target);
    // A mouse held by a node is over that node (as under pointer capture on the web).
    if (track && event.type === 'move') this.setPressed(track, track.pressPath.filter((n) => inBox(n, x, y)));

    if (target) {
      const names = NAMES[event.type];
      propagate(target, names[0], names[1], (n, phase, stop) => ({
        type: `pointer${event.type}`, ...localPoint(n, x, y), outputX: event.x, outputY: event.y,
        pointerId: id, pointerType: event.pointerType, buttons: event.buttons, timestamp: event.timestamp,
        target: handleOf(target), currentTarget: handleOf(n), phase, stopPropagation: stop,
        capture: () => this.claim(id, n, target, event, x, y),
        releaseCapture: () => this.release(id, n),
        get capturedBy() { const c = track?.captor; return c ? handleOf(c) : null; },
      }), (n) => !track?.holder || track.holder === target || isAncestorOrSelf(n, track.holder));
    }

    if (event.type === 'up' || event.type === 'cancel') {
      this.tracks.delete(id);
      if (track) this.setPressed(track, []);
      // A touch leaves with the finger; a mouse is still over whatever is under it now.
      this.cross(event, event.pointerType === 'touch' ? null : this.host.hit(x, y));
      const press = live(track?.press ?? null);
      if (event.type === 'up' && press) this.press(press, x, y, event);
    }
  }

  /** `event.capture()` by `claimant` (see 2 above). */
  private claim(id: number, claimant: PlanarNode, target: PlanarNode, event: RawPointer, x: number, y: number): void {
    const track = this.tracks.get(id);
    if (!track || track.captor === claimant) return;
    const losers = pathTo(track.holder ?? target).filter((n) => n !== claimant && isAncestorOrSelf(claimant, n));
    track.holder = claimant;
    track.captor = claimant;
    if (track.press !== claimant) track.press = null;
    track.pressPath = track.pressPath.filter((n) => !losers.includes(n));
    this.setPressed(track, [...track.pressed].filter((n) => !losers.includes(n)));
    for (const loser of losers.reverse()) {
      callNode(loser, 'onPointerCancel', {
        type: 'pointercancel', ...localPoint(loser, x, y), outputX: event.x, outputY: event.y,
        pointerId: id, pointerType: event.pointerType, buttons: event.buttons, timestamp: event.timestamp,
        target: handleOf(target), currentTarget: handleOf(loser), phase: loser === target ? 'target' : 'bubble',
        stopPropagation: () => {}, capture: () => {}, releaseCapture: () => {}, capturedBy: handleOf(claimant),
      });
    }
  }

  /** `event.releaseCapture()` by `node` (see 4 above). */
  private release(id: number, node: PlanarNode): void {
    const track = this.tracks.get(id);
    if (!track || track.holder !== node) return;
    track.holder = null;
    track.captor = null;
  }

  private press(pressed: PlanarNode, x: number, y: number, event: RawPointer): void {
    for (let n: PlanarNode | null = pressed; n; n = n.boxParent()) {
      if (!n.handlers.onPress) continue;
      const local = toLocal(n, x, y);
      if (!local || !inBox(n, x, y)) return;
      callNode(n, 'onPress', { x: local[0], y: local[1], pointerType: event.pointerType, timestamp: event.timestamp, target: handleOf(pressed) });
      return;
    }
  }

  /** Enter / leave as the pointer's boxes change (see 5 above). */
  private cross(event: RawPointer, over: PlanarNode | null): void {
    const id = event.pointerId;
    const before = this.hover.get(id) ?? [];
    const after = over ? pathTo(over) : [];
    if (after.length) this.hover.set(id, after);
    else this.hover.delete(id);
    let same = 0;
    while (same < before.length && same < after.length && before[same] === after[same]) same++;
    const base = { pointerId: id, pointerType: event.pointerType, timestamp: event.timestamp };
    for (let i = before.length - 1; i >= same; i--) {
      const n = before[i]!;
      this.setHovered(n);
      if (!n.destroyed) callNode(n, 'onPointerLeave', { type: 'pointerleave', ...base, target: handleOf(n) });
    }
    for (let i = same; i < after.length; i++) {
      const n = after[i]!;
      this.setHovered(n);
      callNode(n, 'onPointerEnter', { type: 'pointerenter', ...base, target: handleOf(n) });
    }
  }

  private setHovered(node: PlanarNode): void {
    let over = false;
    for (const path of this.hover.values()) if (path.includes(node)) over = true;
    setInteraction(node, 'hovered', over);
  }

  private setPressed(track: Track | undefined, now: PlanarNode[]): void {
    if (!track) return;
    const before = track.pressed;
    track.pressed = new Set(now);
    for (const n of new Set([...before, ...now])) {
      let on = false;
      for (const t of this.tracks.values()) if (t.pressed.has(n)) on = true;
      setInteraction(n, 'pressed', on);
    }
  }
}
