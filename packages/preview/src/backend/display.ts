/**
 * The preview display: the headless display (buffers in memory, hardware planes emulated by a
 * device's rules) whose output is streamed to browser pages, and whose input comes from them.
 *
 * 1. Every accepted commit is compared with the state shown before (damage.ts): the output
 *    rectangles that changed are owed to each page, which gets them composed and compressed
 *    (stream/). A commit that changes nothing sends nothing; an idle app sends nothing at all.
 * 2. The page's pointer, touch, wheel, key, text and composition messages from the viewer in
 *    control are emitted as `input` events, as a device's would be.
 * 3. The page's size and scale become a `resize` event: the output takes the chosen size times
 *    the scale (physical px), and the app lays itself out again at the chosen logical size.
 * 4. The page's rotation is a panel mounted turned: the output keeps its size and a `rotate`
 *    event turns the app (its logical size swaps, the toolkit maps input back). The page shows
 *    the output turned the other way, so the app reads upright there.
 * 5. A page's command runs the app's listeners; one that throws is the app's error (the display's
 *    `error` event), and the page is told, never the socket's event loop.
 */
import type { PreviewServer } from '../server/server.js';
import {
  HeadlessDisplay, planePreset, type Display, type DisplayEvents, type DisplayState, type HeadlessOptions, type LayerState, type Presented,
} from '@planar/toolkit/backend';
import { damageRects, layerRect } from './damage.js';
import { SIZE_PRESETS, type PageCommand, type PlanesPreset, type Rotation } from './messages.js';
import { StreamHub } from '../stream/viewers.js';
import { servePage } from './page.js';

export interface PreviewDisplayOptions extends HeadlessOptions {
  planes?: PlanesPreset;
}

/** A layer on a plane, as the page outlines it (output px). */
export interface PlaneOutline { layerId: number; planeId: number; planeType: string; zpos: number; x: number; y: number; width: number; height: number }

type Listener<K extends keyof DisplayEvents> = (e: DisplayEvents[K]) => void;
/** What the toolkit hands `serveInspector`: the app's inspector (`inspect(app)`). */
type AppInspector = Parameters<NonNullable<Display['serveInspector']>>[0];

/**
 * A display shown in browser pages. Made by the preview backend; the app renders to it as to
 * any display. `notice` puts a banner on every page.
 * @example const app = await createApp(() => <App />, { backend: previewBackend({ port: 7070 }) });
 * (app.display as PreviewDisplay).notice('rebuilding…', 'info');
 */
export class PreviewDisplay extends HeadlessDisplay {
  readonly server: PreviewServer;
  /** The page's address (with the token when one is required). */
  readonly url: string;
  private readonly hub: StreamHub;
  private readonly resizeListeners = new Set<Listener<'resize'>>();
  /** The layers shown now; null until the first commit, and after a resize (the next frame goes whole). */
  private current: readonly LayerState[] | null = null;
  private compared: readonly LayerState[] | null = null;
  private rotation: Rotation = 0;
  private preset: PlanesPreset;
  private outlines = '[]';
  /** Commits handed over and not yet presented. */
  private presenting = 0;
  private changedAt = 0;
  private shownNotice: { text: string; level: 'error' | 'info' } | null = null;
  private inspectorLoad: Promise<void> | null = null;
  private closing: Promise<void> | null = null;

  constructor(server: PreviewServer, options: PreviewDisplayOptions = {}) {
    super({ ...options, planes: options.planes ?? 'vkms' });
    this.server = server;
    this.url = server.url;
    this.preset = options.planes ?? 'vkms';
    this.hub = new StreamHub({
      shown: () => this.current,
      sequence: () => this.commits,
      output: () => this.output,
      greeting: () => ({ planes: this.planesMessage(), notice: this.shownNotice, sizes: SIZE_PRESETS }),
    }, (command) => this.obey(command), (error) => this.emit('error', error));
    servePage(server);
    server.socket('/stream', (socket) => this.hub.add(socket));
  }

  /** The output as the page describes it: physical px, scale and rotation. */
  get output(): { width: number; height: number; scale: number; rotation: Rotation } {
    return { width: this.info.width, height: this.info.height, scale: this.info.scale, rotation: this.rotation };
  }

  /** Frames sent to pages since the display opened, and their bytes. */
  get sent(): { frames: number; bytes: number } {
    return { ...this.hub.sent };
  }

  /** Commits handed over whose frame is not yet presented (0 when the display is still). */
  get inFlight(): number {
    return this.presenting;
  }

  /**
   * The number of the last commit that changed what pages show (each frame carries the commit
   * count when it was sent, so a page whose frame number reached this shows the app's output).
   */
  get lastChange(): number {
    return this.changedAt;
  }

  /** How many pages watch. */
  get viewers(): number {
    return this.hub.size;
  }

  override commit(state: DisplayState): Promise<Presented> {
    const presented = super.commit(state);
    this.presenting++;
    void presented.then(() => this.presenting--, () => this.presenting--);
    // The headless display takes or rejects a state before its first await; a taken one is lastState.
    if (this.lastState === state) {
      const rects = damageRects(this.compared, state.layers, this.info);
      if (rects.length) this.changedAt = this.commits;
      this.current = this.compared = state.layers.map((l) => ({ ...l, damage: [] }));
      this.hub.damage(rects);
      const outlines = JSON.stringify(this.outlinesOf(state.layers));
      if (outlines !== this.outlines) {
        this.outlines = outlines;
        this.hub.broadcast({ type: 'planes', ...this.planesMessage() });
      }
    }
    return presented;
  }

  /**
   * Shows a banner on every page (and on pages that connect later), or clears it with null.
   * @example display.notice('build failed: src/App.tsx:12', 'error');
   */
  notice(text: string | null, level: 'error' | 'info' = 'info'): void {
    this.shownNotice = text === null ? null : { text, level };
    this.hub.broadcast({ type: 'notice', text, level });
  }

  /**
   * Serves the app's inspector on this display's server (its socket and scripts), when the
   * inspector module is installed; otherwise says so once and goes on without it.
   */
  serveInspector(inspector: AppInspector): void {
    const specifier = '@planar/preview/inspector';
    this.inspectorLoad ??= (import(specifier) as Promise<{ attachInspector?: (server: PreviewServer, inspector: AppInspector) => void }>)
      .then((mod) => {
        if (typeof mod.attachInspector !== 'function') throw new Error(`${specifier} does not export attachInspector`);
        mod.attachInspector(this.server, inspector);
      })
      .catch((error: Error) => console.error(`planar preview: the inspector is not served: ${error.message}`));
  }

  /**
   * Sizes the output: `width` × `height` physical px (the panel, unturned) at `scale`; then turns
   * the app to `rotation`. The app lays itself out again.
   * @example display.resize(1600, 960, 2, 90); // an 800x480 panel at 2x, mounted turned
   */
  resize(width: number, height: number, scale: number, rotation: Rotation = this.rotation): void {
    if (width !== this.info.width || height !== this.info.height || scale !== this.info.scale) this.reshape(width, height, scale);
    if (rotation !== this.rotation) {
      this.rotation = rotation;
      this.compared = null;
      this.emit('rotate', { rotation });
    }
    this.hub.broadcast({ type: 'output', output: this.output });
  }

  /**
   * The app turned (at its start, by its own `setRotation`, or as a page asked): pages show the
   * output turned back by as much.
   */
  rotated(rotation: Rotation): void {
    if (rotation === this.rotation) return;
    this.rotation = rotation;
    this.compared = null;
    this.hub.broadcast({ type: 'output', output: this.output });
  }

  /** Emulates another device's planes; the app allocates its layers to them again. */
  setPlanes(preset: PlanesPreset): void {
    this.preset = preset;
    this.reshape(this.info.width, this.info.height, this.info.scale);
    this.hub.broadcast({ type: 'output', output: this.output });
    // Pages learn the preset now; the layers' new planes follow with the next commit.
    this.hub.broadcast({ type: 'planes', ...this.planesMessage() });
  }

  override on<K extends keyof DisplayEvents>(event: K, cb: (e: DisplayEvents[K]) => void): () => void {
    if (event !== 'resize') return super.on(event, cb);
    const listener = cb as Listener<'resize'>;
    this.resizeListeners.add(listener);
    return () => this.resizeListeners.delete(listener);
  }

  /** Closes every page's socket and the server, then the display. Safe to call twice. */
  override close(): Promise<void> {
    this.closing ??= (async () => {
      this.hub.close();
      this.resizeListeners.clear();
      await this.server.close();
      await super.close();
    })();
    return this.closing;
  }

  /** Gives the output this physical size, scale and the preset's planes; the app lays out again. */
  private reshape(width: number, height: number, scale: number): void {
    this.info.width = width;
    this.info.height = height;
    this.info.scale = scale;
    this.planes.splice(0, this.planes.length, ...planePreset(this.preset, { width, height }));
    this.compared = null;
    for (const cb of [...this.resizeListeners]) cb({ width, height, scale });
  }

  private obey(command: PageCommand): void {
    if (command.type === 'input') this.inject(command.event);
    // The page chooses the logical size; the output has it times the scale.
    else if (command.type === 'resize') this.resize(Math.round(command.width * command.scale), Math.round(command.height * command.scale), command.scale, command.rotation);
    else if (command.type === 'planes') this.setPlanes(command.preset);
  }

  private planesMessage(): { preset: PlanesPreset; planes: PlaneOutline[] } {
    return { preset: this.preset, planes: JSON.parse(this.outlines) as PlaneOutline[] };
  }

  private outlinesOf(layers: readonly LayerState[]): PlaneOutline[] {
    return layers.map((l) => ({
      layerId: l.id, planeId: l.planeId, planeType: this.planes.find((p) => p.id === l.planeId)?.type ?? 'unknown', zpos: l.zpos, ...layerRect(l),
    }));
  }
}
