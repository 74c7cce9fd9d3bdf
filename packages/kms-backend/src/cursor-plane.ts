/**
 * The pointer on the cursor plane: the arrow (cursor.ts) drawn once into a dumb buffer, placed
 * with its hotspot at the pointer. `cursor: 'default'` shows it whatever the devices; otherwise
 * it shows while a pointer moves and hides on touch. While it shows, the display does not offer
 * the cursor plane to the plane allocator. A move queues one commit of the shown state; moves
 * that come while it waits only update the place it will use.
 */
import { packRects, type OpenOptions, type OutputInfo, type PlaneInfo } from '@planar/toolkit/backend';
import type { KmsObject } from './atomic.js';
import { drawArrow } from './cursor.js';
import { FORMAT_CODES } from './formats.js';
import type { Addon, NativeDevice, NativeDumbBuffer } from './native.js';
import type { CursorPlacement } from './plane-requests.js';

const CURSOR_SIZE = 64;

export class CursorPlane {
  x: number;
  y: number;
  visible: boolean;
  /** A commit for the new place is queued and has not run yet. */
  queued = false;

  private constructor(readonly plane: KmsObject, readonly buffer: NativeDumbBuffer, output: OutputInfo, private readonly mode: 'default' | undefined) {
    this.x = output.width / 2;
    this.y = output.height / 2;
    this.visible = mode === 'default';
  }

  /** The arrow on the device's cursor plane, or null when it has none or the app hides the pointer. */
  static create(addon: Addon, device: NativeDevice, planes: KmsObject[], infos: PlaneInfo[], output: OutputInfo, option: OpenOptions['cursor']): CursorPlane | null {
    if (option === 'hidden') return null;
    const info = infos.find((i) => i.type === 'cursor' && planes.some((p) => p.id === i.id));
    if (!info) return null;
    const size = Math.min(CURSOR_SIZE, info.maxWidth, info.maxHeight);
    const buffer = new addon.DumbBuffer(device, size, size, FORMAT_CODES.ARGB8888);
    buffer.write(drawArrow(size), size * 4, packRects([{ x: 0, y: 0, width: size, height: size }]), true);
    return new CursorPlane(planes.find((p) => p.id === info.id)!, buffer, output, option);
  }

  get planeId(): number {
    return this.plane.id;
  }

  /** Where the request puts the arrow, or null while it is hidden. */
  placement(): CursorPlacement | null {
    return this.visible ? { plane: this.plane, buffer: this.buffer, x: this.x, y: this.y } : null;
  }

  /** Takes the pointer's new place (`visible`: a pointer, not touch, moved it). */
  move(x: number, y: number, visible: boolean): void {
    this.x = x;
    this.y = y;
    this.visible = this.mode === 'default' || visible;
  }

  /** Where the arrow shows, unless a layer took its plane. */
  describe(layerPlanes: readonly number[]): { planeId: number; x: number; y: number } | null {
    if (!this.visible || layerPlanes.includes(this.plane.id)) return null;
    return { planeId: this.plane.id, x: Math.round(this.x), y: Math.round(this.y) };
  }

  destroy(): void {
    this.buffer.destroy();
  }
}
