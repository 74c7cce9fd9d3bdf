/**
 * @planar/kms-backend: Planar straight on DRM/KMS, with no compositor (a Raspberry Pi 5 on its
 * own). `createApp(App, { backend: 'kms' })` loads it; `auto` picks it when no Wayland display is
 * set and a DRM card exists.
 *
 * ```ts
 * import { listDevice } from '@planar/kms-backend';
 * console.log(listDevice());   // connectors, modes and planes of /dev/dri/card0
 * ```
 */
import type { Backend, OpenOptions } from '@planar/toolkit/backend';
import { describeDevice } from './describe.js';
import { KmsDisplay } from './display.js';
import { findCard } from './modes.js';
import { loadAddon } from './native.js';

export const backend: Backend = {
  name: 'kms',
  open: (options: OpenOptions) => KmsDisplay.open(options),
};

/** The connectors, modes and planes of a DRM card (default: the one the backend would open). */
export function listDevice(path = findCard() ?? '/dev/dri/card0'): string {
  const device = new (loadAddon().Device)(path, () => {});
  try {
    return describeDevice(path, device.caps(), device.resources());
  } finally {
    device.close();
  }
}

export { KmsDisplay } from './display.js';
export { parseModeSpec, selectMode, selectConnector, refreshMhz } from './modes.js';
export { parseInFormats, fourcc, fourccName } from './formats.js';
/** The pointer's arrow as the cursor plane shows it (RGBA, hotspot at 0,0). */
export { drawArrow } from './cursor.js';
