/**
 * Why a layer was left without a plane: the first refusal the allocator met for it.
 *
 * The search meets many refusals (every candidate plane a layer is tried on may say no), but a
 * person asking "why is my popup composited?" needs one, and the first is the telling one: the
 * allocator tries layers on the top-most planes first, in priority order, so the first refusal is
 * where the layer's best chance ended. Later refusals are kept out so that a reason does not flip
 * from frame to frame with the search's order. A layer that no plane ever refused was left out
 * because the planes went to other layers, or because the search ran out of time first.
 */
import type { PlaneInfo } from '../backend/contract.js';
import { checkLayerOnPlane, type OutputSize, type RuleLayer } from './plane-rules.js';

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
  /** The search ran out of its budget before it could place the layer. */
  | { kind: 'deadline'; budgetMs: number }
  /** Every plane that could take it went to a layer of higher priority. */
  | { kind: 'no-plane' };

/** Why the display refused `layer` on `plane` in a test: a plane rule it breaks, else the device's own reason. */
export function testRefusal(plane: PlaneInfo, output: OutputSize, layer: RuleLayer): Refusal {
  const alone = checkLayerOnPlane(plane, output, layer);
  return alone.ok ? { kind: 'test', planeId: plane.id } : { kind: 'rule', planeId: plane.id, rule: alone.reason };
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
    case 'deadline': return `the search ran out of time (${formatMs(refusal.budgetMs)})`;
    case 'no-plane': return 'no free plane';
  }
}

function formatMs(ms: number): string {
  return `${Number(ms.toPrecision(3))} ms`;
}
