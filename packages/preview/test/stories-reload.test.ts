/**
 * The gallery reloading while a build is slow: one load at a time, the saves made during a
 * load folded into one more load, the newest code shown at the end, and an old bundle removed
 * only once the story from the newer one is mounted. The loader is the real one, held back
 * on demand so that a build can be made slow without a clock.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { inspect, type App, type InspectedNode } from '@planar/toolkit';
import { startGallery, type Gallery } from '../src/stories/gallery.js';

const STORY_FILE = 'versioned.stories.tsx';

/** What the wrapped loader saw: builds running at once, the version each load read, and each bundle's removal. */
const probe = vi.hoisted(() => ({
  hold: null as Promise<void> | null,
  /** Called when a held load has built its bundle (and waits for `hold`). */
  built: null as (() => void) | null,
  running: 0,
  mostAtOnce: 0,
  versions: [] as number[],
  removals: [] as { version: number; shown: string[] }[],
  app: null as App | null,
}));

vi.mock('../src/stories/loader.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/stories/loader.js')>();
  const { readFileSync: read } = await import('node:fs');
  const { join } = await import('node:path');
  return {
    ...actual,
    async loadStories(dir: string) {
      const version = Number(/testId="v(\d+)"/.exec(read(join(dir, 'versioned.stories.tsx'), 'utf8'))![1]);
      const hold = probe.hold;
      probe.versions.push(version);
      probe.mostAtOnce = Math.max(probe.mostAtOnce, ++probe.running);
      try {
        const loaded = await actual.loadStories(dir);
        if (hold) probe.built?.();
        await hold;
        return { ...loaded, dispose: () => { probe.removals.push({ version, shown: shownVersions() }); return loaded.dispose(); } };
      } finally {
        probe.running--;
      }
    },
  };
});

/** The versions of the story mounted in the gallery now (its testIds). */
function shownVersions(): string[] {
  const found: string[] = [];
  const walk = (n: InspectedNode) => {
    if (n.testId?.startsWith('v')) found.push(n.testId);
    n.children.forEach(walk);
  };
  if (probe.app) walk(inspect(probe.app).nodeTree());
  return found;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const storyOf = (version: number) => `import { View } from '@planar/toolkit';
export default { title: 'Fixture/Versioned', sizes: [{ width: 40, height: 30 }] };
export const Shown = () => <View testId="v${version}" style={{ width: '100%', height: '100%' }} />;\n`;

let dir: string | null = null;
let gallery: Gallery | null = null;
afterAll(async () => {
  probe.app = null;
  try {
    await gallery?.close();
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
});

describe('reloading the stories while a build is slow', () => {
  it('loads one at a time, folds the saves made meanwhile into one more load, and removes an old bundle after the new story shows', async () => {
    dir = mkdtempSync(path.join(HERE, '.stories-fixture-'));
    const save = (version: number) => writeFileSync(path.join(dir!, STORY_FILE), storyOf(version));
    save(1);
    gallery = await startGallery({ dir, port: 0, watch: false });
    probe.app = gallery.app;
    expect(shownVersions()).toEqual(['v1']);

    // A save whose build is slow, then two more saves while it builds.
    let finishSlowBuild!: () => void;
    probe.hold = new Promise((resolve) => { finishSlowBuild = resolve; });
    const built = new Promise<void>((resolve) => { probe.built = resolve; });
    save(2);
    const slow = gallery.reload();
    probe.hold = null;
    await built;
    save(3);
    const second = gallery.reload();
    save(4);
    const third = gallery.reload();
    finishSlowBuild();
    await Promise.all([slow, second, third]);

    expect(probe.mostAtOnce).toBe(1);
    expect(probe.versions).toEqual([1, 2, 4]);
    expect(shownVersions()).toEqual(['v4']);
    expect(readFileSync(path.join(dir, STORY_FILE), 'utf8')).toContain('testId="v4"');
    expect(probe.removals).toEqual([{ version: 1, shown: ['v2'] }, { version: 2, shown: ['v4'] }]);
  });
});
