/**
 * Registers `expect(screen).toMatchImageSnapshot(name, { maxDiffPixels?, threshold? })` with
 * vitest. Import it once, e.g. in a setup file: `import '@planar/toolkit/vitest'`.
 * Goldens live in `__image_snapshots__/<name>.png` beside the test file. A missing golden fails
 * and leaves the render as `<name>.actual.png` to look at; goldens are written only with
 * `vitest -u` or `PLANAR_UPDATE_SNAPSHOTS=1`, and never under CI.
 */
import path from 'node:path';
import { expect } from 'vitest';
import { compareSnapshot, type SnapshotOptions } from './snapshot.js';
import { Screen } from './render.js';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  interface Matchers<T = any> {
    toMatchImageSnapshot(name: string, options?: SnapshotOptions): T;
  }
}

expect.extend({
  toMatchImageSnapshot(received: unknown, name: string, options: SnapshotOptions = {}) {
    if (!(received instanceof Screen)) {
      return { pass: false, message: () => 'toMatchImageSnapshot expects the Screen returned by render()' };
    }
    if (!/^[\w.-]+$/.test(name)) {
      return { pass: false, message: () => `snapshot name "${name}" must be letters, digits, '.', '_' or '-'` };
    }
    const state = expect.getState() as unknown as { testPath?: string; snapshotState?: { _updateSnapshot?: string } };
    const dir = path.join(path.dirname(state.testPath ?? process.cwd()), '__image_snapshots__');
    const update = process.env.PLANAR_UPDATE_SNAPSHOTS === '1' || state.snapshotState?._updateSnapshot === 'all';
    const result = compareSnapshot(received.png(), path.join(dir, `${name}.png`), { ...options, update });
    return { pass: result.pass, message: () => result.message };
  },
});
