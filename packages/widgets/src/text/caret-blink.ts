/**
 * The caret's blink, on the app's clock. While the field is active (focused and editable)
 * the caret shows, then turns off and on every `CARET_BLINK.periodMs`; each edit or move
 * (`restart`) shows it solid again and starts the period over. After `CARET_BLINK.timeoutMs`
 * without one, it stays on and the timer stops, as GTK's does: an idle panel with a focused
 * field draws no frames. While the field is not active there is no timer and no caret.
 */
import { effect, getOwner, interval, onCleanup, read, runWithOwner, signal, untracked, type Reactive, type ReadonlySignal } from '@planar/toolkit';

export const CARET_BLINK = {
  /** How long the caret stays on, then off, ms. */
  periodMs: 500,
  /** How long it blinks after the last edit or move before it stays on, ms. */
  timeoutMs: 10_000,
} as const;

export interface CaretBlink {
  /** Whether the caret shows now. */
  readonly visible: ReadonlySignal<boolean>;
  /** Shows the caret solid and starts the blink over (after an edit or a move). */
  restart(): void;
}

/**
 * The blink of a caret that shows while `active` is true.
 * @example
 * const blink = useCaretBlink(() => focused.value && !readOnly());
 * <View style={{ opacity: () => (blink.visible.value ? 1 : 0) }} />
 */
export function useCaretBlink(active: Reactive<boolean>): CaretBlink {
  const owner = getOwner();
  const visible = signal(false);
  let stop: (() => void) | null = null;
  const halt = () => {
    stop?.();
    stop = null;
  };
  const start = () => {
    halt();
    visible.value = true;
    let toggles = Math.round(CARET_BLINK.timeoutMs / CARET_BLINK.periodMs);
    stop = runWithOwner(owner, () => interval(CARET_BLINK.periodMs, () => {
      if (--toggles <= 0 && visible.peek()) halt();
      else visible.value = !visible.peek();
    }));
  };
  onCleanup(effect(() => {
    if (read(active)) untracked(start);
    else {
      halt();
      visible.value = false;
    }
  }));
  onCleanup(halt);
  return {
    visible,
    restart: () => {
      if (untracked(() => read(active))) start();
    },
  };
}
