/**
 * The backend registry: one table from a backend's name to where it comes from.
 *
 * 1. A name maps to a package (loaded with a runtime `import()` of its name, so the toolkit
 *    never depends on a backend package; the package exports `backend`) or to a `Backend`
 *    object. `headless`, `wayland` and `kms` are registered here; any other backend (the
 *    browser preview, one of your own) is added with `registerBackend` and needs no edit of
 *    the toolkit.
 * 2. `auto` walks the backends that asked to be probed, in the order they were registered
 *    (wayland, then kms, then later ones), skips those whose probe says why not (no
 *    WAYLAND_DISPLAY, no DRM card), tries to open the rest, and falls back to headless,
 *    logging why each earlier one was passed over.
 * 3. `createApp(root, { backend })` takes `'auto'`, a registered name, or a `Backend` object.
 * 4. An app bundled by `planar build` carries the backend packages it found installed; the
 *    bundle lists them under `Symbol.for('planar.bundled')`, and a backend is taken from there
 *    first, so that it shares the bundle's one copy of the toolkit.
 */
import { readdirSync } from 'node:fs';
import { BackendUnavailableError, type Backend, type Display, type OpenOptions } from './contract.js';
import { headless, type HeadlessOptions } from './headless.js';

/** `'auto'`, the name of a registered backend, or a backend itself. */
export type BackendChoice = 'auto' | (string & {}) | Backend;

export interface BackendRegistration {
  /**
   * Whether `auto` may pick this backend: `true` tries to open it; a function first says why it
   * cannot work here (a sentence, e.g. "WAYLAND_DISPLAY is not set") or null to try it.
   * Default: `auto` never picks it; it opens only when asked for by name.
   */
  autoProbe?: boolean | (() => string | null);
}

interface Entry { source: string | Backend; autoProbe: boolean | (() => string | null) }

const registry = new Map<string, Entry>();

/**
 * Makes a backend available by name: to `createApp(root, { backend: name })`, to the demo's
 * `--backend=name`, and (with `autoProbe`) to `auto`. `source` is a package name that exports
 * `backend`, or the backend itself. Registering a name again replaces it in its place; the
 * returned function puts back what was there before.
 * @example registerBackend('preview', '@planar/preview');
 * @example registerBackend('fbdev', myFramebufferBackend, { autoProbe: () => existsSync('/dev/fb0') ? null : 'no /dev/fb0' });
 */
export function registerBackend(name: string, source: string | Backend, options: BackendRegistration = {}): () => void {
  if (name === 'auto' || !/^[a-z][a-z0-9-]*$/.test(name)) {
    throw new Error(`registerBackend: "${name}" cannot name a backend: use lower-case letters, digits and dashes, and not "auto"`);
  }
  if (typeof source !== 'string' && typeof source?.open !== 'function') {
    throw new Error(`registerBackend("${name}"): expected a package name or an object with open(options), got ${String(source)}`);
  }
  const before = registry.get(name);
  const entry: Entry = { source, autoProbe: options.autoProbe ?? false };
  // A name registered again keeps its place in `auto`'s order; a new name goes last.
  registry.set(name, entry);
  return () => {
    if (registry.get(name) !== entry) return;
    if (before) registry.set(name, before);
    else registry.delete(name);
  };
}

/** The registered backend names, in the order `auto` considers them (headless last). */
export function backendNames(): string[] {
  const names = [...registry.keys()].filter((n) => n !== 'headless');
  return registry.has('headless') ? [...names, 'headless'] : names;
}

function hasDrmCard(): boolean {
  try {
    return readdirSync('/dev/dri').some((f) => /^card\d+$/.test(f));
  } catch {
    return false;
  }
}

registerBackend('wayland', '@planar/native-wayland', { autoProbe: () => (process.env.WAYLAND_DISPLAY ? null : 'WAYLAND_DISPLAY is not set') });
registerBackend('kms', '@planar/kms-backend', { autoProbe: () => (hasDrmCard() ? null : 'no DRM card in /dev/dri') });
registerBackend('preview', '@planar/preview');
registerBackend('headless', headless);

/** The package names of the registered backends that come from packages (what a bundle carries). */
export function backendPackages(): string[] {
  return [...registry.values()].flatMap((e) => (typeof e.source === 'string' ? [e.source] : []));
}

type Loaders = Record<string, () => Promise<unknown>>;

/** The package, from the bundle when this is a bundled app that carries it, else from node_modules. */
function importPackage(pkg: string): Promise<unknown> {
  const bundled = (globalThis as { [key: symbol]: Loaders | undefined })[Symbol.for('planar.bundled')]?.[pkg];
  return bundled ? bundled() : import(pkg);
}

function unknownBackend(name: string): Error {
  return new Error(
    `no backend is registered as "${name}"; the known backends are auto, ${backendNames().join(', ')}. ` +
    `Check the spelling, or register it first: registerBackend('${name}', '<package that exports backend>')`,
  );
}

/**
 * The backend registered as `name`, its package loaded when it is one. Throws a
 * BackendUnavailableError saying why when the package is missing or provides no backend.
 * @example const kms = await loadBackend('kms'); const display = await kms.open({});
 */
export async function loadBackend(name: string): Promise<Backend> {
  const entry = registry.get(name);
  if (!entry) throw unknownBackend(name);
  if (typeof entry.source !== 'string') return entry.source;
  const pkg = entry.source;
  let mod: { backend?: Backend };
  try {
    mod = (await importPackage(pkg)) as { backend?: Backend };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const missing = e.code === 'ERR_MODULE_NOT_FOUND' && e.message.includes(pkg);
    throw new BackendUnavailableError(name, missing ? `the package ${pkg} is not installed (npm install ${pkg})` : `loading ${pkg} failed: ${e.message}`);
  }
  if (typeof mod.backend?.open !== 'function') throw new BackendUnavailableError(name, `${pkg} does not export a backend (an object with open(options))`);
  return mod.backend;
}

/** Opens the chosen backend; `log` hears why `auto` passed over a backend. */
export async function openDisplay(
  choice: BackendChoice,
  options: OpenOptions & HeadlessOptions,
  log: (line: string) => void,
): Promise<{ name: string; display: Display }> {
  if (typeof choice !== 'string') return { name: choice.name, display: await choice.open(options) };
  if (choice !== 'auto') return { name: choice, display: await (await loadBackend(choice)).open(options) };
  const passed: string[] = [];
  for (const name of backendNames()) {
    const probe = registry.get(name)!.autoProbe;
    if (name === 'headless' || probe === false) continue;
    const why = typeof probe === 'function' ? probe() : null;
    if (why !== null) {
      passed.push(`${name}: ${why}`);
      continue;
    }
    try {
      const display = await (await loadBackend(name)).open(options);
      if (passed.length) log(`planar: using the ${name} backend (${passed.join('; ')})`);
      return { name, display };
    } catch (error) {
      passed.push(error instanceof BackendUnavailableError ? `${name}: ${error.reason}` : `${name}: ${(error as Error).message}`);
    }
  }
  const fallback = await loadBackend('headless');
  log(`planar: using the headless backend (${passed.join('; ')})`);
  return { name: 'headless', display: await fallback.open(options) };
}
