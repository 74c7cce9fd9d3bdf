/**
 * Video frames (YUYV, NV12 from a camera or decoder) on KMS planes, against the mock kernel:
 * which planes scan them out, how a frame's planes reach AddFB2, and the colour encoding and
 * range each plane is told.
 */
import type { DmaBufFrame, PlaneInfo } from '@planar/toolkit/backend';
import { afterEach, describe, expect, it } from 'vitest';
import { fourcc } from '../src/formats.js';
import type { MockKernel } from './mock-kernel.js';
import { PI5, VKMS, closeOpened, layer, open, show } from './mock-display.js';

afterEach(closeOpened);

const ROOT = 31, OVERLAY = 33, OTHER_OVERLAY = 35;

function frame(o: Partial<DmaBufFrame> & Pick<DmaBufFrame, 'format' | 'width' | 'height' | 'stride'>): DmaBufFrame {
  return { kind: 'dmabuf', fd: 9, offset: 0, modifier: 0n, ...o };
}

/** The enum names the last commit set a plane's colour properties to (undefined: left alone). */
function colorSet(kernel: MockKernel, planeId: number) {
  const values = kernel.commits.at(-1)!.values;
  const plane = kernel.resources.planes.find((p) => p.id === planeId)!;
  const named = (prop: string) => {
    const value = values.get(`${planeId}.${prop}`);
    return plane.properties.find((p) => p.name === prop)?.enums?.find((e) => e.value === value && value !== undefined)?.name;
  };
  return { encoding: named('COLOR_ENCODING'), range: named('COLOR_RANGE') };
}

const byType = (planes: PlaneInfo[], type: PlaneInfo['type']) => planes.filter((p) => p.type === type);

describe('video frames on KMS planes (mock kernel)', () => {
  it('yuv-formats-probed: a Pi 5 overlay scans out NV12 and YUYV; vkms planes list no video format', async () => {
    const pi5 = await open(PI5);
    expect(byType(pi5.display.planes, 'overlay').map((p) => p.videoFormats)).toEqual(Array(8).fill(['NV12', 'YUYV']));
    expect(byType(pi5.display.planes, 'primary')[0]).not.toHaveProperty('videoFormats');
    const vkms = await open(VKMS);
    expect(vkms.display.planes.filter((p) => 'videoFormats' in p)).toEqual([]);
  });

  it('nv12-frame-imported-as-two-planes: Y at the offset, U/V right after it, one handle and stride', async () => {
    const { kernel, display } = await open(PI5);
    const nv12 = display.importFrame(frame({ fd: 21, format: 'NV12', width: 1280, height: 720, stride: 1344, offset: 4096 }));
    const yuyv = display.importFrame(frame({ fd: 22, format: 'YUYV', width: 640, height: 480, stride: 1280 }));
    const imported = (fd: number) => [...kernel.imports.values()].find((i) => i.fd === fd)!;
    expect(nv12.format).toBe('NV12');
    expect(imported(21)).toMatchObject({ fourcc: fourcc('NV12'), pitches: [1344, 1344], offsets: [4096, 4096 + 1344 * 720] });
    expect(new Set(imported(21).handles).size).toBe(1);
    expect(imported(22)).toMatchObject({ fourcc: fourcc('YUYV'), pitches: [1280], offsets: [0] });
    nv12.destroy();
    yuyv.destroy();
    expect(imported(21).destroyed && imported(22).destroyed).toBe(true);
  });

  it('yuv-plane-sets-color-encoding-and-range: as the frame says, else BT.601 limited for SD', async () => {
    const { kernel, display } = await open(PI5);
    const root = display.allocate(1024, 768, 'XRGB8888');
    const hd = display.importFrame(frame({ format: 'NV12', width: 1920, height: 1080, stride: 1920, colorEncoding: 'bt709', colorRange: 'full' }));
    const sd = display.importFrame(frame({ format: 'YUYV', width: 720, height: 576, stride: 1440 }));
    await show(kernel, display, [
      layer(root, ROOT),
      layer(hd, OVERLAY, { zpos: 1, width: 480, height: 270 }),
      layer(sd, OTHER_OVERLAY, { zpos: 2, y: 300, width: 360, height: 288 }),
    ]);
    expect(colorSet(kernel, OVERLAY)).toEqual({ encoding: 'ITU-R BT.709 YCbCr', range: 'YCbCr full range' });
    expect(colorSet(kernel, OTHER_OVERLAY)).toEqual({ encoding: 'ITU-R BT.601 YCbCr', range: 'YCbCr limited range' });
  });

  it('yuv-frame-above-576-lines-defaults-to-bt709-limited', async () => {
    const { kernel, display } = await open(PI5);
    const root = display.allocate(1024, 768, 'XRGB8888');
    const hd = display.importFrame(frame({ format: 'NV12', width: 1280, height: 720, stride: 1280 }));
    await show(kernel, display, [layer(root, ROOT), layer(hd, OVERLAY, { zpos: 1, width: 640, height: 360 })]);
    expect(colorSet(kernel, OVERLAY)).toEqual({ encoding: 'ITU-R BT.709 YCbCr', range: 'YCbCr limited range' });
  });

  it('rgb-plane-leaves-color-properties-alone: drawn and imported RGB buffers set no COLOR_* property', async () => {
    const { kernel, display } = await open(PI5);
    const root = display.allocate(1024, 768, 'XRGB8888');
    const popup = display.allocate(300, 200, 'ARGB8888');
    const rgbFrame = display.importFrame(frame({ format: 'XRGB8888', width: 320, height: 240, stride: 1280 }));
    await show(kernel, display, [layer(root, ROOT), layer(popup, OVERLAY, { zpos: 1 }), layer(rgbFrame, OTHER_OVERLAY, { zpos: 2 })]);
    expect([...kernel.commits.at(-1)!.values.keys()].filter((k) => k.includes('COLOR_'))).toEqual([]);
  });

  it('yuyv-frame-on-vkms-refused-by-the-plane-rules-before-any-test-commit', async () => {
    const { kernel, display } = await open(VKMS);
    const root = display.allocate(1024, 768, 'XRGB8888');
    const video = display.importFrame(frame({ format: 'YUYV', width: 320, height: 240, stride: 640 }));
    const testsBefore = kernel.tests.length;
    expect(display.test({ layers: [layer(root, ROOT), layer(video, OVERLAY, { zpos: 1 })] })).toEqual({ ok: false, reason: expect.stringMatching(/YUYV not supported/) });
    expect(kernel.tests.length).toBe(testsBefore);
    expect(display.test({ layers: [layer(root, ROOT)] }).ok).toBe(true);
  });
});
