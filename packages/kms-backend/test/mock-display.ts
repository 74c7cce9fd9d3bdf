/**
 * KMS displays opened on a mock kernel (mock-kernel.ts), for the table tests: `open` one of a
 * device's shape, build a layer's state over a buffer, `show` a state (commit and flip), and
 * `closeOpened` after each test.
 */
import type { DisplayBuffer, LayerState } from '@planar/toolkit';
import { KmsDisplay } from '../src/display.js';
import { MockKernel, type KernelShape } from './mock-kernel.js';

export const ENV = { PLANAR_KMS_DEVICE: '/dev/dri/mock', PLANAR_VT: 'none', PLANAR_SEAT: 'seat0', PLANAR_SEAT_MANAGER: 'none' };
export const VKMS: KernelShape = { overlays: 8, hvs: false, writeback: true, connected: true };
export const PI5: KernelShape = { overlays: 8, hvs: true, writeback: false, connected: true };
export const opened: KmsDisplay[] = [];

export async function open(shape: KernelShape = VKMS, env: Record<string, string> = {}, setup?: (k: MockKernel) => void) {
  const kernel = new MockKernel(shape);
  setup?.(kernel);
  const display = await KmsDisplay.open({ cursor: 'hidden' }, { ...ENV, ...env }, kernel.addon());
  opened.push(display);
  return { kernel, display };
}

/** The state of a layer showing all of `buffer` at 0,0 on `planeId`, with `o` changed. */
export function layer(buffer: DisplayBuffer, planeId: number, o: Partial<LayerState> = {}): LayerState {
  return {
    id: planeId, planeId, zpos: 0, buffer, bufferWidth: buffer.width, bufferHeight: buffer.height, format: buffer.format,
    x: 0, y: 0, width: buffer.width, height: buffer.height, opacity: 1, damage: [], ...o,
  };
}

/** Commits a state and delivers its flip. */
export async function show(kernel: MockKernel, display: KmsDisplay, layers: LayerState[]) {
  const done = display.commit({ layers });
  await new Promise((r) => setImmediate(r));
  kernel.flip();
  return done;
}

export async function closeOpened(): Promise<void> {
  for (const d of opened.splice(0)) await d.close();
}
