/**
 * Loads a package's stories at run time, for the gallery.
 *
 * 1. Every `*.stories.tsx` (or .ts/.jsx/.js) under the folder is found, skipping node_modules,
 *    dist and hidden folders; `stories.config.tsx` next to the package's package.json is
 *    taken too when there is one.
 * 2. esbuild bundles them in one build to ES modules in a fresh temporary folder: TSX with the
 *    automatic runtime from '@planar/toolkit', code splitting on, so that what the files share
 *    (the package's own source, say) is one module for all of them. `@planar/*` imports stay
 *    imports, rewritten to the absolute file the package folder resolves them to: the stories,
 *    the config and the gallery then share one toolkit (one signal graph, one context), and
 *    the bundle runs from a temporary folder that has no node_modules of its own.
 * 3. The bundles are imported and their stories collected. The temporary folder stays until
 *    `dispose()` (a story may import a chunk lazily); each load uses a new folder, since an
 *    ES module is cached by its URL.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Message, type Plugin } from 'esbuild';
import { collectStories, configError, type StoryProblem } from './collect.js';
import type { StoriesConfig, StoryEntry } from './types.js';

export interface LoadedStories {
  /** The folder the stories were read from, absolute. */
  dir: string;
  stories: StoryEntry[];
  problems: StoryProblem[];
  /** The `stories.config` module, or undefined when the folder has none. */
  config: StoriesConfig | undefined;
  /** The files read (stories and config), absolute. */
  files: string[];
  /** Removes the bundles' temporary folder. Safe to call twice. */
  dispose(): Promise<void>;
}

const STORY_FILE = /\.stories\.(tsx|ts|jsx|js)$/;
const SKIPPED = new Set(['node_modules', 'dist']);
export const CONFIG_FILES = ['stories.config.tsx', 'stories.config.ts', 'stories.config.jsx', 'stories.config.js'];

/** Every stories file under `dir`, sorted. */
export async function findStoryFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (STORY_FILE.test(entry.name)) found.push(full);
    }
  };
  await walk(dir);
  return found.sort();
}

/** Keeps `@planar/*` imports as imports of the absolute file the package folder resolves them to. */
function sharedPlanarPackages(): Plugin {
  return {
    name: 'planar-shared-packages',
    setup(b) {
      b.onResolve({ filter: /^@planar\// }, async (args) => {
        if (args.pluginData === 'resolving') return undefined;
        const resolved = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'resolving' });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        return { path: pathToFileURL(resolved.path).href, external: true };
      });
    },
  };
}

function describeMessage(message: Message): string {
  const where = message.location ? `${message.location.file}:${message.location.line}:${message.location.column + 1}: ` : '';
  return `${where}${message.text}`;
}

/**
 * Finds, bundles and imports the stories under `dir`. Rejects with every build error (file,
 * line and column) when the files do not compile; stories that load but are malformed come
 * back as `problems`.
 * @example const { stories, problems, config } = await loadStories('packages/widgets');
 */
export async function loadStories(dir: string): Promise<LoadedStories> {
  const root = path.resolve(dir);
  if (!existsSync(root)) throw new Error(`there is no folder ${root}; give the folder of a package with *.stories.tsx files`);
  const storyFiles = await findStoryFiles(root);
  const configFile = CONFIG_FILES.map((name) => path.join(root, name)).find((file) => existsSync(file));
  const entries = configFile ? [...storyFiles, configFile] : storyFiles;
  if (storyFiles.length === 0) return { dir: root, stories: [], problems: [], config: undefined, files: entries, dispose: async () => {} };

  const out = await mkdtemp(path.join(tmpdir(), 'planar-stories-'));
  const dispose = () => rm(out, { recursive: true, force: true });
  try {
    await build({
      entryPoints: entries, outdir: out, outbase: root, entryNames: '[dir]/[name]', chunkNames: 'chunks/[name]-[hash]',
      bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20', outExtension: { '.js': '.mjs' },
      jsx: 'automatic', jsxImportSource: '@planar/toolkit', sourcemap: 'inline', logLevel: 'silent', write: true,
      plugins: [sharedPlanarPackages()],
    }).catch((error: { errors?: Message[]; message: string }) => {
      const lines = error.errors?.map(describeMessage) ?? [error.message];
      throw new Error(`the stories in ${root} do not compile:\n${lines.join('\n')}`);
    });
    const outputOf = (file: string) => {
      const relative = path.relative(root, file).replace(/\.(tsx|ts|jsx|js)$/, '.mjs');
      return pathToFileURL(path.join(out, relative)).href;
    };
    const modules: Record<string, unknown> = {};
    const failed: StoryProblem[] = [];
    for (const file of entries) {
      const name = path.relative(root, file);
      try {
        modules[name] = await import(outputOf(file));
      } catch (error) {
        failed.push({ file: name, message: `${name} throws while it loads: ${(error as Error).message ?? String(error)}` });
      }
    }
    const configName = configFile ? path.relative(root, configFile) : undefined;
    const config = configName ? modules[configName] as StoriesConfig | undefined : undefined;
    if (configName) delete modules[configName];
    const { stories, problems } = collectStories(modules);
    const badConfig = configName && !failed.some((p) => p.file === configName) ? configError(config) : null;
    if (badConfig) failed.push({ file: configName!, message: `${configName}: ${badConfig}` });
    return { dir: root, stories, problems: [...failed, ...problems], config: badConfig ? undefined : config, files: entries, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
