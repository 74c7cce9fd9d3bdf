/**
 * Binds a node's `style` prop. The style (an object, signal or getter, with values that may
 * each be reactive) is read inside one effect; each time it re-runs, the resolved values are
 * compared key by key with the previous ones and only the keys that changed are applied:
 * layout keys to the Yoga node, paint keys to the node's paint properties, text keys to the
 * paragraph. A bad value is reported (component, prop, value) and treated as unset, so the
 * frame still renders. Keys named in `transition` go through a TransitionTrack instead
 * (style/transition.ts), which applies their in-between values frame by frame.
 */
import { untracked } from '@preact/signals-core';
import { bindEffect, getOwner, type Owner } from '../jsx/owner.js';
import { reducedMotion } from '../animation/motion.js';
import { TransitionTrack, checkTransition, type Transition, type TransitionKey } from '../animation/transition.js';
import { isReactive, read } from '../jsx/reactive.js';
import { GEOMETRY, OPACITY, PAINT, type PlanarNode } from '../tree/node.js';
import { LAYOUT_PROPS, isLayoutKey } from './layout-props.js';
import { directionChanged } from '../layout/direction.js';
import {
  PAINT_PROPS, StyleValueError, TEXT_PROPS, isPaintKey, isTextKey,
  type ResolvedGradient, type ResolvedShadow, type Color4,
} from './paint-props.js';
import type { StyleProp, TransformStep } from './types.js';

type Values = Record<string, unknown>;

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Subscribes `node` to its style; plain styles with no reactive values apply once, with no effect. */
export function bindStyle(node: PlanarNode, style: StyleProp): void {
  const binder = new StyleBinder(node, getOwner());
  const resolve = (): Values => {
    const s = read(style) as Values | undefined;
    const out: Values = {};
    if (s) for (const key of Object.keys(s)) out[key] = read(s[key]);
    return out;
  };
  const staticStyle = !isReactive(style) && !Object.values((style as Values | undefined) ?? {}).some(isReactive);
  if (staticStyle) binder.update(resolve());
  else bindEffect(() => binder.update(resolve()), 'style');
}

/** The offset of a transform made of translations only, or null (a scale or rotation, or none). */
function translationOf(steps: TransformStep[] | undefined): { x: number; y: number } | null {
  if (!steps?.length) return null;
  let x = 0, y = 0;
  for (const step of steps) {
    for (const [k, v] of Object.entries(step)) {
      if (k === 'translateX') x += v as number;
      else if (k === 'translateY') y += v as number;
      else return null;
    }
  }
  return { x, y };
}

class StyleBinder {
  /** The values the style asks for (a transitioned key may still be on its way there). */
  private previous: Values = {};
  /** The values applied to the node now. */
  private shown: Values = {};
  /** Converted paint values of the keys that are set and valid. */
  private painted: Values = {};
  private transition: Transition = {};
  private readonly tracks = new Map<string, TransitionTrack>();
  private updated = false;

  constructor(private readonly node: PlanarNode, private readonly owner: Owner | null) {}

  update(next: Values): void {
    if (!sameValue(next.transition, this.previous.transition)) {
      const problem = checkTransition(next.transition);
      if (problem) this.node.propError('style.transition', next.transition, problem);
      this.transition = problem ? {} : ((next.transition as Transition | undefined) ?? {});
    }
    const changes: Values = {};
    const animate = this.updated && !untracked(reducedMotion);
    for (const key of new Set([...Object.keys(this.previous), ...Object.keys(next)])) {
      if (key === 'transition') continue;
      const value = next[key];
      if (sameValue(value, this.previous[key])) continue;
      const spec = this.transition[key as TransitionKey];
      const track = this.tracks.get(key);
      if (spec !== undefined && animate) {
        if (track?.running && track.accepts(value, spec)) {
          track.retarget(value);
          continue;
        }
        const from = track ? track.current() : this.shown[key];
        this.stopTrack(key);
        const started = TransitionTrack.start(this.owner, key, from, value, spec, (v) => this.show(key, v));
        if (started) {
          this.tracks.set(key, started);
          continue;
        }
      } else if (track) this.stopTrack(key);
      changes[key] = value;
    }
    this.previous = next;
    this.updated = true;
    this.apply(changes);
  }

  private stopTrack(key: string): void {
    this.tracks.get(key)?.dispose();
    this.tracks.delete(key);
  }

  /** A transition's value for this frame. */
  private show(key: string, value: unknown): void {
    if (!sameValue(value, this.shown[key])) this.apply({ [key]: value });
  }

  private apply(changes: Values): void {
    const node = this.node;
    let paint = 0, painted = false;
    let text = false;
    for (const [key, value] of Object.entries(changes)) {
      if (isLayoutKey(key)) this.applyLayout(key, value);
      else if (isPaintKey(key)) {
        paint |= this.applyPaint(key, value);
        painted = true;
      }
      else if (isTextKey(key)) text = this.applyText(key, value) || text;
      else node.propError(`style.${key}`, value, 'unknown style property');
      if (key === 'overflow' || key === 'display') paint |= GEOMETRY;
      this.shown[key] = value;
    }
    if (painted) this.rebuildPaint();
    if (paint) node.invalidate(paint);
    if (text) node.paragraphOwner()?.textChanged();
  }

  private applyLayout(key: keyof typeof LAYOUT_PROPS, value: unknown): void {
    const node = this.node;
    if (key === 'overflow') node.paint.clip = value === 'hidden';
    if (key === 'display') node.hidden = value === 'none';
    if (!node.yoga) {
      if (value !== undefined) node.propError(`style.${key}`, value, `layout styles have no effect on a nested <Text>`);
      return;
    }
    const prop = LAYOUT_PROPS[key];
    const problem = value === undefined ? null : prop.check(value);
    if (problem) node.propError(`style.${key}`, value, problem);
    prop.apply(node.yoga, problem ? undefined : value);
    if (!problem && typeof value === 'string' && value.endsWith('%')) node.percentLayout = true;
    if (key.startsWith('padding') || key.startsWith('border')) node.edgesStyled = true;
    node.layoutChanged();
    if (key === 'direction') directionChanged(node);
  }

  private applyPaint(key: keyof typeof PAINT_PROPS, value: unknown): number {
    const prop = PAINT_PROPS[key];
    delete this.painted[key];
    if (value !== undefined) {
      try {
        this.painted[key] = prop.convert(value);
      } catch (error) {
        if (!(error instanceof StyleValueError)) throw error;
        this.node.propError(`style.${key}`, value, error.message);
      }
    }
    if (this.node.kind === 'layer' && (key === 'opacity' || key === 'transform')) {
      // A layer node's opacity and translations are placement (see rebuildPaint): nothing to
      // repaint unless a transform that is more than a translation comes or goes.
      if (key === 'opacity') return 0;
      const wasPainted = this.node.paint.transform !== null;
      const painted = this.painted.transform !== undefined && !translationOf(this.painted.transform as TransformStep[]);
      return wasPainted || painted ? GEOMETRY : 0;
    }
    return prop.geometry ? GEOMETRY : key === 'opacity' ? OPACITY : PAINT;
  }

  private applyText(key: keyof typeof TEXT_PROPS, value: unknown): boolean {
    const node = this.node;
    if (node.kind !== 'text' && node.kind !== 'span') {
      if (value !== undefined) node.propError(`style.${key}`, value, `text styles apply only to <Text> (put the text in a <Text> and style that)`);
      return false;
    }
    delete node.textStyle[key];
    if (value !== undefined) {
      try {
        (node.textStyle as Values)[key] = TEXT_PROPS[key](value);
      } catch (error) {
        if (!(error instanceof StyleValueError)) throw error;
        node.propError(`style.${key}`, value, error.message);
      }
    }
    return true;
  }

  private rebuildPaint(): void {
    const v = this.painted;
    const p = this.node.paint;
    const radius = (v.borderRadius as number | undefined) ?? 0;
    p.background = (v.backgroundColor as Color4 | undefined) ?? null;
    p.gradient = (v.backgroundGradient as ResolvedGradient | undefined) ?? null;
    p.borderColor = (v.borderColor as Color4 | undefined) ?? null;
    p.radii = [
      (v.borderTopLeftRadius as number | undefined) ?? radius,
      (v.borderTopRightRadius as number | undefined) ?? radius,
      (v.borderBottomRightRadius as number | undefined) ?? radius,
      (v.borderBottomLeftRadius as number | undefined) ?? radius,
    ];
    p.opacity = (v.opacity as number | undefined) ?? 1;
    p.shadow = (v.shadow as ResolvedShadow | undefined) ?? null;
    p.transform = (v.transform as TransformStep[] | undefined) ?? null;
    if (this.node.kind === 'layer') this.placeLayer();
    p.origin = (v.transformOrigin as { x: number; y: number } | undefined) ?? { x: 0.5, y: 0.5 };
  }

  /**
   * On a layer node, opacity and a translate-only transform move and fade the layer's surface
   * on the output (plane alpha and position) instead of its pixels: the same picture, and a
   * transition of them repaints nothing. Other transforms are painted as on any box.
   */
  private placeLayer(): void {
    const p = this.node.paint;
    const shift = translationOf(p.transform ?? undefined);
    const next = { x: shift?.x ?? 0, y: shift?.y ?? 0, opacity: p.opacity };
    if (shift) p.transform = null;
    p.opacity = 1;
    const was = p.layerPlacement;
    if (next.x === was.x && next.y === was.y && next.opacity === was.opacity) return;
    p.layerPlacement = next;
    this.node.layer?.place({});
  }
}


