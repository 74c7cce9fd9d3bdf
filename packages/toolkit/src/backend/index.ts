/**
 * @planar/toolkit/backend — the kit a display backend is written with, and nothing more:
 * the contract (`Backend`, `Display`, states, buffers, events), the pixel helpers every
 * display that copies or composes pixels needs, the plane rules a state is checked against,
 * the evdev and keysym tables with key repeat, and the backend registry. Importing it loads
 * neither Yoga nor CanvasKit, so a backend package (and a process that only lists devices)
 * stays small; the toolkit's test suite checks that.
 *
 * @example
 * import { BackendUnavailableError, checkState, type Backend } from '@planar/toolkit/backend';
 * export const backend: Backend = { name: 'fbdev', open: (options) => FbDisplay.open(options) };
 */
export * from './contract.js';
export { blendRect, copyRects, composePlanes, packRects, swapsRB, type PlaneImage } from './pixels.js';
export { planePreset, type PlanePresetName } from './plane-presets.js';
export { defaultColorEncoding, isVideoFormat, planeTakes } from './video-formats.js';
export { checkAssignment, checkState, stackPlanes, planeRange } from '../compositor/plane-rules.js';
export { HeadlessDisplay, headless, unpremultiply, type HeadlessOptions } from './headless.js';
export { registerBackend, backendNames, backendPackages, loadBackend, type BackendChoice, type BackendRegistration } from './registry.js';
export type { InputEvent } from '../input/events.js';
export { KeyRepeater } from '../input/key-repeat.js';
export { codeOfEvdev, keyOfKeysym, isControlText } from '../input/evdev.js';
