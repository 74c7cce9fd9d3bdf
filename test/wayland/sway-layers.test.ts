/**
 * Layers on a real compositor: the wayland backend gives each plane-borne layer a
 * wl_subsurface above the window, positioned and restacked by the compositor. What sway shows
 * must equal the headless render, where the toolkit composes the same layers itself.
 *
 *   the doorbell   the demo with its popup open: a card (a <Layer>) and the camera picture (an
 *                  <ExternalLayer>) over the dashboard
 *   moving         two overlapping cards over the dashboard; moving one and swapping their
 *                  zIndex repaints nothing (damagedPx 0: only subsurface positions and order
 *                  change) and the screen shows them at the new places in the new order
 */
import { describe, expect, it } from 'vitest';
import { Layer, Text, View, signal } from '@planar/toolkit';
import { jsx, jsxs } from '@planar/toolkit/jsx-runtime';
import { render } from '@planar/toolkit/testing';
import { Dashboard, colors, createHomeModel } from '@planar/demo';
import { imageReport } from './compare.js';
import { e2eGate, missingFor } from './gate.js';
import { appImage, nextFrame, openApp, openDemo, renderDemo, showsOnScreen, swayForSuite, untilShown } from './wayland-app.js';

const skip = e2eGate('wayland: layers on sway', missingFor(['sway', 'grim', 'injector']));

/** A 260x160 card in one colour, with a title. */
function card(title: string, color: string) {
  return jsxs(View, {
    style: { width: 260, height: 160, padding: 16, borderRadius: 16, backgroundColor: color, borderWidth: 2, borderColor: '#ffffff' },
    children: [jsx(Text, { style: { fontSize: 20, fontWeight: 'bold', color: 'white' }, children: title })],
  });
}

interface Placement { a: { x: number; y: number }; b: { x: number; y: number }; aOnTop: boolean }

/** The dashboard with two overlapping cards on layers, placed by signals. */
function cardsApp() {
  const a = signal({ x: 120, y: 100 }), b = signal({ x: 260, y: 180 }), aOnTop = signal(false);
  const root = () => jsxs(View, {
    children: [
      jsx(Dashboard, { model: createHomeModel({ frozen: true }), width: 800, height: 480 }),
      jsx(Layer, { testId: 'card-a', position: () => a.value, zIndex: () => (aOnTop.value ? 2 : 1), children: card('Card A', '#c0392b') }),
      jsx(Layer, { testId: 'card-b', position: () => b.value, zIndex: () => (aOnTop.value ? 1 : 2), children: card('Card B', '#2471a3') }),
    ],
  });
  const place = (p: Placement) => {
    a.value = p.a;
    b.value = p.b;
    aOnTop.value = p.aOnTop;
  };
  return { root, place, state: (): Placement => ({ a: a.peek(), b: b.peek(), aOnTop: aOnTop.peek() }) };
}

/** The cards app rendered headless with the cards placed as given. */
async function headlessCards(p: Placement) {
  const cards = cardsApp();
  cards.place(p);
  const screen = await render(cards.root, { width: 800, height: 480, background: colors.background });
  const image = screen.pixels();
  await screen.dispose();
  return image;
}

describe.skipIf(skip)('layers as subsurfaces on sway', () => {
  const suite = swayForSuite({ width: 800, height: 480 });

  it('the doorbell popup (a Layer and an ExternalLayer) shows over the dashboard as on the headless render', async () => {
    const screen = await renderDemo(800, 480, { doorbell: true });
    const reference = screen.pixels();
    await screen.dispose();

    const opened = suite.track(await openDemo(suite.sway, { doorbell: true }));
    const { app } = opened;
    expect(app.stats.planesUsed, 'the window, the card and the camera each on a plane').toBe(3);
    expect(app.stats.composited).toBe(0);
    expect(imageReport('app.screenshot() with the doorbell vs headless', reference, await appImage(app))).toBeNull();
    expect(await showsOnScreen(suite.sway, 'sway (grim) with the doorbell vs headless', reference)).toBeNull();
  });

  it('moving and restacking layers repaints nothing, and the screen shows them at their new places', async () => {
    const cards = cardsApp();
    const opened = suite.track(await openApp(suite.sway, cards.root));
    const { app } = opened;
    expect(app.stats.planesUsed, 'the window and the two cards each on a plane').toBe(3);
    await untilShown(suite.sway, app);
    expect(await showsOnScreen(suite.sway, 'sway (grim) with two cards vs headless', await headlessCards(cards.state()))).toBeNull();

    const moved: Placement = { a: { x: 420, y: 220 }, b: { x: 300, y: 140 }, aOnTop: false };
    const moving = nextFrame(app);
    cards.place(moved);
    const afterMove = await moving;
    expect(afterMove, 'a move repaints nothing and keeps both cards on planes').toMatchObject({ damagedPx: 0, composedPx: 0, copiedBytes: 0, planesUsed: 3, composited: 0, skipped: false });
    expect(await showsOnScreen(suite.sway, 'sway (grim) after moving card A vs headless', await headlessCards(moved))).toBeNull();

    const restacked: Placement = { ...moved, aOnTop: true };
    const restacking = nextFrame(app);
    cards.place(restacked);
    expect(await restacking, 'a restack repaints nothing').toMatchObject({ damagedPx: 0, composedPx: 0, copiedBytes: 0, planesUsed: 3, skipped: false });
    expect(await showsOnScreen(suite.sway, 'sway (grim) with card A raised vs headless', await headlessCards(restacked))).toBeNull();
    expect(imageReport('app.screenshot() with card A raised vs headless', await headlessCards(restacked), await appImage(app))).toBeNull();
  });
});
