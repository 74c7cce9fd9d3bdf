/**
 * The page's files on the preview server: the stream client, its input and toolbar, the style.
 * They ship as they are (plain ES modules, no build), from the package's `page` folder. The
 * page itself is sent with the token written into its script and style addresses, since a
 * server bound beyond loopback refuses every request without it.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { PreviewServer } from '../server/server.js';

/** The package's `page` folder (this file is src/backend/ or dist/backend/). */
export const PAGE_DIR = fileURLToPath(new URL('../../page/', import.meta.url));

const FILES = ['app.js', 'preview-api.js', 'input.js', 'toolbar.js', 'planes.js', 'style.css'];

/** Registers the page: `/` and each of its files, nothing else. */
export function servePage(server: PreviewServer): void {
  const query = server.token ? `?token=${encodeURIComponent(server.token)}` : '';
  server.route('/', async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'content-type': 'text/plain; charset=utf-8', allow: 'GET, HEAD' }).end('405: only GET\n');
      return;
    }
    const html = (await readFile(path.join(PAGE_DIR, 'index.html'), 'utf8'))
      .replace(/(src|href)="([a-z-]+\.(?:js|css))"/g, (_, attribute: string, file: string) => `${attribute}="/${file}${query}"`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : html);
  });
  for (const file of FILES) server.serveFile(`/${file}`, path.join(PAGE_DIR, file));
}
