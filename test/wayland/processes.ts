/**
 * The processes an end-to-end test starts: compositors, the input injector, the demo. Each is
 * spawned with its output kept (the last few kilobytes, for error messages), stopped by its
 * PID — SIGTERM, then SIGKILL if it is still there after a grace period — and remembered until
 * it has exited, so that a test runner that dies early still takes them down with it
 * (a last SIGKILL on the runner's `exit`).
 *
 * `waitFor` polls a condition with a deadline and fails naming what it waited for.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

const KEPT_OUTPUT = 8192;

export interface Exit { code: number | null; signal: NodeJS.Signals | null }

export interface Launched {
  readonly name: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves when the process has exited. */
  readonly exited: Promise<Exit>;
  /** Whether it has exited. */
  readonly done: boolean;
  /** The tail of what it wrote on stdout and stderr, interleaved. */
  output(): string;
  /** The tail of what it wrote on stderr alone. */
  stderr(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<Exit>;
}

const alive = new Set<Launched>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const p of alive) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  });
}

/**
 * Starts `command` with `args`. stdout is piped unless `options.stdio` says otherwise, so the
 * caller can read it (`child.stdout`); both streams are also kept for `output()`.
 */
export function launch(name: string, command: string, args: readonly string[], options: SpawnOptions = {}): Launched {
  installExitHook();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let kept = '', keptErr = '';
  const keep = (chunk: Buffer) => {
    kept = (kept + chunk.toString('utf8')).slice(-KEPT_OUTPUT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.stderr?.on('data', (chunk: Buffer) => {
    keptErr = (keptErr + chunk.toString('utf8')).slice(-KEPT_OUTPUT);
  });
  let done = false;
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      done = true;
      alive.delete(launched);
      resolve({ code, signal });
    });
    child.once('error', (error) => {
      kept += `\n${name}: ${error.message}`;
      done = true;
      alive.delete(launched);
      resolve({ code: null, signal: null });
    });
  });
  const launched: Launched = {
    name,
    pid: child.pid ?? -1,
    child,
    exited,
    get done() { return done; },
    output: () => kept.trim(),
    stderr: () => keptErr.trim(),
    stop: (graceMs = 2000) => stopProcess(launched, graceMs),
  };
  if (child.pid !== undefined) alive.add(launched);
  return launched;
}

async function stopProcess(p: Launched, graceMs: number): Promise<Exit> {
  if (p.done || p.pid < 0) return p.exited;
  signal(p.pid, 'SIGTERM');
  const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), graceMs).unref());
  if ((await Promise.race([p.exited, timer])) === 'late') signal(p.pid, 'SIGKILL');
  return p.exited;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** A short description of how a process ended, with the tail of its output. */
export function describeExit(p: Launched, exit: Exit): string {
  const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
  const out = p.output();
  return `${p.name} (pid ${p.pid}) ${how}${out ? `; its last output:\n${out.split('\n').slice(-25).join('\n')}` : ' without output'}`;
}

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** A process whose exit ends the wait early, with its output in the error. */
  process?: Launched;
}

/**
 * Polls `probe` until it returns something other than undefined, null or false, and returns
 * that. Fails after `timeoutMs` with "timed out after N ms waiting for <what>" (plus the last
 * error `probe` threw, if any).
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, options: WaitOptions = {}): Promise<T> {
  const { timeoutMs = 5000, intervalMs = 20 } = options;
  const deadline = performance.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    if (options.process?.done) {
      throw new Error(`while waiting for ${what}: ${describeExit(options.process, await options.process.exited)}`);
    }
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
      lastError = null;
    } catch (error) {
      lastError = error;
    }
    if (performance.now() >= deadline) {
      const why = lastError ? ` (last attempt: ${(lastError as Error).message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
