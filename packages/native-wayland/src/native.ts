/**
 * The addon's classes, typed, and how they are loaded. Everything here is a thin handle on a
 * Wayland object; the backend (display.ts) gives it meaning.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface NativeConnection {
  start(): void;
  sync(): Promise<void>;
  globals(): { interface: string; version: number }[];
  shmFormats(): number[];
  outputs(): { name: number; scale: number; width: number; height: number; refreshMhz: number; make: string; model: string }[];
  flush(): void;
  setCursor(visible: boolean): void;
  close(): void;
}

interface SurfaceHandle {
  attach(buffer: NativeShmBuffer | null): void;
  /** Rects as [x, y, width, height]* in buffer pixels. */
  damage(rects: Int32Array): void;
  /** Sets the surface's size in logical px through the viewporter; false without one. */
  setDestination(width: number, height: number): boolean;
  destroy(): void;
}

export interface NativeWindow extends SurfaceHandle {
  requestFrame(): void;
  commit(feedback: boolean): void;
  setBufferScale(scale: number): void;
  setOpaque(width: number, height: number): void;
}

export interface NativeSubsurface extends SurfaceHandle {
  setPosition(x: number, y: number): void;
  placeAbove(sibling: NativeSubsurface | NativeWindow): void;
  setSync(sync: boolean): void;
  commit(): void;
}

export interface NativeShmBuffer {
  readonly id: number;
  readonly width: number;
  readonly height: number;
  readonly stride: number;
  readonly busy: boolean;
  /** Copies rects ([x, y, w, h]*) of RGBA rows in, swapping R and B when asked; returns bytes. */
  write(source: Uint8Array, sourceStride: number, rects: Int32Array, swapRB: boolean): number;
  /** A copy of the pixels, for screenshots. */
  read(): Uint8Array;
  /** Copies a linear frame in from a mappable fd (a linear DMA-BUF); returns bytes. */
  copyFromFd(fd: number, offset: number, stride: number): number;
  destroy(): void;
}

export interface Addon {
  Connection: new (emit: (type: string, event: Record<string, unknown>) => void, name?: string) => NativeConnection;
  Window: new (connection: NativeConnection, options: { title?: string; appId?: string; fullscreen?: boolean }) => NativeWindow;
  Subsurface: new (window: NativeWindow) => NativeSubsurface;
  ShmBuffer: new (connection: NativeConnection, width: number, height: number, shmFormat: number) => NativeShmBuffer;
}

let addon: Addon | null = null;

/** The built addon; throws with what to do when it is not built. */
export function loadAddon(): Addon {
  if (addon) return addon;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const file = path.join(here, '..', 'build', 'Release', 'planar_wayland.node');
  if (!existsSync(file)) {
    throw new Error(`the Wayland addon is not built (${file} is missing): run \`npm run setup\`, which builds it with node-gyp (it needs libwayland-dev, wayland-protocols and libxkbcommon-dev)`);
  }
  addon = createRequire(import.meta.url)(file) as Addon;
  return addon;
}
