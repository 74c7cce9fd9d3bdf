/**
 * The plane allocator with its production budget on sway: what users get. Every other e2e app
 * runs the allocator with a 100 ms budget so that which layers ride planes never depends on load;
 * these apps keep the toolkit's own default. A first allocation for a new set of layers is not cut
 * short; later ones (a move that changes which layers overlap, a restack) are budgeted. Whatever
 * the budget leaves composited, the screen must equal the headless render.
 *
 *   the doorbell   the demo with its popup open (a Layer and an ExternalLayer): the first
 *                  allocation puts the window, the card and the camera each on a plane
 *   two cards      moved apart, over each other, restacked: each change asks the allocator again;
 *                  every visible layer is on a plane or composited, and sway shows the headless
 *                  render at every step
 *
 * Figures (test/wayland/results.json): layers on planes and allocation time at each step.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { Layer, Text, View, signal, type FrameStats } from '@planar/toolkit';
import { jsx, jsxs } from '@planar/toolkit/jsx-runtime';
import { render } from '@planar/toolkit/testing';
import { App as DemoApp, Dashboard, colors, createHomeModel } from '@planar/demo';
import { imageReport } from './compare.js';
import { recordFigures, type Figure } from './figures.js';
import { e2eGate, missingFor } from './gate.js';
import { appImage, openApp, renderDemo, showsOnScreen, swayForSuite } from './wayland-app.js';

const skip = e2eGate('wayland: the production plane budget on sway', missingFor(['sway', 'grim']));

/** openApp gives apps a 100 ms budget; an explicit undefined leaves the toolkit's production default. */
const PRODUCTION_BUDGET = { planeDeadlineMs: undefined };

interface Placement { a: { x: number; y: number }; b: { x: number; y: number }; aOnTop: boolean }

/** Apart; A over B (B on top); A raised; both moved so only a corner overlaps. */
const PLACEMENTS: Placement[] = [
  { a: { x: 60, y: 80 }, b: { x: 460, y: 220 }, aOnTop: false },
  { a: { x: 300, y: 160 }, b: { x: 420, y: 220 }, aOnTop: false },
  { a: { x: 300, y: 160 }, b: { x: 420, y: 220 }, aOnTop: true },
  { a: { x: 120, y: 60 }, b: { x: 340, y: 190 }, aOnTop: true },
];

function card(title: string, color: string) {
  return jsxs(View, {
    style: { width: 260, height: 160, padding: 16, borderRadius: 16, backgroundColor: color, borderWidth: 2, borderColor: '#ffffff' },
    children: [jsx(Text, { style: { fontSize: 20, fontWeight: 'bold', color: 'white' }, children: title })],
  });
}

/** The dashboard with two cards on layers, placed by a signal. */
function cardsApp(first: Placement) {
  const placement = signal(first);
  const root = () => jsxs(View, {
    children: [
      jsx(Dashboard, { model: createHomeModel({ frozen: true }), width: 800, height: 480 }),
      jsx(Layer, { testId: 'card-a', position: () => placement.value.a, zIndex: () => (placement.value.aOnTop ? 2 : 1), children: card('Card A', '#8e44ad') }),
      jsx(Layer, { testId: 'card-b', position: () => placement.value.b, zIndex: () => (placement.value.aOnTop ? 1 : 2), children: card('Card B', '#16a085') }),
    ],
  });
  return { root, placement };
}

async function headlessCards(p: Placement) {
  const screen = await render(cardsApp(p).root, { width: 800, height: 480, background: colors.background });
  const image = screen.pixels();
  await screen.dispose();
  return image;
}

/** Layers on planes: the planes used, less the composition layer where some layer is composited. */
const onPlanes = (s: FrameStats) => s.planesUsed - (s.composited > 0 ? 1 : 0);

describe.skipIf(skip)('the production plane budget on sway', () => {
  const suite = swayForSuite({ width: 800, height: 480 });
  const figures: Record<string, Figure> = {};
  afterAll(() => {
    if (Object.keys(figures).length) recordFigures(figures);
  });

  it('the doorbell popup\'s first allocation puts the window, the card and the camera each on a plane, and sway shows the headless render', async () => {
    const screen = await renderDemo(800, 480, { doorbell: true });
    const reference = screen.pixels();
    await screen.dispose();

    const model = createHomeModel({ frozen: true, doorbell: true });
    const { app } = suite.track(await openApp(suite.sway, () => jsx(DemoApp, { model }), { title: 'Planar demo', appId: 'dev.planar.demo', ...PRODUCTION_BUDGET }));
    figures['wayland.budget_default.layers_on_planes.doorbell'] = { value: onPlanes(app.stats), unit: 'frames' };
    figures['wayland.budget_default.alloc_ms.doorbell'] = { value: app.stats.allocMs, unit: 'ms' };
    expect(app.stats, 'not cut short: the same planes as with the long budget').toMatchObject({ layers: 3, planesUsed: 3, composited: 0 });
    expect(imageReport('app.screenshot() with the doorbell vs headless', reference, await appImage(app))).toBeNull();
    expect(await showsOnScreen(suite.sway, 'sway (grim) with the doorbell vs headless', reference)).toBeNull();
  });

  it('two cards moved over each other and restacked: every layer is shown, on a plane or composited, and sway shows the headless render at every step', async () => {
    const cards = cardsApp(PLACEMENTS[0]!);
    const { app } = suite.track(await openApp(suite.sway, cards.root, PRODUCTION_BUDGET));
    const steps: FrameStats[] = [{ ...app.stats }];
    expect(app.stats, 'the first allocation: the window and both cards on planes').toMatchObject({ layers: 3, planesUsed: 3, composited: 0 });
    expect(await showsOnScreen(suite.sway, 'sway (grim), cards apart, vs headless', await headlessCards(PLACEMENTS[0]!))).toBeNull();

    for (const [i, p] of PLACEMENTS.entries()) {
      if (i === 0) continue;
      cards.placement.value = p;
      const expected = await headlessCards(p);
      expect(await showsOnScreen(suite.sway, `sway (grim) at step ${i} vs headless`, expected)).toBeNull();
      expect(imageReport(`app.screenshot() at step ${i} vs headless`, expected, await appImage(app))).toBeNull();
      // The frame on screen now (an allocation cut short is searched again in a later frame).
      const stats = { ...app.stats };
      steps.push(stats);
      expect(onPlanes(stats) + stats.composited, `step ${i}: every visible layer on a plane or composited`).toBe(3);
    }
    steps.forEach((s, i) => {
      figures[`wayland.budget_default.layers_on_planes.cards_step_${i}`] = { value: onPlanes(s), unit: 'frames' };
      figures[`wayland.budget_default.alloc_ms.cards_step_${i}`] = { value: s.allocMs, unit: 'ms' };
    });
  });
});
