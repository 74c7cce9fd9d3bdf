/**
 * Plane sets of real devices, for mock displays and plane-allocation tests.
 */
import type { PixelFormat, PlaneInfo } from './contract.js';

export type PlanePresetName = 'vkms' | 'pi5' | 'primary-only';

const ALL: PixelFormat[] = ['ARGB8888', 'ABGR8888', 'XRGB8888', 'XBGR8888'];
const OPAQUE: PixelFormat[] = ['XRGB8888', 'XBGR8888'];

/**
 * vkms, the kernel's virtual KMS driver (as in the qemu tests): a primary plane in opaque formats
 * that must cover the output, three overlays with alpha that can sit anywhere but not scale,
 * and a 64x64 ARGB cursor plane. No zpos property: the stack is primary < overlays by id < cursor.
 */
function vkms(): PlaneInfo[] {
  const max = 8192;
  return [
    { id: 1, type: 'primary', formats: [...OPAQUE], zpos: null, alpha: false, scaling: false, maxWidth: max, maxHeight: max, mustCoverOutput: true },
    ...[2, 3, 4].map((id): PlaneInfo => ({
      id, type: 'overlay', formats: [...ALL], zpos: null, alpha: true, scaling: false, maxWidth: max, maxHeight: max, mustCoverOutput: false,
    })),
    { id: 5, type: 'cursor', formats: ['ARGB8888'], zpos: null, alpha: false, scaling: false, maxWidth: 64, maxHeight: 64, mustCoverOutput: false },
  ];
}

/**
 * Raspberry Pi 5 (vc4 driver on the HVS): a primary and eight overlays, all in the four formats
 * and scanning out YUYV and NV12 video frames too, all scaling, with plane alpha, and a mutable zpos in 0..N, so any plane can go anywhere in the
 * stack. The primary need not cover the output. `cursor: true` adds the cursor plane the driver
 * also exposes (it is one more general-purpose HVS plane).
 */
function pi5(cursor: boolean): PlaneInfo[] {
  const count = cursor ? 10 : 9;
  const plane = (id: number, type: PlaneInfo['type']): PlaneInfo => ({
    id, type, formats: [...ALL], videoFormats: ['YUYV', 'NV12'], zpos: { min: 0, max: count - 1, mutable: true },
    alpha: true, scaling: true, maxWidth: 4096, maxHeight: 4096, mustCoverOutput: false,
  });
  const planes = [plane(1, 'primary')];
  for (let id = 2; id <= 9; id++) planes.push(plane(id, 'overlay'));
  if (cursor) planes.push(plane(10, 'cursor'));
  return planes;
}

/**
 * A simple framebuffer-class device (a SPI/DPI panel behind a tiny display controller, simpledrm):
 * one primary plane, opaque formats, covering the output. Everything is composited.
 */
function primaryOnly(output: { width: number; height: number }): PlaneInfo[] {
  return [{
    id: 1, type: 'primary', formats: [...OPAQUE], zpos: null, alpha: false, scaling: false,
    maxWidth: output.width, maxHeight: output.height, mustCoverOutput: true,
  }];
}

/** The planes of a known device for an output of this size (fresh objects on every call). */
export function planePreset(name: PlanePresetName, output: { width: number; height: number }, options: { cursor?: boolean } = {}): PlaneInfo[] {
  switch (name) {
    case 'vkms': return vkms();
    case 'pi5': return pi5(options.cursor ?? false);
    case 'primary-only': return primaryOnly(output);
  }
}
