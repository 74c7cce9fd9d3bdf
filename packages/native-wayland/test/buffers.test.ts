import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DmaBufFrame } from '@planar/toolkit/backend';
import { WaylandBuffers, type BuffersSystem } from '../src/buffers.js';
import { DRM_FORMATS, MOD_INVALID, MOD_LINEAR } from '../src/dmabuf-formats.js';
import type { DmabufSource, NativeConnection, NativeDmabufBuffer, NativeDmabufOffer, NativeDrmDevice, NativeShmBuffer } from '../src/native.js';

const I915_X_TILED = 0x0100000000000001n;

/** A compositor and a machine as the buffers see them, through a fake addon. */
interface World {
  /** What the compositor says about DMA-BUFs; default: version 3, XBGR8888 and ABGR8888 LINEAR. */
  offer?: NativeDmabufOffer | null;
  env?: Record<string, string>;
  dri?: string[];
  udmabuf?: boolean;
  /** The compositor's answer to a non-immediate create; default: imported. */
  answer?: (buffer: FakeDmabuf) => boolean | 'never';
}

interface FakeDmabuf extends NativeDmabufBuffer {
  source: DmabufSource;
  fourcc: number;
  modifier: bigint;
  immediate: boolean;
  destroyed: boolean;
  status: NativeDmabufBuffer['status'];
}

interface FakeShm extends NativeShmBuffer {
  destroyed: boolean;
  copiedFrom: { fd: number; offset: number; stride: number }[];
}

const v3 = (...pairs: [keyof typeof DRM_FORMATS, bigint][]): NativeDmabufOffer =>
  ({ version: 3, mainDevice: null, formats: pairs.map(([f, modifier]) => ({ format: DRM_FORMATS[f], modifier })) });

function world(w: World) {
  const log: string[] = [];
  const dmabufs: FakeDmabuf[] = [];
  const shms: FakeShm[] = [];
  const devices: (NativeDrmDevice & { closed: boolean })[] = [];
  /** Set to a message to make every allocation on a device fail from now on. */
  const state = { allocationError: '' };
  let nextId = 1;
  const offer = w.offer === undefined ? v3(['XBGR8888', MOD_LINEAR], ['ABGR8888', MOD_LINEAR]) : w.offer;
  let buffers!: WaylandBuffers;

  const connection: NativeConnection = {
    start() {}, sync: async () => {}, globals: () => [], shmFormats: () => [], outputs: () => [], setCursor() {}, close() {},
    textInput: () => 0, selectionMimes: () => null, receiveSelection: async () => null, setSelection() {},
    dmabuf: () => offer,
    flush() {
      // The compositor answers non-immediate creates on a later dispatch, as the connection's dmabuf-answer event.
      for (const b of dmabufs.filter((d) => d.status === 'pending')) {
        const imported = w.answer?.(b) ?? true;
        if (imported === 'never') continue;
        queueMicrotask(() => {
          b.status = imported ? 'ready' : 'failed';
          buffers.onAnswer(b.id, imported);
        });
      }
    },
  };

  class DmabufBuffer implements FakeDmabuf {
    readonly id = nextId++;
    readonly stride: number;
    readonly busy = false;
    status: FakeDmabuf['status'];
    destroyed = false;
    get kind() { return this.source.kind; }
    constructor(_c: NativeConnection, readonly source: DmabufSource, readonly width: number, readonly height: number, readonly fourcc: number, readonly modifier: bigint, readonly immediate: boolean) {
      if (source.kind !== 'import' && state.allocationError) throw Object.assign(new Error(state.allocationError), { errno: 12 });
      this.stride = source.kind === 'import' ? source.stride : width * 4;
      this.status = immediate ? 'ready' : 'pending';
      dmabufs.push(this);
    }
    write(_s: Uint8Array, _ss: number, rects: Int32Array) { let n = 0; for (let i = 0; i < rects.length; i += 4) n += rects[i + 2]! * rects[i + 3]! * 4; return n; }
    read() { return new Uint8Array(this.stride * this.height); }
    destroy() { this.destroyed = true; }
  }

  class ShmBuffer implements FakeShm {
    readonly id = nextId++;
    readonly stride: number;
    readonly busy = false;
    destroyed = false;
    copiedFrom: FakeShm['copiedFrom'] = [];
    constructor(_c: NativeConnection, readonly width: number, readonly height: number, readonly shmFormat: number) {
      this.stride = width * 4;
      shms.push(this);
    }
    write(_s: Uint8Array, _ss: number, rects: Int32Array) { let n = 0; for (let i = 0; i < rects.length; i += 4) n += rects[i + 2]! * rects[i + 3]! * 4; return n; }
    read() { return new Uint8Array(this.stride * this.height).fill(this.copiedFrom.length ? 0x5a : 0); }
    copyFromFd(fd: number, offset: number, stride: number) {
      if (fd < 0) throw new Error(`reading the frame's DMA-BUF (fd ${fd}) failed: Bad file descriptor`);
      this.copiedFrom.push({ fd, offset, stride });
      return this.stride * this.height;
    }
    destroy() { this.destroyed = true; }
  }

  class DrmDevice {
    closed = false;
    constructor(readonly path: string) {
      if (!(w.dri ?? []).some((n) => `/dev/dri/${n}` === path) && !(path === '/dev/udmabuf' && w.udmabuf)) {
        throw Object.assign(new Error(`cannot open ${path}: No such file or directory`), { errno: 2 });
      }
      devices.push(this);
    }
    close() { this.closed = true; }
  }

  const system: BuffersSystem = {
    addon: { DmabufBuffer, ShmBuffer, DrmDevice, gbmBuilt: true },
    env: w.env ?? {},
    nodesOf: () => [],
    listDri: () => w.dri ?? [],
    exists: (path) => path === '/dev/udmabuf' && !!w.udmabuf,
  };
  buffers = new WaylandBuffers(connection, (line) => log.push(line), system);
  return { buffers, log, dmabufs, shms, devices, state };
}

/** Lets the compositor's answers (microtasks) arrive. */
const dispatch = () => new Promise<void>((resolve) => setImmediate(resolve));

const frame = (over: Partial<DmaBufFrame> = {}): DmaBufFrame =>
  ({ kind: 'dmabuf', fd: 40, width: 64, height: 48, stride: 256, offset: 0, format: 'XBGR8888', modifier: 0n, ...over });

afterEach(() => { vi.useRealTimers(); });

describe('the allocator the window buffers come from', () => {
  it('first-card-imported-gives-dmabufs-made-immediately', async () => {
    const { buffers, log, dmabufs } = world({ dri: ['card0'], env: { PLANAR_WAYLAND_ALLOCATOR: 'dumb' } });
    await buffers.choose(320, 240);
    expect(buffers.info).toEqual({ name: 'dumb', device: '/dev/dri/card0', passedOver: [{ name: 'gbm', why: 'PLANAR_WAYLAND_ALLOCATOR=dumb' }] });
    expect(buffers.dmabufFormats()).toEqual(['ABGR8888', 'XBGR8888']);
    // The probes (create, not create_immed) are destroyed once answered.
    expect(dmabufs.map((d) => [d.immediate, d.destroyed])).toEqual([[false, true], [false, true]]);
    expect(log).toEqual(['buffers: gbm passed over: PLANAR_WAYLAND_ALLOCATOR=dumb', 'buffers: dumb on /dev/dri/card0 (ABGR8888 LINEAR, XBGR8888 LINEAR)']);

    const buffer = buffers.allocate(320, 240, 'ABGR8888');
    expect(buffer.native).toMatchObject({ kind: 'dumb', immediate: true, fourcc: DRM_FORMATS.ABGR8888, modifier: MOD_LINEAR, width: 320 });
    expect(buffer.write(new Uint8Array(320 * 240 * 4), 1280, [{ x: 0, y: 10, width: 320, height: 2 }])).toBe(320 * 2 * 4);
  });

  it('a-format-the-compositor-did-not-import-is-shared-memory', async () => {
    const { buffers, shms } = world({ dri: ['card0'], answer: (b) => b.fourcc === DRM_FORMATS.XBGR8888 });
    await buffers.choose(320, 240);
    expect(buffers.dmabufFormats()).toEqual(['XBGR8888']);
    const buffer = buffers.allocate(320, 240, 'ABGR8888');
    expect(shms).toEqual([buffer.native]);
  });

  it.each([
    { allocator: 'gbm', machine: { dri: ['card0'] } },
    { allocator: 'dumb', machine: { dri: ['card0'] } },
    { allocator: 'udmabuf', machine: { udmabuf: true } },
  ])('allocation-fails-mid-run-falls-back-to-shm-once ($allocator)', async ({ allocator, machine }) => {
    const { buffers, log, shms, devices, state } = world({ ...machine, env: { PLANAR_WAYLAND_ALLOCATOR: allocator } });
    await buffers.choose(320, 240);
    expect(buffers.info.name).toBe(allocator);
    const first = buffers.allocate(320, 240, 'ABGR8888');
    const before = log.length;

    state.allocationError = `allocating a ${allocator} buffer failed: Cannot allocate memory`;
    const second = buffers.allocate(320, 240, 'ABGR8888');
    const third = buffers.allocate(320, 240, 'ABGR8888');

    // Both frames still get a buffer, from shared memory; the DMA-BUF already in use stays.
    expect(shms).toEqual([second.native, third.native]);
    expect(second.native).toMatchObject({ width: 320, height: 240 });
    expect((first.native as FakeDmabuf).destroyed).toBe(false);
    expect(log.slice(before)).toEqual([`buffers: allocating a 320x240 ABGR8888 buffer failed: allocating a ${allocator} buffer failed: Cannot allocate memory; shared memory from now on`]);
    expect(buffers.info.name).toBe('shm');
    expect(buffers.info.passedOver.at(-1)).toEqual({ name: allocator, why: expect.stringContaining('Cannot allocate memory') });
    expect(buffers.dmabufFormats()).toEqual([]);
    expect(devices.map((d) => d.closed)).toEqual([true]);
  });

  it('no-dmabuf-global-is-shared-memory-and-says-why', async () => {
    const { buffers, log, shms } = world({ offer: null, dri: ['card0'] });
    await buffers.choose(320, 240);
    expect(buffers.info.name).toBe('shm');
    expect(buffers.info.passedOver.map((p) => p.why)).toEqual(Array(3).fill('the compositor does not offer zwp_linux_dmabuf_v1'));
    expect(log.at(-1)).toBe('buffers: shm');
    expect(buffers.allocate(320, 240, 'XBGR8888').native).toBe(shms[0]);
  });

  it('a-compositor-that-never-answers-is-passed-over-after-3-s', async () => {
    vi.useFakeTimers();
    const { buffers, dmabufs } = world({ dri: ['card0'], env: { PLANAR_WAYLAND_ALLOCATOR: 'gbm' }, answer: () => 'never' });
    const choosing = buffers.choose(320, 240);
    await vi.advanceTimersByTimeAsync(3000);
    await vi.advanceTimersByTimeAsync(3000);
    await choosing;
    expect(buffers.info.name).toBe('shm');
    expect(buffers.info.passedOver.find((p) => p.name === 'gbm')?.why).toContain('the compositor did not answer within 3 s');
    expect(dmabufs.every((d) => d.destroyed)).toBe(true);
  });

  it('a-refused-modifier-is-passed-over-with-the-refusal', async () => {
    const { buffers } = world({ dri: ['card0'], env: { PLANAR_WAYLAND_DMABUF_MODIFIER: '0x0100000000000002' }, answer: () => false });
    await buffers.choose(320, 240);
    expect(buffers.info.name).toBe('shm');
    expect(buffers.info.passedOver.find((p) => p.name === 'dumb')?.why)
      .toBe('no buffer of it was imported: ABGR8888 (0x100000000000002): the compositor refused to import it (zwp_linux_buffer_params_v1.failed); XBGR8888 (0x100000000000002): the compositor refused to import it (zwp_linux_buffer_params_v1.failed)');
  });

});

describe('ExternalLayer frames', () => {
  it('external-import-refused-is-copied-and-remembered', async () => {
    const { buffers, log, dmabufs, shms } = world({ answer: (b) => b.source.kind !== 'import' });
    const first = buffers.importFrame(frame());
    // The compositor is asked with the frame's own fd, format and modifier; the frame is copied meanwhile.
    expect(dmabufs).toHaveLength(1);
    expect(dmabufs[0]).toMatchObject({ source: { kind: 'import', fd: 40, offset: 0, stride: 256 }, fourcc: DRM_FORMATS.XBGR8888, modifier: 0n, immediate: false });
    expect(first.native).toBe(shms[0]);
    expect(shms[0]!.copiedFrom).toEqual([{ fd: 40, offset: 0, stride: 256 }]);
    expect(first.pixels?.[0]).toBe(0x5a);

    await dispatch();
    expect(dmabufs[0]!.destroyed).toBe(true);
    expect(log).toEqual(['buffers: external XBGR8888 (LINEAR) DMA-BUFs are copied into shared memory: the compositor refused to import it (zwp_linux_buffer_params_v1.failed)']);

    const second = buffers.importFrame(frame({ fd: 41 }));
    expect(dmabufs).toHaveLength(1);
    expect((second.native as FakeShm).copiedFrom).toEqual([{ fd: 41, offset: 0, stride: 256 }]);

    // Another format is a question of its own.
    buffers.importFrame(frame({ format: 'ABGR8888' }));
    expect(dmabufs).toHaveLength(2);
  });

  it('external-import-accepted-is-zero-copy', async () => {
    const { buffers, log, dmabufs, shms } = world({});
    buffers.importFrame(frame());
    // A frame arriving while the compositor is being asked is copied, and asks nothing more.
    buffers.importFrame(frame({ fd: 41 }));
    expect(dmabufs).toHaveLength(1);
    expect(shms.map((s) => s.copiedFrom.length)).toEqual([1, 1]);
    await dispatch();
    expect(log).toEqual(['buffers: the compositor imports external XBGR8888 (LINEAR) DMA-BUFs: shown without a copy from the next frame']);

    const shown = buffers.importFrame(frame({ fd: 42, offset: 4096 }));
    expect(shown.native).toMatchObject({ kind: 'import', immediate: true, source: { fd: 42, offset: 4096, stride: 256 }, modifier: 0n });
    expect(shown.modifier).toBe(0n);
    expect(shms).toHaveLength(2);
    expect(shms.map((s) => s.copiedFrom.length)).toEqual([1, 1]);
  });

  it.each([
    { answer: true, next: 'shown as it is' },
    { answer: false, next: 'refused again' },
  ])('tiled-external-frame-first-of-its-format ($next)', async ({ answer }) => {
    const { buffers, dmabufs, shms } = world({ answer: () => answer });
    const tiled = frame({ modifier: I915_X_TILED });
    expect(() => buffers.importFrame(tiled)).toThrow(
      'an ExternalLayer frame has DRM modifier 0x100000000000001 (tiled), which the compositor does not import and the CPU cannot copy (the compositor is being asked whether it imports it; a later frame may show); ask the producer for linear buffers');
    // The question went out all the same, and nothing was allocated to copy into.
    expect(dmabufs).toEqual([expect.objectContaining({ modifier: I915_X_TILED, immediate: false })]);
    expect(shms).toEqual([]);
    await dispatch();
    if (answer) {
      expect(buffers.importFrame(tiled).native).toMatchObject({ kind: 'import', modifier: I915_X_TILED, immediate: true });
    } else {
      expect(() => buffers.importFrame(tiled)).toThrow('an ExternalLayer frame has DRM modifier 0x100000000000001 (tiled), which the compositor does not import and the CPU cannot copy; ask the producer for linear buffers');
    }
  });

  it('external-frames-without-a-dmabuf-global-are-copied-without-asking', () => {
    const { buffers, dmabufs, shms } = world({ offer: null });
    buffers.importFrame(frame());
    buffers.importFrame(frame());
    expect(dmabufs).toEqual([]);
    expect(shms.map((s) => s.copiedFrom.length)).toEqual([1, 1]);
  });

  it('an-external-frame-that-cannot-be-read-leaks-no-buffer', () => {
    const { buffers, shms } = world({ offer: null });
    expect(() => buffers.importFrame(frame({ fd: -1 }))).toThrow('Bad file descriptor');
    expect(shms.map((s) => s.destroyed)).toEqual([true]);
  });

  it('implicit-modifier-external-frame-is-not-copied', async () => {
    // A frame with the implicit modifier may be tiled: only LINEAR frames are copied by the CPU.
    const { buffers } = world({ answer: () => false });
    expect(() => buffers.importFrame(frame({ modifier: MOD_INVALID }))).toThrow('ask the producer for linear buffers');
  });

  it('close-while-asking-about-an-external-format-destroys-the-question', async () => {
    const { buffers, dmabufs } = world({ answer: () => 'never' });
    buffers.importFrame(frame());
    buffers.close();
    expect(dmabufs.map((d) => d.destroyed)).toEqual([true]);
  });

  it('pixel-frames-are-copied-once-into-shared-memory', () => {
    const { buffers, shms, dmabufs } = world({});
    const pixels = new Uint8Array(8 * 4 * 4);
    const buffer = buffers.importFrame({ kind: 'pixels', width: 8, height: 4, format: 'ARGB8888', pixels });
    expect(buffer.native).toBe(shms[0]);
    expect(buffer.pixels).toBe(pixels);
    expect(dmabufs).toEqual([]);
  });
});
