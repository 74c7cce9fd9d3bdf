/**
 * The preview page's toolbar in a real browser: a size, a scale and a rotation chosen there
 * reach the app (a rotation turns the app; the output keeps its size and the page shows it
 * upright, as when the app turns itself), the emulated planes follow the chosen device, and
 * only the page in control drives the app until another takes control. Each test starts its
 * own app and page.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { planePreset } from '@planar/toolkit/backend';
import { browserMissingReason } from './browser.js';
import { centreOf, pixelsDiffering } from './page-helpers.js';
import { previewSessions } from './scene.js';

const missing = browserMissingReason();
if (missing && process.env.PLANAR_E2E === 'required') {
  throw new Error(`preview toolbar: ${missing} (PLANAR_E2E=required, so this suite may not be skipped)`);
}
if (missing) console.warn(`preview toolbar: skipped: ${missing}`);

const output = (page: Page) => page.evaluate(() => window.planarPreview.output);
const canvasSize = (page: Page) => page.evaluate(() => {
  const screen = document.getElementById('screen') as HTMLCanvasElement;
  return { width: screen.width, height: screen.height };
});

describe.skipIf(missing !== null)(`the preview page's toolbar${missing ? ` (skipped: ${missing})` : ''}`, () => {
  const start = previewSessions({ viewport: { width: 1000, height: 900 } });

  it('a size chosen in the page lays the app out again at that size', async () => {
    const { app, page } = await start();
    await page.selectOption('#size', '1024x600');
    await expect.poll(() => [app.width, app.height]).toEqual([1024, 600]);
    await expect.poll(() => output(page)).toMatchObject({ width: 1024, height: 600, rotation: 0 });
    expect(await pixelsDiffering(app, page)).toBe(0);
  });

  it('a rotation chosen in the page turns the app; the output keeps its size and reads upright', async () => {
    const { app, page, scene } = await start();
    await page.selectOption('#rotation', '90');
    await expect.poll(() => app.rotation).toBe(90);
    expect([app.width, app.height]).toEqual([480, 800]);
    await expect.poll(() => output(page)).toEqual({ width: 800, height: 480, scale: 1, rotation: 90 });
    expect(await canvasSize(page)).toEqual({ width: 800, height: 480 });
    const shown = (await page.locator('#screen').boundingBox())!;
    expect(shown.height, 'the canvas is shown turned: taller than wide').toBeGreaterThan(shown.width);
    // The lamp's box in output px, through the turn to the page: a tap there reaches it.
    const at = await centreOf(page, scene.refs.lamp);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => scene.lamp.value).toBe(true);
    expect(await pixelsDiffering(app, page)).toBe(0);

    await page.selectOption('#rotation', '270');
    await expect.poll(() => app.rotation).toBe(270);
    const again = await centreOf(page, scene.refs.lamp);
    await page.mouse.click(again.x, again.y);
    await expect.poll(() => scene.lamp.value).toBe(false);
    expect(await pixelsDiffering(app, page)).toBe(0);

    // The app turning itself is shown turned as well.
    app.setRotation(180);
    await expect.poll(() => output(page)).toMatchObject({ width: 800, height: 480, rotation: 180 });
    expect(await page.inputValue('#rotation')).toBe('180');
    expect(await pixelsDiffering(app, page)).toBe(0);
  });

  it('a scale of 2x doubles the output\'s pixels and keeps the app\'s logical size', async () => {
    const { app, page } = await start();
    await page.selectOption('#scale', '2');
    await expect.poll(() => canvasSize(page)).toEqual({ width: 1600, height: 960 });
    expect([app.width, app.height]).toEqual([800, 480]);
    expect(await output(page)).toEqual({ width: 1600, height: 960, scale: 2, rotation: 0 });
    expect(await pixelsDiffering(app, page)).toBe(0);
  });

  it('choosing the Raspberry Pi 5\'s planes gives the app its planes, and the outlines follow', async () => {
    const { app, page, messages } = await start();
    const planesMessages = () => messages.filter((m) => m.type === 'planes' || m.type === 'hello');
    expect(app.display.planes.map((p) => p.id)).toEqual(planePreset('vkms', { width: 800, height: 480 }).map((p) => p.id));
    await page.selectOption('#planes', 'pi5');
    const pi5 = planePreset('pi5', { width: 800, height: 480 });
    await expect.poll(() => app.display.planes.length).toBe(pi5.length);
    await expect.poll(() => (planesMessages().at(-1) as { preset?: string }).preset).toBe('pi5');
    await page.check('#outlines');
    const outlines = (planesMessages().at(-1) as unknown as { planes: { planeId: number; planeType: string }[] }).planes;
    expect(outlines.length).toBeGreaterThan(0);
    for (const o of outlines) expect(pi5.find((p) => p.id === o.planeId)?.type, `plane ${o.planeId}`).toBe(o.planeType);
    expect(await page.inputValue('#planes')).toBe('pi5');
    expect(await pixelsDiffering(app, page)).toBe(0);
  });

  it('a second page watches without control until it takes it; then the first page\'s input is ignored', async () => {
    const { page: first, scene, another } = await start();
    const second = await another();
    const controlText = (p: Page) => p.locator('#control-state').textContent();
    expect(await controlText(first)).toMatch(/You have input control/);
    expect(await controlText(second)).toMatch(/another viewer has input control/);
    expect(await second.isDisabled('#take-control')).toBe(false);

    const lampOn = async (p: Page) => {
      const at = await centreOf(p, scene.refs.lamp);
      await p.mouse.click(at.x, at.y);
    };
    await lampOn(second);
    // The second page takes control after its click: had the click been sent, it came first.
    await second.click('#take-control');
    await expect.poll(() => controlText(first)).toMatch(/another viewer has input control/);
    expect(scene.lamp.value, 'the click of a page without control does nothing').toBe(false);
    expect(await controlText(second)).toMatch(/You have input control/);

    await lampOn(second);
    await expect.poll(() => scene.lamp.value).toBe(true);
    await lampOn(first);
    await first.click('#take-control');
    await expect.poll(() => controlText(second)).toMatch(/another viewer has input control/);
    expect(scene.lamp.value, 'the first page\'s click, made without control, was ignored').toBe(true);
  });
});

declare global {
  interface Window {
    planarPreview: { output: { width: number; height: number; scale: number; rotation: number } };
  }
}
