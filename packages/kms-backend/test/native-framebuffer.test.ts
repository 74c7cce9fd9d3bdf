/**
 * The real addon's layout of an imported frame's framebuffer planes (what AddFB2 gets), checked
 * without a DRM device; the mock kernel's ImportedBuffer lays frames out the same way.
 */
import { describe, expect, it } from 'vitest';
import { fourcc } from '../src/formats.js';
import { realAddonOrSkip } from './real-addon.js';
import { MockKernel } from './mock-kernel.js';
import { PI5 } from './mock-display.js';

const addon = realAddonOrSkip('native-framebuffer');

describe.skipIf(!addon)('the KMS addon\'s framebuffer planes', () => {
  it.each([
    ['nv12-is-y-then-interleaved-uv', 'NV12', 1344, 4096, 720, { pitches: [1344, 1344], offsets: [4096, 4096 + 1344 * 720] }],
    ['yuyv-is-one-plane', 'YUYV', 1280, 0, 480, { pitches: [1280], offsets: [0] }],
    ['rgb-is-one-plane', 'XR24', 4096, 64, 768, { pitches: [4096], offsets: [64] }],
  ])('%s', (_name, format, stride, offset, height, planes) => {
    expect(addon!.framebufferPlanes!(fourcc(format), stride, offset, height)).toEqual(planes);
  });

  it('nv12-uv-plane-past-4-gib-is-refused', () => {
    expect(addon!.framebufferPlanes!(fourcc('NV12'), 65536, 0, 65536)).toBeNull();
  });

  it('mock-kernel-lays-frames-out-as-the-addon-does', () => {
    const kernel = new MockKernel(PI5);
    const mock = kernel.addon();
    for (const [format, stride, offset, height] of [['NV12', 1920, 0, 1080], ['NV12', 1344, 4096, 720], ['YUYV', 1440, 0, 576]] as const) {
      const buffer = new mock.ImportedBuffer(null as never, 9, 16, height, fourcc(format), stride, offset, 0n);
      const { pitches, offsets } = kernel.imports.get(buffer.fbId)!;
      expect({ pitches, offsets }).toEqual(addon!.framebufferPlanes!(fourcc(format), stride, offset, height));
    }
  });
});
