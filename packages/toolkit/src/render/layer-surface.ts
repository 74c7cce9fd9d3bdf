/**
 * A layer's drawing surface: a CanvasKit raster surface drawn straight into a `CK.Malloc`
 * block (RGBA, premultiplied). The block is the layer's shadow buffer: the backend copies
 * damaged spans out of it with no readPixels and no intermediate copy.
 */
import type { MallocObj, Surface } from 'canvaskit-wasm';
import { canvasKit } from './canvaskit.js';

export class LayerSurface {
  readonly stride: number;
  private readonly memory: MallocObj;
  readonly surface: Surface;
  private disposed = false;

  constructor(readonly width: number, readonly height: number) {
    const ck = canvasKit();
    this.stride = width * 4;
    this.memory = ck.Malloc(Uint8Array, Math.max(1, this.stride * height));
    const surface = ck.MakeRasterDirectSurface(
      { width, height, colorType: ck.ColorType.RGBA_8888, alphaType: ck.AlphaType.Premul, colorSpace: ck.ColorSpace.SRGB },
      this.memory, this.stride,
    );
    if (!surface) {
      ck.Free(this.memory);
      throw new Error(`cannot create a ${width}x${height} drawing surface (out of wasm memory?)`);
    }
    this.surface = surface;
  }

  /** The pixels, as a view on the wasm heap (valid until the heap next grows). */
  pixels(): Uint8Array {
    return this.memory.toTypedArray() as Uint8Array;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.surface.delete();
    canvasKit().Free(this.memory);
  }
}
