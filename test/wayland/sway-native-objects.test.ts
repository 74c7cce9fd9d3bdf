/**
 * What the Wayland addon holds from the kernel — open fds, memory mappings, shm buffers — counted
 * natively (`display.liveObjects()`), so that a buffer nobody destroyed shows even when it costs
 * JS nothing. Apps with subsurfaces (the demo with the doorbell's card and camera) are opened and
 * closed on sway again and again; after each close the addon holds what it held before.
 */
import { describe, expect, it } from 'vitest';
import type { NativeLiveObjects } from '@planar/native-wayland';
import { e2eGate, missingFor } from './gate.js';
import { openDemo, swayForSuite } from './wayland-app.js';

const skip = e2eGate('wayland: native objects on sway', missingFor(['sway', 'injector']));
const CYCLES = 5;

describe.skipIf(skip)('the Wayland addon\'s native objects on sway', () => {
  const suite = swayForSuite({ width: 800, height: 480 });

  it('sees a buffer that was allocated and not destroyed, and forgets it once destroyed', async () => {
    const { display } = suite.track(await openDemo(suite.sway));
    const before = display.liveObjects();
    const buffer = display.allocate(64, 64, 'ARGB8888');
    expect(display.liveObjects(), 'one more buffer, its memfd and its mapping').toEqual({ fds: before.fds + 1, mappings: before.mappings + 1, buffers: before.buffers + 1 });
    buffer.destroy();
    expect(display.liveObjects()).toEqual(before);
    expect(() => buffer.write(new Uint8Array(64 * 64 * 4), 256, [{ x: 0, y: 0, width: 64, height: 64 }]), 'a write after destroy').toThrow(/buffer \d+ \(64x64\) was destroyed/);
  });

  it(`holds nothing more after ${CYCLES} apps with subsurfaces were opened and closed`, async () => {
    const { app, display } = await openDemo(suite.sway, { doorbell: true });
    const whileOpen = display.liveObjects();
    expect(app.stats.planesUsed, 'the window, the card and the camera each on a plane').toBe(3);
    await app.close();
    const baseline = display.liveObjects();
    expect(baseline, 'a closed app leaves the addon holding nothing').toEqual({ fds: 0, mappings: 0, buffers: 0 });
    expect(whileOpen.buffers, 'an open app holds buffers').toBeGreaterThan(baseline.buffers);
    const after: NativeLiveObjects[] = [];
    for (let i = 0; i < CYCLES; i++) {
      const opened = await openDemo(suite.sway, { doorbell: true });
      await opened.app.close();
      after.push(opened.display.liveObjects());
    }
    expect(after, 'the addon\'s objects after each close').toEqual(after.map(() => baseline));
  });
});
