/**
 * Frame planning when a plane search is cut short, on a fake clock that only the display's
 * test commits advance: the planner asks for another frame (`pending`) until a search completes,
 * and the frames the compositor draws for it, with nothing else changing, are these `plan` calls.
 */
import { describe, expect, it } from 'vitest';
import type { Display, DisplayState } from '../src/backend/contract.js';
import { planePreset } from '../src/backend/plane-presets.js';
import { FramePlanner, type PlannedLayer } from '../src/compositor/frame-plan.js';
import { checkAssignment } from '../src/compositor/plane-rules.js';
import { OUT } from './alloc-layers.js';

const planes = planePreset('vkms', OUT);

/** A display whose test commits cost `clock.cost` ms each and that shows popup 2 on the top overlay (plane 4) only. */
function slowDisplay(clock: { t: number; cost: number }): Display {
  const test = (state: DisplayState) => {
    clock.t += clock.cost;
    const assignment = state.layers.map((l) => ({ planeId: l.planeId, layer: { ...l, zIndex: l.id } }));
    const ok = checkAssignment(planes, OUT, assignment).ok && !state.layers.some((l) => l.id === 2 && l.planeId !== 4);
    return { ok };
  };
  // Planning reads the planes and calls test(); nothing else of the display.
  return { planes, test } as Pick<Display, 'planes' | 'test'> as Display;
}

function record(id: number, x: number, y: number, width: number, height: number, format: PlannedLayer['format'] = 'ARGB8888'): PlannedLayer {
  const view = { x, y, width, height, source: { x: 0, y: 0, width, height } };
  return { id, view, width, height, format, opacity: 1, info: null, updates: 0, direct: false, external: null, frameBuffer: null };
}

const root = () => record(0, 0, 0, OUT.width, OUT.height, 'XRGB8888');
const apart = () => [root(), record(1, 20, 20, 200, 150), record(2, 300, 20, 200, 150), record(3, 20, 250, 200, 150)];
/** Popup 2 moved over popup 1. */
const moved = () => [root(), record(1, 20, 20, 200, 150), record(2, 120, 60, 200, 150), record(3, 20, 250, 200, 150)];

describe('frame planning', () => {
  it('cut-short-searches-again-when-idle', () => {
    const clock = { t: 0, cost: 0.01 };
    const planner = new FramePlanner(slowDisplay(clock), () => clock.t);
    const noBuffers = () => null;
    expect(planner.plan(apart(), OUT, false, noBuffers).score).toBe(4);
    expect(planner.pending).toBe(false);

    // The device slows down; popup 2 moves over popup 1, and then the UI changes nothing more.
    clock.cost = 5;
    const moveFrame = planner.plan(moved(), OUT, false, noBuffers);
    expect(moveFrame.timedOut).toBe(true);
    expect(planner.pending).toBe(true);
    // The frame shows the greedy walk's leaf meanwhile.
    expect(moveFrame.score).toBe(1);

    // The frames drawn only because the planner asked for them: each searches with a longer budget.
    const followUps = [];
    while (planner.pending && followUps.length < 20) followUps.push(planner.plan(moved(), OUT, false, noBuffers));
    expect(followUps.length).toBeGreaterThan(0);
    expect(followUps.length).toBeLessThanOrEqual(10);
    const last = followUps.at(-1)!;
    expect(last.timedOut).toBe(false);
    expect(Object.fromEntries(last.planeOf)).toEqual({ 0: 1, 1: 2, 2: 4, 3: 3 });
    expect(planner.whyComposited(2, last, String)).toBeNull();
    // Settled: the next frame (a label repaint, say) reuses the allocation.
    expect(planner.plan(moved(), OUT, false, noBuffers).reused).toBe(true);
    expect(planner.pending).toBe(false);
  });
});
