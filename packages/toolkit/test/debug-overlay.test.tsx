import { afterEach, describe, expect, it, vi } from 'vitest';
import { Canvas, Text, View, signal, type FrameStats } from '@planar/toolkit';
import { render } from '@planar/toolkit/testing';
import { DebugOverlay } from '../src/render/debug-overlay.js';

/** The top `rows` rows of a render's output, RGBA. */
function topRows(image: { width: number; pixels: Uint8Array }, rows: number): Buffer {
  return Buffer.from(image.pixels.subarray(0, image.width * rows * 4));
}

/**
 * Whether two renders' rows are the same picture: the reference below is drawn through a
 * Canvas node, whose blending rounds differently by one level at most; a different digit
 * changes whole glyphs.
 */
function samePicture(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && a.every((v, i) => Math.abs(v - b[i]!) <= 1);
}

/**
 * What the fps overlay looks like showing `fps` and a frame's figures: the overlay's own
 * drawing, fed those numbers, in a Canvas over the same white background.
 */
async function overlayShowing(fps: number, figures: FrameStats, size: { width: number; height: number }): Promise<Buffer> {
  const overlay = new DebugOverlay(new Set(['fps']), () => 0);
  for (let i = 0; i < fps; i++) overlay.record(figures);
  const screen = await render(() => (
    <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
      <Canvas style={{ position: 'absolute', left: 0, top: 0, width: '100%', height: '100%' }} draw={(canvas) => overlay.draw(canvas, [], size)} />
    </View>
  ), size);
  const rows = topRows(screen.pixels(), 20);
  await screen.dispose();
  return rows;
}

afterEach(() => vi.unstubAllEnvs());

describe('PLANAR_DEBUG', () => {
  it('damage: outlines the repainted rect, and the outline is wiped by the next frame', async () => {
    vi.stubEnv('PLANAR_DEBUG', 'damage');
    const color = signal('#204080');
    const other = signal('#000000');
    const screen = await render(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <View testId="box" style={{ position: 'absolute', left: 40, top: 30, width: 50, height: 20, backgroundColor: color }} />
        <View style={{ position: 'absolute', left: 150, top: 100, width: 10, height: 10, backgroundColor: other }} />
      </View>
    ), { width: 200, height: 150 });
    color.value = '#208040';
    await screen.flush();
    // The box's bounds plus a pixel of anti-aliasing margin: 39,29 .. 91,51, outlined in red.
    expect(screen.pixel(39, 40)).toEqual([255, 0, 64, 255]);
    expect(screen.pixel(60, 29)).toEqual([255, 0, 64, 255]);
    expect(screen.pixel(60, 40)).toEqual([32, 128, 64, 255]);
    other.value = '#333333';
    await screen.flush();
    expect(screen.pixel(39, 40)).toEqual([255, 255, 255, 255]);
    await screen.dispose();
  });

  it('fps: overlays the frame figures in the top-left corner', async () => {
    vi.stubEnv('PLANAR_DEBUG', 'fps');
    const n = signal(0);
    const screen = await render(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white', padding: 60 }}><Text>{() => String(n.value)}</Text></View>
    ), { width: 400, height: 100 });
    n.value = 1;
    await screen.flush();
    const [r, g, b] = screen.pixel(2, 2);
    expect(r + g + b).toBeLessThan(200);
    let light = 0;
    for (let x = 4; x < 200; x++) for (let y = 4; y < 16; y++) if (screen.pixel(x, y)[0] > 180) light++;
    expect(light).toBeGreaterThan(50);
    await screen.dispose();
  });

  // Twenty changes 90 ms apart on Planar's clock, one frame each: the last frame shows the
  // frames of the second before the previous one (12: 90 ms x 11 = 990 ms) and that frame's
  // figures — on the virtual clock, however fast the machine ran them.
  it('fps: shows the frames of the last second on Planar\'s clock and the previous frame\'s figures', async () => {
    vi.stubEnv('PLANAR_DEBUG', 'fps');
    const size = { width: 400, height: 100 };
    const n = signal(0);
    const screen = await render(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white', padding: 60 }}><Text>{() => String(n.value)}</Text></View>
    ), size);
    const frames: FrameStats[] = [];
    screen.app.on('frame', (stats) => frames.push({ ...stats }));
    for (let k = 1; k <= 20; k++) {
      n.value = k;
      await screen.advance(90);
    }
    expect(frames, 'one frame a change').toHaveLength(20);
    const shown = topRows(screen.pixels(), 20);
    await screen.dispose();
    vi.unstubAllEnvs();

    const previous = frames[18]!;
    expect(samePicture(shown, await overlayShowing(12, previous, size)), 'the overlay reads "12 fps" and the previous frame\'s figures').toBe(true);
    // The pixels tell the numbers apart: one frame more or less, or another frame's figures, differ.
    expect(samePicture(shown, await overlayShowing(13, previous, size)), 'not "13 fps"').toBe(false);
    expect(samePicture(shown, await overlayShowing(11, previous, size)), 'not "11 fps"').toBe(false);
    expect(samePicture(shown, await overlayShowing(12, { ...previous, damagedPx: previous.damagedPx + 1000 }, size)), 'not another damaged area').toBe(false);
  });
});
