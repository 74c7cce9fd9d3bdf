/**
 * The KMS addon counts what it holds from the kernel (`liveObjects()`: fds, mappings, buffers),
 * so a leak test sees a native leak that costs JS nothing. Without a DRM device here, these
 * cases drive the real addon through the paths that need none: opens that fail part-way (each
 * must give back the fd it took) and a fence wait, which owns its fd until the fence signals.
 * The mock kernel stands in for the addon elsewhere and has no counts.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { realAddonOrSkip } from './real-addon.js';

const addon = realAddonOrSkip('native-leak');
const live = () => addon!.liveObjects!();
const loopTurn = () => new Promise((resolve) => setImmediate(resolve));

describe.skipIf(!addon)('the KMS addon\'s live objects', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'planar-kms-native-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['a-device-that-is-not-a-drm-card', '/dev/null', /\/dev\/null does not expose universal planes/],
    ['a-device-that-does-not-exist', path.join(os.tmpdir(), 'planar-no-such-card'), /cannot open .*planar-no-such-card: No such file or directory/],
  ])('%s: the open fails with why and gives its fd back', (_name, device, why) => {
    const before = live();
    expect(() => new addon!.Device(device, () => {})).toThrow(why);
    expect(live()).toEqual(before);
  });

  it('a-console-that-is-not-a-vt: fails with why and gives its fd back', () => {
    const before = live();
    expect(() => new addon!.Console('/dev/null')).toThrow(/\/dev\/null is not a virtual terminal/);
    expect(live()).toEqual(before);
  });

  it('a-fence-wait: holds its fd until the fence signals, then closes it', async () => {
    const fifo = path.join(dir, 'fence');
    execFileSync('mkfifo', [fifo]);
    // Read and write ends of one pipe: readable once a byte is written, as a signalled sync_file.
    const fence = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
    const signal = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    try {
      const before = live();
      const waited = addon!.waitFence(fence);
      expect(live(), 'while waiting').toEqual({ ...before, fds: before.fds + 1 });
      writeSync(signal, 'x');
      await waited;
      // The fd goes with the poll handle, in libuv's close phase: after this turn's check phase.
      await loopTurn();
      await loopTurn();
      expect(live(), 'after the fence signalled').toEqual(before);
    } finally {
      closeSync(signal);
    }
  });
});
