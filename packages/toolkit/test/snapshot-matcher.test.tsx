import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { View, signal } from '@planar/toolkit';
import { compareSnapshot, isCi, render } from '@planar/toolkit/testing';

// Each case works in a temp folder of its own, removed after it.
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'planar-snap-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('compareSnapshot', () => {
  it('fails on a missing golden, leaving the render to look at and saying how to create the golden', async () => {
    const dir = tempDir();
    const golden = path.join(dir, 'new.png');
    const screen = await render(() => <View style={{ width: 10, height: 10, backgroundColor: 'red' }} />, { width: 20, height: 20 });
    for (const ci of [false, true]) {
      const result = compareSnapshot(screen.png(), golden, { update: false, ci });
      expect(result.pass).toBe(false);
      expect(result.written).toBeUndefined();
      expect(result.message).toContain(`there is no golden ${golden}`);
      expect(result.message).toContain(path.join(dir, 'new.actual.png'));
      expect(result.message).toMatch(/look at it.*`vitest -u` or PLANAR_UPDATE_SNAPSHOTS=1/);
      expect(existsSync(golden)).toBe(false);
      expect(PNG.sync.read(readFileSync(path.join(dir, 'new.actual.png'))).width).toBe(20);
    }
    await screen.dispose();
  });

  it('refuses to write a golden under CI, even when asked', async () => {
    const dir = tempDir();
    const golden = path.join(dir, 'ci.png');
    const screen = await render(() => <View style={{ width: 10, height: 10, backgroundColor: 'red' }} />, { width: 20, height: 20 });
    const result = compareSnapshot(screen.png(), golden, { update: true, ci: true });
    expect(result.pass).toBe(false);
    expect(result.message).toMatch(/refusing to write the golden .* under CI/);
    expect(existsSync(golden)).toBe(false);
    await screen.dispose();
  });

  it('tells a CI environment apart from one that only mentions CI', () => {
    expect(isCi({ CI: 'true' })).toBe(true);
    expect(isCi({ CI: '1' })).toBe(true);
    expect(isCi({})).toBe(false);
    expect(isCi({ CI: 'false' })).toBe(false);
    expect(isCi({ CI: '0' })).toBe(false);
  });

  it('writes a golden only when asked, passes on the same pixels, and on a change writes .actual and .diff and says where', async () => {
    const dir = tempDir();
    const golden = path.join(dir, 'box.png');
    const color = signal('red');
    const screen = await render(() => <View style={{ width: 10, height: 10, backgroundColor: color }} />, { width: 20, height: 20 });
    expect(compareSnapshot(screen.png(), golden, { update: true, ci: false })).toMatchObject({ pass: true, written: true });
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
    expect(compareSnapshot(screen.png(), golden, { update: true, ci: false })).toMatchObject({ pass: true, written: true });
    expect(compareSnapshot(screen.png(), golden, { update: false }).pass).toBe(true);
    await screen.dispose();
  });

  it('reports a size mismatch plainly', async () => {
    const dir = tempDir();
    const golden = path.join(dir, 'size.png');
    const a = await render(() => <View />, { width: 20, height: 20 });
    const b = await render(() => <View />, { width: 30, height: 20 });
    compareSnapshot(a.png(), golden, { update: true, ci: false });
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
