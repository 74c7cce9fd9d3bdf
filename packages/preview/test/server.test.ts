/**
 * Who may talk to the preview's server: requests and WebSockets, with and without the token,
 * from this page's origin or another, and requests too malformed to parse.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { WebSocket } from 'ws';
import { startPreviewServer, type PreviewServer } from '../src/index.js';

const servers: PreviewServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function serve(options: Parameters<typeof startPreviewServer>[0] = {}): Promise<PreviewServer> {
  const server = await startPreviewServer(options);
  servers.push(server);
  server.route('/hello', (_req, res) => void res.end('hello'));
  server.socket('/echo', (ws) => ws.on('message', (m) => ws.send(String(m))));
  return server;
}

/** Sends `request` as raw bytes and resolves with the status line of the answer. */
function rawStatus(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (d) => { answer += String(d); });
    socket.on('end', () => resolve(answer.split('\r\n')[0]!));
    socket.on('error', reject);
  });
}

/** Opens a WebSocket and resolves 'open' or the HTTP status it was refused with. */
function openSocket(url: string, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => { ws.close(); resolve('open'); });
    ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
    ws.on('error', (e) => resolve(`error: ${e.message}`));
  });
}

describe('preview server on loopback', () => {
  it('answers a page on 127.0.0.1 without a token and serves only what was registered', async () => {
    const server = await serve();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const hello = await fetch(`http://127.0.0.1:${server.port}/hello`);
    expect(await hello.text()).toBe('hello');
    expect(hello.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect((await fetch(`http://127.0.0.1:${server.port}/../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${server.port}/package.json`)).status).toBe(404);
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const server = await serve();
    const status = await rawStatus(server.port, 'GET /hello HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n');
    expect(status).toBe('HTTP/1.1 403 Forbidden');
  });

  it('accepts a WebSocket from its own page and refuses one from another origin, another local port included', async () => {
    const server = await serve();
    const url = `ws://127.0.0.1:${server.port}/echo`;
    expect(await openSocket(url, { Origin: `http://127.0.0.1:${server.port}` })).toBe('open');
    expect(await openSocket(url)).toBe('open');
    expect(await openSocket(url, { Origin: 'http://127.0.0.1:1' })).toBe('403');
    expect(await openSocket(url, { Origin: 'https://evil.example' })).toBe('403');
    expect(await openSocket(url, { Origin: 'null' })).toBe('403');
    expect(await openSocket(url, { Origin: 'not a url' })).toBe('403');
    expect(await openSocket(`ws://127.0.0.1:${server.port}/nothing-here`)).toBe('404');
  });

  it('answers a request target it cannot read with 400 and keeps serving', async () => {
    const server = await serve();
    expect(await rawStatus(server.port, 'GET http://[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')).toBe('HTTP/1.1 400 Bad Request');
    expect(await rawStatus(server.port, 'GET http://[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n'
      + 'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n')).toBe('HTTP/1.1 400 Bad Request');
    expect(await (await fetch(`http://127.0.0.1:${server.port}/hello`)).text()).toBe('hello');
  });

  it('says what to do when the port is taken', async () => {
    const first = await serve();
    await expect(startPreviewServer({ port: first.port })).rejects.toThrow(
      `preview server: cannot listen on 127.0.0.1:${first.port}: port ${first.port} is in use: choose another with --port, or 0 for any free port`,
    );
  });
});

describe('preview server beyond loopback', () => {
  it('makes up a token, prints it in the URL and refuses requests and sockets without it', async () => {
    const server = await serve({ host: '0.0.0.0' });
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(server.url).toBe(`http://0.0.0.0:${server.port}/?token=${server.token}`);
    const base = `http://127.0.0.1:${server.port}`;
    expect((await fetch(`${base}/hello`)).status).toBe(403);
    expect((await fetch(`${base}/hello?token=${server.token!.slice(1)}x`)).status).toBe(403);
    expect(await (await fetch(`${base}/hello?token=${server.token}`)).text()).toBe('hello');
    expect(await openSocket(`ws://127.0.0.1:${server.port}/echo`)).toBe('403');
    expect(await openSocket(`ws://127.0.0.1:${server.port}/echo?token=${server.token}`)).toBe('open');
  });

  it('keeps the token in a cookie of its port for what the page loads next, and takes no other cookie', async () => {
    const server = await serve({ host: '0.0.0.0' });
    const base = `http://127.0.0.1:${server.port}`;
    const page = await fetch(`${base}/hello?token=${server.token}`);
    const cookie = page.headers.get('set-cookie')!;
    expect(cookie).toBe(`planar_token_${server.port}=${server.token}; HttpOnly; SameSite=Strict; Path=/`);
    const jar = cookie.split(';')[0]!;
    expect(await (await fetch(`${base}/hello`, { headers: { cookie: jar } })).text()).toBe('hello');
    expect(await openSocket(`ws://127.0.0.1:${server.port}/echo`, { cookie: jar })).toBe('open');
    expect((await fetch(`${base}/hello`, { headers: { cookie: `planar_token_1=${server.token}` } })).status).toBe(403);
    expect((await fetch(`${base}/hello`, { headers: { cookie: `planar_token_${server.port}=wrong` } })).status).toBe(403);
  });

  it('takes a token of its own and refuses one too short to be safe', async () => {
    const token = 'a-token-of-twenty-chars';
    const server = await serve({ host: '0.0.0.0', token });
    expect(server.token).toBe(token);
    await expect(startPreviewServer({ host: '0.0.0.0', token: 'short' })).rejects.toThrow('a token must be at least 16 letters');
  });
});
