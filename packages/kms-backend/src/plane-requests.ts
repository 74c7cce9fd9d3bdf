/**
 * Atomic requests for the output a display drives: which plane shows which buffer where.
 *
 *   build     every plane of the state gets FB_ID, CRTC_ID, SRC_* (16.16 fixed point) from
 *             the layer's source (the part of the buffer shown; the whole buffer when it has
 *             none), CRTC_* from its on-screen rectangle, zpos where it is mutable, alpha where
 *             the plane has it, and the premultiplied blend mode where there is a choice; a
 *             video frame's colour encoding and range (COLOR_ENCODING, COLOR_RANGE, by enum
 *             name) where the plane has them, RGB buffers leaving them as they are; the
 *             cursor goes on the cursor plane when no layer took it; every other plane of ours
 *             is turned off
 *   modeset   the mode blob, ACTIVE, and the connector (and writeback connector) routed to the CRTC
 *   damage    FB_DAMAGE_CLIPS blobs where a plane takes them and keeps its buffer. Clips are in
 *             framebuffer coordinates, as the layer's damage is: the kernel clips them to the
 *             plane's source itself, and treats a commit that moves the source as a full update
 *             (drm_atomic_helper_damage_iter_init), so a scroll needs no clips of its own
 *   test      layers with no buffer yet (the allocator asking) borrow a cached test buffer of
 *             their size and format, so TEST_ONLY commits judge real framebuffers
 */
import { isVideoFormat, type DamageRect, type LayerState } from '@planar/toolkit/backend';
import { AtomicRequest, type KmsObject } from './atomic.js';
import { ImportedDisplayBuffer, type ScanoutBuffer } from './buffers.js';
import { COLOR_ENCODING_NAMES, COLOR_RANGE_NAMES, FORMAT_CODES } from './formats.js';
import type { Addon, NativeDevice, NativeDumbBuffer } from './native.js';

export interface Output {
  crtc: KmsObject;
  connector: KmsObject;
  writeback: KmsObject | null;
  /** The planes that can show on the CRTC, by id. */
  planes: Map<number, KmsObject>;
  modeBlob: number;
}

export interface CursorPlacement { plane: KmsObject; buffer: NativeDumbBuffer; x: number; y: number }

const TEST_BUFFERS = 8;

/** Buffer pixels as the kernel's 16.16 fixed point (SRC_*); fractions of a pixel are kept. */
function fixed16(px: number): number {
  return Math.round(px * 65536);
}

export class PlaneRequests {
  private readonly testBuffers = new Map<string, NativeDumbBuffer>();

  constructor(private readonly addon: Addon, private readonly device: NativeDevice, private readonly path: string, readonly output: Output) {}

  /** Adds the mode, ACTIVE and the connector routing. */
  modeset(request: AtomicRequest): AtomicRequest {
    const { crtc, connector, writeback, modeBlob } = this.output;
    request.set(crtc, 'MODE_ID', modeBlob).set(crtc, 'ACTIVE', 1).set(connector, 'CRTC_ID', crtc.id);
    if (writeback) request.set(writeback, 'CRTC_ID', crtc.id);
    return request;
  }

  /** The request that shows `layers` and the cursor and turns every other plane of ours off. */
  build(layers: readonly LayerState[], o: { forTest?: boolean; cursor?: CursorPlacement | null } = {}): AtomicRequest {
    const request = new AtomicRequest();
    const crtc = this.output.crtc.id;
    const used = new Set<number>();
    const place = (plane: KmsObject, fb: number, source: DamageRect, x: number, y: number, w: number, h: number) => {
      used.add(plane.id);
      request.set(plane, 'FB_ID', fb).set(plane, 'CRTC_ID', crtc)
        .set(plane, 'SRC_X', fixed16(source.x)).set(plane, 'SRC_Y', fixed16(source.y))
        .set(plane, 'SRC_W', fixed16(source.width)).set(plane, 'SRC_H', fixed16(source.height))
        .set(plane, 'CRTC_X', x).set(plane, 'CRTC_Y', y).set(plane, 'CRTC_W', w).set(plane, 'CRTC_H', h);
    };
    for (const layer of layers) {
      const plane = this.output.planes.get(layer.planeId);
      if (!plane) throw new Error(`layer ${layer.id} is on plane ${layer.planeId}, which ${this.path} does not have for this CRTC`);
      const fb = layer.buffer ? (layer.buffer as ScanoutBuffer).fbId : o.forTest ? this.testFb(layer) : 0;
      const source = layer.source ?? { x: 0, y: 0, width: layer.bufferWidth, height: layer.bufferHeight };
      place(plane, fb, source, layer.x, layer.y, layer.width, layer.height);
      const zpos = plane.props.get('zpos');
      if (zpos && !zpos.immutable) request.set(plane, 'zpos', layer.zpos);
      request.setIfPresent(plane, 'alpha', Math.round(Math.min(1, Math.max(0, layer.opacity)) * 0xffff));
      request.setEnumIfPresent(plane, 'pixel blend mode', 'Pre-multiplied');
      const color = layer.buffer instanceof ImportedDisplayBuffer ? layer.buffer.color : null;
      if (color) {
        request.setEnumIfPresent(plane, 'COLOR_ENCODING', COLOR_ENCODING_NAMES[color.encoding]);
        request.setEnumIfPresent(plane, 'COLOR_RANGE', COLOR_RANGE_NAMES[color.range]);
      }
    }
    const cursor = o.cursor;
    if (cursor && !used.has(cursor.plane.id)) {
      const { buffer } = cursor;
      const whole = { x: 0, y: 0, width: buffer.width, height: buffer.height };
      place(cursor.plane, buffer.fbId, whole, Math.round(cursor.x), Math.round(cursor.y), buffer.width, buffer.height);
    }
    for (const plane of this.output.planes.values()) {
      if (!used.has(plane.id)) request.set(plane, 'FB_ID', 0).set(plane, 'CRTC_ID', 0);
    }
    return request;
  }

  /**
   * FB_DAMAGE_CLIPS for planes that take them and keep the buffer they showed (`shown`); the
   * blobs' ids, for the caller to destroy once the commit holds them.
   */
  damage(layers: readonly LayerState[], shown: readonly LayerState[], request: AtomicRequest): number[] {
    const blobs: number[] = [];
    for (const layer of layers) {
      const plane = this.output.planes.get(layer.planeId)!;
      if (!plane.has('FB_DAMAGE_CLIPS') || !layer.damage.length) continue;
      if (!shown.some((s) => s.planeId === layer.planeId && s.buffer === layer.buffer)) continue;
      const clips = new Int32Array(layer.damage.length * 4);
      layer.damage.forEach((r, i) => clips.set([r.x, r.y, r.x + r.width, r.y + r.height], i * 4));
      const blob = this.device.createBlob(new Uint8Array(clips.buffer));
      blobs.push(blob);
      request.set(plane, 'FB_DAMAGE_CLIPS', blob);
    }
    return blobs;
  }

  /** A framebuffer for a layer that has no buffer yet, cached by size and format (the oldest goes first). */
  private testFb(layer: LayerState): number {
    if (isVideoFormat(layer.format)) {
      throw new Error(`layer ${layer.id} asks about a ${layer.format} buffer it does not have: a video layer is tested with the frame it shows (import it first)`);
    }
    const key = `${layer.bufferWidth}x${layer.bufferHeight}:${layer.format}`;
    let buffer = this.testBuffers.get(key);
    if (!buffer) {
      if (this.testBuffers.size >= TEST_BUFFERS) {
        const [oldest, old] = this.testBuffers.entries().next().value as [string, NativeDumbBuffer];
        old.destroy();
        this.testBuffers.delete(oldest);
      }
      buffer = new this.addon.DumbBuffer(this.device, Math.max(1, layer.bufferWidth), Math.max(1, layer.bufferHeight), FORMAT_CODES[layer.format]);
      this.testBuffers.set(key, buffer);
    }
    return buffer.fbId;
  }

  destroy(): void {
    for (const buffer of this.testBuffers.values()) buffer.destroy();
    this.testBuffers.clear();
  }
}
