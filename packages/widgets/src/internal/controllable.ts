/**
 * Controlled or uncontrolled state, the same way for every widget (`value` + `onChange`, or
 * `defaultValue`):
 *
 * - a writable signal given as the value is written directly (two-way binding), then
 *   `onChange` is called;
 * - any other value (a plain value, a getter, a computed signal) makes the widget controlled:
 *   it shows what the prop says and only asks for a change through `onChange`;
 * - no value: the widget keeps its own state, starting at `defaultValue` (or the fallback).
 */
import { computed, read, signal, type Reactive, type ReadonlySignal, type Signal } from '@planar/toolkit';

// A computed signal is a Signal too, but a read-only one: tell them apart by prototype.
const WRITABLE_PROTO: unknown = Object.getPrototypeOf(signal(0));

/** Whether `value` is a writable signal (made by `signal()`), which a widget may write. */
export function isWritableSignal<T>(value: Reactive<T> | undefined): value is Signal<T> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === WRITABLE_PROTO;
}

export interface Controllable<T> {
  /** The current value (reactive). */
  readonly value: ReadonlySignal<T>;
  /** Asks for a new value: writes it where the widget may, and calls `onChange` when it differs. */
  set(next: T): void;
}

/**
 * The state behind a widget's `value` / `defaultValue` / `onChange` props.
 * @example
 * const checked = useControllable(props.checked, props.defaultChecked, false, props.onChange);
 * const toggle = () => checked.set(!checked.value.peek());
 */
export function useControllable<T>(
  value: Reactive<T> | undefined, defaultValue: T | undefined, fallback: T, onChange: ((value: T) => void) | undefined,
  equals: (a: T, b: T) => boolean = Object.is,
): Controllable<T> {
  const own = signal<T>(defaultValue !== undefined ? defaultValue : fallback);
  const current = computed(() => (value !== undefined ? read(value) : own.value));
  return {
    value: current,
    set(next) {
      if (equals(current.peek(), next)) return;
      if (isWritableSignal(value)) value.value = next;
      else if (value === undefined) own.value = next;
      onChange?.(next);
    },
  };
}
