/**
 * Image snapshots: compares a PNG with a golden beside the test. The comparison is exact
 * unless the case states a tolerance.
 *
 * Goldens are made by a person, never by a test run on its own: a missing golden fails, the
 * render is written as `<name>.actual.png`, and the message says how to create the golden once
 * someone has looked at the render. Goldens are written only when asked (`vitest -u` or
 * `PLANAR_UPDATE_SNAPSHOTS=1`), and that request is refused under CI, where a run must judge
 * the goldens it was given. A mismatch writes `<name>.actual.png` and `<name>.diff.png`.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';

export interface SnapshotOptions {
  /** Pixels allowed to differ (default 0). */
  maxDiffPixels?: number;
  /** Per-pixel colour distance 0..1 under which pixels count as equal (default 0: exact). */
  threshold?: number;
}

export interface SnapshotResult { pass: boolean; message: string; written?: boolean }

export interface CompareOptions extends SnapshotOptions {
  /** Write (or rewrite) the golden from this render: `vitest -u` / `PLANAR_UPDATE_SNAPSHOTS=1`. */
  update: boolean;
  /** Running under CI: updates are refused and nothing is ever written as a golden (default: `CI` is set). */
  ci?: boolean;
}

/** True when the environment says this is a CI run (`CI` set to anything but empty, `0` or `false`). */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

const HOW_TO_CREATE = 'Open the render and look at it; if it shows what the test expects, create the golden ' +
  'with `vitest -u` or PLANAR_UPDATE_SNAPSHOTS=1 (refused under CI), or copy the render over the golden, and commit it.';

/**
 * Compares `png` with `golden` (a .png path), writing the golden only when `update` asks for it.
 *
 * ```ts
 * const result = compareSnapshot(screen.png(), 'test/__image_snapshots__/panel.png', { update: false });
 * expect(result.pass, result.message).toBe(true);
 * ```
 */
export function compareSnapshot(png: Uint8Array, golden: string, options: CompareOptions): SnapshotResult {
  const base = golden.replace(/\.png$/, '');
  const actualPath = `${base}.actual.png`, diffPath = `${base}.diff.png`;
  const ci = options.ci ?? isCi();
  if (options.update && ci) {
    return {
      pass: false,
      message: `refusing to write the golden ${golden} under CI (CI is set): goldens are created on a developer's machine ` +
        'from renders a person has looked at. Run without -u / PLANAR_UPDATE_SNAPSHOTS=1 here.',
    };
  }
  if (options.update) {
    mkdirSync(path.dirname(golden), { recursive: true });
    writeFileSync(golden, png);
    rmSync(actualPath, { force: true });
    rmSync(diffPath, { force: true });
    return { pass: true, written: true, message: `wrote the golden ${golden}` };
  }
  if (!existsSync(golden)) {
    mkdirSync(path.dirname(golden), { recursive: true });
    writeFileSync(actualPath, png);
    rmSync(diffPath, { force: true });
    return { pass: false, message: `there is no golden ${golden}. The render is at ${actualPath}. ${HOW_TO_CREATE}` };
  }
  const expected = PNG.sync.read(readFileSync(golden));
  const actual = PNG.sync.read(Buffer.from(png));
  if (expected.width !== actual.width || expected.height !== actual.height) {
    writeFileSync(actualPath, png);
    return {
      pass: false,
      message: `the render is ${actual.width}x${actual.height} but the golden ${golden} is ${expected.width}x${expected.height}; the render is at ${actualPath}. If the change is intended, look at the render and update with vitest -u or PLANAR_UPDATE_SNAPSHOTS=1 (refused under CI).`,
    };
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differing = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, {
    threshold: options.threshold ?? 0, includeAA: true,
  });
  const allowed = options.maxDiffPixels ?? 0;
  if (differing <= allowed) {
    rmSync(actualPath, { force: true });
    rmSync(diffPath, { force: true });
    return { pass: true, message: `matches ${golden} (${differing} of ${allowed} allowed pixels differ)` };
  }
  writeFileSync(actualPath, png);
  writeFileSync(diffPath, PNG.sync.write(diff));
  return {
    pass: false,
    message: `${differing} pixels differ from ${golden} (${allowed} allowed). Render: ${actualPath}; differences: ${diffPath}. If the change is intended, look at the render and update with vitest -u or PLANAR_UPDATE_SNAPSHOTS=1 (refused under CI).`,
  };
}
