/**
 * @planar/preview — Planar on the desktop: the `preview` backend (the app in a browser page,
 * streamed over a WebSocket), the inspector, stories and `planar dev`.
 */
export { startPreviewServer, isLoopback, type PreviewServer, type PreviewServerOptions, type RouteHandler, type SocketHandler } from './server/server.js';
export { PreviewDisplay, type PreviewDisplayOptions, type PlaneOutline } from './backend/display.js';
export { previewBackend, previewOptionsFromEnv, backend, type PreviewOptions } from './backend/backend.js';
export { damageRects, mergeRects } from './backend/damage.js';
export { SIZE_PRESETS, type PlanesPreset, type Rotation } from './backend/messages.js';
export { decodeFrameHeader } from './stream/frame.js';
