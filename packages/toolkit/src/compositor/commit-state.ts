/**
 * The commit state of a frame: for every plane in use, the display buffer it shows, where, and
 * the damage to hand to the display with it.
 *
 *   1. Layers left off the planes remember their damage in their pools (their buffers miss it)
 *      and will send everything when they next get a plane.
 *   2. The planes to write: a layer with damage, stale buffers, a new plane or no buffer yet;
 *      the composition layer when something was composed. External layers shown as they are
 *      are never written: their frame is the buffer.
 *   3. If some plane to write has no free buffer, nothing is written: every pool remembers this
 *      frame's damage and the frame is skipped (the next one commits it).
 *   4. Each written plane gets a free buffer with this frame's damage ∪ what that buffer missed.
 *   5. The damage sent is what changed since the plane last showed this layer (`unsent`): every
 *      frame not sent since, or all of it when the plane showed something else.
 */
import type { DamageRect, Display, DisplayBuffer, LayerState } from '../backend/contract.js';
import type { CompositionLayer } from './composition-layer.js';
import type { ExternalFrames } from './external-frames.js';
import type { LayerRecord } from './layer-record.js';
import { COMPOSITION_LAYER_ID, type Allocation } from './plane-allocator.js';
import { mergeRects } from './rects.js';
import type { FrameStats } from './stats.js';

export interface CommitInput {
  display: Display;
  composition: CompositionLayer;
  frames: ExternalFrames;
  visible: LayerRecord[];
  allocation: Allocation;
  /** What the composition layer recomposed this frame. */
  composed: DamageRect[];
  stats: FrameStats;
}

/**
 * Copies into the display buffers of every plane and returns the state to commit, or null
 * when some plane has no free buffer (the frame is skipped; its damage is remembered).
 */
export function commitState({ display, composition, frames, visible, allocation, composed, stats }: CommitInput): LayerState[] | null {
  const planes: { r: LayerRecord | null; planeId: number }[] = allocation.assignment.map((a) => ({
    planeId: a.planeId, r: a.layer.id === COMPOSITION_LAYER_ID ? null : visible.find((v) => v.id === a.layer.id)!,
  }));
  // Every pool that is not written this frame still has to remember what changed.
  for (const r of visible) {
    const onPlane = planes.some((p) => p.r === r);
    if (!onPlane) {
      r.pool?.remember(r.damage);
      r.plane = null;
      r.unsent = 'all';
    }
  }

  const writes = planes.filter(({ r }) => (r
    ? !r.direct && (r.damage.length > 0 || r.stale || r.plane === null || !r.pool?.current)
    : composed.length > 0 || composition.pending || !composition.pool!.current));
  const poolOf = (r: LayerRecord | null) => (r ? r.buffers(display) : composition.pool!);
  if (writes.some(({ r }) => !poolOf(r).hasFree())) {
    for (const { r } of planes) {
      if (r?.direct) continue;
      poolOf(r).remember(r ? r.damage : composed);
      if (r) r.stale = true;
      else composition.pending = true;
    }
    return null;
  }
  composition.pending = false;
  const state: LayerState[] = [];
  for (const { r, planeId } of planes) {
    let buffer: DisplayBuffer | null;
    let damage: DamageRect[] = [];
    if (r?.direct) {
      const imported = frames.import(r);
      if (!imported) return null;
      buffer = imported.buffer;
    } else {
      const pool = poolOf(r);
      const surface = r ? r.surface! : composition.surface!;
      if (writes.some((w) => w.r === r)) {
        const target = pool.acquire(r ? r.damage : composed)!;
        stats.copiedBytes += target.buffer.write(surface.pixels(), surface.stride, mergeRects(target.copy, surface.width, surface.height));
        buffer = target.buffer;
      } else {
        buffer = pool.current;
      }
    }
    // What changed since this plane last showed this layer: every frame not sent since, or all of it.
    const full = [{ x: 0, y: 0, width: buffer!.width, height: buffer!.height }];
    if (r) {
      damage = r.plane !== planeId || r.unsent === 'all' ? full : mergeRects(r.unsent, buffer!.width, buffer!.height);
      r.plane = planeId;
      r.stale = false;
      r.unsent = [];
    } else {
      const unsent = composition.unsent;
      damage = unsent === 'all' ? full : mergeRects(unsent, buffer!.width, buffer!.height);
      composition.unsent = [];
    }
    // The part shown: a layer cut by its clip or the output's edge shows a source rectangle of its buffer.
    const view = r?.view;
    const whole = !view || (view.source.x === 0 && view.source.y === 0 && view.width === buffer!.width && view.height === buffer!.height);
    state.push({
      id: r ? r.id : COMPOSITION_LAYER_ID, planeId, zpos: allocation.zpos.get(planeId) ?? 0, buffer,
      bufferWidth: buffer!.width, bufferHeight: buffer!.height, format: buffer!.format,
      ...(whole ? {} : { source: { ...view!.source } }),
      x: view ? view.x : 0, y: view ? view.y : 0, width: view ? view.width : buffer!.width, height: view ? view.height : buffer!.height,
      opacity: r ? r.opacity : 1, damage,
    });
  }
  return state;
}

/** Adds a frame's damage to what a layer has not sent yet (capped: past 32 rects, all of it). */
export function addUnsent(r: LayerRecord, damage: readonly DamageRect[]): void {
  if (r.unsent === 'all' || !damage.length) return;
  r.unsent = capped([...r.unsent, ...damage]);
}

function capped(rects: DamageRect[]): DamageRect[] | 'all' {
  return rects.length > 32 ? 'all' : rects;
}
