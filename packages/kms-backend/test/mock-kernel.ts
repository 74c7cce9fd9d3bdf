/**
 * A mock of the kernel side of the addon, for table tests of the KMS state machine without a
 * device: resources shaped like vkms (or a Pi 5's HVS, with zpos and alpha), atomic commits
 * checked against the rules the real drivers apply (master, known properties, a source inside
 * the framebuffer, a primary that covers the CRTC, no scaling where the device has none, one
 * flip pending at a time), page
 * flips delivered when a test calls `flip()`, dumb buffers that hold their pixels, and
 * imported DMA-BUFs laid out in framebuffer planes as the addon lays them out (NV12: two).
 * The HVS shape's overlays also scan out YUYV and NV12 and have COLOR_ENCODING/COLOR_RANGE.
 */
import type { Addon, DrmMode, DrmProperty, DrmResources, NativeDevice, NativeDumbBuffer } from '../src/native.js';
import { fourcc } from '../src/formats.js';

const mode = (w: number, h: number, preferred = false): DrmMode => ({
  name: `${w}x${h}`, clock: Math.round((w + 160) * (h + 45) * 60 / 1000), hdisplay: w, hsyncStart: w + 48, hsyncEnd: w + 80, htotal: w + 160,
  hskew: 0, vdisplay: h, vsyncStart: h + 3, vsyncEnd: h + 9, vtotal: h + 45, vscan: 0, vrefresh: 60, flags: 0, type: preferred ? 0x48 : 0x40,
});

let nextPropId = 1000;
const prop = (name: string, value = 0, extra: Partial<DrmProperty> = {}): DrmProperty => ({ id: nextPropId++, name, kind: 'range', immutable: false, value, ...extra });
const PLANE_PROPS = ['FB_ID', 'CRTC_ID', 'SRC_X', 'SRC_Y', 'SRC_W', 'SRC_H', 'CRTC_X', 'CRTC_Y', 'CRTC_W', 'CRTC_H'];
const typeProp = (name: 'Primary' | 'Overlay' | 'Cursor') => prop('type', { Overlay: 0, Primary: 1, Cursor: 2 }[name], {
  kind: 'enum', immutable: true, enums: [{ name: 'Overlay', value: 0 }, { name: 'Primary', value: 1 }, { name: 'Cursor', value: 2 }],
});

const enumProp = (name: string, names: string[], value = 0) => prop(name, value, { kind: 'enum', enums: names.map((n, i) => ({ name: n, value: i })) });
const COLOR_PROPS = () => [
  enumProp('COLOR_ENCODING', ['ITU-R BT.601 YCbCr', 'ITU-R BT.709 YCbCr', 'ITU-R BT.2020 YCbCr']),
  enumProp('COLOR_RANGE', ['YCbCr limited range', 'YCbCr full range']),
];

export interface KernelShape {
  /** Overlay planes (vkms: 8 with enable_overlay). */
  overlays: number;
  /** Mutable zpos, plane alpha and scaling everywhere (a Pi 5), or none of them (vkms). */
  hvs: boolean;
  writeback: boolean;
  connected: boolean;
}

export function kernelResources(shape: KernelShape): DrmResources {
  const formats = (type: 'Primary' | 'Overlay' | 'Cursor') => Uint32Array.from([
    ...type === 'Primary' && !shape.hvs ? ['XR24'] : ['AR24', 'XR24'],
    ...type === 'Overlay' && shape.hvs ? ['YUYV', 'NV12'] : [],
  ].map(fourcc));
  const plane = (id: number, type: 'Primary' | 'Overlay' | 'Cursor', z: number) => ({
    id, possibleCrtcs: 1, crtcId: 0, fbId: 0, formats: formats(type),
    properties: [
      typeProp(type), ...PLANE_PROPS.map((n) => prop(n)),
      ...(shape.hvs ? [prop('zpos', z, { min: 0, max: 15 }), prop('alpha', 0xffff, { min: 0, max: 0xffff }), prop('FB_DAMAGE_CLIPS', 0, { kind: 'blob' })] : []),
      ...(shape.hvs && type === 'Overlay' ? COLOR_PROPS() : []),
    ],
  });
  const planes = [plane(31, 'Primary', 0)];
  for (let i = 0; i < shape.overlays; i++) planes.push(plane(33 + i * 2, 'Overlay', i + 1));
  planes.push(plane(33 + shape.overlays * 2, 'Cursor', shape.overlays + 1));
  const connectors = [{
    id: 52, name: 'Virtual-1', connection: shape.connected ? 'connected' as const : 'disconnected' as const, widthMm: 0, heightMm: 0, writeback: false,
    modes: shape.connected ? [mode(1024, 768, true), mode(800, 600), mode(1920, 1080)] : [], possibleCrtcs: 1, crtcId: 0, properties: [prop('CRTC_ID')],
  }];
  if (shape.writeback) {
    connectors.push({
      id: 59, name: 'Writeback-1', connection: 'unknown' as never, widthMm: 0, heightMm: 0, writeback: true, modes: [], possibleCrtcs: 1, crtcId: 0,
      properties: [prop('CRTC_ID'), prop('WRITEBACK_FB_ID'), prop('WRITEBACK_OUT_FENCE_PTR')],
    });
  }
  return {
    crtcs: [{ id: 51, index: 0, bufferId: 0, mode: null, properties: [prop('ACTIVE'), prop('MODE_ID', 0, { kind: 'blob' })] }],
    connectors, planes, minWidth: 1, maxWidth: 8192, minHeight: 1, maxHeight: 8192,
  };
}

export interface Commit { flags: number; values: Map<string, number>; id: number }

/** An imported DMA-BUF as AddFB2 got it: one handle, pitch and offset per framebuffer plane. */
export interface MockImport { fbId: number; fd: number; width: number; height: number; fourcc: number; handles: number[]; pitches: number[]; offsets: number[]; destroyed: boolean }

/** The kernel as the tests drive it. */
export class MockKernel {
  readonly resources: DrmResources;
  readonly commits: Commit[] = [];
  readonly tests: Commit[] = [];
  /** What the kernel shows: "object.PROP" → value. */
  readonly state = new Map<string, number>();
  master = true;
  masterRefusal = 0;
  openErrno = 0;
  /** The next `refuseNext` commits (tests included) fail with `refuseErrno`. */
  refuseNext = 0;
  refuseErrno = 22;
  connection: 'connected' | 'disconnected' = 'connected';
  pendingFlip: number | null = null;
  readonly fbs = new Map<number, MockDumb>();
  readonly imports = new Map<number, MockImport>();
  private emit: ((type: string, e: Record<string, unknown>) => void) | null = null;
  private readonly names = new Map<string, string>();
  private nextFb = 100;
  private nextBlob = 500;
  fenceWaits = 0;
  /** The seat manager: whether one answers, what it did, and how to send it events. */
  seatAnswers = true;
  seatLog: string[] = [];
  seatEmit: ((type: 'enable' | 'disable' | 'lost') => void) | null = null;
  modeSize = { width: 0, height: 0 };
  /** Blobs created, as int32s (FB_DAMAGE_CLIPS: x1, y1, x2, y2 per rect). */
  readonly blobs = new Map<number, number[]>();

  constructor(readonly shape: KernelShape) {
    this.resources = kernelResources(shape);
    this.connection = shape.connected ? 'connected' : 'disconnected';
    const all = [...this.resources.crtcs, ...this.resources.connectors, ...this.resources.planes];
    for (const o of all) for (const p of o.properties) this.names.set(`${o.id}:${p.id}`, `${o.id}.${p.name}`);
  }

  /** Delivers the pending page flip. */
  flip(): void {
    if (this.pendingFlip === null) throw new Error('no flip is pending');
    const commit = this.pendingFlip;
    this.pendingFlip = null;
    this.emit?.('flip', { crtcId: 51, sequence: 1, timeMs: performance.now(), agoMs: 0, commit });
  }

  value(object: number, name: string): number | undefined {
    return this.state.get(`${object}.${name}`);
  }

  private check(values: Map<string, number>, flags: number): number {
    if (!this.master) return -13;
    if (this.refuseNext) {
      this.refuseNext--;
      return -this.refuseErrno;
    }
    if (!(flags & 0x100) && this.pendingFlip !== null) return -16;
    const get = (k: string) => values.get(k) ?? this.state.get(k) ?? 0;
    const modeset = values.has('51.MODE_ID') || values.has('51.ACTIVE') || values.has('52.CRTC_ID');
    if (modeset && !(flags & 0x400)) return -22;
    for (const plane of this.resources.planes) {
      if (!get(`${plane.id}.FB_ID`)) continue;
      const fb = this.fbs.get(get(`${plane.id}.FB_ID`));
      // drm_atomic_plane_check: a plane shows only the formats it lists, else EINVAL.
      const imported = this.imports.get(get(`${plane.id}.FB_ID`));
      if (imported && !plane.formats.includes(imported.fourcc)) return -22;
      // drm_atomic_plane_check: the source (16.16) must lie in the framebuffer, else ENOSPC.
      if (fb) {
        const [x, y, w, h] = ['SRC_X', 'SRC_Y', 'SRC_W', 'SRC_H'].map((n) => get(`${plane.id}.${n}`));
        if (w! > fb.width * 65536 || x! > fb.width * 65536 - w! || h! > fb.height * 65536 || y! > fb.height * 65536 - h!) return -28;
      }
      const scaled = get(`${plane.id}.SRC_W`) !== get(`${plane.id}.CRTC_W`) * 65536 || get(`${plane.id}.SRC_H`) !== get(`${plane.id}.CRTC_H`) * 65536;
      if (scaled && !this.shape.hvs) return -22;
      const covers = get('31.CRTC_X') === 0 && get('31.CRTC_Y') === 0 && get('31.CRTC_W') === this.modeSize.width && get('31.CRTC_H') === this.modeSize.height;
      if (plane.id === 31 && !this.shape.hvs && !covers) return -22;
    }
    return 0;
  }

  addon(): Addon {
    const kernel = this;
    class Device implements NativeDevice {
      constructor(_path: string, emit: (type: string, e: Record<string, unknown>) => void, seat?: { openDevice(path: string): number }) {
        seat?.openDevice(_path);
        if (kernel.openErrno) throw Object.assign(new Error(`cannot open ${_path}: errno ${kernel.openErrno}`), { errno: kernel.openErrno });
        kernel.emit = emit;
      }
      caps() { return { driver: 'mock', dumbBuffer: 1, prime: 3, timestampMonotonic: 1, cursorWidth: 64, cursorHeight: 64, addFb2Modifiers: 1, asyncPageFlip: 0 }; }
      resources() {
        kernel.resources.connectors[0]!.connection = kernel.connection;
        return structuredClone(kernel.resources);
      }
      isMaster() { return kernel.master; }
      setMaster() {
        if (kernel.masterRefusal) return -kernel.masterRefusal;
        kernel.master = true;
        return 0;
      }
      dropMaster() { kernel.master = false; return 0; }
      createModeBlob(m: DrmMode) {
        kernel.modeSize = { width: m.hdisplay, height: m.vdisplay };
        return kernel.nextBlob++;
      }
      createBlob(bytes: Uint8Array) {
        kernel.blobs.set(kernel.nextBlob, Array.from(new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)));
        return kernel.nextBlob++;
      }
      destroyBlob() {}
      connectorStatus() { return kernel.connection; }
      commit(objects: Uint32Array, props: Uint32Array, values: Float64Array, flags: number, id: number, outFence?: [number, number]) {
        const named = new Map<string, number>();
        objects.forEach((o, i) => {
          const name = kernel.names.get(`${o}:${props[i]}`);
          if (!name) throw new Error(`object ${o} has no property ${props[i]}`);
          named.set(name, values[i]!);
        });
        const record = { flags, values: named, id };
        const result = kernel.check(named, flags);
        if (flags & 0x100) {
          kernel.tests.push(record);
          return { result, fence: -1 };
        }
        if (result !== 0) return { result, fence: -1 };
        kernel.commits.push(record);
        for (const [k, v] of named) kernel.state.set(k, v);
        if (flags & 0x1) kernel.pendingFlip = id;
        const wb = named.get('59.WRITEBACK_FB_ID');
        if (outFence && wb) kernel.fbs.get(wb)?.pixels.fill(0x40);
        return { result: 0, fence: outFence && wb ? 77 : -1 };
      }
      start() {}
      close() { kernel.emit = null; }
    }
    class DumbBuffer extends MockDumb {
      constructor(_device: NativeDevice, width: number, height: number, readonly fourcc: number) {
        super(kernel.nextFb++, width, height);
        kernel.fbs.set(this.fbId, this);
      }
    }
    // The addon's layout: NV12's U/V plane follows its Y plane in the same buffer, rows of the same stride.
    class ImportedBuffer {
      readonly fbId = kernel.nextFb++;
      private readonly record: MockImport;
      constructor(_device: NativeDevice, fd: number, width: number, height: number, code: number, stride: number, offset: number) {
        const planes = code === fourcc('NV12') ? 2 : 1;
        const each = <T>(f: (plane: number) => T) => Array.from({ length: planes }, (_, plane) => f(plane));
        this.record = { fbId: this.fbId, fd, width, height, fourcc: code, handles: each(() => 1), pitches: each(() => stride), offsets: each((p) => offset + p * stride * height), destroyed: false };
        kernel.imports.set(this.fbId, this.record);
      }
      destroy() { this.record.destroyed = true; }
    }
    class Input {
      close() {}
      setOutputSize() {}
      setCalibration() {}
      suspend() {}
      resume() {}
    }
    class Seat {
      constructor(emit: (type: 'enable' | 'disable' | 'lost') => void) {
        if (!kernel.seatAnswers) throw new Error('no seat manager answered (seatd or logind): Connection refused');
        kernel.seatEmit = emit;
        setTimeout(() => emit('enable'), 5);
      }
      openDevice(path: string) { kernel.seatLog.push(`open ${path}`); return 40; }
      closeDevice() {}
      acknowledgeDisable() { kernel.seatLog.push('acknowledge'); kernel.master = false; }
      switchSession() {}
      name() { return 'seat0'; }
      close() { kernel.seatLog.push('close'); }
    }
    return {
      Device, DumbBuffer, Seat,
      ImportedBuffer, waitFence: async () => { kernel.fenceWaits++; },
      Console: class { setGraphics() {} watchSwitches() {} allowRelease() {} acknowledgeAcquire() {} restore() {} },
      Input,
    } as unknown as Addon;
  }
}

export class MockDumb implements NativeDumbBuffer {
  readonly stride: number;
  readonly pixels: Uint8Array;
  destroyed = false;
  written = 0;
  constructor(readonly fbId: number, readonly width: number, readonly height: number) {
    this.stride = width * 4;
    this.pixels = new Uint8Array(width * height * 4);
  }
  write(source: Uint8Array, sourceStride: number, rects: Int32Array, swapRB = false): number {
    let bytes = 0;
    for (let i = 0; i < rects.length; i += 4) {
      const [x, y, w, h] = [rects[i]!, rects[i + 1]!, rects[i + 2]!, rects[i + 3]!];
      for (let row = y; row < y + h; row++) {
        const at = row * this.stride + x * 4;
        this.pixels.set(source.subarray(row * sourceStride + x * 4, row * sourceStride + (x + w) * 4), at);
        // RGBA in, BGRA stored where the format asks (XRGB8888, ARGB8888), as the addon does.
        if (swapRB) for (let p = at; p < at + w * 4; p += 4) [this.pixels[p], this.pixels[p + 2]] = [this.pixels[p + 2]!, this.pixels[p]!];
      }
      bytes += w * h * 4;
    }
    this.written += bytes;
    return bytes;
  }
  read(): Uint8Array { return this.pixels.slice(); }
  exportFd(): number { return 90; }
  destroy(): void { this.destroyed = true; }
}
