/**
 * `planar dev` end to end: a temporary project runs in the preview page (Chromium), is clicked,
 * edited, broken and fixed, and the page is read the way a person sees it: by its pixels and
 * its notice banner.
 *
 * The app: a counter (its count a signal inside the component) drawn as a blue bar 10 + 40 × count
 * px wide, and, from another file, a label whose red box is as wide as its text. The project has
 * a tsconfig.json and TypeScript installed, so type errors are checked too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissingReason, findChromium } from '../layout/browser.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PLANAR = path.join(REPO, 'packages/preview/dist/cli/planar.js');

const missing = browserMissingReason();
if (missing && process.env.PLANAR_E2E === 'required') {
  throw new Error(`planar dev: ${missing} (PLANAR_E2E=required, so this suite may not be skipped)`);
}
if (missing) console.warn(`planar dev: skipped: ${missing}`);

const COUNTER = `import { Text, View, signal } from '@planar/toolkit';
export function Counter() {
  const count = signal(0);
  return (
    <View onPress={() => count.value++} style={{ width: 300, height: 60, backgroundColor: '#dddddd', padding: 8 }}>
      <View style={() => ({ width: 10 + count.value * 40, height: 20, backgroundColor: '#0000ff' })} />
      <Text>{() => \`Count: \${count.value}\`}</Text>
    </View>
  );
}
`;
const label = (text: string) => `import { Text, View } from '@planar/toolkit';
export function Label() {
  return <View style={{ alignSelf: 'flex-start', backgroundColor: '#ff0000', padding: 4 }}><Text style={{ color: '#ffffff' }}>${text}</Text></View>;
}
`;
const MAIN = `import { View } from '@planar/toolkit';
import { Counter } from './Counter';
import { Label } from './Label.js';
export default function Root() {
  return <View style={{ padding: 16, gap: 12, backgroundColor: '#ffffff' }}><Counter /><Label /></View>;
}
`;

/** The width of the widest run of exactly this colour in the screen canvas, px. */
function widthOf(page: Page, rgb: [number, number, number]): Promise<number> {
  return page.evaluate(([r, g, b]) => {
    // Before the page's script has started (a slow machine) there is no screen yet: nothing drawn.
    const preview = (window as unknown as { planarPreview?: { screen: HTMLCanvasElement } }).planarPreview;
    if (!preview) return 0;
    const canvas = preview.screen;
    const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let widest = 0;
    for (let y = 0; y < height; y++) {
      let run = 0;
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        run = data[i] === r && data[i + 1] === g && data[i + 2] === b ? run + 1 : 0;
        widest = Math.max(widest, run);
      }
    }
    return widest;
  }, rgb);
}

const blue = (page: Page) => widthOf(page, [0, 0, 255]);
const red = (page: Page) => widthOf(page, [255, 0, 0]);

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 20000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(value)})\n${logs.join('')}`);
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

const notice = (page: Page) => page.evaluate(() => {
  const box = document.getElementById('notice')!;
  return box.hidden ? null : box.textContent;
});

/** The temp folder: the project in project/, the browser's profile beside it. */
let root = '';
let dir = '';
let dev: ChildProcess | null = null;
let context: BrowserContext | null = null;
let page: Page;
const logs: string[] = [];

describe.skipIf(missing !== null)(`planar dev swaps components in the preview${missing ? ` (skipped: ${missing})` : ''}`, () => {
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'planar-dev-'));
    dir = path.join(root, 'project');
    mkdirSync(path.join(dir, 'src'), { recursive: true });
    // The project's own node_modules, as after an install: the toolkit linked from this checkout.
    mkdirSync(path.join(dir, 'node_modules/@planar'), { recursive: true });
    symlinkSync(path.join(REPO, 'packages/toolkit'), path.join(dir, 'node_modules/@planar/toolkit'));
    symlinkSync(path.join(REPO, 'node_modules/typescript'), path.join(dir, 'node_modules/typescript'));
    mkdirSync(path.join(dir, 'node_modules/.bin'));
    symlinkSync('../typescript/bin/tsc', path.join(dir, 'node_modules/.bin/tsc'));
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'dev-e2e', type: 'module', private: true }));
    writeFileSync(path.join(dir, 'src/Counter.tsx'), COUNTER);
    writeFileSync(path.join(dir, 'src/Label.tsx'), label('Hi'));
    writeFileSync(path.join(dir, 'src/main.tsx'), MAIN);
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx', jsxImportSource: '@planar/toolkit', skipLibCheck: true, types: [] },
      include: ['src'],
    }));
    dev = spawn(process.execPath, [PLANAR, 'dev', '--port', '0', 'src/main.tsx'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    dev.stderr!.on('data', (c: Buffer) => logs.push(c.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      dev!.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        logs.push(c.toString());
        const m = /planar preview: (\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      dev!.on('exit', (code) => reject(new Error(`planar dev exited with ${code}\n${logs.join('')}`)));
    });
    await until(async () => logs.join(''), (l) => l.includes('planar dev: watching'), 'the watcher');
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(path.join(root, 'chromium'), {
      executablePath: findChromium()!, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'], viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? await context.newPage();
    await page.goto(url);
    await until(() => blue(page), (w) => w === 10, 'the first frame with the counter at 0');
  });

  afterAll(async () => {
    await context?.close();
    if (dev?.pid && dev.exitCode === null) {
      const exited = new Promise((r) => dev!.once('exit', r));
      dev.kill('SIGTERM');
      await exited;
    }
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('keeps the counter at 2 while the edited label changes; syntax and type errors show in the page', async () => {
    const tapCounter = async () => {
      const box = (await page.locator('#screen').boundingBox())!;
      const size = await page.evaluate(() => { const s = (window as unknown as { planarPreview: { screen: HTMLCanvasElement } }).planarPreview.screen; return { w: s.width, h: s.height }; });
      await page.mouse.click(box.x + (100 * box.width) / size.w, box.y + (40 * box.height) / size.h);
    };
    await tapCounter();
    await until(() => blue(page), (w) => w === 50, 'the counter at 1');
    await tapCounter();
    await until(() => blue(page), (w) => w === 90, 'the counter at 2');
    const shortLabel = await red(page);

    writeFileSync(path.join(dir, 'src/Label.tsx'), label('Hello from a label that was edited'));
    const longLabel = await until(() => red(page), (w) => w > shortLabel + 50, 'the edited label');
    expect(await blue(page)).toBe(90);
    expect(await notice(page)).toBeNull();

    writeFileSync(path.join(dir, 'src/Label.tsx'), 'export function Label( {\n  return <View>;\n');
    const shown = await until(() => notice(page), (t) => t !== null, 'the syntax error notice');
    expect(shown).toContain('Label.tsx');
    expect(await red(page)).toBe(longLabel);
    expect(await blue(page)).toBe(90);

    writeFileSync(path.join(dir, 'src/Label.tsx'), label('Fixed'));
    await until(() => notice(page), (t) => t === null, 'the notice to clear');
    const fixedLabel = await until(() => red(page), (w) => w < longLabel, 'the fixed label');
    expect(await blue(page)).toBe(90);

    // A type error does not stop the swap: the label changes, and the page says what is wrong.
    writeFileSync(path.join(dir, 'src/Label.tsx'), label('Typed wrong').replace('export function Label() {', "export function Label() {\n  const width: number = 'wide';\n  void width;"));
    const typeNotice = await until(() => notice(page), (t) => t !== null, 'the type error notice');
    expect(typeNotice).toMatch(/type error[\s\S]*src\/Label\.tsx\(3,9\): error TS2322/);
    expect(await red(page)).not.toBe(fixedLabel);
    writeFileSync(path.join(dir, 'src/Label.tsx'), label('Fixed'));
    await until(() => notice(page), (t) => t === null, 'the type error notice to clear');
    expect(await blue(page)).toBe(90);
  });
});
