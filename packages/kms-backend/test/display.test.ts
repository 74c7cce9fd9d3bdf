/**
 * The KMS state machine against a mock kernel (mock-kernel.ts), case by case: what each commit
 * sends, when buffers come free, how refusals, lost master, unplugging and exit are handled.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KmsDisplay } from '../src/display.js';
import { MockKernel } from './mock-kernel.js';
import { ENV, PI5, VKMS, closeOpened, layer, open, opened, show } from './mock-display.js';

afterEach(closeOpened);

describe('KMS display (mock kernel)', () => {
  it('open-vkms-reads-planes-and-probes: no zpos, primary must cover, overlays do not scale', async () => {
    const { display } = await open();
    expect(display.info).toMatchObject({ name: 'Virtual-1', width: 1024, height: 768, preferredFormat: 'XRGB8888' });
    const types = display.planes.map((p) => p.type);
    expect(types.filter((t) => t === 'overlay')).toHaveLength(8);
    const primary = display.planes.find((p) => p.type === 'primary')!;
    expect(primary).toMatchObject({ zpos: null, mustCoverOutput: true, formats: ['XRGB8888'] });
    expect(display.planes.filter((p) => p.type === 'overlay').every((p) => !p.scaling && !p.alpha)).toBe(true);
  });

  it('open-pi5-reads-zpos-alpha-and-probes-scaling', async () => {
    const { display } = await open(PI5);
    const overlay = display.planes.find((p) => p.type === 'overlay')!;
    expect(overlay).toMatchObject({ zpos: { min: 0, max: 15, mutable: true }, alpha: true, scaling: true });
    expect(display.planes.find((p) => p.type === 'primary')!.mustCoverOutput).toBe(false);
  });

  it('mode-from-env: PLANAR_KMS_MODE=800x600', async () => {
    const { display } = await open(VKMS, { PLANAR_KMS_MODE: '800x600' });
    expect(display.info).toMatchObject({ width: 800, height: 600 });
  });

  it('first-commit-modesets-later-commits-flip-only', async () => {
    const { kernel, display } = await open();
    const fb = display.allocate(1024, 768, 'XRGB8888');
    await show(kernel, display, [layer(fb, 31)]);
    expect(kernel.commits[0]!.flags & 0x400).toBeTruthy();
    expect(kernel.commits[0]!.values.get('51.ACTIVE')).toBe(1);
    expect(kernel.commits[0]!.values.get('52.CRTC_ID')).toBe(51);
    expect(kernel.commits[0]!.values.get('59.CRTC_ID')).toBe(51);
    await show(kernel, display, [layer(fb, 31)]);
    expect(kernel.commits[1]!.flags).toBe(0x201);
    expect(kernel.commits[1]!.values.has('51.ACTIVE')).toBe(false);
  });

  it('late-flip-after-modeset-waited-for-longer-than-a-frame: a modeset may take seconds, a plain flip not', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const { kernel, display } = await open();
      const errors: string[] = [];
      display.on('error', (e) => errors.push(e.message));
      const fb = display.allocate(1024, 768, 'XRGB8888');
      const first = display.commit({ layers: [layer(fb, 31)] });
      await vi.advanceTimersByTimeAsync(1500);
      expect(errors).toEqual([]);
      kernel.flip();
      await first;
      const second = display.commit({ layers: [layer(fb, 31)] });
      await vi.advanceTimersByTimeAsync(1100);
      await second;
      expect(errors).toEqual(['no page flip from /dev/dri/mock within 1000 ms; going on']);
      kernel.flip();
      // A flip that came in time but is read after the deadline's timer (the thread was busy) is no error.
      const third = display.commit({ layers: [layer(fb, 31)] });
      await vi.advanceTimersByTimeAsync(999);
      vi.advanceTimersByTime(2);
      kernel.flip();
      await third;
      expect(errors).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('plane-geometry-in-16.16-and-unused-planes-off', async () => {
    const { kernel, display } = await open();
    const root = display.allocate(1024, 768, 'XRGB8888');
    const popup = display.allocate(300, 200, 'ARGB8888');
    await show(kernel, display, [layer(root, 31), layer(popup, 33, { x: 100, y: 50, zpos: 1 })]);
    expect(kernel.value(33, 'SRC_W')).toBe(300 * 65536);
    expect(kernel.value(33, 'CRTC_X')).toBe(100);
    expect(kernel.value(35, 'FB_ID')).toBe(0);
    await show(kernel, display, [layer(root, 31)]);
    expect(kernel.value(33, 'FB_ID')).toBe(0);
    expect(kernel.value(33, 'CRTC_ID')).toBe(0);
  });

  it('buffer-busy-until-the-flip-that-replaced-it', async () => {
    const { kernel, display } = await open();
    const a = display.allocate(1024, 768, 'XRGB8888');
    const b = display.allocate(1024, 768, 'XRGB8888');
    const released: number[] = [];
    display.on('release', (e) => released.push(e.bufferId));
    await show(kernel, display, [layer(a, 31)]);
    const next = display.commit({ layers: [layer(b, 31)] });
    await new Promise((r) => setImmediate(r));
    expect(a.busy && b.busy).toBe(true);
    expect(released).toEqual([]);
    kernel.flip();
    await next;
    expect(a.busy).toBe(false);
    expect(released).toEqual([a.id]);
  });

  it('test-only-answers-the-allocator: scaled overlay refused on vkms, taken on a Pi 5', async () => {
    for (const [shape, ok] of [[VKMS, false], [PI5, true]] as const) {
      const { display } = await open(shape);
      const root = display.allocate(1024, 768, 'XRGB8888');
      const state = { layers: [layer(root, 31), { ...layer(root, 33, { zpos: 1 }), buffer: null, bufferWidth: 100, bufferHeight: 100, width: 200, height: 200, format: 'ARGB8888' as const }] };
      expect(display.planes.find((p) => p.id === 33)!.scaling).toBe(ok);
      expect(display.test(state).ok).toBe(ok);
    }
  });

  it('test-only-refusal-is-an-answer-not-an-error', async () => {
    const { kernel, display } = await open();
    const root = display.allocate(1024, 768, 'XRGB8888');
    kernel.refuseNext = 1;
    expect(display.test({ layers: [layer(root, 31)] })).toEqual({ ok: false, reason: 'the kernel refused it (EINVAL)' });
    expect(display.test({ layers: [layer(root, 31)] })).toEqual({ ok: true });
    expect(kernel.tests.at(-1)!.flags & 0x100).toBeTruthy();
  });

  it.each([['EINVAL', 22], ['ERANGE', 34]])('test-only-%s-is-a-refusal: no error event', async (name, errno) => {
    const { kernel, display } = await open();
    const errors: Error[] = [];
    display.on('error', (e) => errors.push(e));
    const root = display.allocate(1024, 768, 'XRGB8888');
    kernel.refuseNext = 1;
    kernel.refuseErrno = errno;
    expect(display.test({ layers: [layer(root, 31)] })).toEqual({ ok: false, reason: `the kernel refused it (${name})` });
    expect(errors).toEqual([]);
  });

  it('test-only-other-errno-is-reported: ENOMEM is an error event, once until a test passes, and the answer is no', async () => {
    const { kernel, display } = await open();
    const errors: Error[] = [];
    display.on('error', (e) => errors.push(e));
    const root = display.allocate(1024, 768, 'XRGB8888');
    const state = { layers: [layer(root, 31)] };
    kernel.refuseErrno = 12;
    kernel.refuseNext = 2;
    expect(display.test(state)).toMatchObject({ ok: false, reason: expect.stringMatching(/failed \(ENOMEM/) });
    expect(display.test(state).ok).toBe(false);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/^a TEST_ONLY commit on \/dev\/dri\/mock failed with ENOMEM, out of memory: .*not the driver refusing a plane.*dmesg/)]);
    expect(display.test(state)).toEqual({ ok: true });
    kernel.refuseNext = 1;
    display.test(state);
    expect(errors).toHaveLength(2);
  });

  it('test-only-eacces-pauses: a test that finds master gone pauses rendering, not refuses the plane', async () => {
    const { kernel, display } = await open();
    const errors: Error[] = [];
    display.on('error', (e) => errors.push(e));
    const root = display.allocate(1024, 768, 'XRGB8888');
    kernel.master = false;
    kernel.masterRefusal = 16;
    expect(display.test({ layers: [layer(root, 31)] })).toMatchObject({ ok: false, reason: expect.stringMatching(/EACCES/) });
    expect(display['queue'].paused).toBe(true);
    expect(errors).toEqual([]);
  });

  it('probe-failure-other-than-a-refusal: open fails naming the errno, not a device without planes', async () => {
    await expect(open(VKMS, {}, (k) => { k.refuseNext = 1; k.refuseErrno = 5; })).rejects.toThrow(/TEST_ONLY commit on \/dev\/dri\/mock failed with EIO/);
  });

  it('refused-commit-throws-with-the-kernel-reason-and-frees-its-buffers', async () => {
    const { kernel, display } = await open();
    const fb = display.allocate(1024, 768, 'XRGB8888');
    kernel.refuseNext = 1;
    await expect(display.commit({ layers: [layer(fb, 31)] })).rejects.toThrow(/refused by \/dev\/dri\/mock: EINVAL/);
    expect(fb.busy).toBe(false);
  });

  it('lost-master-pauses-and-resumes-with-a-modeset', async () => {
    const { kernel, display } = await open();
    const fb = display.allocate(1024, 768, 'XRGB8888');
    await show(kernel, display, [layer(fb, 31)]);
    kernel.master = false;
    kernel.masterRefusal = 16;
    const paused = display.commit({ layers: [layer(fb, 31)] });
    await new Promise((r) => setTimeout(r, 50));
    expect(kernel.commits).toHaveLength(1);
    kernel.masterRefusal = 0;
    await new Promise((r) => setTimeout(r, 600));
    expect(kernel.commits.length).toBeGreaterThanOrEqual(2);
    expect(kernel.commits[1]!.flags & 0x400).toBeTruthy();
    kernel.flip();
    await paused;
  });

  it('busy-device: another master → a message naming the cause and the fix', async () => {
    await expect(open(VKMS, {}, (k) => { k.master = false; k.masterRefusal = 16; })).rejects.toThrow(/\/dev\/dri\/mock is busy: another program is its DRM master.*free virtual terminal/);
  });

  it('permission-denied: names the video group and seat managers', async () => {
    await expect(open(VKMS, {}, (k) => { k.openErrno = 13; })).rejects.toThrow(/permission denied — add the user to the "video" group.*seat manager/);
  });

  it('no-connected-connector: says to plug a display in', async () => {
    await expect(open({ ...VKMS, connected: false })).rejects.toThrow(/no display is connected to \/dev\/dri\/mock .*Virtual-1 disconnected.*plug one in/);
  });

  it('unknown-connector-or-mode: lists what exists', async () => {
    await expect(open(VKMS, { PLANAR_KMS_CONNECTOR: 'HDMI-A-1' })).rejects.toThrow(/no connector named HDMI-A-1 .* it has Virtual-1 \(connected\)/);
    await expect(open(VKMS, { PLANAR_KMS_MODE: '640x480' })).rejects.toThrow(/no 640x480 mode .* offers 1024x768, 800x600, 1920x1080/);
  });

  it('unplugged-connector-closes-as-lost', async () => {
    const { kernel, display } = await open();
    const closed = new Promise((r) => display.on('close', r));
    kernel.connection = 'disconnected';
    expect(await closed).toEqual({ lost: true, reason: expect.stringMatching(/Virtual-1 was unplugged/) });
  });

  it('writeback-capture: a job on the next commit, its fence awaited, BGRX read as RGBA', async () => {
    const { kernel, display } = await open();
    const fb = display.allocate(1024, 768, 'XRGB8888');
    await show(kernel, display, [layer(fb, 31)]);
    const shot = display.capture();
    await new Promise((r) => setImmediate(r));
    kernel.flip();
    const { width, pixels } = await shot;
    expect(width).toBe(1024);
    expect(kernel.commits.at(-1)!.values.get('59.WRITEBACK_FB_ID')).toBeGreaterThan(0);
    expect(kernel.fenceWaits).toBe(1);
    expect([...pixels.subarray(0, 4)]).toEqual([0x40, 0x40, 0x40, 255]);
    expect(display.captureSource).toBe('writeback');
  });

  it('close-restores-the-found-state: CRTC off, connector and planes detached', async () => {
    const { kernel, display } = await open();
    const fb = display.allocate(1024, 768, 'XRGB8888');
    await show(kernel, display, [layer(fb, 31)]);
    expect(kernel.value(51, 'ACTIVE')).toBe(1);
    await display.close();
    expect(kernel.value(51, 'ACTIVE')).toBe(0);
    expect(kernel.value(52, 'CRTC_ID')).toBe(0);
    expect(kernel.value(31, 'FB_ID')).toBe(0);
    expect(kernel.master).toBe(false);
  });

  it('seat-manager: the card opens through it; a VT switch away pauses, back resumes with a modeset', async () => {
    const { kernel, display } = await open(VKMS, { PLANAR_SEAT_MANAGER: 'required' });
    expect(display.seatName).toBe('seat0');
    expect(kernel.seatLog).toEqual(['open /dev/dri/mock']);
    const fb = display.allocate(1024, 768, 'XRGB8888');
    await show(kernel, display, [layer(fb, 31)]);
    kernel.seatEmit!('disable');
    expect(kernel.seatLog).toContain('acknowledge');
    const waiting = display.commit({ layers: [layer(fb, 31)] });
    await new Promise((r) => setTimeout(r, 20));
    expect(kernel.commits).toHaveLength(1);
    kernel.master = true;
    kernel.seatEmit!('enable');
    await new Promise((r) => setTimeout(r, 20));
    // The waiting frame goes with the modeset.
    expect(kernel.commits[1]!.flags & 0x400).toBeTruthy();
    kernel.flip();
    await waiting;
    await display.close();
    expect(kernel.seatLog.at(-1)).toBe('close');
  });

  it('seat-manager-required-but-absent: says what to start', async () => {
    await expect(open(VKMS, { PLANAR_SEAT_MANAGER: 'required' }, (k) => { k.seatAnswers = false; }))
      .rejects.toThrow(/PLANAR_SEAT_MANAGER=required, but no seat manager answered.*start seatd/);
  });

  it('damage-clips: a plane that takes FB_DAMAGE_CLIPS gets the damaged rects of a buffer it already shows', async () => {
    const { kernel, display } = await open(PI5);
    const fb = display.allocate(1024, 768, 'XRGB8888');
    await show(kernel, display, [layer(fb, 31)]);
    expect(kernel.commits[0]!.values.has('31.FB_DAMAGE_CLIPS')).toBe(false);
    await show(kernel, display, [layer(fb, 31, { damage: [{ x: 10, y: 20, width: 30, height: 40 }] })]);
    const blob = kernel.commits[1]!.values.get('31.FB_DAMAGE_CLIPS')!;
    expect(kernel.blobs.get(blob)).toEqual([10, 20, 40, 60]);
  });

  it('power-off-and-on: CRTC inactive, commits wait, then a modeset shows the last frame', async () => {
    const { kernel, display } = await open();
    const fb = display.allocate(1024, 768, 'XRGB8888');
    await show(kernel, display, [layer(fb, 31)]);
    await display.setPower(false);
    expect(kernel.value(51, 'ACTIVE')).toBe(0);
    const waiting = display.commit({ layers: [layer(fb, 31)] });
    await new Promise((r) => setTimeout(r, 20));
    const count = kernel.commits.length;
    const on = display.setPower(true);
    await new Promise((r) => setTimeout(r, 20));
    // The waiting frame goes, with the modeset; nothing else.
    expect(kernel.commits.length).toBe(count + 1);
    expect(kernel.value(51, 'ACTIVE')).toBe(1);
    expect(kernel.commits.at(-1)!.flags & 0x400).toBeTruthy();
    kernel.flip();
    await Promise.all([on, waiting]);
    expect(kernel.pendingFlip).toBeNull();
  });

  it('power-on-while-idle: the last frame is shown again', async () => {
    const { kernel, display } = await open();
    const fb = display.allocate(1024, 768, 'XRGB8888');
    await show(kernel, display, [layer(fb, 31)]);
    await display.setPower(false);
    const on = display.setPower(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(kernel.commits.at(-1)!.values.get('31.FB_ID')).toBe(fb.fbId);
    kernel.flip();
    await on;
  });

  it('close-frees-everything: cursor, test and writeback buffers, the mode blob, signal listeners', async () => {
    const listeners = () => ['SIGINT', 'SIGTERM', 'SIGHUP', 'exit'].map((e) => process.listenerCount(e));
    const before = listeners();
    const kernel = new MockKernel(VKMS);
    const display = await KmsDisplay.open({ cursor: 'default' }, ENV, kernel.addon());
    expect(listeners()).not.toEqual(before);
    const fb = display.allocate(1024, 768, 'XRGB8888');
    display.test({ layers: [{ ...layer(fb, 31), buffer: null }] });
    await show(kernel, display, [layer(fb, 31)]);
    const shot = display.capture();
    await new Promise((r) => setImmediate(r));
    kernel.flip();
    await shot;
    fb.destroy();
    await display.close();
    await display.close();
    expect([...kernel.fbs.values()].filter((b) => !b.destroyed).map((b) => `${b.width}x${b.height}`)).toEqual([]);
    expect(listeners()).toEqual(before);
  });

  it('pixel-frame-copied-byte-for-byte: an XRGB8888 frame lands in its buffer in its own byte order', async () => {
    const { display, kernel } = await open();
    const pixels = new Uint8Array(8 * 2 * 4);
    for (let i = 0; i < pixels.length; i += 4) pixels.set([10, 20, 30, 0], i);
    const frame = display.importFrame({ kind: 'pixels', width: 8, height: 2, format: 'XRGB8888', pixels });
    const fb = [...kernel.fbs.values()].find((b) => b.width === 8 && b.height === 2)!;
    expect([...fb.read().subarray(0, 8)]).toEqual([10, 20, 30, 0, 10, 20, 30, 0]);
    frame.destroy();
  });

  it('imported-frames-are-forgotten-when-destroyed: a camera pushing frames leaves nothing behind', async () => {
    const { display } = await open();
    for (let i = 0; i < 100; i++) {
      const frame = display.importFrame({ kind: 'dmabuf', fd: 9, width: 64, height: 64, stride: 256, offset: 0, format: 'XRGB8888', modifier: 0n });
      frame.destroy();
    }
    display.allocate(32, 32, 'XRGB8888').destroy();
    expect(display['use'].live).toBe(0);
  });

  it('cursor-plane-reserved-while-the-pointer-shows', async () => {
    const kernel = new MockKernel(VKMS);
    const display = await KmsDisplay.open({ cursor: 'default' }, ENV, kernel.addon());
    opened.push(display);
    expect(display.planes.some((p) => p.type === 'cursor')).toBe(false);
    const fb = display.allocate(1024, 768, 'XRGB8888');
    await show(kernel, display, [layer(fb, 31)]);
    expect(kernel.value(49, 'FB_ID')).toBeGreaterThan(0);
    expect(display.describeShown().cursor).toEqual({ planeId: 49, x: 512, y: 384 });
  });
});
