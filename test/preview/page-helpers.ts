/**
 * Driving the preview page from a test: where an output pixel is on the page, when the page has
 * drawn everything the app committed, and what the canvas shows.
 */
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { createApp, type App } from '@planar/toolkit';
import { previewBackend, type PreviewDisplay } from '@planar/preview';
import { openPage, type OpenedPage } from './browser.js';

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

/**
 * The page position (CSS px) of output pixel (x, y): scaled from the canvas's pixels to its CSS
 * size, then turned back by the app's rotation about the canvas's centre, as the page shows it.
 */
export async function pagePoint(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  return page.evaluate(({ x, y }) => {
    const screen = document.getElementById('screen') as HTMLCanvasElement;
    const rotation = (window as unknown as { planarPreview: { output: { rotation: number } } }).planarPreview.output.rotation;
    const box = screen.getBoundingClientRect();
    const dx = (x * screen.clientWidth) / screen.width - screen.clientWidth / 2;
    const dy = (y * screen.clientHeight) / screen.height - screen.clientHeight / 2;
    const r = (-rotation * Math.PI) / 180, cos = Math.round(Math.cos(r)), sin = Math.round(Math.sin(r));
    return { x: box.left + box.width / 2 + dx * cos - dy * sin, y: box.top + box.height / 2 + dx * sin + dy * cos };
  }, { x, y });
}

/** The centre of a node's box on the page. */
export async function centreOf(page: Page, ref: { current: { box(): { x: number; y: number; width: number; height: number } } | null }) {
  const box = ref.current!.box();
  return pagePoint(page, box.x + box.width / 2, box.y + box.height / 2);
}

/** What `settle` watches on the app's preview display: its commits, the last that changed the output, those not yet presented. */
interface CommitCounter {
  readonly commits: number;
  readonly lastChange: number;
  readonly inFlight: number;
}

const SETTLE_TIMEOUT_MS = 10_000;

function countersOf(app: App): CommitCounter {
  const display = app.display as Partial<CommitCounter>;
  if (typeof display.commits !== 'number' || typeof display.lastChange !== 'number' || typeof display.inFlight !== 'number') throw new Error('settle: the app does not render to a preview display');
  return display as CommitCounter;
}

/**
 * Resolves once the page has drawn the display's last commit that changed the output (a commit
 * that changes nothing sends no frame) and no commit is in flight: then the page shows what the
 * app shows. A scene that still animates (a caret blinking) can commit
 * again at any time; pixel comparisons use `pixelsDiffering`, which reads both sides between
 * two commits.
 */
export async function settle(app: App, page: Page): Promise<void> {
  const display = countersOf(app);
  const until = performance.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    const [commits, changed] = [display.commits, display.lastChange];
    const drawn = await page.evaluate(() => (window as unknown as { __sequence: number }).__sequence);
    if (drawn >= changed && display.inFlight === 0 && display.commits === commits) return;
    if (performance.now() > until) throw new Error(`settle: the page drew commit ${drawn}; the output last changed at commit ${changed} (${display.inFlight} in flight)`);
    await new Promise((r) => setTimeout(r, 20));
  }
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

/**
 * How many pixels differ between the page's canvas and the app's screenshot (-1: sizes differ),
 * read once the page shows the display's last commit; read again if the app committed meanwhile.
 */
export async function pixelsDiffering(app: App, page: Page): Promise<number> {
  const display = countersOf(app);
  let shown: Awaited<ReturnType<typeof canvasPixels>>, shot: Awaited<ReturnType<typeof screenshotPixels>>;
  for (let attempt = 0; ; attempt++) {
    await settle(app, page);
    const commits = display.commits;
    [shown, shot] = await Promise.all([canvasPixels(page), screenshotPixels(app)]);
    if (display.commits === commits) break;
    if (attempt === 20) throw new Error('pixelsDiffering: the app never stood still long enough to compare');
  }
  if (shown.width !== shot.width || shown.height !== shot.height) return -1;
  let differing = 0;
  for (let i = 0; i < shot.pixels.length; i += 4) {
    if (shot.pixels.readUInt32LE(i) !== shown.pixels.readUInt32LE(i)) differing++;
  }
  return differing;
}

/** An app on the preview backend with a page open on it, and what the page was sent. */
export interface PreviewUnderTest {
  app: App;
  page: Page;
  /** Binary frame messages the page received. */
  framesReceived(): number;
  /** JSON messages the page received, in order. */
  messages: { type: string; [key: string]: unknown }[];
  /** Opens another page on the same app (closed with the rest). */
  another(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts `root` on the preview backend and opens its page in Chromium, with the page's frames
 * counted; resolves once the page shows the app.
 */
export async function openPreview(root: Parameters<typeof createApp>[0], options: { width: number; height: number; viewport?: { width: number; height: number }; hasTouch?: boolean }): Promise<PreviewUnderTest> {
  const app = await createApp(root, { backend: previewBackend(), width: options.width, height: options.height });
  const display = app.display as PreviewDisplay;
  const opened: OpenedPage[] = [];
  const messages: PreviewUnderTest['messages'] = [];
  let frames = 0;
  const open = async (watch: boolean) => {
    const page = await openPage(display.url, {
      viewport: options.viewport, hasTouch: options.hasTouch,
      before: (p) => {
        void countDrawnFrames(p);
        if (watch) {
          p.on('websocket', (ws) => ws.on('framereceived', (f) => {
            if (typeof f.payload === 'string') messages.push(JSON.parse(f.payload) as PreviewUnderTest['messages'][number]);
            else frames++;
          }));
        }
      },
    });
    opened.push(page);
    // The page's layout is final once its extras (the inspector's panel) are in.
    await page.page.waitForFunction(() => document.body.dataset.extras === 'loaded' && (window as unknown as { __sequence: number }).__sequence >= 0);
    await settle(app, page.page);
    return page.page;
  };
  try {
    const page = await open(true);
    return {
      app, page, messages,
      framesReceived: () => frames,
      another: () => open(false),
      async close() {
        for (const o of opened) await o.close();
        await app.close();
      },
    };
  } catch (error) {
    for (const o of opened) await o.close();
    await app.close();
    throw error;
  }
}
