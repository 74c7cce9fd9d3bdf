/**
 * The rules a display applies when it is asked whether some layers can go on some planes.
 *
 * A mock or headless display answers `test()` with `checkAssignment`; the plane allocator uses
 * `stackPlanes` itself to keep the Z order of overlapping layers, because a real device's
 * TEST_ONLY commit knows nothing about which layer is meant to be above which.
 *
 * Z order of layers: by `zIndex`, ties broken by `id` (the root layer is 0). Z order of planes:
 *   - `zpos: null` (a device without zpos, like vkms): primary < overlays by ascending id < cursor;
 *   - immutable zpos: the plane sits at `zpos.min` (immutable planes report min === max);
 *   - mutable zpos: anywhere in `min..max`; the allocator picks the value.
 * Two layers that overlap must be stacked in their Z order; two planes with the same fixed
 * position have no defined order, so they cannot hold overlapping layers.
 */
import type { DamageRect, DisplayState, FrameFormat, PlaneInfo } from '../backend/contract.js';
import { planeTakes } from '../backend/video-formats.js';

/** What the rules need to know of a layer, in physical output pixels. */
export interface RuleLayer {
  id: number;
  /** Position and size on the output. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Size of the buffer; differs from width/height when the layer is scaled. */
  bufferWidth: number;
  bufferHeight: number;
  /** The part of the buffer shown (absent: all of it); its size differs from width/height when scaled. */
  source?: DamageRect;
  format: FrameFormat;
  opacity: number;
  zIndex: number;
}

/** The part of a layer's buffer it shows: its source, or the whole buffer. */
export function sourceOf(layer: RuleLayer): DamageRect {
  return layer.source ?? { x: 0, y: 0, width: layer.bufferWidth, height: layer.bufferHeight };
}

/** Whether a layer shows less than its whole buffer. */
export function isCropped(layer: RuleLayer): boolean {
  const s = sourceOf(layer);
  return s.x !== 0 || s.y !== 0 || s.width !== layer.bufferWidth || s.height !== layer.bufferHeight;
}

export interface OutputSize { width: number; height: number }

/** One plane showing one layer. */
export interface PlaneAssignment { planeId: number; layer: RuleLayer }

/** The planes that are in use; a plane not listed is disabled. */
export type Assignment = readonly PlaneAssignment[];

export type RuleResult = { ok: true } | { ok: false; reason: string };

/** Whether two layers share at least one pixel on the output. */
export function overlaps(a: RuleLayer, b: RuleLayer): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether `a` is above `b` in Z order (zIndex, then id). */
export function isAbove(a: RuleLayer, b: RuleLayer): boolean {
  return a.zIndex !== b.zIndex ? a.zIndex > b.zIndex : a.id > b.id;
}

/** Compares two layers bottom to top, for `Array.prototype.sort`. */
export function compareZ(a: RuleLayer, b: RuleLayer): number {
  return a.zIndex !== b.zIndex ? a.zIndex - b.zIndex : a.id - b.id;
}

/** Whether the layer lies entirely inside the output. */
export function insideOutput(layer: RuleLayer, output: OutputSize): boolean {
  return layer.x >= 0 && layer.y >= 0 && layer.x + layer.width <= output.width && layer.y + layer.height <= output.height;
}

/** Whether a layer shows anything on the output. */
export function isVisible(layer: RuleLayer, output: OutputSize): boolean {
  return layer.opacity > 0 && layer.width > 0 && layer.height > 0 &&
    layer.x < output.width && layer.y < output.height && layer.x + layer.width > 0 && layer.y + layer.height > 0;
}

/** Whether the layer covers the whole output from (0,0). */
export function coversOutput(layer: RuleLayer, output: OutputSize): boolean {
  return layer.x === 0 && layer.y === 0 && layer.width === output.width && layer.height === output.height;
}

/** The stack positions a plane can take: [lo, hi]. */
export function planeRange(planes: readonly PlaneInfo[], plane: PlaneInfo): { lo: number; hi: number } {
  if (plane.zpos) {
    return plane.zpos.mutable ? { lo: plane.zpos.min, hi: plane.zpos.max } : { lo: plane.zpos.min, hi: plane.zpos.min };
  }
  // No zpos: primary at 0, overlays 1..n in id order, cursor above them all.
  if (plane.type === 'primary') return { lo: 0, hi: 0 };
  const overlays = planes.filter((p) => p.type === 'overlay');
  if (plane.type === 'cursor') return { lo: overlays.length + 1, hi: overlays.length + 1 };
  const rank = 1 + overlays.filter((p) => p.id < plane.id).length;
  return { lo: rank, hi: rank };
}

/** On failure, `pair` is the two overlapping layers (above, below) whose order the planes cannot keep, when that is the cause. */
export type StackResult = { ok: true; zpos: Map<number, number> } | { ok: false; reason: string; pair?: [number, number] };

/**
 * Finds a stack position for every plane in use such that overlapping layers keep their Z order,
 * or says why there is none. Walking the layers bottom to top and giving each plane the lowest
 * position it may take (its `lo`, or one above every overlapping layer below it) yields the
 * least solution of these constraints, so a plane pushed past its `hi` means no solution exists.
 * Returns plane id → position (the value to set on planes with mutable zpos).
 */
export function stackPlanes(planes: readonly PlaneInfo[], assignment: Assignment): StackResult {
  const sorted = [...assignment].sort((a, b) => compareZ(a.layer, b.layer));
  const zpos = new Map<number, number>();
  for (let i = 0; i < sorted.length; i++) {
    const { planeId, layer } = sorted[i];
    const plane = planes.find((p) => p.id === planeId);
    if (!plane) return { ok: false, reason: `no plane ${planeId}` };
    const { lo, hi } = planeRange(planes, plane);
    let z = lo;
    let below: PlaneAssignment | null = null;
    for (let j = 0; j < i; j++) {
      const other = sorted[j];
      const oz = zpos.get(other.planeId)!;
      if (oz + 1 > z && overlaps(layer, other.layer)) {
        z = oz + 1;
        below = other;
      }
    }
    if (z > hi) {
      if (!below) return { ok: false, reason: `plane ${planeId} cannot take stack position ${z}` };
      const reason = `layer ${layer.id} overlaps layer ${below.layer.id} below it, but plane ${planeId} cannot be stacked above plane ${below.planeId}`;
      return { ok: false, reason, pair: [layer.id, below.layer.id] };
    }
    zpos.set(planeId, z);
  }
  return { ok: true, zpos };
}

/**
 * Whether a device with these planes takes this assignment: each plane holds at most one layer
 * and each layer sits on at most one plane; the format is one the plane scans out; sizes are
 * within the plane's limits; a layer is shown unscaled unless the plane scales, and whole unless
 * the plane crops; opacity below 1 needs a plane with an alpha property; the layer lies inside
 * the output (a layer partly off it is cropped to the part inside before it is planned); a `mustCoverOutput` plane holds a layer covering the output from (0,0); overlapping
 * layers can be stacked in their Z order (see `stackPlanes`).
 */
export function checkAssignment(planes: readonly PlaneInfo[], output: OutputSize, assignment: Assignment): RuleResult {
  const usedPlanes = new Set<number>();
  const usedLayers = new Set<number>();
  for (const { planeId, layer } of assignment) {
    const plane = planes.find((p) => p.id === planeId);
    if (!plane) return fail(`no plane ${planeId}`);
    if (usedPlanes.has(planeId)) return fail(`plane ${planeId} holds more than one layer`);
    if (usedLayers.has(layer.id)) return fail(`layer ${layer.id} is on more than one plane`);
    usedPlanes.add(planeId);
    usedLayers.add(layer.id);
    const alone = checkLayerOnPlane(plane, output, layer);
    if (!alone.ok) return fail(`layer ${layer.id} on plane ${planeId}: ${alone.reason}`);
  }
  for (const plane of planes) {
    if (plane.mustCoverOutput && !usedPlanes.has(plane.id)) return fail(`plane ${plane.id} must cover the output but is off`);
  }
  const stack = stackPlanes(planes, assignment);
  return stack.ok ? { ok: true } : fail(stack.reason);
}

/**
 * Whether a plane can show this layer, whatever the other planes show: the format is one the
 * plane scans out, sizes are within its limits, its source lies in its buffer, it scales if the
 * layer is scaled and crops if the layer shows part of its buffer, it has alpha if the layer is translucent, the layer lies inside the output and covers it if the plane must.
 * The reason, when it cannot, names the rule ("format ARGB8888 not supported").
 */
export function checkLayerOnPlane(plane: PlaneInfo, output: OutputSize, layer: RuleLayer): RuleResult {
  if (!planeTakes(plane, layer.format)) return fail(`format ${layer.format} not supported`);
  if (layer.width <= 0 || layer.height <= 0 || layer.bufferWidth <= 0 || layer.bufferHeight <= 0) return fail('empty');
  if (Math.max(layer.width, layer.bufferWidth) > plane.maxWidth || Math.max(layer.height, layer.bufferHeight) > plane.maxHeight) {
    return fail(`larger than ${plane.maxWidth}x${plane.maxHeight}`);
  }
  const source = sourceOf(layer);
  if (source.x < 0 || source.y < 0 || source.width <= 0 || source.height <= 0 || source.x + source.width > layer.bufferWidth || source.y + source.height > layer.bufferHeight) {
    return fail(`source ${source.width}x${source.height}+${source.x}+${source.y} is not inside its ${layer.bufferWidth}x${layer.bufferHeight} buffer`);
  }
  if (plane.crop === false && isCropped(layer)) return fail('the plane cannot crop (show part of its buffer)');
  if (!plane.scaling && (source.width !== layer.width || source.height !== layer.height)) return fail('the plane cannot scale');
  if (layer.opacity < 1 && !plane.alpha) return fail(`opacity ${layer.opacity} needs plane alpha`);
  if (!insideOutput(layer, output)) return fail('not inside the output');
  if (plane.mustCoverOutput && !coversOutput(layer, output)) return fail('the plane must cover the output');
  return { ok: true };
}

function fail(reason: string): RuleResult {
  return { ok: false, reason };
}

/**
 * `checkAssignment` for a display state: also checks the stack position each layer asks its
 * plane for. What a display that emulates planes (or knows no better) answers to `test()`.
 */
export function checkState(planes: readonly PlaneInfo[], output: OutputSize, state: DisplayState): RuleResult {
  for (const l of state.layers) {
    const plane = planes.find((p) => p.id === l.planeId);
    if (!plane) return fail(`no plane ${l.planeId}`);
    const { lo, hi } = planeRange(planes, plane);
    if (l.zpos < lo || l.zpos > hi) return fail(`plane ${plane.id} cannot take stack position ${l.zpos}`);
  }
  return checkAssignment(planes, output, state.layers.map((l) => ({
    planeId: l.planeId,
    layer: {
      id: l.id, x: l.x, y: l.y, width: l.width, height: l.height, bufferWidth: l.bufferWidth, bufferHeight: l.bufferHeight,
      source: l.source, format: l.format, opacity: l.opacity, zIndex: l.zpos,
    },
  })));
}
