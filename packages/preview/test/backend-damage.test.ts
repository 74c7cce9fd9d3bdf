/**
 * From two committed states to the output rectangles a page must be sent.
 */
import { describe, expect, it } from 'vitest';
import type { DamageRect, LayerState } from '@planar/toolkit/backend';
import { damageRects, mergeRects } from '../src/backend/damage.js';

const OUTPUT = { width: 800, height: 480 };

function layer(id: number, over: Partial<LayerState> = {}): LayerState {
  return {
    id, planeId: id + 2, zpos: id + 1, buffer: null, bufferWidth: 200, bufferHeight: 100, format: 'ABGR8888',
    x: 100, y: 50, width: 200, height: 100, opacity: 1, damage: [], ...over,
  };
}
const rect = (x: number, y: number, width: number, height: number): DamageRect => ({ x, y, width, height });

const CASES: { name: string; before: LayerState[] | null; after: LayerState[]; rects: DamageRect[] }[] = [
  { name: 'first-frame-is-the-whole-output', before: null, after: [layer(0)], rects: [rect(0, 0, 800, 480)] },
  { name: 'nothing-changed-sends-nothing', before: [layer(0)], after: [layer(0)], rects: [] },
  { name: 'damage-moves-with-the-layer', before: [layer(0)], after: [layer(0, { damage: [rect(10, 20, 30, 8)] })], rects: [rect(110, 70, 30, 8)] },
  {
    name: 'damage-outside-the-shown-source-is-invisible',
    before: [layer(0, { source: rect(0, 40, 200, 60) })],
    after: [layer(0, { source: rect(0, 40, 200, 60), damage: [rect(0, 0, 50, 30), rect(0, 35, 50, 10)] })],
    rects: [rect(100, 50, 50, 5)],
  },
  {
    name: 'a-scrolled-source-sends-the-layer-whole',
    before: [layer(0, { source: rect(0, 0, 200, 60) })], after: [layer(0, { source: rect(0, 10, 200, 60) })],
    rects: [rect(100, 50, 200, 60)],
  },
  { name: 'a-moved-layer-sends-old-and-new-place-merged', before: [layer(0)], after: [layer(0, { x: 110 })], rects: [rect(100, 50, 210, 100)] },
  {
    name: 'a-far-move-sends-two-rects', before: [layer(0)], after: [layer(0, { x: 500, y: 300 })],
    rects: [rect(100, 50, 200, 100), rect(500, 300, 200, 100)],
  },
  { name: 'a-fade-sends-the-layer', before: [layer(0)], after: [layer(0, { opacity: 0.5 })], rects: [rect(100, 50, 200, 100)] },
  { name: 'a-new-layer-sends-its-rect', before: [], after: [layer(0)], rects: [rect(100, 50, 200, 100)] },
  { name: 'a-gone-layer-sends-its-old-rect', before: [layer(0)], after: [], rects: [rect(100, 50, 200, 100)] },
  { name: 'a-restacked-layer-sends-its-rect', before: [layer(0)], after: [layer(0, { zpos: 7 })], rects: [rect(100, 50, 200, 100)] },
  { name: 'rects-are-cut-to-the-output', before: [], after: [layer(0, { x: 700, y: -40 })], rects: [rect(700, 0, 100, 60)] },
  {
    name: 'neighbouring-glyphs-go-as-one-rect', before: [layer(0)],
    after: [layer(0, { damage: [rect(10, 10, 8, 14), rect(18, 10, 8, 14), rect(26, 10, 9, 14)] })],
    rects: [rect(110, 60, 25, 14)],
  },
];

describe('damage to rects', () => {
  for (const c of CASES) {
    it(c.name, () => {
      expect(damageRects(c.before, c.after, OUTPUT)).toEqual(c.rects);
    });
  }

  it('many-scattered-rects-are-merged-down-to-a-few', () => {
    const scattered = Array.from({ length: 100 }, (_, i) => rect((i % 10) * 80, Math.floor(i / 10) * 48, 4, 4));
    const merged = mergeRects(scattered);
    expect(merged.length).toBeLessThanOrEqual(24);
    for (const r of scattered) {
      expect(merged.some((m) => r.x >= m.x && r.y >= m.y && r.x + r.width <= m.x + m.width && r.y + r.height <= m.y + m.height)).toBe(true);
    }
  });
});
