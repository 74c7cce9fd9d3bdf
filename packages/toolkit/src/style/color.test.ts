import { describe, expect, it } from 'vitest';
import { colorHint, formatColor, NAMED_COLORS, parseColor, type RGBA, color4f } from './color.js';

describe('parseColor', () => {
  const accepted: [string, RGBA][] = [
    // hex
    ['#f80', [255, 136, 0, 1]],
    ['#F80', [255, 136, 0, 1]],
    ['#f808', [255, 136, 0, 136 / 255]],
    ['#ff8800', [255, 136, 0, 1]],
    ['#ff880080', [255, 136, 0, 128 / 255]],
    ['#00000000', [0, 0, 0, 0]],
    ['  #abcdef  ', [171, 205, 239, 1]],
    // rgb(), comma syntax
    ['rgb(255, 0, 0)', [255, 0, 0, 1]],
    ['rgb(255,128,0)', [255, 128, 0, 1]],
    ['rgba(255, 0, 0, 0.5)', [255, 0, 0, 0.5]],
    ['rgba(255, 0, 0, 50%)', [255, 0, 0, 0.5]],
    ['rgb(255, 0, 0, .25)', [255, 0, 0, 0.25]],
    ['rgba(1, 2, 3)', [1, 2, 3, 1]],
    ['rgb(100%, 50%, 0%)', [255, 128, 0, 1]],
    ['RGB( 10 , 20 , 30 )', [10, 20, 30, 1]],
    ['rgb(127.5, 0.4, 1e2)', [128, 0, 100, 1]],
    // rgb(), space syntax
    ['rgb(255 0 0)', [255, 0, 0, 1]],
    ['rgba(255 0 0 / 50%)', [255, 0, 0, 0.5]],
    ['rgb(255 0 0 / 0.25)', [255, 0, 0, 0.25]],
    ['rgb(255 0 0/.75)', [255, 0, 0, 0.75]],
    ['rgb(100% 128 0%)', [255, 128, 0, 1]],
    ['rgb(none 255 none / none)', [0, 255, 0, 0]],
    // clamping
    ['rgb(300, -20, 0)', [255, 0, 0, 1]],
    ['rgb(150% -5% 0 / 2)', [255, 0, 0, 1]],
    ['rgba(0, 0, 0, -1)', [0, 0, 0, 0]],
    ['rgb(0 0 0 / 250%)', [0, 0, 0, 1]],
    // hsl()
    ['hsl(120 100% 25%)', [0, 128, 0, 1]],
    ['hsl(0, 100%, 50%)', [255, 0, 0, 1]],
    ['hsl(120deg 100% 50%)', [0, 255, 0, 1]],
    ['hsl(0.5turn 100% 50%)', [0, 255, 255, 1]],
    ['hsl(3.14159265rad 100% 50%)', [0, 255, 255, 1]],
    ['hsl(400grad 100% 50%)', [255, 0, 0, 1]],
    ['hsl(-120 100% 50%)', [0, 0, 255, 1]],
    ['hsl(480, 100%, 50%)', [0, 255, 0, 1]],
    ['hsla(240, 100%, 50%, 0.5)', [0, 0, 255, 0.5]],
    ['hsl(240 100% 50% / 25%)', [0, 0, 255, 0.25]],
    ['hsl(30 100 50)', [255, 128, 0, 1]],
    ['hsl(0 0% 100%)', [255, 255, 255, 1]],
    ['hsl(0 150% -10%)', [0, 0, 0, 1]],
    ['hsl(270 60% 70%)', [179, 133, 224, 1]],
    // keywords
    ['transparent', [0, 0, 0, 0]],
    ['red', [255, 0, 0, 1]],
    ['  RebeccaPurple ', [102, 51, 153, 1]],
    ['LightGoldenRodYellow', [250, 250, 210, 1]],
    ['grey', [128, 128, 128, 1]],
  ];

  it.each(accepted)('accepts %j', (input, expected) => {
    const got = parseColor(input);
    expect(got).not.toBeNull();
    expect(got![0]).toBe(expected[0]);
    expect(got![1]).toBe(expected[1]);
    expect(got![2]).toBe(expected[2]);
    expect(got![3]).toBeCloseTo(expected[3], 10);
  });

  const rejected = [
    '', '   ', '#', '#12', '#12345', '#1234567', '#123456789', '#ggg', '# fff', 'fff',
    'rgb(1,2)', 'rgb(1 2)', 'rgb(1,2,3,4,5)', 'rgb(1 2 3 4)', 'rgb()', 'rgb(1, 2 3)',
    'rgb(1 2 3, 0.5)', 'rgb(1, 2, 3 / 0.5)', 'rgb(1 2 3 / )', 'rgb(1 2 3 / 0.5 / 1)',
    'rgb(10%, 20, 30)', 'rgb(1,,2,3)', 'rgb(1, 2, 3', 'rgb 1 2 3', 'rgb (1, 2, 3)',
    'rgb(1px 2 3)', 'rgb(1deg 2 3)', 'rgb(none, 0, 0)', 'rgb(1 2 3) extra', 'rgb(1. 2 3)',
    'hsl(120, 100, 50)', 'hsl(120% 100% 50%)', 'hsl(120 100%)', 'hsl(1x 100% 50%)',
    'hwb(0 0% 0%)', 'blurple', 'lightgrey2', 'red red', 'currentcolor', 'inherit', 'constructor',
  ];

  it.each(rejected)('rejects %j', (input) => {
    expect(parseColor(input)).toBeNull();
  });

  it('knows all 148 named colours', () => {
    expect(NAMED_COLORS).toHaveLength(148);
    for (const name of NAMED_COLORS) expect(parseColor(name)?.[3]).toBe(1);
  });
});

describe('formatColor', () => {
  it.each<[RGBA, string]>([
    [[255, 136, 0, 1], '#ff8800'],
    [[0, 0, 0, 0], '#00000000'],
    [[255, 0, 0, 0.5], '#ff000080'],
    [[300, -5, 12.4, 2], '#ff000c'],
  ])('formats %j as %s', (c, expected) => {
    expect(formatColor(c)).toBe(expected);
  });

  it('round-trips through parseColor', () => {
    for (const s of ['#123456', '#abcdef12', '#000000', '#ffffff00']) expect(formatColor(parseColor(s)!)).toBe(s);
  });
});

describe('colorHint', () => {
  it.each([
    ['lightgrey2', 'lightgray'],
    ['blurple', 'purple'],
    ['gren', 'green'],
    ['rde', 'red'],
    ['cornflower', 'cornflowerblue'],
    ['Tomatoe', 'tomato'],
  ])('suggests a name for %j', (input, suggestion) => {
    expect(colorHint(input)).toContain(`"${suggestion}"`);
    expect(colorHint(input)).toMatch(/^did you mean/);
  });

  it('suggests a function name for a typo', () => {
    expect(colorHint('rbg(1, 2, 3)')).toContain('"rgb()"');
  });

  it('explains malformed hex and functions', () => {
    expect(colorHint('#12')).toMatch(/3, 4, 6 or 8 digits, not 2/);
    expect(colorHint('#12345g')).toMatch(/"g" is not a hex digit/);
    expect(colorHint('rgb(1,2)')).toMatch(/^rgb\(\) takes/);
    expect(colorHint('hsla(1 2 3 4)')).toMatch(/^hsla\(\) takes/);
    expect(colorHint('oklch(0.5 0.1 30)')).toMatch(/oklch\(\) is not supported/);
  });

  it('lists the accepted forms when nothing is close', () => {
    for (const s of ['', 'xyzzyplugh', '12px', 'a b c']) expect(colorHint(s)).toMatch(/expected "#rgb"/);
  });

  it('is empty for a valid colour', () => {
    expect(colorHint('red')).toBe('');
  });
});

describe('color4f', () => {
  it('gives the floats CanvasKit builds from the same bytes, for every form style accepts', async () => {
    const { loadCanvasKit } = await import('../render/canvaskit.js');
    const ck = await loadCanvasKit();
    expect(color4f('#ff8a3d')).toEqual(ck.Color(0xff, 0x8a, 0x3d, 1));
    expect(color4f('#ff8a3d', 0.5)).toEqual(ck.Color(0xff, 0x8a, 0x3d, 0.5));
    expect(color4f('rgb(255 138 61 / 50%)')).toEqual(ck.Color(0xff, 0x8a, 0x3d, 0.5));
    expect(color4f('orange', 0.5)).toEqual(ck.Color(255, 165, 0, 0.5));
    // Its own alpha and the one given multiply.
    expect(color4f('#00000080', 0.5)[3]).toBeCloseTo((0x80 / 255) * 0.5, 6);
  });

  it('names the colour and what would be accepted when it is not one', () => {
    expect(() => color4f('lightgrey2')).toThrow('color4f: "lightgrey2" is not a colour: did you mean "lightgrey"');
    expect(() => color4f('#12345')).toThrow('hex colours take 3, 4, 6 or 8 digits, not 5');
  });
});
