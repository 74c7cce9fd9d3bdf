/**
 * Bringing a node into view: every scroll layer around it, innermost first, is asked to show
 * its box. A scroll layer hears the box in its content's coordinates (`ScrollInfo.onReveal`)
 * and scrolls as it sees fit; then its viewport is revealed in the layer around it, and so on
 * out. A plain `<Layer>` is placed on the output, not scrolled with what it was written in, so
 * the walk stops there.
 */
import { transformRect } from './geometry.js';
import type { PlanarNode } from './node.js';

export function revealNode(node: PlanarNode): void {
  let target: PlanarNode | null = node;
  while (target) {
    let layerNode: PlanarNode | null = target;
    while (layerNode && !layerNode.layer) layerNode = layerNode.parent;
    const scroll = layerNode?.layer?.scroll;
    if (!layerNode || !scroll) return;
    // The node's box in its layer, whose origin is the content's top-left.
    const r = transformRect(target.matrix, { left: 0, top: 0, right: target.layout.width, bottom: target.layout.height });
    scroll.onReveal?.({ x: r.left, y: r.top, width: r.right - r.left, height: r.bottom - r.top });
    target = layerNode.parent;
  }
}
