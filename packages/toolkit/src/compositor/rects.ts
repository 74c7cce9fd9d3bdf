/** Damage rects as the compositor hands them on: merged, so no pixel is painted or copied twice. */
import type { DamageRect } from '../backend/contract.js';
import { DamageTracker } from '../tree/damage.js';
import { intersect, isEmpty, roundOut } from '../tree/geometry.js';
import { toDamage, toRect } from './composition-layer.js';

/** Merges rects (so no pixel is painted or copied twice) and clips them to a `width`×`height` surface. */
export function mergeRects(rects: readonly DamageRect[], width: number, height: number): DamageRect[] {
  const bounds = { left: 0, top: 0, right: width, bottom: height };
  // One rect (a label's change, most frames) has nothing to merge with: rounded out and clipped, as the tracker would.
  if (rects.length === 1) {
    const r = intersect(roundOut(toRect(rects[0]!)), bounds);
    return isEmpty(r) ? [] : [toDamage(r)];
  }
  const t = new DamageTracker(bounds, 32, 0);
  for (const r of rects) t.add(toRect(r));
  return t.take().map((r) => intersect(r, bounds)).filter((r) => !isEmpty(r)).map(toDamage);
}
