/**
 * Buffers and pacing: per-layer pools with ages, frames skipped (never blocked) when the display
 * holds every buffer and retried when it lets one go, damage handed to the display with the commit.
 */
import { describe, expect, it } from 'vitest';
import { Layer, View, signal } from '@planar/toolkit';
import { mount } from './mount.js';

describe('buffers and pacing', () => {
  it('skips a frame when every buffer is held, and renders it when one is released', async () => {
    const color = signal('red');
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <Layer testId="popup" position={{ x: 10, y: 10 }}><View style={{ width: 40, height: 40, backgroundColor: color }} /></Layer>
      </View>
    ));
    screen.display.holdBuffers(true);
    // Shown: A. Then B and C are allocated while A and B are held; the third change finds none free.
    color.value = 'lime';
    await screen.flush();
    expect(screen.stats.skipped).toBe(false);
    color.value = 'blue';
    await screen.flush();
    expect(screen.stats.skipped).toBe(false);
    color.value = 'black';
    const frame = screen.stats.frame;
    await screen.flush();
    expect(screen.stats.frame).toBe(frame + 1);
    expect(screen.stats.skipped).toBe(true);
    expect(screen.pixel(20, 20)).toEqual([0, 0, 255, 255]);
    // Nothing new was asked for, but the release brings the skipped frame.
    screen.display.holdBuffers(false);
    screen.display.releaseHeld();
    await screen.flush();
    expect(screen.stats.skipped).toBe(false);
    expect(screen.pixel(20, 20)).toEqual([0, 0, 0, 255]);
  });

  it('copies into each buffer the damage of the frames it missed, and passes the damage to the display', async () => {
    const a = signal('red');
    const b = signal('red');
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <View style={{ position: 'absolute', left: 0, top: 0, width: 10, height: 10, backgroundColor: a }} />
        <View style={{ position: 'absolute', left: 100, top: 100, width: 10, height: 10, backgroundColor: b }} />
      </View>
    ));
    screen.display.holdBuffers(true);
    a.value = 'blue';
    await screen.flush();
    // A buffer never written is copied whole.
    expect(screen.stats.copiedBytes).toBe(200 * 200 * 4);
    screen.display.holdBuffers(false);
    screen.display.releaseHeld();
    b.value = 'blue';
    await screen.flush();
    // The first buffer missed frame 2's damage (box a), and frame 3 damaged box b: both, nothing more.
    const box = 12 * 12 * 4;
    expect(screen.stats.copiedBytes).toBeGreaterThanOrEqual(2 * 10 * 10 * 4);
    expect(screen.stats.copiedBytes).toBeLessThanOrEqual(2 * box);
    const root = screen.display.lastState!.layers.find((l) => l.id === 0)!;
    expect(root.damage).toHaveLength(1);
    expect(root.damage[0]!.x).toBeGreaterThanOrEqual(98);
    expect(root.damage[0]!.width).toBeLessThanOrEqual(12);
    expect(screen.pixel(5, 5)).toEqual([0, 0, 255, 255]);
    expect(screen.pixel(105, 105)).toEqual([0, 0, 255, 255]);
  });

  it('a layer on a plane that moves commits its new position and nothing else', async () => {
    const pos = signal({ x: 0, y: 0 });
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <Layer position={pos}><View style={{ width: 20, height: 20, backgroundColor: 'red' }} /></Layer>
      </View>
    ));
    const commits = screen.display.commits;
    await screen.invalidate();
    expect(screen.display.commits).toBe(commits + 1);
    expect(screen.stats.damagedPx).toBe(200 * 200 + 20 * 20);
    pos.value = { x: 50, y: 60 };
    await screen.flush();
    expect(screen.display.commits).toBe(commits + 2);
    expect(screen.stats).toMatchObject({ damagedPx: 0, copiedBytes: 0 });
    const layer = screen.display.lastState!.layers.find((l) => l.id > 0)!;
    expect(layer).toMatchObject({ x: 50, y: 60, damage: [] });
    // The move changes no overlap: the last allocation is reused, no search runs (and has no budget).
    expect(screen.stats.allocBudgetMs).toBe(0);
  });
});
