/**
 * How an app offers its inspector: to a display that shows one, and to `PLANAR_INSPECT`'s
 * server, where anything wrong is one line on stderr and the app keeps running. A test's app
 * is never served, and a server that comes up after its app closed stops at once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { View, createApp, headless, inspect, type AppInspector, type Backend } from '@planar/toolkit';
import { render } from '@planar/toolkit/testing';
import { parseInspectAddress, serveFromEnv, type InspectorModule } from '../src/inspect/serve.js';

afterEach(() => vi.unstubAllEnvs());

describe('offering the inspector', () => {
  it('hands it to a display that shows one, once the app exists', async () => {
    let given: AppInspector | null = null;
    const backend: Backend = {
      name: 'shows-inspector',
      async open(options) {
        const display = await headless.open(options);
        return Object.assign(display, { serveInspector: (inspector: AppInspector) => { given = inspector; } });
      },
    };
    const app = await createApp(() => <View testId="hello" />, { backend, width: 100, height: 50 });
    expect(given).not.toBeNull();
    expect(given!.nodeTree().children[0]).toMatchObject({ testId: 'hello' });
    await app.close();
  });

  it('PLANAR_INSPECT that is not host:port: one line says so, and the app runs', async () => {
    vi.stubEnv('PLANAR_INSPECT', 'everywhere');
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => { lines.push(line); });
    const app = await createApp(() => <View />, { backend: 'headless', width: 100, height: 50 });
    await vi.waitFor(() => expect(lines).toEqual(['planar: PLANAR_INSPECT="everywhere" is not host:port (e.g. 127.0.0.1:9339); running without the inspector']));
    expect(app.stats.frame).toBe(1);
    spy.mockRestore();
    await app.close();
  });

  it.each([
    ['127.0.0.1:9339', { host: '127.0.0.1', port: 9339 }],
    ['0.0.0.0:0', { host: '0.0.0.0', port: 0 }],
    ['[::1]:9339', { host: '::1', port: 9339 }],
    [':9339', { host: '127.0.0.1', port: 9339 }],
    ['9339', { host: '127.0.0.1', port: 9339 }],
    ['host:99999', null],
    ['host', null],
    ['', null],
  ])('reads the address %j', (value, expected) => {
    expect(parseInspectAddress(value)).toEqual(expected);
  });
});

describe('PLANAR_INSPECT without @planar/preview', () => {
  it('says in one line what to install, and the app runs on', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => { lines.push(line); });
    const app = await createApp(() => <View />, { backend: 'headless', width: 100, height: 50 });
    const missing = Object.assign(new Error("Cannot find package '@planar/preview' imported from /app/main.js\n    at resolve"), { code: 'ERR_MODULE_NOT_FOUND' });
    await serveFromEnv(inspect(app), '127.0.0.1:9339', () => Promise.reject(missing));
    expect(lines).toEqual([
      "planar: PLANAR_INSPECT is set but @planar/preview/inspector could not be loaded (Cannot find package '@planar/preview' imported from /app/main.js); install @planar/preview to inspect — running without the inspector",
    ]);
    expect(inspect(app).info().backend).toBe('headless');
    spy.mockRestore();
    await app.close();
  });
});

describe('PLANAR_INSPECT and the app\'s lifetime', () => {
  it('is not served for an app the testing API renders, so tests never share an address', async () => {
    vi.stubEnv('PLANAR_INSPECT', 'everywhere');
    const lines: string[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation((line: string) => { lines.push(line); });
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => { lines.push(line); });
    const screen = await render(() => <View testId="hello" />, { width: 100, height: 50 });
    await screen.advance(100);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines).toEqual([]);
    error.mockRestore();
    log.mockRestore();
    await screen.dispose();
  });

  it('stops a server that came up after the app closed, and prints no address for it', async () => {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => { lines.push(line); });
    const screen = await render(() => <View />, { width: 100, height: 50 });
    const closeServer = vi.fn(async () => {});
    // The app closes while the server is still binding its port.
    const module: InspectorModule = {
      async serveInspector() {
        await screen.dispose();
        return { url: 'http://127.0.0.1:9339/', close: closeServer };
      },
    };
    await serveFromEnv(inspect(screen.app), '127.0.0.1:9339', async () => module);
    expect(closeServer).toHaveBeenCalledTimes(1);
    expect(lines).toEqual([]);
    log.mockRestore();
  });

  it('runs a close hook added after the close at once, and the others only once', async () => {
    const screen = await render(() => <View />, { width: 100, height: 50 });
    const inspector = inspect(screen.app);
    const early = vi.fn();
    inspector.onClose(early);
    await screen.dispose();
    const late = vi.fn();
    inspector.onClose(late);
    expect(late).toHaveBeenCalledTimes(1);
    expect(early).toHaveBeenCalledTimes(1);
  });
});
