import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { View, signal } from '@planar/toolkit';
import { compareSnapshot, render } from '@planar/toolkit/testing';

describe('compareSnapshot', () => {
  it('writes a missing golden, passes on the same pixels, and on a change writes .actual and .diff and says where', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'planar-snap-'));
    const golden = path.join(dir, 'box.png');
    const color = signal('red');
    const screen = await render(() => <View style={{ width: 10, height: 10, backgroundColor: color }} />, { width: 20, height: 20 });
    expect(compareSnapshot(screen.png(), golden, { update: false })).toMatchObject({ pass: true, written: true });
    expect(existsSync(golden)).toBe(true);
    expect(compareSnapshot(screen.png(), golden, { update: false }).pass).toBe(true);
    color.value = 'blue';
    await screen.flush();
    const result = compareSnapshot(screen.png(), golden, { update: false });
    expect(result.pass).toBe(false);
    expect(result.message).toContain('100 pixels differ');
    expect(result.message).toContain(path.join(dir, 'box.actual.png'));
    expect(result.message).toContain(path.join(dir, 'box.diff.png'));
    expect(PNG.sync.read(readFileSync(path.join(dir, 'box.actual.png'))).width).toBe(20);
    expect(compareSnapshot(screen.png(), golden, { update: false, maxDiffPixels: 100 }).pass).toBe(true);
    expect(existsSync(path.join(dir, 'box.actual.png'))).toBe(false);
    expect(compareSnapshot(screen.png(), golden, { update: true })).toMatchObject({ pass: true, written: true });
    expect(compareSnapshot(screen.png(), golden, { update: false }).pass).toBe(true);
    await screen.dispose();
  });

  it('reports a size mismatch plainly', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'planar-snap-'));
    const golden = path.join(dir, 'size.png');
    const a = await render(() => <View />, { width: 20, height: 20 });
    const b = await render(() => <View />, { width: 30, height: 20 });
    compareSnapshot(a.png(), golden, { update: false });
    expect(compareSnapshot(b.png(), golden, { update: false }).message).toMatch(/the render is 30x20 but the golden .* is 20x20/);
    await a.dispose();
    await b.dispose();
  });

  it('the vitest matcher fails with the message when pixels differ', async () => {
    const screen = await render(() => <View style={{ width: 5, height: 5, backgroundColor: 'black' }} />, { width: 10, height: 10 });
    expect(() => expect({}).toMatchImageSnapshot('x')).toThrow(/expects the Screen returned by render/);
    expect(() => expect(screen).toMatchImageSnapshot('bad name!')).toThrow(/must be letters, digits/);
    await screen.dispose();
  });
});
