/**
 * The app's entry. `planar dev src/main.tsx` imports it and shows its default export in the
 * preview with its `appOptions`; `npm start` runs it (bundled by `npm run build` into
 * dist/app, which starts faster: see `planar build`) on the best display there is, or on the
 * one `--backend=NAME` names (wayland, kms, preview, headless). `node dist/main.js` runs it
 * from its modules.
 */
import { realpathSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createApp, type AppOptions, type Child } from '@planar/toolkit';
import { App } from './App.js';

/** The root of the app, as `planar dev` and `start()` mount it. */
export default function Root(): Child {
  return <App />;
}

/** createApp's options for this app, on every display (`planar dev` reads them too). */
export const appOptions: AppOptions = { title: '__APP_NAME__', appId: 'app.planar.__APP_NAME__' };

/** The value of `--backend=NAME` or `--backend NAME` in `argv`; 'auto' when absent. */
export function backendArgument(argv: readonly string[]): string {
  const at = argv.findIndex((arg) => arg === '--backend' || arg.startsWith('--backend='));
  if (at < 0) return 'auto';
  const value = argv[at]!.includes('=') ? argv[at]!.slice('--backend='.length) : argv[at + 1];
  if (!value || value.startsWith('-')) throw new Error('--backend needs a name: --backend=wayland, kms, preview or headless');
  return value;
}

/** Starts the app on a display; headless (no display found, or asked for), it renders one frame to app.png. */
export async function start(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const backend = backendArgument(argv);
  const app = await createApp(() => <Root />, { ...appOptions, backend });
  if (app.backend !== 'headless') {
    console.log(`__APP_NAME__ runs on the ${app.backend} backend; close it or press Ctrl+C to quit.`);
    return;
  }
  writeFileSync('app.png', await app.screenshot());
  console.log(`${backend === 'headless' ? 'Rendered' : 'No display was found, so the app was rendered'} headless to app.png.`);
  console.log('To see it live: npm run dev (in a browser), or npm start -- --backend=wayland (or kms).');
  await app.close();
}

/** True when this file is the program node runs, not a module someone imports. */
function runDirectly(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (runDirectly()) {
  start().catch((error: unknown) => {
    console.error(`__APP_NAME__: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
