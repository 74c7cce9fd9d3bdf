/**
 * The reduced-motion switch. When it is on, style transitions jump to their new value instead
 * of animating (the frame that shows the change is the only frame). It starts on when the
 * environment says so (`PLANAR_REDUCED_MOTION=1`), and an app can follow a user setting with
 * `setReducedMotion`. Components may read `reducedMotion()` to pick shorter or no animations of
 * their own; inside an effect or getter the read subscribes.
 */
import { signal } from '@preact/signals-core';

/** Whether an environment asks for reduced motion (`PLANAR_REDUCED_MOTION` set to 1, true or yes). */
export function reducedMotionFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.PLANAR_REDUCED_MOTION?.trim().toLowerCase();
  return value === '1' || value === 'true' || value === 'yes';
}

const reduced = signal(reducedMotionFromEnv());

/**
 * Turns reduced motion on or off for every app in the process: transitions then jump.
 * @example setReducedMotion(settings.value.reduceMotion);
 */
export function setReducedMotion(on: boolean): void {
  reduced.value = on;
}

/**
 * Whether reduced motion is on (reactive inside effects and getters).
 * @example const duration = reducedMotion() ? 0 : 250;
 */
export function reducedMotion(): boolean {
  return reduced.value;
}
