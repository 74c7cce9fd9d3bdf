/**
 * Choosing what to drive: the DRM card, the connector and the mode.
 *
 *   card       PLANAR_KMS_DEVICE, else the first /sys/class/drm card with a connected connector
 *   connector  PLANAR_KMS_CONNECTOR (HDMI-A-1, DSI-1, ...), else the first connected one
 *              (writeback connectors are never outputs)
 *   mode       PLANAR_KMS_MODE=WxH[@Hz], else the connector's preferred mode, else its first
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { DrmConnector, DrmMode, DrmResources } from './native.js';

const PREFERRED = 0x8;

/** Refresh rate of a mode in mHz, from its timings (vrefresh is rounded to whole Hz). */
export function refreshMhz(mode: DrmMode): number {
  if (!mode.htotal || !mode.vtotal) return mode.vrefresh * 1000;
  let mhz = (mode.clock * 1_000_000) / (mode.htotal * mode.vtotal);
  if (mode.flags & 0x10) mhz *= 2; // interlaced
  if (mode.flags & 0x20) mhz /= 2; // double scan
  if (mode.vscan > 1) mhz /= mode.vscan;
  return Math.round(mhz);
}

export interface ModeSpec { width: number; height: number; refreshHz: number | null }

/** Parses `WxH` or `WxH@Hz`; throws with the expected form. */
export function parseModeSpec(spec: string): ModeSpec {
  const m = /^(\d+)x(\d+)(?:@(\d+(?:\.\d+)?))?$/.exec(spec.trim());
  if (!m) throw new Error(`PLANAR_KMS_MODE="${spec}" is not a mode: write WIDTHxHEIGHT or WIDTHxHEIGHT@HZ, e.g. 800x480 or 1920x1080@60`);
  return { width: Number(m[1]), height: Number(m[2]), refreshHz: m[3] ? Number(m[3]) : null };
}

export function describeMode(mode: DrmMode): string {
  return `${mode.hdisplay}x${mode.vdisplay}@${(refreshMhz(mode) / 1000).toFixed(2)}`;
}

/** The mode to use: the one `spec` names (closest refresh), else the preferred one. */
export function selectMode(connector: DrmConnector, spec?: string): DrmMode {
  if (!connector.modes.length) {
    throw new Error(`the connector ${connector.name} reports no modes (is a display attached and switched on?)`);
  }
  if (spec) {
    const want = parseModeSpec(spec);
    const matching = connector.modes.filter((m) => m.hdisplay === want.width && m.vdisplay === want.height);
    if (!matching.length) {
      const offered = [...new Set(connector.modes.map((m) => `${m.hdisplay}x${m.vdisplay}`))].join(', ');
      throw new Error(`the connector ${connector.name} has no ${want.width}x${want.height} mode (PLANAR_KMS_MODE); it offers ${offered}`);
    }
    const target = want.refreshHz === null ? null : want.refreshHz * 1000;
    const score = (m: DrmMode) => (target === null ? ((m.type & PREFERRED) ? 0 : 1) * 1e9 - refreshMhz(m) : Math.abs(refreshMhz(m) - target));
    return [...matching].sort((a, b) => score(a) - score(b))[0]!;
  }
  return connector.modes.find((m) => m.type & PREFERRED) ?? connector.modes[0]!;
}

/** The connector to drive; throws a message a person can act on when there is none. */
export function selectConnector(resources: DrmResources, name: string | undefined, device: string): DrmConnector {
  const outputs = resources.connectors.filter((c) => !c.writeback);
  if (name) {
    const named = outputs.find((c) => c.name === name);
    if (!named) {
      throw new Error(`${device} has no connector named ${name} (PLANAR_KMS_CONNECTOR); it has ${outputs.map((c) => `${c.name} (${c.connection})`).join(', ') || 'none'}`);
    }
    if (named.connection === 'disconnected') throw new Error(`the connector ${name} on ${device} is disconnected: plug a display in, or choose another with PLANAR_KMS_CONNECTOR`);
    return named;
  }
  const connected = outputs.find((c) => c.connection === 'connected');
  if (!connected) {
    throw new Error(`no display is connected to ${device} (connectors: ${outputs.map((c) => `${c.name} ${c.connection}`).join(', ') || 'none'}): plug one in, or choose a card with PLANAR_KMS_DEVICE`);
  }
  return connected;
}

/** The CRTC for a connector: the one driving it now, else the first it can use that no other connector holds. */
export function selectCrtc(resources: DrmResources, connector: DrmConnector): { id: number; index: number } {
  const current = resources.crtcs.find((c) => c.id === connector.crtcId);
  if (current) return { id: current.id, index: current.index };
  const taken = new Set(resources.connectors.filter((c) => c !== connector && !c.writeback).map((c) => c.crtcId));
  const free = resources.crtcs.find((c) => connector.possibleCrtcs & (1 << c.index) && !taken.has(c.id))
    ?? resources.crtcs.find((c) => connector.possibleCrtcs & (1 << c.index));
  if (!free) throw new Error(`no CRTC can drive the connector ${connector.name}`);
  return { id: free.id, index: free.index };
}

/**
 * The DRM card to open: PLANAR_KMS_DEVICE, else the first card whose connector sysfs says
 * `connected` (card0-HDMI-A-1/status), else the first card. Null when there is none.
 */
export function findCard(env: NodeJS.ProcessEnv = process.env, sysfs = '/sys/class/drm'): string | null {
  if (env.PLANAR_KMS_DEVICE) return env.PLANAR_KMS_DEVICE;
  let entries: string[];
  try {
    entries = readdirSync(sysfs);
  } catch {
    return null;
  }
  const cards = entries.filter((e) => /^card\d+$/.test(e)).sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
  const connected = cards.find((card) => entries.some((e) => {
    if (!e.startsWith(`${card}-`) || e.includes('Writeback')) return false;
    try {
      return readFileSync(`${sysfs}/${e}/status`, 'utf8').trim() === 'connected';
    } catch {
      return false;
    }
  }));
  const chosen = connected ?? cards[0];
  return chosen ? `/dev/dri/${chosen}` : null;
}
