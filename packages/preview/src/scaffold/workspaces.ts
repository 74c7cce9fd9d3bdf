/**
 * The npm workspace an app joins: the nearest folder above whose package.json lists
 * "workspaces", and the explicit list in it that the new app's folder is added to.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ScaffoldError } from './name.js';

interface RootManifest {
  workspaces?: unknown;
}

function readManifest(file: string): RootManifest {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RootManifest;
  } catch (error) {
    throw new ScaffoldError(`cannot read ${file}: ${(error as Error).message} — fix the file and run again`);
  }
}

/**
 * The workspace root at or above `from`: the first folder whose package.json has "workspaces".
 * @example findWorkspaceRoot(process.cwd()) // '/home/me/planar'
 */
export function findWorkspaceRoot(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && readManifest(manifest).workspaces !== undefined) return dir;
    if (path.dirname(dir) === dir) break;
  }
  throw new ScaffoldError(`no npm workspace found at or above ${from}: run this inside a Planar checkout (its root package.json lists "workspaces")`);
}

/** The root's "workspaces" list; throws when it is not a plain list of folders (which this cannot edit). */
export function workspaceList(root: string): string[] {
  const file = path.join(root, 'package.json');
  const list = readManifest(file).workspaces;
  if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
    throw new ScaffoldError(`${file}: "workspaces" is not a list of folders, so the app cannot be added to it — add its folder to the list by hand`);
  }
  return list;
}

/**
 * Adds `entry` (a folder relative to `root`, e.g. 'apps/kitchen-panel') to the root's
 * "workspaces" list, after the other apps; returns false when it was already there.
 */
export function addWorkspace(root: string, entry: string): boolean {
  const file = path.join(root, 'package.json');
  const text = readFileSync(file, 'utf8');
  const list = workspaceList(root);
  if (list.includes(entry)) return false;
  const group = entry.split('/')[0] + '/';
  let at = list.length;
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i]!.startsWith(group)) { at = i + 1; break; }
  }
  list.splice(at, 0, entry);
  const manifest = JSON.parse(text) as Record<string, unknown>;
  manifest.workspaces = list;
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  writeFileSync(file, JSON.stringify(manifest, null, indent) + '\n');
  return true;
}
