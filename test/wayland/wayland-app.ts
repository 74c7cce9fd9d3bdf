/**
 * Planar apps inside the test process, on a compositor, and what to compare them with.
 *
 *   openApp(compositor, root)   createApp on the wayland backend connected to that compositor,
 *                               with the backend's Display kept (the toolkit hands only the App
 *                               back; the Display has the frame-callback timings): the
 *                               backend's `open` is wrapped to remember what it opened
 *   openDemo / renderDemo       the demo's App with a frozen model, on a compositor / headless
 *   nextFrame, framesUntil      wait for the app's `frame` events
 *   showsOnScreen, appShows     poll the compositor's or the app's screenshots until one equals
 *                               an image
 *   untilShown                  waits for the compositor to show what the app committed
 *
 * The compositor's socket reaches the backend through process.env, which the backend reads
 * when it connects: set just before createApp, so each app connects where it was told.
 */
import { createApp, type App, type AppOptions, type Child, type FrameStats, type OpenOptions } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { render, type Screen } from '@planar/toolkit/testing';
import { App as DemoApp, colors, createHomeModel, type HomeModel } from '@planar/demo';
import { backend, type WaylandDisplay } from '@planar/native-wayland';
import { diffImages, imageReport } from './compare.js';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startSway, type Compositor, type Sway } from './compositor.js';
import { decodePng, type Image } from './images.js';
import type { WaylandEnv } from './injector.js';

let lastOpened: WaylandDisplay | null = null;
let wrapped = false;

function rememberDisplays(): void {
  if (wrapped) return;
  wrapped = true;
  const open: (options: OpenOptions) => Promise<WaylandDisplay> = backend.open.bind(backend);
  backend.open = async (options: OpenOptions): Promise<WaylandDisplay> => {
    const display = await open(options);
    lastOpened = display;
    return display;
  };
}

/** Points the wayland backend at a compositor (the variables it reads when it connects). */
export function connectTo(env: WaylandEnv): void {
  process.env.WAYLAND_DISPLAY = env.WAYLAND_DISPLAY;
  process.env.XDG_RUNTIME_DIR = env.XDG_RUNTIME_DIR;
}

export interface WaylandApp {
  app: App;
  display: WaylandDisplay;
}

/** Runs `root` on the compositor's wayland connection; resolves after the first frame. */
export async function openApp(compositor: { env: WaylandEnv }, root: () => Child, options: AppOptions = {}): Promise<WaylandApp> {
  rememberDisplays();
  connectTo(compositor.env);
  lastOpened = null;
  // A plane allocation budget that a busy CPU does not exhaust (as the testing API gives it), so
  // which layers ride planes never depends on load.
  const app = await createApp(root, { background: colors.background, planeDeadlineMs: 100, ...options, backend: 'wayland' });
  if (!lastOpened) {
    await app.close();
    throw new Error('createApp did not open its display through @planar/native-wayland\'s backend (two copies of the package loaded?)');
  }
  return { app, display: lastOpened };
}

export interface DemoOptions {
  doorbell?: boolean;
  /** Headless only: output pixels per logical pixel (a compositor's output has its own). */
  scale?: number;
}

export interface WaylandDemo extends WaylandApp { model: HomeModel }

/** The demo (its App component, frozen) on a compositor, at the output's size. */
export async function openDemo(compositor: Compositor, options: Pick<DemoOptions, 'doorbell'> = {}): Promise<WaylandDemo> {
  const model = createHomeModel({ frozen: true, doorbell: options.doorbell });
  const opened = await openApp(compositor, () => jsx(DemoApp, { model }), { title: 'Planar demo', appId: 'dev.planar.demo' });
  return { ...opened, model };
}

/** The demo rendered headless at a size: the reference a compositor's output must equal. */
export async function renderDemo(width: number, height: number, options: DemoOptions = {}): Promise<Screen> {
  const model = createHomeModel({ frozen: true, doorbell: options.doorbell });
  return render(() => jsx(DemoApp, { model }), { width, height, scale: options.scale, background: colors.background });
}

/** The app's own screenshot (its planes as committed, blended), decoded. */
export async function appImage(app: App): Promise<Image> {
  return decodePng(await app.screenshot());
}

/** Resolves with the stats of the app's next frame; fails after `timeoutMs`. */
export function nextFrame(app: App, timeoutMs = 2000): Promise<FrameStats> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no frame within ${timeoutMs} ms (the last was frame ${app.stats.frame})`));
    }, timeoutMs);
    const off = app.on('frame', (stats) => {
      clearTimeout(timer);
      off();
      resolve(stats);
    });
  });
}

/** Collects frames until `done(frames)` says so; fails after `timeoutMs` with how many came. */
export function framesUntil(app: App, done: (frames: FrameStats[]) => boolean, timeoutMs = 2000): Promise<FrameStats[]> {
  const frames: FrameStats[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`the expected frames did not come within ${timeoutMs} ms (${frames.length} came)`));
    }, timeoutMs);
    const off = app.on('frame', (stats) => {
      frames.push({ ...stats });
      if (!done(frames)) return;
      clearTimeout(timer);
      off();
      resolve(frames);
    });
  });
}

/**
 * Polls the compositor's screenshots until one equals `expected`; resolves with null then, or
 * with the last difference (see imageReport) once `timeoutMs` passed. A compositor shows a
 * commit some time after it was made (sway on its next output frame, or later: see the tests).
 */
export async function showsOnScreen(compositor: Compositor, name: string, expected: Image, timeoutMs = 2000): Promise<string | null> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const shot = await compositor.screenshot();
    const same = shot.width === expected.width && shot.height === expected.height && diffImages(expected, shot).differing === 0;
    if (same) return null;
    if (performance.now() > deadline) return imageReport(name, expected, shot);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Polls the app's own screenshot until it equals `expected`; null then, or the last difference
 * once `timeoutMs` passed. For changes that take a frame or two (a resize, a tap).
 */
export async function appShows(app: App, name: string, expected: Image, timeoutMs = 2000): Promise<string | null> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const shot = await appImage(app);
    const same = shot.width === expected.width && shot.height === expected.height && diffImages(expected, shot).differing === 0;
    if (same) return null;
    if (performance.now() > deadline) return imageReport(name, expected, shot);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Waits until the compositor shows what the app last committed. sway applies a new window's
 * state in a transaction, and routes input by the applied state: input sent before then can
 * miss the window.
 */
export async function untilShown(compositor: Compositor, app: App, timeoutMs = 2000): Promise<void> {
  const report = await showsOnScreen(compositor, 'the app on screen', await appImage(app), timeoutMs);
  if (report) throw new Error(`the compositor does not show what the app committed: ${report}`);
}

/**
 * Registers, in the calling `describe`, a sway for the whole suite (started before its tests,
 * stopped after them) and closes after each test the app it opened through `track`.
 */
export function swayForSuite(size: { width: number; height: number }) {
  const suite = {
    sway: undefined as unknown as Sway,
    opened: undefined as WaylandApp | undefined,
    /** The app this test opened, closed after the test. */
    track<T extends WaylandApp>(opened: T): T {
      suite.opened = opened;
      return opened;
    },
  };
  beforeAll(async () => {
    suite.sway = await startSway(size);
  });
  afterEach(async () => {
    await suite.opened?.app.close();
    suite.opened = undefined;
  });
  afterAll(async () => {
    await suite.sway?.stop();
  });
  return suite;
}
