/**
 * Frame planning: which of this frame's visible layers go on planes, and which are composited.
 *
 * The planner turns the compositor's layer records into the allocator's view of them (position,
 * size, format, opacity, Z rank, plane preference, how busy each is), runs the plane allocator,
 * and tests each candidate assignment with the display, giving every layer the buffer it shows
 * now when that buffer has the right size (a KMS test then checks the real framebuffer). A
 * search cut short by its budget is run again on the next frames until one completes or its
 * growing budget reaches the cap (plane-budget.ts): `pending` asks the compositor for those
 * frames, even when nothing else would draw one.
 */
import type { Display, DisplayBuffer, LayerState } from '../backend/contract.js';
import type { OutlineLabel } from '../render/layer-outline.js';
import type { LayerRecord } from './layer-record.js';
import { PlaneAllocator, type AllocLayer, type Allocation } from './plane-allocator.js';
import { describeRefusal } from './plane-refusal.js';
import { stackPlanes, type Assignment, type OutputSize } from './plane-rules.js';

/** What planning reads of a layer record. */
export type PlannedLayer = Pick<LayerRecord, 'id' | 'view' | 'width' | 'height' | 'format' | 'opacity' | 'info' | 'updates' | 'direct' | 'external' | 'frameBuffer'>;

export class FramePlanner {
  private readonly allocator = new PlaneAllocator();
  /** The allocator's clock, ms (tests pass a fake one). */
  private readonly now: (() => number) | undefined;
  /** Every layer was kept off the planes in the last plan (after a refused commit). */
  private compositedAll = false;
  /** Budget of a plane allocation search, ms; undefined: measured on this display (plane-budget.ts). */
  deadlineMs: number | undefined = undefined;
  /** The last allocation search was cut short: search again on the next frame. */
  pending = false;
  /** The last allocation, for tests and the debug outline. */
  allocation: Allocation | null = null;

  constructor(private readonly display: Display, now?: () => number) {
    this.now = now;
  }

  /** Forgets the last allocation: the next frame searches again. */
  reset(): void {
    this.allocator.reset();
  }

  /**
   * Runs the plane allocator over the visible layers. `compositeAll` keeps every layer off the
   * planes (after a refused commit); `bufferOf` is the buffer a layer shows now, if any.
   */
  plan(visible: readonly PlannedLayer[], output: OutputSize, compositeAll: boolean, bufferOf: (id: number) => DisplayBuffer | null): Allocation {
    // Each layer as it shows: cut to its clip and the output, the rest of its buffer cropped away.
    const alloc: AllocLayer[] = visible.map((r, rank) => ({
      id: r.id, x: r.view!.x, y: r.view!.y, width: r.view!.width, height: r.view!.height, bufferWidth: r.width, bufferHeight: r.height,
      source: r.view!.source, format: r.format!, opacity: r.opacity, zIndex: rank, plane: compositeAll ? 'never' : needsPlane(r) ? 'prefer' : r.info?.plane ?? 'auto', updates: r.updates,
    }));
    const allocation = this.allocator.allocate({
      layers: alloc, output, planes: this.display.planes,
      test: (assignment) => this.display.test({ layers: testState(assignment, this.display, bufferOf) }).ok,
      deadlineMs: this.deadlineMs, now: this.now,
    });
    this.allocation = allocation;
    this.compositedAll = compositeAll;
    // Cut short: show the best found, and search again next frame, with more time (plane-budget.ts).
    this.pending = allocation.searchAgain;
    return allocation;
  }

  /**
   * The label of a visible layer in the `PLANAR_DEBUG=layers` outline: its name and plane, or
   * why it is composited ("popup: composited — plane 4: format XRGB8888 not supported").
   */
  labelOf(r: LayerRecord, allocation: Allocation, nameOf: (id: number) => string): OutlineLabel {
    const plane = allocation.planeOf.get(r.id);
    if (plane != null) return { text: `${nameOf(r.id)}: plane ${plane}`, onPlane: true };
    const why = this.whyComposited(r.id, allocation, nameOf);
    return { text: `${nameOf(r.id)}: composited${why ? ` — ${why}` : ''}`, onPlane: false };
  }

  /** Why a visible layer has no plane in `allocation`, in words; null when it has one (or is not shown). */
  whyComposited(id: number, allocation: Allocation, nameOf: (id: number) => string): string | null {
    if (allocation.planeOf.get(id) != null) return null;
    if (this.compositedAll) return 'recovering from a commit the display refused';
    const refusal = allocation.refusals.get(id);
    return refusal ? describeRefusal(refusal, nameOf) : null;
  }
}

/**
 * A state for the display to test: each layer with the buffer it shows now when it has one of
 * the right size (a KMS test then uses its real framebuffer), else none and its size and format.
 */
function testState(assignment: Assignment, display: Display, bufferOf: (id: number) => DisplayBuffer | null): LayerState[] {
  const stack = stackPlanes(display.planes, assignment);
  return assignment.map(({ planeId, layer }) => ({
    id: layer.id, planeId, zpos: stack.ok ? stack.zpos.get(planeId) ?? 0 : 0,
    buffer: sized(bufferOf(layer.id), layer.bufferWidth, layer.bufferHeight),
    bufferWidth: layer.bufferWidth, bufferHeight: layer.bufferHeight, source: layer.source, format: layer.format,
    x: layer.x, y: layer.y, width: layer.width, height: layer.height, opacity: layer.opacity, damage: [],
  }));
}

/** An external layer whose frames the display cannot read (DMA-BUFs) shows only on a plane: it asks for one first. */
/**
 * A DMA-BUF frame the display cannot read must go on a plane to be seen; one its producer can
 * read may be composited, but only when the layer asks for that (plane="never"): otherwise
 * it goes on a plane too, where it costs no copy.
 */
function needsPlane(r: PlannedLayer): boolean {
  const frame = r.external?.current;
  if (!r.direct || frame?.kind !== 'dmabuf' || r.frameBuffer?.pixels) return false;
  return !(frame.read && r.info?.plane === 'never');
}

function sized(buffer: DisplayBuffer | null, width: number, height: number): DisplayBuffer | null {
  return buffer && buffer.width === width && buffer.height === height ? buffer : null;
}
