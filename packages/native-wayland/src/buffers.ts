/**
 * The window's buffers and external frames, on the allocator chosen at open (allocator-choice.ts).
 *
 *   open       the chain is walked once the window's size is known; each DMA-BUF allocator is
 *              asked (create, not create_immed) whether the compositor imports its buffers
 *   allocate   a DMA-BUF of a format the compositor imported (create_immed from then on), else
 *              shared memory; an allocation that fails mid-run moves to shared memory for good
 *              (never to an allocator the compositor was not asked about) and says so once
 *   import     an external frame's DMA-BUF goes to the compositor as it is (zero bytes copied)
 *              once the compositor has imported one of its format/modifier; the first frame of
 *              each is copied once into shared memory while the compositor is asked, and a
 *              refusal keeps them copied
 *
 * The addon, the environment and the filesystem come through `BuffersSystem` (the native ones by
 * default), so all of the above is tested against fakes.
 */
import { isVideoFormat, packRects, swapsRB, type DamageRect, type DisplayBuffer, type DmaBufFrame, type ExternalFrame, type OutputInfo, type PixelFormat } from '@planar/toolkit/backend';
import { existsSync, readdirSync } from 'node:fs';
import { allocatorChain, chooseAllocator, type AllocatorChoice, type AllocatorPorts } from './allocator-choice.js';
import { chooseDmabufFormats, DRM_FORMATS, modifierName, parseModifier, type DmabufFormat } from './dmabuf-formats.js';
import { SHM_CODES } from './formats.js';
import { loadAddon, type Addon, type NativeConnection, type NativeDmabufBuffer, type NativeDrmDevice, type NativeShmBuffer } from './native.js';

/** A DMA-BUF frame in an RGB format, which the compositor may import. */
type RgbDmaBufFrame = DmaBufFrame & { format: PixelFormat };

const ANSWER_TIMEOUT_MS = 3000;

export type NativeBuffer = NativeShmBuffer | NativeDmabufBuffer;

/** A buffer the window or a subsurface attaches: shared memory or a DMA-BUF. */
export class WaylandBuffer implements DisplayBuffer {
  constructor(readonly native: NativeBuffer, readonly format: PixelFormat, readonly modifier?: bigint, readonly pixels?: Uint8Array) {}
  get id() { return this.native.id; }
  get width() { return this.native.width; }
  get height() { return this.native.height; }
  get stride() { return this.native.stride; }
  get busy() { return this.native.busy; }
  write(source: Uint8Array, sourceStride: number, rects: readonly DamageRect[]): number {
    return this.native.write(source, sourceStride, packRects(rects), swapsRB(this.format));
  }
  destroy(): void {
    this.native.destroy();
  }
}

type Allocator = NonNullable<OutputInfo['allocator']>;

/** What the buffers ask of the addon and the system: `nativeSystem()` in the backend, fakes in tests. */
export interface BuffersSystem {
  addon: Pick<Addon, 'ShmBuffer' | 'DmabufBuffer' | 'DrmDevice' | 'gbmBuilt'>;
  /** PLANAR_WAYLAND_ALLOCATOR, PLANAR_WAYLAND_DRM_DEVICE and PLANAR_WAYLAND_DMABUF_MODIFIER are read here, at choose(). */
  env: Readonly<Record<string, string | undefined>>;
  /** Node names (card0, renderD128) of the DRM device major:minor, from sysfs; [] when unknown. */
  nodesOf(major: number, minor: number): string[];
  /** The names in /dev/dri; [] when there is none. */
  listDri(): string[];
  exists(path: string): boolean;
}

/** The built addon, this process's environment and the real /sys and /dev. */
export function nativeSystem(): BuffersSystem {
  return {
    addon: loadAddon(),
    env: process.env,
    nodesOf: (major, minor) => { try { return readdirSync(`/sys/dev/char/${major}:${minor}/device/drm`); } catch { return []; } },
    listDri: () => { try { return readdirSync('/dev/dri'); } catch { return []; } },
    exists: (path) => existsSync(path),
  };
}

export class WaylandBuffers {
  private choice: AllocatorChoice<NativeDrmDevice> | null = null;
  private formats = new Map<PixelFormat, DmabufFormat>();
  private readonly answers = new Map<number, (imported: boolean | null) => void>();
  /** Whether the compositor imports external DMA-BUFs, by "fourcc:modifier"; 'asking' while it is asked. */
  private readonly externalImports = new Map<string, boolean | 'asking'>();
  info: Allocator = { name: 'shm', passedOver: [] };

  private readonly addon: BuffersSystem['addon'];

  constructor(private readonly connection: NativeConnection, private readonly log: (line: string) => void, private readonly system: BuffersSystem = nativeSystem()) {
    this.addon = system.addon;
  }

  /** Walks the allocator chain with buffers of the window's size; the result is `info`. */
  async choose(width: number, height: number): Promise<void> {
    const { addon, env } = this.system;
    const offer = this.connection.dmabuf();
    const forcedModifier = parseModifier(env.PLANAR_WAYLAND_DMABUF_MODIFIER);
    const formats = offer ? chooseDmabufFormats(offer.formats, forcedModifier) : [];
    const ports: AllocatorPorts<NativeDrmDevice> = {
      nodesOf: (major, minor) => this.system.nodesOf(major, minor),
      listDri: () => this.system.listDri(),
      exists: (path) => this.system.exists(path),
      open: (path) => new addon.DrmDevice(path),
      gbmBuilt: addon.gbmBuilt,
      probe: (kind, device, format) => this.ask(() => new addon.DmabufBuffer(this.connection, { kind, device }, width, height, format.fourcc, format.modifier, false)),
    };
    const chain = allocatorChain(env.PLANAR_WAYLAND_ALLOCATOR);
    this.choice = await chooseAllocator(offer && { ...offer, formats }, chain, env.PLANAR_WAYLAND_DRM_DEVICE, ports);
    for (const unused of this.choice.unused) unused.close();
    for (const f of this.choice.formats) this.formats.set(f.format, f);
    this.info = { name: this.choice.name, ...(this.choice.device ? { device: this.choice.device } : {}), passedOver: this.choice.passedOver };
    for (const p of this.choice.passedOver) this.log(`buffers: ${p.name} passed over: ${p.why}`);
    const what = this.choice.formats.map((f) => `${f.format} ${modifierName(f.modifier)}`).join(', ');
    this.log(`buffers: ${this.choice.name}${this.choice.device ? ` on ${this.choice.device}` : ''}${what ? ` (${what})` : ''}`);
  }

  /** The formats DMA-BUFs are allocated in, best first (empty on shared memory). */
  dmabufFormats(): PixelFormat[] {
    return [...this.formats.keys()];
  }

  /** A non-immediate import: null when the compositor imported it, else why not. The buffer is destroyed either way. */
  private ask(make: () => NativeDmabufBuffer): Promise<string | null> {
    let buffer: NativeDmabufBuffer;
    try {
      buffer = make();
    } catch (error) {
      return Promise.resolve((error as Error).message);
    }
    this.connection.flush();
    return new Promise((resolve) => {
      const timer = setTimeout(() => answer(null), ANSWER_TIMEOUT_MS);
      const answer = (imported: boolean | null) => {
        clearTimeout(timer);
        this.answers.delete(buffer.id);
        buffer.destroy();
        resolve(imported ? null : imported === false ? 'the compositor refused to import it (zwp_linux_buffer_params_v1.failed)' : `the compositor did not answer within ${ANSWER_TIMEOUT_MS / 1000} s`);
      };
      this.answers.set(buffer.id, answer);
    });
  }

  /** The connection's `dmabuf-answer` event. */
  onAnswer(id: number, imported: boolean): void {
    this.answers.get(id)?.(imported);
  }

  allocate(width: number, height: number, format: PixelFormat): WaylandBuffer {
    const addon = this.addon;
    const dmabuf = this.formats.get(format);
    const device = this.choice?.handle;
    if (dmabuf && device && this.choice!.name !== 'shm') {
      try {
        const native = new addon.DmabufBuffer(this.connection, { kind: this.choice!.name as 'gbm' | 'dumb' | 'udmabuf', device }, width, height, dmabuf.fourcc, dmabuf.modifier, true);
        return new WaylandBuffer(native, format, dmabuf.modifier);
      } catch (error) {
        this.fallBackToShm(`allocating a ${width}x${height} ${format} buffer failed: ${(error as Error).message}`);
      }
    }
    return new WaylandBuffer(new addon.ShmBuffer(this.connection, width, height, SHM_CODES[format]), format);
  }

  /** Shared memory from now on; the DMA-BUFs already made stay until the pool lets go of them. */
  private fallBackToShm(why: string): void {
    const from = this.choice!.name;
    this.log(`buffers: ${why}; shared memory from now on`);
    this.formats.clear();
    this.info = { name: 'shm', passedOver: [...this.info.passedOver, { name: from, why }] };
    this.choice!.handle?.close();
    this.choice = { ...this.choice!, name: 'shm', handle: undefined, device: undefined, formats: [] };
  }

  importFrame(frame: ExternalFrame): WaylandBuffer {
    if (frame.kind === 'pixels') {
      // Pixel frames are copied once into shared memory the compositor can read.
      const buffer = this.shmBuffer(frame.width, frame.height, frame.format);
      const stride = frame.stride ?? frame.width * 4;
      buffer.native.write(frame.pixels, stride, packRects([{ x: 0, y: 0, width: frame.width, height: frame.height }]), false);
      return new WaylandBuffer(buffer.native, frame.format, undefined, frame.pixels);
    }
    if (isVideoFormat(frame.format)) {
      // No subsurface here scans YUV out: the producer's RGB reading of the frame is shown.
      if (!frame.read) throw new Error(`an ExternalLayer frame in ${frame.format} needs a read() that gives it as RGB on the Wayland backend: subsurfaces here take RGB buffers only`);
      const { pixels, stride, format } = frame.read();
      return this.importFrame({ kind: 'pixels', width: frame.width, height: frame.height, stride, format, pixels });
    }
    return this.importDmabuf(frame as RgbDmaBufFrame);
  }

  private importDmabuf(frame: RgbDmaBufFrame): WaylandBuffer {
    const modifier = BigInt(frame.modifier);
    const key = `${DRM_FORMATS[frame.format]}:${modifier}`;
    const known = this.connection.dmabuf() ? this.externalImports.get(key) : false;
    if (known === true) {
      const native = new this.addon.DmabufBuffer(this.connection, { kind: 'import', fd: frame.fd, offset: frame.offset, stride: frame.stride }, frame.width, frame.height, DRM_FORMATS[frame.format], modifier, true);
      return new WaylandBuffer(native, frame.format, modifier);
    }
    if (known === undefined) this.askExternal(frame, key, modifier);
    return this.copyFrame(frame, modifier, known === undefined);
  }

  /** Asks the compositor whether it imports this frame's format/modifier; the answer is kept for later frames. */
  private askExternal(frame: RgbDmaBufFrame, key: string, modifier: bigint): void {
    this.externalImports.set(key, 'asking');
    const what = `external ${frame.format} (${modifierName(modifier)}) DMA-BUFs`;
    void this.ask(() => new this.addon.DmabufBuffer(this.connection, { kind: 'import', fd: frame.fd, offset: frame.offset, stride: frame.stride }, frame.width, frame.height, DRM_FORMATS[frame.format], modifier, false))
      .then((refusal) => {
        this.externalImports.set(key, refusal === null);
        this.log(refusal === null ? `buffers: the compositor imports ${what}: shown without a copy from the next frame` : `buffers: ${what} are copied into shared memory: ${refusal}`);
      });
  }

  /** The single copy: a linear DMA-BUF read once into shared memory. */
  private copyFrame(frame: RgbDmaBufFrame, modifier: bigint, asking: boolean): WaylandBuffer {
    if (modifier !== 0n) {
      const pending = asking ? ' (the compositor is being asked whether it imports it; a later frame may show)' : '';
      throw new Error(`an ExternalLayer frame has DRM modifier 0x${modifier.toString(16)} (tiled), which the compositor does not import and the CPU cannot copy${pending}; ask the producer for linear buffers`);
    }
    const buffer = this.shmBuffer(frame.width, frame.height, frame.format);
    try {
      (buffer.native as NativeShmBuffer).copyFromFd(frame.fd, frame.offset, frame.stride);
    } catch (error) {
      buffer.destroy();
      throw error;
    }
    return new WaylandBuffer(buffer.native, frame.format, undefined, buffer.native.read());
  }

  private shmBuffer(width: number, height: number, format: PixelFormat): WaylandBuffer {
    return new WaylandBuffer(new this.addon.ShmBuffer(this.connection, width, height, SHM_CODES[format]), format);
  }

  close(): void {
    for (const answer of [...this.answers.values()]) answer(null);
    this.choice?.handle?.close();
    this.choice = null;
  }
}
