/**
 * What an app is, as its users and the toolkit's own tools (the testing API, the inspector) see
 * it: the `App` handle, its events, and the internals an app is made of. Kept apart from
 * createApp so that those tools can name an app without importing what makes one.
 */
import type { Display } from '../backend/contract.js';
import type { Compositor } from '../compositor/compositor.js';
import type { FrameStats } from '../compositor/stats.js';
import type { InputDispatcher } from '../input/dispatcher.js';
import type { SemanticsTree } from '../semantics/tree.js';
import type { Rotation, Scene } from '../tree/scene.js';
import type { Clock } from './clock.js';
import type { FrameLoop } from './frame-loop.js';

export type AppEvents = {
  frame: FrameStats;
  error: Error;
  /** `lost`: the display went away (exit with an error); otherwise the user or compositor asked to close. */
  close: { reason: string; lost: boolean };
  resize: { width: number; height: number };
  device: { kind: 'pointer' | 'touch' | 'keyboard'; added: boolean };
};

export interface App {
  /** The name of the backend in use, e.g. 'wayland'. */
  readonly backend: string;
  /** Logical size. */
  readonly width: number;
  readonly height: number;
  /** How the output is turned, clockwise. */
  readonly rotation: Rotation;
  /**
   * Turns the output while the app runs: the logical size swaps for 90° and 270°, the tree is
   * laid out again, `useViewport` follows and a `resize` event is emitted; touch follows at
   * once. Components reach the same through `useDisplayControl()`.
   * @example app.setRotation(90);
   */
  setRotation(rotation: Rotation): void;
  /** Stats of the last rendered frame. */
  readonly stats: FrameStats;
  /**
   * The display the app renders to, for what only a backend offers: screen blanking
   * (`await app.display.setPower?.(false)`), backlight (`app.display.setBrightness?.(0.5)`).
   */
  readonly display: Display;
  /**
   * The semantics tree (roles, names, values, states, actions, bounds in output pixels), what a
   * screen-reader bridge subscribes to.
   * @example const off = app.semantics.subscribe((changes) => bridge.update(changes));
   */
  readonly semantics: SemanticsTree;
  /** A PNG of the composed output (all layers). */
  screenshot(): Promise<Uint8Array>;
  on<K extends keyof AppEvents>(event: K, cb: (e: AppEvents[K]) => void): () => void;
  close(): Promise<void>;
}

/** Everything an app is made of; the testing API reaches in here. */
export interface AppInternals {
  app: App;
  scene: Scene;
  display: Display;
  loop: FrameLoop;
  clock: Clock;
  compositor: Compositor;
  dispatcher: InputDispatcher;
}

