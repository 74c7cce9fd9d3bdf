/**
 * The pages watching the app: who they are, what each still has to be sent, and which one
 * drives the app.
 *
 * 1. Each viewer keeps the output rectangles it has not been sent yet: the whole output when it
 *    joins (or the output is resized), then the damage of every commit, merged. Frames go from
 *    the state shown now, never from a queue of old frames, so a slow page (a socket with much
 *    still buffered) skips frames and catches up with one frame of all it missed.
 * 2. Viewers owing the same rectangles share one encoded message: composing and compressing
 *    happen once per frame, not once per page.
 * 3. One viewer has control: the first to connect, until another asks with `take-control` or it
 *    leaves (the oldest remaining then gets it). Every viewer is told with `control { you }`;
 *    input and view changes from the others are dropped. Pointers the old controller held are
 *    cancelled, so no press is left hanging in the app.
 * 4. A command runs the app's listeners inside the socket's message event: one that throws is
 *    handed to `fail` (the app's error) and the page that sent it gets a notice, so a bug in
 *    the app never ends the process from here.
 */
import type { WebSocket } from 'ws';
import type { DamageRect, LayerState } from '@planar/toolkit/backend';
import { mergeRects } from '../backend/damage.js';
import { parsePageMessage, type PageCommand } from '../backend/messages.js';
import { encodeFrame } from './frame.js';

/** A socket may hold this many bytes unsent before its viewer skips frames. */
const MAX_BUFFERED = 4 << 20;
const RETRY_MS = 30;

/** What the hub streams from: the display. */
export interface StreamSource {
  /** The layers shown now, or null before the first commit. */
  shown(): readonly LayerState[] | null;
  /** The commit count, sent as each frame's sequence number. */
  sequence(): number;
  output(): { width: number; height: number; scale: number; rotation: number };
  /** The JSON messages a new viewer gets after `hello` (the planes, a notice in force). */
  greeting(): Record<string, unknown>;
}

interface Viewer {
  /** Rectangles of the output owed to this viewer; 'whole' for all of it. */
  owed: DamageRect[] | 'whole';
  /** Pointers this viewer holds down in the app, with where they were last. */
  pointers: Map<number, { x: number; y: number; pointerType: 'mouse' | 'touch' }>;
  dropped: number;
}

export class StreamHub {
  private readonly viewers = new Map<WebSocket, Viewer>();
  private controller: WebSocket | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private scheduled = false;
  private closed = false;
  /** Frame messages and their bytes sent, over all viewers. */
  readonly sent = { frames: 0, bytes: 0 };

  constructor(
    private readonly source: StreamSource,
    private readonly handle: (command: PageCommand) => void,
    private readonly fail: (error: Error) => void = (error) => console.error(`planar preview: ${error.stack ?? error.message}`),
  ) {}

  /** The number of pages watching. */
  get size(): number {
    return this.viewers.size;
  }

  /** Takes a page's socket: greets it, owes it the whole output and listens to it. */
  add(socket: WebSocket): void {
    if (this.closed) {
      socket.close(1001, 'the app is closing');
      return;
    }
    this.viewers.set(socket, { owed: 'whole', pointers: new Map(), dropped: 0 });
    this.controller ??= socket;
    this.send(socket, { type: 'hello', output: this.source.output(), control: this.controller === socket, ...this.source.greeting() });
    socket.on('message', (data, isBinary) => {
      if (!isBinary) this.receive(socket, String(data));
    });
    socket.on('close', () => this.remove(socket));
    socket.on('error', () => this.remove(socket));
    this.schedule();
  }

  /** Owes every viewer these output rectangles. */
  damage(rects: readonly DamageRect[]): void {
    if (!rects.length) return;
    for (const viewer of this.viewers.values()) {
      if (viewer.owed !== 'whole') viewer.owed = mergeRects([...viewer.owed, ...rects]);
    }
    this.schedule();
  }

  /** Owes every viewer the whole output (after a resize). */
  damageAll(): void {
    for (const viewer of this.viewers.values()) viewer.owed = 'whole';
    this.schedule();
  }

  /** Sends a JSON message to every page. */
  broadcast(message: Record<string, unknown>): void {
    for (const socket of this.viewers.keys()) this.send(socket, message);
  }

  /** Gives control to `socket`'s page (the first connected by default). */
  giveControl(socket: WebSocket): void {
    if (this.controller === socket || !this.viewers.has(socket)) return;
    if (this.controller) this.cancelPointers(this.controller);
    this.controller = socket;
    for (const s of this.viewers.keys()) this.send(s, { type: 'control', you: s === socket });
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const socket of this.viewers.keys()) socket.terminate();
    this.viewers.clear();
    this.controller = null;
  }

  private receive(socket: WebSocket, text: string): void {
    const command = parsePageMessage(text);
    const viewer = this.viewers.get(socket);
    if (!viewer) return;
    if (typeof command === 'string') {
      if (viewer.dropped++ === 0) this.send(socket, { type: 'notice', text: `preview: a message was dropped: ${command}`, level: 'error' });
      return;
    }
    if (command.type === 'take-control') return this.giveControl(socket);
    if (socket !== this.controller) return;
    if (command.type === 'input' && command.event.kind === 'pointer') {
      const e = command.event;
      if (e.type === 'up' || e.type === 'cancel') viewer.pointers.delete(e.pointerId);
      else if (e.type === 'down' || viewer.pointers.has(e.pointerId)) viewer.pointers.set(e.pointerId, { x: e.x, y: e.y, pointerType: e.pointerType });
    }
    this.obey(socket, command);
  }

  /** Hands a command to the app; what throws is the app's error, and the sender is told. */
  private obey(socket: WebSocket, command: PageCommand): void {
    try {
      this.handle(command);
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      this.send(socket, { type: 'notice', text: `the app failed on the page's ${command.type} message: ${error.message}`, level: 'error' });
      try {
        this.fail(error);
      } catch (failed) {
        console.error('planar preview: an error could not be reported', error, failed);
      }
    }
  }

  private cancelPointers(socket: WebSocket): void {
    const viewer = this.viewers.get(socket);
    if (!viewer) return;
    for (const [pointerId, p] of viewer.pointers) {
      this.obey(socket, { type: 'input', event: { kind: 'pointer', type: 'cancel', ...p, pointerId, buttons: 0, timestamp: performance.now() } });
    }
    viewer.pointers.clear();
  }

  private remove(socket: WebSocket): void {
    if (!this.viewers.has(socket)) return;
    if (this.controller === socket) this.cancelPointers(socket);
    this.viewers.delete(socket);
    if (this.controller !== socket) return;
    this.controller = null;
    const next = this.viewers.keys().next();
    if (!next.done) this.giveControl(next.value);
  }

  private send(socket: WebSocket, message: Record<string, unknown>): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  }

  private schedule(): void {
    if (this.scheduled || this.timer || this.closed) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  /** Sends each viewer what it is owed, from the state shown now. */
  private flush(): void {
    this.timer = null;
    const layers = this.source.shown();
    if (!layers || this.closed) return;
    const output = this.source.output();
    const groups = new Map<string, { rects: DamageRect[]; whole: boolean; sockets: WebSocket[] }>();
    let behind = false;
    for (const [socket, viewer] of this.viewers) {
      if (viewer.owed !== 'whole' && viewer.owed.length === 0) continue;
      if (socket.bufferedAmount > MAX_BUFFERED) {
        behind = true;
        continue;
      }
      const whole = viewer.owed === 'whole';
      const rects = whole ? [{ x: 0, y: 0, width: output.width, height: output.height }] : (viewer.owed as DamageRect[]);
      viewer.owed = [];
      const key = `${whole}:${JSON.stringify(rects)}`;
      const group = groups.get(key) ?? { rects, whole, sockets: [] };
      group.sockets.push(socket);
      groups.set(key, group);
    }
    for (const { rects, whole, sockets } of groups.values()) {
      const message = encodeFrame({ layers, rects, output, sequence: this.source.sequence(), whole });
      for (const socket of sockets) {
        if (socket.readyState !== socket.OPEN) continue;
        socket.send(message);
        this.sent.frames++;
        this.sent.bytes += message.length;
      }
    }
    if (behind) this.timer = setTimeout(() => this.flush(), RETRY_MS);
  }
}
