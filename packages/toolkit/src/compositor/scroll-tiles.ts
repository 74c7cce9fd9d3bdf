/**
 * Scroll layers: content rendered once, in tiles, and shown through a viewport.
 *
 * The content of a `<ScrollLayer>` is cut, along the axis it scrolls, into slots one viewport
 * long (T logical px, a whole number of device px). A few tiles, each a layer record with its
 * own surface and display buffers, hold consecutive slots around the viewport:
 *
 *   slots     0     1     2     3     4     5  …
 *   tiles           [a]   [b]   [c]                 K = 3 tiles hold slots 1..3
 *   viewport           |=====|                      spans at most two slots (T ≥ its length)
 *
 * Slot s lives in tile s mod K, so when the viewport's centre crosses into the next slot only
 * one tile changes hands: the one left furthest behind takes the slot ahead. K is what the
 * memory budget allows (surface and two display buffers a tile), at least 3 (the viewport's
 * slots and one ahead), at most 8 and the number of slots: content that fits is rendered once
 * and never again while it scrolls.
 *
 * Every frame, `prepare` places the content layer at the viewport's position less the offsets,
 * cuts every tile to the viewport (its clip, in output px, which the compositor turns into a
 * plane's source rectangle or a cropped blend), and hands the tiles their slots. A tile given a
 * new slot paints it ahead of time, starting next to the viewport: the nearest pending tile gets
 * a band a quarter of a slot long per frame while the content moves (a fling spreads the work
 * over the frames before the slot shows), a whole slot per frame when it is still; a slot that
 * is already in view is painted at once. Content changes (a row's switch flipped) damage only the
 * tiles holding them. Hidden tiles copy what they painted into a display buffer straight away,
 * so a tile scrolling into view is shown as it is.
 */
import type { Display } from '../backend/contract.js';
import { updateBounds } from '../render/bounds.js';
import { IDENTITY, intersect, roundOut, transformRect, type Rect } from '../tree/geometry.js';
import { layerOf, logicalBox, type LayerInfo, type ScrollMetrics } from '../tree/layer.js';
import { outputClip, placeAt } from './anchor.js';
import type { PlanarNode } from '../tree/node.js';
import type { Scene } from '../tree/scene.js';
import type { Graveyard } from './graveyard.js';
import { LayerRecord } from './layer-record.js';
import type { FrameStats } from './stats.js';

/** Content painted ahead a frame while it scrolls, in slots: a band a quarter of a viewport long; a whole slot when still. */
const AHEAD_WHILE_MOVING = 0.25;
/** Tiles kept at the least (the viewport's two slots and one ahead) and at the most. */
const MIN_TILES = 3;
const MAX_TILES = 8;

/** One tile of a scroll layer: a layer record whose surface holds one slot of the content. */
export class TileRecord extends LayerRecord {
  /** The slot held, -1 before the first. */
  slot = -1;
  /** What of the slot is still to paint, a range along the axis (logical content px); null when done. */
  private pending: [number, number] | null = null;

  constructor(id: number, node: PlanarNode, info: LayerInfo, graveyard: Graveyard, readonly group: ScrollGroup) {
    super(id, node, info, graveyard);
  }

  /** Whether some of its slot is still to paint. */
  get painting(): boolean {
    return this.pending !== null;
  }

  /** Takes a slot: all of it is to paint. */
  assign(slot: number): void {
    this.slot = slot;
    this.pending = this.group.range(slot);
  }

  protected override takeDamage(): Rect[] {
    return this.group.damage;
  }

  protected override paintedArea(): Rect {
    return this.group.slotRect(this.slot);
  }

  /** Slot edges are whole device px; rounding must not let neighbours overlap by a float's error. */
  protected override surfaceRect(turned: Rect): Rect {
    const snap = (v: number) => Math.round(v * 1e4) / 1e4;
    return roundOut({ left: snap(turned.left), top: snap(turned.top), right: snap(turned.right), bottom: snap(turned.bottom) });
  }

  /** A new surface is painted like a new slot: ahead, in bands, unless it is in view. */
  protected override wholeDamage(resized: boolean): boolean {
    if (resized) this.pending = this.group.range(this.slot);
    return false;
  }

  protected override extraDamage(): Rect[] {
    const pending = this.pending;
    if (!pending) return [];
    let [lo, hi] = pending;
    const seen = this.group.seen;
    if (hi > seen[0] && lo < seen[1]) {
      this.pending = null;
    } else {
      const band = this.group.takeAllowance();
      if (band <= 0) return [];
      if (lo >= seen[1]) {
        hi = Math.min(hi, lo + band);
        this.pending = hi < pending[1] ? [hi, pending[1]] : null;
      } else {
        lo = Math.max(lo, hi - band);
        this.pending = lo > pending[0] ? [pending[0], lo] : null;
      }
    }
    const area = this.group.bandRect(this.slot, lo, hi);
    return [roundOut(transformRect(this.contentMatrix, area))];
  }

  protected override get bufferCount(): number {
    return 2;
  }

  /**
   * A hidden tile copies what it painted into a display buffer now, not when it scrolls into
   * view; false when no buffer is free (the pool then remembers the damage, as for any layer).
   */
  prefetch(display: Display, stats: FrameStats): boolean {
    if (!this.surface || !this.damage.length) return false;
    const target = this.buffers(display).acquire(this.damage);
    if (!target) return false;
    stats.copiedBytes += target.buffer.write(this.surface.pixels(), this.surface.stride, target.copy);
    return true;
  }
}

/** The tiles of one scroll layer and where its viewport is. */
export class ScrollGroup {
  /** Slot s lives in tiles[s mod K]. */
  readonly tiles: TileRecord[] = [];
  /** The tiles by distance from the viewport, the order they update in. */
  nearestFirst: TileRecord[] = [];
  /** This frame's content damage, logical. */
  damage: Rect[] = [];
  /** Slot length, logical px. */
  tile = 1;
  /** The content range in view along the axis, logical px. */
  seen: [number, number] = [0, 0];
  private cross = 0;
  private metrics = '';
  private lastOffset = NaN;
  /** What may still be painted ahead this frame, logical px along the axis. */
  private allowance = 0;
  /** The frame `prepare` last ran in. */
  preparedFor = -1;

  /** Tiles `prepare` made and let go of this frame. */
  added: TileRecord[] = [];
  removed: TileRecord[] = [];

  /** Starts with one tile, so that the group takes part in the frame that lays it out. */
  constructor(readonly node: PlanarNode, readonly info: LayerInfo, private readonly makeTile: (group: ScrollGroup) => TileRecord) {
    this.tiles.push(makeTile(this));
  }

  private get vertical(): boolean {
    return this.info.scroll!.axis !== 'x';
  }

  /** A band to paint ahead now: the rest of this frame's allowance (the tiles nearest the viewport ask first). */
  takeAllowance(): number {
    const band = this.allowance;
    this.allowance = 0;
    return band;
  }

  /** A slot's content range along the axis. */
  range(slot: number): [number, number] {
    return [slot * this.tile, (slot + 1) * this.tile];
  }

  /** A slot's area in the content's coordinates. */
  slotRect(slot: number): Rect {
    const [a, b] = this.range(Math.max(0, slot));
    return this.bandRect(slot, a, b);
  }

  bandRect(_slot: number, lo: number, hi: number): Rect {
    return this.vertical ? { left: 0, top: lo, right: this.cross, bottom: hi } : { left: lo, top: 0, right: hi, bottom: this.cross };
  }

  /**
   * Brings bounds and damage up to date, places the content at the viewport less the offsets,
   * cuts the tiles to the viewport and gives them their slots. Returns the metrics when they
   * changed (for `onMetrics`, called after the frame). Tiles made or let go of are in
   * `added` and `removed`: the caller updates the new ones this frame and disposes the others.
   */
  prepare(scene: Scene): ScrollMetrics | null {
    const info = this.info, scroll = info.scroll!, node = this.node;
    const tracker = info.link.damageTracker;
    updateBounds(node, IDENTITY, false, false, (r) => tracker.add(r));
    this.damage = tracker.take();
    const viewport = node.parent;
    const box = viewport ? logicalBox(viewport) : { left: 0, top: 0, right: 0, bottom: 0 };
    const host = viewport ? layerOf(viewport) : null;
    const clip = host?.clip ? intersect(box, host.clip) : box;
    info.clip = clip;
    placeAt(info, box.left - scroll.offsetX, box.top - scroll.offsetY);

    const vertical = this.vertical;
    const length = vertical ? box.bottom - box.top : box.right - box.left;
    const offset = vertical ? scroll.offsetY : scroll.offsetX;
    const contentLength = Math.max(0, vertical ? node.layout.y + node.layout.height : node.layout.x + node.layout.width);
    this.cross = Math.max(0, vertical ? node.layout.x + node.layout.width : node.layout.y + node.layout.height);
    this.tile = Math.max(1, Math.ceil(length * scene.scale - 1e-6)) / scene.scale;
    this.seen = [offset, offset + length];
    const slots = Math.max(1, Math.ceil(contentLength / this.tile - 1e-9));
    const tileBytes = Math.ceil(this.tile * scene.scale) * Math.ceil(Math.max(1, this.cross) * scene.scale) * 4 * 3;
    const count = Math.min(slots, Math.max(MIN_TILES, Math.min(MAX_TILES, Math.floor(scroll.budgetBytes / tileBytes))));
    // Slot s lives in tile s mod K: a new K deals the slots out afresh.
    const redeal = count !== this.tiles.length;
    this.added = [];
    this.removed = [];
    while (this.tiles.length > count) this.removed.push(this.tiles.pop()!);
    for (let n = this.tiles.length; n < count; n++) this.added.push(this.makeTile(this));
    this.tiles.push(...this.added);
    const centre = Math.min(slots - 1, Math.max(0, Math.floor((offset + length / 2) / this.tile)));
    const first = Math.max(0, Math.min(slots - count, centre - Math.floor((count - 1) / 2)));
    const outClip = outputClip(scene, clip);
    for (let s = first; s < first + count; s++) {
      const tile = this.tiles[s % count]!;
      if (tile.slot !== s || redeal) tile.assign(s);
      tile.clip = outClip;
    }
    // The tiles update nearest the viewport first, so the nearest pending slot gets the band.
    const distance = (t: TileRecord) => Math.abs(t.slot * this.tile + this.tile / 2 - (offset + length / 2));
    this.nearestFirst = [...this.tiles].sort((a, b) => distance(a) - distance(b));
    const moving = offset !== this.lastOffset;
    this.lastOffset = offset;
    this.allowance = this.tile * (moving ? AHEAD_WHILE_MOVING : 1);
    const metrics: ScrollMetrics = {
      viewportWidth: box.right - box.left, viewportHeight: box.bottom - box.top,
      contentWidth: node.layout.x + node.layout.width, contentHeight: node.layout.y + node.layout.height,
      windowStart: first * this.tile, windowEnd: Math.min(contentLength, (first + count) * this.tile),
    };
    const key = JSON.stringify(metrics);
    if (key === this.metrics) return null;
    this.metrics = key;
    return metrics;
  }

  /** Whether a tile still paints ahead: the compositor asks for another frame. */
  get painting(): boolean {
    return this.tiles.some((t) => t.painting);
  }

  dispose(): void {
    for (const t of this.tiles) t.dispose();
    this.tiles.length = 0;
  }
}
