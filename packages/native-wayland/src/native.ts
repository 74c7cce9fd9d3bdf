/**
 * The addon's classes, typed, and how they are loaded. Everything here is a thin handle on a
 * Wayland object; the backend (display.ts) gives it meaning.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** An output as the compositor describes it: the current mode in pixels, its integer scale and transform. */
export interface NativeOutput {
  /** The wl_output global's name. */
  name: number;
  scale: number;
  width: number;
  height: number;
  refreshMhz: number;
  /** WL_OUTPUT_TRANSFORM_*: 0 normal, 1 a quarter turn, 2 half, 3 three quarters; 4–7 the same flipped. */
  transform: number;
  make: string;
  model: string;
}

/**
 * What a key press did to a compose sequence (planar/compose.h in the native core): a sequence
 * starts with `start` '' and shows its keys so far with `update` ('´'); `end` carries the text
 * composed ('é'), which is also the key's `text`, or '' when it was cancelled.
 */
export interface NativeComposition {
  kind: 'start' | 'update' | 'end';
  data: string;
}

/** The seat's events (native/seat.cc, keyboard.cc): positions in surface units, times in the compositor's ms. */
export type SeatEvent =
  | { type: 'pointer'; kind: 'enter' | 'motion'; x: number; y: number; time?: number }
  | { type: 'pointer'; kind: 'leave' | 'frame' }
  | { type: 'pointer'; kind: 'button'; time: number; button: number; pressed: boolean }
  | { type: 'pointer'; kind: 'axis'; time: number; axis: 'x' | 'y'; value: number }
  | { type: 'pointer'; kind: 'discrete'; axis: 'x' | 'y'; steps: number }
  | { type: 'touch'; kind: 'down' | 'motion'; time: number; id: number; x: number; y: number }
  | { type: 'touch'; kind: 'up'; time: number; id: number }
  | { type: 'touch'; kind: 'frame' | 'cancel' }
  | { type: 'key'; time: number; code: number; name: string; text: string; character?: string; pressed: boolean; repeats: boolean; composition?: NativeComposition[] }
  | { type: 'modifiers'; shift: boolean; ctrl: boolean; alt: boolean; meta: boolean }
  | { type: 'repeat-info'; rate: number; delay: number }
  /** Focus left with a compose sequence under way: `composition` ends it. */
  | { type: 'keyboard-focus'; focused: boolean; composition?: NativeComposition[] };

/**
 * The text input's events (native/text-input.cc): its focus came or left, or `done` applied
 * what the input method sent since the last one. Offsets and lengths are UTF-8 bytes; a null
 * preedit or commit is none.
 */
export type TextInputEvent =
  | { type: 'text-input'; kind: 'enter' }
  | { type: 'text-input'; kind: 'leave' }
  | {
    type: 'text-input'; kind: 'done'; preedit: string | null; preeditCursorBegin: number; preeditCursorEnd: number;
    commit: string | null; deleteBefore: number; deleteAfter: number; serial: number;
  };

/** What `NativeConnection.textInput` sends (each field that is present), always followed by a commit. */
export interface TextInputRequest {
  enable?: boolean;
  disable?: boolean;
  /** UTF-8 text of at most 4000 bytes, with the cursor and the selection's anchor as byte offsets in it. */
  surrounding?: { text: string; cursor: number; anchor: number };
  /** zwp_text_input_v3 content_hint bits and content_purpose. */
  contentType?: { hint: number; purpose: number };
  /** Surface units. */
  cursorRect?: { x: number; y: number; width: number; height: number };
  /** zwp_text_input_v3 change_cause: 0 the input method, 1 something else. */
  changeCause?: number;
}

/** Every event the connection reports, by type, as one value (`{ type, ...fields }`). */
export type ConnectionEvent =
  /** The window's xdg configure, already acked: 0x0 means "choose your size". */
  | { type: 'configure'; width: number; height: number; fullscreen: boolean; activated: boolean }
  /** The frame callback: the compositor wants the next frame. */
  | { type: 'frame'; time: number; sinceCommitMs: number }
  /** wp_presentation feedback: the commit reached the screen, or never will. */
  | { type: 'presented'; latencyMs: number; refreshNs: number }
  | { type: 'discarded' }
  /** The compositor let go of a buffer (by ShmBuffer or DmabufBuffer id). */
  | { type: 'release'; id: number }
  /** The compositor's answer to a non-immediate DMA-BUF import (a DmabufBuffer made with immediate false). */
  | { type: 'dmabuf-answer'; id: number; imported: boolean }
  | { type: 'window-close' }
  /** The connection broke or the compositor went away; every object is inert from now on. */
  | { type: 'disconnect'; reason: string }
  | { type: 'fractional-scale'; scale: number }
  /** The window entered or left an output (by wl_output proxy id). */
  | { type: 'surface-output'; entered: boolean; output: number }
  | { type: 'capabilities'; pointer: boolean; keyboard: boolean; touch: boolean }
  | { type: 'seat-removed' }
  | { type: 'output-removed'; name: number }
  /** Something a person should know (a keymap that would not map or compile). */
  | { type: 'warning'; message: string }
  | TextInputEvent
  | SeatEvent;

export type ConnectionEventType = ConnectionEvent['type'];

/** What the addon holds right now: open fds, memory mappings and buffers (shm and DMA-BUF) not yet destroyed. */
export interface NativeLiveObjects {
  fds: number;
  mappings: number;
  buffers: number;
}

/** What the compositor said about DMA-BUFs (zwp_linux_dmabuf_v1 version 3 or 4). */
export interface NativeDmabufOffer {
  version: number;
  /** Every format/modifier pair it imports (version 3 events, or the version 4 feedback's tranches together). */
  formats: { format: number; modifier: bigint }[];
  /** Version 4's main device; null with version 3. */
  mainDevice: { major: number; minor: number } | null;
}

export interface NativeConnection {
  start(): void;
  sync(): Promise<void>;
  globals(): { interface: string; version: number }[];
  shmFormats(): number[];
  /** null when the compositor offers no zwp_linux_dmabuf_v1 of version 3 or later. */
  dmabuf(): NativeDmabufOffer | null;
  outputs(): NativeOutput[];
  flush(): void;
  setCursor(visible: boolean): void;
  /** Sends the requests to the seat's text input, then commit; the commits so far (0: no text input). */
  textInput(request: TextInputRequest): number;
  /** The current selection's MIME types; null when there is none (or the window never had keyboard focus). */
  selectionMimes(): string[] | null;
  /** The selection's bytes as `mime`, read through a pipe; null without a selection. Rejects after `timeoutMs` of silence. */
  receiveSelection(mime: string, timeoutMs: number): Promise<Buffer | null>;
  /** Offers `text` as the selection under each MIME type; throws before the window has had an input event. */
  setSelection(text: string, mimes: string[]): void;
  close(): void;
}

interface SurfaceHandle {
  attach(buffer: NativeShmBuffer | NativeDmabufBuffer | null): void;
  /** Rects as [x, y, width, height]* in buffer pixels. */
  damage(rects: Int32Array): void;
  /** Sets the surface's size in logical px through the viewporter (-1, -1 unsets it); false without one. */
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
  /**
   * Crops the buffer to (x, y, width, height) in surface units before the viewport (buffer px
   * over the buffer scale); all -1 unsets it; applied on the next commit. False without a
   * viewporter. Throws a RangeError for values the protocol would reject.
   */
  setSource(x: number, y: number, width: number, height: number): boolean;
  /**
   * Damage in surface units (wl_surface.damage): what the surface shows changed there with no
   * new buffer (a new viewport), which buffer damage cannot say without an attach.
   */
  damageSurface(x: number, y: number, width: number, height: number): void;
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
  /**
   * Copies rects ([x, y, w, h]*) of RGBA rows in, swapping R and B when asked; returns bytes.
   * This and every other call but destroy() throw (code ERR_BUFFER_DESTROYED) once it is destroyed.
   */
  write(source: Uint8Array, sourceStride: number, rects: Int32Array, swapRB: boolean): number;
  /** A copy of the pixels, for screenshots. */
  read(): Uint8Array;
  /** Copies a linear frame in from a mappable fd (a linear DMA-BUF); returns bytes. */
  copyFromFd(fd: number, offset: number, stride: number): number;
  destroy(): void;
}

/** An open DRM node (or /dev/udmabuf); buffers made on it keep it open after close(). */
export interface NativeDrmDevice {
  readonly path: string;
  close(): void;
}

export type DmabufSource =
  | { kind: 'gbm' | 'dumb' | 'udmabuf'; device: NativeDrmDevice }
  /** An external frame's DMA-BUF: dup'ed, shown as it is, never written. */
  | { kind: 'import'; fd: number; offset: number; stride: number };

export interface NativeDmabufBuffer {
  readonly id: number;
  readonly width: number;
  readonly height: number;
  readonly stride: number;
  readonly kind: DmabufSource['kind'];
  readonly busy: boolean;
  /** 'pending' until the compositor answers a non-immediate create; 'failed' when it refused. */
  readonly status: 'ready' | 'pending' | 'failed';
  /** The damaged rects between DMA_BUF_IOCTL_SYNC write fences; returns bytes. Throws for imports. */
  write(source: Uint8Array, sourceStride: number, rects: Int32Array, swapRB: boolean): number;
  /** A copy of the rows (stride bytes each), for screenshots. */
  read(): Uint8Array;
  destroy(): void;
}

export interface Addon {
  /** `emit` gets each event's type and its other fields; `{ type, ...event }` is a ConnectionEvent. */
  Connection: new (emit: (type: ConnectionEventType, event: object) => void, name?: string) => NativeConnection;
  Window: new (connection: NativeConnection, options: { title?: string; appId?: string; fullscreen?: boolean }) => NativeWindow;
  Subsurface: new (window: NativeWindow) => NativeSubsurface;
  ShmBuffer: new (connection: NativeConnection, width: number, height: number, shmFormat: number) => NativeShmBuffer;
  /** Throws (with `errno` where the system refused) when the allocation or export fails. */
  DmabufBuffer: new (connection: NativeConnection, source: DmabufSource, width: number, height: number, fourcc: number, modifier: bigint, immediate: boolean) => NativeDmabufBuffer;
  /** Throws an Error with `errno` when the node cannot be opened. */
  DrmDevice: new (path: string) => NativeDrmDevice;
  /** xkbcommon's compose state machine as the keyboard uses it, fed keysyms by name (for tests). */
  Compose: NativeComposeConstructor;
  /** Whether this build has GBM (libgbm was found when it was built). */
  gbmBuilt: boolean;
  liveObjects(): NativeLiveObjects;
}

/**
 * `new Compose(locale?)`: the Compose table of `locale` (default: LC_ALL, LC_CTYPE or LANG,
 * else "C"), else of "C". Throws with the reason, and `errno` where there is one, when neither
 * loads.
 */
export type NativeComposeConstructor = new (locale?: string) => NativeCompose;

export interface NativeCompose {
  /** The locale whose table was loaded. */
  readonly locale: string;
  /** A press of a key with this keysym (by name: 'dead_acute') that types `ownText` on its own. */
  press(keysym: string, ownText?: string): { events: NativeComposition[]; text: string };
  /** Drops a sequence under way; its end event, if there was one. */
  cancel(): NativeComposition[];
}

let addon: Addon | null = null;

/** The built addon; throws with what to do when it is not built. */
export function loadAddon(): Addon {
  if (addon) return addon;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const file = path.join(here, '..', 'build', 'Release', 'planar_wayland.node');
  if (!existsSync(file)) {
    throw new Error(`the Wayland addon is not built (${file} is missing): run \`npm run setup\`, which builds it with node-gyp (it needs libwayland-dev, wayland-protocols, libxkbcommon-dev, libdrm-dev and, for GBM buffers, libgbm-dev)`);
  }
  addon = createRequire(import.meta.url)(file) as Addon;
  return addon;
}
