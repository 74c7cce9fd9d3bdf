/**
 * Prop values as the inspector shows them: plain JSON, however odd the value. Signals and
 * getters are read without subscribing anything (and a getter that throws shows its error);
 * functions, bytes, nodes and deep or cyclic objects become short descriptions.
 */
import { Signal, untracked } from '@preact/signals-core';
import { isReactive, read } from '../jsx/reactive.js';
import { PlanarNode } from '../tree/node.js';
import type { ReactiveValue } from './types.js';

const MAX_DEPTH = 4;
const MAX_ITEMS = 50;
const MAX_STRING = 500;

/** How a prop is given when it can change: a signal or a getter; null for a plain value. */
export function reactiveKind(value: unknown): ReactiveValue['via'] | null {
  if (value instanceof Signal) return 'signal';
  return typeof value === 'function' ? 'getter' : null;
}

/** The value of a prop now: a signal's or getter's read untracked; a getter that throws gives `{ error }`. */
export function current(value: unknown): unknown {
  if (!isReactive(value)) return value;
  try {
    return untracked(() => read(value));
  } catch (error) {
    return { error: `the getter threw: ${(error as Error)?.message ?? String(error)}` };
  }
}

/** `value` as plain JSON. */
export function toPlain(value: unknown, depth = 0, seen = new Set<object>()): unknown {
  if (value === null || value === undefined) return value ?? null;
  switch (typeof value) {
    case 'string': return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
    case 'number': return Number.isFinite(value) ? value : String(value);
    case 'boolean': return value;
    case 'bigint': return `${value}n`;
    case 'symbol': return value.toString();
    case 'function': return `ƒ ${(value as { name?: string }).name || 'anonymous'}()`;
  }
  const object = value as object;
  if (object instanceof Signal) return toPlain(object.peek(), depth, seen);
  if (object instanceof PlanarNode) return `<${object.component}>`;
  if (ArrayBuffer.isView(object)) return `${object.constructor.name}(${object.byteLength} bytes)`;
  if (object instanceof ArrayBuffer) return `ArrayBuffer(${object.byteLength} bytes)`;
  if (seen.has(object)) return '[cycle]';
  if (depth >= MAX_DEPTH) return Array.isArray(object) ? `[${object.length} items]` : '{…}';
  seen.add(object);
  try {
    if (Array.isArray(object)) {
      const items = object.slice(0, MAX_ITEMS).map((v) => toPlain(v, depth + 1, seen));
      if (object.length > MAX_ITEMS) items.push(`… ${object.length - MAX_ITEMS} more`);
      return items;
    }
    if (object instanceof Map) return { [`Map(${object.size})`]: toPlain([...object.entries()], depth + 1, seen) };
    if (object instanceof Set) return { [`Set(${object.size})`]: toPlain([...object], depth + 1, seen) };
    if (object instanceof Date) return object.toISOString();
    if (object instanceof Error) return { error: object.message };
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(object).slice(0, MAX_ITEMS)) out[key] = toPlain((object as Record<string, unknown>)[key], depth + 1, seen);
    return out;
  } finally {
    seen.delete(object);
  }
}
