/**
 * States for the preview's display tests: layers whose buffers are filled with one colour or
 * noise, placed on vkms planes (an opaque primary covering the output, overlays with alpha).
 */
import type { Display, LayerState, PixelFormat } from '@planar/toolkit/backend';

export interface LayerSpec {
  id: number;
  x?: number;
  y?: number;
  width: number;
  height: number;
  /** Premultiplied RGBA, or 'noise'. */
  fill: [number, number, number, number] | 'noise';
  opacity?: number;
  damage?: { x: number; y: number; width: number; height: number }[];
}

let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;

/** A state of these layers: the first on the primary plane (opaque), the others on overlays above it. */
export function stateOf(display: Display, specs: LayerSpec[]): { layers: LayerState[] } {
  return {
    layers: specs.map((s, i) => {
      const format: PixelFormat = i === 0 ? 'XBGR8888' : 'ABGR8888';
      const buffer = display.allocate(s.width, s.height, format);
      const px = new Uint8Array(s.width * s.height * 4);
      for (let p = 0; p < px.length; p += 4) {
        const c = s.fill === 'noise' ? [random(), random(), random(), 255] : s.fill;
        px.set(c, p);
      }
      buffer.write(px, s.width * 4, [{ x: 0, y: 0, width: s.width, height: s.height }]);
      return {
        id: s.id, planeId: i + 1, zpos: i, buffer, bufferWidth: s.width, bufferHeight: s.height, format,
        x: s.x ?? 0, y: s.y ?? 0, width: s.width, height: s.height, opacity: s.opacity ?? 1,
        damage: s.damage ?? [{ x: 0, y: 0, width: s.width, height: s.height }],
      };
    }),
  };
}
