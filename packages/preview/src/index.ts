/**
 * @planar/preview — Planar on the desktop: the `preview` backend (the app in a browser page,
 * streamed over a WebSocket), the inspector, stories and `planar dev`.
 */
export { startPreviewServer, isLoopback, type PreviewServer, type PreviewServerOptions, type RouteHandler, type SocketHandler } from './server/server.js';
