/**
 * Direction for components: which way the part of the app a component sits in reads.
 *
 * Layout knows its direction from the node tree (Yoga's `direction`, see layout/direction.ts);
 * a component runs before its nodes are placed, so it learns the direction through its owner
 * instead, as a signal: the nearest `<Directionality>` (or `<I18nProvider>`, which is one) above
 * it, else the app's `direction` option. Both set the layout direction of the box they make,
 * so what a component reads and how its boxes are laid out agree. Widgets that mirror
 * themselves (arrows, a slider's fill, a pager's first page) read `useDirection()`.
 */
import { computed, effect, type ReadonlySignal } from '@preact/signals-core';
import { getOwner, reportError } from '../jsx/owner.js';
import { read, type Reactive } from '../jsx/reactive.js';
import type { Child } from '../jsx/element.js';
import { View } from '../components/primitives.js';
import type { StyleInput, StyleProp } from '../style/types.js';
import type { PlanarNode } from '../tree/node.js';
import { setLayoutDirection } from '../layout/direction.js';

/** Which way text and rows run: left to right, or right to left. */
export type Direction = 'ltr' | 'rtl';

const DIRECTION = Symbol('planar.direction');
const LEFT_TO_RIGHT: ReadonlySignal<Direction> = computed(() => 'ltr');

/** The direction a value names, or null when it names none. */
function asDirection(value: unknown): Direction | null {
  return value === 'ltr' || value === 'rtl' ? value : null;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/**
 * The direction the calling component reads in, as a signal: that of the nearest
 * `<Directionality>` or `<I18nProvider>` above it, else the app's `direction` ('ltr' outside an app).
 * @example
 * const dir = useDirection();
 * <Icon name="back" style={{ transform: () => ({ scaleX: dir.value === 'rtl' ? -1 : 1 }) }} />
 */
export function useDirection(): ReadonlySignal<Direction> {
  const found = getOwner()?.lookup(DIRECTION);
  return found?.found ? (found.value as ReadonlySignal<Direction>) : LEFT_TO_RIGHT;
}

/**
 * A checked direction from a reactive value: a value that names none is reported (once per
 * value) through `report` and reads as `fallback`.
 */
function checkedDirection(value: Reactive<Direction>, what: string, report: (error: Error) => void): ReadonlySignal<Direction> {
  let reported: unknown;
  return computed(() => {
    const v = read(value);
    const d = asDirection(v);
    if (!d && v !== reported) {
      reported = v;
      report(new Error(`${what} must be 'ltr' or 'rtl', got ${describe(v)}; using 'ltr'`));
    }
    return d ?? 'ltr';
  });
}

/**
 * @internal The app's direction (createApp's `direction` option): the root box lays out in it,
 * and components below read it through `useDirection()`. Returns the context entry and a dispose.
 */
export function bindAppDirection(root: PlanarNode, option: Reactive<Direction> | undefined, report: (error: Error) => void): {
  entry: [symbol, ReadonlySignal<Direction>];
  dispose: () => void;
} {
  const direction = checkedDirection(option ?? 'ltr', 'createApp: direction', report);
  const dispose = effect(() => setLayoutDirection(root, direction.value));
  return { entry: [DIRECTION, direction], dispose };
}

export interface DirectionalityProps {
  /** 'ltr' or 'rtl'; may be a signal or getter (the subtree flips in place when it changes). */
  direction: Reactive<Direction>;
  /** The box's style; by default it takes the space its parent gives (`flexGrow: 1`, `alignSelf: 'stretch'`). */
  style?: StyleProp;
  children?: Child;
}

/**
 * Lays its children out in a direction, and tells the components below (`useDirection()`),
 * so rows, `start`/`end` edges, text and mirroring widgets all follow it.
 * @example
 * <Directionality direction="rtl"><SettingsRow /></Directionality>
 */
export function Directionality(props: DirectionalityProps): Child {
  const owner = getOwner();
  const direction = checkedDirection(props.direction, '<Directionality> direction', (e) => reportError(e, owner));
  return directionBox(direction, props.style, props.children);
}

/** @internal A box in `direction` whose components read it through `useDirection()`. */
export function directionBox(direction: ReadonlySignal<Direction>, style: StyleProp | undefined, children: Child): Child {
  const owner = getOwner();
  if (owner) (owner.contexts ??= new Map()).set(DIRECTION, direction);
  return View({
    style: () => ({ flexGrow: 1, alignSelf: 'stretch', ...(read(style) as StyleInput | undefined), direction: direction.value }),
    children,
  });
}
