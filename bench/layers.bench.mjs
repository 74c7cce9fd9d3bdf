/**
 * layers.alloc.ms.cold / layers.alloc.ms.reused: plane allocation for 8 layers on 10 planes
 * (a Raspberry Pi 5-shaped set with a cursor plane), against the rule checker as the display's
 * test(): a complete fresh search, and a frame where only content changed (the last allocation
 * reused).
 * The allocator is not wired into the compositor yet, so it is measured on its own.
 */
import { PlaneAllocator } from '../packages/toolkit/dist/compositor/plane-allocator.js';
import { checkAssignment } from '../packages/toolkit/dist/compositor/plane-rules.js';
import { planePreset } from '../packages/toolkit/dist/backend/plane-presets.js';

export const name = 'layers';

export async function run({ median }) {
  const output = { width: 1920, height: 1080 };
  const planes = planePreset('pi5', output, { cursor: true });
  if (planes.length !== 10) throw new Error(`expected 10 planes, got ${planes.length}`);
  const layer = (id, x, y, w, h, extra = {}) => ({
    id, x, y, width: w, height: h, bufferWidth: w, bufferHeight: h, format: 'ABGR8888',
    opacity: 1, zIndex: id, plane: 'auto', updates: id % 3, ...extra,
  });
  const layers = [
    layer(0, 0, 0, 1920, 1080, { format: 'XBGR8888' }),
    layer(1, 100, 100, 640, 360, { updates: 10 }),
    layer(2, 500, 300, 300, 200),
    layer(3, 1200, 100, 400, 800),
    layer(4, 50, 800, 600, 200, { opacity: 0.8 }),
    layer(5, 900, 600, 300, 300),
    layer(6, 1500, 950, 300, 100),
    layer(7, 960, 540, 32, 32, { format: 'ARGB8888', updates: 30 }),
  ];
  const test = (assignment) => checkAssignment(planes, output, assignment).ok;
  const input = { layers, output, planes, test, deadlineMs: 1 };
  // A generous deadline, so the figure is the time of a complete search (the goal: under 1 ms).
  const cold = await median(() => {
    const result = new PlaneAllocator().allocate({ ...input, deadlineMs: 100 });
    if (result.timedOut) throw new Error('the cold search hit its deadline: the figure would not be a full search');
    return result.ms;
  }, { runs: 51, warmup: 10 });
  const allocator = new PlaneAllocator();
  const first = allocator.allocate(input);
  if (first.score < 1) throw new Error('the allocation placed no layer on a plane');
  const reused = await median(() => {
    const result = allocator.allocate(input);
    if (!result.reused) throw new Error('an unchanged frame did not reuse the allocation');
    return result.ms;
  }, { runs: 51, warmup: 10 });
  return {
    'layers.alloc.ms.cold': { value: cold, unit: 'ms' },
    'layers.alloc.ms.reused': { value: reused, unit: 'ms' },
  };
}
