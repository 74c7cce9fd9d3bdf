/**
 * What the list of guest/scroll.mjs must look like at each step, for the suites that scroll it
 * on real planes (kms.test.ts on vkms, test/wayland/scroll.test.ts on weston and sway):
 *
 *   scrolledHeadless(y)   a fresh headless render of the page with the list at offset y, on
 *                         vkms's planes: the pixels every output must show
 *   tilesAt(y)            the tiles the output must show at y: the list's content is cut into
 *                         slots one viewport long (packages/toolkit/src/compositor/scroll-tiles.ts),
 *                         so the viewport shows the slot it starts in from y mod 520 and,
 *                         unless y is a slot's edge, the top of the next slot below it
 *   shownTiles(layers)    the layers an output shows on its overlay planes, in the same form
 *   expectQuietScrolls    the steps whose scroll stayed inside the content the toolkit had
 *                         rendered before it (its tiles kept their slots) painted nothing,
 *                         copied nothing, composed nothing and asked for no frame after; the
 *                         steps that moved the window painted (so those zeros are no constant)
 */
import { expect } from 'vitest';
import type { DamageRect } from '@planar/toolkit/backend';
import { render } from '@planar/toolkit/testing';
import type { Image } from '../wayland/images.js';
import { LIST_BOX, SCROLL_OUTPUT, scrollPage, type ScrollRecord } from './guest/scroll.mjs';

/** A tile as an output shows it: its place on the output and the part of its buffer shown (null: all). */
export interface ShownTile { x: number; y: number; width: number; height: number; source: DamageRect | null }

/** The page rendered afresh with the list at offset `y`, headless with vkms's planes. */
export async function scrolledHeadless(y: number): Promise<Image> {
  const screen = await render(() => scrollPage(() => ({ x: 0, y })), { ...SCROLL_OUTPUT, planes: 'vkms' });
  const image = screen.pixels();
  await screen.dispose();
  return image;
}

/** The tiles shown at offset `y`, top to bottom. */
export function tilesAt(y: number): ShownTile[] {
  const { x, width, height: slot } = LIST_BOX;
  const into = y % slot;
  const top: ShownTile = { x, y: LIST_BOX.y, width, height: slot - into, source: into ? { x: 0, y: into, width, height: slot - into } : null };
  if (!into) return [top];
  return [top, { x, y: LIST_BOX.y + slot - into, width, height: into, source: { x: 0, y: 0, width, height: into } }];
}

/** The layers on the given planes, as tiles, top to bottom. */
export function shownTiles(layers: (ShownTile & { planeId: number })[], planeIds: number[]): ShownTile[] {
  return layers.filter((l) => planeIds.includes(l.planeId)).sort((a, b) => a.y - b.y)
    .map(({ x, y, width, height, source }) => ({ x, y, width, height, source: source ?? null }));
}

/** Whether the step scrolled inside the window rendered before it, and the window stayed. */
function withinWindow(r: ScrollRecord): boolean {
  const before = r.windowBefore, after = r.windowAfter;
  return r.scrolled && !!before && !!after && before.start === after.start && before.end === after.end
    && r.y >= before.start && r.y + LIST_BOX.height <= before.end;
}

/** Checks the frames of the scroll steps (see the top of this file). */
export function expectQuietScrolls(records: ScrollRecord[]): void {
  const within = records.filter(withinWindow);
  expect(within.length, `steps that scroll within the rendered window: ${within.map((r) => r.name).join(', ')}`).toBeGreaterThanOrEqual(3);
  for (const r of within) {
    expect(r.stats, `${r.name}: the scroll's frame`).toMatchObject({ damagedPx: 0, copiedBytes: 0, composedPx: 0, skipped: false });
    expect(r.ahead.frames, `${r.name}: frames after the scroll`).toBe(0);
  }
  // A scroll that moves the window hands a tile a new slot, which its frame starts painting.
  const moved = records.filter((r) => r.scrolled && !withinWindow(r));
  expect(moved.length, `steps that move the rendered window: ${moved.map((r) => r.name).join(', ')}`).toBeGreaterThanOrEqual(2);
  for (const r of moved) expect(r.stats.damagedPx, `${r.name}: the scroll's frame paints`).toBeGreaterThan(0);
}
