/**
 * Reading planes: formats (and IN_FORMATS modifiers), zpos kinds, alpha, and the text
 * `planar-kms --list` prints.
 */
import { describe, expect, it } from 'vitest';
import { describeDevice } from '../src/describe.js';
import { fourcc, fourccName, parseInFormats } from '../src/formats.js';
import type { DrmPlane } from '../src/native.js';
import { describePlanes, planeFormats, planeVideoFormats, planeZpos } from '../src/planes.js';
import { kernelResources } from './mock-kernel.js';

const CAPS = { driver: 'mock', dumbBuffer: 1, prime: 3, timestampMonotonic: 1, cursorWidth: 256, cursorHeight: 256, addFb2Modifiers: 1, asyncPageFlip: 0 };
const LINEAR = 0n;
const TILED = 0x0100000000000001n; // I915_FORMAT_MOD_X_TILED

/** An IN_FORMATS blob: formats, and per modifier a mask over them (struct drm_format_modifier_blob). */
function inFormats(formats: string[], modifiers: [bigint, number][]): Uint8Array {
  const header = 24, fmtBytes = formats.length * 4;
  const modOffset = header + fmtBytes + ((8 - ((header + fmtBytes) % 8)) % 8);
  const bytes = new Uint8Array(modOffset + modifiers.length * 24);
  const v = new DataView(bytes.buffer);
  v.setUint32(0, 1, true);
  v.setUint32(8, formats.length, true);
  v.setUint32(12, header, true);
  v.setUint32(16, modifiers.length, true);
  v.setUint32(20, modOffset, true);
  formats.forEach((f, i) => v.setUint32(header + i * 4, fourcc(f), true));
  modifiers.forEach(([modifier, mask], i) => {
    v.setBigUint64(modOffset + i * 24, BigInt(mask), true);
    v.setUint32(modOffset + i * 24 + 8, 0, true);
    v.setBigUint64(modOffset + i * 24 + 16, modifier, true);
  });
  return bytes;
}

function plane(formats: string[], properties: DrmPlane['properties'] = []): DrmPlane {
  return { id: 40, possibleCrtcs: 1, crtcId: 0, fbId: 0, formats: Uint32Array.from(formats.map(fourcc)), properties };
}

describe('formats', () => {
  it('names fourccs both ways', () => {
    expect(fourccName(fourcc('XR24'))).toBe('XR24');
    expect(fourcc('AB24')).toBe(0x34324241);
  });

  it('parses IN_FORMATS: which formats take which modifiers', () => {
    const parsed = parseInFormats(inFormats(['XR24', 'AR24', 'NV12'], [[LINEAR, 0b011], [TILED, 0b111]]));
    expect(parsed.get(fourcc('XR24'))).toEqual([LINEAR, TILED]);
    expect(parsed.get(fourcc('NV12'))).toEqual([TILED]);
  });

  it('refuses a blob it cannot read, saying why', () => {
    expect(() => parseInFormats(new Uint8Array(8))).toThrow(/shorter than its 24-byte header/);
    const wrong = inFormats(['XR24'], []);
    new DataView(wrong.buffer).setUint32(0, 2, true);
    expect(() => parseInFormats(wrong)).toThrow(/version 2/);
    const short = inFormats(['XR24'], [[LINEAR, 1]]).slice(0, 40);
    expect(() => parseInFormats(short)).toThrow(/more formats or modifiers than it holds/);
  });

  it('keeps the formats Planar draws in, no-conversion first, and only those linear buffers can feed', () => {
    expect(planeFormats(plane(['XR24', 'AR24', 'RG16', 'XB24']))).toEqual(['XBGR8888', 'ARGB8888', 'XRGB8888']);
    const tiledOnlyArgb = plane(['XR24', 'AR24'], [{ id: 1, name: 'IN_FORMATS', kind: 'blob', immutable: true, value: 9, blob: inFormats(['XR24', 'AR24'], [[LINEAR, 0b01], [TILED, 0b11]]) }]);
    expect(planeFormats(tiledOnlyArgb)).toEqual(['XRGB8888']);
  });

  it('video-formats-a-linear-frame-can-feed: NV12 only tiled is left out, YUYV linear kept', () => {
    expect(planeVideoFormats(plane(['XR24', 'YUYV', 'NV12']))).toEqual(['NV12', 'YUYV']);
    const tiledOnlyNv12 = plane(['XR24', 'YUYV', 'NV12'], [{ id: 1, name: 'IN_FORMATS', kind: 'blob', immutable: true, value: 9, blob: inFormats(['XR24', 'YUYV', 'NV12'], [[LINEAR, 0b011], [TILED, 0b111]]) }]);
    expect(planeVideoFormats(tiledOnlyNv12)).toEqual(['YUYV']);
    expect(planeVideoFormats(plane(['XR24', 'AR24']))).toEqual([]);
  });
});

describe('zpos, alpha and limits', () => {
  it.each([
    ['absent (vkms)', [], null],
    ['immutable (a fixed cursor)', [{ id: 1, name: 'zpos', kind: 'range' as const, immutable: true, value: 5, min: 5, max: 5 }], { min: 5, max: 5, mutable: false }],
    ['mutable (a Pi 5)', [{ id: 1, name: 'zpos', kind: 'range' as const, immutable: false, value: 2, min: 0, max: 9 }], { min: 0, max: 9, mutable: true }],
  ])('zpos %s', (_name, properties, want) => {
    expect(planeZpos(plane(['XR24'], properties))).toEqual(want);
  });

  it('describes vkms-shaped and HVS-shaped planes for the allocator', () => {
    const vkms = describePlanes(kernelResources({ overlays: 3, hvs: false, writeback: false, connected: true }), CAPS, 0);
    expect(vkms.map((p) => [p.type, p.zpos, p.alpha])).toEqual([['primary', null, false], ['overlay', null, false], ['overlay', null, false], ['overlay', null, false], ['cursor', null, false]]);
    expect(vkms.at(-1)).toMatchObject({ maxWidth: 256, maxHeight: 256 });
    expect(vkms[0]).toMatchObject({ formats: ['XRGB8888'], mustCoverOutput: true, maxWidth: 8192 });
    const hvs = describePlanes(kernelResources({ overlays: 3, hvs: true, writeback: false, connected: true }), CAPS, 0);
    expect(hvs[1]).toMatchObject({ zpos: { min: 0, max: 15, mutable: true }, alpha: true, formats: ['ARGB8888', 'XRGB8888'] });
  });

  it('leaves out planes of other CRTCs', () => {
    const r = kernelResources({ overlays: 2, hvs: false, writeback: false, connected: true });
    r.planes[1]!.possibleCrtcs = 0b10;
    expect(describePlanes(r, CAPS, 0).map((p) => p.id)).not.toContain(r.planes[1]!.id);
  });

  it('prints a bring-up listing: connectors with modes, CRTCs, planes with their properties', () => {
    const text = describeDevice('/dev/dri/card0', CAPS, kernelResources({ overlays: 1, hvs: true, writeback: true, connected: true }));
    expect(text).toContain('Virtual-1 (id 52): connected, preferred 1024x768@');
    expect(text).toContain('Writeback-1 (id 59): writeback');
    expect(text).toMatch(/31 primary: AR24 XR24; zpos 0\.\.15, alpha/);
    expect(text).toContain('crtcs: 51 (off)');
  });
});
