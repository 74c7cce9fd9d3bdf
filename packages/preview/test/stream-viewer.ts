/**
 * A page stand-in for tests: a WebSocket client on /stream that keeps every message it gets and
 * can wait for the next one that matches.
 */
import { WebSocket } from 'ws';
import { decodeFrameHeader } from '../src/stream/frame.js';

export type Received =
  | { kind: 'json'; message: { type: string; [key: string]: unknown } }
  | { kind: 'frame'; frame: ReturnType<typeof decodeFrameHeader>; bytes: number };

export class TestViewer {
  readonly received: Received[] = [];
  /** Messages before this index were taken by `next`. */
  private taken = 0;
  private waiters: { match: (r: Received) => boolean; resolve: (r: Received) => void }[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer, isBinary) => {
      const r: Received = isBinary
        ? { kind: 'frame', frame: decodeFrameHeader(data), bytes: data.length }
        : { kind: 'json', message: JSON.parse(String(data)) };
      this.received.push(r);
      const w = this.waiters[0];
      if (w?.match(r)) {
        this.waiters.shift();
        this.taken = this.received.length;
        w.resolve(r);
      }
    });
  }

  /** Connects to the display's stream and resolves once it is open. */
  static async connect(pageUrl: string): Promise<TestViewer> {
    const url = new URL('stream', pageUrl.replace(/^http/, 'ws'));
    const socket = new WebSocket(url);
    const viewer = new TestViewer(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return viewer;
  }

  /** The next message that matches, after the last one taken (one waiter at a time). */
  next(match: (r: Received) => boolean): Promise<Received> {
    const i = this.received.findIndex((r, index) => index >= this.taken && match(r));
    if (i >= 0) {
      this.taken = i + 1;
      return Promise.resolve(this.received[i]!);
    }
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  nextJson(type: string): Promise<{ type: string; [key: string]: unknown }> {
    return this.next((r) => r.kind === 'json' && r.message.type === type).then((r) => (r as Extract<Received, { kind: 'json' }>).message);
  }

  nextFrame(): Promise<Extract<Received, { kind: 'frame' }>> {
    return this.next((r) => r.kind === 'frame') as Promise<Extract<Received, { kind: 'frame' }>>;
  }

  frames(): Extract<Received, { kind: 'frame' }>[] {
    return this.received.filter((r): r is Extract<Received, { kind: 'frame' }> => r.kind === 'frame');
  }

  send(message: Record<string, unknown>): void {
    this.socket.send(JSON.stringify(message));
  }

  close(): void {
    this.socket.close();
  }
}
