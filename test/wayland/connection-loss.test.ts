/**
 * When there is no compositor, or it goes away.
 *
 *   killed     the demo runs as a child process on sway; sway is killed (SIGKILL, as a crash
 *              would end it). The demo must say "the Wayland compositor went away" on stderr
 *              and exit with code 1 — a panel's supervisor restarts it then. How long it took
 *              is the figure wayland.exit_after_compositor_loss.ms.
 *   missing    createApp({ backend: 'wayland' }) with WAYLAND_DISPLAY naming a socket that
 *              does not exist must reject, naming the socket's path, so a person can see
 *              where it looked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApp, View } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { startSway, type Sway } from './compositor.js';
import { recordFigures } from './figures.js';
import { REPO_ROOT, e2eGate, missingFor } from './gate.js';
import { describeExit, launch, waitFor, type Launched } from './processes.js';
import { connectTo } from './wayland-app.js';

const skipSway = e2eGate('wayland: losing sway', missingFor(['sway']));
const skipMissing = e2eGate('wayland: no compositor', missingFor([]));
const DEMO = path.join(REPO_ROOT, 'apps/demo/dist/main.js');

describe.skipIf(skipSway)('the demo when sway goes away', () => {
  let sway: Sway | undefined;
  let demo: Launched | undefined;

  afterAll(async () => {
    await demo?.stop();
    await sway?.stop();
  });

  it('killing sway ends the demo with exit code 1 and "the Wayland compositor went away"', async () => {
    sway = await startSway({ width: 800, height: 480 });
    demo = launch('planar-demo', process.execPath, [DEMO, '--backend=wayland', '--freeze'], { env: { ...process.env, ...sway.env }, cwd: REPO_ROOT });
    await waitFor('the demo to run on sway', () => demo!.output().includes('Running on the wayland backend at 800x480'), { process: demo, timeoutMs: 15_000, intervalMs: 25 });

    const killed = performance.now();
    await sway.crash();
    // A demo that does not notice never exits; a wait far longer than any machine needs.
    const exit = await Promise.race([demo.exited, new Promise<null>((r) => setTimeout(() => r(null), 20_000).unref())]);
    const took = performance.now() - killed;
    console.info(`the demo exited ${took.toFixed(0)} ms after sway was killed: ${exit ? describeExit(demo, exit) : 'not yet'}`);
    expect(exit, 'the demo is still running 20 s after sway was killed').not.toBeNull();
    expect(exit!.code, describeExit(demo, exit!)).toBe(1);
    expect(demo.stderr()).toContain('planar-demo: the Wayland compositor went away');
    recordFigures({ 'wayland.exit_after_compositor_loss.ms': { value: Math.round(took), unit: 'ms' } });
  });
});

describe.skipIf(skipMissing)('no compositor at WAYLAND_DISPLAY', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'planar-no-compositor-'));
  const saved = { WAYLAND_DISPLAY: process.env.WAYLAND_DISPLAY, XDG_RUNTIME_DIR: process.env.XDG_RUNTIME_DIR };

  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const app = () => jsx(View, { style: { width: 100, height: 100 } });

  it('createApp rejects, naming the socket path it tried (a name in XDG_RUNTIME_DIR)', async () => {
    connectTo({ WAYLAND_DISPLAY: 'wayland-planar-missing', XDG_RUNTIME_DIR: dir });
    await expect(createApp(app, { backend: 'wayland' })).rejects.toThrow(path.join(dir, 'wayland-planar-missing'));
  });

  it('createApp rejects, naming the socket path it tried (an absolute WAYLAND_DISPLAY)', async () => {
    const socket = path.join(dir, 'elsewhere', 'wayland-9');
    connectTo({ WAYLAND_DISPLAY: socket, XDG_RUNTIME_DIR: dir });
    await expect(createApp(app, { backend: 'wayland' })).rejects.toThrow(socket);
  });
});
