/**
 * The layers as the compositor showed them in the last frame: which plane each is on, or the
 * allocator's reason for compositing it, and the ages of its display buffers.
 */
import type { Compositor } from '../compositor/compositor.js';
import { COMPOSITION_LAYER_ID } from '../compositor/plane-allocator.js';
import type { Display } from '../backend/contract.js';
import type { FrameStats } from '../compositor/stats.js';
import { nodeId } from './ids.js';
import type { InspectedLayers } from './types.js';

export function describeLayers(compositor: Compositor, display: Display, stats: FrameStats): InspectedLayers {
  const allocation = compositor.allocation;
  const composition = allocation?.composition ? allocation.assignment.find((a) => a.layer.id === COMPOSITION_LAYER_ID)?.planeId ?? null : null;
  return {
    layers: compositor.describeLayers().map(({ record: r, name, why }) => ({
      id: r.id, name, nodeId: nodeId(r.node), plane: r.visible ? r.plane : null,
      reason: r.visible && r.plane === null ? why ?? (r.isRoot ? 'in the composition layer with the composited layers' : 'composited') : null,
      visible: r.visible, rect: { x: r.x, y: r.y, width: r.width, height: r.height }, opacity: r.opacity,
      format: r.format, updates: r.updates, preference: r.info?.plane ?? 'root',
      buffers: r.pool?.ages() ?? [],
    })),
    compositionPlane: composition,
    refused: [...stats.refused],
    planes: display.planes.map((p) => ({ id: p.id, type: p.type, formats: [...p.formats] })),
  };
}
