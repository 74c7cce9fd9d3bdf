/**
 * The inspector in a browser, as a person debugging a panel uses it: the page lists the tree,
 * a node picked on the screen has its box highlighted over it (never erasing the plane
 * outlines, nor erased by them), a layer's plane is shown;
 * and `PLANAR_INSPECT` on an app in another process serves it, refusing whoever comes from
 * elsewhere without the token.
 *
 * The browser part runs twice: on the preview backend's page (the screen streamed) and on the
 * inspector's own page (`serveInspector`, the screen sent as screenshots): the same panel over
 * the same `window.planarPreview`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { Layer, View, createApp, inspect, type App } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { serveInspector } from '@planar/preview/inspector';
import { previewBackend, type PreviewDisplay } from '@planar/preview';
import { browserMissingReason, findChromium } from '../layout/browser.js';

const missing = browserMissingReason();
if (missing && process.env.PLANAR_E2E === 'required') {
  throw new Error(`inspector in the browser: ${missing} (PLANAR_E2E=required, so this suite may not be skipped)`);
}
if (missing) console.warn(`inspector in the browser: skipped: ${missing}`);

const h = (type: unknown, props: Record<string, unknown>) => jsx(type as never, props as never);

/** A white page with a blue box (margin 10, padding 8) and a red popup on a plane. */
const scene = () => h(View, {
  style: { width: '100%', height: '100%', backgroundColor: 'white', alignItems: 'flex-start' },
  children: [
    h(View, { testId: 'target', style: { margin: 10, padding: 8, width: 80, height: 50, backgroundColor: '#2060c0' } }),
    h(Layer, { testId: 'popup', position: { x: 200, y: 100 }, children: h(View, { style: { width: 60, height: 40, backgroundColor: 'red' } }) }),
  ],
});

interface Opened { app: App; url: string; close(): Promise<void> }

/** The pages the panel runs in: the preview backend's (the screen streamed) and PLANAR_INSPECT's own (a screenshot, or the boxes' outlines). */
const pages: { name: string; outlines: boolean; open(): Promise<Opened> }[] = [
  {
    name: 'the preview page',
    outlines: true,
    async open() {
      const app = await createApp(scene, { backend: previewBackend({ port: 0 }), width: 320, height: 200 });
      return { app, url: (app.display as unknown as PreviewDisplay).url, close: () => app.close() };
    },
  },
  ...[true, false].map((screen) => ({
    name: `the page of PLANAR_INSPECT, ${screen ? 'with' : 'without'} the screen`,
    outlines: false,
    async open() {
      const app = await createApp(scene, { backend: 'headless', width: 320, height: 200 });
      const served = await serveInspector(inspect(app), { port: 0, screen });
      return { app, url: served.url, close: () => app.close() };
    },
  })),
];

/** The inspector's own canvas, stacked on the page's overlay. */
const HIGHLIGHT = 'canvas.inspector-highlight';

/** The alpha of one pixel of a canvas on the page (canvas px). */
function alphaAt(page: Page, selector: string, x: number, y: number): Promise<number> {
  return page.evaluate(([sel, px, py]) => {
    const canvas = document.querySelector(sel as string) as HTMLCanvasElement;
    return canvas.getContext('2d')!.getImageData(px as number, py as number, 1, 1).data[3]!;
  }, [selector, x, y] as const);
}

describe.skipIf(missing !== null).each(pages)(`the inspector on $name${missing ? ` (skipped: ${missing})` : ''}`, ({ open, outlines }) => {
  let opened: Opened, context: BrowserContext, page: Page, dataDir: string;

  beforeAll(async () => {
    opened = await open();
    const { chromium } = await import('playwright-core');
    dataDir = mkdtempSync(path.join(tmpdir(), 'planar-inspector-'));
    context = await chromium.launchPersistentContext(dataDir, {
      executablePath: findChromium()!, headless: true, viewport: { width: 1300, height: 800 }, deviceScaleFactor: 1,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = context.pages()[0] ?? await context.newPage();
    await page.goto(opened.url);
  });

  afterAll(async () => {
    await context?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await opened?.close();
  });

  it('lists the node tree beside the semantics tree', async () => {
    await page.locator('#inspector-nodes').getByText('<View> #target').waitFor();
    expect(await page.locator('#inspector-nodes button').count()).toBeGreaterThanOrEqual(4);
    await page.locator('#inspector-tree .tree-column', { hasText: 'Semantics' }).waitFor();
  });

  it('highlights the box of a node picked on the screen', async () => {
    await page.locator('#inspector-pick').click();
    const screen = page.locator('#screen');
    const size = () => screen.evaluate((c: HTMLCanvasElement) => ({ w: c.width, h: c.height }));
    await expect.poll(async () => (await size()).w).toBe(320);
    const r = (await screen.boundingBox())!;
    // The target's border box is 10,10 80x50 in output px; click its middle, scaled to CSS px.
    await screen.click({ position: { x: (50 * r.width) / 320, y: (35 * r.height) / 200 } });
    await page.locator('#inspector-detail h3').getByText('#target').waitFor();
    await page.locator('#inspector-detail').getByText('padding 8').waitFor();
    const alpha = (x: number, y: number) => alphaAt(page, HIGHLIGHT, x, y);
    // Margin band (5,5), padding band (12,12), content (50,35): drawn; beside the box: clear.
    await expect.poll(() => alpha(50, 35)).toBeGreaterThan(0);
    expect(await alpha(5, 5)).toBeGreaterThan(0);
    expect(await alpha(12, 12)).toBeGreaterThan(0);
    expect(await alpha(102, 35)).toBe(0);
    expect(await alpha(150, 150)).toBe(0);
    // The highlight's canvas lies exactly on the overlay, and lets clicks through to the screen.
    const placed = await page.evaluate((selector) => {
      const of = (c: HTMLCanvasElement) => {
        const r = c.getBoundingClientRect();
        return { x: r.x, y: r.y, w: r.width, h: r.height, pw: c.width, ph: c.height, events: getComputedStyle(c).pointerEvents };
      };
      return [of(document.getElementById('overlay') as HTMLCanvasElement), of(document.querySelector(selector) as HTMLCanvasElement)];
    }, HIGHLIGHT);
    expect(placed[1]).toEqual(placed[0]);
  });

  // Only the preview page draws plane outlines.
  if (outlines) it('keeps the plane outlines and the highlight apart: drawing one never erases the other', async () => {
    const highlighted = (x: number, y: number) => alphaAt(page, HIGHLIGHT, x, y);
    await page.locator('#outlines').check();
    // The root layer's outline runs down the left edge, under the target's margin band.
    await expect.poll(() => alphaAt(page, '#overlay', 1, 30)).toBeGreaterThan(0);
    expect(await highlighted(50, 35), 'outlines drawn, the highlight stays').toBeGreaterThan(0);
    // Hovering the page's node highlights it whole; leaving shows the target again.
    await page.locator('#inspector-nodes button').getByText('<View>', { exact: true }).first().hover();
    await expect.poll(() => highlighted(150, 150)).toBeGreaterThan(0);
    await page.mouse.move(1, 1);
    await expect.poll(() => highlighted(150, 150)).toBe(0);
    expect(await highlighted(50, 35)).toBeGreaterThan(0);
    expect(await alphaAt(page, '#overlay', 1, 30), 'the highlight redrawn, the outlines stay').toBeGreaterThan(0);
    await page.locator('#outlines').uncheck();
    await expect.poll(() => alphaAt(page, '#overlay', 1, 30)).toBe(0);
    expect(await highlighted(50, 35), 'outlines gone, the highlight stays').toBeGreaterThan(0);
  });

  it('shows the plane a layer is on', async () => {
    const plane = inspect(opened.app).layers().layers.find((l) => l.name === '"popup"')!.plane;
    expect(plane).not.toBeNull();
    const row = page.locator('#inspector-layers tr', { hasText: '"popup"' });
    await expect.poll(() => row.locator('.where').textContent()).toBe(`plane ${plane}`);
  });

  it('switches the damage flash on the app from the page', async () => {
    await page.locator('#inspector-flash').check();
    await expect.poll(() => inspect(opened.app).info().damageFlash).toBe(true);
    await page.locator('#inspector-flash').uncheck();
    await expect.poll(() => inspect(opened.app).info().damageFlash).toBe(false);
  });
});

/** An address of this machine other than loopback, or null when it has none. */
function outsideAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return null;
}

describe('PLANAR_INSPECT in another process', () => {
  let child: ChildProcess | null = null;
  afterAll(() => {
    if (child?.pid && child.exitCode === null) process.kill(child.pid);
  });

  it('serves the inspector and refuses a connection from elsewhere without the token', async () => {
    const app = fileURLToPath(new URL('./inspect-app.mjs', import.meta.url));
    child = spawn(process.execPath, [app], { env: { ...process.env, PLANAR_INSPECT: '0.0.0.0:0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d) => { err += d; });
    const url = await new Promise<URL>((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (d) => {
        out += d;
        const m = /planar inspect: (\S+)/.exec(out);
        if (m) resolve(new URL(m[1]!));
      });
      child!.on('exit', (code) => reject(new Error(`the app exited (${code}) before serving: ${err}`)));
    });
    const token = url.searchParams.get('token');
    expect(token).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    const host = outsideAddress() ?? '127.0.0.1';
    const base = `http://${host}:${url.port}`;
    const refused = await fetch(`${base}/`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/token is required/);
    const page = await fetch(`${base}/?token=${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<title>Planar inspector<\/title>/);
    // The screen is not sent unless asked.
    expect((await fetch(`${base}/screen.png?token=${token}`)).status).toBe(404);
  });
});
