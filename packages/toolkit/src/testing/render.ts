/**
 * The testing API: renders a component on the headless backend with a virtual clock, and
 * drives it like a user would. Every async call ends after the frame it caused is rendered.
 */
import { PNG } from 'pngjs';
import type { Child } from '../jsx/element.js';
import { startApp, type AppInternals, type AppOptions } from '../app/app.js';
import type { HeadlessDisplay } from '../backend/headless.js';
import type { FrameStats } from '../compositor/stats.js';
import type { VirtualClock } from '../app/clock.js';
import type { PlanarNode } from '../tree/node.js';
import type { Rotation } from '../tree/scene.js';
import { textOf } from '../render/text.js';
import { loadsSettled } from '../render/resources.js';
import { fontsSettled } from '../render/fonts.js';
import { codeFor } from './keys.js';
import { SemanticsNode } from '../semantics/node.js';
import type { SemanticsTree } from '../semantics/tree.js';
import { performAction } from '../semantics/actions.js';
import type { Role, SemanticsAction } from '../semantics/types.js';
import { getAll, getOne, labelQuery, queryAll, queryOne, roleQuery, textQuery, type RoleQueryOptions, type TextMatch, type TextQueryOptions } from './queries.js';

export interface RenderOptions {
  width?: number;
  height?: number;
  rotation?: Rotation;
  scale?: number;
  background?: string;
  /** Hears errors from the start, including those of the first mount. */
  onError?: (error: Error) => void;
  /** The hardware planes the headless display emulates (default `'vkms'`). */
  planes?: AppOptions['planes'];
  /** The plane allocation's time budget (default 100 ms here, so that results never depend on CPU load). */
  planeDeadlineMs?: number;
  /** Checks that every commit's damage covers what changed on each plane (default true; costs a compare per commit). */
  checkDamage?: boolean;
  /** The display's physical size as it reports it, mm (default 0 × 0: unknown, as many headless outputs say). */
  physicalSizeMm?: { width: number; height: number };
  /** Which way the app reads (createApp's `direction`): 'ltr' (default), 'rtl', or a signal of one. */
  direction?: AppOptions['direction'];
}

/** A node to act on: by testId, by its exact text, or as found by `getByRole` and the other queries. */
export type Query = { testId: string } | { text: string } | SemanticsNode;
export type Target = Query | { x: number; y: number };
export interface Box { x: number; y: number; width: number; height: number }
type PointerOptions = {
  id?: number;
  type?: 'mouse' | 'touch';
  /** The device's timestamp for the event, ms (default: the clock's now); events may arrive later than they happened. */
  timestamp?: number;
};
type Modifiers = { shift?: boolean; ctrl?: boolean; alt?: boolean; meta?: boolean };
/** How `drag` moves: `steps` moves `every` ms apart, `hold` ms still before the lift (0: a flick), and the pointer's id and type. */
export type DragOptions = Omit<PointerOptions, 'timestamp'> & { steps?: number; every?: number; hold?: number };

const FRAME_MS = 1000 / 60;

export class Screen {
  private buttons = new Map<number, number>();
  private time = 0;

  /** @internal `unhandled`: errors no `error` listener took, checked at every step. */
  constructor(private readonly internals: AppInternals, private readonly unhandled: Error[] = []) {}

  /** The app behind the screen (events, close). */
  get app() {
    return this.internals.app;
  }

  /** Stats of the last rendered frame. */
  get stats(): FrameStats {
    return this.internals.app.stats;
  }

  /** The headless display: its emulated planes, the last committed state, buffer holding. */
  get display(): HeadlessDisplay {
    return this.internals.display as HeadlessDisplay;
  }

  /** What each plane shows, bottom to top: layer 0 is the root layer, -1 the composition layer. */
  planes(): ReturnType<HeadlessDisplay['planesInUse']> {
    return this.display.planesInUse();
  }

  /** The plane of the layer with this testId, or null when it is composited. */
  planeOf(testId: string): number | null {
    const allocation = this.internals.compositor.allocation;
    const id = this.internals.compositor.layerId(testId);
    return allocation?.planeOf.get(id) ?? null;
  }

  /**
   * Why the layer with this testId is composited: the first reason it was refused a plane
   * ("plane 4: format XRGB8888 not supported", "overlaps composited \"menu\" above it"), or null
   * when it is on a plane.
   */
  whyComposited(testId: string): string | null {
    return this.internals.compositor.whyComposited(testId);
  }

  /** The semantics tree: its live nodes, plain snapshots, and a change stream for a screen-reader bridge. */
  get semantics(): SemanticsTree {
    return this.internals.app.semantics;
  }


  /**
   * The semantics tree as text, one node a line: role "name" [states] value.
   * @example console.log(screen.tree()); // switch "Wi-Fi" [checked]
   */
  tree(options: { hidden?: boolean } = {}): string {
    return this.semantics.print(options);
  }

  /**
   * The one node with this role (and name, states, value); throws, printing the tree, on none or several.
   * @example await screen.tap(screen.getByRole('switch', { name: 'Wi-Fi' }));
   */
  getByRole(role: Role, options?: RoleQueryOptions): SemanticsNode {
    return getOne(this.internals.scene.root, roleQuery(role, options), 'getByRole');
  }

  /** Like `getByRole`, but null when nothing matches. @example expect(screen.queryByRole('dialog')).toBeNull(); */
  queryByRole(role: Role, options?: RoleQueryOptions): SemanticsNode | null {
    return queryOne(this.internals.scene.root, roleQuery(role, options), 'queryByRole');
  }

  /** Every node with this role, in reading order; throws when there is none. @example screen.getAllByRole('radio').length */
  getAllByRole(role: Role, options?: RoleQueryOptions): SemanticsNode[] {
    return getAll(this.internals.scene.root, roleQuery(role, options), 'getAllByRole');
  }

  /** Every node with this role, possibly none. @example screen.queryAllByRole('option', { selected: true }) */
  queryAllByRole(role: Role, options?: RoleQueryOptions): SemanticsNode[] {
    return queryAll(this.internals.scene.root, roleQuery(role, options));
  }

  /** The one `<Text>` showing this text. @example await screen.tap(screen.getByText('Save')); */
  getByText(text: TextMatch, options?: TextQueryOptions): SemanticsNode {
    return getOne(this.internals.scene.root, textQuery(text, options), 'getByText');
  }

  /** Like `getByText`, but null when nothing matches. @example expect(screen.queryByText(/saved/)).toBeNull(); */
  queryByText(text: TextMatch, options?: TextQueryOptions): SemanticsNode | null {
    return queryOne(this.internals.scene.root, textQuery(text, options), 'queryByText');
  }

  /** The one node named by `semantics.label` or `labelledBy` with this name. @example screen.getByLabel('Volume') */
  getByLabel(label: TextMatch, options?: TextQueryOptions): SemanticsNode {
    return getOne(this.internals.scene.root, labelQuery(label, options), 'getByLabel');
  }

  /** Like `getByLabel`, but null when nothing matches. @example screen.queryByLabel('Volume') */
  queryByLabel(label: TextMatch, options?: TextQueryOptions): SemanticsNode | null {
    return queryOne(this.internals.scene.root, labelQuery(label, options), 'queryByLabel');
  }

  /**
   * Runs a semantics action (press, increment, decrement, expand, collapse, dismiss, focus) as
   * an assistive technology would, then renders. Throws when the node is disabled or does not offer it.
   * @example await screen.act('increment', screen.getByRole('slider', { name: 'Volume' }));
   */
  async act(action: SemanticsAction, target: Query): Promise<void> {
    performAction(SemanticsNode.of(this.node(target)), action);
    await this.flush();
  }

  /** The border box, in output pixels, of the one node matching the query; throws on none or several. */
  find(query: Query): Box {
    return this.internals.scene.outputBox(this.node(query));
  }

  /** The text shown by the one node matching the query: a Text's full text, or the texts inside a box joined by spaces. */
  text(query: Query): string {
    const node = this.node(query);
    if (node.kind === 'text') return textOf(node);
    const parts: string[] = [];
    const visit = (n: PlanarNode) => {
      if (n.hidden) return;
      if (n.kind === 'text') parts.push(textOf(n));
      else for (const c of n.children) visit(c);
    };
    visit(node);
    return parts.join(' ');
  }

  private node(query: Query): PlanarNode {
    if (query instanceof SemanticsNode) {
      if (query.node.destroyed || !query.node.scene) throw new Error(`find: ${query} is no longer on screen; query it again after the change`);
      return query.node;
    }
    const matches: PlanarNode[] = [];
    const candidates: string[] = [];
    const visit = (n: PlanarNode) => {
      if ('testId' in query) {
        if (n.testId !== undefined) candidates.push(`testId="${n.testId}"`);
        if (n.isBox && n.testId === query.testId) matches.push(n);
      } else if (n.kind === 'text') {
        const text = textOf(n);
        candidates.push(JSON.stringify(text));
        if (text === query.text) matches.push(n);
      }
      for (const c of n.children) visit(c);
    };
    visit(this.internals.scene.root);
    const what = 'testId' in query ? `testId="${query.testId}"` : `text ${JSON.stringify(query.text)}`;
    if (matches.length === 1) return matches[0]!;
    const list = candidates.length ? candidates.slice(0, 30).join(', ') + (candidates.length > 30 ? ', …' : '') : 'none';
    if (!matches.length) throw new Error(`find: no node with ${what}; candidates: ${list}`);
    throw new Error(`find: ${matches.length} nodes with ${what}; make the query unique (candidates: ${list})`);
  }

  /** Moves focus to the target or its nearest focusable ancestor, as a keyboard user would reach it. */
  private focusFor(target: Query, verb: string): void {
    const node = this.node(target);
    let focusable: PlanarNode | null = node;
    while (focusable && !focusable.focusable) focusable = focusable.boxParent();
    if (!focusable) throw new Error(`${verb}: ${SemanticsNode.of(node)} cannot take focus: neither it nor an ancestor is focusable (set focusable on it)`);
    if (SemanticsNode.of(focusable).disabled) throw new Error(`${verb}: ${SemanticsNode.of(node)} cannot take focus: it is disabled`);
    this.internals.scene.focus(focusable);
  }

  private point(target: Target): { x: number; y: number } {
    if (!(target instanceof SemanticsNode) && 'x' in target) return target;
    const b = this.find(target);
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  }

  /** Taps the centre of a node's box, or a point (output pixels). */
  async tap(target: Target, options: PointerOptions = {}): Promise<void> {
    const p = this.point(target);
    await this.pointer.down(p, { type: 'touch', ...options });
    await this.pointer.up(p, { type: 'touch', ...options });
  }

  /**
   * A finger (touch, unless `type` says otherwise) put on the target and moved by (dx, dy) in
   * `steps` equal moves, `every` ms apart on the virtual clock (default 10 moves, 10 ms); held
   * still `hold` ms before it lifts, or lifted while moving (a flick) when `hold` is 0.
   * @example await screen.drag(screen.getByRole('list'), { dy: -300 });        // a flick up
   * @example await screen.drag({ x: 100, y: 200 }, { dx: 80 }, { hold: 200 }); // a slow drag
   */
  async drag(target: Target, by: { dx?: number; dy?: number }, options: DragOptions = {}): Promise<void> {
    const from = this.point(target);
    const { steps = 10, every = 10, hold = 0, ...pointer } = options;
    const o: PointerOptions = { type: 'touch', ...pointer };
    const at = (i: number) => ({ x: from.x + ((by.dx ?? 0) * i) / steps, y: from.y + ((by.dy ?? 0) * i) / steps });
    await this.pointer.down(from, o);
    // A flick lifts on its last move; a held finger makes every move, then waits.
    const moves = hold > 0 ? steps : steps - 1;
    for (let i = 1; i <= moves; i++) {
      await this.advance(every);
      await this.pointer.move(at(i), o);
    }
    await this.advance(hold > 0 ? hold : every);
    await this.pointer.up(at(steps), o);
  }

  /** Pointer down / move / up at output pixels, or at the centre of a node's box. */
  readonly pointer = {
    down: (p: Target, o: PointerOptions = {}) => this.sendPointer('down', this.point(p), o),
    move: (p: Target, o: PointerOptions = {}) => this.sendPointer('move', this.point(p), o),
    up: (p: Target, o: PointerOptions = {}) => this.sendPointer('up', this.point(p), o),
    cancel: (p: Target, o: PointerOptions = {}) => this.sendPointer('cancel', this.point(p), o),
  };

  private async sendPointer(type: 'down' | 'move' | 'up' | 'cancel', p: { x: number; y: number }, o: PointerOptions): Promise<void> {
    const id = o.id ?? 0;
    const buttons = type === 'down' ? 1 : type === 'move' ? (this.buttons.get(id) ?? 0) : 0;
    if (type === 'down') this.buttons.set(id, 1);
    if (type === 'up' || type === 'cancel') this.buttons.delete(id);
    this.display.inject({
      kind: 'pointer', type, x: p.x, y: p.y, pointerId: id, pointerType: o.type ?? 'mouse',
      button: type === 'down' || type === 'up' ? 0 : undefined, buttons, timestamp: o.timestamp ?? this.stamp(),
    });
    await this.flush();
  }

  /**
   * Presses and releases a key (W3C key name, e.g. 'Enter', 'a', 'ArrowLeft') on the focused
   * node, or first focuses `target` (or its nearest focusable ancestor) as keyboard focus would.
   * @example await screen.key(screen.getByRole('slider'), 'ArrowRight');
   */
  async key(key: string, mods?: Modifiers): Promise<void>;
  async key(target: Query, key: string, mods?: Modifiers): Promise<void>;
  async key(a: string | Query, b?: string | Modifiers, c?: Modifiers): Promise<void> {
    if (typeof a !== 'string') this.focusFor(a, 'key');
    const key = typeof a === 'string' ? a : b as string;
    const mods = (typeof a === 'string' ? b as Modifiers | undefined : c) ?? {};
    const { code, shift } = codeFor(key);
    const base = { kind: 'key' as const, key, code, shift: mods.shift ?? shift, ctrl: !!mods.ctrl, alt: !!mods.alt, meta: !!mods.meta, repeat: false };
    this.display.inject({ ...base, type: 'down', timestamp: this.stamp() });
    this.display.inject({ ...base, type: 'up', timestamp: this.stamp() });
    await this.flush();
  }

  /**
   * Types text: a key press and a text input event per character, into the focused node or,
   * first focusing it, into `target` (or its nearest focusable ancestor).
   * @example await screen.type(screen.getByRole('textbox', { name: 'SSID' }), 'home');
   */
  async type(text: string): Promise<void>;
  async type(target: Query, text: string): Promise<void>;
  async type(a: string | Query, b?: string): Promise<void> {
    if (typeof a !== 'string') this.focusFor(a, 'type');
    const text = typeof a === 'string' ? a : b!;
    for (const ch of text) {
      const { code, shift } = codeFor(ch);
      const base = { kind: 'key' as const, key: ch, code, shift, ctrl: false, alt: false, meta: false, repeat: false };
      this.display.inject({ ...base, type: 'down', timestamp: this.stamp() });
      this.display.inject({ kind: 'text', text: ch, timestamp: this.stamp() });
      this.display.inject({ ...base, type: 'up', timestamp: this.stamp() });
    }
    await this.flush();
  }

  /**
   * Turns the output as `app.setRotation` does (the output keeps its size; a quarter turn swaps
   * the logical size), then renders.
   * @example await screen.setRotation(90);
   */
  async setRotation(rotation: Rotation): Promise<void> {
    this.internals.app.setRotation(rotation);
    await this.flush();
  }

  /** Moves Planar's virtual clock forward (its timers and animations), frame by frame, then renders. */
  async advance(ms: number): Promise<void> {
    const clock = this.internals.clock as VirtualClock;
    // Step to exact times (no accumulated float error): advance(200) ends at start + 200.
    const start = clock.now(), end = start + ms;
    for (let i = 1; clock.now() < end; i++) {
      clock.advanceTo(Math.min(end, start + i * FRAME_MS));
      await this.internals.loop.flush(1);
    }
    await this.flush();
  }

  /**
   * Waits for images and fonts in flight, then renders while a change asks for a frame.
   * Animation steps wait for the clock to move (`advance`): they never run at the same instant twice.
   */
  async flush(): Promise<void> {
    for (let i = 0; i < 30; i++) {
      await loadsSettled();
      await fontsSettled();
      if (!this.internals.loop.renderRequested) break;
      await this.internals.loop.tick();
    }
    this.throwUnhandled();
  }

  /** An error nobody listened for fails the test at the next step (pass `onError` to expect errors). */
  private throwUnhandled(): void {
    const error = this.unhandled.shift();
    if (!error) return;
    this.unhandled.length = 0;
    throw new Error(`the app raised an error no test listened for (pass onError to render() to expect it): ${error.message}`, { cause: error });
  }

  /** A PNG of the last frame (all layers). */
  png(): Uint8Array {
    const { width, height, pixels } = this.display.captureSync();
    const png = new PNG({ width, height });
    png.data = Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength);
    return new Uint8Array(PNG.sync.write(png));
  }

  /** The [r, g, b, a] of an output pixel in the last frame. */
  /** The composed output as straight-alpha RGBA bytes, row by row. */
  pixels(): { width: number; height: number; pixels: Uint8Array } {
    const { width, height, pixels } = this.display.captureSync();
    return { width, height, pixels: pixels.slice() };
  }

  pixel(x: number, y: number): [number, number, number, number] {
    const { width, height, pixels } = this.display.captureSync();
    if (x < 0 || y < 0 || x >= width || y >= height) throw new RangeError(`pixel(${x}, ${y}) is outside the ${width}x${height} output`);
    const i = (Math.floor(y) * width + Math.floor(x)) * 4;
    return [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!, pixels[i + 3]!];
  }

  /** Damages every layer whole, so that the next frame repaints everything (for benchmarks and debugging). */
  async invalidate(): Promise<void> {
    this.internals.scene.damageTracker.damageAll();
    for (const node of this.internals.scene.layerNodes()) node.layer!.link.damageTracker.damageAll();
    this.internals.loop.request();
    await this.flush();
  }

  /** Makes the display go away with `reason` (the app's `close` event follows). */
  disconnect(reason: string): void {
    this.display.disconnect(reason);
  }

  /** Unmounts everything and frees the app's memory. */
  async dispose(): Promise<void> {
    await this.internals.app.close();
  }

  private stamp(): number {
    return Math.max(++this.time, this.internals.clock.now());
  }
}

/**
 * Renders a component headless for a test; resolves after the first frame with fonts and images loaded.
 * @example const screen = await render(() => <Toggle />, { width: 320, height: 200 });
 */
export async function render(root: () => Child, options: RenderOptions = {}): Promise<Screen> {
  const unhandled: Error[] = [];
  const internals = await startApp(root, {
    onUnhandledError: (error) => unhandled.push(error),
    backend: 'headless', clock: 'virtual',
    width: options.width ?? 800, height: options.height ?? 480,
    rotation: options.rotation, scale: options.scale, background: options.background, onError: options.onError,
    planes: options.planes, planeDeadlineMs: options.planeDeadlineMs ?? 100, checkDamage: options.checkDamage ?? true,
    direction: options.direction,
  });
  if (options.physicalSizeMm) {
    internals.display.info.physicalWidthMm = options.physicalSizeMm.width;
    internals.display.info.physicalHeightMm = options.physicalSizeMm.height;
  }
  const screen = new Screen(internals, unhandled);
  await screen.flush();
  return screen;
}
