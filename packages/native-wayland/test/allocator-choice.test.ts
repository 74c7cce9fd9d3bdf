import { describe, expect, it } from 'vitest';
import { allocatorChain, chooseAllocator, type AllocatorName, type AllocatorPorts, type DmabufOffer } from '../src/allocator-choice.js';
import { DRM_FORMATS, MOD_INVALID, MOD_LINEAR, type DmabufFormat } from '../src/dmabuf-formats.js';

const XBGR: DmabufFormat = { format: 'XBGR8888', fourcc: DRM_FORMATS.XBGR8888, modifier: MOD_INVALID };
const ABGR: DmabufFormat = { format: 'ABGR8888', fourcc: DRM_FORMATS.ABGR8888, modifier: MOD_INVALID };

/** A machine as the choice sees it: its DRM nodes, which open, and what the compositor imports. */
interface Machine {
  /** sysfs: the nodes of each "major:minor". */
  sysfs?: Record<string, string[]>;
  dri?: string[];
  udmabuf?: boolean;
  /** Paths that refuse to open, with their errno. */
  refuse?: Record<string, number>;
  gbmBuilt?: boolean;
  /** What the compositor answers per allocator: imported, or why not (allocation errors included). */
  imports?: Partial<Record<AllocatorName, true | string>>;
}

function machine(m: Machine) {
  const opened: string[] = [];
  const probes: string[] = [];
  const ports: AllocatorPorts<{ path: string }> = {
    nodesOf: (major, minor) => m.sysfs?.[`${major}:${minor}`] ?? [],
    listDri: () => m.dri ?? [],
    exists: (path) => path === '/dev/udmabuf' && !!m.udmabuf,
    open: (path) => {
      const errno = m.refuse?.[path] ?? ((m.dri ?? []).some((n) => `/dev/dri/${n}` === path) || (path === '/dev/udmabuf' && m.udmabuf) ? 0 : 2);
      if (errno) throw Object.assign(new Error(`cannot open ${path}: ${errno === 13 ? 'Permission denied' : 'No such file or directory'}`), { errno });
      opened.push(path);
      return { path };
    },
    gbmBuilt: m.gbmBuilt ?? true,
    probe: async (allocator, device, format) => {
      probes.push(`${allocator} ${device.path} ${format.format}`);
      const answer = m.imports?.[allocator] ?? 'the compositor refused to import it';
      return answer === true ? null : answer;
    },
  };
  return { ports, opened, probes };
}

const v3: DmabufOffer = { version: 3, mainDevice: null, formats: [XBGR, ABGR] };
const v4 = (major: number, minor: number): DmabufOffer => ({ version: 4, mainDevice: { major, minor }, formats: [XBGR, ABGR] });
const auto = allocatorChain(undefined);

describe('choosing where the buffers come from', () => {
  it('feedback-v4-device-takes-gbm-on-its-render-node', async () => {
    const { ports, probes } = machine({ sysfs: { '226:128': ['card1', 'renderD128'] }, dri: ['card1', 'renderD128'], imports: { gbm: true } });
    const choice = await chooseAllocator(v4(226, 128), auto, undefined, ports);
    expect(choice).toMatchObject({ name: 'gbm', device: '/dev/dri/renderD128', passedOver: [] });
    expect(choice.formats.map((f) => f.format)).toEqual(['XBGR8888', 'ABGR8888']);
    expect(probes).toEqual(['gbm /dev/dri/renderD128 XBGR8888', 'gbm /dev/dri/renderD128 ABGR8888']);
  });

  it('feedback-v4-device-without-render-node-takes-its-primary-node', async () => {
    const { ports } = machine({ sysfs: { '226:0': ['card0'] }, dri: ['card0'], imports: { gbm: true } });
    expect(await chooseAllocator(v4(226, 0), auto, undefined, ports)).toMatchObject({ name: 'gbm', device: '/dev/dri/card0' });
  });

  it('v3-without-feedback-takes-the-first-card-that-opens', async () => {
    const { ports, opened } = machine({ dri: ['card1', 'card0', 'renderD128'], refuse: { '/dev/dri/card0': 13 }, gbmBuilt: false, imports: { dumb: true } });
    const choice = await chooseAllocator(v3, auto, undefined, ports);
    expect(choice).toMatchObject({ name: 'dumb', device: '/dev/dri/card1' });
    expect(choice.passedOver).toEqual([{ name: 'gbm', why: expect.stringContaining('no GBM') }]);
    expect(opened).toEqual(['/dev/dri/card1']);
  });

  it('v3-with-PLANAR_WAYLAND_DRM_DEVICE-uses-that-node', async () => {
    const { ports } = machine({ dri: ['card0', 'card1'], imports: { gbm: true } });
    expect(await chooseAllocator(v3, auto, '/dev/dri/card1', ports)).toMatchObject({ name: 'gbm', device: '/dev/dri/card1' });
  });

  it('no-device-falls-to-udmabuf-then-shm', async () => {
    const { ports } = machine({ dri: [], udmabuf: true, imports: { udmabuf: true } });
    const choice = await chooseAllocator(v3, auto, undefined, ports);
    expect(choice).toMatchObject({ name: 'udmabuf', device: '/dev/udmabuf' });
    expect(choice.passedOver.map((p) => [p.name, p.why])).toEqual([
      ['gbm', expect.stringContaining('no DRM device')],
      ['dumb', expect.stringContaining('no DRM device')],
    ]);
  });

  it('no-device-and-no-udmabuf-is-shared-memory', async () => {
    const { ports } = machine({});
    const choice = await chooseAllocator(v3, auto, undefined, ports);
    expect(choice.name).toBe('shm');
    expect(choice.passedOver.map((p) => p.name)).toEqual(['gbm', 'dumb', 'udmabuf']);
    expect(choice.passedOver[2]!.why).toContain('/dev/udmabuf does not exist');
  });

  it('permission-denied-names-the-node-and-what-to-do', async () => {
    const { ports } = machine({ sysfs: { '226:0': ['card0'] }, dri: ['card0'], refuse: { '/dev/dri/card0': 13 } });
    const choice = await chooseAllocator(v4(226, 0), auto, undefined, ports);
    expect(choice.name).toBe('shm');
    expect(choice.passedOver[0]).toEqual({ name: 'gbm', why: expect.stringMatching(/cannot open \/dev\/dri\/card0: Permission denied — add the user to the "video"/) });
    expect(choice.passedOver[1]!.name).toBe('dumb');
  });

  it('import-refused-moves-to-the-next-allocator-and-says-why', async () => {
    const { ports } = machine({ dri: ['card0'], imports: { gbm: 'the compositor refused to import it (zwp_linux_buffer_params_v1.failed)', dumb: true } });
    const choice = await chooseAllocator(v3, auto, undefined, ports);
    expect(choice).toMatchObject({ name: 'dumb', device: '/dev/dri/card0', unused: [] });
    expect(choice.passedOver).toEqual([{ name: 'gbm', why: expect.stringContaining('XBGR8888 (implicit): the compositor refused') }]);
  });

  it('an-allocation-error-is-a-reason-too', async () => {
    const { ports } = machine({ dri: ['card0'], imports: { gbm: 'gbm_create_device on /dev/dri/card0 (no GBM driver for this device)', dumb: true } });
    const choice = await chooseAllocator(v3, auto, undefined, ports);
    expect(choice.passedOver[0]!.why).toContain('no GBM driver');
  });

  it('a-compositor-without-linux-dmabuf-is-shared-memory', async () => {
    const { ports, opened } = machine({ dri: ['card0'], udmabuf: true, imports: { gbm: true } });
    const choice = await chooseAllocator(null, auto, undefined, ports);
    expect(choice.name).toBe('shm');
    expect(choice.passedOver.every((p) => p.why === 'the compositor does not offer zwp_linux_dmabuf_v1')).toBe(true);
    expect(opened).toEqual([]);
  });

  it('a-compositor-with-no-linear-rgb-format-is-shared-memory', async () => {
    const { ports } = machine({ dri: ['card0'], imports: { gbm: true } });
    const choice = await chooseAllocator({ ...v3, formats: [] }, auto, undefined, ports);
    expect(choice.name).toBe('shm');
    expect(choice.passedOver[0]!.why).toContain('imports none of the RGB formats');
  });

  it('PLANAR_WAYLAND_ALLOCATOR=dumb-skips-gbm', async () => {
    const { ports, probes } = machine({ dri: ['card0'], imports: { gbm: true, dumb: true } });
    const choice = await chooseAllocator(v3, allocatorChain('dumb'), undefined, ports);
    expect(choice).toMatchObject({ name: 'dumb', passedOver: [{ name: 'gbm', why: 'PLANAR_WAYLAND_ALLOCATOR=dumb' }] });
    expect(probes.every((p) => p.startsWith('dumb'))).toBe(true);
  });

  it('PLANAR_WAYLAND_ALLOCATOR=shm-asks-nothing', async () => {
    const { ports, opened, probes } = machine({ dri: ['card0'], imports: { gbm: true } });
    const choice = await chooseAllocator(v3, allocatorChain('shm'), undefined, ports);
    expect(choice.name).toBe('shm');
    expect([opened, probes]).toEqual([[], []]);
  });

  it('one-refused-format-leaves-the-others', async () => {
    const { ports } = machine({ dri: ['card0'] });
    ports.probe = async (_a, _d, format) => (format.format === 'ABGR8888' ? 'refused' : null);
    const choice = await chooseAllocator(v3, auto, undefined, ports);
    expect(choice.formats.map((f) => f.format)).toEqual(['XBGR8888']);
  });

  it('a-refused-LINEAR-falls-back-to-the-implicit-modifier-of-the-same-format', async () => {
    const { ports } = machine({ dri: ['card0'] });
    const asked: string[] = [];
    ports.probe = async (_a, _d, format) => {
      asked.push(`${format.format} ${format.modifier === MOD_LINEAR ? 'LINEAR' : 'implicit'}`);
      return format.modifier === MOD_LINEAR ? 'the compositor refused to import it' : null;
    };
    const offer: DmabufOffer = { version: 3, mainDevice: null, formats: [{ ...ABGR, modifier: MOD_LINEAR }, ABGR] };
    const choice = await chooseAllocator(offer, auto, undefined, ports);
    expect(choice.formats).toEqual([ABGR]);
    expect(asked).toEqual(['ABGR8888 LINEAR', 'ABGR8888 implicit']);
  });

  it('an-accepted-LINEAR-is-used-and-the-implicit-modifier-is-not-asked', async () => {
    const { ports, probes } = machine({ dri: ['card0'], imports: { gbm: true } });
    const offer: DmabufOffer = { version: 3, mainDevice: null, formats: [{ ...ABGR, modifier: MOD_LINEAR }, ABGR] };
    const choice = await chooseAllocator(offer, auto, undefined, ports);
    expect(choice.formats.map((f) => f.modifier)).toEqual([MOD_LINEAR]);
    expect(probes).toEqual(['gbm /dev/dri/card0 ABGR8888']);
  });

  it('an-unknown-PLANAR_WAYLAND_ALLOCATOR-names-the-valid-values', () => {
    expect(() => allocatorChain('vulkan')).toThrow(/use auto, dmabuf, gbm, dumb, udmabuf or shm/);
    expect(allocatorChain('dmabuf')).toEqual(['gbm', 'dumb', 'udmabuf', 'shm']);
  });
});
