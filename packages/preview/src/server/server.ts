/**
 * The preview's HTTP and WebSocket server: the one place that decides who may connect.
 *
 * 1. It binds to 127.0.0.1 unless told another host. On loopback no token is needed, but a
 *    request must name a loopback host in its Host header (a page elsewhere cannot reach it by
 *    DNS rebinding) and a WebSocket's Origin, when sent, must be this server, port included.
 *    Nothing it serves may be framed by another site.
 * 2. Bound to any other address it requires a token: given, or made here (24 random bytes,
 *    base64url). The token rides in the URL (`?token=…`), and a page opened with it keeps it in
 *    an HttpOnly, SameSite=Strict cookie for what it loads next; every request and WebSocket
 *    upgrade without one or the other is refused with 403, compared in constant time.
 * 3. It serves only what was registered: a handful of files by exact path and handlers by
 *    exact path. Nothing is read from a directory by a request's path, so nothing outside the
 *    app's assets can be reached.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

export interface PreviewServerOptions {
  /** The address to bind (default 127.0.0.1). Any address that is not loopback requires a token. */
  host?: string;
  /** The port (default 0: any free port; read it back from `port`). */
  port?: number;
  /** The token clients must carry; made up when the host is not loopback and none is given. */
  token?: string;
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;
export type SocketHandler = (socket: WebSocket, req: IncomingMessage, url: URL) => void;

export interface PreviewServer {
  readonly host: string;
  readonly port: number;
  /** The token every connection must carry, or null on loopback without one. */
  readonly token: string | null;
  /** The page's address, token included: what to print and open. */
  readonly url: string;
  /** Serves the file at `filePath` at exactly `urlPath` (read on each request, so edits show). */
  serveFile(urlPath: string, filePath: string, contentType?: string): void;
  /** Answers requests for exactly `urlPath`. */
  route(urlPath: string, handler: RouteHandler): void;
  /** Accepts WebSocket connections at exactly `urlPath`. */
  socket(urlPath: string, handler: SocketHandler): void;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Whether `host` (an address or name to bind) only reaches this machine. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml',
};

function typeOf(file: string): string {
  const dot = file.lastIndexOf('.');
  return TYPES[dot >= 0 ? file.slice(dot) : ''] ?? 'application/octet-stream';
}

function sameToken(given: string | null, token: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given), b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The host part of a Host header: without the port, brackets removed. */
function hostName(header: string): string {
  const m = /^\[([^\]]+)\](?::\d+)?$/.exec(header) ?? /^([^:]+)(?::\d+)?$/.exec(header);
  return m ? m[1]!.toLowerCase() : header.toLowerCase();
}

/** The request's path and query, or null when its target cannot be read as one. */
function requestUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://preview.invalid');
  } catch {
    return null;
  }
}

/** An Origin header's host and port as a Host header would name them, or null for 'null' or one that is not a URL. */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/** Headers on everything served: no other site may frame the page and steer clicks and keys into the app. */
const FRAMING = { 'content-security-policy': "frame-ancestors 'none'", 'x-frame-options': 'DENY' };

/**
 * Starts a server and resolves once it listens. Rejects with what to do when the port is
 * taken or the address cannot be bound.
 * @example const server = await startPreviewServer({ port: 0 });
 * server.serveFile('/', '/path/to/index.html');
 * console.log(`open ${server.url}`);
 */
export async function startPreviewServer(options: PreviewServerOptions = {}): Promise<PreviewServer> {
  const host = options.host ?? '127.0.0.1';
  const loopback = isLoopback(host);
  if (options.token !== undefined && !/^[A-Za-z0-9_-]{16,}$/.test(options.token)) {
    throw new Error('preview server: a token must be at least 16 letters, digits, "-" or "_"');
  }
  const token = options.token ?? (loopback ? null : randomBytes(24).toString('base64url'));
  const files = new Map<string, { path: string; type: string }>();
  const routes = new Map<string, RouteHandler>();
  const sockets = new Map<string, SocketHandler>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });
  let cookieName = 'planar_token';
  /** The token of this server's cookie in a request, or null. */
  const cookieToken = (req: IncomingMessage): string | null => {
    for (const part of (req.headers.cookie ?? '').split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0 && part.slice(0, eq).trim() === cookieName) return part.slice(eq + 1).trim();
    }
    return null;
  };

  /** Why a request may not be answered, or null. */
  const refusal = (req: IncomingMessage, url: URL, upgrade: boolean): string | null => {
    if (token !== null && !sameToken(url.searchParams.get('token'), token) && !sameToken(cookieToken(req), token)) return 'a valid token is required';
    if (loopback && !isLoopback(hostName(req.headers.host ?? ''))) return 'this server answers only requests addressed to a loopback host';
    // A page from any other origin, another port of this machine included, may not drive the app.
    if (upgrade && req.headers.origin !== undefined && originHost(req.headers.origin) !== (req.headers.host ?? '').toLowerCase()) {
      return 'a WebSocket from another origin is not accepted';
    }
    return null;
  };

  const server: Server = createServer((req, res) => {
    const url = requestUrl(req);
    if (!url) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('400: the request target is not a path\n');
      return;
    }
    const why = refusal(req, url, false);
    if (why) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end(`403: ${why}\n`);
      return;
    }
    // A page opened with the token in its URL keeps it in a cookie, so the scripts it imports by
    // relative path and the sockets it opens carry it too. SameSite=Strict: never sent by another site.
    if (token !== null && url.searchParams.has('token')) res.setHeader('set-cookie', `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    const route = routes.get(url.pathname);
    if (route) {
      for (const [name, value] of Object.entries(FRAMING)) res.setHeader(name, value);
      Promise.resolve(route(req, res, url)).catch((error: Error) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`500: ${error.message}\n`);
      });
      return;
    }
    const file = files.get(url.pathname);
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404: not found\n');
      return;
    }
    readFile(file.path).then(
      (body) => res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store', ...FRAMING }).end(req.method === 'HEAD' ? undefined : body),
      (error: Error) => res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`500: ${error.message}\n`),
    );
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = requestUrl(req);
    if (!url) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nthe request target is not a path\n');
      return;
    }
    const handler = sockets.get(url.pathname);
    const why = handler ? refusal(req, url, true) : 'no socket here';
    if (why || !handler) {
      socket.end(`HTTP/1.1 ${handler ? 403 : 404} ${handler ? 'Forbidden' : 'Not Found'}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${why}\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => handler(ws, req, url));
  });

  await new Promise<void>((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) => {
      const what = error.code === 'EADDRINUSE' ? `port ${options.port} is in use: choose another with --port, or 0 for any free port`
        : error.code === 'EADDRNOTAVAIL' ? `${host} is not an address of this machine: choose one it has with --host`
          : error.code === 'EACCES' ? `binding port ${options.port} is not allowed for this user: choose a port above 1023`
            : error.message;
      reject(new Error(`preview server: cannot listen on ${host}:${options.port ?? 0}: ${what}`));
    };
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port ?? 0;
  // Cookies are kept per host, not per port: each server's cookie is named for its port.
  cookieName = `planar_token_${port}`;
  const shownHost = host.includes(':') ? `[${host}]` : host;

  return {
    host,
    port,
    token,
    url: `http://${shownHost}:${port}/${token ? `?token=${token}` : ''}`,
    serveFile(urlPath, filePath, contentType) {
      files.set(urlPath, { path: filePath, type: contentType ?? typeOf(filePath) });
    },
    route(urlPath, handler) {
      routes.set(urlPath, handler);
    },
    socket(urlPath, handler) {
      sockets.set(urlPath, handler);
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
