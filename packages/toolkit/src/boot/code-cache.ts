/**
 * The code cache of a bundled app: V8's compiled code for the bundle, kept on disk between
 * runs so that a start skips parsing and compiling what the last start compiled.
 *
 * One file per bundle and `PLANAR_PROFILE` setting: a header line of JSON, then V8's cache
 * data. The header names what the data was made from: the bundle's SHA-256, Node's version and
 * architecture, and the profile the app ran in (V8 refuses data made under other flags, and the
 * lean profile changes a flag, so the launcher sets that profile again before compiling, unless
 * PLANAR_PROFILE names one; an app that picks its profile in code picks the same one each run). A header that does not match is a
 * miss, never stale code: a rebuilt bundle or an upgraded Node compiles afresh and writes the
 * file again. V8 checks the data once more itself and may still reject it (then it is rewritten).
 * Writes go to a temporary file renamed into place, so a reader never sees half a file.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export interface CacheHeader {
  bundle: string;
  node: string;
  arch: string;
  profile: string;
}

export interface CacheEntry {
  header: CacheHeader;
  data: Buffer;
}

/**
 * Where caches live: `PLANAR_CODE_CACHE` (a directory, or `off`), else `$XDG_CACHE_HOME/planar`,
 * else `~/.cache/planar`. Null when turned off.
 */
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string | null {
  const chosen = env.PLANAR_CODE_CACHE?.trim();
  if (chosen === 'off') return null;
  if (chosen) return path.resolve(chosen);
  const base = env.XDG_CACHE_HOME?.trim() || path.join(homedir(), '.cache');
  return path.join(base, 'planar');
}

/**
 * The cache file for the bundle at `bundlePath` started with PLANAR_PROFILE set to `chosen`
 * (undefined: not set): its name, a hash of its full path, and the setting.
 */
export function cacheFile(directory: string, bundlePath: string, chosen: string | undefined): string {
  const id = createHash('sha256').update(path.resolve(bundlePath)).digest('hex').slice(0, 12);
  return path.join(directory, `${path.basename(bundlePath)}-${id}.${chosen ?? 'app'}.v8cache`);
}

export function bundleHash(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

/** The header this process would write for a bundle with hash `bundle`. */
export function headerFor(bundle: string, profile: string): CacheHeader {
  return { bundle, node: process.version, arch: process.arch, profile };
}

/** The cache entry in `file`, or null when there is none or it cannot be read. */
export function readCache(file: string): CacheEntry | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  const end = bytes.indexOf(0x0a);
  if (end < 0) return null;
  try {
    const header = JSON.parse(bytes.subarray(0, end).toString('utf8')) as CacheHeader;
    if (typeof header?.bundle !== 'string' || typeof header.profile !== 'string') return null;
    return { header, data: bytes.subarray(end + 1) };
  } catch {
    return null;
  }
}

/** Whether `entry` was made for this bundle on this Node (its profile is the launcher's to set). */
export function matches(entry: CacheEntry, bundle: string): boolean {
  return entry.header.bundle === bundle && entry.header.node === process.version && entry.header.arch === process.arch;
}

/** Writes `data` under `header` to `file` atomically; throws with the reason when it cannot. */
export function writeCache(file: string, header: CacheHeader, data: Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), data]));
  renameSync(temporary, file);
}
