/**
 * Image snapshots: compares a PNG with a golden beside the test. Missing goldens are
 * written (and reported as written); with `update`, goldens are rewritten. A mismatch writes
 * `<name>.actual.png` and `<name>.diff.png` beside the golden and says where they are.
 * The comparison is exact unless the case states a tolerance.
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

/** Compares `png` with `golden` (a .png path), writing or updating it as asked. */
export function compareSnapshot(png: Uint8Array, golden: string, options: SnapshotOptions & { update: boolean }): SnapshotResult {
  const base = golden.replace(/\.png$/, '');
  const actualPath = `${base}.actual.png`, diffPath = `${base}.diff.png`;
  if (!existsSync(golden) || options.update) {
    mkdirSync(path.dirname(golden), { recursive: true });
    writeFileSync(golden, png);
    rmSync(actualPath, { force: true });
    rmSync(diffPath, { force: true });
    return { pass: true, written: true, message: `wrote the golden ${golden}` };
  }
  const expected = PNG.sync.read(readFileSync(golden));
  const actual = PNG.sync.read(Buffer.from(png));
  if (expected.width !== actual.width || expected.height !== actual.height) {
    writeFileSync(actualPath, png);
    return {
      pass: false,
      message: `the render is ${actual.width}x${actual.height} but the golden ${golden} is ${expected.width}x${expected.height}; the render is at ${actualPath}`,
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
    message: `${differing} pixels differ from ${golden} (${allowed} allowed). Render: ${actualPath}; differences: ${diffPath}. If the change is intended, look at the render and update with vitest -u or PLANAR_UPDATE_SNAPSHOTS=1.`,
  };
}
