/**
 * The inspector's socket as a page uses it: requests and answers, pushed frames and tree
 * changes, clear errors for bad requests, a server that wants a token off loopback and stops
 * with its app, and a page no other site may frame.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Show, View, inspect, signal, type InspectedNode } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { render, type Screen } from '@planar/toolkit/testing';
import { serveInspector, type ServedInspector } from '../src/inspector/index.js';

interface Client {
  call(method: string, params?: unknown): Promise<{ result?: unknown; error?: string }>;
  raw(text: string): Promise<{ id: unknown; error?: string }>;
  next(event: string): Promise<unknown>;
  close(): void;
}

async function connect(url: string): Promise<Client> {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  const answers = new Map<unknown, (m: { id: unknown; result?: unknown; error?: string }) => void>();
  const waiting: { event: string; resolve: (data: unknown) => void }[] = [];
  let nullAnswer: ((m: { id: unknown; error?: string }) => void) | null = null;
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString());
    if (m.event) {
      const i = waiting.findIndex((w) => w.event === m.event);
      if (i >= 0) waiting.splice(i, 1)[0]!.resolve(m.data ?? null);
    } else if (m.id === null) nullAnswer?.(m);
    else answers.get(m.id)?.(m);
  });
  let nextId = 1;
  return {
    call(method, params = {}) {
      const id = nextId++;
      ws.send(JSON.stringify({ id, method, params }));
      return new Promise((resolve) => answers.set(id, resolve));
    },
    raw(text) {
      ws.send(text);
      return new Promise((resolve) => { nullAnswer = resolve; });
    },
    next: (event) => new Promise((resolve) => waiting.push({ event, resolve })),
    close: () => ws.close(),
  };
}

let screen: Screen | null = null;
let served: ServedInspector | null = null;
afterEach(async () => {
  await served?.close();
  await screen?.dispose();
  served = null;
  screen = null;
});

const color = signal('red');
const shown = signal(false);
const h = (type: unknown, props: Record<string, unknown>) => jsx(type as never, props as never);
const scene = () => h(View, {
  testId: 'page', style: { width: '100%', height: '100%', backgroundColor: color },
  children: [h(View, { testId: 'box', style: { margin: 10, width: 40, height: 30, backgroundColor: 'blue' } }), h(Show, { when: shown, children: h(View, { testId: 'late' }) })],
});

function find(tree: InspectedNode, testId: string): InspectedNode | undefined {
  if (tree.testId === testId) return tree;
  for (const c of tree.children) {
    const f = find(c, testId);
    if (f) return f;
  }
  return undefined;
}

const socketUrl = (s: ServedInspector, token?: string) => `ws://127.0.0.1:${s.server.port}/inspect${token ? `?token=${token}` : ''}`;

describe('the /inspect socket', () => {
  it('answers requests: the tree, a node, a pick, the layers', async () => {
    screen = await render(scene, { width: 200, height: 100 });
    served = await serveInspector(inspect(screen.app), { port: 0 });
    const client = await connect(socketUrl(served));
    const tree = (await client.call('nodeTree')).result as InspectedNode;
    const box = find(tree, 'box')!;
    expect(box.box).toEqual({ x: 10, y: 10, width: 40, height: 30 });
    const detail = (await client.call('node', { id: box.id })).result as { box: { margin: unknown } };
    expect(detail.box.margin).toEqual({ x: 0, y: 0, width: 60, height: 50 });
    expect((await client.call('pick', { x: 20, y: 20 })).result).toBe(box.id);
    expect((await client.call('layers')).result).toMatchObject({ layers: [{ name: 'root' }] });
    expect((await client.call('info')).result).toMatchObject({ width: 200, height: 100, output: { width: 200, height: 100 } });
    client.close();
  });

  it('pushes each frame\'s stats and a tree change', async () => {
    screen = await render(scene, { width: 200, height: 100 });
    served = await serveInspector(inspect(screen.app), { port: 0 });
    const client = await connect(socketUrl(served));
    // A first answer means the connection is set up, listeners included.
    await client.call('info');
    const frame = client.next('frame');
    color.value = color.value === 'red' ? 'green' : 'red';
    await screen.flush();
    expect(await frame).toMatchObject({ frame: expect.any(Number), damagedPx: 200 * 100 });
    const changed = client.next('tree-changed');
    shown.value = !shown.value;
    await screen.flush();
    expect(await changed).toBeNull();
    client.close();
  });

  it('answers a bad request with what was wrong, and goes on', async () => {
    screen = await render(scene, { width: 200, height: 100 });
    served = await serveInspector(inspect(screen.app), { port: 0 });
    const client = await connect(socketUrl(served));
    expect((await client.raw('{nope')).error).toMatch(/^the request is not JSON .*send \{"id": 1, "method": "nodeTree"/);
    expect((await client.raw('[1]')).error).toMatch(/must be an object/);
    expect((await client.call('explode')).error).toMatch(/unknown method "explode"; known: info, nodeTree, /);
    expect((await client.call('node', { id: 999999 })).error).toMatch(/^inspect\.node: no node 999999 is mounted/);
    expect((await client.call('node', { id: 'x' })).error).toBe('node: params.id must be a number, got "x"');
    expect((await client.call('pick', {})).error).toBe('pick: params.x must be a number, got nothing');
    expect((await client.call('setDamageFlash', { on: 'yes' })).error).toMatch(/params.on must be true or false/);
    expect((await client.call('nodeTree', [1])).error).toBe('nodeTree: params must be an object');
    // Still answering, and the app still renders.
    expect((await client.call('setDamageFlash', { on: true })).result).toBe(true);
    expect((await client.call('info')).result).toMatchObject({ damageFlash: true });
    color.value = 'blue';
    await screen.flush();
    client.close();
  });

  it('sends the screen only when asked', async () => {
    screen = await render(scene, { width: 200, height: 100 });
    served = await serveInspector(inspect(screen.app), { port: 0 });
    const none = await fetch(`http://127.0.0.1:${served.server.port}/screen.png`);
    expect(none.status).toBe(404);
    expect(await none.text()).toMatch(/does not send the screen/);
    await served.close();
    served = await serveInspector(inspect(screen.app), { port: 0, screen: true });
    const png = await fetch(`http://127.0.0.1:${served.server.port}/screen.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await png.arrayBuffer()).subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  });

  it('bound to every address, refuses a connection without the token', async () => {
    screen = await render(scene, { width: 200, height: 100 });
    served = await serveInspector(inspect(screen.app), { host: '0.0.0.0', port: 0 });
    expect(served.url).toMatch(/\?token=[A-Za-z0-9_-]{16,}$/);
    const refused = await new Promise<number>((resolve) => {
      const ws = new WebSocket(socketUrl(served!));
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => {});
    });
    expect(refused).toBe(403);
    const client = await connect(socketUrl(served, served.server.token!));
    expect((await client.call('info')).result).toMatchObject({ backend: 'headless' });
    client.close();
  });

  it('stops when the app closes', async () => {
    screen = await render(scene, { width: 200, height: 100 });
    served = await serveInspector(inspect(screen.app), { port: 0 });
    const port = served.server.port;
    await screen.dispose();
    screen = null;
    await expect(fetch(`http://127.0.0.1:${port}/inspector.js`)).rejects.toThrow();
  });

  it('stops at once when the app closed before its server was up', async () => {
    screen = await render(scene, { width: 200, height: 100 });
    const inspector = inspect(screen.app);
    await screen.dispose();
    screen = null;
    served = await serveInspector(inspector, { port: 0 });
    const port = served.server.port;
    await expect.poll(() => fetch(`http://127.0.0.1:${port}/inspector.js`).then(() => 'listening', () => 'stopped')).toBe('stopped');
  });

  it('serves its page so that no other site may frame it', async () => {
    screen = await render(scene, { width: 200, height: 100 });
    served = await serveInspector(inspect(screen.app), { port: 0 });
    const page = await fetch(`http://127.0.0.1:${served.server.port}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(await page.text()).toMatch(/<title>Planar inspector<\/title>/);
    expect((await fetch(`http://127.0.0.1:${served.server.port}/`, { method: 'POST' })).status).toBe(405);
  });
});
