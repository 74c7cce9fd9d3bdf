/**
 * Fingers on the keyboard: which key each touch is on, long presses and repeats.
 *
 * The keyboard's surface hears every pointer event of its keys (they bubble to it, and the
 * surface holds a pointer from its down wherever it moves), so one place decides:
 *
 * 1. Down: the key is the one the touch means (geometry.ts: the nearest key in the row, gaps
 *    included); it shows pressed. Backspace starts repeating after a delay; a key with
 *    alternatives opens their popup after a long press.
 * 2. Move: before a long press, sliding onto another key moves the press there (the key typed
 *    is the one under the finger when it lifts). With the popup open, the alternative nearest
 *    the finger across is picked, wherever the finger is up or down.
 * 3. Up: the key (or the picked alternative) is pressed; a Backspace that already repeated is
 *    done. A cancel types nothing.
 * 4. A second finger going down finishes the first touch at once, as fast two-thumb typing
 *    needs: both letters are typed, in order.
 */
import { getOwner, interval, runWithOwner, signal, timeout, type PointerEvent, type ReadonlySignal } from '@planar/toolkit';
import type { ButtonRepeat } from '../button.js';
import { keyAt, type KeyMetrics, type PageGeometry, type PlacedKey } from './geometry.js';
import type { KeyboardPolicy } from './policy.js';

/** The alternatives a long press offers, placed over the key (keyboard coordinates). */
export interface AlternativesPopup {
  key: PlacedKey;
  options: readonly string[];
  cells: readonly { x: number; y: number; width: number; height: number }[];
  /** The one a lift types now. */
  selected: number;
}

export interface KeyTouchOptions {
  geometry: ReadonlySignal<PageGeometry | null>;
  metrics: () => KeyMetrics;
  policy: KeyboardPolicy;
  rtl: () => boolean;
  longPressMs: number;
  repeat: ButtonRepeat;
}

interface Touch {
  pointerId: number;
  key: PlacedKey;
  repeated: boolean;
  stop: () => void;
}

/** Places a popup of `options` above key `k`, the first over the key (from its right in rtl), inside the keyboard's width. */
export function placePopup(k: PlacedKey, options: readonly string[], unit: number, m: KeyMetrics, rtl: boolean): AlternativesPopup {
  const total = options.length * unit;
  const centre = k.x + k.width / 2;
  const start = rtl ? centre + unit / 2 - total : centre - unit / 2;
  const left = Math.max(m.padding, Math.min(m.width - m.padding - total, start));
  const y = k.y - m.keyHeight - m.gap;
  const cells = options.map((_, i) => ({ x: rtl ? left + total - (i + 1) * unit : left + i * unit, y, width: unit, height: m.keyHeight }));
  return { key: k, options, cells, selected: nearestCell(cells, centre) };
}

function nearestCell(cells: AlternativesPopup['cells'], x: number): number {
  let best = 0;
  cells.forEach((c, i) => {
    if (Math.abs(c.x + c.width / 2 - x) < Math.abs(cells[best]!.x + cells[best]!.width / 2 - x)) best = i;
  });
  return best;
}

/** The surface's pointer handlers, the key shown pressed and the open popup (see the file's comment). */
export function useKeyTouch(o: KeyTouchOptions) {
  const owner = getOwner();
  const pressed = signal<PlacedKey | null>(null);
  const popup = signal<AlternativesPopup | null>(null);
  let touch: Touch | null = null;
  const later = <T,>(fn: () => T): T => runWithOwner(owner, fn);

  const begin = (pointerId: number, key: PlacedKey) => {
    const t: Touch = { pointerId, key, repeated: false, stop: () => {} };
    touch = t;
    pressed.value = key;
    if (key.key.kind === 'backspace') {
      t.stop = later(() => timeout(o.repeat.delay, () => {
        t.repeated = true;
        o.policy.press(key.key);
        t.stop = later(() => interval(o.repeat.interval, () => o.policy.press(key.key)));
      }));
    } else if ((key.key.kind ?? 'char') === 'char' && key.key.alternatives?.length) {
      t.stop = later(() => timeout(o.longPressMs, () => {
        const g = o.geometry.peek();
        if (g) popup.value = placePopup(key, key.key.alternatives!, g.unit, o.metrics(), o.rtl());
      }));
    }
  };

  const finish = (type: boolean, at: number) => {
    const t = touch;
    if (!t) return;
    touch = null;
    t.stop();
    const open = popup.peek();
    pressed.value = null;
    popup.value = null;
    if (!type) return;
    if (open) o.policy.press(t.key.key, open.options[open.selected], at);
    else if (!t.repeated) o.policy.press(t.key.key, undefined, at);
  };

  const hit = (e: PointerEvent) => {
    const g = o.geometry.peek();
    return g ? keyAt(g, o.metrics(), e.x, e.y) : null;
  };

  return {
    pressed: pressed as ReadonlySignal<PlacedKey | null>,
    popup: popup as ReadonlySignal<AlternativesPopup | null>,
    /** Picks an alternative of the open popup and types it (an assistive technology's press). */
    pick(index: number): void {
      const open = popup.peek();
      if (!open || !touch) return;
      popup.value = { ...open, selected: index };
      finish(true, NaN);
    },
    /** Drops the touch in progress without typing (the keyboard hid under the finger). */
    cancel(): void {
      finish(false, NaN);
    },
    handlers: {
      onPointerDown: (e: PointerEvent) => {
        finish(true, e.timestamp);
        const key = hit(e);
        if (key) begin(e.pointerId, key);
      },
      onPointerMove: (e: PointerEvent) => {
        const t = touch;
        if (!t || t.pointerId !== e.pointerId) return;
        const open = popup.peek();
        if (open) {
          const selected = nearestCell(open.cells, e.x);
          if (selected !== open.selected) popup.value = { ...open, selected };
          return;
        }
        if (t.repeated) return;
        const key = hit(e);
        if (key && key !== t.key) {
          t.stop();
          begin(t.pointerId, key);
        }
      },
      onPointerUp: (e: PointerEvent) => {
        if (touch?.pointerId === e.pointerId) finish(true, e.timestamp);
      },
      onPointerCancel: (e: PointerEvent) => {
        if (touch?.pointerId === e.pointerId) finish(false, e.timestamp);
      },
    },
  };
}
