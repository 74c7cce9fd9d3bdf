/**
 * The front-door camera, simulated: a porch scene drawn into pixel buffers — morning sky, the
 * house front with its door, window and porch lamp, a visitor swaying in front of the window,
 * and a timestamp bar (a blinking record light, the time in seven-segment blocks and a frame
 * ticker) — pushed to an external source the way a camera driver would feed an ExternalLayer.
 *
 * Frames are XRGB8888 (B, G, R, x in memory) in output pixels. The still parts are drawn once
 * into a backdrop that every frame starts from, so a frame costs one copy and a few small
 * shapes. The feed owns at most three buffers and reuses one only after the source's `release`
 * handed it back; a tick with none free is skipped.
 */
import { createExternalSource, interval, onCleanup, type ExternalSource, type PixelFrame } from '@planar/toolkit';

/** Frames per second of a live feed. */
export const CAMERA_FPS = 12;
const BUFFERS = 3;
const FORMAT = 'XRGB8888';

export interface CameraOptions {
  /** Frame size in output pixels. */
  width: number;
  height: number;
  /** A new frame CAMERA_FPS times a second on the app's clock; otherwise frame 0 only. */
  live: boolean;
  /** The time the timestamp bar shows, "HH:MM". */
  stamp: () => string;
}

export interface CameraFeed {
  readonly source: ExternalSource;
  /** Frames pushed so far. */
  readonly pushed: number;
  /** Ticks that showed nothing because every buffer was still in use. */
  readonly skipped: number;
  /** Buffers made so far (at most three). */
  readonly buffers: number;
}

/**
 * Starts the camera: pushes frame 0 at once, then, when live, a frame per tick until the
 * calling component unmounts. Must be called while a component runs.
 */
export function startCamera(options: CameraOptions): CameraFeed {
  const { width, height } = options;
  const source = createExternalSource({ width, height, format: FORMAT });
  const backdrop = drawBackdrop(width, height);
  const free: PixelFrame[] = [];
  let buffers = 0, pushed = 0, skipped = 0, tick = 0;
  onCleanup(source.on('release', (frame) => free.push(frame as PixelFrame)));

  const take = (): PixelFrame | null => {
    const frame = free.shift();
    if (frame || buffers === BUFFERS) return frame ?? null;
    buffers++;
    return { kind: 'pixels', width, height, format: FORMAT, pixels: new Uint8Array(width * height * 4) };
  };
  const show = () => {
    const frame = take();
    if (frame) {
      drawFrame(frame.pixels, width, height, backdrop, tick, options.stamp());
      source.push(frame);
      pushed++;
    } else {
      skipped++;
    }
    tick++;
  };
  show();
  if (options.live) interval(1000 / CAMERA_FPS, show);
  return {
    source,
    get pushed() { return pushed; },
    get skipped() { return skipped; },
    get buffers() { return buffers; },
  };
}

// Pixels are written as 32-bit words; the word for B, G, R, x in memory depends on the CPU.
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** The word whose bytes in memory are B, G, R, 255 (opaque XRGB8888). */
function rgb(r: number, g: number, b: number): number {
  return LITTLE_ENDIAN ? ((0xff << 24) | (r << 16) | (g << 8) | b) >>> 0 : ((b << 24) | (g << 16) | (r << 8) | 0xff) >>> 0;
}

const SKY_TOP = [92, 150, 214] as const;
const SKY_LOW = [200, 226, 244] as const;
const EAVE = rgb(74, 63, 58);
const SIDING = rgb(205, 192, 170);
const SIDING_LINE = rgb(180, 166, 144);
const TRIM = rgb(238, 233, 224);
const DOOR = rgb(128, 58, 36);
const DOOR_PANEL = rgb(104, 44, 26);
const GLASS = rgb(150, 190, 214);
const BRASS = rgb(226, 184, 74);
const LAMP = rgb(255, 226, 150);
const FLOOR = rgb(122, 124, 130);
const STEP = rgb(150, 152, 158);
const SHADOW = rgb(92, 94, 100);
const COAT = rgb(46, 80, 112);
const TROUSERS = rgb(36, 38, 46);
const SKIN = rgb(222, 176, 138);
const HAIR = rgb(58, 42, 32);
const BAR = rgb(10, 12, 16);
const REC = rgb(255, 64, 64);
const DIGIT = rgb(230, 234, 240);
const TICK_ON = rgb(80, 220, 140);
const TICK_OFF = rgb(48, 54, 64);

/** Fills the rect [x0, x1) × [y0, y1), clipped to the frame. */
function fillRect(px: Uint32Array, w: number, h: number, x0: number, y0: number, x1: number, y1: number, color: number): void {
  x0 = Math.max(0, Math.round(x0));
  y0 = Math.max(0, Math.round(y0));
  x1 = Math.min(w, Math.round(x1));
  y1 = Math.min(h, Math.round(y1));
  for (let y = y0; y < y1; y++) px.fill(color, y * w + x0, y * w + x1);
}

/** Fills a disc, clipped to the rows [0, below). */
function fillCircle(px: Uint32Array, w: number, below: number, cx: number, cy: number, r: number, color: number): void {
  const y0 = Math.max(0, Math.floor(cy - r)), y1 = Math.min(below, Math.ceil(cy + r));
  for (let y = y0; y < y1; y++) {
    const dy = y + 0.5 - cy;
    const half = Math.sqrt(Math.max(0, r * r - dy * dy));
    const x0 = Math.max(0, Math.round(cx - half)), x1 = Math.min(w, Math.round(cx + half));
    if (x1 > x0) px.fill(color, y * w + x0, y * w + x1);
  }
}

/** Height of the timestamp bar at the bottom. */
function barHeight(h: number): number {
  return Math.max(8, Math.round(h * 0.14));
}

/** Where things are in a frame of this size. */
function sceneOf(w: number, h: number) {
  const scene = h - barHeight(h);
  const eave = Math.round(scene * 0.26);
  const floor = Math.round(scene * 0.84);
  const doorLeft = Math.round(w * 0.34), doorRight = Math.round(w * 0.5);
  return { scene, eave, floor, doorLeft, doorRight, doorTop: Math.round(scene * 0.36) };
}

/** The parts that never move: sky, eave, siding, door, window, lamp with its glow, porch floor. */
function drawBackdrop(w: number, h: number): Uint32Array {
  const px = new Uint32Array(w * h);
  const { scene, eave, floor, doorLeft, doorRight, doorTop } = sceneOf(w, h);
  const trim = Math.max(1, Math.round(scene * 0.02));

  for (let y = 0; y < eave; y++) {
    const t = eave > 1 ? y / (eave - 1) : 0;
    const mix = (i: 0 | 1 | 2) => Math.round(SKY_TOP[i] + (SKY_LOW[i] - SKY_TOP[i]) * t);
    px.fill(rgb(mix(0), mix(1), mix(2)), y * w, (y + 1) * w);
  }
  const eaveBottom = eave + Math.max(2, Math.round(scene * 0.06));
  fillRect(px, w, h, 0, eave, w, eaveBottom, EAVE);
  const board = Math.max(3, Math.round(scene * 0.07));
  for (let y = eaveBottom; y < floor; y++) px.fill((y - eaveBottom) % board === board - 1 ? SIDING_LINE : SIDING, y * w, (y + 1) * w);

  // The door: trim, leaf, two panels, a small window and the knob.
  fillRect(px, w, h, doorLeft - trim, doorTop - trim, doorRight + trim, floor, TRIM);
  fillRect(px, w, h, doorLeft, doorTop, doorRight, floor, DOOR);
  const inner = Math.max(1, Math.round((doorRight - doorLeft) * 0.16));
  const glassBottom = doorTop + Math.round((floor - doorTop) * 0.24);
  fillRect(px, w, h, doorLeft + inner, doorTop + inner, doorRight - inner, glassBottom, GLASS);
  const panelTop = glassBottom + inner, panelMid = Math.round((panelTop + floor - inner) / 2);
  fillRect(px, w, h, doorLeft + inner, panelTop, doorRight - inner, panelMid - Math.ceil(inner / 2), DOOR_PANEL);
  fillRect(px, w, h, doorLeft + inner, panelMid + Math.ceil(inner / 2), doorRight - inner, floor - inner, DOOR_PANEL);
  const knob = Math.max(2, Math.round(scene * 0.035));
  fillRect(px, w, h, doorRight - inner - knob, panelMid - knob, doorRight - inner, panelMid, BRASS);

  // A window to the right, behind where the visitor stands.
  const winLeft = Math.round(w * 0.64), winRight = Math.round(w * 0.9);
  const winTop = doorTop, winBottom = Math.round(scene * 0.64);
  fillRect(px, w, h, winLeft - trim, winTop - trim, winRight + trim, winBottom + trim, TRIM);
  fillRect(px, w, h, winLeft, winTop, winRight, winBottom, GLASS);
  fillRect(px, w, h, Math.round((winLeft + winRight) / 2) - Math.ceil(trim / 2), winTop, Math.round((winLeft + winRight) / 2) + Math.ceil(trim / 2), winBottom, TRIM);

  // The porch lamp left of the door, lighting the wall around it (warm, fading with distance).
  const lampX = Math.round(w * 0.22), lampY = Math.round(scene * 0.46), glow = scene * 0.4;
  const bytes = new Uint8Array(px.buffer);
  for (let y = Math.max(0, Math.floor(lampY - glow)); y < Math.min(floor, Math.ceil(lampY + glow)); y++) {
    for (let x = Math.max(0, Math.floor(lampX - glow)); x < Math.min(w, Math.ceil(lampX + glow)); x++) {
      const d = Math.hypot(x - lampX, y - lampY) / glow;
      if (d >= 1) continue;
      const k = (1 - d) * (1 - d) * 0.55;
      const i = (y * w + x) * 4;
      // B, G, R in memory.
      bytes[i] = Math.min(255, bytes[i]! + Math.round(90 * k));
      bytes[i + 1] = Math.min(255, bytes[i + 1]! + Math.round(170 * k));
      bytes[i + 2] = Math.min(255, bytes[i + 2]! + Math.round(230 * k));
    }
  }
  const lamp = Math.max(2, Math.round(scene * 0.05));
  fillRect(px, w, h, lampX - lamp, lampY - lamp * 1.6, lampX + lamp, lampY + lamp, TRIM);
  fillRect(px, w, h, lampX - lamp + trim, lampY - lamp * 1.6 + trim, lampX + lamp - trim, lampY + lamp - trim, LAMP);

  // The porch floor, with the edge of a step.
  fillRect(px, w, h, 0, floor, w, scene, FLOOR);
  fillRect(px, w, h, 0, floor, w, floor + Math.max(1, Math.round(scene * 0.025)), STEP);
  fillRect(px, w, h, 0, scene, w, h, BAR);
  return px;
}

/** Seven segments a..g as bits, for 0..9. */
const SEGMENTS = [63, 6, 91, 79, 102, 109, 125, 7, 127, 111];

/** One digit of size dw × dh with strokes `t` thick, its top-left at (x, y). */
function drawDigit(px: Uint32Array, w: number, h: number, digit: number, x: number, y: number, dw: number, dh: number, t: number): void {
  const bits = SEGMENTS[digit] ?? 0;
  const mid = y + Math.floor((dh - t) / 2);
  const rects: [number, number, number, number][] = [
    [x, y, x + dw, y + t], // a
    [x + dw - t, y, x + dw, mid + t], // b
    [x + dw - t, mid, x + dw, y + dh], // c
    [x, y + dh - t, x + dw, y + dh], // d
    [x, mid, x + t, y + dh], // e
    [x, y, x + t, mid + t], // f
    [x, mid, x + dw, mid + t], // g
  ];
  rects.forEach(([x0, y0, x1, y1], i) => {
    if (bits & (1 << i)) fillRect(px, w, h, x0, y0, x1, y1, DIGIT);
  });
}

/** Frame `tick` of the scene at `width` × `height`, into `pixels` (XRGB8888). */
function drawFrame(pixels: Uint8Array, w: number, h: number, backdrop: Uint32Array, tick: number, stamp: string): void {
  const px = new Uint32Array(pixels.buffer, pixels.byteOffset, w * h);
  px.set(backdrop);
  const { scene } = sceneOf(w, h);

  // The visitor: sways in front of the window over four seconds and bobs once a second.
  const sway = Math.sin((tick / (CAMERA_FPS * 4)) * Math.PI * 2);
  const bob = Math.abs(Math.sin((tick / CAMERA_FPS) * Math.PI)) * scene * 0.02;
  const cx = w * (0.63 + 0.08 * sway);
  const feet = Math.round(scene * 0.97 - bob);
  const tall = scene * 0.7;
  const head = tall * 0.11;
  const shoulders = feet - tall + head * 2.1;
  const hips = feet - tall * 0.36;
  fillRect(px, w, h, cx - tall * 0.2, feet - Math.max(1, scene * 0.02), cx + tall * 0.2, Math.min(scene, feet + scene * 0.02), SHADOW);
  fillRect(px, w, h, cx - tall * 0.11, hips, cx - tall * 0.02, feet, TROUSERS);
  fillRect(px, w, h, cx + tall * 0.02, hips, cx + tall * 0.11, feet, TROUSERS);
  fillRect(px, w, h, cx - tall * 0.16, shoulders + head * 0.5, cx + tall * 0.16, hips + head * 0.3, COAT);
  fillCircle(px, w, scene, cx - tall * 0.16 + head * 0.5, shoulders + head * 0.5, head * 0.5, COAT);
  fillCircle(px, w, scene, cx + tall * 0.16 - head * 0.5, shoulders + head * 0.5, head * 0.5, COAT);
  fillRect(px, w, h, cx - tall * 0.12, shoulders, cx + tall * 0.12, shoulders + head, COAT);
  const headY = feet - tall + head;
  fillCircle(px, w, scene, cx, headY, head, SKIN);
  fillCircle(px, w, Math.round(headY - head * 0.2), cx, headY, head * 1.05, HAIR);

  // The timestamp bar: record light (on for half of each second), HH:MM, a frame ticker.
  const bar = barHeight(h);
  const pad = Math.max(2, Math.round(bar * 0.22));
  const dh = bar - pad * 2;
  const t = Math.max(1, Math.round(dh / 6));
  const dw = Math.max(3, Math.round(dh * 0.56));
  const top = scene + pad;
  let x = pad;
  if (tick % CAMERA_FPS < CAMERA_FPS / 2) fillCircle(px, w, h, x + dh * 0.4, top + dh / 2, dh * 0.4, REC);
  x += Math.round(dh * 0.8) + pad * 2;
  for (const ch of stamp) {
    if (ch >= '0' && ch <= '9') {
      drawDigit(px, w, h, ch.charCodeAt(0) - 48, x, top, dw, dh, t);
      x += dw + t * 2;
    } else {
      fillRect(px, w, h, x, top + Math.round(dh * 0.25), x + t, top + Math.round(dh * 0.25) + t, DIGIT);
      fillRect(px, w, h, x, top + Math.round(dh * 0.75) - t, x + t, top + Math.round(dh * 0.75), DIGIT);
      x += t * 3;
    }
  }
  const block = Math.max(2, Math.round(dh * 0.4)), step = block + Math.max(1, Math.round(block / 2));
  const first = w - pad - step * CAMERA_FPS + (step - block);
  for (let i = 0; i < CAMERA_FPS; i++) {
    const bx = first + i * step;
    if (bx < x + pad) continue;
    fillRect(px, w, h, bx, top + (dh - block) / 2, bx + block, top + (dh + block) / 2, i === tick % CAMERA_FPS ? TICK_ON : TICK_OFF);
  }
}
