/** Atomic requests by name, and the state an app found, to put back on exit. */
import { describe, expect, it } from 'vitest';
import { AtomicRequest, KmsObject, savedStateRequest } from '../src/atomic.js';
import { kernelResources } from './mock-kernel.js';

const label = (kind: string, id: number) => `${kind} ${id}`;

describe('atomic requests', () => {
  it('sets properties by name; a second set of one property replaces the first', () => {
    const r = kernelResources({ overlays: 1, hvs: false, writeback: false, connected: true });
    const crtc = new KmsObject(51, r.crtcs[0]!.properties, 'CRTC 51');
    const request = new AtomicRequest().set(crtc, 'ACTIVE', 1).set(crtc, 'ACTIVE', 0).setIfPresent(crtc, 'zpos', 3);
    expect(request.size).toBe(1);
    const [objects, , values] = request.arrays();
    expect([...objects, ...values]).toEqual([51, 0]);
    expect(() => request.set(crtc, 'GAMMA_LUT', 1)).toThrow('CRTC 51 has no "GAMMA_LUT" property');
  });

  it('found-off: the output was dark, so it is turned off again and every plane detached', () => {
    const r = kernelResources({ overlays: 1, hvs: false, writeback: true, connected: true });
    const objects = new Map([...r.crtcs, ...r.connectors, ...r.planes].map((o) => [o.id, new KmsObject(o.id, o.properties, `${o.id}`)]));
    const lines = savedStateRequest(r, 51, 52, label).describe(objects);
    expect(lines).toEqual(expect.arrayContaining(['51.ACTIVE=0', '51.MODE_ID=0', '52.CRTC_ID=0', '59.CRTC_ID=0', '31.FB_ID=0', '31.CRTC_ID=0']));
  });

  it('found-console: a console framebuffer on the primary is put back where it was', () => {
    const r = kernelResources({ overlays: 1, hvs: false, writeback: false, connected: true });
    const set = (props: { name: string; value: number }[], values: Record<string, number>) => {
      for (const p of props) if (p.name in values) p.value = values[p.name]!;
    };
    set(r.crtcs[0]!.properties, { ACTIVE: 1, MODE_ID: 77 });
    set(r.connectors[0]!.properties, { CRTC_ID: 51 });
    set(r.planes[0]!.properties, { FB_ID: 42, CRTC_ID: 51, SRC_W: 1024 << 16, SRC_H: 768 << 16, CRTC_W: 1024, CRTC_H: 768 });
    const objects = new Map([...r.crtcs, ...r.connectors, ...r.planes].map((o) => [o.id, new KmsObject(o.id, o.properties, `${o.id}`)]));
    const lines = savedStateRequest(r, 51, 52, label).describe(objects);
    expect(lines).toEqual(expect.arrayContaining(['51.ACTIVE=1', '51.MODE_ID=77', '52.CRTC_ID=51', '31.FB_ID=42', '31.CRTC_W=1024', `31.SRC_W=${1024 << 16}`]));
    expect(lines).toContain('33.FB_ID=0');
  });
});
