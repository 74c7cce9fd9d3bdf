/**
 * The lean profile (V8 keeps CanvasKit's WebAssembly in its baseline compiler) draws exactly
 * what the default one (hot code recompiled by the optimising compiler) draws: the dashboard at
 * two sizes, and a scene with a blurred shadow, gradients, a scaled image and rotated text.
 *
 * The profile is per process, so each renders in a fresh Node process on the built packages
 * (fixtures/profile-render.mjs), with V8 asked to report every WebAssembly function it compiles:
 * that shows the lean process never used the optimising compiler and the default one did.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const FIXTURE = fileURLToPath(new URL('./fixtures/profile-render.mjs', import.meta.url));
const SCENES = ['dashboard-800x480', 'dashboard-1920x1080', 'effects-800x480'];
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Renders the scenes in a fresh process in `profile`; returns where the PNGs are and what V8 compiled. */
async function renderIn(profile: 'default' | 'lean') {
  const dir = mkdtempSync(path.join(tmpdir(), `planar-profile-${profile}-`));
  dirs.push(dir);
  const { stdout } = await promisify(execFile)(process.execPath, ['--trace-wasm-compilation-times', FIXTURE, dir], {
    env: { ...process.env, PLANAR_PROFILE: profile }, maxBuffer: 64 * 1024 * 1024, timeout: 90_000,
  });
  const lines = stdout.trim().split('\n');
  return {
    dir,
    reported: JSON.parse(lines.at(-1)!) as { profile: string },
    turbofan: lines.filter((l) => /using TurboFan/.test(l)).length,
    liftoff: lines.filter((l) => /using Liftoff/.test(l)).length,
  };
}

/** Where two RGBA images differ: the count of pixels and their bounding box. */
function difference(a: Buffer, b: Buffer, width: number): string {
  let count = 0, x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
  for (let i = 0; i < a.length; i += 4) {
    if (a.readUInt32BE(i) === b.readUInt32BE(i)) continue;
    const x = (i / 4) % width, y = Math.floor(i / 4 / width);
    count++;
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
  }
  return count ? `${count} px differ, within x ${x0}..${x1}, y ${y0}..${y1}` : 'no pixel differs';
}

describe('the lean profile', () => {
  it('draws the same pixels as the default profile', { timeout: 180_000 }, async () => {
    const [standard, lean] = await Promise.all([renderIn('default'), renderIn('lean')]);
    // Each process ran in the profile it was asked for: the toolkit says so, and V8's compile log shows it.
    expect(standard.reported.profile).toBe('default');
    expect(lean.reported.profile).toBe('lean');
    expect(standard.turbofan, 'the default process recompiled hot functions with TurboFan').toBeGreaterThan(0);
    expect(lean.turbofan, 'the lean process never used TurboFan').toBe(0);
    expect(lean.liftoff).toBeGreaterThan(0);

    for (const scene of SCENES) {
      const a = PNG.sync.read(readFileSync(path.join(standard.dir, `${scene}.png`)));
      const b = PNG.sync.read(readFileSync(path.join(lean.dir, `${scene}.png`)));
      expect([b.width, b.height]).toEqual([a.width, a.height]);
      expect(Buffer.compare(a.data, b.data) === 0, `${scene}: ${difference(a.data, b.data, a.width)}`).toBe(true);
    }
  });
});
