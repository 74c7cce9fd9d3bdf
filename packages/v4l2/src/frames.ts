/**
 * The device's buffers as frames for an ExternalSource, and back.
 *
 * DMA-BUF path (RGB formats): each V4L2 buffer is exported once and wrapped in one frame object
 * for its whole life, so a `release` of that object names the buffer to queue again. The frame
 * can also be read (`read()` copies the buffer's mapping) for when the compositor blends it
 * instead of showing it on a plane: that is the one copy of that path, and it is counted.
 *
 * Conversion path (YUYV, NV12): a buffer is converted (by the addon, from its mapping) into a
 * pixel frame and queued again at once; the pixel frames come from a small pool, and a frame released by the display goes back
 * into it. When every pixel frame is still on screen or held, the new buffer is dropped (queued
 * back unconverted): the display is behind, and the newest frame is the one that matters.
 */
import type { DmaBufFrame, ExternalFrame, PixelFormat, PixelFrame } from '@planar/toolkit/backend';
import type { V4l2Kernel } from './native.js';
import { isYuv, type YuvFormat } from './formats.js';
import { matrixFor } from './yuv.js';

/** A DMA-BUF frame that its producer can also read: the compositor reads it when it blends it. */
export interface ReadableDmaBufFrame extends DmaBufFrame {
  read(): Uint8Array;
}

export interface FrameShape { fourcc: string; width: number; height: number; stride: number; sizeImage: number; displayFormat: PixelFormat }

const PIXEL_FRAMES = 3;

export class DeviceFrames {
  /** Bytes copied for frames so far (reads and conversions). */
  copiedBytes = 0;
  private readonly byIndex: ExternalFrame[] = [];
  private readonly indexOf = new Map<ExternalFrame, number>();
  private readonly freePixels: PixelFrame[] = [];
  private readonly converting: boolean;

  constructor(private readonly kernel: V4l2Kernel, readonly shape: FrameShape, readonly count: number) {
    const { width, height, stride, displayFormat } = shape;
    if (isYuv(shape.fourcc)) {
      this.converting = true;
      for (let i = 0; i < PIXEL_FRAMES; i++) this.freePixels.push({ kind: 'pixels', width, height, stride: width * 4, format: displayFormat, pixels: new Uint8Array(width * height * 4) });
      return;
    }
    this.converting = false;
    for (let index = 0; index < count; index++) {
      const pixels = new Uint8Array(stride * height);
      const frame: ReadableDmaBufFrame = {
        kind: 'dmabuf', fd: kernel.exportBuffer(index), width, height, stride, offset: 0, format: displayFormat, modifier: 0,
        read: () => {
          kernel.readBuffer(index, pixels);
          this.copiedBytes += pixels.length;
          return pixels;
        },
      };
      this.byIndex.push(frame);
      this.indexOf.set(frame, index);
    }
  }

  /** The frame to push for a filled buffer; null when it was dropped (and queued again). */
  frameFor(index: number): ExternalFrame | null {
    if (!this.converting) return this.byIndex[index] ?? null;
    const target = this.freePixels.pop();
    if (target) {
      const { width, height, stride } = this.shape;
      this.kernel.convertBuffer(index, target.pixels, { fourcc: this.shape.fourcc as YuvFormat, width, height, stride, matrix: matrixFor(height) });
      this.copiedBytes += target.pixels.length;
    }
    this.kernel.queue(index);
    return target ?? null;
  }

  /** A frame the display let go of: its buffer goes back to the device (or its pixels to the pool). */
  released(frame: ExternalFrame): void {
    const index = this.indexOf.get(frame);
    if (index !== undefined) this.kernel.queue(index);
    else if (frame.kind === 'pixels') this.freePixels.push(frame);
  }
}
