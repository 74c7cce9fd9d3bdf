/**
 * `<ScrollLayer>`: content that scrolls inside a box without being repainted.
 *
 * The element is two nodes: the viewport, a box in its parent's flow that takes the style,
 * the handlers and the semantics; and inside it a layer holding the content. The compositor
 * renders the content once, in tiles around the viewport, and shows it through the viewport:
 * changing `offset` moves which part of those tiles a plane (or the composition) shows, and
 * paints only content that newly comes near the viewport. Gestures, physics and scrollbars
 * are the scrolling widgets' business (`ScrollView` in @planar/widgets); this is the surface
 * they move.
 */
import { PRIMITIVE, mountChild, type Child } from '../jsx/element.js';
import type { Reactive } from '../jsx/reactive.js';
import type { StyleProp } from '../style/types.js';
import { LayerInfo, type PlanePreference, type ScrollMetrics } from '../tree/layer.js';
import type { PlanarNode } from '../tree/node.js';
import { bindProp, createBox, type BoxProps } from './primitives.js';
import { nodeOfHandle } from '../input/node-handles.js';
import type { NodeHandle } from '../input/events.js';
import { revealNode } from '../tree/reveal.js';

/** Rendered content a scroll layer keeps by default, surfaces and display buffers together. */
export const DEFAULT_SCROLL_BUDGET = 24 * 1024 * 1024;

const AXES = ['x', 'y', 'both'] as const;
const PLANES: PlanePreference[] = ['auto', 'prefer', 'never'];

export interface ScrollLayerProps extends BoxProps {
  /** How far the content is scrolled, logical px (default 0, 0). */
  offset?: Reactive<{ x: number; y: number }>;
  /** The axis it scrolls along: the content is as wide as the viewport for 'y', as tall for 'x' (default 'y'). */
  axis?: 'x' | 'y' | 'both';
  /** The content box's style (padding, gap, direction). */
  contentStyle?: StyleProp;
  /** Called after a frame in which the viewport, the content or the rendered window changed size. */
  onMetrics?: (metrics: ScrollMetrics) => void;
  /**
   * Makes the content at least as long as the viewport along the scrolled axis, so that a
   * `flexGrow` child can push what follows it to the viewport's end (a form's buttons at the
   * bottom while everything fits). Default false: the content is as long as what it holds.
   */
  fillViewport?: boolean;
  /**
   * Asked to bring part of the content into view, in the content's coordinates (logical px):
   * focus moved there by keys or an encoder, or someone called `scrollIntoView`. The owner scrolls.
   */
  onReveal?: (rect: { x: number; y: number; width: number; height: number }) => void;
  /** Bytes of rendered content to keep around the viewport (default 24 MiB); at least three viewports' worth are kept. */
  budgetBytes?: number;
  /** `auto`: the allocator decides; `prefer`: before other layers; `never`: always composited. */
  plane?: Reactive<PlanePreference>;
  /**
   * What shows over the viewport without scrolling: `<Layer anchor="parent">`s placed from the
   * viewport's top-left (a scrollbar thumb, a sticky header). Moving them repaints nothing.
   */
  overlay?: Child;
  children?: Child;
}

/**
 * A box whose content scrolls by `offset`, repainting nothing already rendered.
 * @example <ScrollLayer style={{ height: 300 }} offset={() => ({ x: 0, y: scroll.value })}>{rows}</ScrollLayer>
 */
export const ScrollLayer = Object.assign((props: ScrollLayerProps): PlanarNode => {
  const { offset, axis = 'y', contentStyle, onMetrics, onReveal, fillViewport = false, budgetBytes = DEFAULT_SCROLL_BUDGET, plane, overlay, children, ...box } = props;
  const viewport = createBox('view', 'ScrollLayer', box);
  const content = createBox('layer', 'ScrollContent', { style: contentStyle });
  const layer = new LayerInfo(content);
  content.layer = layer;
  if (!AXES.includes(axis)) viewport.propError('axis', axis, "must be 'x', 'y' or 'both'");
  if (!(typeof budgetBytes === 'number' && budgetBytes >= 0)) viewport.propError('budgetBytes', budgetBytes, 'must be a number of bytes, 0 or more');
  if (onMetrics !== undefined && typeof onMetrics !== 'function') viewport.propError('onMetrics', onMetrics, 'must be a function');
  if (onReveal !== undefined && typeof onReveal !== 'function') viewport.propError('onReveal', onReveal, 'must be a function');
  layer.scroll = {
    axis: AXES.includes(axis) ? axis : 'y', offsetX: 0, offsetY: 0,
    budgetBytes: typeof budgetBytes === 'number' && budgetBytes >= 0 ? budgetBytes : DEFAULT_SCROLL_BUDGET,
    onMetrics: typeof onMetrics === 'function' ? onMetrics : null,
    onReveal: typeof onReveal === 'function' ? onReveal : null,
    fillViewport: !!fillViewport,
  };
  bindProp(offset, (o) => {
    if (!o || typeof o !== 'object' || !Number.isFinite(o.x) || !Number.isFinite(o.y)) {
      viewport.propError('offset', o, 'must be { x, y } with finite numbers (logical px the content is scrolled by)');
      return;
    }
    const scroll = layer.scroll!;
    if (o.x === scroll.offsetX && o.y === scroll.offsetY) return;
    scroll.offsetX = o.x;
    scroll.offsetY = o.y;
    layer.placementDirty = true;
    layer.link.requestFrame();
  });
  bindProp(plane, (p) => {
    if (!PLANES.includes(p)) viewport.propError('plane', p, `must be one of ${PLANES.map((s) => `'${s}'`).join(', ')}`);
    else if (p !== layer.plane) layer.place({ plane: p });
  });
  viewport.insertBefore(content, null);
  mountChild(content, children);
  // After the content: overlay layers stack above it.
  mountChild(viewport, overlay);
  return viewport;
}, { [PRIMITIVE]: true });

/**
 * Scrolls every scroll view around a node so that it shows (innermost first).
 * @example scrollIntoView(fieldRef.current!) // before the on-screen keyboard covers it
 */
export function scrollIntoView(target: NodeHandle): void {
  const node = nodeOfHandle(target);
  if (!node) throw new Error('scrollIntoView: the handle is not of a mounted node (pass a ref\'s current value after mount)');
  revealNode(node);
}
