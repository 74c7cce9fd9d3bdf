import { describe, expect, it } from 'vitest';
import { mergeRects } from '../src/compositor/rects.js';

describe('mergeRects', () => {
  it('rounds a lone rect out to whole pixels and clips it to the surface, as it does rects it merges', () => {
    const lone = { x: 10.4, y: 5.6, width: 20.2, height: 3.1 };
    expect(mergeRects([lone], 100, 50)).toEqual([{ x: 10, y: 5, width: 21, height: 4 }]);
    // The same rect twice goes through the merger: the answer is the same.
    expect(mergeRects([lone, lone], 100, 50)).toEqual(mergeRects([lone], 100, 50));
  });

  it('cuts a lone rect at the surface edge and drops one wholly outside', () => {
    expect(mergeRects([{ x: 90, y: -5, width: 20, height: 10 }], 100, 50)).toEqual([{ x: 90, y: 0, width: 10, height: 5 }]);
    expect(mergeRects([{ x: 120, y: 10, width: 5, height: 5 }], 100, 50)).toEqual([]);
    expect(mergeRects([], 100, 50)).toEqual([]);
  });

  it('merges close rects into one and keeps far ones apart', () => {
    const merged = mergeRects([{ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 }], 100, 100);
    expect(merged).toEqual([{ x: 0, y: 0, width: 20, height: 10 }]);
    const apart = mergeRects([{ x: 0, y: 0, width: 4, height: 4 }, { x: 90, y: 90, width: 4, height: 4 }], 100, 100);
    expect(apart).toHaveLength(2);
  });
});
