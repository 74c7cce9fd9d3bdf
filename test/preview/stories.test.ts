/**
 * The stories gallery in a browser: `startGallery` on the widget package's stories, the preview
 * page in Chromium. The sidebar lists every story; clicking one shows it, and the page's canvas
 * then holds exactly that story's picture from the snapshot suite (its golden, light theme).
 */
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { goldenName, startGallery, type Gallery } from '@planar/preview/stories';
import { browserMissingReason, openPage, type OpenedPage } from './browser.js';
import { canvasPixels, countDrawnFrames, settle } from './page-helpers.js';

const missing = browserMissingReason();
if (missing && process.env.PLANAR_E2E === 'required') {
  throw new Error(`stories gallery: ${missing} (PLANAR_E2E=required, so this suite may not be skipped)`);
}
if (missing) console.warn(`stories gallery: skipped: ${missing}`);

const WIDGETS = fileURLToPath(new URL('../../packages/widgets/', import.meta.url));
const GOLDENS = new URL('../../packages/widgets/test/__image_snapshots__/stories/', import.meta.url);

/** Pixels that differ between the page's canvas and a golden PNG (-1 when the sizes differ). */
async function differingFromGolden(opened: OpenedPage, golden: string): Promise<number> {
  const expected = PNG.sync.read(readFileSync(new URL(`${golden}.png`, GOLDENS)));
  const shown = await canvasPixels(opened.page);
  if (shown.width !== expected.width || shown.height !== expected.height) return -1;
  let differing = 0;
  for (let i = 0; i < shown.pixels.length; i += 4) {
    if (shown.pixels.readUInt32LE(i) !== expected.data.readUInt32LE(i)) differing++;
  }
  return differing;
}

describe.skipIf(missing !== null)(`the stories gallery${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let gallery: Gallery;
  let opened: OpenedPage;
  const settled = () => settle(gallery.app, opened.page);

  beforeAll(async () => {
    gallery = await startGallery({ dir: WIDGETS, port: 0, watch: false });
    opened = await openPage(gallery.url, { before: (page) => void countDrawnFrames(page) });
  });

  afterAll(async () => {
    await opened?.close();
    await gallery?.close();
  });

  it('lists every story of the widget package in the sidebar, grouped by title', async () => {
    const { page } = opened;
    await page.waitForFunction((n) => document.querySelectorAll('#sidebar button[data-story]').length === n, gallery.stories.length);
    const listed = await page.$$eval('#sidebar button[data-story]', (buttons) => buttons.map((b) => (b as HTMLButtonElement).dataset.story));
    expect(listed).toEqual(gallery.stories.map((s) => s.id));
    expect(listed.length).toBeGreaterThanOrEqual(12);
    const groups = await page.$$eval('#sidebar .stories-group h3', (headings) => headings.map((h) => h.textContent));
    expect(groups).toContain('Controls/Switch');
    expect(groups).toContain('Surfaces/Card');
    expect(await page.locator('#sidebar button[data-story="Controls/Switch / On"]').textContent()).toBe('On');
  });

  it('shows a story when its name is clicked: the canvas holds that story as the snapshot suite drew it', async () => {
    const { page } = opened;
    const first = gallery.stories[0]!;
    await page.waitForSelector(`#sidebar button[aria-current="true"][data-story="${first.id}"]`);
    await settled();
    expect(await differingFromGolden(opened, goldenName({ story: first, theme: 'light', size: first.sizes[0]! }))).toBe(0);

    for (const id of ['Controls/Switch / On', 'Surfaces/Card / Variants']) {
      const story = gallery.stories.find((s) => s.id === id)!;
      const golden = goldenName({ story, theme: 'light', size: story.sizes[0]! });
      expect(await differingFromGolden(opened, golden), `${id} before it is clicked`).not.toBe(0);
      await page.click(`#sidebar button[data-story="${id}"]`);
      await page.waitForSelector(`#sidebar button[aria-current="true"][data-story="${id}"]`);
      await settled();
      expect(gallery.selection).toEqual({ id, theme: 'light', size: `${story.sizes[0]!.width}x${story.sizes[0]!.height}`, locale: 'en' });
      expect(await differingFromGolden(opened, golden), `${id} after it is clicked`).toBe(0);
    }
  });

  it('switches the shown story to the dark theme from the sidebar', async () => {
    const { page } = opened;
    const story = gallery.stories.find((s) => s.id === 'Surfaces/Card / Variants')!;
    await page.selectOption('#stories-theme', 'dark');
    await page.waitForFunction(() => (document.getElementById('stories-theme') as HTMLSelectElement | null)?.value === 'dark');
    await expect.poll(() => gallery.selection?.theme, { timeout: 10_000 }).toBe('dark');
    await settled();
    expect(await differingFromGolden(opened, goldenName({ story, theme: 'dark', size: story.sizes[0]! }))).toBe(0);
  });
});
