/**
 * Where the window's buffers come from: the first allocator in the chain whose buffers the
 * compositor imports.
 *
 *   gbm      GBM on the compositor's device: the render node, else the primary node
 *   dumb     DRM dumb buffers on the device's primary node (render nodes refuse them)
 *   udmabuf  a memfd made a DMA-BUF by /dev/udmabuf
 *   shm      wl_shm, always there (the backend requires it)
 *
 * The device: zwp_linux_dmabuf_v1 version 4's main device (a dev_t, whose nodes sysfs lists);
 * with version 3 only, the node PLANAR_WAYLAND_DRM_DEVICE names, else the first /dev/dri/card*
 * that opens. Each allocator is asked, once per format, whether the compositor imports its
 * buffer (a non-immediate create: a refusal is a `failed` event, never a protocol error); an
 * allocator none of whose formats imports is passed over, with the reason kept for
 * `info.allocator.passedOver` and the log. PLANAR_WAYLAND_ALLOCATOR limits the chain to one
 * allocator (or 'dmabuf': the three DMA-BUF ones); shm stays the last resort.
 *
 * Everything the outside world answers comes through `AllocatorPorts`, so the choice is tested
 * against fakes (no compositor, no device).
 */
import { modifierName, type DmabufFormat } from './dmabuf-formats.js';

export type AllocatorName = 'gbm' | 'dumb' | 'udmabuf' | 'shm';
export const ALLOCATORS: readonly AllocatorName[] = ['gbm', 'dumb', 'udmabuf', 'shm'];

export interface PassedOver { name: AllocatorName; why: string }

/** The nodes of one DRM device, as paths. */
export interface DrmNodes { render?: string; primary?: string; how: string }

/** What the choice asks of the system and the compositor (native in the backend, fakes in tests). */
export interface AllocatorPorts<Device> {
  /** Node names (card0, renderD128) of the DRM device major:minor; [] when sysfs does not know it. */
  nodesOf(major: number, minor: number): string[];
  /** The names in /dev/dri (card0, card1, renderD128…); [] when there is none. */
  listDri(): string[];
  /** Whether a path exists (/dev/udmabuf). */
  exists(path: string): boolean;
  /** Opens a node; throws an Error with `errno` set when it cannot. */
  open(path: string): Device;
  /** Whether this build can allocate with GBM. */
  gbmBuilt: boolean;
  /** Asks the compositor to import one buffer: null when it does, else why not (a refusal, an allocation error). */
  probe(allocator: Exclude<AllocatorName, 'shm'>, device: Device, format: DmabufFormat): Promise<string | null>;
}

/** What the compositor said about DMA-BUFs; null when it offers no zwp_linux_dmabuf_v1. */
export interface DmabufOffer {
  version: number;
  mainDevice: { major: number; minor: number } | null;
  /** The formats it imports linearly, in the order to use them (chooseDmabufFormats). */
  formats: DmabufFormat[];
}

export interface AllocatorChoice<Device> {
  name: AllocatorName;
  /** The node allocated on (gbm, dumb: a DRM node; udmabuf: /dev/udmabuf). */
  device?: string;
  handle?: Device;
  /** The formats whose buffers the compositor imported (empty for shm). */
  formats: DmabufFormat[];
  passedOver: PassedOver[];
  /** Devices opened along the way and not chosen: the caller closes them. */
  unused: Device[];
}

const DRI = '/dev/dri';
export const UDMABUF = '/dev/udmabuf';

/** The chain PLANAR_WAYLAND_ALLOCATOR asks for; throws naming the valid values. */
export function allocatorChain(forced: string | undefined): AllocatorName[] {
  const value = (forced ?? 'auto').trim().toLowerCase();
  if (value === '' || value === 'auto') return [...ALLOCATORS];
  if (value === 'dmabuf') return ['gbm', 'dumb', 'udmabuf', 'shm'];
  if ((ALLOCATORS as readonly string[]).includes(value)) return value === 'shm' ? ['shm'] : [value as AllocatorName, 'shm'];
  throw new Error(`PLANAR_WAYLAND_ALLOCATOR=${forced} is not an allocator: use auto, dmabuf, gbm, dumb, udmabuf or shm`);
}

/** The device's nodes: the feedback's main device, else PLANAR_WAYLAND_DRM_DEVICE; null: search the cards. */
export function devicesFromOffer<D>(offer: DmabufOffer, envDevice: string | undefined, ports: AllocatorPorts<D>): DrmNodes | null {
  if (offer.mainDevice) {
    const { major, minor } = offer.mainDevice;
    const names = ports.nodesOf(major, minor);
    const render = names.find((n) => n.startsWith('renderD'));
    const primary = names.find((n) => n.startsWith('card'));
    if (render || primary) {
      return { render: render && `${DRI}/${render}`, primary: primary && `${DRI}/${primary}`, how: `the compositor's main device ${major}:${minor}` };
    }
  }
  if (envDevice) {
    const base = envDevice.split('/').pop() ?? '';
    return base.startsWith('renderD') ? { render: envDevice, how: 'PLANAR_WAYLAND_DRM_DEVICE' } : { primary: envDevice, how: 'PLANAR_WAYLAND_DRM_DEVICE' };
  }
  return null;
}

function openError(error: unknown): string {
  const e = error as Error & { errno?: number };
  const hint = e.errno === 13 ? ' — add the user to the "video" and "render" groups, or run under a seat manager' : '';
  return `${e.message}${hint}`;
}

/** Picks the allocator (see the file's comment). Never throws for what the system or compositor answers. */
export async function chooseAllocator<D>(offer: DmabufOffer | null, chain: readonly AllocatorName[], envDevice: string | undefined, ports: AllocatorPorts<D>): Promise<AllocatorChoice<D>> {
  const passedOver: PassedOver[] = [];
  const opened = new Map<string, D>();
  const failedOpen = new Map<string, string>();
  const open = (path: string): D | string => {
    if (opened.has(path)) return opened.get(path)!;
    if (failedOpen.has(path)) return failedOpen.get(path)!;
    try {
      const device = ports.open(path);
      opened.set(path, device);
      return device;
    } catch (error) {
      failedOpen.set(path, openError(error));
      return failedOpen.get(path)!;
    }
  };
  const finish = (name: AllocatorName, device?: string, formats: DmabufFormat[] = []): AllocatorChoice<D> => {
    const handle = device ? opened.get(device) : undefined;
    return { name, device, handle, formats, passedOver, unused: [...opened.entries()].filter(([p]) => p !== device).map(([, d]) => d) };
  };

  let nodes: DrmNodes | null | undefined;
  // v3 without PLANAR_WAYLAND_DRM_DEVICE: the first card that opens is the device.
  const findNodes = (): DrmNodes | string => {
    if (nodes !== undefined) return nodes ?? 'no DRM device';
    nodes = offer ? devicesFromOffer(offer, envDevice, ports) : null;
    if (nodes) return nodes;
    const cards = ports.listDri().filter((n) => /^card\d+$/.test(n)).sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
    if (!cards.length) return 'no DRM device: /dev/dri has no card node (and the compositor named none)';
    const refused: string[] = [];
    for (const card of cards) {
      const result = open(`${DRI}/${card}`);
      if (typeof result !== 'string') {
        nodes = { primary: `${DRI}/${card}`, how: 'the first card that opens' };
        return nodes;
      }
      refused.push(result);
    }
    nodes = null;
    return `no DRM card could be opened (${refused.join('; ')})`;
  };

  for (const name of ALLOCATORS) {
    if (name === 'shm') return finish('shm');
    if (!chain.includes(name)) {
      passedOver.push({ name, why: `PLANAR_WAYLAND_ALLOCATOR=${chain.length === 2 ? chain[0] : chain.join(',')}` });
      continue;
    }
    if (!offer) { passedOver.push({ name, why: 'the compositor does not offer zwp_linux_dmabuf_v1' }); continue; }
    if (!offer.formats.length) { passedOver.push({ name, why: 'the compositor imports none of the RGB formats Planar draws in with a linear or implicit modifier' }); continue; }
    if (name === 'gbm' && !ports.gbmBuilt) { passedOver.push({ name, why: 'this build has no GBM (libgbm-dev was missing when the addon was built)' }); continue; }
    let path: string | undefined;
    if (name === 'udmabuf') {
      if (!ports.exists(UDMABUF)) { passedOver.push({ name, why: `${UDMABUF} does not exist (the udmabuf module is not loaded)` }); continue; }
      path = UDMABUF;
    } else {
      const found = findNodes();
      if (typeof found === 'string') { passedOver.push({ name, why: found }); continue; }
      path = name === 'gbm' ? found.render ?? found.primary : found.primary;
      if (!path) { passedOver.push({ name, why: `${found.how} has no primary node to allocate dumb buffers on (render nodes refuse them)` }); continue; }
    }
    const device = open(path);
    if (typeof device === 'string') { passedOver.push({ name, why: device }); continue; }
    const imported: DmabufFormat[] = [];
    const refusals: string[] = [];
    for (const format of offer.formats) {
      // Candidates of one format come in preference order: once one is imported, the rest are not asked.
      if (imported.some((f) => f.format === format.format)) continue;
      const refusal = await ports.probe(name, device, format);
      if (refusal === null) imported.push(format);
      else refusals.push(`${format.format} (${modifierName(format.modifier)}): ${refusal}`);
    }
    if (imported.length) return finish(name, path, imported);
    passedOver.push({ name, why: `no buffer of it was imported: ${refusals.join('; ')}` });
  }
  return finish('shm');
}
