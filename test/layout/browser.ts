/**
 * A headless Chromium (the system's, driven by playwright-core) that lays out HTML and reports
 * border boxes. The browser is launched on first use and kept until `closeBrowser()`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

export interface Box { x: number; y: number; width: number; height: number }
/** A border box, with the size of its content box (inside padding and border). */
export interface BrowserBox extends Box { contentWidth: number; contentHeight: number }

const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];
const INSTALL_HINT = 'install it with `apt-get install -y --no-install-recommends chromium` ' +
  '(`node scripts/setup.mjs` does this as root, or prints the sudo command)';

/** The Chromium executable, or null when none is installed. */
export function findChromium(): string | null {
  return CHROMIUM_PATHS.find((p) => existsSync(p)) ?? null;
}

/** Why browser tests cannot run here (what to install), or null when they can. */
export function browserMissingReason(): string | null {
  if (findChromium()) return null;
  return `Chromium is not installed (looked for ${CHROMIUM_PATHS.join(', ')}); ${INSTALL_HINT}`;
}

interface Session { context: BrowserContext; page: Page; dataDir: string }
let session: Promise<Session> | null = null;

async function open(): Promise<Session> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(browserMissingReason()!);
  const { chromium } = await import('playwright-core');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'planar-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(dataDir, {
      executablePath, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1,
    });
    const page = context.pages()[0] ?? await context.newPage();
    return { context, page, dataDir };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Loads `html` and returns the border box of each element in `ids`, in CSS px relative to the
 * border box of the element `rootId`. An element that is not rendered (display: none, or inside
 * one) has a zero box; a missing id throws.
 */
export async function layoutInBrowser(html: string, ids: readonly string[], rootId: string): Promise<Map<string, BrowserBox>> {
  session ??= open();
  const { page } = await session;
  await page.setContent(html, { waitUntil: 'load' });
  const boxes = await page.evaluate(({ ids, rootId }) => {
    const element = (id: string) => {
      const el = document.getElementById(id);
      if (!el) throw new Error(`no element with id "${id}"`);
      return el;
    };
    const origin = element(rootId).getBoundingClientRect();
    return ids.map((id) => {
      const el = element(id);
      if (el.getClientRects().length === 0) { // not rendered
        return [id, { x: 0, y: 0, width: 0, height: 0, contentWidth: 0, contentHeight: 0 }] as const;
      }
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      const px = (...values: string[]) => values.reduce((sum, v) => sum + parseFloat(v), 0);
      return [id, {
        x: r.x - origin.x, y: r.y - origin.y, width: r.width, height: r.height,
        contentWidth: r.width - px(cs.paddingLeft, cs.paddingRight, cs.borderLeftWidth, cs.borderRightWidth),
        contentHeight: r.height - px(cs.paddingTop, cs.paddingBottom, cs.borderTopWidth, cs.borderBottomWidth),
      }] as const;
    });
  }, { ids: [...ids], rootId });
  return new Map(boxes);
}

/** Closes the browser (if it was launched) and removes its profile. */
export async function closeBrowser(): Promise<void> {
  if (!session) return;
  const pending = session;
  session = null;
  const { context, dataDir } = await pending.catch(() => ({ context: null, dataDir: null }));
  await context?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
