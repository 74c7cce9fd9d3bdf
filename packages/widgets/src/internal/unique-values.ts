/**
 * Choices keyed by value (select options, tabs): the first choice with a value is kept and a
 * later one with the same value is left out, with a report that names the repeated label.
 */
import type { PropProblem } from '../progress-bar-range.js';

/**
 * `list` without its repeated values, and one problem per choice left out.
 * @example uniqueByValue(options, 'options', 'option')   // { kept, problems }
 */
export function uniqueByValue<T, C extends { value: T; label: string }>(list: readonly C[], prop: string, noun: string): { kept: C[]; problems: PropProblem[] } {
  const problems: PropProblem[] = [];
  const seen = new Set<T>();
  const kept: C[] = [];
  for (const c of list) {
    if (seen.has(c.value)) problems.push({ prop, value: c.value, problem: `the value is given to more than one ${noun} ("${c.label}" repeats it); leaving the later one out` });
    else {
      seen.add(c.value);
      kept.push(c);
    }
  }
  return { kept, problems };
}
