/**
 * A toolkit list that scrolls on real planes, shared by the VM (scenario.mjs, the kms backend
 * on vkms), the wayland suite (test/wayland/scroll.test.ts, weston and sway) and the host tests
 * that render the same scene headless to compare pixels.
 *
 * The scene: a 1024x768 page with a header, a `<ScrollLayer>` of 60 rows (48 px each, every
 * row its own colour band and text) in a 976x520 viewport at 24,80, and a footer. The toolkit
 * renders the rows once, in tiles one viewport long (slot s holds content s*520..(s+1)*520),
 * four of them within the default memory budget: the rendered window covers four of the six
 * slots. Scrolling moves the tiles' source rectangles on their planes. Every pixel of the list
 * is opaque (the rows are filled, the content box is white), so no plane blends over another
 * and every comparison is exact.
 *
 * `showScrollSteps(app, list, shot)` scrolls a running app through SCROLL_STEPS. Before each
 * step and after it the app is let settle: a tile given a new slot paints it ahead over the
 * next frames, and the frame loop asks for each of those frames at once, so a quiet spell of
 * `quietMs` with no frame means every tile is painted. Each step records the stats of the
 * frame the scroll made and the rendered window (ScrollMetrics) before and after, then hands
 * the settled output to `shot`. The steps mix scrolls that stay inside the rendered window
 * (their frame must paint and copy nothing) with jumps out of it (they paint what comes into
 * view).
 */
import { ScrollLayer, Text, View, signal } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';

export const SCROLL_OUTPUT = { width: 1024, height: 768 };
/** The list's viewport on the output, px (the scene is laid out at scale 1). */
export const LIST_BOX = { x: 24, y: 80, width: 976, height: 520 };
export const ROWS = 60;
export const ROW_HEIGHT = 48;

/**
 * The offsets scrolled to, one after another (`y`, px). `start` is the first frame; with four
 * tiles of 520 px the rendered window is 0..2080 at `start`, 520..2600 after `jump` and
 * 1040..2880 after `far`.
 */
export const SCROLL_STEPS = [
  { name: 'start', y: 0 },
  { name: 'nudge', y: 137 },
  { name: 'jump', y: 900 },
  { name: 'slot-edge', y: 1040 },
  { name: 'far', y: 2000 },
  { name: 'end', y: ROWS * ROW_HEIGHT - LIST_BOX.height },
  { name: 'back', y: 40 },
];

const COLORS = ['#b23a48', '#e07a1f', '#d9b310', '#2a9d8f', '#276fbf', '#6a4c93'];
const box = (style, children) => jsx(View, { style, children });
const text = (style, children) => jsx(Text, { style, children });

function row(i) {
  return box({ height: ROW_HEIGHT, flexDirection: 'row', justifyContent: 'space-between', alignItems: 'center', paddingLeft: 16, paddingRight: 16, backgroundColor: COLORS[i % COLORS.length] }, [
    text({ fontSize: 20, color: '#ffffff' }, `Row ${i}`),
    text({ fontSize: 16, color: '#f4f1ea' }, `${(i * 37) % 100} items`),
  ]);
}

/**
 * The page with the list scrolled by `offset()` (a signal read); `onMetrics` hears the list's
 * rendered window.
 */
export function scrollPage(offset, onMetrics) {
  return box({ width: '100%', height: '100%', backgroundColor: '#1d2731' }, [
    box({ height: LIST_BOX.y, justifyContent: 'center', paddingLeft: 24 }, [text({ fontSize: 30, color: '#f4f1ea' }, 'Inbox')]),
    jsx(ScrollLayer, {
      testId: 'list', offset, onMetrics,
      style: { height: LIST_BOX.height, marginLeft: LIST_BOX.x, marginRight: SCROLL_OUTPUT.width - LIST_BOX.x - LIST_BOX.width },
      contentStyle: { backgroundColor: '#ffffff' },
      children: Array.from({ length: ROWS }, (_, i) => row(i)),
    }),
    box({ flexGrow: 1, justifyContent: 'center', paddingLeft: 24 }, [text({ fontSize: 18, color: '#9fb1c2' }, `${ROWS} messages`)]),
  ]);
}

/** The page with its offset in a signal and the list's last metrics, for an app to scroll. */
export function scrollList(y = 0) {
  const offset = signal({ x: 0, y });
  let metrics = null;
  return { offset, root: () => scrollPage(() => offset.value, (m) => { metrics = m; }), metrics: () => metrics };
}

/** Resolves with the stats of the app's next frame; rejects after `timeoutMs`. */
function nextFrame(app, timeoutMs) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { off(); reject(new Error(`no frame within ${timeoutMs} ms of the scroll`)); }, timeoutMs);
    const off = app.on('frame', (stats) => { clearTimeout(timer); off(); resolve({ ...stats }); });
  });
}

/** Resolves, once `quietMs` passed with no frame, with what the frames meanwhile painted and copied. */
function settle(app, quietMs) {
  const ahead = { frames: 0, damagedPx: 0, copiedBytes: 0 };
  return new Promise((resolve) => {
    let timer = setTimeout(done, quietMs);
    const off = app.on('frame', (stats) => {
      ahead.frames++;
      ahead.damagedPx += stats.damagedPx;
      ahead.copiedBytes += stats.copiedBytes;
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    function done() { off(); resolve(ahead); }
  });
}

const windowOf = (m) => (m ? { start: m.windowStart, end: m.windowEnd } : null);

/**
 * Scrolls `list` (of scrollList, running in `app`) through SCROLL_STEPS and awaits
 * `shot(step, record)` at each, settled. Returns the records: `stats` is the scroll's frame
 * (the first frame's for `start`), `windowBefore`/`windowAfter` the rendered window (content
 * px) around it, `ahead` what the frames after it painted ahead.
 */
export async function showScrollSteps(app, list, shot, { quietMs, frameTimeoutMs = 60_000 }) {
  const records = [];
  await settle(app, quietMs);
  for (const step of SCROLL_STEPS) {
    const windowBefore = windowOf(list.metrics());
    let stats = { ...app.stats };
    const scrolled = list.offset.peek().y !== step.y;
    if (scrolled) {
      const frame = nextFrame(app, frameTimeoutMs);
      list.offset.value = { x: 0, y: step.y };
      stats = await frame;
    }
    const ahead = await settle(app, quietMs);
    const record = { name: step.name, y: step.y, scrolled, stats, windowBefore, windowAfter: windowOf(list.metrics()), ahead };
    await shot(step, record);
    records.push(record);
  }
  return records;
}
