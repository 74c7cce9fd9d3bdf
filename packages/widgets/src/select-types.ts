/**
 * The shapes a select and its popup share: an option, and the state `useSelect` gives the popup.
 */
import type { KeyEvent, ReadonlySignal, SemanticsProps } from '@planar/toolkit';

export interface SelectOption<T> {
  value: T;
  /** What the option shows and is called. */
  label: string;
  disabled?: boolean;
}

export interface SelectState<T> {
  /** The options, without duplicates of an earlier value. */
  options: ReadonlySignal<readonly SelectOption<T>[]>;
  /** The chosen option's index, or -1 (nothing chosen, or a value not among the options). */
  selectedIndex: ReadonlySignal<number>;
  open: ReadonlySignal<boolean>;
  /** The highlighted option's index while open. */
  active: ReadonlySignal<number>;
  /** Opens or closes the list; closing by a pick, Escape or a tap outside gives focus back to the trigger. */
  setOpen(open: boolean, refocus?: boolean): void;
  /** Highlights option `index` (if enabled). */
  setActive(index: number): void;
  /** Picks option `index` (if enabled) and closes. */
  pick(index: number): void;
  triggerProps: { focusable: true; editable: true; onPress: () => void; onKeyDown: (e: KeyEvent) => void; onBlur: () => void; semantics: SemanticsProps };
}
