/**
 * The device's buffers as frames for an ExternalSource, and back.
 *
 * DMA-BUF path (RGB formats): each V4L2 buffer is exported once and wrapped in one frame object
 * for its whole life, so a `release` of that object names the buffer to queue again. The frame
 * can also be read (`read()` copies the buffer's mapping) for when the compositor blends it
 * instead of showing it on a plane: that is the one copy of that path, and it is counted.
 *
 * A YUV buffer goes the same way when a plane scans its format out (a Pi 5's); its `read()`
 * converts it to XRGB8888 (by the addon, from the mapping) for where it is blended instead.
 *
 * Conversion path (YUYV, NV12 where no plane takes them): a buffer is converted into a pixel
 * frame and queued again at once; the pixel frames come from a small pool, and a frame released
 * by the display goes back into it. When every pixel frame is still on screen or held, the new buffer is dropped (queued
 * back unconverted): the display is behind, and the newest frame is the one that matters.
 */
import { defaultColorEncoding, type DmaBufFrame, type ExternalFrame, type FrameFormat, type FramePixels, type PixelFormat, type PixelFrame } from '@planar/toolkit/backend';
import type { V4l2Kernel } from './native.js';
import { isYuv, type YuvFormat } from './formats.js';

/** A DMA-BUF frame that its producer can also read: the compositor reads it when it blends it. */
export interface ReadableDmaBufFrame extends DmaBufFrame {
  read(): FramePixels;
}

export interface FrameShape {
  fourcc: string; width: number; height: number; stride: number; sizeImage: number;
  /** The format frames are pushed in: the device's own (by DMA-BUF) or XRGB8888 (converted). */
  displayFormat: FrameFormat;
  path: 'dmabuf' | 'convert';
}

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
    this.converting = shape.path === 'convert';
    if (this.converting) {
      for (let i = 0; i < PIXEL_FRAMES; i++) this.freePixels.push({ kind: 'pixels', width, height, stride: width * 4, format: 'XRGB8888', pixels: new Uint8Array(width * height * 4) });
      return;
    }
    const yuv = isYuv(shape.fourcc);
    for (let index = 0; index < count; index++) {
      // Read as it is (RGB), or converted to XRGB8888 (YUV): what a compositor can blend.
      const pixels = new Uint8Array(yuv ? width * height * 4 : stride * height);
      const read = yuv
        ? () => this.convert(index, pixels)
        : () => {
          kernel.readBuffer(index, pixels);
          this.copiedBytes += pixels.length;
          return { pixels, stride, format: displayFormat as PixelFormat };
        };
      const frame: ReadableDmaBufFrame = {
        kind: 'dmabuf', fd: kernel.exportBuffer(index), width, height, stride, offset: 0, format: displayFormat, modifier: 0, read,
        ...(yuv && { colorEncoding: defaultColorEncoding(height), colorRange: 'limited' as const }),
      };
      this.byIndex.push(frame);
      this.indexOf.set(frame, index);
    }
  }

  /** Buffer `index`, a YUV frame, into `target` as XRGB8888 (the addon converts from the mapping). */
  private convert(index: number, target: Uint8Array): FramePixels {
    const { width, height, stride } = this.shape;
    this.kernel.convertBuffer(index, target, { fourcc: this.shape.fourcc as YuvFormat, width, height, stride, matrix: defaultColorEncoding(height) });
    this.copiedBytes += target.length;
    return { pixels: target, stride: width * 4, format: 'XRGB8888' };
  }

  /** The frame to push for a filled buffer; null when it was dropped (and queued again). */
  frameFor(index: number, dataOffset = 0): ExternalFrame | null {
    if (!this.converting) {
      const frame = this.byIndex[index] as DmaBufFrame | undefined;
      // The frame starts where the driver put it in its buffer (a multi-planar driver's data offset).
      if (frame) frame.offset = dataOffset;
      return frame ?? null;
    }
    const target = this.freePixels.pop();
    if (target) this.convert(index, target.pixels);
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
