/**
 * The inspector's socket protocol, one connection at a time.
 *
 * 1. The page sends requests as JSON text: `{ id, method, params }`. Each gets one answer,
 *    `{ id, result }` or `{ id, error }` (a sentence saying what was wrong and what to do).
 * 2. The server pushes events: `{ event: 'frame', data: FrameStats }` after every frame, and
 *    `{ event: 'tree-changed' }` when nodes were added or removed (at most a few a second).
 *    Frames are dropped for a page that does not keep up (more than MAX_BUFFERED bytes queued).
 * 3. Nothing a page sends can stop the app: bad JSON, unknown methods, bad params and an
 *    exception inside the inspector all become error answers.
 */
import type { WebSocket } from 'ws';
import type { AppInspector } from '@planar/toolkit';

/** Bytes queued on a socket past which frame events are dropped for it. */
const MAX_BUFFERED = 1 << 20;

type Params = Record<string, unknown>;
type Method = (inspector: AppInspector, params: Params) => unknown;

function number(method: string, params: Params, name: string): number {
  const v = params[name];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${method}: params.${name} must be a number, got ${JSON.stringify(v) ?? 'nothing'}`);
  return v;
}

/** What a page may ask. */
export const METHODS: Record<string, Method> = {
  info: (i) => i.info(),
  nodeTree: (i) => i.nodeTree(),
  componentTree: (i) => i.componentTree(),
  node: (i, p) => i.node(number('node', p, 'id')),
  pick: (i, p) => i.pick(number('pick', p, 'x'), number('pick', p, 'y')),
  layers: (i) => i.layers(),
  semantics: (i) => i.semantics(),
  setDamageFlash: (i, p) => {
    if (typeof p.on !== 'boolean') throw new Error(`setDamageFlash: params.on must be true or false, got ${JSON.stringify(p.on) ?? 'nothing'}`);
    i.setDamageFlash(p.on);
    return p.on;
  },
};

/** Answers one request message; never throws. */
export async function answer(inspector: AppInspector, text: string): Promise<{ id: unknown; result?: unknown; error?: string }> {
  let request: { id?: unknown; method?: unknown; params?: unknown };
  try {
    request = JSON.parse(text) as typeof request;
  } catch (error) {
    return { id: null, error: `the request is not JSON (${(error as Error).message}): send {"id": 1, "method": "nodeTree", "params": {}}` };
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return { id: null, error: 'the request must be an object: {"id": 1, "method": "nodeTree", "params": {}}' };
  }
  const id = request.id ?? null;
  const method = typeof request.method === 'string' && Object.hasOwn(METHODS, request.method) ? METHODS[request.method]! : null;
  if (!method) return { id, error: `unknown method ${JSON.stringify(request.method) ?? '(none)'}; known: ${Object.keys(METHODS).join(', ')}` };
  const params = request.params ?? {};
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return { id, error: `${request.method as string}: params must be an object` };
  try {
    return { id, result: (await method(inspector, params as Params)) ?? null };
  } catch (error) {
    // The inspector's own errors name the call (`inspect.node: …`), as the checks above do.
    return { id, error: (error as Error)?.message ?? String(error) };
  }
}

/** Serves the protocol on one socket until it closes. */
export function serveConnection(socket: WebSocket, inspector: AppInspector): void {
  const send = (message: Record<string, unknown>) => {
    if (socket.readyState !== socket.OPEN) return;
    let text: string;
    try {
      text = JSON.stringify(message);
    } catch (error) {
      // A result that is not JSON is the inspector's bug; the page hears of it, the app runs on.
      text = JSON.stringify({ id: message.id ?? null, error: `the answer could not be sent as JSON: ${(error as Error).message}` });
    }
    socket.send(text);
  };
  const offFrame = inspector.onFrame((stats) => {
    if (socket.bufferedAmount < MAX_BUFFERED) send({ event: 'frame', data: stats });
  });
  const offTree = inspector.onTreeChange(() => send({ event: 'tree-changed' }));
  socket.on('message', (data, binary) => {
    if (binary) {
      send({ id: null, error: 'requests are JSON text messages, not binary' });
      return;
    }
    void answer(inspector, data.toString()).then(send);
  });
  socket.on('close', () => {
    offFrame();
    offTree();
  });
  socket.on('error', () => socket.terminate());
}
