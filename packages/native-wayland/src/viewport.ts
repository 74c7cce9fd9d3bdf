/**
 * What a layer's wp_viewport on its subsurface says: the part of the layer's buffer shown (the
 * source) and the size it takes on the window (the destination, in surface units).
 *
 *   source       the layer's `source`, as it is. Subsurfaces keep buffer scale 1 (their size on
 *                the window comes from the destination), so a source unit, which is a buffer
 *                px over the buffer scale, is a buffer px. No source: the whole buffer (unset).
 *   destination  the layer's on-screen size over the output scale, set whenever the buffer is
 *                not shown one buffer px to one surface unit: an output scale other than 1, a
 *                scaled layer, or a source (the surface then takes the on-screen size, not the
 *                buffer's). Otherwise unset: the surface is the buffer's size.
 *
 * Both are double-buffered on the subsurface's wl_surface: the display sends them only when
 * they change, and commits the subsurface for it even when its buffer stays (a scroll), with
 * the whole surface damaged in surface units (wl_surface.damage): what it shows changed
 * everywhere, a compositor may repaint only damage, and buffer damage without a buffer
 * attached in the same commit is dropped (weston 10 does both).
 *
 * Known compositor limit: wlroots 0.15's pixman renderer (sway 1.7 and cage headless, as in
 * the e2e suites) scales by the source's size but ignores its offset ("TODO clip properly
 * with src_x and src_y"), so there a source not at 0,0 shows the buffer from its top left.
 * weston 10's pixman renderer shows it right (test/wayland/crop.test.ts).
 */
import type { DamageRect, LayerState } from '@planar/toolkit/backend';
import type { NativeSubsurface } from './native.js';

export interface LayerViewport {
  source: DamageRect | null;
  destination: { width: number; height: number } | null;
}

/** The viewport a subsurface has before anything is set: the buffer whole, at its own size. */
export const UNSET_VIEWPORT: LayerViewport = { source: null, destination: null };

type ViewedLayer = Pick<LayerState, 'source' | 'width' | 'height' | 'bufferWidth' | 'bufferHeight'>;

/** The viewport that shows `layer` at an output scale of `scale` output px per surface unit. */
export function layerViewport(layer: ViewedLayer, scale: number): LayerViewport {
  const source = layer.source ? { ...layer.source } : null;
  const scaled = layer.width !== layer.bufferWidth || layer.height !== layer.bufferHeight;
  const destination = source || scaled || scale !== 1 ? { width: Math.round(layer.width / scale), height: Math.round(layer.height / scale) } : null;
  return { source, destination };
}

/** Whether two viewports set the same source and destination. */
export function sameViewport(a: LayerViewport, b: LayerViewport): boolean {
  const s = a.source, t = b.source, d = a.destination, e = b.destination;
  const sameSource = s === t || (!!s && !!t && s.x === t.x && s.y === t.y && s.width === t.width && s.height === t.height);
  const sameDestination = d === e || (!!d && !!e && d.width === e.width && d.height === e.height);
  return sameSource && sameDestination;
}

/** The subsurface's size in surface units: the destination, else the buffer's (buffer scale 1). */
export function surfaceSize(layer: Pick<LayerState, 'bufferWidth' | 'bufferHeight'>, viewport: LayerViewport): { width: number; height: number } {
  return viewport.destination ?? { width: layer.bufferWidth, height: layer.bufferHeight };
}

/** Sends `next` to the subsurface's viewport where it differs from `previous` (-1s unset); true when anything was sent. */
export function applyViewport(sub: Pick<NativeSubsurface, 'setSource' | 'setDestination'>, next: LayerViewport, previous: LayerViewport): boolean {
  if (sameViewport(next, previous)) return false;
  const s = next.source, d = next.destination;
  sub.setSource(s?.x ?? -1, s?.y ?? -1, s?.width ?? -1, s?.height ?? -1);
  sub.setDestination(d?.width ?? -1, d?.height ?? -1);
  return true;
}
