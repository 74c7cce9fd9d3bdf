/**
 * Screenshots of a KMS output: what the device really shows, where it can say.
 *
 *   writeback  where the device has a writeback connector (vkms; not a Pi 5) and something is
 *              shown: the shown state committed again, in the commit queue, with the writeback
 *              connector routed to the CRTC, a buffer of the mode's size on WRITEBACK_FB_ID and
 *              an out-fence asked for; the fence is awaited (at most WRITEBACK_TIMEOUT_MS) and
 *              the buffer read, BGRX to RGBA
 *   software   otherwise the dumb buffers of the shown planes are composed as the toolkit
 *              composes planes, each plane's source (the part of its buffer it shows) at its
 *              place (imported DMA-BUFs cannot be read and are left out)
 *
 * `source` says which of the two the last screenshot was, so tests can tell a writeback match
 * from a software one.
 */
import { composePlanes, type LayerState, type OutputInfo } from '@planar/toolkit/backend';
import type { AtomicRequest, KmsObject } from './atomic.js';
import { DumbDisplayBuffer } from './buffers.js';
import type { CommitQueue } from './commit-queue.js';
import { FORMAT_CODES, opaqueRgba } from './formats.js';
import type { Addon, NativeDevice, NativeDumbBuffer } from './native.js';

const WRITEBACK_TIMEOUT_MS = 2000;

export interface Capture { width: number; height: number; pixels: Uint8Array }

export class OutputCapture {
  /** How the last screenshot was taken: read back through the writeback connector, or composed in software. */
  source: 'writeback' | 'software' | null = null;
  private buffer: NativeDumbBuffer | null = null;

  constructor(
    private readonly addon: Addon, private readonly device: NativeDevice, private readonly path: string,
    private readonly crtc: KmsObject, private readonly writeback: KmsObject | null,
  ) {}

  /**
   * The output as it shows `shown` now. `request` builds the request that shows it again (with
   * the cursor); the capture runs in `queue`, after the commits before it.
   */
  take(output: OutputInfo, shown: () => readonly LayerState[], request: () => AtomicRequest, queue: CommitQueue): Promise<Capture> {
    const writeback = this.writeback;
    if (!writeback || !shown().length) return Promise.resolve(this.compose(output, shown()));
    const { width, height } = output;
    return queue.serial(async () => {
      this.buffer ??= new this.addon.DumbBuffer(this.device, width, height, FORMAT_CODES.XRGB8888);
      const buffer = this.buffer;
      const fenceProp = writeback.props.get('WRITEBACK_OUT_FENCE_PTR')!.id;
      const { fence } = await queue.flip(
        () => request().set(writeback, 'CRTC_ID', this.crtc.id).set(writeback, 'WRITEBACK_FB_ID', buffer.fbId),
        { fence: [writeback.id, fenceProp] },
      );
      if (fence >= 0) await withTimeout(this.addon.waitFence(fence), WRITEBACK_TIMEOUT_MS, `the writeback of ${this.path} did not signal within ${WRITEBACK_TIMEOUT_MS / 1000} s`);
      this.source = 'writeback';
      return { width, height, pixels: opaqueRgba(buffer.read()) };
    });
  }

  destroy(): void {
    this.buffer?.destroy();
    this.buffer = null;
  }

  private compose(output: OutputInfo, shown: readonly LayerState[]): Capture {
    const { width, height } = output;
    this.source = 'software';
    const planes = shown.filter((l) => l.buffer instanceof DumbDisplayBuffer).map((layer) => {
      const buffer = layer.buffer as DumbDisplayBuffer;
      // The part of the buffer the plane shows, at its own size (planes composed here are not scaled).
      const source = layer.source ?? { x: 0, y: 0, width: buffer.width, height: buffer.height };
      return { ...layer, source, width: source.width, height: source.height, stride: buffer.width * 4, format: buffer.format, pixels: buffer.native.read() };
    });
    const pixels = composePlanes(planes, width, height);
    for (let i = 3; i < pixels.length; i += 4) pixels[i] = 255;
    return { width, height, pixels };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); }),
  ]);
}
