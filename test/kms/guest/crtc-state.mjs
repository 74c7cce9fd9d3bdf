#!/usr/bin/env node
/** Prints the CRTCs' and planes' state as JSON (reading needs no DRM master). */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const addon = createRequire(import.meta.url)(path.resolve(here, '../../../packages/kms-backend/build/Release/planar_kms.node'));
const device = new addon.Device(process.env.PLANAR_KMS_DEVICE ?? '/dev/dri/card0', () => {});
const res = device.resources();
const prop = (o, name) => o.properties.find((p) => p.name === name)?.value ?? null;
console.log(JSON.stringify({
  event: 'state',
  crtcs: res.crtcs.map((c) => ({ id: c.id, active: prop(c, 'ACTIVE'), mode: c.mode ? `${c.mode.hdisplay}x${c.mode.vdisplay}` : null })),
  connectors: res.connectors.map((c) => ({ name: c.name, crtcId: prop(c, 'CRTC_ID') })),
  planes: res.planes.map((p) => ({ id: p.id, fbId: prop(p, 'FB_ID'), crtcId: prop(p, 'CRTC_ID') })),
}));
device.close();
