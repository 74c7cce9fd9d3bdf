/**
 * A frame message: each damaged rect composed exactly as the headless capture composes the
 * output, and sent raw or deflated, whichever is smaller.
 */
import { describe, expect, it } from 'vitest';
import { inflateRawSync } from 'node:zlib';
import { HeadlessDisplay } from '@planar/toolkit/backend';
import { ENCODING_DEFLATE, ENCODING_RAW, composeRect, decodeFrameHeader, encodeFrame, encodeRect } from '../src/stream/frame.js';
import { stateOf } from './backend-states.js';

describe('a frame message', () => {
  it('a flat rect goes deflated, much smaller than raw', () => {
    const flat = new Uint8Array(64 * 64 * 4).fill(200);
    const { encoding, bytes } = encodeRect(flat);
    expect(encoding).toBe(ENCODING_DEFLATE);
    expect(bytes.length).toBeLessThan(flat.length / 20);
    expect(new Uint8Array(inflateRawSync(bytes))).toEqual(flat);
  });

  it('noise goes raw, since deflating it would not make it smaller', () => {
    let s = 1;
    const noise = Uint8Array.from({ length: 32 * 32 * 4 }, () => (s = (s * 1103515245 + 12345) & 0x7fffffff) >> 23);
    const { encoding, bytes } = encodeRect(noise);
    expect(encoding).toBe(ENCODING_RAW);
    expect(bytes).toBe(noise);
  });

  it('a rect shows the same pixels as the capture of the whole output, a faded overlay included', async () => {
    const display = new HeadlessDisplay({ width: 160, height: 120, pacing: 'immediate' });
    const state = stateOf(display, [
      { id: 0, width: 160, height: 120, fill: 'noise' },
      { id: 1, x: 30, y: 20, width: 60, height: 50, fill: [100, 20, 60, 128], opacity: 0.6 },
    ]);
    await display.commit(state);
    const whole = display.captureSync();
    const r = { x: 25, y: 15, width: 50, height: 40 };
    const part = composeRect(state.layers, r);
    for (let y = 0; y < r.height; y++) {
      const row = whole.pixels.subarray(((r.y + y) * 160 + r.x) * 4, ((r.y + y) * 160 + r.x + r.width) * 4);
      expect(part.subarray(y * r.width * 4, (y + 1) * r.width * 4)).toEqual(row);
    }
  });

  it('reads back: header, rects, and each rect\'s pixels', async () => {
    const display = new HeadlessDisplay({ width: 100, height: 80, pacing: 'immediate' });
    const state = stateOf(display, [{ id: 0, width: 100, height: 80, fill: [10, 20, 30, 255] }]);
    await display.commit(state);
    const rects = [{ x: 0, y: 0, width: 10, height: 10 }, { x: 50, y: 40, width: 20, height: 5 }];
    const message = encodeFrame({ layers: state.layers, rects, output: { width: 100, height: 80 }, sequence: 9, whole: false });
    const frame = decodeFrameHeader(message);
    expect(frame).toMatchObject({ whole: false, output: { width: 100, height: 80 }, sequence: 9 });
    expect(frame.rects.map(({ x, y, width, height }) => ({ x, y, width, height }))).toEqual(rects);
    const second = frame.rects[1]!;
    expect(second.encoding).toBe(ENCODING_DEFLATE);
    const pixels = inflateRawSync(message.subarray(second.offset, second.offset + second.byteLength));
    expect([...pixels.subarray(0, 4)]).toEqual([10, 20, 30, 255]);
    expect(pixels.length).toBe(20 * 5 * 4);
  });
});
