/**
 * The shell commands `planar dev --device` runs on the device, built here so that every name and
 * path in them is quoted (./ssh.ts shellQuote) and so that they can be run and checked locally.
 *
 * Stopping the previous run is the delicate one. Its pid is kept in DIR/.planar-dev.pid, but
 * a pid outlives its process: once the app has exited, the kernel may give the number to any
 * other process. So a pid is signalled only while it is "ours": alive (kill -0) and its
 * /proc/PID/cmdline carries RUN_MARKER, an argument only the app's node command line has.
 *
 *   ours?  ── no ──▶ nothing to stop
 *     │ yes
 *   SIGTERM, then wait up to 5 s while the pid lives (the app lets go of the display)
 *     │
 *   still ours? ── yes ──▶ SIGKILL
 */
import { shellQuote } from './ssh.js';

/** The runner module, next to the build on the device. */
export const RUNNER = '.planar-run.mjs';

/** The argument that marks the app's node process on the device (see the top of this file). */
export const RUN_MARKER = '--planar-dev-run';

/**
 * The remote folder as a shell word: `~` and `~/x` stay in the login's home, other paths are
 * quoted whole; a path that begins with `-` is made relative (`./-x`) so no command reads it as
 * an option.
 */
export function remoteDirWord(dir: string): string {
  if (dir === '~') return '~';
  if (dir.startsWith('~/')) return `~/${shellQuote(dir.slice(2))}`;
  return shellQuote(dir.startsWith('-') ? `./${dir}` : dir);
}

/**
 * True while $old names a live process whose command line carries the marker. The pattern ends
 * in a bracket (`-ru[n]`) so that it does not match a shell whose own command line is this text.
 */
const OURS = `ours() { [ -n "$old" ] && kill -0 "$old" 2>/dev/null && tr '\\000' ' ' < "/proc/$old/cmdline" 2>/dev/null | grep -q -- '${RUN_MARKER.slice(0, -1)}[${RUN_MARKER.slice(-1)}]'; }`;

const STOP_PREVIOUS = `old=$(cat .planar-dev.pid 2>/dev/null); ${OURS}; `
  + 'if ours && kill "$old" 2>/dev/null; then '
  + 'i=0; while kill -0 "$old" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done; '
  + 'if ours; then kill -9 "$old" 2>/dev/null; fi; fi';

/** Unpacks the build (a tar on stdin) into DIR/.planar-dev. */
export function unpackCommand(dirWord: string): string {
  return `mkdir -p -- ${dirWord}/.planar-dev && tar -x -C ${dirWord}/.planar-dev`;
}

/** Stops the previous run, then becomes the app (exec keeps the pid written to the pid file). Exit 97: no DIR. */
export function startCommand(dirWord: string, backend: string): string {
  return `cd -- ${dirWord} || exit 97; ${STOP_PREVIOUS}; echo $$ > .planar-dev.pid; exec node .planar-dev/${RUNNER} ${shellQuote(backend)} ${RUN_MARKER}`;
}

/** Stops the run and forgets its pid. */
export function stopCommand(dirWord: string): string {
  return `cd -- ${dirWord} 2>/dev/null && { ${STOP_PREVIOUS}; rm -f .planar-dev.pid; }`;
}
