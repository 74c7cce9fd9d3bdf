/**
 * createApp: mounts a component tree on a display and keeps it on screen.
 *
 * It loads CanvasKit and the fonts, opens the backend, builds the scene, mounts the root
 * component under a root owner whose catcher turns every uncaught error into an `error`
 * event, and renders until the first frame is presented. From then on the frame loop
 * renders only when something changed.
 */
import mitt from 'mitt';
import { signal } from '@preact/signals-core';
import { Owner, runWithOwner } from '../jsx/owner.js';
import { createElement, flushMounts, mountChild, type Child } from '../jsx/element.js';
import { canvasKitLoadSpan, loadCanvasKit } from '../render/canvaskit.js';
import { initFonts } from '../render/fonts.js';
import { loadYoga, yogaLoadSpan } from '../engines/yoga.js';
import { applyProfile, profileFromEnv, PROFILES, type Profile } from '../engines/profile.js';
import { formatStartup, traceAppStart, traceFirstFrame, traceSpan, traceStep, traceSync } from './startup.js';
import { releaseStartupMemory } from './release-memory.js';
import { openDisplay, type BackendChoice } from '../backend/registry.js';
import type { Display, PlaneInfo } from '../backend/contract.js';
import type { PlanePresetName } from '../backend/plane-presets.js';
import { Scene, type Rotation } from '../tree/scene.js';
import type { PlanarNode } from '../tree/node.js';
import { Compositor } from '../compositor/compositor.js';
import { emptyStats } from '../compositor/stats.js';
import { FrameLoop } from './frame-loop.js';
import type { App, AppEvents, AppInternals } from './app-types.js';
import { PresentTime } from './present-time.js';
import { TextInputs } from '../input/text-input.js';
import { logicalBox } from '../tree/layer.js';
import { RealClock, VirtualClock, type Clock } from './clock.js';
import { APP_SERVICES, type AppServices, type DisplayControl } from './services.js';
import { InputDispatcher, callHandler } from '../input/dispatcher.js';
import { SemanticsTree } from '../semantics/tree.js';
import { toColor4 } from '../style/paint-props.js';
import { bindAppDirection, type Direction } from '../i18n/direction.js';
import type { Reactive } from '../jsx/reactive.js';
import { appClosed, registerApp } from '../inspect/internals.js';
import { keepPropsForInspector } from '../inspect/props-record.js';
import { inspect } from '../inspect/inspector.js';
import { serveFromEnv } from '../inspect/serve.js';

export type { App, AppEvents, AppInternals };

export interface AppOptions {
  /**
   * Where to draw: `'auto'` (default: wayland, else kms, else headless), the name of a
   * registered backend (`'headless'`, `'wayland'`, `'kms'`, or one added with
   * `registerBackend`), or a `Backend` object.
   */
  backend?: BackendChoice;
  /** Logical px; headless defaults to 800x480, wayland/kms take the output's size. */
  width?: number;
  height?: number;
  /** Physical px per logical px (default 1, or the output's scale). */
  scale?: number;
  rotation?: Rotation;
  fullscreen?: boolean;
  title?: string;
  appId?: string;
  cursor?: 'hidden' | 'default';
  /**
   * Headless only: the hardware planes to emulate — a known device's set or your own
   * (default `'vkms'`: a primary, three overlays and a cursor plane).
   */
  planes?: PlanePresetName | PlaneInfo[];
  /** @internal Hears errors no `error` listener took (the testing API fails the test with them). */
  onUnhandledError?: (error: Error) => void;
  /** @internal Headless: check the damage of every commit (the testing API turns it on). */
  checkDamage?: boolean;
  /**
   * A fixed time budget for a plane allocation search, ms. By default the budget is measured:
   * a first search for a new set of layers runs to the end, later ones get a few test commits'
   * worth at this display's cost, and at least 1 ms (see the README). The testing API passes 100
   * so that results never depend on CPU load.
   */
  planeDeadlineMs?: number;
  /** The colour behind everything (default white). */
  background?: string;
  /**
   * Which way the app reads: 'ltr' (default) or 'rtl', or a signal of it (an `I18n`'s
   * `direction`, say): rows, `start`/`end` edges and text follow, and `useDirection()` tells components.
   * @example await createApp(() => <App />, { direction: i18n.direction });
   */
  direction?: Reactive<Direction>;
  /** Hears errors from the start, including those raised while the first frame is built (same as `app.on('error')`). */
  onError?: (error: Error) => void;
  /**
   * How V8 compiles CanvasKit, set before it compiles: 'default' (hot code recompiled by the
   * optimising tier: fastest frames) or 'lean' (baseline code only: less memory and CPU at start
   * and per update, slower full repaints; see the README's figures). Default: `PLANAR_PROFILE`,
   * else 'default'.
   */
  profile?: Profile;
  /** @internal The testing API drives a virtual clock and renders frames itself. */
  clock?: 'real' | 'virtual';
}

/** The PLANAR_DEBUG switches in force: damage, fps, layers, startup. */
function debugModes(): Set<string> {
  return new Set((process.env.PLANAR_DEBUG ?? '').split(',').map((s) => s.trim()).filter(Boolean));
}

/**
 * Mounts `root` on a display and resolves once the first frame is presented.
 * @example const app = await createApp(() => <Dashboard />, { backend: 'auto' });
 */
export async function createApp(root: () => Child, options: AppOptions = {}): Promise<App> {
  return (await startApp(root, options)).app;
}

export async function startApp(root: () => Child, options: AppOptions = {}): Promise<AppInternals> {
  traceAppStart();
  validateOptions(options);
  const profileWarning = applyProfile(options.profile ?? profileFromEnv());
  if (profileWarning) console.warn(`planar: ${profileWarning}`);
  // CanvasKit and Yoga compile (mostly on V8's background threads) while the display opens
  // (from a bundle, they began while the app's modules loaded).
  const engines = Promise.all([loadCanvasKit(), loadYoga()]);
  engines.catch(() => {});
  const virtual = options.clock === 'virtual';
  const rotation: Rotation = options.rotation ?? 0;
  const turned = rotation % 180 !== 0;
  // A device that cannot be opened (busy, forbidden) is reported as soon as that is known,
  // without waiting for the compilers.
  const { name: backendName, display } = await traceStep('display', openDisplay(options.backend ?? 'auto', {
    width: turned ? options.height : options.width, height: turned ? options.width : options.height, scale: options.scale, fullscreen: options.fullscreen ?? true,
    title: options.title, appId: options.appId, cursor: options.cursor, pacing: virtual ? 'immediate' : 'timer', planes: options.planes, checkDamage: options.checkDamage,
  }, (line) => console.error(line)));
  try {
    await engines;
    traceSpan('canvaskit', canvasKitLoadSpan());
    traceSpan('yoga', yogaLoadSpan());
    await traceStep('fonts', initFonts());
  } catch (error) {
    await display.close();
    throw error;
  }
  const scale = options.scale ?? display.info.scale;
  const outW = display.info.width, outH = display.info.height;
  const [lw, lh] = rotation % 180 ? [outH / scale, outW / scale] : [outW / scale, outH / scale];
  const width = options.width ?? lw, height = options.height ?? lh;

  const emitter = mitt<AppEvents>();
  if (options.onError) emitter.on('error', options.onError);
  const clock: Clock = virtual ? new VirtualClock() : new RealClock();
  let lastStats = emptyStats();
  let closed = false;
  const reportedProps = new Set<string>();
  const production = process.env.NODE_ENV === 'production';

  const emitError = (error: Error) => {
    if (emitter.all.get('error')?.length) emitter.emit('error', error);
    else if (options.onUnhandledError) options.onUnhandledError(error);
    else console.error(`planar: ${error.stack ?? error.message}`);
  };

  const scene: Scene = new Scene({
    requestFrame: () => loop.request(),
    propError: (node, prop, value, problem) => {
      const where = [node.owner?.path(), node.component].filter(Boolean).join(' › ');
      const shown = typeof value === 'string' ? JSON.stringify(value) : Number.isNaN(value) ? 'NaN' : safeString(value);
      const message = `bad prop on <${where}>: ${prop} = ${shown}: ${problem}`;
      const key = `${where}|${prop}|${shown}`;
      if (reportedProps.has(key)) return;
      reportedProps.add(key);
      if (production) console.warn(`planar: ${message}`);
      else emitError(Object.assign(new Error(message), { componentPath: where, prop, value }));
    },
    focusChanged: (from: PlanarNode | null, to: PlanarNode | null) => {
      dispatcher.focus.focusChanged(from, to);
      textInputs.focusChanged(to);
      const blur = from?.handlers.onBlur, focus = to?.handlers.onFocus;
      if (from && blur) callHandler(from, blur);
      if (to && focus) callHandler(to, focus);
    },
  }, width, height, scale, rotation);

  const compositor = new Compositor(scene, display, toColor4(options.background ?? '#ffffff'), debugModes(), (e) => emitError(e), () => clock.now());
  if (options.planeDeadlineMs !== undefined) compositor.deadlineMs = options.planeDeadlineMs;
  // On the real clock, frames are timed for their vblank; a test's virtual clock is its own time.
  const presentTime = virtual ? null : new PresentTime(display.info.refreshMhz);
  const loop: FrameLoop = new FrameLoop(clock, async () => {
    const stats = await compositor.render();
    if (!stats) return;
    lastStats = stats;
    presentTime?.rendered(stats.layoutMs + stats.allocMs + stats.paintMs + stats.copyMs);
    presentTime?.presented(stats.presentedAt);
    // A display that never says it released a buffer must not freeze the app: look again soon.
    if (stats.skipped) clock.setTimer(100, () => loop.request());
    emitter.emit('frame', stats);
  }, (error) => emitError(error as Error), virtual, presentTime ? (now) => presentTime.predict(now) : undefined);
  const dispatcher = new InputDispatcher(scene);
  // The caret for a system input method: the field's box on the output, plus the caret in it.
  const caretOnOutput = (node: PlanarNode, r: { x: number; y: number; width: number; height: number }) => {
    const box = logicalBox(node);
    const out = scene.toOutput({ left: box.left + r.x, top: box.top + r.y, right: box.left + r.x + r.width, bottom: box.top + r.y + r.height });
    return { x: Math.round(out.left), y: Math.round(out.top), width: Math.round(out.right - out.left), height: Math.round(out.bottom - out.top) };
  };
  const textInputs = new TextInputs((e) => dispatcher.dispatch(e), () => clock.now(), () => display.textInput, caretOnOutput);

  const owner = new Owner(null, undefined);
  owner.catcher = (error) => emitError(error);
  const viewport = signal({ width, height, scale, rotation });
  // Runs from a display's event or a page's message: a listener that throws is the app's error,
  // never the caller's.
  const publish = () => {
    const { width: w, height: h, scale: s, rotation: r } = scene;
    viewport.value = { width: w, height: h, scale: s, rotation: r };
    for (const cb of [...(emitter.all.get('resize') ?? [])]) {
      try {
        (cb as (e: AppEvents['resize']) => void)({ width: w, height: h });
      } catch (error) {
        emitError(error instanceof Error ? error : new Error(`a resize listener threw ${safeString(error)}`));
      }
    }
  };
  // The output keeps its size; the logical size swaps when the turn is a quarter.
  const setRotation = (next: Rotation) => {
    if (!ROTATIONS.includes(next)) throw new Error(`setRotation: rotation must be 0, 90, 180 or 270, got ${safeString(next)}`);
    if (closed || next === scene.rotation) return;
    const quarter = (next - scene.rotation) % 180 !== 0;
    scene.resize(quarter ? scene.height : scene.width, quarter ? scene.width : scene.height, scene.scale, next);
    compositor.resize();
    publish();
    tellRotation(next);
  };
  // The display only hears of the rotation; what it does with it is its own affair.
  const tellRotation = (r: Rotation) => {
    try {
      display.rotated?.(r);
    } catch (error) {
      emitError(error instanceof Error ? error : new Error(`the display failed to follow the rotation: ${safeString(error)}`));
    }
  };
  if (rotation !== 0) tellRotation(rotation);
  const control: DisplayControl = { setRotation };
  if (display.setBrightness) control.setBrightness = (level) => display.setBrightness!(level);
  const direction = bindAppDirection(scene.root, options.direction, emitError);
  owner.onDispose(direction.dispose);
  owner.contexts = new Map<symbol, unknown>([
    [APP_SERVICES, { clock, loop, viewport, output: () => display.info, display: control, text: textInputs } satisfies AppServices],
    direction.entry,
  ]);

  const offs = [
    textInputs.dispose,
    display.on('input', (e) => dispatcher.dispatch(e)),
    display.on('resize', ({ width: w, height: h, scale: s }) => {
      const [nw, nh] = scene.rotation % 180 ? [h / s, w / s] : [w / s, h / s];
      scene.resize(nw, nh, s);
      compositor.resize();
      publish();
    }),
    display.on('device', (e) => {
      textInputs.device(e);
      emitter.emit('device', e);
    }),
    // A frame skipped for want of a free buffer goes as soon as the display lets one go.
    display.on('release', () => {
      compositor.released();
      if (compositor.waitingForBuffer) loop.request();
    }),
    display.on('error', (e) => emitError(e)),
    // A rotation the display asks for is the app's to take; a bad one is the app's error, not the display's.
    display.on('rotate', ({ rotation: r }) => {
      try {
        setRotation(r);
      } catch (error) {
        emitError(error instanceof Error ? error : new Error(`the display's rotation failed: ${safeString(error)}`));
      }
    }),
    display.on('close', ({ reason, lost }) => {
      if (closed) return;
      if (emitter.all.get('close')?.length) emitter.emit('close', { reason, lost });
      else {
        console.error(`planar: the display closed: ${reason}`);
        process.exit(1);
      }
      void app.close();
    }),
  ];

  let semantics: SemanticsTree | null = null;
  const app: App = {
    backend: backendName,
    get width() { return scene.width; },
    get height() { return scene.height; },
    get rotation() { return scene.rotation; },
    setRotation,
    get stats() { return lastStats; },
    get semantics() { return (semantics ??= new SemanticsTree(scene.root, (run) => app.on('frame', run))); },
    display,
    async screenshot() {
      const { width: w, height: h, pixels } = await display.capture();
      // Loaded on first use: most apps never take a screenshot.
      const { PNG } = await import('pngjs');
      const png = new PNG({ width: w, height: h });
      png.data = Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength);
      return new Uint8Array(PNG.sync.write(png));
    },
    on(event, cb) {
      emitter.on(event, cb);
      return () => emitter.off(event, cb);
    },
    async close() {
      if (closed) return;
      closed = true;
      loop.stop();
      semantics?.dispose();
      owner.dispose();
      for (const off of offs) off();
      scene.root.destroy();
      compositor.dispose();
      appClosed(app);
      await display.close();
      emitter.all.clear();
    },
  };

  if (virtual || display.serveInspector || process.env.PLANAR_INSPECT) keepPropsForInspector();
  traceSync('mount', () => runWithOwner(owner, () => {
    mountChild(scene.root, createElement(root as (p: never) => unknown, {}));
    flushMounts();
  }));
  const firstFrameStart = performance.now();
  loop.request();
  await loop.tick();
  traceFirstFrame(firstFrameStart, lastStats);
  if (debugModes().has('startup')) console.error(formatStartup());
  if (!virtual) releaseStartupMemory();
  const internals: AppInternals = { app, scene, display, loop, clock, compositor, dispatcher };
  registerApp(internals);
  // A test's app (the virtual clock) is not served: every test would bind the same address.
  offerInspector(app, display, !virtual);
  return internals;
}

/**
 * Hands the app's inspector to a display that shows one, and, when `fromEnv`, to
 * `PLANAR_INSPECT`'s server; a failure there is printed, never fatal.
 */
function offerInspector(app: App, display: Display, fromEnv: boolean): void {
  try {
    display.serveInspector?.(inspect(app));
  } catch (error) {
    console.error(`planar: the display could not show the inspector: ${(error as Error)?.message ?? String(error)}`);
  }
  const address = process.env.PLANAR_INSPECT;
  if (address && fromEnv) void serveFromEnv(inspect(app), address);
}

const ROTATIONS: readonly Rotation[] = [0, 90, 180, 270];

function safeString(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function validateOptions(o: AppOptions): void {
  const bad = (what: string) => {
    throw new Error(`createApp: ${what}`);
  };
  for (const key of ['width', 'height', 'scale', 'planeDeadlineMs'] as const) {
    const v = o[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v <= 0)) bad(`${key} must be a positive number, got ${String(v)}`);
  }
  if (o.profile !== undefined && !PROFILES.includes(o.profile)) bad(`profile must be ${PROFILES.map((p) => `'${p}'`).join(' or ')}, got ${safeString(o.profile)}`);
  if (o.rotation !== undefined && !ROTATIONS.includes(o.rotation)) bad(`rotation must be 0, 90, 180 or 270, got ${String(o.rotation)}`);
  if (typeof o.direction === 'string' && o.direction !== 'ltr' && o.direction !== 'rtl') bad(`direction must be 'ltr' or 'rtl' (or a signal of one), got ${safeString(o.direction)}`);
  const b: unknown = o.backend;
  if (b !== undefined && typeof b !== 'string' && typeof (b as { open?: unknown })?.open !== 'function') {
    bad(`backend must be 'auto', a backend's name or a backend object with open(options), got ${safeString(b)}`);
  }
}
