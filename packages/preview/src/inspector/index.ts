/**
 * The inspector on a preview server: its socket (`/inspect`, see protocol.ts) and the page's
 * script and style. `attachInspector` adds them to a server that already shows the app (the
 * preview display's); `serveInspector` starts a server of its own with a small page, for an app
 * on any other backend (`PLANAR_INSPECT=host:port`), without the screen unless asked.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AppInspector } from '@planar/toolkit';
import { startPreviewServer, type PreviewServer } from '../server/server.js';
import { serveConnection } from './protocol.js';

export { answer, METHODS } from './protocol.js';

const page = (file: string) => fileURLToPath(new URL(`../../page/${file}`, import.meta.url));

/**
 * Serves `inspector` on `server`: the `/inspect` socket, `/inspector.js` (with the modules it
 * imports) and `/inspector.css`.
 * @example attachInspector(display.server, inspect(app));
 */
export function attachInspector(server: PreviewServer, inspector: AppInspector): void {
  server.socket('/inspect', (socket) => serveConnection(socket, inspector));
  for (const file of ['inspector.js', 'inspector-views.js', 'inspector-graph.js', 'inspector-overlay.js', 'inspector.css']) server.serveFile(`/${file}`, page(file));
}

export interface ServeInspectorOptions {
  /** The address to bind (default 127.0.0.1); any other requires a token, made up when not given. */
  host?: string;
  /** The port (default 0: any free one). */
  port?: number;
  token?: string;
  /** Show the app's screen on the page (a screenshot after frames, a few a second); default false. */
  screen?: boolean;
}

export interface ServedInspector {
  readonly server: PreviewServer;
  /** The page's address, with the token when there is one. */
  readonly url: string;
  /** Stops the server; safe to call twice. It also stops when the app closes. */
  close(): Promise<void>;
}

/**
 * Serves `inspector` on a server of its own, with a page at `/`.
 * @example const { url } = await serveInspector(inspect(app), { host: '0.0.0.0', port: 9339 });
 */
export async function serveInspector(inspector: AppInspector, options: ServeInspectorOptions = {}): Promise<ServedInspector> {
  const server = await startPreviewServer({ host: options.host, port: options.port, token: options.token });
  attachInspector(server, inspector);
  // The server's own headers keep other sites from framing the page.
  server.route('/', async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'content-type': 'text/plain; charset=utf-8', allow: 'GET, HEAD' }).end('405: only GET and HEAD\n');
      return;
    }
    const html = await readFile(page('inspect.html'));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : html);
  });
  server.serveFile('/inspect-page.js', page('inspect-page.js'));
  server.serveFile('/preview-api.js', page('preview-api.js'));
  server.route('/screen.png', async (_req, res) => {
    if (!options.screen) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404: this inspector does not send the screen (start it with screen: true, or PLANAR_INSPECT_SCREEN=1)\n');
      return;
    }
    const png = await inspector.screenshot();
    res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' }).end(png);
  });
  let closing: Promise<void> | null = null;
  const close = () => (closing ??= server.close());
  // Registered after the server came up: an app that closed meanwhile runs this at once.
  const off = inspector.onClose(() => void close());
  return {
    server,
    url: server.url,
    close: () => {
      off();
      return close();
    },
  };
}
