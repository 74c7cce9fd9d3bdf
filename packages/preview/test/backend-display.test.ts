/**
 * The preview display with pages watching (WebSocket clients in node): what each is sent, whose
 * input the app hears, and who may connect.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { InputEvent } from '@planar/toolkit/backend';
import { isLoopback, previewBackend, type PreviewDisplay } from '../src/index.js';
import { ENCODING_DEFLATE } from '../src/stream/frame.js';
import { stateOf } from './backend-states.js';
import { TestViewer } from './stream-viewer.js';

const open: PreviewDisplay[] = [];
const viewers: TestViewer[] = [];
afterEach(async () => {
  for (const v of viewers.splice(0)) v.close();
  for (const d of open.splice(0)) await d.close();
});

async function display(options: Parameters<typeof previewBackend>[0] = {}): Promise<PreviewDisplay> {
  const d = await previewBackend(options).open({ width: 160, height: 120, pacing: 'immediate' });
  open.push(d);
  return d;
}
async function viewer(d: PreviewDisplay): Promise<TestViewer> {
  const v = await TestViewer.connect(d.url);
  viewers.push(v);
  return v;
}
const background = (d: PreviewDisplay, damage?: { x: number; y: number; width: number; height: number }[], fill: [number, number, number, number] = [240, 240, 240, 255]) =>
  stateOf(d, [{ id: 0, width: 160, height: 120, fill, damage }]);
/** Lets the display send what it owes (it sends on the next turn of the event loop after a commit). */
const turn = () => new Promise((r) => setImmediate(r));

describe('the preview display', () => {
  it('a new viewer is greeted, then sent the whole output', async () => {
    const d = await display();
    await d.commit(background(d));
    const v = await viewer(d);
    expect(await v.nextJson('hello')).toMatchObject({ output: { width: 160, height: 120, scale: 1, rotation: 0 }, control: true });
    const { frame } = await v.nextFrame();
    expect(frame.whole).toBe(true);
    expect(frame.rects).toMatchObject([{ x: 0, y: 0, width: 160, height: 120 }]);
  });

  it('a change sends only its damaged rect, compressed', async () => {
    const d = await display();
    await d.commit(background(d));
    const v = await viewer(d);
    await v.nextFrame();
    await d.commit(background(d, [{ x: 10, y: 12, width: 40, height: 14 }], [20, 40, 200, 255]));
    const { frame, bytes } = await v.nextFrame();
    expect(frame.whole).toBe(false);
    expect(frame.rects).toMatchObject([{ x: 10, y: 12, width: 40, height: 14, encoding: ENCODING_DEFLATE }]);
    expect(bytes).toBeLessThan(40 * 14 * 4);
  });

  it('an idle app sends nothing, and a commit that changes nothing sends nothing', async () => {
    const d = await display();
    await d.commit(background(d));
    const v = await viewer(d);
    await v.nextFrame();
    await d.commit(background(d, []));
    await turn();
    await turn();
    d.notice('marker');
    await v.nextJson('notice');
    expect(v.frames()).toHaveLength(1);
    expect(d.sent.frames).toBe(1);
  });

  it('the first viewer has control; another is ignored until it takes control, and all are told', async () => {
    const d = await display();
    await d.commit(background(d));
    const heard: InputEvent[] = [];
    d.on('input', (e) => heard.push(e));
    const first = await viewer(d), second = await viewer(d);
    expect((await first.nextJson('hello')).control).toBe(true);
    expect((await second.nextJson('hello')).control).toBe(false);
    const down = { type: 'pointer', event: 'down', x: 5, y: 6, pointerId: 1, pointerType: 'mouse', buttons: 1, button: 0, timestamp: 10 };
    second.send(down);
    second.send({ type: 'take-control' });
    expect((await first.nextJson('control')).you).toBe(false);
    expect((await second.nextJson('control')).you).toBe(true);
    expect(heard).toEqual([]);
    second.send({ ...down, timestamp: 20 });
    second.send({ type: 'key', event: 'down', key: 'a', code: 'KeyA', timestamp: 21 });
    await new Promise<void>((resolve) => d.on('input', (e) => e.kind === 'key' && resolve()));
    expect(heard).toEqual([
      { kind: 'pointer', type: 'down', x: 5, y: 6, pointerId: 1, pointerType: 'mouse', buttons: 1, button: 0, timestamp: 20 },
      { kind: 'key', type: 'down', key: 'a', code: 'KeyA', shift: false, ctrl: false, alt: false, meta: false, repeat: false, timestamp: 21 },
    ]);
    // Control moving away cancels the pointer the old controller still holds down.
    first.send({ type: 'take-control' });
    await second.nextJson('control');
    expect(heard.at(-1)).toMatchObject({ kind: 'pointer', type: 'cancel', pointerId: 1 });
  });

  it('a size chosen in the page sizes the output at its scale, and the next frame is whole', async () => {
    const d = await display();
    await d.commit(background(d));
    const v = await viewer(d);
    await v.nextFrame();
    const resized = new Promise((resolve) => d.on('resize', resolve));
    v.send({ type: 'resize', preset: '800x480', scale: 2, rotation: 0 });
    expect(await resized).toEqual({ width: 1600, height: 960, scale: 2 });
    expect((await v.nextJson('output')).output).toEqual({ width: 1600, height: 960, scale: 2, rotation: 0 });
    await d.commit(stateOf(d, [{ id: 0, width: 1600, height: 960, fill: [1, 2, 3, 255], damage: [] }]));
    const { frame } = await v.nextFrame();
    expect(frame.rects).toMatchObject([{ x: 0, y: 0, width: 1600, height: 960 }]);
  });

  it('a rotation chosen in the page turns the app and keeps the output\'s size', async () => {
    const d = await display();
    const v = await viewer(d);
    const heard: string[] = [];
    d.on('resize', (e) => heard.push(`resize ${e.width}x${e.height}`));
    d.on('rotate', (e) => heard.push(`rotate ${e.rotation}`));
    v.send({ type: 'resize', width: 160, height: 120, scale: 1, rotation: 90 });
    expect((await v.nextJson('output')).output).toEqual({ width: 160, height: 120, scale: 1, rotation: 90 });
    expect(heard).toEqual(['rotate 90']);
  });

  it('an app that turns itself is shown turned: its pages are told the rotation', async () => {
    const d = await display();
    const v = await viewer(d);
    await v.nextJson('hello');
    d.rotated(270);
    expect((await v.nextJson('output')).output).toEqual({ width: 160, height: 120, scale: 1, rotation: 270 });
    expect(d.output.rotation).toBe(270);
  });

  it('an app listener that throws on a page\'s message is the app\'s error; the page is told and the stream goes on', async () => {
    const d = await display();
    const v = await viewer(d);
    await v.nextJson('hello');
    const errors: Error[] = [];
    d.on('error', (e) => errors.push(e));
    d.on('input', () => {
      throw new Error('the handler broke');
    });
    v.send({ type: 'pointer', event: 'down', x: 5, y: 5, pointerId: 1, pointerType: 'mouse', buttons: 1, button: 0, timestamp: 1 });
    expect((await v.nextJson('notice')).text).toBe('the app failed on the page\'s input message: the handler broke');
    expect(errors.map((e) => e.message)).toEqual(['the handler broke']);
    v.send({ type: 'resize', width: 200, height: 100, scale: 1, rotation: 0 });
    expect((await v.nextJson('output')).output).toMatchObject({ width: 200, height: 100 });
  });

  it('a malformed message is dropped with a notice to its page', async () => {
    const d = await display();
    const v = await viewer(d);
    v.send({ type: 'resize', width: 10, height: 99999 });
    expect((await v.nextJson('notice')).text).toMatch(/dropped: resize needs/);
  });

  it('closing the display closes every page\'s socket', async () => {
    const d = await display();
    const v = await viewer(d);
    const closed = new Promise((resolve) => v.socket.once('close', resolve));
    await d.close();
    await closed;
    await d.close();
  });
});

const refusedSocket = (url: string) => new Promise<number>((resolve) => {
  const ws = new WebSocket(url);
  ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
  ws.on('open', () => resolve(101));
});

describe('who may connect', () => {
  it('with a token, a page and a stream without it are refused and with it are served', async () => {
    const d = await display({ token: 'a-token-for-this-test' });
    const base = d.url.replace(/\?.*$/, '');
    expect((await fetch(base)).status).toBe(403);
    expect(await refusedSocket(`${base.replace('http', 'ws')}stream`)).toBe(403);
    const page = await fetch(d.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/app.js?token=a-token-for-this-test');
    expect(await refusedSocket(`${base.replace('http', 'ws')}stream?token=a-token-for-this-test`)).toBe(101);
  });

  it('bound to every address (beyond loopback), a token is made up and required', async () => {
    expect(isLoopback('0.0.0.0')).toBe(false);
    const d = await display({ host: '0.0.0.0' });
    expect(d.url).toMatch(/\?token=[\w-]{32}$/);
    // Reached through loopback, which such a server also listens on.
    const url = d.url.replace('0.0.0.0', '127.0.0.1');
    expect((await fetch(url.replace(/\?.*$/, ''))).status).toBe(403);
    expect((await fetch(url)).status).toBe(200);
  });

  it('nothing but the page\'s own files is served', async () => {
    const d = await display();
    for (const path of ['/package.json', '/../package.json', '/src/index.ts', '/page/app.js', '/%2e%2e/package.json']) {
      expect((await fetch(new URL(path, d.url))).status, path).toBe(404);
    }
    expect((await fetch(new URL('/app.js', d.url))).status).toBe(200);
    expect((await fetch(new URL('/inspector.js', d.url), { method: 'HEAD' })).status).toBe(404);
  });
});
