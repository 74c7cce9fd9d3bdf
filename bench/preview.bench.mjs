/**
 * The browser preview: an app at 800x480 on the preview backend, watched by the system's
 * Chromium (headless, through playwright-core):
 *
 *   preview.first_paint.ms         from starting the app (its server included) to the page's first
 *                                  frame on its canvas; the browser is already running
 *   preview.bytes_per_frame        bytes of the frame message a page is sent when one label's text
 *                                  changes: the label's damaged rect only, compressed
 *   preview.input_round_trip.ms    from the page's pointerdown on a tile to the tile's new colour
 *                                  painted on the page's canvas (the app's handler in between),
 *                                  timed on the page's clock
 *
 * Without Chromium only preview.bytes_per_frame is measured (a node WebSocket stands in for
 * the page), and the reason is printed.
 */
import { existsSync } from 'node:fs';
import { WebSocket } from 'ws';
import { Text, View, createApp, signal } from '@planar/toolkit';
import { jsx, jsxs } from '@planar/toolkit/jsx-runtime';
import { previewBackend } from '@planar/preview';

export const name = 'preview';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? null;

/** A status label, and a tile that turns green while a pointer is down on it. */
function scene() {
  const label = signal('Living room: 21.0 °C');
  const pressed = signal(false);
  const tileRef = { current: null };
  const root = () => jsxs(View, {
    style: { width: '100%', height: '100%', padding: 24, gap: 24, backgroundColor: '#f4f6fa' },
    children: [
      jsx(Text, { style: { fontSize: 24, color: '#1b2230' }, children: () => label.value }),
      jsx(View, {
        ref: tileRef,
        style: { width: 160, height: 120, borderRadius: 12, backgroundColor: () => (pressed.value ? '#2fae66' : '#3d7eff') },
        onPointerDown: () => (pressed.value = true),
        onPointerUp: () => (pressed.value = false),
      }),
    ],
  });
  return { root, label, pressed, tileRef };
}

async function start(s) {
  const app = await createApp(s.root, { backend: previewBackend(), width: 800, height: 480 });
  return { app, display: app.display };
}

/** A node WebSocket on the display's stream; `next()` resolves with the next binary message's size. */
async function nodeViewer(display) {
  const ws = new WebSocket(new URL('stream', display.url.replace(/^http/, 'ws')));
  const unread = [];
  let wake = null;
  ws.on('message', (data, binary) => {
    if (!binary) return;
    unread.push(data.length);
    wake?.();
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const next = async () => {
    while (!unread.length) await new Promise((resolve) => (wake = resolve));
    return unread.shift();
  };
  return { ws, next };
}

async function bytesPerFrame(median) {
  const s = scene();
  const { app, display } = await start(s);
  const viewer = await nodeViewer(display);
  try {
    await viewer.next(); // the whole frame
    let n = 0;
    return await median(async () => {
      const sent = viewer.next();
      s.label.value = `Living room: ${(21 + (++n % 40) / 10).toFixed(1)} °C`;
      return sent;
    }, { runs: 15, warmup: 2 });
  } finally {
    viewer.ws.close();
    await app.close();
  }
}

async function launch() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    // The window as large as the pages' viewport: input beyond a smaller window lands elsewhere.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--window-size=1280,800'],
  });
  return browser;
}

/** Opens the display's page and resolves once it has drawn its first frame (page clock: ms after navigation start). */
async function openAndPaint(browser, display) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.addInitScript(() => {
    let preview;
    Object.defineProperty(window, 'planarPreview', {
      configurable: true,
      get: () => preview,
      set(value) {
        preview = value;
        window.__painted = new Promise((resolve) => value.on('frame', () => resolve(performance.now())));
      },
    });
  });
  await page.goto(display.url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__painted !== undefined);
  await page.evaluate(() => window.__painted);
  return page;
}

/** Resolves once the page's extra scripts (the inspector's panel) are in: the stage has its final size. */
async function settledLayout(page) {
  await page.waitForFunction(() => document.body.dataset.extras === 'loaded', null, { timeout: 30_000 });
}

async function firstPaint(browser, median) {
  return median(async () => {
    const s = scene();
    const t = performance.now();
    const { app, display } = await start(s);
    const page = await openAndPaint(browser, display);
    const ms = performance.now() - t;
    await page.context().close();
    await app.close();
    return ms;
  }, { runs: 5, warmup: 1 });
}

async function inputRoundTrip(browser, median) {
  const s = scene();
  const { app, display } = await start(s);
  const page = await openAndPaint(browser, display);
  try {
    await settledLayout(page);
    const box = s.tileRef.current.box();
    const where = () => page.evaluate(({ x, y }) => {
      const screen = document.getElementById('screen');
      const r = screen.getBoundingClientRect();
      return { x: r.left + (x * r.width) / screen.width, y: r.top + (y * r.height) / screen.height };
    }, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    return await median(async () => {
      // On the page: the pointerdown's time, then the first frame after it that paints the tile green.
      const timing = page.evaluate(({ x, y }) => new Promise((resolve, reject) => {
        setTimeout(() => reject(new Error('the tile did not turn green within 10 s of the press: the press missed it, or the page has no input control')), 10_000);
        const screen = document.getElementById('screen');
        const context2d = screen.getContext('2d');
        let downAt = null;
        screen.addEventListener('pointerdown', (e) => (downAt = e.timeStamp), { once: true, capture: true });
        const off = window.planarPreview.on('frame', () => {
          const [r, g] = context2d.getImageData(Math.round(x), Math.round(y), 1, 1).data;
          if (downAt === null || !(g > 150 && r < 100)) return;
          off();
          resolve(performance.now() - downAt);
        });
      }), { x: box.x + box.width / 2, y: box.y + box.height / 2 });
      const at = await where();
      await page.mouse.move(at.x, at.y);
      await page.mouse.down();
      const ms = await timing;
      await page.mouse.up();
      // The next press starts from a blue tile on the page, so its green frame is a change.
      await page.waitForFunction(({ x, y }) => {
        const [r, g, b] = document.getElementById('screen').getContext('2d').getImageData(Math.round(x), Math.round(y), 1, 1).data;
        return b > 200 && g < 150 && r < 100;
      }, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, { timeout: 10_000 });
      return ms;
    }, { runs: 9, warmup: 2 });
  } finally {
    await page.context().close();
    await app.close();
  }
}

export async function run({ median }) {
  const figures = { 'preview.bytes_per_frame': { value: await bytesPerFrame(median), unit: 'bytes' } };
  if (!CHROMIUM) {
    process.stderr.write(' (no Chromium at /usr/bin/chromium: first paint and input round trip not measured)');
    return figures;
  }
  for (const [figure, measure] of [['preview.input_round_trip.ms', inputRoundTrip], ['preview.first_paint.ms', firstPaint]]) {
    const browser = await launch();
    try {
      figures[figure] = { value: await measure(browser, median), unit: 'ms' };
    } finally {
      await browser.close();
    }
  }
  return figures;
}
