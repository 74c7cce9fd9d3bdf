/**
 * Turning the output while the app runs (`app.setRotation`, `screen.setRotation`,
 * `useDisplayControl().setRotation`): the output keeps its size, a quarter turn swaps the
 * logical size, and what is shown afterwards is exactly what an app started at that rotation
 * shows — pixels, hit testing and the viewport alike.
 */
import { describe, expect, it } from 'vitest';
import { Layer, Text, View, useDisplayControl, useViewport, type PressEvent, type Rotation } from '@planar/toolkit';
import type { Screen } from '@planar/toolkit/testing';
import { mount } from './mount.js';

/**
 * Fills the viewport: a caption with the viewport's size at the top left, a `<Layer>` with a
 * green card and text, and an orange button 40x40, 10 px from the bottom-right corner.
 */
function Panel(props: { log: string[] }) {
  const viewport = useViewport();
  const display = useDisplayControl();
  return (
    <View style={() => ({ width: viewport.value.width, height: viewport.value.height, padding: 8, backgroundColor: '#eef' })}>
      <Text testId="size" style={{ fontSize: 16, color: '#222' }}>{() => `${viewport.value.width}x${viewport.value.height} at ${viewport.value.rotation}°`}</Text>
      <Layer testId="card" position={{ x: 30, y: 60 }}>
        <View style={{ width: 120, height: 50, padding: 6, backgroundColor: '#2a4', borderRadius: 8 }}>
          <Text style={{ fontSize: 14, color: '#fff' }}>Living room</Text>
        </View>
      </Layer>
      <View testId="button" style={{ position: 'absolute', right: 10, bottom: 10, width: 40, height: 40, backgroundColor: '#f80' }}
        onPress={(e: PressEvent) => {
          props.log.push(`button ${e.x},${e.y}`);
          display.setRotation(90);
        }} />
    </View>
  );
}

/** The logical size of a 300x200 output turned by `r`. */
const logical = (r: Rotation) => (r % 180 ? { width: 200, height: 300 } : { width: 300, height: 200 });

async function fresh(rotation: Rotation): Promise<Screen> {
  return mount(() => <Panel log={[]} />, { ...logical(rotation), rotation });
}

describe('setRotation while running', () => {
  it('shows, at each rotation, the same pixels as an app started at that rotation', async () => {
    const screen = await fresh(0);
    for (const r of [90, 180, 270, 0] as const) {
      await screen.setRotation(r);
      expect(screen.app.rotation).toBe(r);
      expect({ width: screen.app.width, height: screen.app.height }).toEqual(logical(r));
      const turned = screen.pixels();
      expect({ width: turned.width, height: turned.height }, 'the output keeps its size').toEqual({ width: 300, height: 200 });
      const started = (await fresh(r)).pixels();
      const differing = turned.pixels.findIndex((v, i) => v !== started.pixels[i]);
      expect(differing, `first differing byte at ${r}° (pixel ${Math.floor(differing / 4)})`).toBe(-1);
    }
  });

  it('maps a tap through the new rotation: the button is hit where it now shows, not where it was', async () => {
    const log: string[] = [];
    const screen = await mount(() => <Panel log={log} />, { width: 300, height: 200 });
    const upright = screen.find({ testId: 'button' });
    expect(upright).toEqual({ x: 250, y: 150, width: 40, height: 40 });
    await screen.setRotation(270);
    // Logical 200x300; the button spans (150..190, 250..290); at 270° (x, y) → (y, 200 − x).
    const turned = screen.find({ testId: 'button' });
    expect(turned).toEqual({ x: 250, y: 10, width: 40, height: 40 });
    await screen.tap({ x: 255, y: 175 });
    expect(log, 'the old spot misses').toEqual([]);
    await screen.tap({ x: 260, y: 30 });
    // Logical (170, 260): (20, 10) inside the button.
    expect(log).toEqual(['button 20,10']);
    // The press turned the output to 90° from inside a handler, through useDisplayControl.
    expect(screen.app.rotation).toBe(90);
    expect(screen.find({ testId: 'button' })).toEqual({ x: 10, y: 150, width: 40, height: 40 });
  });

  it('updates useViewport and emits resize with the swapped size', async () => {
    const screen = await mount(() => <Panel log={[]} />, { width: 300, height: 200 });
    const sizes: { width: number; height: number }[] = [];
    screen.app.on('resize', (e) => sizes.push(e));
    expect(screen.text({ testId: 'size' })).toBe('300x200 at 0°');
    await screen.setRotation(90);
    expect(screen.text({ testId: 'size' })).toBe('200x300 at 90°');
    await screen.setRotation(270);
    expect(screen.text({ testId: 'size' })).toBe('200x300 at 270°');
    await screen.setRotation(180);
    expect(screen.text({ testId: 'size' })).toBe('300x200 at 180°');
    // The same rotation again changes nothing.
    await screen.setRotation(180);
    expect(sizes).toEqual([{ width: 200, height: 300 }, { width: 200, height: 300 }, { width: 300, height: 200 }]);
  });

  it('refuses a rotation that is not a quarter turn, naming it', async () => {
    const screen = await mount(() => <Panel log={[]} />, { width: 300, height: 200 });
    expect(() => screen.app.setRotation(45 as Rotation)).toThrow('setRotation: rotation must be 0, 90, 180 or 270, got 45');
    expect(screen.app.rotation).toBe(0);
  });
});
