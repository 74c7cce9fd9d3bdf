/**
 * The frame scheduler.
 *
 * Nothing renders unless something asked: a dirty node (`request()` from the scene) or an
 * animation (`requestFrame(cb)`). An idle app renders zero frames and sets no timers.
 *
 *   request() ──▶ [scheduled] ──(next turn of the event loop)──▶ tick()
 *                                                                 │ run frame callbacks (animations) at the frame's expected presentation time
 *                                                                 │ render: layout → bounds/damage → paint → copy → commit
 *                                                                 ▼
 *                                           await presented (page flip / frame done / headless vblank)
 *                                                                 │
 *                                      requested meanwhile? ──yes──▶ tick() again
 *
 * At most one frame is in flight: requests that arrive while a frame waits for the display
 * are folded into the next one. In manual mode (the testing API) nothing is scheduled by
 * itself; `flush()` runs frames until nothing is pending.
 */
import type { Clock } from './clock.js';

export type FrameCallback = (time: number) => void;

export class FrameLoop {
  private requested = false;
  private inFlight: Promise<void> | null = null;
  private scheduled = false;
  private callbacks: FrameCallback[] = [];
  private stopped = false;
  frames = 0;

  constructor(
    private readonly clock: Clock,
    private readonly render: (time: number) => Promise<void>,
    private readonly onError: (error: unknown) => void,
    private readonly manual: boolean,
    /** When a frame started at `now` is expected on screen (present-time.ts); frame callbacks get that time. */
    private readonly presentTime: (now: number) => number = (now) => now,
  ) {}

  /** Asks for a frame. */
  request(): void {
    if (this.stopped) return;
    this.requested = true;
    if (this.manual || this.inFlight || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.tick();
    });
  }

  /** Runs `cb` at the start of the next frame, with the frame's time. */
  requestFrame(cb: FrameCallback): () => void {
    this.callbacks.push(cb);
    this.request();
    return () => {
      this.callbacks = this.callbacks.filter((c) => c !== cb);
    };
  }

  get pending(): boolean {
    return this.requested || this.callbacks.length > 0;
  }

  /** Whether something changed that a frame must show (frame callbacks aside). */
  get renderRequested(): boolean {
    return this.requested;
  }

  /** Renders one frame if one was asked for; resolves once it is presented. */
  async tick(): Promise<void> {
    if (this.inFlight) await this.inFlight;
    if (!this.pending || this.stopped) return;
    this.requested = false;
    const frame = (async () => {
      // Motion is computed for when the frame will be seen, not for when it began.
      const time = this.presentTime(this.clock.now());
      const callbacks = this.callbacks;
      this.callbacks = [];
      for (const cb of callbacks) {
        try {
          cb(time);
        } catch (error) {
          this.onError(error);
        }
      }
      const rendering = this.render(time);
      // The render's synchronous part (layout, paint, copy) has run: requests its own layout
      // and paint raised are already handled in this frame.
      this.requested = false;
      await rendering;
      this.frames++;
    })();
    this.inFlight = frame;
    try {
      await frame;
    } catch (error) {
      this.onError(error);
    } finally {
      this.inFlight = null;
    }
    if (this.requested && !this.manual) this.request();
  }

  /** Manual mode: runs frames until none is pending (bounded, so a runaway animation cannot hang a test). */
  async flush(maxFrames = 1): Promise<void> {
    for (let i = 0; i < maxFrames && this.pending; i++) await this.tick();
  }

  /** Whether a frame is being rendered or presented. */
  get busy(): boolean {
    return this.inFlight !== null;
  }

  stop(): void {
    this.stopped = true;
    this.callbacks = [];
  }
}
