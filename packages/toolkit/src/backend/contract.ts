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
import type { AppInspector } from '../inspect/types.js';

/** Pixel formats by their DRM fourcc names. ABGR8888/XBGR8888 are RGBA in memory (no conversion). */
export type PixelFormat = 'ABGR8888' | 'XBGR8888' | 'ARGB8888' | 'XRGB8888';

/**
 * Formats of video frames from outside the toolkit (a camera, a decoder), by their DRM fourcc
 * names: YUYV is packed 4:2:2, NV12 a Y plane followed by an interleaved U/V plane at half
 * size. Planes that scan them out list them in `videoFormats`; anywhere else their producer
 * converts them (a DMA-BUF frame's `read()`).
 */
export type VideoFormat = 'YUYV' | 'NV12';
/** The format of an external DMA-BUF frame. */
export type FrameFormat = PixelFormat | VideoFormat;

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
  /**
   * Where the display's buffers come from, for backends that choose (Wayland: 'gbm', 'dumb',
   * 'udmabuf' or 'shm'), with the node allocated on and why each allocator before it was passed over.
   */
  allocator?: { name: string; device?: string; passedOver: { name: string; why: string }[] };
}

/** What a hardware plane can do; the plane allocator plans with these rules. */
export interface PlaneInfo {
  id: number;
  type: 'primary' | 'overlay' | 'cursor';
  formats: PixelFormat[];
  /** Video formats it scans out (external frames only); absent: none. */
  videoFormats?: VideoFormat[];
  /** Fixed position in the stack, a range the plane accepts, or null when the device has no zpos. */
  zpos: { min: number; max: number; mutable: boolean } | null;
  alpha: boolean;
  scaling: boolean;
  maxWidth: number;
  maxHeight: number;
  /** The plane must cover the whole output (a primary plane on many devices). */
  mustCoverOutput: boolean;
  /**
   * Whether the plane can show part of its buffer (a `source` rectangle smaller than the buffer,
   * unscaled unless `scaling`). Absent: it can, as every KMS plane can; a Wayland subsurface
   * needs wp_viewporter.
   */
  crop?: boolean;
}

/** A CPU-writable buffer from the display: a mapped DMA-BUF, a memfd, or plain memory. */
export interface DisplayBuffer {
  readonly id: number;
  readonly width: number;
  readonly height: number;
  readonly stride: number;
  /** An imported external frame's may be a video format; the display's own buffers are RGB. */
  readonly format: FrameFormat;
  /** Writes rows of RGBA pixels (premultiplied) into the buffer, converting when the format needs it. */
  write(source: Uint8Array, sourceStride: number, rects: readonly DamageRect[]): number;
  /** Whether the display still shows or reads this buffer. */
  readonly busy: boolean;
  /** The pixels for software composition: present on in-memory buffers and imported pixel frames. */
  readonly pixels?: Uint8Array;
  /** The DRM format modifier of a DMA-BUF (0 or absent: linear). */
  readonly modifier?: bigint | number;
  destroy(): void;
}

/** A damaged rect in buffer pixels. */
export interface DamageRect { x: number; y: number; width: number; height: number }

/**
 * One plane's worth of a state: which layer it shows, from which buffer, where. Layer ids are
 * the toolkit's: 0 is the root layer, -1 the composition layer (the software-composited
 * layers, full screen, on the primary plane); others are `<Layer>`s and `<ExternalLayer>`s.
 */
export interface LayerState {
  id: number;
  /** The plane that shows it. */
  planeId: number;
  /** Its position in the plane stack (to set on planes with a mutable zpos). */
  zpos: number;
  /** The buffer; null only in `test()`, which then judges a buffer of this size and format. */
  buffer: DisplayBuffer | null;
  bufferWidth: number;
  bufferHeight: number;
  /** The buffer's format: an external frame's may be a video format. */
  format: FrameFormat;
  /**
   * The part of the buffer shown, buffer px (KMS SRC_*, wp_viewport.set_source); absent: all of
   * it. Scrolling moves it over a buffer rendered once; a layer partly off the output is cropped
   * to the part inside.
   */
  source?: DamageRect;
  /** Where it shows on the output, physical px (a size other than the source's means scaling). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Plane alpha, 0..1. */
  opacity: number;
  /** What changed in `buffer` since the display last showed this layer, buffer px. */
  damage: DamageRect[];
}

/** Planes not listed in a state are off. */
export interface DisplayState {
  layers: LayerState[];
}

/** Whether the hardware takes a state as it is; `reason` says why not (for logs and tests). */
export type TestResult = { ok: true } | { ok: false; reason: string };

/** A frame from outside the toolkit for an `ExternalLayer`, in memory (headless, tests). */
export interface PixelFrame {
  kind: 'pixels';
  width: number;
  height: number;
  /** Bytes per row (default width * 4). */
  stride?: number;
  format: PixelFormat;
  /** Premultiplied; byte order by `format` (ABGR8888 is R, G, B, A in memory). */
  pixels: Uint8Array;
}

/** A frame from outside the toolkit as a DMA-BUF (a decoder, a camera, another process). */
export interface DmaBufFrame {
  kind: 'dmabuf';
  fd: number;
  width: number;
  height: number;
  stride: number;
  offset: number;
  /** A video format's planes follow each other in the buffer: NV12's U/V plane at `offset + stride * height`, rows of `stride`. */
  format: FrameFormat;
  /** DRM format modifier (0 = linear). */
  modifier: bigint | number;
  /** How a video format's YCbCr maps to RGB (default: BT.601 up to 576 lines, BT.709 above; limited range). */
  colorEncoding?: 'bt601' | 'bt709';
  colorRange?: 'limited' | 'full';
  /**
   * The frame's pixels, when its producer can read it (a V4L2 buffer's mapping; a video
   * format converted to RGB): the compositor reads a frame it blends instead of scanning it
   * out, on a display that cannot map DMA-BUFs itself. Each call is a copy.
   */
  read?: () => FramePixels;
}

/** An external frame's pixels as its producer reads them: rows of `stride` bytes in `format`. */
export interface FramePixels {
  pixels: Uint8Array;
  stride: number;
  format: PixelFormat;
}

export type ExternalFrame = PixelFrame | DmaBufFrame;

export interface Presented {
  /** When the frame reached the screen, in ms on the performance.now() clock. */
  presentedAt: number;
}

export type DisplayEvents = {
  input: InputEvent;
  resize: { width: number; height: number; scale: number };
  /** The display is gone: `lost` when it went away (a compositor quitting, a device unplugged), not when asked to close. */
  close: { reason: string; lost: boolean };
  error: Error;
  /** A buffer the display held is free again (a frame skipped for want of one may go now). */
  release: { bufferId: number };
  device: { kind: 'pointer' | 'touch' | 'keyboard'; added: boolean };
  /**
   * The panel was turned from outside the app (the preview page's rotation choice): the output
   * keeps its size and the app turns to `rotation`, as with its own `setRotation`. Optional:
   * most displays never emit it.
   */
  rotate: { rotation: 0 | 90 | 180 | 270 };
};

export interface Display {
  readonly info: OutputInfo;
  readonly planes: PlaneInfo[];
  allocate(width: number, height: number, format: PixelFormat): DisplayBuffer;
  /**
   * Wraps an external frame as a buffer the display can show, without copying it (a DMA-BUF
   * import on native backends). Throws with a reason when the display cannot take this frame.
   */
  importFrame(frame: ExternalFrame): DisplayBuffer;
  /** Whether the hardware takes this state: an atomic TEST_ONLY commit on KMS. Never blocks. */
  test(state: DisplayState): TestResult;
  commit(state: DisplayState): Promise<Presented>;
  /** The composed output as RGBA (straight alpha) pixels, for screenshots. */
  capture(): Promise<{ width: number; height: number; pixels: Uint8Array }>;
  on<K extends keyof DisplayEvents>(event: K, cb: (e: DisplayEvents[K]) => void): () => void;
  close(): Promise<void>;
  /** Display power, for screen blanking (KMS: the CRTC off, rendering paused). Absent where the backend cannot. */
  setPower?(on: boolean): Promise<void>;
  /** Backlight brightness 0..1 (KMS: /sys/class/backlight). Absent where the backend cannot. */
  setBrightness?(level: number): void;
  /**
   * The system's input method for the focused text field (Wayland's zwp_text_input_v3): enabled
   * with the field's text around the caret, updated as it changes, disabled on blur; it answers
   * with `composition`, `text` and `deletesurrounding` input events. Absent where there is none.
   */
  textInput?: {
    enable(state: TextInputState): void;
    update(state: TextInputState): void;
    disable(): void;
  };
  /** The system clipboard (Wayland's wl_data_device). Absent where there is none (KMS, headless). */
  clipboard?: {
    readText(): Promise<string | null>;
    writeText(text: string): void;
  };
  /**
   * Shows the app's inspector (the preview display serves it beside the screen). Called once,
   * when the app exists; absent where the display has nowhere to show it.
   */
  serveInspector?(inspector: AppInspector): void;
  /**
   * The app is turned by `rotation` (clockwise): at its start, by its own `setRotation`, or as the
   * display asked with `rotate`. A display that shows its output to a person (the preview page)
   * turns it back so the app reads upright. Absent where nothing follows the app's rotation.
   */
  rotated?(rotation: 0 | 90 | 180 | 270): void;
}

/** A text field as the system's input method sees it: its text around the caret, and where the caret is. */
export interface TextInputState {
  surroundingText: string;
  /** UTF-16 indices into `surroundingText`. */
  cursor: number;
  anchor: number;
  /** zwp_text_input_v3's content hint and purpose (numbers as the protocol defines them). */
  contentHint: number;
  contentPurpose: number;
  /** The caret's rectangle, output px. */
  cursorRect: { x: number; y: number; width: number; height: number };
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

/**
 * A backend: a name and a way to open a display. Pass one to `createApp(root, { backend })`,
 * or make it known by name with `registerBackend(name, backend)`; a backend package exports
 * one as `backend`.
 * @example export const backend: Backend = { name: 'fbdev', open: (options) => FbDisplay.open(options) };
 */
export interface Backend {
  /** What `app.backend` reports, e.g. 'wayland'. */
  name: string;
  open(options: OpenOptions): Promise<Display>;
}

/** Thrown by a backend that cannot open here; `reason` is what a person should read. */
export class BackendUnavailableError extends Error {
  constructor(readonly backend: string, readonly reason: string) {
    super(`the ${backend} backend is not available: ${reason}`);
  }
}
