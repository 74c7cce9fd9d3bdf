/**
 * `PLANAR_INSPECT=host:port` on any backend: the inspector on a server of its own, from
 * `@planar/preview/inspector`, which the toolkit loads at run time only (it does not depend on
 * it). Not on loopback, the server requires a token (`PLANAR_INSPECT_TOKEN`, or one it makes);
 * the address printed carries it. The screen is not sent unless `PLANAR_INSPECT_SCREEN=1`.
 * Whatever fails here is one line on stderr: the app keeps running without the inspector.
 */
import type { AppInspector } from './types.js';

/** What `@planar/preview/inspector` offers the toolkit. */
export interface InspectorModule {
  serveInspector(inspector: AppInspector, options: { host: string; port: number; token?: string; screen?: boolean }): Promise<{ url: string; close(): Promise<void> }>;
}

/** `host:port`, `[v6]:port`, `:port` or `port` (host 127.0.0.1); null when it is none of these. */
export function parseInspectAddress(value: string): { host: string; port: number } | null {
  const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(value.trim()) ?? /^()()(\d+)$/.exec(value.trim());
  if (!m) return null;
  const port = Number(m[3]);
  if (port > 65535) return null;
  return { host: m[1] || m[2] || '127.0.0.1', port };
}

const loadModule = (name: string) => import(name) as Promise<InspectorModule>;

/** Serves `inspector` at the address `value` (PLANAR_INSPECT's); `load` imports the server module (tests pass their own). */
export async function serveFromEnv(inspector: AppInspector, value: string, load: (name: string) => Promise<InspectorModule> = loadModule): Promise<void> {
  const address = parseInspectAddress(value);
  if (!address) {
    console.error(`planar: PLANAR_INSPECT=${JSON.stringify(value)} is not host:port (e.g. 127.0.0.1:9339); running without the inspector`);
    return;
  }
  const name = '@planar/preview/inspector';
  let module: InspectorModule;
  try {
    module = await load(name);
  } catch (error) {
    console.error(`planar: PLANAR_INSPECT is set but ${name} could not be loaded (${(error as Error).message.split('\n')[0]}); install @planar/preview to inspect — running without the inspector`);
    return;
  }
  try {
    const token = process.env.PLANAR_INSPECT_TOKEN || undefined;
    const served = await module.serveInspector(inspector, { ...address, token, screen: process.env.PLANAR_INSPECT_SCREEN === '1' });
    // An app that closed while the server started has its hook run at once: the server stops.
    let open = true;
    inspector.onClose(() => {
      open = false;
      void served.close();
    });
    if (open) console.log(`planar inspect: ${served.url}`);
  } catch (error) {
    console.error(`planar: the inspector could not start: ${(error as Error).message}; running without it`);
  }
}
