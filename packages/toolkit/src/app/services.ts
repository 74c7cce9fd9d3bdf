/**
 * What components reach through their owner: the clock and frame loop of the app they are
 * mounted in. Timers and animations use these, so the testing clock drives them too.
 */
import { getOwner } from '../jsx/owner.js';
import type { ReadonlySignal } from '@preact/signals-core';
import type { Clock } from './clock.js';
import type { FrameLoop } from './frame-loop.js';
import type { Rotation } from '../tree/scene.js';
import type { OutputInfo } from '../backend/contract.js';

export const APP_SERVICES = Symbol('planar.app');

export interface AppServices {
  clock: Clock;
  loop: FrameLoop;
  viewport: ReadonlySignal<Viewport>;
  /** The display's output (physical size in mm, for touch slop), read when needed. */
  output: () => OutputInfo;
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

/** The services of the app the current component belongs to; throws a clear error outside one. */
export function appServices(what: string): AppServices {
  const found = getOwner()?.lookup(APP_SERVICES);
  if (!found?.found) throw new Error(`${what} must be called while a component of a running app runs (inside a component, effect or handler)`);
  return found.value as AppServices;
}
