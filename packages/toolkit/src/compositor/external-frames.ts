/**
 * External layers' frames as the compositor reads them: imported into display buffers once per
 * push, or read as pixels when the layer is composited or turned. A frame that cannot be
 * imported or read is reported once (per push) and not shown.
 */
import type { Display } from '../backend/contract.js';
import type { PixelSource } from './composition-layer.js';
import type { LayerRecord } from './layer-record.js';
import { isVideoFormat } from './formats.js';

export class ExternalFrames {
  /** Bytes read from producers' buffers, by layer id, since `takeRead()`. */
  private read = new Map<number, number>();

  constructor(private readonly display: Display, private readonly onError: (error: Error) => void) {}

  /** The external layer's current frame as a display buffer; a frame that cannot be imported is reported once and not shown. */
  import(r: LayerRecord): ReturnType<LayerRecord['importCurrent']> {
    const serial = r.external?.serial ?? -1;
    if (r.failedSerial === serial) return null;
    try {
      return r.importCurrent(this.display);
    } catch (error) {
      r.failedSerial = serial;
      this.onError(error as Error);
      return null;
    }
  }

  /** An external layer's current frame as readable pixels, or null (reported once) when the display cannot read it. */
  pixels(r: LayerRecord): PixelSource | null {
    const imported = r.external ? this.import(r) : null;
    if (!imported) return null;
    const { frame, buffer } = imported;
    if (frame.kind === 'pixels') return { pixels: frame.pixels, stride: frame.stride ?? frame.width * 4, format: frame.format };
    if (buffer.pixels && !isVideoFormat(buffer.format)) return { pixels: buffer.pixels, stride: buffer.stride, format: buffer.format };
    if (frame.read) {
      const read = frame.read();
      this.read.set(r.id, (this.read.get(r.id) ?? 0) + read.pixels.byteLength);
      return read;
    }
    if (r.failedSerial !== r.frameSerial) {
      r.failedSerial = r.frameSerial;
      const name = r.node.testId ? ` (testId "${r.node.testId}")` : '';
      this.onError(new Error(`an ExternalLayer${name} must be composited or turned (a turned output, or no free plane), but this display cannot read its DMA-BUF frames: give it a plane (plane="prefer", nothing composited above it, an upright output) or push pixel frames (or DMA-BUF frames with a read())`));
    }
    return null;
  }

  /** The bytes read for layer `id` since the last call (0: none, e.g. on a plane). */
  takeRead(id: number): number {
    const n = this.read.get(id) ?? 0;
    this.read.delete(id);
    return n;
  }
}
