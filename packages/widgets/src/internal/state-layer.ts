/**
 * State layers, computed instead of drawn: a pressed or hovered control shows its content
 * colour laid over its container at a low opacity (Material's state layer). Mixing the two
 * colours here gives the same pixels with one fill instead of an extra box, and the result
 * is an ordinary colour that a style `transition` can animate.
 */
import { parseColor } from '@planar/toolkit';
import type { Theme } from '../theme/index.js';

/** Opacities of the content colour laid over the container, by state. */
export const STATE_LAYER = { hovered: 0.08, focused: 0.1, pressed: 0.12 } as const;

/** Disabled controls: container and content in the surface's text colour at these opacities. */
export const DISABLED = { container: 0.12, content: 0.38 } as const;

function css([r, g, b, a]: readonly number[]): string {
  return `rgba(${Math.round(r!)}, ${Math.round(g!)}, ${Math.round(b!)}, ${+a!.toFixed(4)})`;
}

/**
 * The colour at `alpha` times its own opacity.
 * @example withAlpha('#1b2025', 0.12)   // 'rgba(27, 32, 37, 0.12)'
 */
export function withAlpha(color: string, alpha: number): string {
  const c = parseColor(color);
  return c ? css([c[0], c[1], c[2], c[3] * alpha]) : color;
}

/**
 * `layer` at `opacity` composited over `base` (source-over, straight alpha); over a
 * transparent base it is the layer alone at that opacity.
 * @example overlay(theme.colors.primary, theme.colors.onPrimary, STATE_LAYER.pressed)
 */
export function overlay(base: string, layer: string, opacity: number): string {
  const b = parseColor(base), l = parseColor(layer);
  if (!b || !l) return base;
  const la = l[3] * opacity;
  const a = la + b[3] * (1 - la);
  if (a === 0) return 'rgba(0, 0, 0, 0)';
  const mix = (i: number) => (l[i]! * la + b[i]! * b[3] * (1 - la)) / a;
  return css([mix(0), mix(1), mix(2), a]);
}

/**
 * The transition every state colour takes (rest, hovered, pressed, focused): the theme's
 * short standard fade, read when the style applies so that a theme switch takes effect.
 * @example backgroundColor: { value: fill, transition: stateFade(theme) }
 */
export function stateFade(theme: Theme): () => { duration: number; easing: Theme['motion']['easing']['standard'] } {
  return () => ({ duration: theme.motion.duration.short3, easing: theme.motion.easing.standard });
}
