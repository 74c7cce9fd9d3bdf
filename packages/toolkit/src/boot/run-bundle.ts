/**
 * Runs an app bundled by `planar build` (one CommonJS file holding the app, Planar and their
 * packages) with V8's code cache: Node 20 has no code cache for ES modules, but a script
 * compiled through `vm.Script` takes cache data and can produce it. The first start compiles
 * as usual and, once the first frame is committed, saves the code compiled so far (the
 * modules' top level and everything the first frame ran); later starts hand that to V8, which
 * then skips parsing and compiling it. See code-cache.ts for when a cache is used.
 *
 * The app sees itself run as it would from its modules: `import.meta.url` names its original
 * files (see `planar build`), and `process.argv[1]`, the program node runs, names its original
 * entry rather than the launcher, so the usual "am I the program?" check still answers yes.
 *
 * This module imports nothing of the toolkit's (the bundle holds its own copy): it leaves
 * what it did under `Symbol.for('planar.boot')`, where the bundled toolkit's start-up trace
 * finds it, and is told there when the first frame was committed.
 * @example // the launcher `planar build` writes beside the bundle:
 * import { runBundle } from '@planar/toolkit/boot';
 * runBundle(new URL('./main.cjs', import.meta.url), { entry: '../main.js' });
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { applyProfile, PROFILES, type Profile } from '../engines/profile.js';
import { bundleHash, cacheDirectory, cacheFile, headerFor, matches, readCache, writeCache } from './code-cache.js';

export type CacheOutcome = 'hit' | 'miss' | 'stale' | 'rejected' | 'off';

/** What the launcher leaves for the bundled toolkit. */
export interface BootRecord {
  steps: { name: string; start: number; end: number; rss?: number; note?: string }[];
  cache: CacheOutcome;
  /** The profile set before the bundle compiled, when known: CanvasKit may start compiling at once. */
  profile?: Profile;
  /** Called by the bundled toolkit once the first frame is committed, with the profile it ran in. */
  firstFrame(profile: string | null): void;
}

const BOOT = Symbol.for('planar.boot');

export interface RunOptions {
  /** The app's original entry, relative to the bundle's folder: `process.argv[1]` names it. */
  entry?: string;
}

/** Compiles and runs the bundle at `bundle` (a path or file URL), with its code cache. */
export function runBundle(bundle: string | URL, options: RunOptions = {}): void {
  const start = performance.now();
  const file = bundle instanceof URL || bundle.startsWith('file:') ? fileURLToPath(bundle) : path.resolve(bundle);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the app bundle ${file}: ${(error as Error).message}; build it with planar build`);
  }
  const hash = bundleHash(source);
  const chosen = process.env.PLANAR_PROFILE?.trim() || undefined;
  const directory = cacheDirectory();
  const where = directory ? cacheFile(directory, file, chosen) : null;
  const entry = where ? readCache(where) : null;
  const usable = entry && matches(entry, hash) ? entry : null;
  // V8 takes cache data only under the flags it was made with: set the profile PLANAR_PROFILE
  // names, or the one the app ran in last time, before anything compiles.
  const named = chosen ?? usable?.header.profile;
  const profile = named && PROFILES.includes(named as Profile) ? (named as Profile) : undefined;
  if (profile) applyProfile(profile);

  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData: usable?.data,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const cache: CacheOutcome = !where ? 'off' : !entry ? 'miss' : !usable ? 'stale' : script.cachedDataRejected ? 'rejected' : 'hit';
  const record: BootRecord = {
    steps: [],
    cache,
    profile,
    firstFrame(ranIn) {
      if (!where || cache === 'hit') return;
      let saved = false;
      const save = () => {
        if (saved) return;
        saved = true;
        saveCache(where, headerFor(hash, ranIn ?? 'default'), script);
      };
      // Soon, off the frame's path; or as the process exits, if that comes first (a screenshot run).
      setImmediate(save);
      process.once('exit', save);
    },
  };
  (globalThis as { [BOOT]?: BootRecord })[BOOT] = record;
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  record.steps.push({ name: 'bundle', start, end: performance.now(), rss: process.memoryUsage.rss(), note: `code cache: ${cache}` });
  if (options.entry) process.argv[1] = path.resolve(path.dirname(file), options.entry);
  const module = { exports: {} };
  run(module.exports, createRequire(file), module, file, path.dirname(file));
}

function saveCache(where: string, header: ReturnType<typeof headerFor>, script: vm.Script): void {
  try {
    writeCache(where, header, script.createCachedData());
  } catch (error) {
    console.warn(`planar: the code cache could not be written to ${where}: ${(error as Error).message}; set PLANAR_CODE_CACHE to a writable directory, or to off`);
  }
}
