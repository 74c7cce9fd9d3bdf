/**
 * Bad-prop reports from a widget's getters, which may run before the widget's node exists
 * (a style getter runs while the node is being made, before its ref is set): a report made
 * then waits for the mount; later ones go straight to the toolkit, which shows each once.
 */
import { onMount, reportPropError, type NodeHandle } from '@planar/toolkit';

/** Reports a bad prop on the node behind `ref`: what is wrong and which value is used instead. */
export type PropReporter = (prop: string, value: unknown, problem: string) => void;

/**
 * A reporter for the widget whose root node is behind `ref` (call during the component).
 * @example
 * const report = usePropReporter(ref);
 * if (!(size > 0)) report('size', size, 'must be positive; drawing at 24');
 */
export function usePropReporter(ref: { readonly current: NodeHandle | null }): PropReporter {
  let pending: [string, unknown, string][] | null = [];
  onMount(() => {
    const waiting = pending ?? [];
    pending = null;
    if (ref.current) for (const [prop, value, problem] of waiting) reportPropError(ref.current, prop, value, problem);
  });
  return (prop, value, problem) => {
    if (pending) pending.push([prop, value, problem]);
    else if (ref.current) reportPropError(ref.current, prop, value, problem);
  };
}
