/**
 * From committed states to the rectangles of the output that changed: what the preview sends.
 *
 * A commit says, per layer, where its buffer shows on the output and what changed inside the
 * buffer since the display last showed that layer (`damage`, buffer px). The output is those
 * layers blended bottom to top, so an output pixel can change only when a layer over it changed
 * its pixels there, or a layer started or stopped covering it, or covers it differently. The
 * rectangles are found in four steps:
 *
 * 1. Pair the layers of the new state with those of the state shown before, by layer id.
 *
 * 2. A layer in both whose placement is the same (output position and size, the part of the
 *    buffer shown, opacity and its place in the stack) contributes its damage mapped to the
 *    output: each damage rect is cut to the part of the buffer shown (`source`), then moved by
 *    the layer's position less the source's offset. Damage outside the shown part is invisible.
 *
 *        buffer                           output
 *        ┌───────────────┐                ┌──────────────────────┐
 *        │  source ┌───┐ │  − source.xy   │       layer.xy ┌───┐ │
 *        │  ┌──────┼─┐ │ │  + layer.xy    │          ┌─────┼─┐ │ │
 *        │  │damage└─┼─┘ │  ───────────►  │          │     └─┼─┘ │
 *        │  └────────┘   │                │          └───────┘   │
 *        └───────────────┘                └──────────────────────┘
 *
 * 3. A layer whose placement changed (it moved, scrolled its source, faded, changed its place
 *    in the stack) contributes its old and its new rectangle on the output whole; a layer that
 *    appeared contributes its new one, a layer that disappeared its old one. What lay under
 *    those rectangles is exposed or covered, so all of it is sent again.
 *
 * 4. The rectangles are cut to the output and merged: two rectangles become their bounding box
 *    when the box wastes (covers beyond the two) no more than MERGE_SLACK pixels, repeated until
 *    no pair merges, so a run of neighbouring glyphs or an overlapping old and new position go
 *    as one rect. Past MAX_RECTS, the pair whose box wastes least is merged until few enough
 *    remain: each rect costs a header and a draw call on the page.
 *
 * With no state before (a new viewer, a resized output) the whole output is one rectangle.
 */
import type { DamageRect, LayerState } from '@planar/toolkit/backend';

/** Pixels a merged box may cover beyond the two rects it joins (about one 32x32 tile). */
const MERGE_SLACK = 1024;
/** At most this many rects go in one frame. */
const MAX_RECTS = 24;

/** Where a layer shows and how: what must match for its damage alone to describe the change. */
function placement(layer: LayerState): string {
  const s = layer.source;
  return [layer.x, layer.y, ...shownSize(layer), layer.opacity, layer.zpos, s?.x ?? 0, s?.y ?? 0].join(',');
}

/** The size a layer covers on the output: its source's (planes here do not scale, as headless). */
function shownSize(layer: LayerState): [number, number] {
  const s = layer.source;
  return s ? [s.width, s.height] : [layer.bufferWidth, layer.bufferHeight];
}

/** The rectangle a layer covers on the output. */
export function layerRect(layer: LayerState): DamageRect {
  const [width, height] = shownSize(layer);
  return { x: layer.x, y: layer.y, width, height };
}

/** A layer's buffer damage on the output (step 2). */
function damageOnOutput(layer: LayerState): DamageRect[] {
  const s = layer.source ?? { x: 0, y: 0, width: layer.bufferWidth, height: layer.bufferHeight };
  const out: DamageRect[] = [];
  for (const d of layer.damage) {
    const cut = intersect(d, s);
    if (cut) out.push({ x: cut.x - s.x + layer.x, y: cut.y - s.y + layer.y, width: cut.width, height: cut.height });
  }
  return out;
}

/**
 * The rectangles of the output that differ between the state shown before (`before`, null when
 * nothing was) and `after`, merged and cut to the output.
 * @example damageRects(lastState.layers, state.layers, { width: 800, height: 480 });
 */
export function damageRects(before: readonly LayerState[] | null, after: readonly LayerState[], output: { width: number; height: number }): DamageRect[] {
  const whole = { x: 0, y: 0, width: output.width, height: output.height };
  if (!before) return output.width > 0 && output.height > 0 ? [whole] : [];
  const old = new Map(before.map((l) => [l.id, l]));
  const rects: DamageRect[] = [];
  for (const layer of after) {
    const was = old.get(layer.id);
    old.delete(layer.id);
    if (was && placement(was) === placement(layer)) rects.push(...damageOnOutput(layer));
    else {
      if (was) rects.push(layerRect(was));
      rects.push(layerRect(layer));
    }
  }
  for (const gone of old.values()) rects.push(layerRect(gone));
  const inside = rects.map((r) => intersect(snap(r), whole)).filter((r): r is DamageRect => r !== null);
  return mergeRects(inside);
}

/** Step 4: neighbours and overlaps joined, at most MAX_RECTS left. */
export function mergeRects(rects: readonly DamageRect[]): DamageRect[] {
  const out = [...rects];
  let merged = true;
  while (merged) {
    merged = false;
    for (let i = 0; i < out.length && !merged; i++) {
      for (let j = i + 1; j < out.length; j++) {
        if (waste(out[i]!, out[j]!) > MERGE_SLACK) continue;
        out[i] = union(out[i]!, out[j]!);
        out.splice(j, 1);
        merged = true;
        break;
      }
    }
  }
  while (out.length > MAX_RECTS) {
    let best = [0, 1], least = Infinity;
    for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const w = waste(out[i]!, out[j]!);
        if (w < least) [least, best] = [w, [i, j]];
      }
    }
    out[best[0]!] = union(out[best[0]!]!, out[best[1]!]!);
    out.splice(best[1]!, 1);
  }
  return out;
}

/** Pixels the bounding box of a and b covers beyond a and b (negative when they overlap). */
function waste(a: DamageRect, b: DamageRect): number {
  const box = union(a, b);
  return box.width * box.height - a.width * a.height - b.width * b.height;
}

function union(a: DamageRect, b: DamageRect): DamageRect {
  const x = Math.min(a.x, b.x), y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/** The common part of two rects, or null when they do not meet. */
export function intersect(a: DamageRect, b: DamageRect): DamageRect | null {
  const x = Math.max(a.x, b.x), y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width), bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/** Whole pixels covering `r`. */
function snap(r: DamageRect): DamageRect {
  const x = Math.floor(r.x), y = Math.floor(r.y);
  return { x, y, width: Math.ceil(r.x + r.width) - x, height: Math.ceil(r.y + r.height) - y };
}
