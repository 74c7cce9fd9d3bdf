/**
 * When will the frame being started be on screen? Motion (a fling, a tween) is computed for that
 * moment, not for when the frame began, so that it moves evenly on screen however long each
 * frame took to render.
 *
 * The display presents on vblanks: the last present event gives one vblank (L) and the refresh
 * rate the interval (I) between them, so vblanks fall at L + k·I. A frame started at `now` needs
 * about as long as recent frames took from start to commit (R, a moving average) before it can be
 * committed, and then shows at the first vblank after that:
 *
 *   predicted = L + I · ceil((now + R − L) / I)
 *
 * Until a frame has been presented, or when the refresh rate is unknown, the prediction is `now`.
 * A prediction is never earlier than the last one: time on screen does not go backwards.
 */
export class PresentTime {
  private lastPresent = -Infinity;
  private renderMs = 0;
  private lastPrediction = -Infinity;
  private readonly interval: number;

  /** `refreshMhz`: the output's refresh rate in mHz (0 when unknown). */
  constructor(refreshMhz: number) {
    this.interval = refreshMhz > 0 ? 1e6 / refreshMhz : 0;
  }

  /** A frame reached the screen at `at` (ms, the same clock as `now`). */
  presented(at: number): void {
    if (Number.isFinite(at) && at > 0) this.lastPresent = Math.max(this.lastPresent, at);
  }

  /** A frame took `ms` from its start to its commit. */
  rendered(ms: number): void {
    if (!(ms >= 0 && Number.isFinite(ms))) return;
    this.renderMs = this.renderMs === 0 ? ms : this.renderMs * 0.8 + ms * 0.2;
  }

  /** When a frame started at `now` is expected on screen. */
  predict(now: number): number {
    let at = now;
    if (this.interval > 0 && Number.isFinite(this.lastPresent)) {
      const ready = now + this.renderMs;
      at = this.lastPresent + this.interval * Math.max(1, Math.ceil((ready - this.lastPresent) / this.interval - 1e-9));
    }
    at = Math.max(at, this.lastPrediction);
    this.lastPrediction = at;
    return at;
  }
}
