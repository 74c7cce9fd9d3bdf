/**
 * The preview backend: opens a PreviewDisplay on a server of its own and says where to look.
 */
import { spawn } from 'node:child_process';
import type { Backend, HeadlessOptions, OpenOptions } from '@planar/toolkit/backend';
import { startPreviewServer } from '../server/server.js';
import { PreviewDisplay } from './display.js';
import type { PlanesPreset } from './messages.js';

export interface PreviewOptions {
  /** The address to bind (default 127.0.0.1); any other requires the token. */
  host?: string;
  /** The port (default 0: any free one; the printed URL says which). */
  port?: number;
  /** The token pages must carry when the host is not loopback (default: made up, printed in the URL). */
  token?: string;
  /** The hardware planes to emulate (default: the app's `planes` option, else 'vkms'). */
  planes?: PlanesPreset;
  /** Opens the page in the desktop's browser (xdg-open). */
  open?: boolean;
}

/**
 * A backend that shows the app in a browser page. On open it prints `planar preview: <url>`.
 * @example const app = await createApp(() => <App />, { backend: previewBackend({ port: 7070 }) });
 */
export function previewBackend(options: PreviewOptions = {}): Backend & { open(o: OpenOptions & HeadlessOptions): Promise<PreviewDisplay> } {
  if (options.planes !== undefined && options.planes !== 'vkms' && options.planes !== 'pi5') {
    throw new Error(`previewBackend: planes must be 'vkms' or 'pi5', got ${JSON.stringify(options.planes)}`);
  }
  return {
    name: 'preview',
    async open(open: OpenOptions & HeadlessOptions) {
      const server = await startPreviewServer({ host: options.host, port: options.port, token: options.token });
      const fromApp = open.planes === 'vkms' || open.planes === 'pi5' ? open.planes : undefined;
      let display: PreviewDisplay;
      try {
        display = new PreviewDisplay(server, { ...open, planes: options.planes ?? fromApp ?? 'vkms', pacing: open.pacing ?? 'timer' });
      } catch (error) {
        await server.close();
        throw error;
      }
      console.log(`planar preview: ${display.url}`);
      if (options.open) openInBrowser(display.url);
      return display;
    },
  };
}

/** The options the default backend reads from PLANAR_PREVIEW_PORT, _HOST and _TOKEN. */
export function previewOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): PreviewOptions {
  const port = env.PLANAR_PREVIEW_PORT;
  if (port !== undefined && port !== '' && !(/^\d{1,5}$/.test(port) && Number(port) <= 65535)) {
    throw new Error(`PLANAR_PREVIEW_PORT must be a port number from 0 to 65535, got "${port}"`);
  }
  return {
    port: port ? Number(port) : undefined,
    host: env.PLANAR_PREVIEW_HOST || undefined,
    token: env.PLANAR_PREVIEW_TOKEN || undefined,
  };
}

/** The backend registered as 'preview': previewBackend() with the environment's options. */
export const backend: Backend = {
  name: 'preview',
  open: (open: OpenOptions) => previewBackend(previewOptionsFromEnv()).open(open),
};

function openInBrowser(url: string): void {
  try {
    const child = spawn('xdg-open', [url], { stdio: 'ignore', detached: true });
    child.on('error', () => console.log(`planar preview: open ${url} in a browser`));
    child.unref();
  } catch {
    console.log(`planar preview: open ${url} in a browser`);
  }
}
