/**
 * The roller's geometry without a screen: the option in the band, the offset of an option
 * (the shorter way round when infinite), and an unbounded offset shown on repeated rows.
 */
import { describe, expect, it } from 'vitest';
import { contentLength, copies, offsetOf, optionAt, rowTop, rowsIn, shownOffset, type RollerGeometry } from '../src/list/roller-geometry.js';

const finite: RollerGeometry = { rowHeight: 40, visibleRows: 5, count: 10, infinite: false };
const wheel: RollerGeometry = { rowHeight: 40, visibleRows: 3, count: 4, infinite: true };

describe('roller geometry', () => {
  it('a finite roller pads its rows so the first and last options reach the band', () => {
    expect(contentLength(finite)).toBe(10 * 40 + 2 * 80);
    expect(rowTop(0, finite)).toBe(80);
    // At offset 0 the band (80..120 of the viewport) shows option 0.
    expect(rowTop(0, finite) - shownOffset(0, finite)).toBe(80);
    expect(optionAt(9 * 40, finite)).toBe(9);
    expect(optionAt(12 * 40, finite)).toBe(9);
    expect(optionAt(-30, finite)).toBe(0);
    expect(optionAt(59, finite)).toBe(1);
  });

  const cases: [string, number, number][] = [
    ['first-option', 0, 0],
    ['last-option-going-up', -40, 3],
    ['wraps-after-last', 4 * 40, 0],
    ['second-lap', 9 * 40, 1],
    ['far-back', -13 * 40, 3],
  ];
  it.each(cases)('an infinite roller wraps: %s', (_name, y, option) => {
    expect(optionAt(y, wheel)).toBe(option);
    // The band of the shown content holds the same option.
    const bandCentre = shownOffset(y, wheel) + 40 + 20;
    const j = Math.floor(bandCentre / 40);
    expect(j % wheel.count).toBe(option);
    // And the rows the viewport needs exist in the content.
    expect(shownOffset(y, wheel)).toBeGreaterThanOrEqual(0);
    expect(shownOffset(y, wheel) + 3 * 40).toBeLessThanOrEqual(contentLength(wheel));
  });

  it('an infinite roller goes the shorter way round to an option', () => {
    expect(offsetOf(3, wheel, 0)).toBe(-40);
    expect(offsetOf(1, wheel, 0)).toBe(40);
    expect(offsetOf(0, wheel, 7 * 40)).toBe(8 * 40);
    expect(offsetOf(6, finite, 123)).toBe(240);
  });

  it('keeps copies enough for a viewport taller than all the options', () => {
    const few: RollerGeometry = { rowHeight: 40, visibleRows: 5, count: 2, infinite: true };
    expect(copies(few)).toEqual({ before: 1, total: 1 + 1 + 2 });
    for (let y = -200; y <= 200; y += 10) {
      expect(shownOffset(y, few)).toBeGreaterThanOrEqual(0);
      expect(shownOffset(y, few) + 5 * 40).toBeLessThanOrEqual(contentLength(few));
    }
  });

  it('finds the rows in a stretch of content', () => {
    expect(rowsIn(0, 200, finite)).toEqual({ first: 0, last: 3 });
    expect(rowsIn(-100, 10_000, wheel)).toEqual({ first: 0, last: 4 * copies(wheel).total - 1 });
  });
});
