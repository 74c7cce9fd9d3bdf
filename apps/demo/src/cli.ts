/**
 * The demo's options: parsing and the help text.
 */
import { backendNames, type Rotation } from '@planar/toolkit';
import type { Size } from './App.js';

const ROTATIONS = [0, 90, 180, 270] as const;

/** The choices of --backend: auto and every backend registered with the toolkit. */
const backendChoices = () => ['auto', ...backendNames()];

/** The help text; it lists the backends registered when it is asked for. */
export const helpText = (): string => `Usage: planar-demo [options]

A smart-home panel built with Planar: device tiles, a thermostat, recent events.

Options:
  --backend=NAME        where to draw: ${backendChoices().join(', ')}
                        (default: auto, which picks Wayland when WAYLAND_DISPLAY
                        is set, else DRM/KMS when /dev/dri has a card, else headless)
  --size=WxH            logical size, e.g. 800x480 (default: the display's size;
                        800x480 when headless)
  --rotation=0|90|180|270
                        rotates the output by this many degrees (default: 0)
  --screenshot=FILE     renders, writes the first frame to FILE as a PNG and exits
  --port=N              with --backend=preview: the port to serve the page on
                        (default: any free port; the URL is printed)
  --host=ADDRESS        with --backend=preview: the address to bind (default
                        127.0.0.1); any other needs the token, printed in the URL
  --token=TOKEN         with --backend=preview: the token pages must carry (at
                        least 16 letters, digits, - or _; default: made up)
  --freeze              fixed time (09:41) and data, no timers or animation, so
                        screenshots are the same on every run
  --doorbell            starts with the doorbell popup (the front-door camera)
                        open and in place; with --freeze its picture is still too
  --camera=DEVICE       the front-door camera's picture comes from this V4L2
                        capture device (a USB camera: /dev/video0) instead of
                        the simulated porch
  --help                shows this help

With no display (the headless backend) and no --screenshot, the panel is written
to demo.png in the current folder.

Examples:
  npm run demo -- --backend=wayland
  npm run demo -- --backend=kms --rotation=90
  npm run demo -- --backend=preview --port=7070
  node apps/demo/dist/main.js --screenshot=panel.png --size=1024x600 --freeze
  node apps/demo/dist/main.js --screenshot=doorbell.png --freeze --doorbell
  npm run demo -- --backend=kms --doorbell --camera=/dev/video0
`;

export interface CliOptions {
  /** 'auto' or the name of a registered backend. */
  backend: string;
  size: Size | null;
  rotation: Rotation;
  screenshot: string | null;
  /** The preview backend's server: where it listens and the token it requires (null: its default). */
  preview: { port: number | null; host: string | null; token: string | null };
  freeze: boolean;
  doorbell: boolean;
  /** A V4L2 capture device for the front-door camera, or null for the simulated one. */
  camera: string | null;
  help: boolean;
}

export class UsageError extends Error {}

/** Parses the arguments (`--name=value` or `--name value`); throws a UsageError naming the bad option. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    backend: 'auto', size: null, rotation: 0, screenshot: null, preview: { port: null, host: null, token: null }, freeze: false, doorbell: false, camera: null, help: false,
  };
  const withValue = new Set(['--backend', '--size', '--rotation', '--screenshot', '--port', '--host', '--token', '--camera']);
  const flags = new Set(['--freeze', '--doorbell', '--help', '-h']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (flags.has(name)) {
      if (eq > 0) throw new UsageError(`${name} takes no value (got "${arg}")`);
      if (name === '--freeze') options.freeze = true;
      else if (name === '--doorbell') options.doorbell = true;
      else options.help = true;
      continue;
    }
    if (!withValue.has(name)) {
      throw new UsageError(`unknown option "${arg}"; the options are --backend, --size, --rotation, --screenshot, --port, --host, --token, --camera, --freeze, --doorbell and --help`);
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) value = argv[++i];
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value, e.g. ${example(name)}`);

    if (name === '--backend') {
      if (!backendChoices().includes(value)) {
        throw new UsageError(`--backend must be one of ${backendChoices().join(', ')} (got "${value}")`);
      }
      options.backend = value;
    } else if (name === '--size') {
      const m = /^(\d{1,5})x(\d{1,5})$/.exec(value);
      const width = m ? Number(m[1]) : 0, height = m ? Number(m[2]) : 0;
      if (!m || width < 64 || height < 64 || width > 8192 || height > 8192) {
        throw new UsageError(`--size must be WIDTHxHEIGHT in logical pixels, each 64 to 8192, e.g. --size=800x480 (got "${value}")`);
      }
      options.size = { width, height };
    } else if (name === '--rotation') {
      const r = Number(value);
      if (!/^\d+$/.test(value) || !(ROTATIONS as readonly number[]).includes(r)) {
        throw new UsageError(`--rotation must be one of ${ROTATIONS.join(', ')} (got "${value}")`);
      }
      options.rotation = r as Rotation;
    } else if (name === '--port') {
      if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new UsageError(`--port must be a port number from 0 to 65535 (got "${value}")`);
      options.preview.port = Number(value);
    } else if (name === '--camera') {
      if (!value.startsWith('/')) throw new UsageError(`--camera must be the path of a V4L2 capture device, e.g. --camera=/dev/video0 (got "${value}")`);
      options.camera = value;
    } else if (name === '--host') {
      options.preview.host = value;
    } else if (name === '--token') {
      if (!/^[A-Za-z0-9_-]{16,}$/.test(value)) throw new UsageError('--token must be at least 16 letters, digits, "-" or "_"');
      options.preview.token = value;
    } else {
      options.screenshot = value;
    }
  }
  const given = (['port', 'host', 'token'] as const).filter((k) => options.preview[k] !== null);
  if (given.length && options.backend !== 'preview') {
    throw new UsageError(`--${given[0]} is for the preview backend: add --backend=preview`);
  }
  return options;
}

function example(name: string): string {
  return {
    '--backend': '--backend=wayland', '--size': '--size=800x480', '--rotation': '--rotation=90', '--screenshot': '--screenshot=panel.png',
    '--port': '--port=7070', '--host': '--host=0.0.0.0', '--token': '--token=a-long-random-secret', '--camera': '--camera=/dev/video0',
  }[name] ?? name;
}
