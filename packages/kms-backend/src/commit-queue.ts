/**
 * The KMS display's commit queue: one atomic commit in flight at a time, and none while the
 * device is not ours.
 *
 *   serial   every commit (a frame, a cursor move, a writeback capture, power) runs after the
 *            one before it has finished: its page flip happened, or it failed
 *   flip     builds the request when its turn comes, adds the modeset that the first commit (and
 *            the first after a pause) needs, commits non-blocking with a page-flip event and
 *            waits for that event, which carries the kernel's vblank sequence and timestamp.
 *            EACCES (master lost) pauses and commits again once resumed; any other refusal
 *            throws with the kernel's reason; a flip that never comes is reported and not waited
 *            for past FLIP_TIMEOUT_MS, or MODESET_FLIP_TIMEOUT_MS after a modeset, which may
 *            take far longer than a frame (HDMI/DP link training, a panel's power-up sequence,
 *            an emulated device)
 *   pause    `vt`: our VT was switched away (master is dropped; the kernel asked first);
 *            `seat`: the seat manager took the seat (it revokes master itself); `master`:
 *            another client took master (taken back as soon as it is free, checked every
 *            500 ms); `power`: the display is switched off. Commits wait in `flip` until resume()
 *            gets master back; the next commit then modesets again.
 */
import { AtomicRequest } from './atomic.js';
import { describeErrno, errnoName } from './errno.js';
import { COMMIT, type NativeDevice } from './native.js';
import type { PlaneRequests } from './plane-requests.js';

const FLIP_TIMEOUT_MS = 1000;
const MODESET_FLIP_TIMEOUT_MS = 5000;
/** Flips kept for pacing figures. */
const FLIP_LOG = 600;

export type PauseCause = 'vt' | 'seat' | 'master' | 'power';

/** What the queue needs from the display that owns it. */
export interface QueueOwner {
  device: NativeDevice;
  path: string;
  requests: PlaneRequests;
  /** Whether a seat manager holds the session (a lost master then is the seat's doing). */
  viaSeat: boolean;
  /** Rendering stopped (input is suspended) or started again. */
  paused(reason: string, cause: PauseCause): void;
  resumed(idle: boolean): void;
  error(error: Error): void;
  log(line: string): void;
}

export class CommitQueue {
  /** The next commit carries the mode: the first one, and the first after a pause. */
  needsModeset = true;
  closed = false;
  /** Kernel flip timestamps (ms, CLOCK_MONOTONIC) and vblank sequence numbers of recent flips. */
  readonly flipTimesMs: number[] = [];
  readonly flipSequences: number[] = [];
  private tail: Promise<unknown> = Promise.resolve();
  private seq = 0;
  private readonly flips = new Map<number, (presentedAt: number) => void>();
  private pause_: { reason: string; resume: Promise<void>; resolve: () => void } | null = null;
  /** Commits waiting for a pause to end. */
  private waiting = 0;

  constructor(private readonly owner: QueueOwner) {}

  get paused(): boolean {
    return this.pause_ !== null;
  }

  /** Resolves once every commit queued so far has finished. */
  drained(): Promise<unknown> {
    return this.tail;
  }

  /** Runs `fn` after every earlier commit: one atomic commit in flight at a time. */
  serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => {});
    return run;
  }

  /**
   * Commits the request `build` makes and waits for its flip. `fence` asks for an out-fence on
   * that (object, property); `blobs` are destroyed once the kernel has taken the request.
   */
  async flip(build: () => AtomicRequest, extra: { fence?: [number, number]; blobs?: number[] } = {}): Promise<{ presentedAt: number; fence: number }> {
    const { device, path, requests } = this.owner;
    for (;;) {
      await this.whileActive();
      if (this.closed) throw new Error('the KMS display is closed');
      const modeset = this.needsModeset;
      const request = build();
      if (modeset) requests.modeset(request);
      const seq = ++this.seq;
      const flags = COMMIT.nonblock | COMMIT.pageFlipEvent | (modeset ? COMMIT.allowModeset : 0);
      const { result, fence } = device.commit(...request.arrays(), flags, seq, extra.fence);
      this.owner.log(`commit ${seq}: ${request.size} properties, flags 0x${flags.toString(16)} → ${result === 0 ? 'ok' : errnoName(-result)}`);
      for (const blob of extra.blobs ?? []) device.destroyBlob(blob);
      extra.blobs = [];
      if (isLostMaster(result)) {
        this.lostMaster();
        continue;
      }
      if (result !== 0) throw new Error(`the KMS commit was refused by ${path}: ${describeErrno(-result)} (${request.size} properties${modeset ? ', with a modeset' : ''})`);
      this.needsModeset = false;
      const timeoutMs = modeset ? MODESET_FLIP_TIMEOUT_MS : FLIP_TIMEOUT_MS;
      const presentedAt = await new Promise<number>((resolve) => {
        const timer = setTimeout(() => {
          // A thread kept busy past the deadline (a long paint on a slow device) runs its timers
          // before it reads the device, where the flip may be waiting: the loop's poll phase
          // reads it before setImmediate's turn, so only a flip still missing then is reported.
          setImmediate(() => {
            if (!this.flips.delete(seq)) return;
            this.owner.error(new Error(`no page flip from ${path} within ${timeoutMs} ms${modeset ? ' of a modeset' : ''}; going on`));
            resolve(performance.now());
          });
        }, timeoutMs);
        this.flips.set(seq, (at) => {
          clearTimeout(timer);
          resolve(at);
        });
      });
      return { presentedAt, fence };
    }
  }

  /** A page-flip event from the device. */
  flipped(event: { commit: number; sequence: number; timeMs: number; agoMs: number }): void {
    this.owner.log(`flip ${event.commit} at ${event.timeMs.toFixed(1)} ms (sequence ${event.sequence})`);
    this.flipTimesMs.push(event.timeMs);
    this.flipSequences.push(event.sequence);
    if (this.flipTimesMs.length > FLIP_LOG) {
      this.flipTimesMs.shift();
      this.flipSequences.shift();
    }
    const done = this.flips.get(event.commit);
    this.flips.delete(event.commit);
    done?.(performance.now() - event.agoMs);
  }

  /** Another client took master (a commit or a test was refused with EACCES): wait for it to come back. */
  lostMaster(): void {
    this.pause(`${this.owner.path} is no longer ours (another client took DRM master)`, this.owner.viaSeat ? 'seat' : 'master');
  }

  /** Stops commits until resume() (see the top of this file for the causes). */
  pause(reason: string, cause: PauseCause): void {
    if (this.pause_) return;
    let resolve!: () => void;
    const resume = new Promise<void>((r) => { resolve = r; });
    this.pause_ = { reason, resume, resolve };
    if (cause === 'vt') this.owner.device.dropMaster();
    this.owner.paused(reason, cause);
    this.owner.log(`paused (${cause})`);
    if (cause === 'master') this.retryMaster();
  }

  /** Takes master back and lets waiting commits go; false while master is not ours yet. */
  resume(): boolean {
    const paused = this.pause_;
    if (!paused || this.closed) return false;
    const { device } = this.owner;
    if (!device.isMaster() && device.setMaster() !== 0) return false;
    this.pause_ = null;
    this.needsModeset = true;
    paused.resolve();
    this.owner.resumed(this.waiting === 0);
    return true;
  }

  /** Resolves every commit waiting for a flip (the device is gone or closing). */
  releaseFlips(): void {
    for (const done of this.flips.values()) done(performance.now());
    this.flips.clear();
  }

  /** No more commits: waiting ones throw, pending flips resolve. */
  close(): void {
    this.closed = true;
    this.pause_?.resolve();
    this.releaseFlips();
  }

  private async whileActive(): Promise<void> {
    while (this.pause_ && !this.closed) {
      this.waiting++;
      await this.pause_.resume;
      this.waiting--;
    }
  }

  private retryMaster(): void {
    const timer = setInterval(() => {
      if (!this.pause_ || this.closed) return clearInterval(timer);
      if (this.owner.device.setMaster() === 0) {
        clearInterval(timer);
        this.resume();
      }
    }, 500);
    timer.unref();
  }
}

/** EACCES, or EPERM from drivers that say it that way: the device is not ours to commit to. */
export function isLostMaster(result: number): boolean {
  return result === -13 || result === -1;
}
