/**
 * The backend contract: state → test → commit, as in wlroots and atomic KMS.
 *
 * A backend opens a Display. The toolkit allocates buffers from it, builds a DisplayState
 * (which buffer shows which layer, where, with what damage), may `test` a state to learn
 * which layers the hardware takes as planes, and `commit`s it; the commit resolves when the
 * frame is on screen (page flip, frame done). Input, resize and close arrive as events.
 * A new backend implements these few members and nothing else.
 */
import type { InputEvent } from '../input/events.js';

/** Pixel formats by their DRM fourcc names. ABGR8888/XBGR8888 are RGBA in memory (no conversion). */
export type PixelFormat = 'ABGR8888' | 'XBGR8888' | 'ARGB8888' | 'XRGB8888';

export interface OutputInfo {
  name: string;
  /** Physical pixels. */
  width: number;
  height: number;
  /** mHz, 0 when unknown. */
  refreshMhz: number;
  physicalWidthMm: number;
  physicalHeightMm: number;
  /** Physical px per logical px the output asks for. */
  scale: number;
  preferredFormat: PixelFormat;
}

/** What a hardware plane can do; the plane allocator plans with these rules. */
export interface PlaneInfo {
  id: number;
  type: 'primary' | 'overlay' | 'cursor';
  formats: PixelFormat[];
  /** Fixed position in the stack, a range the plane accepts, or null when the device has no zpos. */
  zpos: { min: number; max: number; mutable: boolean } | null;
  alpha: boolean;
  scaling: boolean;
  maxWidth: number;
  maxHeight: number;
  /** The plane must cover the whole output (a primary plane on many devices). */
  mustCoverOutput: boolean;
}

/** A CPU-writable buffer from the display: a mapped DMA-BUF, a memfd, or plain memory. */
export interface DisplayBuffer {
  readonly id: number;
  readonly width: number;
  readonly height: number;
  readonly stride: number;
  readonly format: PixelFormat;
  /** Writes rows of RGBA pixels (premultiplied) into the buffer, converting when the format needs it. */
  write(source: Uint8Array, sourceStride: number, rects: readonly DamageRect[]): number;
  /** Whether the display still shows or reads this buffer. */
  readonly busy: boolean;
  destroy(): void;
}

/** A damaged rect in buffer pixels. */
export interface DamageRect { x: number; y: number; width: number; height: number }

export interface LayerState {
  /** Stable id of the layer (the root layer is 0). */
  id: number;
  buffer: DisplayBuffer;
  /** Position on the output, physical px. */
  x: number;
  y: number;
  zIndex: number;
  opacity: number;
  /** What changed in `buffer` since the display last showed this layer. */
  damage: DamageRect[];
}

export interface DisplayState {
  layers: LayerState[];
}

export interface TestResult {
  /** Ids of the layers the hardware takes as planes in this state. */
  onPlanes: number[];
}

export interface Presented {
  /** When the frame reached the screen, in ms on the performance.now() clock. */
  presentedAt: number;
}

export type DisplayEvents = {
  input: InputEvent;
  resize: { width: number; height: number; scale: number };
  close: { reason: string };
  error: Error;
  device: { kind: 'pointer' | 'touch' | 'keyboard'; added: boolean };
};

export interface Display {
  readonly info: OutputInfo;
  readonly planes: PlaneInfo[];
  allocate(width: number, height: number, format: PixelFormat): DisplayBuffer;
  test(state: DisplayState): TestResult;
  commit(state: DisplayState): Promise<Presented>;
  /** The composed output as RGBA (straight alpha) pixels, for screenshots. */
  capture(): Promise<{ width: number; height: number; pixels: Uint8Array }>;
  on<K extends keyof DisplayEvents>(event: K, cb: (e: DisplayEvents[K]) => void): () => void;
  close(): Promise<void>;
}

export interface OpenOptions {
  width?: number;
  height?: number;
  scale?: number;
  fullscreen?: boolean;
  title?: string;
  appId?: string;
  cursor?: 'hidden' | 'default';
}

export interface Backend {
  kind: 'wayland' | 'kms' | 'headless' | 'preview';
  open(options: OpenOptions): Promise<Display>;
}

/** Thrown by a backend that cannot open here; `reason` is what a person should read. */
export class BackendUnavailableError extends Error {
  constructor(readonly backend: string, readonly reason: string) {
    super(`the ${backend} backend is not available: ${reason}`);
  }
}
