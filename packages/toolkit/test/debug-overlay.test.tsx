import { afterEach, describe, expect, it, vi } from 'vitest';
import { Text, View, signal } from '@planar/toolkit';
import { render } from '@planar/toolkit/testing';

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
});
