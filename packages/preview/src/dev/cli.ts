/**
 * `planar dev`: argument parsing and the two ways to run (the desktop preview, or a device over ssh).
 */
import { homedir } from 'node:os';
import { runDevice } from './device.js';
import { startDev } from './desktop.js';

export const DEV_HELP = `Usage: planar dev [options] <entry>

Runs the app whose root component is the default export of <entry> (a .tsx/.ts module, e.g.
src/main.tsx with \`export default function Root() { return <App /> }\`). An \`appOptions\` export,
if any, is passed to createApp (width, height, background…). A main that only calls createApp
itself is not an entry for planar dev: export its root component.

On the desktop (default) the app runs in a browser page (the preview backend). Saving a file
swaps the components it defines in place: components and modules that did not change keep
their signals. Syntax errors, errors thrown by new code and (with a tsconfig.json) type errors
show in the page and here; the app keeps running the last good build. Every save loads new
versions of the edited modules and Node never frees the old ones, so memory grows a little with
each save: restart planar dev after many hundreds of saves.

With --device the app runs on a panel over ssh: the build is copied there and the app is
restarted on every save, its output printed here with a [device] prefix.

Options:
  --port N           desktop: the preview page's port (default: a free one)
                     --device: the ssh port
  --host ADDR        desktop: the address to serve on (default 127.0.0.1; others need the token)
  --token T          desktop: the token pages must carry off loopback (default: made up).
                     Other users can read it in \`ps\`: set PLANAR_PREVIEW_TOKEN=T instead
  --open             desktop: open the page in the browser
  --no-type-check    desktop: no background tsc
  --device USER@HOST run on this device over ssh (a key login: set one up with ssh-copy-id)
  --backend NAME     --device: the backend there: auto (default), kms, wayland or headless
  --remote-dir DIR   --device: the app's folder there, with its node_modules installed
                     (default planar-dev/<package name> in the login's home; quote a ~
                     so that it means the device's home, not this computer's)
  --identity FILE    --device: the ssh private key
  --ssh-option K=V   --device: an ssh -o option (repeatable)
  --help             this text

Examples:
  planar dev src/main.tsx
  planar dev --device pi@panel.local --backend=kms --remote-dir '~/my-app' src/main.tsx
  PLANAR_PREVIEW_TOKEN=$(cat ~/.planar-token) planar dev --host 0.0.0.0 src/main.tsx`;

export class UsageError extends Error {}

export interface DevArgs {
  entry: string;
  port?: number;
  host?: string;
  token?: string;
  open: boolean;
  typeCheck: boolean;
  device?: string;
  backend?: string;
  remoteDir?: string;
  identity?: string;
  sshOptions: string[];
  help: boolean;
}

const VALUED = new Set(['--port', '--host', '--token', '--device', '--backend', '--remote-dir', '--identity', '--ssh-option']);
const BACKENDS = ['auto', 'kms', 'wayland', 'headless'];

/**
 * Parses `planar dev`'s arguments (after `dev`); throws UsageError saying what is wrong. The
 * desktop preview's token comes from PLANAR_PREVIEW_TOKEN in `env` when --token is not given.
 */
export function parseDevArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): DevArgs {
  const args: DevArgs = { entry: '', open: false, typeCheck: true, sshOptions: [], help: false };
  const entries: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') { args.help = true; continue; }
    if (arg === '--open') { args.open = true; continue; }
    if (arg === '--no-type-check') { args.typeCheck = false; continue; }
    if (!arg.startsWith('-')) { entries.push(arg); continue; }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUED.has(flag)) throw new UsageError(`unknown option ${flag} (see planar dev --help)`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) throw new UsageError(`${flag} needs a value (see planar dev --help)`);
    if (flag === '--port') {
      if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new UsageError(`--port must be a port number from 0 to 65535, got "${value}"`);
      args.port = Number(value);
    } else if (flag === '--backend') {
      if (!BACKENDS.includes(value)) throw new UsageError(`--backend must be one of ${BACKENDS.join(', ')}, got "${value}"`);
      args.backend = value;
    } else if (flag === '--ssh-option') {
      if (!/^\w+=./.test(value)) throw new UsageError(`--ssh-option takes Key=Value (an ssh -o option), got "${value}"`);
      args.sshOptions.push(value);
    } else if (flag === '--device') {
      if (/\s/.test(value) || value.startsWith('-')) throw new UsageError(`--device takes user@host, got "${value}"`);
      args.device = value;
    } else if (flag === '--host') args.host = value;
    else if (flag === '--token') args.token = value;
    else if (flag === '--remote-dir') args.remoteDir = value;
    else if (flag === '--identity') args.identity = value;
  }
  if (args.help) return args;
  if (entries.length !== 1) throw new UsageError(entries.length ? `planar dev takes one entry, got ${entries.join(' ')}` : 'the entry module is missing, e.g. planar dev src/main.tsx (see planar dev --help)');
  args.entry = entries[0]!;
  const deviceOnly = (['backend', 'remoteDir', 'identity'] as const).filter((k) => args[k] !== undefined);
  if (!args.device && (deviceOnly.length || args.sshOptions.length)) throw new UsageError(`--backend, --remote-dir, --identity and --ssh-option go with --device user@host`);
  if (args.device && (args.host || args.token || args.open)) throw new UsageError('--host, --token and --open are for the desktop preview, not --device');
  if (!args.device && args.token === undefined && env.PLANAR_PREVIEW_TOKEN) args.token = env.PLANAR_PREVIEW_TOKEN;
  return args;
}

/** Runs until Ctrl+C (or SIGTERM); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let args: DevArgs;
  try {
    args = parseDevArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`planar dev: ${error.message}`);
    return 2;
  }
  if (args.help) {
    console.log(DEV_HELP);
    return 0;
  }
  const home = homedir();
  if (args.remoteDir && home.length > 1 && args.remoteDir.startsWith(`${home}/`)) {
    console.error(`planar dev: --remote-dir ${args.remoteDir} is in this computer's home folder; if you meant the device's, write '~/${args.remoteDir.slice(home.length + 1)}' (quoted, so that this shell leaves the ~ alone)`);
  }
  let run: { close(): Promise<void> };
  try {
    run = args.device
      ? await runDevice({ entry: args.entry, backend: args.backend, remoteDir: args.remoteDir, target: { destination: args.device, port: args.port, identity: args.identity, options: args.sshOptions } })
      : await startDev({ entry: args.entry, port: args.port, host: args.host, token: args.token, open: args.open, typeCheck: args.typeCheck });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      run.close().then(() => resolve(0), (error: unknown) => {
        console.error(`planar dev: ${error instanceof Error ? error.message : String(error)}`);
        resolve(1);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
