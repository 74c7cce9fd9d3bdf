/**
 * The process around the display: the virtual terminal, signals and exit.
 *
 *   console  when the app runs on a VT (stdin is /dev/ttyN, or PLANAR_VT names one), it is put in
 *            KD_GRAPHICS so the kernel console does not draw over the UI, and VT switches are
 *            handed to the process (release → pause and drop master; acquire → resume)
 *   exit     SIGINT, SIGTERM and SIGHUP restore what the CRTC showed and the console's mode at
 *            once; then the app's own handler runs, or, when it has none, the signal is raised
 *            again so the exit status still says what ended the app. Process exit (which also
 *            follows an uncaught exception) restores too
 *
 * VT switch signals are SIGUSR1 (release) and SIGUSR2 (acquire); while the app runs on a VT,
 * SIGUSR1 no longer starts Node's inspector.
 */
import { readlinkSync } from 'node:fs';
import { constants } from 'node:os';
import type { Addon, NativeConsole } from './native.js';

export interface SessionHandlers {
  release(): void;
  acquire(): void;
  /** Puts the display back as it was found; must be synchronous (it runs at exit). */
  restore(): void;
}

const EXIT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The VT this process runs on, or null (a serial console, ssh, a service without a tty). */
export function findVt(env: NodeJS.ProcessEnv): string | null {
  if (env.PLANAR_VT) return env.PLANAR_VT === 'none' ? null : env.PLANAR_VT;
  try {
    const tty = readlinkSync('/proc/self/fd/0');
    return /^\/dev\/tty[1-9]\d*$/.test(tty) ? tty : null;
  } catch {
    return null;
  }
}

export class KmsSession {
  private readonly offs: (() => void)[] = [];
  private console: NativeConsole | null = null;
  private done = false;

  private constructor(private readonly handlers: SessionHandlers) {}

  static start(addon: Addon, handlers: SessionHandlers, env: NodeJS.ProcessEnv = process.env): KmsSession {
    const session = new KmsSession(handlers);
    const vt = findVt(env);
    if (vt) {
      try {
        session.console = new addon.Console(vt);
        session.console.setGraphics(true);
        session.console.watchSwitches(constants.signals.SIGUSR1, constants.signals.SIGUSR2);
        session.listen('SIGUSR1', () => {
          handlers.release();
          session.console?.allowRelease();
        });
        session.listen('SIGUSR2', () => {
          session.console?.acknowledgeAcquire();
          handlers.acquire();
        });
      } catch (error) {
        console.error(`planar: the console ${vt} stays in text mode: ${(error as Error).message}`);
      }
    }
    for (const signal of EXIT_SIGNALS) {
      session.listen(signal, () => {
        session.finish();
        // The app's own handler (a graceful close) runs next; without one, end as the signal asks.
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      });
    }
    session.listen('exit', () => session.finish());
    return session;
  }

  private listen(event: string, fn: () => void): void {
    process.on(event as NodeJS.Signals, fn);
    this.offs.push(() => process.off(event as NodeJS.Signals, fn));
  }

  /** Restores the display and the console and stops listening; safe to call twice. */
  finish(): void {
    if (this.done) return;
    this.done = true;
    try {
      this.handlers.restore();
    } finally {
      this.console?.restore();
      this.console = null;
      for (const off of this.offs.splice(0)) off();
    }
  }

  dispose(): void {
    this.finish();
  }
}
