/**
 * A text description of a DRM device for bring-up: its connectors (status, modes, the preferred
 * one), CRTCs, and planes (type, formats, zpos, alpha, blend modes, rotation). What
 * `planar-kms --list` prints and `describeDevice()` returns.
 */
import { fourccName } from './formats.js';
import { describeMode } from './modes.js';
import type { DrmCaps, DrmResources } from './native.js';
import { planeRotations, planeType, planeZpos, propertyOf } from './planes.js';

export function describeDevice(path: string, caps: DrmCaps, resources: DrmResources): string {
  const lines = [`${path} (driver ${caps.driver})`];
  lines.push(`  caps: dumb buffers ${caps.dumbBuffer ? 'yes' : 'no'}, PRIME ${caps.prime ? 'yes' : 'no'}, modifiers ${caps.addFb2Modifiers ? 'yes' : 'no'}, cursor ${caps.cursorWidth}x${caps.cursorHeight}, monotonic timestamps ${caps.timestampMonotonic ? 'yes' : 'no'}`);
  lines.push('  connectors:');
  for (const c of resources.connectors) {
    const preferred = c.modes.find((m) => m.type & 0x8);
    lines.push(`    ${c.name} (id ${c.id}): ${c.writeback ? 'writeback' : c.connection}${c.widthMm ? `, ${c.widthMm}x${c.heightMm} mm` : ''}${preferred ? `, preferred ${describeMode(preferred)}` : ''}`);
    if (c.modes.length) lines.push(`      modes: ${[...new Set(c.modes.map(describeMode))].join(' ')}`);
  }
  lines.push(`  crtcs: ${resources.crtcs.map((c) => `${c.id}${c.mode ? ` (${describeMode(c.mode)})` : ' (off)'}`).join(', ')}`);
  lines.push('  planes:');
  for (const p of resources.planes) {
    const zpos = planeZpos(p);
    const blend = propertyOf(p.properties, 'pixel blend mode')?.enums?.map((e) => e.name).join('/');
    const extras = [
      zpos ? `zpos ${zpos.mutable ? `${zpos.min}..${zpos.max}` : zpos.min}` : 'no zpos',
      propertyOf(p.properties, 'alpha') ? 'alpha' : '',
      blend ? `blend ${blend}` : '',
      planeRotations(p).length ? `rotation ${planeRotations(p).join('/')}` : '',
      propertyOf(p.properties, 'FB_DAMAGE_CLIPS') ? 'damage clips' : '',
    ].filter(Boolean);
    lines.push(`    ${p.id} ${planeType(p)}: ${[...p.formats].map(fourccName).join(' ')}; ${extras.join(', ')}`);
  }
  return lines.join('\n');
}
