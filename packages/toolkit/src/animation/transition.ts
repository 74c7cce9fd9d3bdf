/**
 * Style transitions: `style={{ transition: { opacity: 150, backgroundColor: { duration: 200,
 * easing: 'easeInOut' } } }}` animates those keys when their value changes, instead of jumping.
 *
 * How it works:
 * 1. Each transitioned key whose value changes gets a track: the old and new values are encoded
 *    as channels (a number is one channel; a colour is four, premultiplied so that fading from
 *    `transparent` shows no dark fringe; a transform is one channel per number of its steps),
 *    and a vector tween (animation/tween.ts) eases the channels on the app's frame clock.
 * 2. The track's effect decodes the channels at each frame and hands the value to the style
 *    binder, which applies it like any other style value (paint keys repaint, layout keys
 *    relayout). On the last frame the exact target value is applied, so a finished transition
 *    paints the same pixels as no transition at all.
 * 3. A change mid-flight retargets the tween from where it is, keeping its speed. Values that
 *    cannot be interpolated (a percentage, an auto size, transforms of different shapes) jump,
 *    as do all transitions while reduced motion is on (animation/motion.ts).
 * 4. The tween asks for frames only while it runs: an idle UI renders nothing afterwards. A
 *    track belongs to an owner of its own under the node's component, and is disposed with it.
 */
import { untracked } from '@preact/signals-core';
import { Owner, bindEffect, runWithOwner } from '../jsx/owner.js';
import { reducedMotion } from './motion.js';
import { createVectorTween, type VectorTween } from './tween.js';
import { easings, type Easing } from './animate.js';
import { parseColor } from '../style/color.js';
import { toDegrees } from '../style/paint-props.js';
import type { Angle, TransformStep } from '../style/types.js';
import { TRANSITIONABLE, type EasingName, type Transition, type TransitionKey, type TransitionSpec } from '../style/transition-keys.js';

export type { EasingName, Transition, TransitionKey, TransitionSpec };

// The easing names of the style types are exactly the engine's easings (a type error here otherwise).
const EASINGS: Record<EasingName, Easing> = easings;

const TRANSITIONABLE_SET: ReadonlySet<string> = new Set(TRANSITIONABLE);

/** Checks a `transition` value; returns the problem, or null. */
export function checkTransition(value: unknown): string | null {
  if (value === undefined) return null;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'expected { key: ms } or { key: { duration, easing } }';
  for (const [key, spec] of Object.entries(value as Record<string, unknown>)) {
    if (!TRANSITIONABLE_SET.has(key)) return `'${key}' cannot be transitioned (numbers, colours and transforms can: ${TRANSITIONABLE.slice(0, 6).join(', ')}, …)`;
    const duration = typeof spec === 'number' ? spec : (spec as { duration?: unknown } | null)?.duration;
    if (typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0) return `${key}: expected a duration in ms (a number ≥ 0) or { duration, easing }`;
    const easing = typeof spec === 'object' ? (spec as { easing?: unknown }).easing : undefined;
    if (easing !== undefined && typeof easing !== 'function' && !(typeof easing === 'string' && easing in easings)) {
      return `${key}: unknown easing ${JSON.stringify(easing)}; use ${Object.keys(easings).map((e) => `'${e}'`).join(', ')} or a function`;
    }
  }
  return null;
}

/** Duration and easing of a checked spec. */
export function timing(spec: TransitionSpec): { duration: number; easing: Easing } {
  if (typeof spec === 'number') return { duration: spec, easing: easings.easeOut };
  const e = spec.easing;
  return { duration: spec.duration, easing: typeof e === 'function' ? e : EASINGS[e ?? 'easeOut'] };
}

/** A value as channels, with the shape needed to turn channels back into a style value. */
interface Encoded { shape: string; channels: number[] }

const STEP_KEYS = ['translateX', 'translateY', 'scale', 'scaleX', 'scaleY', 'rotate'] as const;
const IDENTITY: Record<string, number> = { translateX: 0, translateY: 0, scale: 1, scaleX: 1, scaleY: 1, rotate: 0 };

function encodeTransform(value: unknown): Encoded | null {
  if (value === undefined) return { shape: 'transform:', channels: [] };
  const steps = (Array.isArray(value) ? value : [value]) as TransformStep[];
  const shape: string[] = [], channels: number[] = [];
  for (const step of steps) {
    const keys = STEP_KEYS.filter((k) => step[k] !== undefined);
    shape.push(keys.join('+'));
    for (const k of keys) {
      const v = k === 'rotate' ? toDegrees(step[k] as Angle) : step[k];
      if (typeof v !== 'number' || !Number.isFinite(v)) return null;
      channels.push(v);
    }
  }
  return { shape: `transform:${shape.join('|')}`, channels };
}

function encode(key: string, value: unknown): Encoded | null {
  if (key === 'transform') {
    try {
      return encodeTransform(value);
    } catch {
      return null;
    }
  }
  if (key === 'backgroundColor' || key === 'borderColor' || key === 'color') {
    const rgba = value === undefined ? [0, 0, 0, 0] : typeof value === 'string' ? parseColor(value) : null;
    if (!rgba) return null;
    const a = rgba[3]!;
    return { shape: 'color', channels: [(rgba[0]! / 255) * a, (rgba[1]! / 255) * a, (rgba[2]! / 255) * a, a] };
  }
  if (key === 'opacity' && value === undefined) return { shape: 'number', channels: [1] };
  return typeof value === 'number' && Number.isFinite(value) ? { shape: 'number', channels: [value] } : null;
}

/** The identity transform of `other`'s shape, so that "no transform" can animate to and from a transform. */
function identityLike(other: unknown): Encoded | null {
  const steps = (Array.isArray(other) ? other : [other]) as TransformStep[];
  const like = steps.map((s) => Object.fromEntries(STEP_KEYS.filter((k) => s[k] !== undefined).map((k) => [k, IDENTITY[k]])));
  return encodeTransform(like);
}

function decode(shape: string, template: unknown, channels: readonly number[]): unknown {
  if (shape === 'number') return channels[0];
  if (shape === 'color') {
    const a = Math.min(1, Math.max(0, channels[3]!));
    if (a <= 0) return 'transparent';
    const c = (i: number) => Math.round(Math.min(1, Math.max(0, channels[i]! / a)) * 255);
    return `rgba(${c(0)}, ${c(1)}, ${c(2)}, ${a})`;
  }
  // A transform: the template's steps with their numbers replaced, in order.
  let i = 0;
  const steps = (Array.isArray(template) ? template : [template]) as TransformStep[];
  return steps.map((s) => Object.fromEntries(STEP_KEYS.filter((k) => s[k] !== undefined).map((k) => [k, channels[i++]!])));
}

/** The animation of one key on one node. */
export class TransitionTrack {
  private readonly owner: Owner;
  private readonly tween: VectorTween;
  private readonly unregister: () => void;
  private target: unknown;
  /** A transform with the track's steps (whichever end has them; the other may be "none"). */
  private template: unknown;

  private constructor(
    parent: Owner | null,
    private readonly key: string,
    readonly shape: string,
    from: number[],
    template: unknown,
    target: unknown,
    to: number[],
    private readonly spec: TransitionSpec,
    apply: (value: unknown) => void,
  ) {
    this.owner = new Owner(parent);
    this.unregister = parent?.onDispose(() => this.owner.dispose()) ?? (() => {});
    this.target = target;
    this.template = target ?? template;
    const { duration, easing } = timing(spec);
    this.tween = runWithOwner(this.owner, () => createVectorTween(from, { duration, easing }));
    this.tween.to(to);
    runWithOwner(this.owner, () => bindEffect(() => {
      const channels = this.tween.value.value;
      const done = channels.every((c, i) => c === this.tween.target[i]);
      apply(done ? this.target : decode(this.shape, this.template, channels));
    }, 'transition'));
    // Reduced motion turned on mid-flight: land now.
    runWithOwner(this.owner, () => bindEffect(() => {
      if (reducedMotion()) untracked(() => this.tween.to(this.tween.target, { animate: false }));
    }, 'transition'));
  }

  /**
   * Starts animating `key` from `from` (the value shown now) to `to`; returns null when the
   * two cannot be interpolated (the caller then applies `to` at once).
   */
  static start(parent: Owner | null, key: string, from: unknown, to: unknown, spec: TransitionSpec, apply: (value: unknown) => void): TransitionTrack | null {
    const pair = encodePair(key, from, to);
    if (!pair) return null;
    return new TransitionTrack(parent, key, pair[1].shape, pair[0].channels, from, to, pair[1].channels, spec, apply);
  }

  /** Whether this track can take `to` with `spec` mid-flight (same shape, same timing). */
  accepts(to: unknown, spec: TransitionSpec): boolean {
    const next = this.key === 'transform' && to === undefined ? null : encode(this.key, to);
    const [a, b] = [timing(spec), timing(this.spec)];
    return next !== null && next.shape === this.shape && a.duration === b.duration && a.easing === b.easing;
  }

  /** Sends the track toward `to` from where it is now, keeping its speed. */
  retarget(to: unknown): void {
    this.target = to;
    if (to !== undefined) this.template = to;
    this.tween.to(encode(this.key, to)!.channels);
  }

  /** The value shown now, as a style value. */
  current(): unknown {
    const channels = this.tween.value.peek();
    return channels.every((c, i) => c === this.tween.target[i]) ? this.target : decode(this.shape, this.template, channels);
  }

  get running(): boolean {
    return this.tween.running;
  }

  dispose(): void {
    this.unregister();
    this.owner.dispose();
  }
}

/** Encodes both ends of a transition with one shape, or returns null when they cannot meet. */
function encodePair(key: string, from: unknown, to: unknown): [Encoded, Encoded] | null {
  if (key === 'transform') {
    if (to === undefined && from === undefined) return null;
    const a = from === undefined ? identityLike(to) : encode(key, from);
    const b = to === undefined ? identityLike(from) : encode(key, to);
    // Going back to "no transform": animate to the identity of the old shape, then clear it.
    if (!a || !b || a.shape !== b.shape) return null;
    return [a, b];
  }
  const a = encode(key, from), b = encode(key, to);
  return a && b && a.shape === b.shape ? [a, b] : null;
}
