/**
 * Sources of external frames for `<ExternalLayer>`: a producer (a camera, a decoder, another
 * process) pushes frames; the compositor shows the latest one and hands each frame back with
 * a `release` event once it is no longer the current frame and no display reads it, so the
 * producer can reuse its buffers. The current frame stays the source's until the next push.
 */
import mitt from 'mitt';
import type { ExternalFrame, FrameFormat } from '../backend/contract.js';
import type { ExternalFrames } from '../tree/layer.js';
import { isVideoFormat } from './formats.js';

const FORMATS: FrameFormat[] = ['ABGR8888', 'XBGR8888', 'ARGB8888', 'XRGB8888', 'YUYV', 'NV12'];

export interface ExternalSourceOptions {
  /** Frame size in output pixels. */
  width: number;
  height: number;
  /** An RGB format, or a video one (YUYV, NV12) for DMA-BUF frames that can be read as RGB (`read()`) where no plane takes them. */
  format: FrameFormat;
}

export interface ExternalSource extends ExternalFrames {
  /** Shows `frame` from the next frame on. DMA-BUFs on the native backends, `{ kind: 'pixels' }` frames anywhere. */
  push(frame: ExternalFrame): void;
  /** Shows nothing until the next push; the current frame is handed back once no display reads it. */
  close(): void;
  /** `release`: a frame pushed before is no longer current and no display reads it. */
  on(event: 'release', cb: (frame: ExternalFrame) => void): () => void;
}

/**
 * Makes a source of frames of one size and format.
 * @example const camera = createExternalSource({ width: 320, height: 240, format: 'XRGB8888' });
 */
export function createExternalSource(options: ExternalSourceOptions): ExternalSource {
  const { width, height, format } = options ?? ({} as ExternalSourceOptions);
  for (const [name, v] of [['width', width], ['height', height]] as const) {
    if (!Number.isInteger(v) || v <= 0) throw new Error(`createExternalSource: ${name} must be a positive whole number of pixels, got ${String(v)}`);
  }
  if (!FORMATS.includes(format)) throw new Error(`createExternalSource: format must be one of ${FORMATS.join(', ')}, got ${String(format)}`);
  const events = mitt<{ release: ExternalFrame; push: void }>();
  let current: ExternalFrame | null = null;
  let serial = 0;
  /** How many displays read each frame. */
  const readers = new Map<ExternalFrame, number>();
  const release = (frame: ExternalFrame) => {
    if (frame !== current && !readers.has(frame)) events.emit('release', frame);
  };
  return {
    width, height, format,
    get current() { return current; },
    get serial() { return serial; },
    push(frame) {
      const problem = checkFrame(frame, width, height, format);
      if (problem) throw new Error(`ExternalSource.push: ${problem}`);
      const previous = current;
      current = frame;
      serial++;
      if (previous && previous !== frame) release(previous);
      events.emit('push');
    },
    close() {
      const previous = current;
      current = null;
      serial++;
      if (previous) release(previous);
      events.emit('push');
    },
    hold(frame) {
      readers.set(frame, (readers.get(frame) ?? 0) + 1);
    },
    released(frame) {
      const n = (readers.get(frame) ?? 1) - 1;
      if (n > 0) readers.set(frame, n);
      else {
        readers.delete(frame);
        release(frame);
      }
    },
    watch(cb) {
      const handler = () => cb();
      events.on('push', handler);
      return () => events.off('push', handler);
    },
    on(event, cb) {
      events.on(event, cb);
      return () => events.off(event, cb);
    },
  };
}

function checkFrame(frame: ExternalFrame, width: number, height: number, format: FrameFormat): string | null {
  if (!frame || (frame.kind !== 'pixels' && frame.kind !== 'dmabuf')) return 'a frame is { kind: \'pixels\', … } or { kind: \'dmabuf\', fd, … }';
  if (frame.width !== width || frame.height !== height) return `the frame is ${frame.width}x${frame.height} but the source is ${width}x${height}`;
  if (frame.format !== format) return `the frame is ${frame.format} but the source is ${format}`;
  if (frame.kind === 'pixels') {
    if (isVideoFormat(format)) return `a ${format} source takes DMA-BUF frames only; push pixel frames to an RGB source`;
    const stride = frame.stride ?? width * 4;
    if (!(frame.pixels instanceof Uint8Array) || stride < width * 4 || frame.pixels.length < stride * (height - 1) + width * 4) {
      return `pixels must be a Uint8Array of at least ${stride * (height - 1) + width * 4} bytes (stride ${stride})`;
    }
  } else if (!Number.isInteger(frame.fd) || frame.fd < 0) {
    return `fd must be an open file descriptor, got ${String(frame.fd)}`;
  }
  return null;
}
