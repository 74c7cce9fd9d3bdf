/**
 * The hot loader on a real project in a temp folder, built with esbuild and imported, its app
 * rendered headless: which modules run again after an edit, and what keeps its state.
 * Uses the package's build (npm run build -w @planar/preview).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Dev from '../src/dev/index.js';
import type * as Toolkit from '@planar/toolkit';
import type * as Testing from '@planar/toolkit/testing';
import type { jsx as Jsx } from '@planar/toolkit/jsx-runtime';

const TOOLKIT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../toolkit');
const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const REGISTRY_URL = pathToFileURL(path.join(DIST, 'hot/registry.js')).href;

/**
 * The built modules are imported by Node itself, and so import the registry and the toolkit as
 * Node loads them. The test reaches the loader, the toolkit and render() through a module of
 * the temp project as well, so that all of them are those same instances.
 */
interface Native { dev: typeof Dev; toolkit: typeof Toolkit; testing: typeof Testing; jsx: typeof Jsx }
let native: Native;

const FILES: Record<string, string> = {
  'package.json': '{ "name": "loader-test", "type": "module" }',
  'src/store.ts': `import { signal } from '@planar/toolkit';\nexport const taps = signal(0);\nexport const unit = 'taps';\n`,
  'src/Counter.tsx': `import { Text, View } from '@planar/toolkit';\nimport { taps, unit } from './store';\nexport function Counter() {\n  return <View onPress={() => taps.value++}><Text>{() => \`\${taps.value} \${unit}\`}</Text></View>;\n}\n`,
  'src/Label.tsx': `import { Text } from '@planar/toolkit';\nexport const Label = () => <Text>Hello</Text>;\n`,
  'src/main.tsx': `import { View } from '@planar/toolkit';\nimport { Counter } from './Counter.js';\nimport { Label } from './Label.tsx';\nexport default function Root() {\n  return <View><Counter /><Label /></View>;\n}\n`,
};

let dir = '';
let screen: Testing.Screen | null = null;

function write(file: string, text: string): string {
  const full = path.join(dir, file);
  writeFileSync(full, text);
  return full;
}

async function start() {
  const { dev, toolkit, testing, jsx } = native;
  const loader = new dev.HotLoader(dev.findProject(path.join(dir, 'src/main.tsx')), { hotRuntimeUrl: REGISTRY_URL });
  await loader.buildAll();
  const root = toolkit.signal((await loader.loadEntry()).default as () => unknown);
  screen = await testing.render(() => () => jsx(root.value as never, {}), { width: 320, height: 160 });
  await screen.tap(screen.getByText('0 taps'));
  await screen.tap(screen.getByText('1 taps'));
  return loader;
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'planar-loader-'));
  mkdirSync(path.join(dir, 'src'));
  mkdirSync(path.join(dir, 'node_modules/@planar'), { recursive: true });
  symlinkSync(TOOLKIT, path.join(dir, 'node_modules/@planar/toolkit'));
  for (const [file, text] of Object.entries(FILES)) write(file, text);
  const shim = write('node_modules/native.mjs', [
    `export * as dev from ${JSON.stringify(pathToFileURL(path.join(DIST, 'dev/index.js')).href)};`,
    "export * as toolkit from '@planar/toolkit';",
    "export * as testing from '@planar/toolkit/testing';",
    "export { jsx } from '@planar/toolkit/jsx-runtime';",
  ].join('\n'));
  native = (await import(/* @vite-ignore */ pathToFileURL(shim).href)) as Native;
});

afterEach(async () => {
  await screen?.dispose();
  screen = null;
  native.dev.resetHotRegistry();
  rmSync(dir, { recursive: true, force: true });
});

describe('hot loader', () => {
  it('boundary-edited: only the edited component module runs again; the store keeps its count', async () => {
    const loader = await start();
    const result = await loader.update([write('src/Label.tsx', FILES['src/Label.tsx']!.replace('Hello', 'Bonjour'))]);
    await screen!.flush();
    expect(result.reloaded).toEqual(['src/Label.tsx']);
    expect(result.swapped).toEqual(['src/Label.tsx#Label']);
    expect(screen!.getByText('Bonjour')).toBeTruthy();
    expect(screen!.getByText('2 taps')).toBeTruthy();
    expect(loader.reloads).toBe(1);
  });

  it('store-edited: a module of values runs again with its importers, whose components are swapped', async () => {
    const loader = await start();
    const result = await loader.update([write('src/store.ts', FILES['src/store.ts']!.replace("'taps'", "'presses'"))]);
    await screen!.flush();
    expect(result.reloaded).toEqual(['src/store.ts', 'src/Counter.tsx']);
    expect(result.swapped).toEqual(['src/Counter.tsx#Counter']);
    // The store ran again, so its count starts over: that is the edited module's own state.
    expect(screen!.getByText('0 presses')).toBeTruthy();
    expect(screen!.getByText('Hello')).toBeTruthy();
  });

  it('syntax-error: the build error names the file and line, and the app keeps the last good build', async () => {
    const loader = await start();
    const error = await loader.update([write('src/Label.tsx', 'export const Label = () => <Text>;\n')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(native.dev.TransformError);
    expect((error as Error).message).toMatch(/^src\/Label\.tsx:\d+:\d+: /);
    expect(screen!.getByText('Hello')).toBeTruthy();
    expect(loader.reloads).toBe(0);
    const fixed = await loader.update([write('src/Label.tsx', FILES['src/Label.tsx']!.replace('Hello', 'Fixed'))]);
    await screen!.flush();
    expect(fixed.swapped).toEqual(['src/Label.tsx#Label']);
    expect(screen!.getByText('Fixed')).toBeTruthy();
    expect(screen!.getByText('2 taps')).toBeTruthy();
  });

  it('broken-at-start: a project that neither builds nor runs at first starts once it is fixed', async () => {
    const { dev, testing, jsx } = native;
    write('src/Label.tsx', 'export const Label = () => <Text>;\n');
    write('src/store.ts', "throw new Error('store failed');\n");
    const loader = new dev.HotLoader(dev.findProject(path.join(dir, 'src/main.tsx')), { hotRuntimeUrl: REGISTRY_URL });
    await expect(loader.buildAll()).rejects.toThrow(/src\/Label\.tsx:\d+:\d+/);
    await expect(loader.loadEntry()).rejects.toThrow();
    expect(loader.entryLoaded).toBe(false);
    await loader.update([write('src/Label.tsx', FILES['src/Label.tsx']!), write('src/store.ts', FILES['src/store.ts']!)]);
    const Root = (await loader.loadEntry()).default as () => unknown;
    expect(loader.entryLoaded).toBe(true);
    screen = await testing.render(() => jsx(Root as never, {}), { width: 320, height: 160 });
    expect(screen.getByText('Hello')).toBeTruthy();
    expect(screen.getByText('0 taps')).toBeTruthy();
  });

  it('throws-while-running: a module that throws when imported leaves the last good version live', async () => {
    const loader = await start();
    const broken = `import { Text } from '@planar/toolkit';\nthrow new Error('label module failed');\nexport const Label = () => <Text>Never</Text>;\n`;
    await expect(loader.update([write('src/Label.tsx', broken)])).rejects.toThrow('label module failed');
    expect(screen!.getByText('Hello')).toBeTruthy();
    // The failed version was imported, and stays in memory like any other.
    expect(loader.reloads).toBe(1);
    const fixed = await loader.update([write('src/Label.tsx', FILES['src/Label.tsx']!.replace('Hello', 'Back'))]);
    await screen!.flush();
    expect(fixed.swapped).toEqual(['src/Label.tsx#Label']);
    expect(screen!.getByText('Back')).toBeTruthy();
  });
});
