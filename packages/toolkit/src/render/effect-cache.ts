/**
 * Cached images of expensive effects: blurred shadows and gradients are drawn once into an
 * image at device resolution and then drawn as a plain image every frame (a blur costs
 * 4–13x a frame; a cached image is one drawImage). The cache is an LRU bounded by bytes (three
 * outputs' worth, at least 16 MiB); evicted images are deleted, because wasm memory never shrinks.
 */
import type { Canvas, Image as SkImage } from 'canvaskit-wasm';
import { rasterImage } from './raster.js';

interface Entry { image: SkImage; bytes: number }

export class EffectCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  /**
   * `limit` bounds the bytes kept. It must hold a frame's working set, or every full frame
   * evicts what it is about to draw and draws it again (the painter sizes it from the output).
   */
  constructor(public limit: number) {}

  /** The image for `key`, drawn by `draw` into a width×height canvas on a miss. */
  get(key: string, width: number, height: number, draw: (c: Canvas) => void): SkImage | null {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.image;
    }
    width = Math.ceil(width);
    height = Math.ceil(height);
    if (width * height > 8192 * 8192) return null;
    const image = rasterImage(width, height, draw);
    if (!image) return null;
    const entry = { image, bytes: width * height * 4 };
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    this.evict();
    return image;
  }

  private evict(): void {
    for (const [key, e] of this.entries) {
      if (this.bytes <= this.limit || this.entries.size <= 1) break;
      this.entries.delete(key);
      e.image.delete();
      this.bytes -= e.bytes;
    }
  }

  /** Deletes every cached image. */
  clear(): void {
    for (const e of this.entries.values()) e.image.delete();
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}
