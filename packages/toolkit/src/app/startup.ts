/**
 * The start-up trace: where the time went from the process's start to the first frame, each
 * step with when it began and ended in ms since the process started (`performance.now()`).
 * Steps overlap on purpose: CanvasKit and Yoga compile while the display opens. Each step also
 * notes the resident memory (RSS) when it ended, so the trace tells where the megabytes went.
 *
 *   node        Node's own start, to the moment it began running the app's first module
 *   bundle      reading and compiling the app's bundle, with its code cache (`planar build`)
 *   modules     module loading and the app's own code, until `createApp` was called
 *   display, canvaskit, yoga, fonts, mount
 *   layout, paint, copy   the first frame's, from its stats
 *   first frame the first frame, from its start to its commit
 *
 * `PLANAR_DEBUG=startup` prints it once the first frame is committed; `startupTrace()` gives it
 * to a program (the start-up benchmark reads it).
 */
import { activeProfile } from '../engines/profile.js';

export interface StartupStep {
  name: string;
  /** ms since the process started. */
  start: number;
  end: number;
  /** Resident memory when the step ended, bytes. */
  rss?: number;
  /** What happened, where it helps: `code cache: hit`, say. */
  note?: string;
}

export interface StartupTrace {
  steps: StartupStep[];
  /** When the first frame was committed (handed to the display); NaN until it was. */
  firstFrame: number;
}

/** What a bundle's launcher (`@planar/toolkit/boot`) leaves for the trace, and hears of the first frame. */
const BOOT = Symbol.for('planar.boot');
interface Boot { steps?: StartupStep[]; firstFrame?(profile: string | null): void }
const boot = () => (globalThis as { [BOOT]?: Boot })[BOOT];
const steps: StartupStep[] = [];
let firstFrame = NaN;

/** Records a step that runs while `work` is pending. */
export function traceStep<T>(name: string, work: Promise<T>): Promise<T> {
  const step: StartupStep = { name, start: performance.now(), end: NaN };
  if (Number.isNaN(firstFrame)) steps.push(step);
  const done = () => {
    step.end = performance.now();
    step.rss = process.memoryUsage.rss();
  };
  work.then(done, done);
  return work;
}

/** Records a step that ran at another time (a load begun before the app started, say). */
export function traceSpan(name: string, span: { start: number; end: number; rss?: number } | null): void {
  if (span && Number.isNaN(firstFrame)) steps.push({ name, ...span });
}

/** Records a synchronous step. */
export function traceSync<T>(name: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    if (Number.isNaN(firstFrame)) steps.push({ name, start, end: performance.now(), rss: process.memoryUsage.rss() });
  }
}

/** Marks the moment `createApp` was called: what ran before it was module loading and the app's own code. */
export function traceAppStart(): void {
  if (steps.some((s) => s.name === 'modules')) return;
  const launched = boot()?.steps ?? [];
  const begun = nodeReady();
  const bundled = launched.at(-1)?.end ?? begun;
  steps.unshift({ name: 'node', start: 0, end: begun }, ...launched, { name: 'modules', start: bundled, end: performance.now(), rss: process.memoryUsage.rss() });
}

/** Marks the first frame: its parts from the frame's stats, and when it was committed. */
export function traceFirstFrame(started: number, stats: { layoutMs: number; paintMs: number; copyMs: number; presentLatencyMs: number }): void {
  if (!Number.isNaN(firstFrame)) return;
  const end = performance.now() - stats.presentLatencyMs;
  let at = started;
  for (const [name, ms] of [['layout', stats.layoutMs], ['paint', stats.paintMs], ['copy', stats.copyMs]] as const) {
    steps.push({ name, start: at, end: at + ms });
    at += ms;
  }
  steps.push({ name: 'first frame', start: started, end, rss: process.memoryUsage.rss() });
  firstFrame = end;
  boot()?.firstFrame?.(activeProfile());
}

/** The steps in the order they began, the first frame as a whole last. */
export function startupTrace(): StartupTrace {
  const last = (s: StartupStep) => (s.name === 'first frame' ? 1 : 0);
  return { steps: steps.map((s) => ({ ...s })).sort((a, b) => last(a) - last(b) || a.start - b.start), firstFrame };
}

/** The trace as lines a person reads. */
export function formatStartup(trace: StartupTrace = startupTrace()): string {
  const width = Math.max(...trace.steps.map((s) => s.name.length));
  const mib = (bytes: number | undefined) => (bytes === undefined ? '' : `${(bytes / 1048576).toFixed(1)} MiB`.padStart(10));
  const lines = trace.steps.map((s) => `  ${s.name.padEnd(width)}  ${s.start.toFixed(1).padStart(7)} → ${s.end.toFixed(1).padStart(7)}  ${(s.end - s.start).toFixed(1).padStart(6)} ms${mib(s.rss)}${s.note ? `  (${s.note})` : ''}`);
  return [`planar: start-up, ms since the process started (and resident memory at each step's end); first frame committed at ${trace.firstFrame.toFixed(1)} ms`, ...lines].join('\n');
}

/** When Node began running the app's code, ms since the process started. */
function nodeReady(): number {
  return performance.nodeTiming.bootstrapComplete;
}
