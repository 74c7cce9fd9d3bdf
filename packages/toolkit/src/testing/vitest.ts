/**
 * Registers `expect(screen).toMatchImageSnapshot(name, { maxDiffPixels?, threshold? })` and
 * the semantics matchers (`expect(screen.getByRole('switch')).toBeChecked()`, see matchers.ts) with
 * vitest. Import it once, e.g. in a setup file: `import '@planar/toolkit/vitest'`.
 * Goldens live in `__image_snapshots__/<name>.png` beside the test file. A missing golden fails
 * and leaves the render as `<name>.actual.png` to look at; goldens are written only with
 * `vitest -u` or `PLANAR_UPDATE_SNAPSHOTS=1`, and never under CI.
 */
import path from 'node:path';
import { expect } from 'vitest';
import { compareSnapshot, type SnapshotOptions } from './snapshot.js';
import { Screen } from './render.js';
import { semanticsMatchers } from './matchers.js';
import type { SemanticsValue } from '../semantics/types.js';
import type { TextMatch } from './queries.js';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  interface Matchers<T = any> {
    toMatchImageSnapshot(name: string, options?: SnapshotOptions): T;
    /** The node's `checked` state is true (not 'mixed'). */
    toBeChecked(): T;
    /** The node's `checked` state is 'mixed'. */
    toBePartiallyChecked(): T;
    /** The node or an ancestor is disabled. */
    toBeDisabled(): T;
    /** The node `value`: a number compares `now`, a string `text`, an object the fields it gives. */
    toHaveValue(expected: number | string | SemanticsValue): T;
    /** The node has keyboard focus. */
    toHaveFocus(): T;
    /** The node is mounted and neither it nor an ancestor is hidden or fully transparent. */
    toBeVisible(): T;
    /** The node's accessible name matches (or, without an argument, is not empty). */
    toHaveAccessibleName(expected?: TextMatch): T;
  }
}

expect.extend({
  ...semanticsMatchers,
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
