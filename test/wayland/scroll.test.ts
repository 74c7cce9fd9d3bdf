/**
 * A toolkit list scrolling on real compositors: the page of test/kms/guest/scroll.mjs (a header
 * over 60 rows in a <ScrollLayer>) in an app on the wayland backend, scrolled to the offsets the
 * vkms suite scrolls it to. The list's tiles ride subsurfaces, and a scroll moves their
 * wp_viewport sources. At each offset:
 *
 *   - the tiles are on overlay planes (subsurfaces), each showing the part of its slot in view
 *     (its source), nothing composited;
 *   - the app's own capture of what it committed is a fresh headless render at that offset;
 *   - a scroll that stays inside the rendered tiles paints nothing, copies nothing and asks for
 *     no frame after it (test/kms/scroll-check.ts);
 *   - on screen:
 *       weston 10 (pixman)         the headless render, pixel for pixel, at every offset;
 *       sway 1.7 (pixman, scale 1) wlroots 0.15's pixman renderer scales by a source's size but
 *                                  ignores its offset (packages/native-wayland/src/viewport.ts,
 *                                  crop.test.ts), so a tile whose source starts below its
 *                                  buffer's top shows the buffer from row 0 instead. Offsets at a
 *                                  slot's edge (`start`, `slot-edge`: one tile, whole) are compared
 *                                  everywhere; at the others every pixel is compared but those of
 *                                  that one tile (the slot the viewport starts in): the header,
 *                                  the footer, the margins and the next slot's tile, whose source
 *                                  starts at its buffer's top, must be exact.
 */
import { describe, expect, it } from 'vitest';
import type { LayerState } from '@planar/toolkit/backend';
import { SCROLL_OUTPUT, SCROLL_STEPS, scrollList, showScrollSteps, type ScrollStep } from '../kms/guest/scroll.mjs';
import { expectQuietScrolls, scrolledHeadless, shownTiles, tilesAt, type ShownTile } from '../kms/scroll-check.js';
import { imageReport, type Box } from './compare.js';
import { startSway, startWeston, type Compositor } from './compositor.js';
import { e2eGate, missingFor } from './gate.js';
import type { Image } from './images.js';
import { appImage, openApp, showsOnScreen } from './wayland-app.js';

const skipWeston = e2eGate('wayland: a scrolled list on weston', missingFor(['weston']));
const skipSway = e2eGate('wayland: a scrolled list on sway', missingFor(['sway', 'grim']));

/** A tile shown from below its buffer's top: what sway 1.7 cannot show. */
const offsetSource = (t: ShownTile) => t.source !== null && (t.source.x !== 0 || t.source.y !== 0);

/** `actual` with the pixels inside `boxes` taken from `expected`: a comparison that skips them. */
function skipping(expected: Image, actual: Image, boxes: Box[]): Image {
  const pixels = actual.pixels.slice();
  for (const b of boxes) {
    for (let y = b.y; y < b.y + b.height; y++) {
      const from = (y * expected.width + b.x) * 4;
      pixels.set(expected.pixels.subarray(from, from + b.width * 4), from);
    }
  }
  return { ...actual, pixels };
}

/**
 * Polls the compositor's screenshots until one equals `expected` outside `skipped`; null then,
 * else the last difference once 2 s passed.
 */
async function showsOutside(compositor: Compositor, name: string, expected: Image, skipped: Box[]): Promise<string | null> {
  if (!skipped.length) return showsOnScreen(compositor, name, expected);
  const deadline = performance.now() + 2000;
  for (;;) {
    const report = imageReport(name, expected, skipping(expected, await compositor.screenshot(), skipped));
    if (!report || performance.now() > deadline) return report;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Runs the list on `compositor`, scrolls it through the steps and checks each (see the top of
 * this file), with `onScreen` judging the compositor's screenshot; returns its reports.
 */
async function scrollOn(compositor: Compositor, onScreen: (step: ScrollStep, expected: Image, tiles: ShownTile[]) => Promise<string | null>) {
  const list = scrollList();
  const { app, display } = await openApp(compositor, list.root, { title: 'Planar scroll' });
  const reports: (string | null)[] = [];
  try {
    expect([app.width, app.height]).toEqual([SCROLL_OUTPUT.width, SCROLL_OUTPUT.height]);
    const overlays = display.planes.filter((p) => p.type === 'overlay');
    expect(overlays.every((p) => p.crop === true), 'the compositor offers wp_viewporter: subsurfaces crop').toBe(true);
    const records = await showScrollSteps(app, list, async (step, record) => {
      const shown = display['shown'] as LayerState[];
      const tiles = shownTiles(shown.map((l) => ({ ...l, source: l.source ?? null })), overlays.map((p) => p.id));
      expect(tiles, `${step.name}: the tiles on subsurfaces`).toEqual(tilesAt(step.y));
      expect(shown, `${step.name}: the window and the tiles`).toHaveLength(tiles.length + 1);
      expect(record.stats.composited, step.name).toBe(0);
      const expected = await scrolledHeadless(step.y);
      expect(imageReport(`the app's capture at ${step.name} vs headless`, expected, await appImage(app))).toBeNull();
      reports.push(await onScreen(step, expected, tiles));
    }, { quietMs: 1000, frameTimeoutMs: 5000 });
    expectQuietScrolls(records);
  } finally {
    await app.close();
  }
  return reports;
}

describe.skipIf(skipWeston)('a scrolled list on weston', () => {
  it('shows the list at every offset as headless does, its tiles on subsurfaces, and a scroll within the rendered tiles paints nothing', async () => {
    const weston = await startWeston(SCROLL_OUTPUT);
    try {
      const reports = await scrollOn(weston, (step, expected) => showsOnScreen(weston, `weston at ${step.name} (y ${step.y}) vs headless`, expected));
      expect(reports).toEqual(SCROLL_STEPS.map(() => null));
    } finally {
      await weston.stop();
    }
  }, 120_000);
});

describe.skipIf(skipSway)('a scrolled list on sway', () => {
  it('shows the list as headless does wherever sway 1.7 honours a source, its tiles on subsurfaces, and a scroll within the rendered tiles paints nothing', async () => {
    const sway = await startSway(SCROLL_OUTPUT);
    try {
      const reports = await scrollOn(sway, (step, expected, tiles) => {
        const skipped = tiles.filter(offsetSource).map(({ x, y, width, height }) => ({ x, y, width, height }));
        return showsOutside(sway, `sway (grim) at ${step.name} (y ${step.y}) vs headless${skipped.length ? ', outside the tile shown from below its top' : ''}`, expected, skipped);
      });
      expect(SCROLL_STEPS.filter((s) => !tilesAt(s.y).some(offsetSource)).map((s) => s.name), 'steps sway shows exactly everywhere').toEqual(['start', 'slot-edge']);
      expect(reports).toEqual(SCROLL_STEPS.map(() => null));
    } finally {
      await sway.stop();
    }
  }, 120_000);
});
