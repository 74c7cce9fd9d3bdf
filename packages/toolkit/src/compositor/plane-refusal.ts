/**
 * Why a layer was left without a plane, in one reason a person can act on.
 *
 * The search meets many refusals: every plane a layer is tried on may say no, in every branch.
 * It keeps the first one per layer and plane (later ones repeat it, or depend on what the branch
 * put on the other planes). A person asking "why is my popup composited?" needs one reason, and
 * the first the search met is often the wrong one: planes are tried from the top of the stack,
 * where the small cursor plane sits, so "larger than 64x64" would explain every popup. So the
 * reason is chosen, in this order:
 *
 *   1. a rule the layer breaks from the start: `plane="never"`, partly outside the output, or
 *      under such a layer (the search never tries those);
 *   2. a composited layer above that overlaps it: on a plane it would hide that layer;
 *   3. a full-screen layer the primary plane refuses by its rules (format, alpha): the root
 *      layer belongs there, and the composition layer takes its place;
 *   4. no plane but the primary exists, or no other plane fits the layer by its rules (format,
 *      size, scaling, alpha): the rule most of them give;
 *   5. the first refusal met on a plane that fits it: the display's test commit said no (its
 *      own limits: bandwidth, scalers), or the Z order of overlapping layers could not be kept;
 *   6. else the planes that fit it went to layers of higher priority, or the search ran out of
 *      time before it got to them.
 */
import type { PlaneInfo } from '../backend/contract.js';
import { checkLayerOnPlane, coversOutput, type OutputSize, type RuleLayer } from './plane-rules.js';

export type Refusal =
  /** The layer asks never to be on a plane (`plane="never"`). */
  | { kind: 'never' }
  /** Planes here do not clip: a layer partly outside the output is composited. */
  | { kind: 'outside' }
  /** A composited layer above overlaps it: on a plane it would hide that layer. */
  | { kind: 'covered'; by: number }
  /** A rule of the plane the display describes (format, size, scaling, alpha). */
  | { kind: 'rule'; planeId: number; rule: string }
  /** On this plane, it and a layer it overlaps could not be stacked in their Z order. */
  | { kind: 'stack'; planeId: number; other: number }
  /** The display's test commit refused it, for a reason of its own (bandwidth, scalers, …). */
  | { kind: 'test'; planeId: number }
  /** No plane but the primary fits it by its rules; `rule` is what most of them say. */
  | { kind: 'unfit'; rule: string }
  /** The search ran out of its budget before it could place the layer. */
  | { kind: 'deadline'; budgetMs: number }
  /** Every plane that could take it went to a layer of higher priority. */
  | { kind: 'no-plane' };

export interface RefusalFacts {
  layer: RuleLayer;
  /** The display's planes, the primary first. */
  planes: readonly PlaneInfo[];
  output: OutputSize;
  /** Plane id → the first refusal the search met for the layer on that plane. */
  refused: ReadonlyMap<number, Refusal> | undefined;
  /** A composited layer above that overlaps it, if any. */
  coveredBy: RuleLayer | undefined;
  timedOut: boolean;
  budgetMs: number;
}

/** The one reason a layer the search left composited (and could have tried) has no plane; see the top of this file. */
export function explainRefusal(facts: RefusalFacts): Refusal {
  const { layer, planes, output, refused } = facts;
  if (facts.coveredBy) return { kind: 'covered', by: facts.coveredBy.id };
  const [primary, ...others] = planes;
  if (coversOutput(layer, output)) {
    const onPrimary = checkLayerOnPlane(primary, output, layer);
    if (!onPrimary.ok) return { kind: 'rule', planeId: primary.id, rule: onPrimary.reason };
  }
  if (!others.length) return { kind: 'no-plane' };
  const unfit = new Map<string, number>();
  const fit: PlaneInfo[] = [];
  for (const plane of others) {
    const check = checkLayerOnPlane(plane, output, layer);
    if (check.ok) fit.push(plane);
    else unfit.set(check.reason, (unfit.get(check.reason) ?? 0) + 1);
  }
  if (!fit.length) {
    const [rule] = [...unfit].sort((a, b) => b[1] - a[1])[0];
    return { kind: 'unfit', rule };
  }
  // The first refusal the search met on a plane that fits (the map keeps the order they came in).
  for (const [planeId, why] of refused ?? []) {
    if (fit.some((p) => p.id === planeId)) return why;
  }
  return facts.timedOut ? { kind: 'deadline', budgetMs: facts.budgetMs } : { kind: 'no-plane' };
}

/** A refusal in words, for the debug outline and tests: `nameOf` names a layer by its id. */
export function describeRefusal(refusal: Refusal, nameOf: (id: number) => string): string {
  switch (refusal.kind) {
    case 'never': return 'plane="never"';
    case 'outside': return 'partly outside the output';
    case 'covered': return `overlaps composited ${nameOf(refusal.by)} above it`;
    case 'rule': return `plane ${refusal.planeId}: ${refusal.rule}`;
    case 'stack': return `plane ${refusal.planeId} cannot keep it in Z order with ${nameOf(refusal.other)}`;
    case 'test': return `plane ${refusal.planeId} refused it in a test commit`;
    case 'unfit': return `no plane fits it: ${refusal.rule}`;
    case 'deadline': return `the search ran out of time (${formatMs(refusal.budgetMs)})`;
    case 'no-plane': return 'no free plane';
  }
}

function formatMs(ms: number): string {
  return `${Number(ms.toPrecision(3))} ms`;
}
