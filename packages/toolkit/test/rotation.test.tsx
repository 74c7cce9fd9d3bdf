/**
 * Output rotation and scale: layout happens in logical pixels; the output is the logical
 * frame scaled, then turned clockwise by `rotation` degrees. So at 90° the logical top-left
 * corner lands in the output's top-right corner, at 180° in the bottom-right, at 270° in the
 * bottom-left. `find`, the pixels and hit testing must all agree on where a box is.
 */
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { View, signal, type PointerEvent, type PressEvent, type Rotation } from '@planar/toolkit';
import type { Box, Screen } from '@planar/toolkit/testing';
import { WHITE, mount } from './mount.js';

const RED: [number, number, number, number] = [255, 0, 0, 255];
const BLUE: [number, number, number, number] = [0, 0, 255, 255];

function pngSize(screen: Screen): { width: number; height: number } {
  const png = PNG.sync.read(Buffer.from(screen.png()));
  return { width: png.width, height: png.height };
}

/** Pixels just inside each corner of a box, and its centre. */
function inside(b: Box): { x: number; y: number }[] {
  return [
    { x: b.x + 1, y: b.y + 1 }, { x: b.x + b.width - 2, y: b.y + 1 },
    { x: b.x + 1, y: b.y + b.height - 2 }, { x: b.x + b.width - 2, y: b.y + b.height - 2 },
    { x: b.x + b.width / 2, y: b.y + b.height / 2 },
  ];
}

/** Pixels just outside each side of a box (that are inside the output). */
function around(b: Box, out: { width: number; height: number }): { x: number; y: number }[] {
  const cx = b.x + b.width / 2, cy = b.y + b.height / 2;
  return [
    { x: b.x - 2, y: cy }, { x: b.x + b.width + 1, y: cy }, { x: cx, y: b.y - 2 }, { x: cx, y: b.y + b.height + 1 },
  ].filter((p) => p.x >= 0 && p.y >= 0 && p.x < out.width && p.y < out.height);
}

/**
 * A 300x200 logical scene: a red 50x30 box at logical (0, 0) and a blue 40x20 box at
 * logical (240, 160), i.e. 20 px from the right and bottom edges.
 */
function Scene(props: { log: string[]; colour?: () => string; left?: () => number }) {
  return (
    <View testId="root" style={{ width: '100%', height: '100%' }}>
      <View testId="red" style={{ position: 'absolute', left: props.left ?? 0, top: 0, width: 50, height: 30, backgroundColor: props.colour ?? 'red' }}
        onPress={(e: PressEvent) => props.log.push(`red press ${e.x},${e.y}`)}
        onPointerDown={(e: PointerEvent) => props.log.push(`red down ${e.x},${e.y} out ${e.outputX},${e.outputY}`)} />
      <View testId="blue" style={{ position: 'absolute', left: 240, top: 160, width: 40, height: 20, backgroundColor: 'blue' }}
        onPress={() => props.log.push('blue press')} />
    </View>
  );
}

/** Where each rotation puts the two boxes of `Scene` (output pixels, scale 1). */
const expected: Record<Rotation, { size: { width: number; height: number }; red: Box; blue: Box }> = {
  0: { size: { width: 300, height: 200 }, red: { x: 0, y: 0, width: 50, height: 30 }, blue: { x: 240, y: 160, width: 40, height: 20 } },
  // (x, y) → (200 − y, x)
  90: { size: { width: 200, height: 300 }, red: { x: 170, y: 0, width: 30, height: 50 }, blue: { x: 20, y: 240, width: 20, height: 40 } },
  // (x, y) → (300 − x, 200 − y)
  180: { size: { width: 300, height: 200 }, red: { x: 250, y: 170, width: 50, height: 30 }, blue: { x: 20, y: 20, width: 40, height: 20 } },
  // (x, y) → (y, 300 − x)
  270: { size: { width: 200, height: 300 }, red: { x: 0, y: 250, width: 30, height: 50 }, blue: { x: 160, y: 20, width: 20, height: 40 } },
};

describe.each([0, 90, 180, 270] as const)('rotation %i', (rotation) => {
  const want = expected[rotation];

  it('the PNG has the rotated output size', async () => {
    const screen = await mount(() => <Scene log={[]} />, { width: 300, height: 200, rotation });
    expect(pngSize(screen)).toEqual(want.size);
    expect(screen.app.width).toBe(300);
    expect(screen.app.height).toBe(200);
  });

  it('find() and the pixels put each box where the rotation takes it', async () => {
    const screen = await mount(() => <Scene log={[]} />, { width: 300, height: 200, rotation });
    const red = screen.find({ testId: 'red' });
    const blue = screen.find({ testId: 'blue' });
    expect(red).toEqual(want.red);
    expect(blue).toEqual(want.blue);
    for (const p of inside(red)) expect(screen.pixel(p.x, p.y), `red at ${p.x},${p.y}`).toEqual(RED);
    for (const p of around(red, want.size)) expect(screen.pixel(p.x, p.y), `around red at ${p.x},${p.y}`).toEqual(WHITE);
    for (const p of inside(blue)) expect(screen.pixel(p.x, p.y), `blue at ${p.x},${p.y}`).toEqual(BLUE);
    for (const p of around(blue, want.size)) expect(screen.pixel(p.x, p.y), `around blue at ${p.x},${p.y}`).toEqual(WHITE);
  });

  it("a tap at a box's output centre hits it, with event coordinates in logical px", async () => {
    const log: string[] = [];
    const screen = await mount(() => <Scene log={log} />, { width: 300, height: 200, rotation });
    const c = { x: want.red.x + want.red.width / 2, y: want.red.y + want.red.height / 2 };
    await screen.tap({ testId: 'red' });
    await screen.tap({ testId: 'blue' });
    expect(log).toEqual([`red down 25,15 out ${c.x},${c.y}`, 'red press 25,15', 'blue press']);
  });

  it('an output point maps back to the logical point it shows; the unrotated spot of the box misses it', async () => {
    const log: string[] = [];
    const screen = await mount(() => <Scene log={log} />, { width: 300, height: 200, rotation });
    // Logical (2, 3) in output pixels, by the rotation's mapping.
    const out = { 0: { x: 2, y: 3 }, 90: { x: 197, y: 2 }, 180: { x: 298, y: 197 }, 270: { x: 3, y: 298 } }[rotation];
    await screen.pointer.down(out);
    await screen.pointer.up(out);
    expect(log).toEqual([`red down 2,3 out ${out.x},${out.y}`, 'red press 2,3']);
    if (rotation !== 0) {
      log.length = 0;
      // Where the box would be without rotation.
      await screen.tap({ x: 10, y: 10 });
      expect(log).toEqual([]);
    }
  });

  it('a change after the first frame repaints the rotated place: new colour, and the old spot cleared after a move', async () => {
    const colour = signal('red');
    const left = signal(0);
    const screen = await mount(() => <Scene log={[]} colour={() => colour.value} left={() => left.value} />, { width: 300, height: 200, rotation });
    const before = screen.find({ testId: 'red' });
    colour.value = 'blue';
    await screen.flush();
    for (const p of inside(before)) expect(screen.pixel(p.x, p.y), `recoloured at ${p.x},${p.y}`).toEqual(BLUE);

    left.value = 100;
    await screen.flush();
    const after = screen.find({ testId: 'red' });
    expect(after).not.toEqual(before);
    for (const p of inside(before)) expect(screen.pixel(p.x, p.y), `old spot at ${p.x},${p.y}`).toEqual(WHITE);
    for (const p of inside(after)) expect(screen.pixel(p.x, p.y), `new spot at ${p.x},${p.y}`).toEqual(BLUE);
  });
});

describe('scale', () => {
  it('scale: 2 doubles the output size, the boxes and the pixels they cover', async () => {
    const log: string[] = [];
    const screen = await mount(() => <Scene log={log} />, { width: 300, height: 200, scale: 2 });
    expect(pngSize(screen)).toEqual({ width: 600, height: 400 });
    expect(screen.app.width).toBe(300);
    const red = screen.find({ testId: 'red' });
    expect(red).toEqual({ x: 0, y: 0, width: 100, height: 60 });
    expect(screen.find({ testId: 'blue' })).toEqual({ x: 480, y: 320, width: 80, height: 40 });
    for (const p of inside(red)) expect(screen.pixel(p.x, p.y)).toEqual(RED);
    expect(screen.pixel(101, 30)).toEqual(WHITE);
    expect(screen.pixel(50, 61)).toEqual(WHITE);
    await screen.tap({ x: 90, y: 50 });
    expect(log).toEqual(['red down 45,25 out 90,50', 'red press 45,25']);
  });

  it('scale: 2 with rotation: 90 scales, then turns', async () => {
    const log: string[] = [];
    const screen = await mount(() => <Scene log={log} />, { width: 300, height: 200, scale: 2, rotation: 90 });
    expect(pngSize(screen)).toEqual({ width: 400, height: 600 });
    // (x, y) → (400 − 2y, 2x)
    const red = screen.find({ testId: 'red' });
    expect(red).toEqual({ x: 340, y: 0, width: 60, height: 100 });
    expect(screen.find({ testId: 'blue' })).toEqual({ x: 40, y: 480, width: 40, height: 80 });
    for (const p of inside(red)) expect(screen.pixel(p.x, p.y)).toEqual(RED);
    for (const p of around(red, { width: 400, height: 600 })) expect(screen.pixel(p.x, p.y)).toEqual(WHITE);
    await screen.tap({ testId: 'red' });
    expect(log).toEqual(['red down 25,15 out 370,50', 'red press 25,15']);
  });
});
