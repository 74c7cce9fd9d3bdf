/**
 * The closed-form simulations on their own: where they go, when they are done, and that an
 * edge, a spring and a snap land where they promise.
 */
import { describe, expect, it } from 'vitest';
import {
  FRICTION, FrictionSimulation, SpringSimulation, rubberBand, rubberBandDistance, type Simulation,
} from '../../src/scroll/index.js';
import { flingSimulation } from '../../src/scroll/fling.js';
import { snapSimulation } from '../../src/scroll/snap.js';

/** Positions every `step` s until the simulation is done (and its end). */
function trace(sim: Simulation, step = 1 / 240): number[] {
  const out: number[] = [];
  let t = 0;
  for (; !sim.isDone(t) && t < 30; t += step) out.push(sim.position(t));
  out.push(sim.end);
  return out;
}

describe('friction', () => {
  it.each([
    ['slow-flick', 500, 200],
    ['phone-flick', 2000, 800],
    ['hard-flick', 6000, 2400],
  ])('%s at %d px/s travels %d px', (_name, v0, distance) => {
    const sim = new FrictionSimulation(100, v0);
    expect(sim.end).toBeCloseTo(100 + distance, 9);
    // The last position shown before it is done is within a pixel of the end: no visible jump.
    expect(trace(sim).at(-2)!).toBeGreaterThan(100 + distance - 1);
  });

  it('a 2,000 px/s fling travels between 600 and 900 px, as on phones', () => {
    const d = new FrictionSimulation(0, 2000).end;
    expect(d).toBeGreaterThanOrEqual(600);
    expect(d).toBeLessThanOrEqual(900);
  });

  it('is done exactly when less than half a pixel is left to travel', () => {
    const sim = new FrictionSimulation(0, -3000);
    const doneAt = Math.log(3000 / (FRICTION * 0.5)) / FRICTION;
    expect(sim.isDone(doneAt - 0.01)).toBe(false);
    expect(Math.abs(sim.position(doneAt - 0.01) - sim.end)).toBeGreaterThan(0.5);
    expect(sim.isDone(doneAt + 1e-9)).toBe(true);
    expect(Math.abs(sim.position(doneAt) - sim.end)).toBeLessThanOrEqual(0.5 + 1e-9);
  });

  it('slows down continuously: the velocity is the slope of the position', () => {
    const sim = new FrictionSimulation(0, 2000);
    for (const t of [0, 0.1, 0.5, 1]) {
      const slope = (sim.position(t + 1e-6) - sim.position(t - 1e-6)) / 2e-6;
      expect(sim.velocity(t)).toBeCloseTo(slope, 2);
    }
  });

  it('solves the time it passes a point, and never for a point it does not reach', () => {
    const sim = new FrictionSimulation(50, 2000);
    expect(sim.position(sim.timeTo(500))).toBeCloseTo(500, 9);
    expect(sim.velocity(sim.timeTo(500))).toBeCloseTo(2000 - FRICTION * 450, 6);
    expect(sim.timeTo(900)).toBe(Infinity);
    expect(sim.timeTo(0)).toBe(Infinity);
  });
});

describe('spring', () => {
  it.each([
    ['pulled-100-past', -100, 0, 0],
    ['pulled-300-past', 300, 0, 0],
    ['thrown-outwards', 0, 4000, 0],
    ['thrown-back-hard', -80, 6000, 0],
    ['thrown-away-hard', -80, -6000, 0],
  ])('%s rests within 0.25 px by its settle time, and stays there', (_name, from, v0, to) => {
    const sim = new SpringSimulation(from, to, v0, 400);
    for (let t = 0.4; t < 3; t += 0.01) expect(Math.abs(sim.position(t) - to)).toBeLessThanOrEqual(0.25 + 1e-9);
    expect(sim.isDone(0.4)).toBe(true);
    expect(sim.isDone(0.399)).toBe(false);
  });

  it('travels: at half its settle time a 100 px spring back is still far from rest', () => {
    const sim = new SpringSimulation(-100, 0, 0, 400);
    expect(Math.abs(sim.position(0.2))).toBeGreaterThan(0.5);
    expect(sim.position(0)).toBe(-100);
    expect(sim.velocity(0)).toBe(0);
  });

  it('released at rest, it never overshoots (critically damped)', () => {
    const positions = trace(new SpringSimulation(-120, 0, 0, 400));
    for (let i = 1; i < positions.length; i++) {
      expect(positions[i]!).toBeGreaterThanOrEqual(positions[i - 1]!);
      expect(positions[i]!).toBeLessThanOrEqual(0);
    }
  });

  it('a longer settle time makes a slower spring', () => {
    expect(new SpringSimulation(-100, 0, 0, 800).omega).toBeLessThan(new SpringSimulation(-100, 0, 0, 400).omega);
  });

  it('refuses a settle time that is not a positive number', () => {
    expect(() => new SpringSimulation(0, 10, 0, 0)).toThrow(/settle time must be a positive number of ms, got 0/);
  });
});

describe('rubber band', () => {
  it('follows the finger at 0.55 at first, then less and less, never a whole viewport', () => {
    expect(rubberBand(1, 600)).toBeCloseTo(0.55, 2);
    let last = 0;
    for (let d = 50; d <= 3000; d += 50) {
      const o = rubberBand(d, 600);
      expect(o).toBeGreaterThan(last);
      expect(o - last).toBeLessThan(50 * 0.55);
      expect(o).toBeLessThan(600);
      last = o;
    }
  });

  it('its inverse gives back the finger distance', () => {
    for (const d of [0, 1, 100, 300, 1000]) expect(rubberBandDistance(rubberBand(d, 600), 600)).toBeCloseTo(d, 6);
  });
});

describe('fling at an edge', () => {
  const range = { min: 0, max: 500 };

  it('bounce: runs past the edge, turns, and rests on it within the settle time after the crossing', () => {
    const sim = flingSimulation(100, 3000, range, 'bounce', 400);
    const crossing = new FrictionSimulation(100, 3000).timeTo(500);
    expect(sim.position(crossing)).toBeCloseTo(500, 6);
    expect(Math.max(...trace(sim))).toBeGreaterThan(520);
    expect(sim.isDone(crossing + 0.4)).toBe(true);
    expect(Math.abs(sim.position(crossing + 0.4) - 500)).toBeLessThanOrEqual(0.25);
    expect(sim.end).toBe(500);
  });

  it('clamp: stops at the edge at the crossing, never past it', () => {
    const sim = flingSimulation(100, 3000, range, 'clamp', 400);
    expect(Math.max(...trace(sim))).toBe(500);
    expect(sim.isDone(new FrictionSimulation(100, 3000).timeTo(500))).toBe(true);
  });

  it('chain: stops at the edge and hands on the velocity it had there', () => {
    const sim = flingSimulation(100, 3000, range, 'chain', 400);
    expect(sim.handoff!.velocity).toBeCloseTo(3000 - FRICTION * 400, 6);
    expect(sim.position(sim.handoff!.time)).toBeCloseTo(500, 6);
    expect(sim.end).toBe(500);
  });

  it('released past the edge it springs back, unless thrown back in hard enough to glide', () => {
    expect(flingSimulation(-60, 0, range, 'bounce', 400)).toBeInstanceOf(SpringSimulation);
    expect(flingSimulation(-60, 100, range, 'bounce', 400).end).toBe(0);
    expect(flingSimulation(-60, 1000, range, 'bounce', 400).end).toBeCloseTo(-60 + 1000 / FRICTION, 9);
  });

  it('a fling that stops short of the edge is plain friction', () => {
    expect(flingSimulation(0, 1000, range, 'bounce', 400)).toBeInstanceOf(FrictionSimulation);
  });
});

describe('snap motion', () => {
  it.each([
    ['fast-towards-near-target', 40, 3000, 300],
    ['slow-towards-far-target', 40, 50, 300],
    ['at-rest', 140, 0, 100],
    ['away-from-target', 140, -900, 200],
    ['a-pixel-away', 99, 0, 100],
    ['hardest-brake', 0, 8000, 40],
  ])('%s lands exactly on its target', (_name, from, v0, target) => {
    const sim = snapSimulation(from, v0, target, 400);
    expect(sim.end).toBe(target);
    const positions = trace(sim);
    expect(positions.at(-1)).toBe(target);
    expect(Math.abs(positions.at(-2)! - target)).toBeLessThan(1);
  });

  it('keeps the release velocity when braking onto a target it would pass', () => {
    expect(snapSimulation(40, 3000, 300, 400).velocity(0)).toBe(3000);
  });
});
