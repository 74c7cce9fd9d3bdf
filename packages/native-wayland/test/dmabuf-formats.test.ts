import { describe, expect, it } from 'vitest';
import { chooseDmabufFormats, DRM_FORMATS, MOD_INVALID, MOD_LINEAR, parseModifier, type FormatModifier } from '../src/dmabuf-formats.js';

const Y_TILED = 0x0100000000000002n;
const pair = (format: keyof typeof DRM_FORMATS, modifier: bigint): FormatModifier => ({ format: DRM_FORMATS[format], modifier });

describe('the DMA-BUF formats and modifiers to allocate', () => {
  it.each([
    ['weston-10-software-gl-lists-only-implicit-linear-is-asked-first', [pair('XRGB8888', MOD_INVALID), pair('ARGB8888', MOD_INVALID), pair('XBGR8888', MOD_INVALID)],
      [['XBGR8888', MOD_LINEAR], ['XBGR8888', MOD_INVALID], ['ARGB8888', MOD_LINEAR], ['ARGB8888', MOD_INVALID], ['XRGB8888', MOD_LINEAR], ['XRGB8888', MOD_INVALID]]],
    ['linear-wins-over-implicit', [pair('XRGB8888', MOD_INVALID), pair('XRGB8888', MOD_LINEAR)], [['XRGB8888', MOD_LINEAR]]],
    ['tiled-only-formats-are-left-out', [pair('ABGR8888', Y_TILED), pair('XRGB8888', Y_TILED), pair('XRGB8888', MOD_LINEAR)], [['XRGB8888', MOD_LINEAR]]],
    ['rgba-order-comes-first-whatever-the-list-order', [pair('XRGB8888', MOD_LINEAR), pair('ABGR8888', MOD_LINEAR)], [['ABGR8888', MOD_LINEAR], ['XRGB8888', MOD_LINEAR]]],
    ['formats-planar-does-not-draw-in-are-left-out', [{ format: 0x3231564e /* NV12 */, modifier: MOD_LINEAR }], []],
  ] as const)('%s', (_name, listed, expected) => {
    expect(chooseDmabufFormats(listed).map((f) => [f.format, f.modifier])).toEqual(expected);
  });

  it('a-forced-modifier-is-sent-for-every-format', () => {
    expect(chooseDmabufFormats([pair('XRGB8888', MOD_INVALID)], 0x123n)).toEqual([{ format: 'XRGB8888', fourcc: DRM_FORMATS.XRGB8888, modifier: 0x123n }]);
  });

  it('PLANAR_WAYLAND_DMABUF_MODIFIER-reads-names-and-numbers', () => {
    expect([parseModifier('linear'), parseModifier('implicit'), parseModifier('0x10'), parseModifier(undefined)]).toEqual([MOD_LINEAR, MOD_INVALID, 16n, undefined]);
    expect(() => parseModifier('tiled')).toThrow(/give a number \(0x…\), 'linear' or 'implicit'/);
  });

  it('fourccs-are-the-drm-codes', () => {
    expect(DRM_FORMATS.XRGB8888).toBe(0x34325258);
    expect(DRM_FORMATS.ABGR8888).toBe(0x34324241);
  });
});
