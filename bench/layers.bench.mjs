/**
 * layers.alloc.ms.cold / layers.alloc.ms.reused: plane allocation for 8 layers on 10 planes
 * (a Raspberry Pi 5-shaped set with a cursor plane), against the rule checker as the display's
 * test(): a complete fresh search, and a frame where only content changed (the last allocation
 * reused).
 * layers.slide.repainted_px.plane / .composited: output pixels repainted or recomposed per frame
 * while a 300x200 popup slides 10 px a frame across the 800x480 demo dashboard, on a plane and
 * with plane="never".
 * layers.external.copy_bytes: bytes copied per frame while an ExternalLayer on a plane gets a
 * new frame every frame (and .composited, the same layer with plane="never", for contrast).
 */
import { Dashboard, createHomeModel } from '@planar/demo';
import { ExternalLayer, Layer, Text, View, createExternalSource, signal } from '@planar/toolkit';
import { jsx, jsxs } from '@planar/toolkit/jsx-runtime';
import { render } from '@planar/toolkit/testing';
import { PlaneAllocator } from '../packages/toolkit/dist/compositor/plane-allocator.js';
import { checkAssignment } from '../packages/toolkit/dist/compositor/plane-rules.js';
import { planePreset } from '../packages/toolkit/dist/backend/plane-presets.js';

export const name = 'layers';

export async function run({ median }) {
  return { ...await allocation(median), ...await slide('auto'), ...await slide('never'), ...await external('auto'), ...await external('never') };
}

/** A 300x200 card with a title and a line of text. */
function popup() {
  return jsxs(View, {
    style: { width: 300, height: 200, padding: 16, gap: 8, borderRadius: 16, backgroundColor: '#283040', borderWidth: 1, borderColor: '#3a4558' },
    children: [
      jsx(Text, { style: { fontSize: 20, fontWeight: 'bold', color: 'white' }, children: 'Front door' }),
      jsx(Text, { style: { fontSize: 14, color: '#aab' }, children: 'Someone is at the door' }),
    ],
  });
}

async function slide(plane) {
  const x = signal(0);
  const model = createHomeModel({ frozen: true });
  const screen = await render(() => jsxs(View, {
    children: [
      jsx(Dashboard, { model, width: 800, height: 480 }),
      jsx(Layer, { testId: 'popup', plane, position: () => ({ x: x.value, y: 140 }), children: popup() }),
    ],
  }), { width: 800, height: 480, checkDamage: false });
  const onPlane = screen.planeOf('popup') !== null;
  if (onPlane !== (plane === 'auto')) throw new Error(`bench: the popup is ${onPlane ? 'on a plane' : 'composited'} with plane="${plane}"`);
  const frames = [];
  for (let i = 1; i <= 50; i++) {
    x.value = i * 10;
    await screen.flush();
    frames.push(screen.stats.damagedPx + screen.stats.composedPx);
  }
  await screen.dispose();
  frames.sort((a, b) => a - b);
  const where = plane === 'auto' ? 'plane' : 'composited';
  return { [`layers.slide.repainted_px.${where}`]: { value: frames[frames.length >> 1], unit: 'px' } };
}

async function external(plane) {
  const source = createExternalSource({ width: 320, height: 180, format: 'XRGB8888' });
  const buffers = [0, 1, 2].map((i) => new Uint8Array(320 * 180 * 4).fill(40 + i * 60));
  let n = 0;
  const push = () => source.push({ kind: 'pixels', width: 320, height: 180, format: 'XRGB8888', pixels: buffers[n++ % 3] });
  push();
  const model = createHomeModel({ frozen: true });
  const screen = await render(() => jsxs(View, {
    children: [
      jsx(Dashboard, { model, width: 800, height: 480 }),
      jsx(ExternalLayer, { testId: 'video', source, plane, position: { x: 240, y: 150 } }),
    ],
  }), { width: 800, height: 480, checkDamage: false });
  const onPlane = screen.planeOf('video') !== null;
  if (onPlane !== (plane === 'auto')) throw new Error(`bench: the video is ${onPlane ? 'on a plane' : 'composited'} with plane="${plane}"`);
  const copied = [];
  for (let i = 0; i < 30; i++) {
    push();
    await screen.flush();
    if (screen.stats.skipped) throw new Error('bench: a frame was skipped');
    copied.push(screen.stats.copiedBytes);
  }
  await screen.dispose();
  copied.sort((a, b) => a - b);
  const name = plane === 'auto' ? 'layers.external.copy_bytes' : 'layers.external.copy_bytes.composited';
  return { [name]: { value: copied[copied.length >> 1], unit: 'bytes' } };
}

async function allocation(median) {
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
