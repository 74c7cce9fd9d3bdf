/**
 * A value inside a range, checked: what ProgressBar and Gauge show. An impossible range or
 * value is reported (widget, prop, value, what to do) through the toolkit's prop-error path
 * and replaced by the nearest valid one, so the widget always draws something sensible.
 */
import { effect, onCleanup, onMount, reportPropError, signal, type NodeHandle } from '@planar/toolkit';

/** A bad prop and what the widget used instead. */
export interface PropProblem { prop: string; value: unknown; problem: string }

/** A checked range and value, and what was wrong with the props. */
export interface CheckedRange { min: number; max: number; value: number; problems: PropProblem[] }

/**
 * Checks `min`, `max` and `value` (`value` may be undefined: no value, e.g. indeterminate).
 * @example checkRange(150, 0, 100)   // { min: 0, max: 100, value: 100, problems: [{ prop: 'value', … }] }
 */
export function checkRange(value: number | undefined, min: number, max: number, defaults: { min: number; max: number }): CheckedRange {
  const problems: PropProblem[] = [];
  if (!Number.isFinite(min)) {
    problems.push({ prop: 'min', value: min, problem: `must be a finite number; using ${defaults.min}` });
    min = defaults.min;
  }
  if (!Number.isFinite(max)) {
    problems.push({ prop: 'max', value: max, problem: `must be a finite number; using ${Math.max(defaults.max, min + 1)}` });
    max = Math.max(defaults.max, min + 1);
  }
  if (max <= min) {
    problems.push({ prop: 'max', value: max, problem: `must be greater than min (${min}); using ${min + 1}` });
    max = min + 1;
  }
  let v = value ?? min;
  if (value !== undefined) {
    if (!Number.isFinite(value)) {
      problems.push({ prop: 'value', value, problem: `must be a finite number between ${min} and ${max}; using ${min}` });
      v = min;
    } else if (value < min || value > max) {
      v = Math.min(max, Math.max(min, value));
      problems.push({ prop: 'value', value, problem: `must be between min (${min}) and max (${max}); using ${v}` });
    }
  }
  return { min, max, value: v, problems };
}

/**
 * Reports the problems `check()` finds on the node behind `ref`, once mounted and again
 * whenever they change (the toolkit reports a given prop and value once).
 * @example reportProblems(ref, () => range().problems);
 */
export function reportProblems(ref: { readonly current: NodeHandle | null }, check: () => readonly PropProblem[]): void {
  const mounted = signal(false);
  onMount(() => (mounted.value = true));
  onCleanup(effect(() => {
    const problems = check();
    const handle = ref.current;
    if (!mounted.value || !handle) return;
    for (const p of problems) reportPropError(handle, p.prop, p.value, p.problem);
  }));
}
