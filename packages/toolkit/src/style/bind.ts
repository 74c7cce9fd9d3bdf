/**
 * Binds a node's `style` prop. The style (an object, signal or getter, with values that may
 * each be reactive) is read inside one effect; each time it re-runs, the resolved values are
 * compared key by key with the previous ones and only the keys that changed are applied:
 * layout keys to the Yoga node, paint keys to the node's paint properties, text keys to the
 * paragraph. A bad value is reported (component, prop, value) and treated as unset, so the
 * frame still renders.
 */
import { bindEffect } from '../jsx/owner.js';
import { isReactive, read } from '../jsx/reactive.js';
import { GEOMETRY, OPACITY, PAINT, type PlanarNode } from '../tree/node.js';
import { LAYOUT_PROPS, isLayoutKey } from './layout-props.js';
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
  const binder = new StyleBinder(node);
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

class StyleBinder {
  private previous: Values = {};
  /** Converted paint values of the keys that are set and valid. */
  private painted: Values = {};

  constructor(private readonly node: PlanarNode) {}

  update(next: Values): void {
    const node = this.node;
    let paint = 0;
    let text = false;
    for (const key of new Set([...Object.keys(this.previous), ...Object.keys(next)])) {
      const value = next[key];
      if (sameValue(value, this.previous[key])) continue;
      if (isLayoutKey(key)) this.applyLayout(key, value);
      else if (isPaintKey(key)) paint |= this.applyPaint(key, value);
      else if (isTextKey(key)) text = this.applyText(key, value) || text;
      else node.propError(`style.${key}`, value, 'unknown style property');
      if (key === 'overflow' || key === 'display') paint |= GEOMETRY;
    }
    this.previous = next;
    if (paint) {
      this.rebuildPaint();
      node.invalidate(paint);
    }
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
    p.origin = (v.transformOrigin as { x: number; y: number } | undefined) ?? { x: 0.5, y: 0.5 };
  }
}


