/**
 * A project as `planar dev` sees it: the folder of the package.json nearest the entry, its
 * source files (transformed one by one) and its assets (copied), and where the build goes.
 *
 * The build goes to `<root>/node_modules/.planar-dev/`, mirroring the project's layout, so
 * that a bare import in a built file (`@planar/toolkit`) resolves exactly as it does from the
 * source: Node walks up from the built file and meets the project's node_modules.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const SOURCE_EXTENSIONS = ['.tsx', '.ts', '.jsx', '.js', '.mts', '.mjs'];
const ASSET_EXTENSIONS = new Set(['.json', '.png', '.jpg', '.jpeg', '.webp', '.gif', '.svg', '.ttf', '.otf', '.woff', '.woff2', '.txt']);
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'build', 'coverage']);

export interface Project {
  /** The folder of the nearest package.json above the entry. */
  root: string;
  /** The entry module, absolute. */
  entry: string;
  /** Where built files go. */
  outDir: string;
  /** The tsconfig.json at the root, if there is one (type checks run against it). */
  tsconfig: string | null;
}

/** Finds the project of an entry module; throws a usable error when the entry is not there. */
export function findProject(entryArg: string, cwd = process.cwd()): Project {
  const entry = path.resolve(cwd, entryArg);
  if (!existsSync(entry) || !statSync(entry).isFile()) {
    throw new Error(`planar dev: the entry ${entryArg} does not exist (looked for ${entry}); give the module whose default export is the app's root component`);
  }
  if (!isSourceFile(entry)) {
    throw new Error(`planar dev: the entry ${entryArg} is not a source module (${SOURCE_EXTENSIONS.join(', ')})`);
  }
  let root = path.dirname(entry);
  while (!existsSync(path.join(root, 'package.json'))) {
    const up = path.dirname(root);
    if (up === root) { root = path.dirname(entry); break; }
    root = up;
  }
  const tsconfig = path.join(root, 'tsconfig.json');
  return { root, entry, outDir: path.join(root, 'node_modules', '.planar-dev'), tsconfig: existsSync(tsconfig) ? tsconfig : null };
}

/** Whether `file` is transformed (a script module, not a test or a type declaration). */
export function isSourceFile(file: string): boolean {
  const base = path.basename(file);
  if (base.endsWith('.d.ts') || /\.(test|spec)\.[mc]?[jt]sx?$/.test(base)) return false;
  return SOURCE_EXTENSIONS.includes(path.extname(file));
}

/** Whether `file` is copied next to the built modules (data, images, fonts). */
export function isAssetFile(file: string): boolean {
  return ASSET_EXTENSIONS.has(path.extname(file).toLowerCase()) && path.basename(file) !== 'package.json' && !path.basename(file).startsWith('tsconfig');
}

/** Whether a path under the root is left out of the build and the watch (dependencies, builds, hidden folders). */
export function isSkipped(root: string, file: string): boolean {
  const parts = path.relative(root, file).split(path.sep);
  return parts.some((part) => SKIPPED_FOLDERS.has(part) || (part.startsWith('.') && part !== '..'));
}

/** Every source and asset file of the project, absolute. */
export function listProjectFiles(root: string): { sources: string[]; assets: string[] } {
  const sources: string[] = [];
  const assets: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(full);
      } else if (isSourceFile(full)) sources.push(full);
      else if (isAssetFile(full)) assets.push(full);
    }
  };
  walk(root);
  return { sources, assets };
}

/** The built file of a source or asset: same place under the out folder, `.js` for scripts. */
export function outputPath(project: Project, file: string): string {
  const rel = path.relative(project.root, file);
  return path.join(project.outDir, isSourceFile(file) ? rel.replace(/\.[cm]?[jt]sx?$/, path.extname(file) === '.mts' || path.extname(file) === '.mjs' ? '.mjs' : '.js') : rel);
}
