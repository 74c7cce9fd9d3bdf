/**
 * A layer's wp_viewport, case by case: what source and destination each kind of layer gets, the
 * surface size that follows, and what a subsurface is sent when a layer scrolls, stops
 * cropping, or stays as it was.
 */
import { describe, expect, it } from 'vitest';
import type { LayerState } from '@planar/toolkit/backend';
import { applyViewport, layerViewport, surfaceSize, UNSET_VIEWPORT, type LayerViewport } from '../src/viewport.js';

type Viewed = Pick<LayerState, 'source' | 'width' | 'height' | 'bufferWidth' | 'bufferHeight'>;
const whole: Viewed = { width: 300, height: 200, bufferWidth: 300, bufferHeight: 200 };
const window = (y: number): Viewed => ({ source: { x: 0, y, width: 300, height: 200 }, width: 300, height: 200, bufferWidth: 300, bufferHeight: 1200 });

describe('layerViewport', () => {
  it.each<[string, Viewed, number, LayerViewport]>([
    ['whole-buffer-at-scale-1: nothing set', whole, 1, UNSET_VIEWPORT],
    ['whole-buffer-at-scale-2: the surface half the size in units', whole, 2, { source: null, destination: { width: 150, height: 100 } }],
    ['scaled-layer: the on-screen size', { ...whole, width: 600, height: 400 }, 1, { source: null, destination: { width: 600, height: 400 } }],
    ['window-of-a-tall-buffer: the source in buffer px, the on-screen size', window(400), 1, { source: { x: 0, y: 400, width: 300, height: 200 }, destination: { width: 300, height: 200 } }],
    ['window-at-scale-2: the source stays in buffer px (subsurfaces keep buffer scale 1)', { ...window(400), width: 300, height: 200 }, 2, { source: { x: 0, y: 400, width: 300, height: 200 }, destination: { width: 150, height: 100 } }],
    ['cropped-and-scaled: a 150x100 source shown at 300x200', { source: { x: 10, y: 20, width: 150, height: 100 }, width: 300, height: 200, bufferWidth: 300, bufferHeight: 1200 }, 1, { source: { x: 10, y: 20, width: 150, height: 100 }, destination: { width: 300, height: 200 } }],
  ])('%s', (_name, layer, scale, want) => {
    expect(layerViewport(layer, scale)).toEqual(want);
  });

  it('surface-size: the destination where there is one, else the buffer\'s', () => {
    expect(surfaceSize(window(400), layerViewport(window(400), 2))).toEqual({ width: 150, height: 100 });
    expect(surfaceSize(whole, layerViewport(whole, 1))).toEqual({ width: 300, height: 200 });
  });
});

/** A subsurface that records what its viewport is sent. */
function subsurface() {
  const sent: string[] = [];
  return {
    sent,
    setSource: (x: number, y: number, w: number, h: number) => { sent.push(`source ${x},${y} ${w}x${h}`); return true; },
    setDestination: (w: number, h: number) => { sent.push(`destination ${w}x${h}`); return true; },
  };
}

describe('applyViewport', () => {
  it('scroll: each new source is sent once, an unchanged one not at all', () => {
    const sub = subsurface();
    let shown = UNSET_VIEWPORT;
    for (const y of [0, 0, 37, 37, 900]) {
      const next = layerViewport(window(y), 1);
      applyViewport(sub, next, shown);
      shown = next;
    }
    expect(sub.sent).toEqual([
      'source 0,0 300x200', 'destination 300x200',
      'source 0,37 300x200', 'destination 300x200',
      'source 0,900 300x200', 'destination 300x200',
    ]);
  });

  it('stops-cropping: the source and destination are unset (-1), the buffer shows whole again', () => {
    const sub = subsurface();
    const cropped = layerViewport(window(100), 1);
    expect(applyViewport(sub, layerViewport(whole, 1), cropped)).toBe(true);
    expect(sub.sent).toEqual(['source -1,-1 -1x-1', 'destination -1x-1']);
  });

  it('whole-buffer-on-a-fresh-subsurface: nothing is sent', () => {
    const sub = subsurface();
    expect(applyViewport(sub, layerViewport(whole, 1), UNSET_VIEWPORT)).toBe(false);
    expect(sub.sent).toEqual([]);
  });
});
