/**
 * What components reach through their owner: the clock and frame loop of the app they are
 * mounted in (timers and animations use these, so the testing clock drives them too), its
 * viewport, and the controls of its display (rotation, backlight).
 */
import { getOwner } from '../jsx/owner.js';
import type { ReadonlySignal } from '@preact/signals-core';
import type { Clock } from './clock.js';
import type { FrameLoop } from './frame-loop.js';
import type { Rotation } from '../tree/scene.js';
import type { OutputInfo } from '../backend/contract.js';
import type { TextInputServices } from '../input/text-input-types.js';

export const APP_SERVICES = Symbol('planar.app');

export interface AppServices {
  clock: Clock;
  loop: FrameLoop;
  viewport: ReadonlySignal<Viewport>;
  /** The display's output (physical size in mm, for touch slop), read when needed. */
  output: () => OutputInfo;
  display: DisplayControl;
  /** Text fields, the physical keyboard, on-screen keyboards (input/text-input.ts). */
  text: TextInputServices;
}

/** What a component may change about the display its app shows on. */
export interface DisplayControl {
  /**
   * Turns the output (clockwise) while the app runs, as `createApp({ rotation })` does at the
   * start: the logical size swaps for 90° and 270°, the tree is laid out again, `useViewport`
   * and the app's `resize` event follow, and touch is mapped through the new rotation.
   * Throws on a value other than 0, 90, 180 or 270.
   */
  setRotation(rotation: Rotation): void;
  /** Backlight brightness 0..1; absent where the display has no backlight control (headless, most windows). */
  setBrightness?: (level: number) => void;
}

/** The app's logical size, the output pixels per logical pixel, and how the output is turned (clockwise). */
export interface Viewport { width: number; height: number; scale: number; rotation: Rotation }

/**
 * The app's logical size (with scale and rotation) as a signal, updated when the output resizes or rotates.
 * @example const size = useViewport(); <Text>{() => `${size.value.width} px wide`}</Text>
 */
export function useViewport(): ReadonlySignal<Viewport> {
  return appServices('useViewport()').viewport;
}

/**
 * The display's controls, for settings screens: its rotation, and its backlight where it has one.
 * @example
 * const display = useDisplayControl();
 * <RadioGroup options={ROTATIONS} value={rotation} onChange={(r) => display.setRotation(r)} />
 * <Slider value={brightness} min={5} max={100} onChange={(v) => display.setBrightness?.(v / 100)} />
 */
export function useDisplayControl(): DisplayControl {
  return appServices('useDisplayControl()').display;
}

/** The services of the app the current component belongs to; throws a clear error outside one. */
export function appServices(what: string): AppServices {
  const found = getOwner()?.lookup(APP_SERVICES);
  if (!found?.found) throw new Error(`${what} must be called while a component of a running app runs (inside a component, effect or handler)`);
  return found.value as AppServices;
}
