/**
 * The compositor's side of one layer: its surface (the shadow buffer it is painted into), its
 * pool of display buffers, where it lands on the output, and what changed this frame.
 *
 * A layer is painted in its own coordinates, turned and scaled like the output but never
 * offset by its position: the surface's pixel (0, 0) is the top-left of what the layer paints
 * (its box, and shadows or transforms reaching out of it) on the output, snapped to whole
 * device pixels. Moving a layer changes only `x`/`y`, so its pixels
 * stay valid, whether a plane shows them or the composition layer blends them.
 */
import { Unit } from 'yoga-layout/load';
import type { DamageRect, Display, DisplayBuffer, ExternalFrame, FrameFormat } from '../backend/contract.js';
import { BufferPool } from './buffer-pool.js';
import { isVideoFormat } from './formats.js';
import type { Graveyard } from './graveyard.js';
import { LayerSurface } from '../render/layer-surface.js';
import { runLayout } from '../layout/layout.js';
import { updateBounds } from '../render/bounds.js';
import { DamageTracker } from '../tree/damage.js';
import { shownPlacement, type LayerInfo } from '../tree/layer.js';
import type { PlanarNode } from '../tree/node.js';
import type { Scene } from '../tree/scene.js';
import { IDENTITY, apply, isEmpty, multiply, roundOut, transformRect, translation, union, type Affine, type Rect } from '../tree/geometry.js';

/** The largest side of a layer surface, px (as large as planes go). */
const MAX_SIDE = 8192;

/** Where a composited layer was blended last frame: a change in any of these recomposes its area. */
export interface Placement { x: number; y: number; width: number; height: number; opacity: number; order: string }

/**
 * The part of a layer the output shows, output px, and the part of its surface that is there
 * (`source`, surface px, the same size: layers are not scaled). A layer cut by its clip (a
 * scroll viewport) or by the output's edge shows less than its surface.
 */
export interface LayerView { x: number; y: number; width: number; height: number; source: DamageRect }

export class LayerRecord {
  /** Device px on the output. */
  x = 0;
  y = 0;
  width = 0;
  height = 0;
  /** Layer coordinates → surface pixels. */
  contentMatrix: Affine = IDENTITY;
  /** The format of its display buffers. */
  format: FrameFormat | null = null;
  surface: LayerSurface | null = null;
  pool: BufferPool | null = null;
  /** This frame's changed pixels, surface coordinates. */
  damage: DamageRect[] = [];
  /** Where on the output it may show, output px (a scroll viewport); null: anywhere. */
  clip: Rect | null = null;
  /** What of it shows on the output this frame; null when nothing does. */
  view: LayerView | null = null;
  /** One bit per recent frame, set when the content changed: how busy the layer is. */
  private history = 0;
  /** The plane that showed it in the last commit, null when composited. */
  plane: number | null = null;
  /** Where the composition layer last blended it, null when it was not composited. */
  blended: Placement | null = null;
  /** The display buffers must be written even without new damage (a skipped frame, a new plane). */
  stale = true;
  /** Its surface could not be made (reported once): it shows nothing until it fits. */
  failed = false;
  /** Changes not yet handed to the display with a commit (skipped frames, frames off a plane); 'all' when unknown. */
  unsent: DamageRect[] | 'all' = 'all';
  /** External layers: the push last seen, the frame imported and its buffer. */
  private seenSerial = -1;
  frameSerial = -1;
  frameBuffer: DisplayBuffer | null = null;
  /** The serial of a frame the display could not import (reported once, not shown). */
  failedSerial = -1;
  private currentFrame: ExternalFrame | null = null;

  constructor(readonly id: number, readonly node: PlanarNode, readonly info: LayerInfo | null, private readonly graveyard: Graveyard) {}

  get isRoot(): boolean {
    return this.info === null;
  }

  get external(): LayerInfo['external'] {
    return this.info?.external ?? null;
  }

  /** How many of the last 16 frames changed its content. */
  get updates(): number {
    let n = 0;
    for (let h = this.history; h; h &= h - 1) n++;
    return n;
  }

  get opacity(): number {
    return this.info ? shownPlacement(this.info).opacity : 1;
  }

  get visible(): boolean {
    return this.opacity > 0 && this.width > 0 && this.height > 0 && !this.node.hidden && this.view !== null;
  }

  /** Lays out the layer's subtree if something asked for it; true when it did. */
  layout(scene: Scene): boolean {
    if (!this.info) {
      if (!scene.layoutDirty) return false;
      runLayout(this.node, scene.width, scene.height);
      // Cleared after the pass: syncing Yoga's children inside it marks the scene dirty again.
      scene.layoutDirty = false;
      return true;
    }
    const external = this.info.external;
    const scroll = this.info.scroll;
    if (scroll) {
      // Content is as wide as its viewport when it scrolls vertically, as tall when horizontally.
      const viewport = this.node.parent;
      const yoga = this.node.yoga!;
      const w = scroll.axis === 'y' && viewport ? viewport.layout.width : NaN;
      const h = scroll.axis === 'x' && viewport ? viewport.layout.height : NaN;
      if (!Object.is(yoga.getWidth().value, w) && !(Number.isNaN(w) && yoga.getWidth().unit !== Unit.Point)) {
        yoga.setWidth(Number.isNaN(w) ? 'auto' : w);
        this.info.layoutDirty = true;
      }
      if (!Object.is(yoga.getHeight().value, h) && !(Number.isNaN(h) && yoga.getHeight().unit !== Unit.Point)) {
        yoga.setHeight(Number.isNaN(h) ? 'auto' : h);
        this.info.layoutDirty = true;
      }
      // fillViewport: at least the viewport's length along the scrolled axis (it owns that min size then).
      if (scroll.fillViewport && viewport) {
        const vertical = scroll.axis !== 'x';
        const least = vertical ? viewport.layout.height : viewport.layout.width;
        const now = vertical ? yoga.getMinHeight() : yoga.getMinWidth();
        if (now.unit !== Unit.Point || now.value !== least) {
          if (vertical) yoga.setMinHeight(least);
          else yoga.setMinWidth(least);
          this.info.layoutDirty = true;
        }
      }
    }
    if (external) {
      // Its box, for hit testing: the frame's size in logical px.
      const w = external.width / scene.scale, h = external.height / scene.scale;
      if (this.node.yoga!.getWidth().value !== w || this.node.yoga!.getHeight().value !== h) {
        this.node.yoga!.setWidth(w);
        this.node.yoga!.setHeight(h);
        this.info.layoutDirty = true;
      }
    }
    if (!this.info.layoutDirty) return false;
    this.info.layoutDirty = false;
    // Sized by its content; a percentage width or height of the layer itself is of the output.
    const yoga = this.node.yoga!;
    runLayout(this.node, yoga.getWidth().unit === Unit.Percent ? scene.width : undefined, yoga.getHeight().unit === Unit.Percent ? scene.height : undefined);
    return true;
  }

  /**
   * Whether the layer shows an external frame as it is, with no copy: on an upright output.
   * On a turned one, each frame is turned into the layer's surface (see turnFrame).
   */
  get direct(): boolean {
    return !!this.external && !this.surface;
  }

  /**
   * Updates bounds, places the layer on the output and collects this frame's damage in surface
   * pixels. `format` is the layer's buffer format (see formats.ts); `direct` says whether an
   * external layer shows its frames as they are.
   */
  update(scene: Scene, format: FrameFormat, direct: boolean): void {
    const logical = this.takeDamage(scene);
    const out = scene.outputSize;
    let resized = false;
    if (!this.info) {
      resized = this.resize(out.width, out.height, format);
      this.contentMatrix = scene.outputMatrix;
    } else {
      const m = scene.outputMatrix;
      const turn: Affine = [m[0], m[1], m[2], m[3], 0, 0];
      const node = this.node;
      const external = this.info.external;
      direct &&= !!external;
      // An external frame covers exactly its pixels (its box, in logical px, may be fractional).
      // The surface holds the layer's box and whatever its content paints outside it (shadows,
      // transforms): its bounds, less the pixel of anti-aliasing margin bounds keep for damage.
      const box = { left: 0, top: 0, right: node.layout.x + node.layout.width, bottom: node.layout.y + node.layout.height };
      const b = node.subtreeBounds;
      const painted = external ? box : this.paintedArea(b ? union(box, { left: b.left + 1, top: b.top + 1, right: b.right - 1, bottom: b.bottom - 1 }) : box);
      const size = external && direct
        ? { left: 0, top: 0, right: external.width, bottom: external.height }
        : this.surfaceRect(transformRect(turn, painted));
      const [ox, oy] = apply(m, shownPlacement(this.info).x, shownPlacement(this.info).y);
      // The logical top-left lands on a corner of the turned box; the box's own top-left is where the surface starts.
      this.x = Math.round(ox) + size.left;
      this.y = Math.round(oy) + size.top;
      resized = this.resize(size.right - size.left, size.bottom - size.top, format, direct);
      this.contentMatrix = multiply(translation(-size.left, -size.top), turn);
    }
    this.history = (this.history << 1) & 0xffff;
    if (this.external) {
      const fresh = resized || this.external.serial !== this.seenSerial;
      this.seenSerial = this.external.serial;
      this.damage = fresh ? [{ x: 0, y: 0, width: this.width, height: this.height }] : [];
    } else if (this.wholeDamage(resized)) {
      this.damage = [{ x: 0, y: 0, width: this.width, height: this.height }];
    } else {
      const merged = new DamageTracker({ left: 0, top: 0, right: this.width, bottom: this.height }, 32, 0);
      for (const r of logical) merged.add(roundOut(transformRect(this.contentMatrix, r)));
      for (const r of this.extraDamage()) merged.add(r);
      this.damage = merged.take().filter((r) => !isEmpty(r)).map((r) => ({ x: r.left, y: r.top, width: r.right - r.left, height: r.bottom - r.top }));
    }
    if (this.damage.length) this.history |= 1;
    this.view = viewOf(this, out);
  }

  /** This frame's damage in the layer's logical coordinates (bounds are brought up to date on the way). */
  protected takeDamage(scene: Scene): Rect[] {
    const tracker = this.info ? this.info.link.damageTracker : scene.damageTracker;
    updateBounds(this.node, IDENTITY, false, false, (r) => tracker.add(r));
    return tracker.take();
  }

  /** The logical area its surface holds, given what the layer paints (a scroll tile holds its slot). */
  protected paintedArea(painted: Rect): Rect {
    return painted;
  }

  /** Its surface's rect, from the painted area turned into output px. */
  protected surfaceRect(turned: Rect): Rect {
    return roundOut(turned);
  }

  /** Whether all of the surface is painted this frame: when it was made anew (a scroll tile paints ahead instead). */
  protected wholeDamage(resized: boolean): boolean {
    return resized;
  }

  /** Surface rects to paint this frame besides the damage (a tile painting ahead of the viewport). */
  protected extraDamage(): Rect[] {
    return [];
  }

  /** Makes the surface and pool fit; true when they were remade (everything is damaged then). */
  private resize(width: number, height: number, format: FrameFormat, direct = false): boolean {
    if (this.width === width && this.height === height && this.format === format && (direct ? !this.surface : this.surface || !width || !height)) return false;
    this.width = width;
    this.height = height;
    this.format = format;
    this.disposeBuffers();
    this.stale = true;
    if (width > MAX_SIDE || height > MAX_SIDE) {
      const what = this.node.testId ? `the layer "${this.node.testId}"` : `a <${this.node.component}>`;
      this.width = this.height = 0;
      throw new Error(`${what} is ${width}x${height} px, larger than the ${MAX_SIDE} px a layer surface may have: give it a size (style width/height), or scroll its content inside a smaller one`);
    }
    if (width > 0 && height > 0 && !direct) this.surface = new LayerSurface(width, height);
    return true;
  }

  /** How many display buffers it may have (a scroll tile, mostly still, fewer). */
  protected get bufferCount(): number {
    return 3;
  }

  /** The display buffers of this layer, made on first use. */
  buffers(display: Display): BufferPool {
    if (!this.pool) {
      const format = this.format!;
      // Only an external layer has a video format, and its frames are imported, never drawn into.
      if (isVideoFormat(format)) throw new Error(`a layer showing ${format} frames has no display buffers of its own`);
      this.pool = new BufferPool(display, this.width, this.height, format, this.bufferCount);
      this.stale = true;
    }
    return this.pool;
  }

  /** An external layer's current frame as a display buffer, imported once per push. */
  importCurrent(display: Display): { frame: ExternalFrame; buffer: DisplayBuffer } | null {
    const source = this.external;
    const frame = source?.current;
    if (!source || !frame) {
      // The source was closed: let go of what it showed.
      this.retireFrame();
      return null;
    }
    if (this.frameSerial !== source.serial || !this.frameBuffer) {
      this.retireFrame();
      this.frameBuffer = display.importFrame(frame);
      this.currentFrame = frame;
      source.hold(frame);
      this.frameSerial = source.serial;
    }
    return { frame, buffer: this.frameBuffer };
  }

  private retireFrame(): void {
    if (this.currentFrame) this.graveyard.frame(this.currentFrame, this.frameBuffer, this.external!);
    this.currentFrame = null;
    this.frameBuffer = null;
  }

  /** The surface goes now (only the toolkit reads it); display buffers wait in the graveyard. */
  private disposeBuffers(): void {
    this.surface?.dispose();
    this.surface = null;
    this.pool?.retire((b) => this.graveyard.buffer(b));
    this.pool = null;
    this.unsent = 'all';
  }

  dispose(): void {
    this.disposeBuffers();
    this.retireFrame();
  }
}

/** The part of a layer shown: its surface cut to its clip and to the output. */
export function viewOf(r: Pick<LayerRecord, 'x' | 'y' | 'width' | 'height' | 'clip'>, output: { width: number; height: number }): LayerView | null {
  let left = Math.max(r.x, 0), top = Math.max(r.y, 0);
  let right = Math.min(r.x + r.width, output.width), bottom = Math.min(r.y + r.height, output.height);
  if (r.clip) {
    left = Math.max(left, r.clip.left);
    top = Math.max(top, r.clip.top);
    right = Math.min(right, r.clip.right);
    bottom = Math.min(bottom, r.clip.bottom);
  }
  if (right <= left || bottom <= top) return null;
  const width = right - left, height = bottom - top;
  return { x: left, y: top, width, height, source: { x: left - r.x, y: top - r.y, width, height } };
}
