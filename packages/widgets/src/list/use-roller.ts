/**
 * useRoller: a roller's behaviour apart from its looks — the chosen option (controlled or not),
 * the scroller that snaps to rows, steps, and keys and semantics.
 *
 * 1. The scroller's offset counts rows (roller-geometry.ts); it snaps every row height, and an
 *    infinite roller's scroller has no edges. Drags, flings and catches come from the shared
 *    scroll input binding; the wheel and keys step by whole options.
 * 2. The value follows the scroller only when it comes to rest (no motion, no finger): then
 *    the option in the band is chosen, and `onChange` is called once if it changed.
 * 3. A value set from outside scrolls the roller to it (the shorter way round when infinite).
 */
import {
  Scroller, computed, effect, onCleanup, read, reducedMotion, untracked,
  type KeyEvent, type NodeHandle, type Reactive, type ReadonlySignal, type SemanticsAction, type SemanticsProps,
} from '@planar/toolkit';
import type { StyleValues } from '../theme/index.js';
import { useControllable } from '../internal/controllable.js';
import { usePropReporter } from '../internal/prop-report.js';
import { contentLength, offsetOf, optionAt, type RollerGeometry } from './roller-geometry.js';

/** A roller's row height, logical px. */
export const ROLLER_ROW_HEIGHT = 40;

export interface RollerProps {
  /** The options, top to bottom. */
  options: Reactive<readonly string[]>;
  /** The chosen option's index. A writable signal is written directly (two-way); any other value makes the roller controlled. */
  value?: Reactive<number>;
  defaultValue?: number;
  /** Called once each time the roller comes to rest on another option. */
  onChange?: (index: number) => void;
  /** The last option is followed by the first, round and round (default false). */
  infinite?: boolean;
  /** Rows shown at once, the middle one chosen: 3 (default) or 5. */
  visibleRows?: 3 | 5;
  label?: Reactive<string | undefined>;
  disabled?: Reactive<boolean>;
  testId?: string;
  /** Overrides for the box (its width…). */
  style?: StyleValues;
}

export interface RollerBehaviour {
  scroller: Scroller;
  geometry: ReadonlySignal<RollerGeometry>;
  options: ReadonlySignal<readonly string[]>;
  /** The chosen option (the value, brought into range). */
  selected: ReadonlySignal<number>;
  /** Moves `count` options down (negative: up), from where a running step is heading. */
  step(count: number): void;
  disabled(): boolean;
  /** Props for the roller's box: focus, keys, semantics. */
  rootProps: { focusable: true; editable: true; onKeyDown: (e: KeyEvent) => void; semantics: SemanticsProps };
}

const KEY_STEPS: Record<string, number> = { ArrowDown: 1, EncoderCW: 1, ArrowUp: -1, EncoderCCW: -1, PageDown: 5, PageUp: -5 };

/**
 * The behaviour of a roller.
 * @example const roller = useRoller(props, ref); <View ref={ref} {...roller.rootProps}>…</View>
 */
export function useRoller(props: RollerProps, ref: { readonly current: NodeHandle | null }): RollerBehaviour {
  const report = usePropReporter(ref);
  const infinite = props.infinite === true;
  const visibleRows = props.visibleRows ?? 3;
  if (visibleRows !== 3 && visibleRows !== 5) report('visibleRows', visibleRows, 'must be 3 or 5; showing 3');
  const options = computed(() => {
    const list = read(props.options);
    if (Array.isArray(list) && list.every((o) => typeof o === 'string')) return list;
    report('options', list, 'must be an array of strings; showing none');
    return [] as readonly string[];
  });
  const rows = visibleRows === 5 ? 5 : 3;
  const geometry = computed((): RollerGeometry => ({ rowHeight: ROLLER_ROW_HEIGHT, visibleRows: rows, count: options.value.length, infinite }));
  const state = useControllable(props.value, props.defaultValue, 0, props.onChange);
  const selected = computed(() => {
    const n = options.value.length, v = state.value.value;
    if (n === 0) return -1;
    if (Number.isInteger(v) && v >= 0 && v < n) return v;
    report('value', v, `is not the index of an option (0..${n - 1}); showing the nearest`);
    return Number.isFinite(v) ? Math.max(0, Math.min(n - 1, Math.round(v))) : 0;
  });
  const scroller = new Scroller({ axis: 'y', snap: { interval: ROLLER_ROW_HEIGHT }, infinite });
  const disabled = () => props.disabled !== undefined && read(props.disabled) === true;
  /** Where a running step is heading, in rows (null at rest). */
  let aimed: number | null = null;

  onCleanup(effect(() => {
    const g = geometry.value;
    scroller.setExtents({ viewportWidth: 0, viewportHeight: g.visibleRows * g.rowHeight, contentWidth: 0, contentHeight: contentLength(g) });
  }));
  // A value from outside (and the first one) scrolls the roller there.
  let first = true;
  onCleanup(effect(() => {
    const v = selected.value, g = geometry.value;
    untracked(() => {
      const y = scroller.y.peek();
      if (v >= 0 && !scroller.dragging.peek() && aimed === null && optionAt(y, g) !== v) scroller.scrollTo(0, offsetOf(v, g, y), { animate: !first });
    });
    first = false;
  }));
  // At rest, the option in the band is the value.
  const settle = () => {
    aimed = null;
    const g = geometry.peek(), y = scroller.y.peek(), option = optionAt(y, g);
    if (option < 0) return;
    // Somewhere between rows (content that changed under it): onto the nearest row first.
    if (Math.abs(offsetOf(option, g, y) - y) > 0.5) scroller.scrollTo(0, offsetOf(option, g, y));
    else if (option !== selected.peek()) state.set(option);
  };
  onCleanup(effect(() => {
    if (!scroller.moving.value && !scroller.dragging.value) untracked(settle);
  }));

  const step = (count: number) => {
    const g = geometry.peek();
    if (disabled() || g.count === 0 || count === 0) return;
    const from = aimed ?? Math.round(scroller.y.peek() / g.rowHeight);
    const to = g.infinite ? from + count : Math.max(0, Math.min(g.count - 1, from + count));
    if (to === from) return;
    aimed = to;
    scroller.scrollTo(0, to * g.rowHeight, { animate: !untracked(reducedMotion) });
    if (!scroller.moving.peek()) settle();
  };

  return {
    scroller, geometry, options, selected, step, disabled,
    rootProps: {
      focusable: true,
      editable: true,
      onKeyDown: (e) => {
        const g = geometry.peek();
        if ((e.key === 'Home' || e.key === 'End') && !g.infinite && g.count > 0) {
          e.preventDefault();
          step((e.key === 'Home' ? 0 : g.count - 1) - (aimed ?? selected.peek()));
        } else if (KEY_STEPS[e.key] !== undefined) {
          e.preventDefault();
          step(KEY_STEPS[e.key]!);
        }
      },
      semantics: {
        role: 'spinbutton',
        label: () => read(props.label),
        value: () => {
          const i = selected.value, list = options.value;
          return i < 0 ? undefined : { now: i, min: 0, max: list.length - 1, text: list[i]! };
        },
        actions: ['increment', 'decrement'],
        onAction: (a: SemanticsAction) => step(a === 'increment' ? 1 : -1),
      },
    },
  };
}
