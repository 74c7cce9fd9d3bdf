/**
 * The on-screen keyboard coming up: a settings form at 800x480 (a title bar, a column of text
 * fields over a list of rows) with `<OnScreenKeyboard>` at its root, a finger on the first
 * field, and frames at 60 Hz on the virtual clock until the keyboard is fully up:
 *
 *   osk.show.ms                  from the tap to the frame that shows the keyboard fully up, on
 *                                the virtual clock (the slide's length, frames included)
 *   osk.show.frames              frames rendered in that time
 *   osk.show.cpu_ms              CPU time (user + system) of the tap and all those frames
 *   osk.show.repainted_px        pixels of the app repainted or recomposed meanwhile (all
 *                                frames' damage and composition, less the keyboard's own first
 *                                paint): 0 when the keyboard's layer is on a plane
 *   osk.show.*.composited        the same with no free plane (a primary-only device), for contrast
 *
 * Each figure is the median of fresh screens, after warming up. Headless display, no GPU.
 */
import { Text, View, useTextInput } from '@planar/toolkit';
import { jsx, jsxs } from '@planar/toolkit/jsx-runtime';
import { render } from '@planar/toolkit/testing';
import { OnScreenKeyboard } from '@planar/widgets';

export const name = 'osk';

const W = 800;
const H = 480;
const FRAME = 1000 / 60;

function Field({ testId }) {
  const ref = { current: null };
  useTextInput(ref, { inputMode: 'text', enterKeyHint: 'next' });
  return jsx(View, { ref, testId, focusable: true, style: { height: 44, borderWidth: 1, borderColor: '#5a6478', borderRadius: 6, backgroundColor: '#1b2230' } });
}

function scene() {
  return jsxs(View, {
    style: { width: W, height: H, backgroundColor: '#10151e' },
    children: [
      jsx(View, { style: { height: 56, backgroundColor: '#202838' } }),
      jsxs(View, {
        style: { padding: 16, gap: 10 },
        children: [
          ...['ssid', 'password', 'host'].map((id) => jsx(Field, { testId: id })),
          ...Array.from({ length: 6 }, (_, i) => jsx(Text, { style: { fontSize: 16, color: '#e8ecf4' }, children: `Setting ${i + 1}` })),
        ],
      }),
      jsx(OnScreenKeyboard, { layouts: ['en', 'de'] }),
    ],
  });
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** One fresh screen: tap the first field, render frames until the keyboard is fully up. */
async function showOnce(planes) {
  const screen = await render(scene, { width: W, height: H, planes, checkDamage: false });
  const clock = screen.internals.clock;
  const frames = [];
  const off = screen.app.on('frame', (s) => frames.push(s));
  const start = clock.now();
  const cpu = cpuMs();
  await screen.tap({ testId: 'ssid' });
  let box = screen.find({ testId: 'keyboard' });
  for (let i = 0; box.y + box.height > H && i < 120; i++) {
    await screen.advance(FRAME);
    box = screen.find({ testId: 'keyboard' });
  }
  const took = { ms: clock.now() - start, cpu: cpuMs() - cpu };
  if (box.y + box.height !== H) throw new Error(`bench osk: the keyboard did not come fully up (its box: ${JSON.stringify(box)})`);
  off();
  if (frames.some((f) => f.skipped)) throw new Error('bench osk: a frame was skipped');
  const own = box.width * box.height;
  const painted = frames.reduce((n, f) => n + f.damagedPx + f.composedPx, 0);
  await screen.dispose();
  return { ms: took.ms, frames: frames.length, cpu: took.cpu, px: painted - own };
}

async function show(planes, suffix) {
  for (let i = 0; i < 3; i++) await showOnce(planes);
  const runs = [];
  for (let i = 0; i < 9; i++) runs.push(await showOnce(planes));
  const med = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[runs.length >> 1];
  return {
    [`osk.show.ms${suffix}`]: { value: med('ms'), unit: 'ms' },
    [`osk.show.frames${suffix}`]: { value: med('frames'), unit: 'frames' },
    [`osk.show.cpu_ms${suffix}`]: { value: med('cpu'), unit: 'ms' },
    [`osk.show.repainted_px${suffix}`]: { value: med('px'), unit: 'px' },
  };
}

export async function run() {
  return { ...await show('pi5', ''), ...await show('primary-only', '.composited') };
}
