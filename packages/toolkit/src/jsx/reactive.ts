/**
 * Reactive values: any prop may be a plain value, a signal, or a getter function.
 * `read` unwraps one inside an effect (subscribing to what it reads); `isReactive` tells
 * whether a value can change at all, so that plain values skip the effect entirely.
 */
import { Signal, type ReadonlySignal } from '@preact/signals-core';

/** A value, a signal of it, or a getter that computes it from signals. */
export type Reactive<T> = T | ReadonlySignal<T> | (() => T);

/** Whether `value` is a signal or a getter (so it may change after mount). */
export function isReactive(value: unknown): value is ReadonlySignal<unknown> | (() => unknown) {
  return value instanceof Signal || typeof value === 'function';
}

/**
 * Reads a prop that may be a plain value, a signal or a getter; inside an effect or a getter
 * this subscribes to the signals it touches.
 * @example
 * function Badge(props: { count: Reactive<number> }) {
 *   return <Text>{() => `${read(props.count)} new`}</Text>;
 * }
 */
export function read<T>(value: Reactive<T>): T {
  if (value instanceof Signal) return value.value as T;
  if (typeof value === 'function') return (value as () => T)();
  return value as T;
}
