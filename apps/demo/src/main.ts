#!/usr/bin/env node
/**
 * The demo's command line: runs the panel on a display, or renders it to a PNG.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { backendNames, createApp, loadBackend, type App as PlanarApp, type Backend, type Rotation } from '@planar/toolkit';
import { setSystemClipboard } from '@planar/widgets';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { App } from './App.js';
import { UsageError, helpText, parseArgs, type CliOptions } from './cli.js';
import { createHomeModel } from './model.js';
import { colors } from './theme.js';

/** The display backends this build can load (registered, and their packages installed). */
async function availableBackends(): Promise<string[]> {
  const found: string[] = [];
  for (const name of backendNames()) {
    if (name === 'headless') continue;
    try {
      await loadBackend(name);
      found.push(name);
    } catch {
      // Not installed here: not available.
    }
  }
  return found;
}

async function writeScreenshot(app: PlanarApp, file: string): Promise<string> {
  const png = await app.screenshot();
  const full = path.resolve(file);
  writeFileSync(full, png);
  return full;
}

/**
 * The backend to open: by name, or for the preview the backend with the server options of the
 * command line (over PLANAR_PREVIEW_PORT, _HOST and _TOKEN).
 */
async function chooseBackend(options: CliOptions): Promise<string | Backend> {
  if (options.backend !== 'preview') return options.backend;
  const { previewBackend, previewOptionsFromEnv } = await import('@planar/preview');
  const env = previewOptionsFromEnv();
  const { port, host, token } = options.preview;
  return previewBackend({ port: port ?? env.port, host: host ?? env.host, token: token ?? env.token });
}

/** What `run` ends with: an exit code, or a restart asked for on the settings screen. */
const RESTART = 'restart';

async function run(options: CliOptions): Promise<number | typeof RESTART> {
  const model = createHomeModel({ frozen: options.freeze, doorbell: options.doorbell, camera: options.camera, settings: { rotation: options.rotation } });
  let restart: (() => void) | null = null;
  // The dashboard lays itself out for the app's size (the output's, unless --size is given).
  const app = await createApp(() => jsx(App, { model, onRestart: () => restart?.() }), {
    backend: await chooseBackend(options),
    width: options.size?.width,
    height: options.size?.height,
    rotation: options.rotation,
    background: colors.background,
    title: 'Planar demo',
    appId: 'dev.planar.demo',
    onError: (error) => console.error(`planar-demo: ${error.message}`),
  });
  // Cut, copy and paste go through the system's clipboard where the display has one (Wayland).
  setSystemClipboard(app.display.clipboard ?? null);

  if (options.screenshot) {
    const file = await writeScreenshot(app, options.screenshot);
    console.log(`Wrote ${file} (${describe(app, options.rotation)}, ${app.backend} backend).`);
    await app.close();
    return 0;
  }

  if (app.backend === 'headless') {
    const file = await writeScreenshot(app, 'demo.png');
    const why = options.backend === 'headless' ? 'The panel was rendered headless' : 'No display was found, so the panel was rendered headless';
    console.log(`${why} to ${file} (${describe(app, options.rotation)}).`);
    const ready = await availableBackends();
    if (ready.length) {
      console.log('To see it live, on a Wayland session or a DRM/KMS device (Raspberry Pi) run:');
      for (const b of ready) console.log(`  npm run demo -- --backend=${b}`);
    } else {
      console.log('This build has no display backend yet (the Wayland and DRM/KMS backends are in development),');
      console.log('so the panel can only be rendered headless for now.');
    }
    await app.close();
    return 0;
  }

  if (app.backend === 'preview') {
    // A restart serves on the same port, so open pages reconnect by themselves.
    const server = (app.display as unknown as { server: { port: number } }).server;
    options.preview.port ??= server.port;
    console.log(`Serving the panel at ${describe(app, options.rotation)} to the browser page above; press Ctrl+C to quit.`);
  } else {
    console.log(`Running on the ${app.backend} backend at ${describe(app, options.rotation)}; close the window or press Ctrl+C to quit.`);
  }
  return await new Promise<number | typeof RESTART>((resolve) => {
    const stop = (code: number | typeof RESTART) => {
      void app.close().finally(() => resolve(code));
    };
    restart = () => stop(RESTART);
    app.on('close', ({ reason, lost }) => {
      if (lost) console.error(`planar-demo: ${reason}`);
      stop(lost ? 1 : 0);
    });
    process.once('SIGINT', () => stop(0));
    process.once('SIGTERM', () => stop(0));
  });
}

function describe(app: PlanarApp, rotation: Rotation): string {
  return `${app.width}x${app.height}${rotation ? `, rotated ${rotation}°` : ''}`;
}

async function main(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`planar-demo: ${error.message}\nRun with --help for usage.`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(helpText());
    return 0;
  }
  try {
    for (;;) {
      const result = await run(options);
      if (result !== RESTART) return result;
      console.log('Restarting the panel.');
    }
  } catch (error) {
    console.error(`planar-demo: could not start: ${(error as Error).message}`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
