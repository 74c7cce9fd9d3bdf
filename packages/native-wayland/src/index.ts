/**
 * @planar/native-wayland — Planar as a Wayland client: a native addon over libwayland-client
 * and xkbcommon, and the `wayland` backend built on it. The toolkit loads it by name.
 *
 * @example await createApp(() => <App />, { backend: 'wayland' });
 */
import type { Backend, OpenOptions } from '@planar/toolkit/backend';
import { WaylandDisplay } from './display.js';

export const backend: Backend & { open(options: OpenOptions): Promise<WaylandDisplay> } = {
  name: 'wayland',
  open: (options) => WaylandDisplay.open(options),
};

export { WaylandDisplay };
export { SeatTranslator, type SeatEvent } from './input.js';
export { formatsOf, SHM_CODES } from './formats.js';
export { firstWindowSize, outputLogicalSize, type WindowSize } from './window-size.js';
export type { ConnectionEvent, NativeLiveObjects, NativeOutput } from './native.js';
