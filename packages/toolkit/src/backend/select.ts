/**
 * Picks and opens a backend. `auto` tries wayland (when WAYLAND_DISPLAY is set), then kms
 * (when a DRM card exists), then headless, and says why each earlier one was passed over.
 * Backend packages are loaded with a runtime `import()` of their name: the toolkit never
 * depends on them; they depend on the toolkit's contract.
 */
import { readdirSync } from 'node:fs';
import { BackendUnavailableError, type Backend, type Display, type OpenOptions } from './contract.js';
import { headless, type HeadlessOptions } from './headless.js';

export type BackendKind = 'auto' | 'headless' | 'wayland' | 'kms';

const PACKAGES: Record<'wayland' | 'kms', string> = {
  wayland: '@planar/native-wayland',
  kms: '@planar/kms-backend',
};

async function loadBackend(kind: 'wayland' | 'kms'): Promise<Backend> {
  const name = PACKAGES[kind];
  let mod: { backend?: Backend };
  try {
    mod = (await import(name)) as { backend?: Backend };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const why = e.code === 'ERR_MODULE_NOT_FOUND' ? `the package ${name} is not installed (npm install ${name})` : `loading ${name} failed: ${e.message}`;
    throw new BackendUnavailableError(kind, why);
  }
  if (!mod.backend) throw new BackendUnavailableError(kind, `${name} does not provide a backend yet`);
  return mod.backend;
}

function hasDrmCard(): boolean {
  try {
    return readdirSync('/dev/dri').some((f) => /^card\d+$/.test(f));
  } catch {
    return false;
  }
}

/** Opens the requested backend; `log` hears why `auto` passed over a backend. */
export async function openDisplay(
  kind: BackendKind,
  options: OpenOptions & HeadlessOptions,
  log: (line: string) => void,
): Promise<{ kind: Exclude<BackendKind, 'auto'>; display: Display }> {
  if (kind === 'headless') return { kind, display: await headless.open(options) };
  if (kind === 'wayland' || kind === 'kms') return { kind, display: await (await loadBackend(kind)).open(options) };
  const passed: string[] = [];
  for (const candidate of ['wayland', 'kms'] as const) {
    if (candidate === 'wayland' && !process.env.WAYLAND_DISPLAY) {
      passed.push('wayland: WAYLAND_DISPLAY is not set');
      continue;
    }
    if (candidate === 'kms' && !hasDrmCard()) {
      passed.push('kms: no DRM card in /dev/dri');
      continue;
    }
    try {
      const display = await (await loadBackend(candidate)).open(options);
      if (passed.length) log(`planar: using the ${candidate} backend (${passed.join('; ')})`);
      return { kind: candidate, display };
    } catch (error) {
      passed.push(error instanceof BackendUnavailableError ? `${candidate}: ${error.reason}` : `${candidate}: ${(error as Error).message}`);
    }
  }
  log(`planar: using the headless backend (${passed.join('; ')})`);
  return { kind: 'headless', display: await headless.open(options) };
}
