/**
 * Layers as components: `<Layer>`, `Portal` and `<ExternalLayer>`.
 *
 * A layer has its own surface; the compositor puts it on a hardware plane when the display can
 * take it, else blends it into the composition layer. Either way its content is painted once:
 * moving it (`position`), fading it (`opacity`) or restacking it (`zIndex`) repaints nothing.
 */
import { getOwner } from '../jsx/owner.js';
import { PRIMITIVE, mountChild, onMount, region, type Child } from '../jsx/element.js';
import type { Reactive } from '../jsx/reactive.js';
import { PlanarNode } from '../tree/node.js';
import { LayerInfo, type ExternalFrames, type PlanePreference } from '../tree/layer.js';
import { bindProp, createBox, type BoxProps } from './primitives.js';
import { nodeOfHandle } from './handle.js';
import type { NodeHandle } from '../input/events.js';

export interface LayerProps extends BoxProps {
  /** Logical px from the output's top-left (default 0, 0). */
  position?: Reactive<{ x: number; y: number }>;
  /** Stacking among layers (default 0; ties in tree order); the root layer is always the bottom one. */
  zIndex?: Reactive<number>;
  /** The whole layer's opacity, applied when it is composed (plane alpha): no repaint. */
  opacity?: Reactive<number>;
  /** `auto`: the allocator decides; `prefer`: before other layers; `never`: always composited. */
  plane?: Reactive<PlanePreference>;
  /**
   * What `position` is from: the output's top-left (default), or the top-left of the box the
   * layer is written in ('parent'), which it then follows as layout moves it; such a layer stacks
   * just above the layer it is written in and shows only through the scroll views around it
   * (a scrollbar thumb, a sticky header, a badge over a row).
   */
  anchor?: 'output' | 'parent';
  children?: Child;
}

const PLANES: PlanePreference[] = ['auto', 'prefer', 'never'];

function primitive<P>(fn: (props: P) => PlanarNode): (props: P) => PlanarNode {
  (fn as unknown as Record<symbol, boolean>)[PRIMITIVE] = true;
  return fn;
}

/** Makes a layer node and binds the placement props shared by every kind of layer. */
function createLayer(component: string, props: LayerProps): PlanarNode {
  const node = createBox('layer', component, props);
  const layer = new LayerInfo(node);
  node.layer = layer;
  bindProp(props.position, (p) => {
    if (!p || typeof p !== 'object' || !Number.isFinite(p.x) || !Number.isFinite(p.y)) {
      node.propError('position', p, 'must be { x, y } with finite numbers (logical px from the output\'s top-left)');
      return;
    }
    if (p.x !== layer.x || p.y !== layer.y) layer.place({ x: p.x, y: p.y });
  });
  bindProp(props.zIndex, (z) => {
    if (typeof z !== 'number' || !Number.isFinite(z)) node.propError('zIndex', z, 'must be a finite number');
    else if (z !== layer.zIndex) layer.place({ zIndex: z });
  });
  bindProp(props.opacity, (o) => {
    if (typeof o !== 'number' || !(o >= 0 && o <= 1)) node.propError('opacity', o, 'must be a number from 0 to 1');
    else if (o !== layer.opacity) layer.place({ opacity: o });
  });
  bindProp(props.plane, (p) => {
    if (!PLANES.includes(p)) node.propError('plane', p, `must be one of ${PLANES.map((s) => `'${s}'`).join(', ')}`);
    else if (p !== layer.plane) layer.place({ plane: p });
  });
  if (props.anchor !== undefined && props.anchor !== 'output' && props.anchor !== 'parent') {
    node.propError('anchor', props.anchor, "must be 'output' or 'parent'");
  }
  layer.anchored = props.anchor === 'parent';
  return node;
}

/**
 * A layer: its subtree is drawn into its own surface, out of the parent's flow, sized by its
 * content or its style, and placed at `position` on the output.
 * @example <Layer position={() => ({ x: slide.value, y: 140 })} zIndex={10}><Popup /></Layer>
 */
export const Layer = primitive((props: LayerProps): PlanarNode => {
  const node = createLayer('Layer', props);
  mountChild(node, props.children);
  return node;
});

export interface PortalProps extends LayerProps {
  /** A `<Layer>`'s ref to render into; without it the portal makes its own layer (zIndex 1000 by default). */
  into?: { current: NodeHandle | null } | NodeHandle;
}

/**
 * Renders its children into a layer from anywhere in the tree: into the `<Layer>` given by
 * `into`, or into a layer of its own above the others. The children keep the portal's owner
 * and context; their events bubble through the layer they are drawn in.
 * @example <Portal into={dialogs}><ConfirmDialog /></Portal>
 */
export function Portal(props: PortalProps): Child {
  if (!props.into) return Layer({ zIndex: 1000, ...props, children: props.children });
  const into = props.into;
  return region(() => {
    const owner = getOwner();
    const host = new PlanarNode('slot', 'Portal', owner);
    owner?.onDispose(() => host.destroy());
    mountChild(host, props.children);
    const attach = () => {
      if (host.destroyed) return;
      const handle = 'current' in into ? into.current : into;
      const target = handle ? nodeOfHandle(handle) : undefined;
      if (!target?.layer) {
        throw new Error('Portal: `into` must be the ref of a mounted <Layer> (give the <Layer> a ref={…} and mount it before the portal renders)');
      }
      target.insertBefore(host, null);
    };
    const ready = 'current' in into ? into.current : into;
    if (ready) attach();
    else onMount(attach);
  });
}

export interface ExternalLayerProps extends Omit<LayerProps, 'children' | 'style'> {
  /** Where the frames come from (`createExternalSource`). */
  source: ExternalFrames;
}

/**
 * A layer whose pixels come from outside the toolkit: a camera, a video decoder, another
 * process. Frames are shown unscaled, one frame pixel per output pixel, in the output's
 * orientation; on a plane they are scanned out as they are (no copy).
 * @example <ExternalLayer source={camera} position={{ x: 40, y: 60 }} plane="prefer" />
 */
export const ExternalLayer = primitive((props: ExternalLayerProps): PlanarNode => {
  const node = createLayer('ExternalLayer', props);
  const source = props.source;
  if (!source || typeof source.watch !== 'function') {
    node.propError('source', source, 'must be a source made by createExternalSource({ width, height, format })');
    return node;
  }
  node.layer!.external = source;
  const unwatch = source.watch(() => node.layer!.link.requestFrame());
  getOwner()?.onDispose(unwatch);
  return node;
});
