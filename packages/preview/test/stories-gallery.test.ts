/**
 * The gallery without a browser: stories bundled with esbuild from a package folder (sharing
 * one toolkit and one copy of what the files share), build and load errors, and the `/stories`
 * socket a page talks to — the list, selecting a story with a theme, refusals, a reload when a
 * stories file is added, and a story's size on an output turned a quarter.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { loadStories } from '../src/stories/loader.js';
import { startGallery, type Gallery } from '../src/stories/gallery.js';

// Inside the package, so that '@planar/toolkit' resolves from the fixture as from any package.
const HERE = path.dirname(fileURLToPath(import.meta.url));
const FILES: Record<string, string> = {
  'tone.ts': `import { createContext } from '@planar/toolkit';\nexport const Tone = createContext('#000000', 'Tone');\n`,
  'stories.config.tsx': `import { Tone } from './tone.js';
export function decorate(story, { theme }) {
  return <Tone.Provider value={theme === 'dark' ? '#203040' : '#f0e0d0'}>{story()}</Tone.Provider>;
}\n`,
  'src/swatch.stories.tsx': `import { View, useContext } from '@planar/toolkit';
import { Tone } from '../tone.js';
function Swatch() {
  const tone = useContext(Tone);
  return <View style={{ width: '100%', height: '100%', backgroundColor: tone }} />;
}
export default { title: 'Fixture/Swatch', sizes: [{ width: 64, height: 48 }] };
export const Plain = () => <Swatch />;
export const Wide = { render: () => <Swatch />, sizes: [{ width: 96, height: 40 }] };\n`,
};

function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(HERE, '.stories-fixture-'));
  for (const [name, text] of Object.entries(files)) write(dir, name, text);
  return dir;
}

function write(dir: string, name: string, text: string): void {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const folder = (files: Record<string, string>) => {
  const dir = fixture(files);
  made.push(dir);
  return dir;
};

describe('loadStories', () => {
  it('bundles the stories and the config of a folder, found in subfolders', async () => {
    const loaded = await loadStories(folder({ ...FILES, 'src/.gitkeep': '' }));
    try {
      expect(loaded.problems).toEqual([]);
      expect(loaded.stories.map((s) => `${s.file}: ${s.id}`)).toEqual([
        `src${path.sep}swatch.stories.tsx: Fixture/Swatch / Plain`, `src${path.sep}swatch.stories.tsx: Fixture/Swatch / Wide`,
      ]);
      expect(typeof loaded.config?.decorate).toBe('function');
    } finally {
      await loaded.dispose();
    }
  });

  it('rejects a file that does not compile with its file, line and column', async () => {
    const dir = folder({ 'broken.stories.tsx': 'export default { title: "B" };\nexport const Oops = () => <View style={{ }} ;\n' });
    await expect(loadStories(dir)).rejects.toThrow(/the stories in .* do not compile:\n.*broken\.stories\.tsx:2:\d+: /);
  });

  it('reports a file that throws while it loads, and still loads the others', async () => {
    const dir = folder({ ...FILES, 'bad.stories.tsx': 'throw new Error("no catalogue");\nexport default { title: "Bad" };\n' });
    const loaded = await loadStories(dir);
    try {
      expect(loaded.problems.map((p) => p.message)).toEqual(['bad.stories.tsx throws while it loads: no catalogue']);
      expect(loaded.stories).toHaveLength(2);
    } finally {
      await loaded.dispose();
    }
  });

  it('says what to give when the folder does not exist', async () => {
    await expect(loadStories(path.join(HERE, 'no-such-folder'))).rejects.toThrow(/there is no folder .*no-such-folder; give the folder of a package with \*\.stories\.tsx files/);
  });
});

describe('the gallery and its /stories socket', () => {
  let gallery: Gallery;
  let dir: string;
  const inbox: Record<string, unknown>[] = [];
  let socket: WebSocket;

  /** The next message of `type` the page is sent (waiting for it when it has not come yet). */
  async function next(type: string): Promise<Record<string, unknown>> {
    await expect.poll(() => inbox.findIndex((m) => m.type === type), { timeout: 10_000 }).toBeGreaterThanOrEqual(0);
    return inbox.splice(inbox.findIndex((m) => m.type === type), 1)[0]!;
  }
  const pixel = (x: number, y: number) => {
    const { width, pixels } = gallery.display.captureSync();
    return [...pixels.subarray((y * width + x) * 4, (y * width + x) * 4 + 4)];
  };

  beforeAll(async () => {
    dir = folder(FILES);
    gallery = await startGallery({ dir, port: 0, watch: true });
    socket = new WebSocket(`ws://127.0.0.1:${gallery.display.server.port}/stories`);
    socket.on('message', (data) => inbox.push(JSON.parse(String(data)) as Record<string, unknown>));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  });
  afterAll(async () => {
    socket?.close();
    await gallery?.close();
  });

  it('sends the page every story with its sizes and themes, and shows the first one in the light theme', async () => {
    const hello = await next('stories');
    expect(hello.stories).toEqual([
      { id: 'Fixture/Swatch / Plain', title: 'Fixture/Swatch', name: 'Plain', file: `src${path.sep}swatch.stories.tsx`, themes: ['light', 'dark'], locale: 'en', sizes: ['64x48'] },
      { id: 'Fixture/Swatch / Wide', title: 'Fixture/Swatch', name: 'Wide', file: `src${path.sep}swatch.stories.tsx`, themes: ['light', 'dark'], locale: 'en', sizes: ['96x40'] },
    ]);
    expect(hello.selection).toEqual({ id: 'Fixture/Swatch / Plain', theme: 'light', size: '64x48', locale: 'en' });
    await expect.poll(() => pixel(10, 10), { timeout: 10_000 }).toEqual([0xf0, 0xe0, 0xd0, 255]);
    expect(gallery.display.output).toMatchObject({ width: 64, height: 48 });
  });

  it('shows the story a page selects, at its size and in the theme asked for', async () => {
    socket.send(JSON.stringify({ type: 'select', id: 'Fixture/Swatch / Wide', theme: 'dark' }));
    expect((await next('selection')).selection).toEqual({ id: 'Fixture/Swatch / Wide', theme: 'dark', size: '96x40', locale: 'en' });
    await expect.poll(() => pixel(90, 30), { timeout: 10_000 }).toEqual([0x20, 0x30, 0x40, 255]);
    expect(gallery.display.output).toMatchObject({ width: 96, height: 40 });
  });

  it('answers a selection it cannot follow with the reason, and keeps the story shown', async () => {
    socket.send(JSON.stringify({ type: 'select', id: 'Fixture/Swatch / Tall' }));
    expect((await next('error')).message).toBe('there is no story "Fixture/Swatch / Tall"; the stories are "Fixture/Swatch / Plain", "Fixture/Swatch / Wide"');
    socket.send(JSON.stringify({ type: 'select', id: 'Fixture/Swatch / Wide', size: '64x48' }));
    expect((await next('error')).message).toBe('story "Fixture/Swatch / Wide" declares the sizes 96x40, not 64x48');
    socket.send('{"type":"play"}');
    expect((await next('error')).message).toBe('expected { type: "select", id, theme?, size?, locale? }');
    expect(gallery.selection?.id).toBe('Fixture/Swatch / Wide');
  });

  it('loads the stories again when a stories file is added, keeping the story shown', async () => {
    write(dir, 'more.stories.tsx', `import { View } from '@planar/toolkit';
export default { title: 'Fixture/More', sizes: [{ width: 32, height: 32 }] };
export const Green = () => <View style={{ width: '100%', height: '100%', backgroundColor: '#00ff00' }} />;\n`);
    const reloaded = await next('stories');
    expect((reloaded.stories as { id: string }[]).map((s) => s.id)).toEqual(['Fixture/More / Green', 'Fixture/Swatch / Plain', 'Fixture/Swatch / Wide']);
    expect(reloaded.selection).toEqual({ id: 'Fixture/Swatch / Wide', theme: 'dark', size: '96x40', locale: 'en' });
    socket.send(JSON.stringify({ type: 'select', id: 'Fixture/More / Green' }));
    await next('selection');
    await expect.poll(() => pixel(5, 5), { timeout: 10_000 }).toEqual([0, 255, 0, 255]);
  });

  it('shows a story that throws as its error, and goes on showing the others', async () => {
    write(dir, 'broken.stories.tsx', `export default { title: 'Fixture/Broken', sizes: [{ width: 200, height: 60 }] };
export const Throws = () => { throw new Error('no sensor given'); };\n`);
    await next('stories');
    socket.send(JSON.stringify({ type: 'select', id: 'Fixture/Broken / Throws' }));
    await next('selection');
    await expect.poll(() => pixel(2, 2), { timeout: 10_000 }).toEqual([0xfd, 0xec, 0xec, 255]);
    socket.send(JSON.stringify({ type: 'select', id: 'Fixture/More / Green' }));
    await next('selection');
    await expect.poll(() => pixel(5, 5), { timeout: 10_000 }).toEqual([0, 255, 0, 255]);
  });

  it('on an output the page turned a quarter, still shows a story at its own size', async () => {
    // The page's toolbar turns the panel (32x32 before the turn) by 90°.
    gallery.display.resize(32, 32, 1, 90);
    socket.send(JSON.stringify({ type: 'select', id: 'Fixture/Swatch / Wide', theme: 'dark' }));
    // Selections sent by the reloads before may still be queued: wait for this one.
    let selected = (await next('selection')).selection as { id: string; size: string };
    while (selected.id !== 'Fixture/Swatch / Wide') selected = (await next('selection')).selection as { id: string; size: string };
    expect(selected.size).toBe('96x40');
    // The panel stays turned: its output is the story's size on its side, the app the story's size.
    expect(gallery.display.output).toEqual({ width: 40, height: 96, scale: 1, rotation: 90 });
    expect([gallery.app.width, gallery.app.height]).toEqual([96, 40]);
    await expect.poll(() => pixel(30, 90), { timeout: 10_000 }).toEqual([0x20, 0x30, 0x40, 255]);
  });
});
