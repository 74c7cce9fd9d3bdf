/**
 * Scrolling a 1,000-row list (a full-screen <ScrollLayer> under a title bar), flung at
 * 6,000 px/s (2,400 px of travel, well past the rendered window) and followed frame by frame at
 * 60 Hz along the Scroller's own physics until it stops:
 *
 *   scroll.frame.ms.<size>          CPU time per frame (user + system), median; .p95 the 95th percentile
 *   scroll.repainted_px.<size>      pixels painted or recomposed per frame, median; .mean includes
 *                                   the frames that paint rows coming near ahead of time
 *   scroll.copy_bytes.<size>        bytes written into display buffers per frame, median; .mean likewise
 *   scroll.*.<size>.composited      the same with no free plane (a primary-only device), for contrast
 *   scroll.memory.<size>            surfaces and display buffers the list's tiles hold once settled
 *   list.mount.ms.<n>               a VirtualList of n items (100 and 100,000) mounted at 800x480:
 *                                   from render() to its first frame presented, median of fresh
 *                                   screens, the two sizes in turns (order swapped every round) after a warm-up (the items
 *                                   exist before; making them is not counted)
 *   list.fling.rows_made.<mode>     rows made (renderItem or renderRow calls) while a VirtualList of
 *                                   1,000 items at 800x480 is flung the same way, after its first
 *                                   frame: keyed rows (renderItem) against recycled ones (renderRow)
 *
 * at 800x480 and 1920x1080, on the headless display (planes emulated, no GPU, no device).
 */
import { FrictionSimulation, ScrollLayer, Text, View, signal } from '@planar/toolkit';
import { jsx, jsxs } from '@planar/toolkit/jsx-runtime';
import { render } from '@planar/toolkit/testing';
import { VirtualList, VirtualListController } from '@planar/widgets';

export const name = 'scroll';

const ROWS = 1000;
const ROW = 56;
const FLING = 6000;

/** The row of event `id`, or of whichever event `id()` says now (a recycled row). */
function row(id) {
  const of = typeof id === 'function' ? (f) => () => f(id()) : (f) => f(id);
  return jsxs(View, {
    style: { height: ROW, flexDirection: 'row', alignItems: 'center', paddingLeft: 16, gap: 12, borderBottomWidth: 1, borderColor: '#2c3442', backgroundColor: '#1b2230' },
    children: [
      jsx(View, { style: { width: 28, height: 28, borderRadius: 14, backgroundColor: of((i) => (i % 3 ? '#3d7eff' : '#ff8a3d')) } }),
      jsx(Text, { style: { fontSize: 18, color: '#e8ecf4' }, children: of((i) => `Event ${i}`) }),
    ],
  });
}

function scene(width, height, offset, withList) {
  return () => jsxs(View, {
    style: { width, height, backgroundColor: '#10151e' },
    children: [
      jsx(View, { style: { height: 56, backgroundColor: '#202838' } }),
      withList ? jsx(ScrollLayer, { testId: 'list', style: { flexGrow: 1 }, offset: () => ({ x: 0, y: offset.value }), children: Array.from({ length: ROWS }, (_, i) => row(i)) }) : null,
    ],
  });
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function fling(width, height, planes) {
  const offset = signal(0);
  const screen = await render(scene(width, height, offset, true), { width, height, planes, checkDamage: false });
  await screen.flush();
  const sim = new FrictionSimulation(0, FLING);
  const frames = [];
  for (let i = 1; !sim.isDone(i / 60); i++) {
    offset.value = sim.position(i / 60);
    const t = cpuMs();
    await screen.flush();
    const cpu = cpuMs() - t;
    const s = screen.stats;
    if (s.skipped) throw new Error('bench: a frame was skipped');
    frames.push({ cpu, px: s.damagedPx + s.composedPx, bytes: s.copiedBytes });
  }
  await screen.dispose();
  const sorted = (key) => frames.map((f) => f[key]).sort((a, b) => a - b);
  const med = (key) => sorted(key)[frames.length >> 1];
  const mean = (key) => Math.round(frames.reduce((n, f) => n + f[key], 0) / frames.length);
  const where = `${width}x${height}${planes === 'pi5' ? '' : '.composited'}`;
  return {
    [`scroll.frame.ms.${where}`]: { value: med('cpu'), unit: 'ms' },
    [`scroll.frame.ms.${where}.p95`]: { value: sorted('cpu')[Math.floor(frames.length * 0.95)], unit: 'ms' },
    [`scroll.repainted_px.${where}`]: { value: med('px'), unit: 'px' },
    [`scroll.repainted_px.${where}.mean`]: { value: mean('px'), unit: 'px' },
    [`scroll.copy_bytes.${where}`]: { value: med('bytes'), unit: 'bytes' },
    [`scroll.copy_bytes.${where}.mean`]: { value: mean('bytes'), unit: 'bytes' },
  };
}

/** What the compositor holds for pixels with the list, less the same screen without it. */
async function memory(width, height) {
  const held = async (withList) => {
    const screen = await render(scene(width, height, signal(0), withList), { width, height, planes: 'pi5', checkDamage: false });
    // Idle frames paint the tiles ahead until all are done.
    for (let i = 0; i < 20; i++) await screen.flush();
    const { surfaces, buffers } = screen.internals.compositor.memory();
    await screen.dispose();
    return surfaces + buffers;
  };
  return { [`scroll.memory.${width}x${height}`]: { value: await held(true) - await held(false), unit: 'bytes' } };
}

/** One VirtualList of `items` mounted: render() to its first frame presented, ms. */
async function mountOnce(items) {
  const t = performance.now();
  const screen = await render(() => jsx(VirtualList, {
    items, key: (item) => item.id, estimatedHeight: ROW, label: 'Events', style: { width: 800, height: 480 },
    renderItem: (item) => row(item.id),
  }), { width: 800, height: 480, planes: 'pi5', checkDamage: false });
  const took = performance.now() - t;
  await screen.dispose();
  return took;
}

/** Both sizes warmed up, then measured alternately, so neither pays for a cold process. */
async function listMount(sizes) {
  const lists = sizes.map((n) => Array.from({ length: n }, (_, i) => ({ id: i, text: `Event ${i}` })));
  for (let i = 0; i < 3; i++) for (const items of lists) await mountOnce(items);
  const times = lists.map(() => []);
  // In turns, the order swapped every round (A B, B A, …): the mount after another pays for its garbage.
  for (let i = 0; i < 15; i++) {
    const order = lists.map((_, k) => k);
    if (i % 2) order.reverse();
    for (const k of order) times[k].push(await mountOnce(lists[k]));
  }
  return Object.fromEntries(sizes.map((n, k) => [`list.mount.ms.${n}`, { value: times[k].sort((a, b) => a - b)[times[k].length >> 1], unit: 'ms' }]));
}

/** Rows a VirtualList of ROWS items makes while flung at FLING px/s (its first frame's rows not counted), keyed or recycled. */
async function listFling(mode) {
  const items = Array.from({ length: ROWS }, (_, i) => ({ id: i }));
  let made = 0;
  let controller;
  const rows = mode === 'keyed'
    ? { renderItem: (item) => (made++, row(item.id)) }
    : { renderRow: (item) => (made++, row(() => item.value.id)) };
  const screen = await render(() => {
    controller = new VirtualListController();
    return jsx(VirtualList, {
      items, key: (item) => item.id, estimatedHeight: ROW, label: 'Events', controller, style: { width: 800, height: 480 }, ...rows,
    });
  }, { width: 800, height: 480, planes: 'pi5', checkDamage: false });
  await screen.flush();
  const first = made;
  const sim = new FrictionSimulation(0, FLING);
  for (let i = 1; !sim.isDone(i / 60); i++) {
    controller.scrollToOffset(sim.position(i / 60), { animate: false });
    await screen.flush();
  }
  // The list shows the rows its offset says (getByText throws when a row is missing).
  screen.getByText(`Event ${Math.floor(controller.scroller.y.value / ROW) + 1}`);
  await screen.dispose();
  return { [`list.fling.rows_made.${mode}`]: { value: made - first, unit: 'count' } };
}

export async function run() {
  return {
    ...await listMount([100, 100_000]),
    ...await listFling('keyed'),
    ...await listFling('recycled'),
    ...await fling(800, 480, 'pi5'),
    ...await fling(800, 480, 'primary-only'),
    ...await fling(1920, 1080, 'pi5'),
    ...await memory(800, 480),
    ...await memory(1920, 1080),
  };
}
