import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { Text, View, createApp, signal, type FrameStats } from '@planar/toolkit';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const dir = mkdtempSync(path.join(tmpdir(), 'planar-app-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Points the kms backend at a card path that names nothing (in this test's temp folder), with
 * no seat manager: on a machine with a real card, the kms backend is tried but opens nothing.
 */
function noDrmCard(): void {
  vi.stubEnv('PLANAR_KMS_DEVICE', path.join(dir, 'no-card'));
  vi.stubEnv('PLANAR_SEAT_MANAGER', 'none');
}

/** Resolves at the app's next frame (fails after 10 s rather than hanging). */
function nextFrame(app: { on: (e: 'frame', cb: () => void) => () => void }): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no frame within 10 s')), 10_000);
    const off = app.on('frame', () => {
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

/**
 * Fakes Node's timers (the app's real clock and the headless display's refresh use them), so a
 * test can let a minute of idle time pass at once and count the timers left. The frame loop's
 * turns of the event loop (setImmediate) stay real.
 */
function fakeTimers(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
}

/** With timers faked: turns the event loop and lets the refresh timers fire until the next frame. */
async function frameOnFakeTime(app: { on: (e: 'frame', cb: () => void) => () => void }): Promise<void> {
  let seen = false;
  const off = app.on('frame', () => { seen = true; });
  for (let ms = 0; ms < 1000 && !seen; ms++) {
    await new Promise((r) => setImmediate(r));
    await vi.advanceTimersByTimeAsync(1);
  }
  off();
  if (!seen) throw new Error('no frame within a second of (fake) time');
}

/** With timers faked: a minute passes, and the frame loop gets its turns. */
async function aMinutePasses(): Promise<void> {
  await new Promise((r) => setImmediate(r));
  await vi.advanceTimersByTimeAsync(60_000);
  await new Promise((r) => setImmediate(r));
}

function Hello() {
  return <View style={{ width: '100%', height: '100%', backgroundColor: '#102030', padding: 10 }}><Text style={{ color: 'white' }}>hello</Text></View>;
}

describe('createApp', () => {
  it('resolves after the first presented frame, with a screenshot of the output', async () => {
    const app = await createApp(() => <Hello />, { backend: 'headless', width: 320, height: 200 });
    expect(app.backend).toBe('headless');
    expect(app.stats.frame).toBe(1);
    expect(app.stats.damagedPx).toBe(320 * 200);
    const png = PNG.sync.read(Buffer.from(await app.screenshot()));
    expect([png.width, png.height]).toEqual([320, 200]);
    expect([...png.data.subarray(0, 4)]).toEqual([0x10, 0x20, 0x30, 255]);
    await app.close();
    await app.close();
  });

  it('renders no frame while idle, one damaged frame per change, and emits frame stats', async () => {
    const label = signal('a');
    const app = await createApp(() => <View style={{ padding: 10, alignItems: 'flex-start' }}><Text>{label}</Text></View>, { backend: 'headless', width: 320, height: 200 });
    const frames: FrameStats[] = [];
    app.on('frame', (s) => frames.push(s));
    fakeTimers();
    await aMinutePasses();
    expect(frames, 'frames in an idle minute').toHaveLength(0);
    expect(vi.getTimerCount(), 'timers an idle app keeps').toBe(0);
    label.value = 'b';
    await frameOnFakeTime(app);
    await aMinutePasses();
    expect(frames, 'frames in the minute after one change').toHaveLength(1);
    expect(vi.getTimerCount(), 'timers left after the change was shown').toBe(0);
    vi.useRealTimers();
    expect(frames[0]!.damagedPx).toBeGreaterThan(0);
    expect(frames[0]!.damagedPx).toBeLessThan(320 * 200 / 20);
    expect(frames[0]!.copiedBytes).toBeGreaterThan(0);
    expect(frames[0]!.planesUsed + frames[0]!.composited).toBe(1);
    await app.close();
  });

  it('folds changes made while a frame is in flight into one next frame', async () => {
    const n = signal(0);
    const app = await createApp(() => <Text>{() => String(n.value)}</Text>, { backend: 'headless', width: 100, height: 50 });
    let frames = 0;
    app.on('frame', () => frames++);
    fakeTimers();
    for (let i = 1; i <= 20; i++) n.value = i;
    await frameOnFakeTime(app);
    await aMinutePasses();
    expect(frames).toBe(1);
    vi.useRealTimers();
    await app.close();
  });

  it('says why auto passed over wayland and kms', async () => {
    vi.stubEnv('WAYLAND_DISPLAY', 'wayland-77');
    noDrmCard();
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...a) => { lines.push(a.join(' ')); });
    const app = await createApp(() => <Hello />, { width: 100, height: 50 });
    expect(app.backend).toBe('headless');
    expect(lines.join('\n')).toMatch(/using the headless backend \(wayland: .+; kms: .+\)/);
    // The reason names the socket it tried.
    expect(lines.join('\n')).toMatch(/wayland: [^;]*cannot connect to the Wayland compositor at \S*wayland-77: No such file or directory/);
    await app.close();
  });

  it('rejects an explicit backend that cannot open, saying why', async () => {
    noDrmCard();
    await expect(createApp(() => <Hello />, { backend: 'kms' })).rejects.toThrow(/the kms backend is not available: /);
  });

  it('rejects bad options with the option and the value', async () => {
    await expect(createApp(() => <Hello />, { backend: 'headless', width: -1 })).rejects.toThrow('createApp: width must be a positive number, got -1');
    await expect(createApp(() => <Hello />, { backend: 'headless', rotation: 45 as 90 })).rejects.toThrow('rotation must be 0, 90, 180 or 270, got 45');
  });

  it('uses headless defaults of 800x480', async () => {
    const app = await createApp(() => <Hello />, { backend: 'headless' });
    expect([app.width, app.height]).toEqual([800, 480]);
    await app.close();
  });

  it('unsubscribes listeners with the function on() returns', async () => {
    const n = signal(0);
    const app = await createApp(() => <Text>{() => String(n.value)}</Text>, { backend: 'headless', width: 100, height: 50 });
    let frames = 0;
    const off = app.on('frame', () => frames++);
    const first = nextFrame(app);
    n.value = 1;
    await first;
    off();
    const second = nextFrame(app);
    n.value = 2;
    await second;
    expect(frames).toBe(1);
    await app.close();
  });
});

describe('when the display goes away', () => {
  it('emits close with the reason and closes the app', async () => {
    const { render } = await import('@planar/toolkit/testing');
    const screen = await render(() => <Hello />, { width: 100, height: 50 });
    const reasons: string[] = [];
    screen.app.on('close', ({ reason }) => reasons.push(reason));
    screen.disconnect('the compositor quit');
    expect(reasons).toEqual(['the compositor quit']);
  });

  it('without a close listener, prints the reason and exits with code 1', async () => {
    const { spawnSync } = await import('node:child_process');
    const script = `
      import { jsx } from '@planar/toolkit/jsx-runtime';
      import { View } from '@planar/toolkit';
      import { render } from '@planar/toolkit/testing';
      const screen = await render(() => jsx(View, {}), { width: 10, height: 10 });
      screen.disconnect('the device was unplugged');
      setTimeout(() => { console.log('still running'); process.exit(0); }, 2000);
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: new URL('..', import.meta.url).pathname, encoding: 'utf8', timeout: 20000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('planar: the display closed: the device was unplugged');
    expect(run.stdout).not.toContain('still running');
  });
});

describe('useViewport', () => {
  it('gives components the app size, and onError hears errors of the first mount', async () => {
    const { render } = await import('@planar/toolkit/testing');
    const { useViewport } = await import('@planar/toolkit');
    function Size() {
      const size = useViewport();
      return <Text>{() => `${size.value.width}x${size.value.height}`}</Text>;
    }
    function Broken(): never {
      throw new Error('broken at mount');
    }
    const errors: string[] = [];
    const screen = await render(() => <View><Size /><Broken /></View>, { width: 320, height: 240, onError: (e) => errors.push(e.message) });
    expect(screen.text({ text: '320x240' })).toBe('320x240');
    expect(errors).toEqual(['broken at mount (in Broken)']);
    await screen.dispose();
  });
});
