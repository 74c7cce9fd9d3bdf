/**
 * The snapshot suite: every story becomes a test per theme and size, rendered headless and
 * compared with its golden. Called from a vitest file:
 *
 *   import { describeStories } from '@planar/preview/stories';
 *   import * as config from '../stories.config.js';
 *   describeStories(import.meta.glob('../stories/**\/*.stories.tsx', { eager: true }), { config });
 *
 * Test names read `<title> / <story> (<theme>, <w>x<h>)`. Goldens are `<golden name>.png` in
 * `goldens` (default: `__image_snapshots__/stories` beside the test file), compared exactly as
 * `toMatchImageSnapshot` does: a missing golden fails and leaves the render to look at, and
 * goldens are written only with `vitest -u` or PLANAR_UPDATE_SNAPSHOTS=1, never under CI.
 * A bad file, a bad story or a bad config each become a failing test that says what to fix.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { compareSnapshot, type SnapshotOptions } from '@planar/toolkit/testing';
import { caseName, casesOf, collectStories, configError, goldenName } from './collect.js';
import { renderStory } from './render-story.js';
import type { StoriesConfig } from './types.js';

export interface DescribeStoriesOptions extends SnapshotOptions {
  /** The package's `stories.config` module (its `decorate` wraps every story). */
  config?: StoriesConfig;
  /** The goldens' folder: a path or a file URL (default: `__image_snapshots__/stories` beside the test file). */
  goldens?: string | URL;
}

function goldensFolder(goldens: string | URL | undefined): string {
  if (goldens instanceof URL) return fileURLToPath(goldens);
  if (goldens !== undefined) return path.resolve(goldens);
  const testPath = (expect.getState() as { testPath?: string }).testPath;
  if (!testPath) throw new Error('describeStories: cannot tell where the test file is; pass goldens: new URL(\'./__image_snapshots__/stories/\', import.meta.url)');
  return path.join(path.dirname(testPath), '__image_snapshots__', 'stories');
}

function updateRequested(): boolean {
  const state = expect.getState() as unknown as { snapshotState?: { _updateSnapshot?: string } };
  return process.env.PLANAR_UPDATE_SNAPSHOTS === '1' || state.snapshotState?._updateSnapshot === 'all';
}

/**
 * Declares one test per story, theme and size (and one failing test per problem found).
 * @example describeStories(import.meta.glob('../stories/**\/*.stories.tsx', { eager: true }), { config });
 */
export function describeStories(modules: Record<string, unknown>, options: DescribeStoriesOptions = {}): void {
  const { config, goldens, ...tolerance } = options;
  const { stories, problems } = collectStories(modules);
  const badConfig = configError(config);
  if (badConfig) {
    it('the stories config', () => {
      throw new Error(badConfig);
    });
    return;
  }
  if (stories.length === 0 && problems.length === 0) {
    it('finds stories', () => {
      throw new Error('describeStories was given no stories files: check the import.meta.glob pattern (e.g. \'../stories/**/*.stories.tsx\', { eager: true })');
    });
  }
  for (const problem of problems) {
    it(`${problem.file}${problem.story ? ` / ${problem.story}` : ''}`, () => {
      throw new Error(problem.message);
    });
  }
  for (const story of stories) {
    for (const storyCase of casesOf(story)) {
      it(caseName(storyCase), async () => {
        const screen = await renderStory(storyCase, config);
        try {
          const golden = path.join(goldensFolder(goldens), `${goldenName(storyCase)}.png`);
          const result = compareSnapshot(screen.png(), golden, { ...tolerance, update: updateRequested() });
          if (!result.pass) throw new Error(`${caseName(storyCase)} from ${story.file}: ${result.message}`);
        } finally {
          await screen.dispose();
        }
      });
    }
  }
}
