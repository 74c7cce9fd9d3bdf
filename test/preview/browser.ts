/**
 * A headless Chromium (the system's, driven by playwright-core) for suites that open a page at
 * a URL: the preview, the inspector, the stories gallery. Each `openPage` launches its own
 * browser with a fresh profile; `close()` ends it and removes the profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { browserMissingReason, findChromium } from '../layout/browser.js';

export { browserMissingReason, findChromium };

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  close(): Promise<void>;
}

export interface OpenPageOptions {
  /** CSS px of the window (default 1280x900). */
  viewport?: { width: number; height: number };
  /** Emulates a touch screen (DevTools' touch emulation). */
  hasTouch?: boolean;
  /** Called before the page loads, e.g. to listen to its WebSockets. */
  before?: (page: Page) => void;
}

/**
 * Launches Chromium and opens `url` in it; resolves once the page has loaded.
 * @example const { page, close } = await openPage(display.url); … await close();
 */
export async function openPage(url: string, options: OpenPageOptions = {}): Promise<OpenedPage> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(browserMissingReason()!);
  const { chromium } = await import('playwright-core');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'planar-chromium-'));
  const viewport = options.viewport ?? { width: 1280, height: 900 };
  let context: BrowserContext | null = null;
  try {
    context = await chromium.launchPersistentContext(dataDir, {
      // The window as large as the viewport: input beyond a smaller window would land elsewhere.
      executablePath, headless: true, args: [...CHROMIUM_ARGS, `--window-size=${viewport.width},${viewport.height}`], deviceScaleFactor: 1,
      viewport, hasTouch: options.hasTouch ?? false,
    });
    const page = context.pages()[0] ?? await context.newPage();
    options.before?.(page);
    await page.goto(url, { waitUntil: 'load' });
    const opened = context;
    return {
      page,
      context: opened,
      async close() {
        await opened.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
