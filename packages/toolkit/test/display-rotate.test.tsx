/**
 * A display that is turned from outside (the preview page's rotation choice) emits `rotate`:
 * the app turns as with its own `setRotation` — the output keeps its size, the logical size
 * swaps, taps land where things now show — and a rotation it cannot take is the app's error.
 */
import { describe, expect, it } from 'vitest';
import { View, type PressEvent } from '@planar/toolkit';
import { mount } from './mount.js';

function Corner(props: { log: string[] }) {
  return (
    <View style={{ width: '100%', height: '100%', backgroundColor: '#eef' }}>
      <View testId="button" style={{ position: 'absolute', right: 10, bottom: 10, width: 40, height: 40, backgroundColor: '#f80' }}
        onPress={(e: PressEvent) => props.log.push(`button ${e.x},${e.y}`)} />
    </View>
  );
}

describe('a display that turns the app', () => {
  it('turns the app to the rotation the display asks for, and maps taps through it', async () => {
    const log: string[] = [];
    const screen = await mount(() => <Corner log={log} />, { width: 300, height: 200 });
    screen.display.rotate(90);
    await screen.advance(0);
    expect(screen.app.rotation).toBe(90);
    expect({ width: screen.app.width, height: screen.app.height }).toEqual({ width: 200, height: 300 });
    const shown = screen.pixels();
    expect({ width: shown.width, height: shown.height }, 'the output keeps its size').toEqual({ width: 300, height: 200 });
    // Logical 200x300, the button at (150..190, 250..290); at 90° (x, y) → (300 − y, x).
    const button = screen.find({ testId: 'button' });
    expect(button).toEqual({ x: 10, y: 150, width: 40, height: 40 });
    await screen.tap({ x: 40, y: 160 });
    expect(log).toEqual(['button 10,10']);
  });

  it('tells the display each rotation the app takes, its own or the display\'s', async () => {
    const screen = await mount(() => <Corner log={[]} />, { width: 300, height: 200 });
    const told: number[] = [];
    Object.assign(screen.display, { rotated: (r: number) => told.push(r) });
    await screen.setRotation(180);
    screen.display.rotate(90);
    await screen.advance(0);
    expect(told).toEqual([180, 90]);
  });

  it('reports a rotation it cannot take as the app\'s error and stays as it was', async () => {
    const errors: Error[] = [];
    const screen = await mount(() => <Corner log={[]} />, { width: 300, height: 200, onError: (e) => errors.push(e) });
    screen.display.rotate(45 as 90);
    await screen.advance(0);
    expect(errors.map((e) => e.message)).toEqual(['setRotation: rotation must be 0, 90, 180 or 270, got 45']);
    expect(screen.app.rotation).toBe(0);
  });
});
