/**
 * Driving the preview page from a test: where an output pixel is on the page, when the page has
 * drawn everything the app committed, and what the canvas shows.
 */
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import type { App } from '@planar/toolkit';

/** Counts the frames the page draws (install before the page loads). */
export async function countDrawnFrames(page: Page): Promise<void> {
  await page.addInitScript(() => {
    let preview: { on(e: string, cb: (f: { sequence: number }) => void): void } | undefined;
    const w = window as unknown as { __drawn: number; __sequence: number };
    w.__drawn = 0;
    w.__sequence = -1;
    Object.defineProperty(window, 'planarPreview', {
      configurable: true,
      get: () => preview,
      set(value) {
        preview = value;
        value.on('frame', (f: { sequence: number }) => {
          w.__drawn++;
          w.__sequence = f.sequence;
        });
      },
    });
  });
}

/** The page position (CSS px) of output pixel (x, y), through the canvas's CSS scaling. */
export async function pagePoint(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  return page.evaluate(({ x, y }) => {
    const screen = document.getElementById('screen') as HTMLCanvasElement;
    const box = screen.getBoundingClientRect();
    return { x: box.left + (x * box.width) / screen.width, y: box.top + (y * box.height) / screen.height };
  }, { x, y });
}

/** The centre of a node's box on the page. */
export async function centreOf(page: Page, ref: { current: { box(): { x: number; y: number; width: number; height: number } } | null }) {
  const box = ref.current!.box();
  return pagePoint(page, box.x + box.width / 2, box.y + box.height / 2);
}

/** Resolves once the app has rendered no frame for `quietMs` and the page has drawn its last commit. */
export async function settle(app: App, page: Page, commits: () => number, quietMs = 400): Promise<void> {
  let last = performance.now();
  const off = app.on('frame', () => (last = performance.now()));
  try {
    while (performance.now() - last < quietMs) await new Promise((r) => setTimeout(r, 50));
  } finally {
    off();
  }
  await page.waitForFunction((n) => (window as unknown as { __sequence: number }).__sequence >= n, commits(), { timeout: 10_000 });
}

/** The canvas's pixels (RGBA) and size. */
export async function canvasPixels(page: Page): Promise<{ width: number; height: number; pixels: Buffer }> {
  const { width, height, base64 } = await page.evaluate(() => {
    const screen = document.getElementById('screen') as HTMLCanvasElement;
    const data = screen.getContext('2d')!.getImageData(0, 0, screen.width, screen.height).data;
    let text = '';
    for (let i = 0; i < data.length; i += 0x8000) text += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return { width: screen.width, height: screen.height, base64: btoa(text) };
  });
  return { width, height, pixels: Buffer.from(base64, 'base64') };
}

/** The app's screenshot, decoded. */
export async function screenshotPixels(app: App): Promise<{ width: number; height: number; pixels: Buffer }> {
  const png = PNG.sync.read(Buffer.from(await app.screenshot()));
  return { width: png.width, height: png.height, pixels: png.data };
}

/** How many pixels differ between the page's canvas and the app's screenshot (-1: sizes differ). */
export async function pixelsDiffering(app: App, page: Page): Promise<number> {
  const [shown, shot] = await Promise.all([canvasPixels(page), screenshotPixels(app)]);
  if (shown.width !== shot.width || shown.height !== shot.height) return -1;
  let differing = 0;
  for (let i = 0; i < shot.pixels.length; i += 4) {
    if (shot.pixels.readUInt32LE(i) !== shown.pixels.readUInt32LE(i)) differing++;
  }
  return differing;
}
