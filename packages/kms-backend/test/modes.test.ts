/**
 * Choosing card, connector, CRTC and mode: pure functions over resources (mock-kernel.ts) and
 * a fake /sys/class/drm.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCard, parseModeSpec, refreshMhz, selectConnector, selectCrtc, selectMode } from '../src/modes.js';
import type { DrmMode } from '../src/native.js';
import { kernelResources } from './mock-kernel.js';

const resources = () => kernelResources({ overlays: 2, hvs: false, writeback: true, connected: true });

/** CEA 1920x1080@60 and @50, and 59.94 (clock 148351). */
const cea = (clock: number, htotal: number): DrmMode => ({
  name: '1920x1080', clock, hdisplay: 1920, hsyncStart: 2008, hsyncEnd: 2052, htotal, hskew: 0,
  vdisplay: 1080, vsyncStart: 1084, vsyncEnd: 1089, vtotal: 1125, vscan: 0, vrefresh: 60, flags: 5, type: 0x40,
});

describe('mode selection', () => {
  it.each([
    ['800x480', { width: 800, height: 480, refreshHz: null }],
    ['1920x1080@60', { width: 1920, height: 1080, refreshHz: 60 }],
    [' 1024x600@59.94 ', { width: 1024, height: 600, refreshHz: 59.94 }],
  ])('parses %j', (spec, want) => {
    expect(parseModeSpec(spec)).toEqual(want);
  });

  it.each(['800', '800x', 'x480', '800*480', '800x480@', 'big'])('refuses %j with the expected form', (spec) => {
    expect(() => parseModeSpec(spec)).toThrow(/write WIDTHxHEIGHT or WIDTHxHEIGHT@HZ, e\.g\. 800x480/);
  });

  it('computes refresh from the timings, not the rounded vrefresh', () => {
    expect(refreshMhz(cea(148500, 2200))).toBe(60000);
    expect(refreshMhz(cea(148352, 2200))).toBe(59940);
    expect(refreshMhz(cea(148500, 2640))).toBe(50000);
    expect(refreshMhz({ ...cea(148500, 2200), flags: 0x10 })).toBe(120000);
  });

  it('picks the preferred mode, or the named size at the refresh closest to the one asked for', () => {
    const connector = resources().connectors[0]!;
    expect(selectMode(connector).hdisplay).toBe(1024);
    expect(selectMode(connector, '800x600').vdisplay).toBe(600);
    const hdmi = { ...connector, modes: [cea(148500, 2640), cea(148500, 2200), cea(148352, 2200)] };
    expect(refreshMhz(selectMode(hdmi, '1920x1080'))).toBe(60000);
    expect(refreshMhz(selectMode(hdmi, '1920x1080@50'))).toBe(50000);
    expect(refreshMhz(selectMode(hdmi, '1920x1080@59.94'))).toBe(59940);
  });

  it('says which sizes exist when the asked one does not, and when a connector has no modes', () => {
    const connector = resources().connectors[0]!;
    expect(() => selectMode(connector, '640x480')).toThrow('the connector Virtual-1 has no 640x480 mode (PLANAR_KMS_MODE); it offers 1024x768, 800x600, 1920x1080');
    expect(() => selectMode({ ...connector, modes: [] })).toThrow(/reports no modes \(is a display attached and switched on\?\)/);
  });
});

describe('connector and CRTC selection', () => {
  it('takes the first connected output, never a writeback connector', () => {
    expect(selectConnector(resources(), undefined, '/dev/dri/card0').name).toBe('Virtual-1');
    const r = resources();
    r.connectors[0]!.connection = 'disconnected';
    expect(() => selectConnector(r, undefined, '/dev/dri/card0')).toThrow('no display is connected to /dev/dri/card0 (connectors: Virtual-1 disconnected): plug one in, or choose a card with PLANAR_KMS_DEVICE');
  });

  it('takes a named connector, and says what exists when the name is wrong or it is unplugged', () => {
    expect(selectConnector(resources(), 'Virtual-1', 'card').id).toBe(52);
    expect(() => selectConnector(resources(), 'Writeback-1', 'card')).toThrow(/no connector named Writeback-1/);
    const r = resources();
    r.connectors[0]!.connection = 'disconnected';
    expect(() => selectConnector(r, 'Virtual-1', 'card')).toThrow('the connector Virtual-1 on card is disconnected: plug a display in, or choose another with PLANAR_KMS_CONNECTOR');
  });

  it('keeps the CRTC that drives the connector, else takes one it can use', () => {
    const r = resources();
    expect(selectCrtc(r, r.connectors[0]!)).toEqual({ id: 51, index: 0 });
    r.crtcs.push({ id: 70, index: 1, bufferId: 0, mode: null, properties: [] });
    r.connectors[0]!.possibleCrtcs = 0b10;
    expect(selectCrtc(r, r.connectors[0]!)).toEqual({ id: 70, index: 1 });
    r.connectors[0]!.possibleCrtcs = 0;
    expect(() => selectCrtc(r, r.connectors[0]!)).toThrow('no CRTC can drive the connector Virtual-1');
  });
});

describe('card discovery (/sys/class/drm)', () => {
  function sysfs(entries: Record<string, string | null>): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'planar-drm-'));
    for (const [name, status] of Object.entries(entries)) {
      mkdirSync(path.join(dir, name));
      if (status !== null) writeFileSync(path.join(dir, name, 'status'), `${status}\n`);
    }
    return dir;
  }

  it('prefers a card with a connected connector (a Pi 5: card0 is v3d, card1 drives HDMI)', () => {
    const dir = sysfs({ card0: null, card1: null, 'card1-HDMI-A-1': 'connected', 'card1-Writeback-1': 'unknown', renderD128: null });
    expect(findCard({}, dir)).toBe('/dev/dri/card1');
  });

  it('falls back to the first card; PLANAR_KMS_DEVICE wins; none → null', () => {
    expect(findCard({}, sysfs({ card0: null, 'card0-DSI-1': 'disconnected' }))).toBe('/dev/dri/card0');
    expect(findCard({ PLANAR_KMS_DEVICE: '/dev/dri/card7' }, '/nonexistent')).toBe('/dev/dri/card7');
    expect(findCard({}, '/nonexistent')).toBeNull();
  });
});
