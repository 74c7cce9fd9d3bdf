/**
 * The addon's classes, typed, and how it is loaded. Each is a thin handle on a kernel object;
 * the backend (display.ts) gives them meaning.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NativeComposeConstructor, NativeInputConstructor } from './input-native.js';

export interface DrmMode {
  name: string;
  clock: number;
  hdisplay: number; hsyncStart: number; hsyncEnd: number; htotal: number; hskew: number;
  vdisplay: number; vsyncStart: number; vsyncEnd: number; vtotal: number; vscan: number;
  vrefresh: number;
  flags: number;
  /** DRM_MODE_TYPE_* bits; 0x8 is PREFERRED. */
  type: number;
}

export interface DrmProperty {
  id: number;
  name: string;
  kind: 'range' | 'signed-range' | 'enum' | 'bitmask' | 'blob' | 'object' | 'unknown';
  immutable: boolean;
  value: number;
  min?: number;
  max?: number;
  enums?: { name: string; value: number }[];
  /** The bytes of a blob property's current blob. */
  blob?: Uint8Array;
}

export interface DrmCrtc { id: number; index: number; bufferId: number; mode: DrmMode | null; properties: DrmProperty[] }
export interface DrmConnector {
  id: number;
  /** Type and number, as the kernel names them: HDMI-A-1, DSI-1, Virtual-1, Writeback-1. */
  name: string;
  connection: 'connected' | 'disconnected' | 'unknown';
  widthMm: number;
  heightMm: number;
  writeback: boolean;
  modes: DrmMode[];
  /** Bit per CRTC index. */
  possibleCrtcs: number;
  crtcId: number;
  properties: DrmProperty[];
}
export interface DrmPlane { id: number; possibleCrtcs: number; crtcId: number; fbId: number; formats: Uint32Array; properties: DrmProperty[] }
export interface DrmResources {
  crtcs: DrmCrtc[];
  connectors: DrmConnector[];
  planes: DrmPlane[];
  minWidth: number; maxWidth: number; minHeight: number; maxHeight: number;
}

export interface DrmCaps {
  driver: string;
  dumbBuffer: number;
  prime: number;
  timestampMonotonic: number;
  cursorWidth: number;
  cursorHeight: number;
  addFb2Modifiers: number;
  asyncPageFlip: number;
}

export type DeviceEvent =
  | { type: 'flip'; crtcId: number; sequence: number; timeMs: number; agoMs: number; commit: number }
  | { type: 'lost'; reason: string };

export interface NativeDevice {
  caps(): DrmCaps;
  resources(): DrmResources;
  isMaster(): boolean;
  /** 0 or -errno. */
  setMaster(): number;
  dropMaster(): number;
  createModeBlob(mode: DrmMode): number;
  createBlob(bytes: Uint8Array): number;
  destroyBlob(id: number): void;
  connectorStatus(id: number): 'connected' | 'disconnected' | 'unknown';
  /** An atomic commit; result 0 or -errno; fence is the writeback out-fence fd when asked for. */
  commit(objects: Uint32Array, properties: Uint32Array, values: Float64Array, flags: number, commitId: number, outFence?: [number, number]): { result: number; fence: number };
  start(): void;
  close(): void;
}

export interface NativeDumbBuffer {
  readonly fbId: number;
  readonly width: number;
  readonly height: number;
  readonly stride: number;
  /** Throws (code ERR_BUFFER_DESTROYED, naming the buffer) after destroy(), as read() and exportFd() do. */
  write(source: Uint8Array, sourceStride: number, rects: Int32Array, swapRB: boolean): number;
  read(): Uint8Array;
  exportFd(): number;
  destroy(): void;
}

export interface NativeImportedBuffer { readonly fbId: number; destroy(): void }

/**
 * What the addon holds from the kernel: fds it owns (the card, dumb buffers' DMA-BUFs, consoles,
 * fences waited on, input devices), mappings and buffers (dumb and imported) not yet destroyed.
 */
export interface NativeLiveObjects {
  fds: number;
  mappings: number;
  buffers: number;
}

export interface NativeConsole {
  setGraphics(graphics: boolean): void;
  watchSwitches(releaseSignal: number, acquireSignal: number): void;
  allowRelease(): void;
  acknowledgeAcquire(): void;
  restore(): void;
}

/** A libseat session (seatd or logind): devices opened without root; VT switches as disable/enable. */
export interface NativeSeat {
  openDevice(path: string): number;
  closeDevice(fd: number): void;
  acknowledgeDisable(): void;
  switchSession(session: number): void;
  name(): string;
  close(): void;
}

export interface Addon {
  Device: new (path: string, emit: (type: string, event: Record<string, unknown>) => void, seat?: NativeSeat) => NativeDevice;
  Seat: new (emit: (type: 'enable' | 'disable' | 'lost') => void) => NativeSeat;
  DumbBuffer: new (device: NativeDevice, width: number, height: number, fourcc: number) => NativeDumbBuffer;
  ImportedBuffer: new (device: NativeDevice, fd: number, width: number, height: number, fourcc: number, stride: number, offset: number, modifier: bigint) => NativeImportedBuffer;
  waitFence(fd: number): Promise<void>;
  Console: new (path: string) => NativeConsole;
  Input: NativeInputConstructor;
  /** The keyboard's compose state machine, for tests; absent from the mock kernel. */
  Compose?: NativeComposeConstructor;
  /**
   * The framebuffer planes an ImportedBuffer of this format passes to AddFB2 (NV12: two, the U/V
   * plane at offset + stride * height), or null when one lies past 4 GiB; for tests, absent from the mock kernel.
   */
  framebufferPlanes?(fourcc: number, stride: number, offset: number, height: number): { pitches: number[]; offsets: number[] } | null;
  /** What the addon holds now (every device of this process together); absent from the mock kernel. */
  liveObjects?(): NativeLiveObjects;
}

/** atomic commit flags (drm_mode.h) */
export const COMMIT = { pageFlipEvent: 0x1, testOnly: 0x100, nonblock: 0x200, allowModeset: 0x400 } as const;

let addon: Addon | null = null;

/** The built addon; throws with what to do when it is not built. */
export function loadAddon(): Addon {
  if (addon) return addon;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const file = path.join(here, '..', 'build', 'Release', 'planar_kms.node');
  if (!existsSync(file)) {
    throw new Error(`the KMS addon is not built (${file} is missing): run \`npm run setup\`, which builds it with node-gyp (it needs libdrm-dev, libinput-dev, libudev-dev and libxkbcommon-dev)`);
  }
  addon = createRequire(import.meta.url)(file) as Addon;
  return addon;
}
