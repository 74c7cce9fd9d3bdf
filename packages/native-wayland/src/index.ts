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
export { SeatTranslator, type DeleteSurroundingEvent, type SeatEvent, type WaylandInputEvent } from './input.js';
export { TEXT_INPUT_HINT, TEXT_INPUT_PURPOSE, WaylandTextInput, type TextInputControl, type TextInputState } from './text-input.js';
export { OFFERED_TEXT_TYPES, WaylandClipboard, textTypeOf, type ClipboardControl } from './clipboard.js';
export { formatsOf, SHM_CODES } from './formats.js';
export { firstWindowSize, outputLogicalSize, type WindowSize } from './window-size.js';
export type { ConnectionEvent, NativeLiveObjects, NativeOutput } from './native.js';
