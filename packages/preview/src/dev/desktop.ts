/**
 * `planar dev <entry>` on the desktop: the app runs in this process on the preview backend and
 * its components are swapped in place as files are saved (see ./loader.ts).
 *
 * The entry's default export is the root component. It is mounted through a signal, so that an
 * entry whose default export is not a hot proxy can still be replaced (the whole tree is then
 * mounted again). An `appOptions` export (createApp's options: size, background, direction…)
 * is read once, at start.
 *
 * What the page and the terminal are told: a syntax error (from esbuild) or an error thrown
 * while a new module runs, until a build succeeds; else the type errors of the last background
 * check; else nothing. The app keeps running the last good build meanwhile.
 */
import { signal, createApp, type App, type AppOptions, type Child } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { previewBackend, type PreviewOptions } from '../backend/backend.js';
import type { PreviewDisplay } from '../backend/display.js';
import { resetHotRegistry } from '../hot/registry.js';
import { HotLoader } from './loader.js';
import { findProject, isAssetFile, type Project } from './project.js';
import { findTsc, TypeChecker } from './type-check.js';
import { watchProject, type ProjectWatcher } from './watch.js';

export interface DevOptions extends PreviewOptions {
  /** The entry module: its default export is the root component. */
  entry: string;
  /** Resolves `entry` against this folder (default: the current one). */
  cwd?: string;
  /** Background type checks when the project has a tsconfig.json (default true). */
  typeCheck?: boolean;
  /** Where status lines go (default: stderr). */
  log?: (line: string) => void;
}

export interface DevRun {
  readonly project: Project;
  readonly app: App;
  /** The preview page's address. */
  readonly url: string;
  /** Stops watching, closes the app and its server. */
  close(): Promise<void>;
}

type Root = (props: Record<string, unknown>) => unknown;

/** Every this many reloads, a reminder that old module versions add up (see ./loader.ts). */
const RELOADS_BEFORE_HINT = 500;

function describe(error: unknown): string {
  return error instanceof Error ? (error.name === 'TransformError' ? error.message : error.stack ?? error.message) : String(error);
}

/**
 * Starts the app of `options.entry` in the preview with hot swapping.
 * @example const dev = await startDev({ entry: 'src/main.tsx', port: 7070 }); console.log(dev.url);
 */
export async function startDev(options: DevOptions): Promise<DevRun> {
  const log = options.log ?? ((line: string) => console.error(line));
  const project = findProject(options.entry, options.cwd);
  resetHotRegistry();
  const loader = new HotLoader(project, { hotRuntimeUrl: new URL('../hot/registry.js', import.meta.url).href });
  const root = signal<Root | null>(null);
  const problems = { build: null as string | null, types: null as string | null };
  let display: PreviewDisplay | null = null;
  let shown: string | null = null;
  const show = () => {
    const text = problems.build ?? problems.types;
    if (text === shown) return;
    shown = text;
    display?.notice(text, 'error');
    if (text) log(`planar dev: ${text}`);
  };

  const takeEntry = (ns: Record<string, unknown>): boolean => {
    if (typeof ns.default !== 'function') {
      problems.build = `${project.entry} has no default export to show: export the root component, e.g. export default () => <App />`;
      return false;
    }
    if (root.peek() !== ns.default) root.value = ns.default as Root;
    return true;
  };

  // A file that does not build is reported; the entry is tried anyway, as it may not need it.
  let appOptions: AppOptions = {};
  try {
    await loader.buildAll();
  } catch (error) {
    problems.build = describe(error);
  }
  try {
    const ns = await loader.loadEntry();
    if (takeEntry(ns) && ns.appOptions && typeof ns.appOptions === 'object') appOptions = ns.appOptions as AppOptions;
  } catch (error) {
    problems.build ??= describe(error);
  }

  const backend = previewBackend({ host: options.host, port: options.port, token: options.token, planes: options.planes, open: options.open });
  const app = await createApp(() => (): Child => (root.value ? jsx(root.value as never, {}) : null), {
    ...appOptions,
    backend,
    // An error thrown by a component shows like a build error, until the next good build.
    onError: (error) => {
      problems.build = describe(error);
      show();
    },
  });
  display = app.display as unknown as PreviewDisplay;
  shown = null;
  show();

  const tsc = options.typeCheck !== false && project.tsconfig ? findTsc(project.root) : null;
  let typeErrorsBefore = -1;
  const checker = tsc && project.tsconfig
    ? new TypeChecker(tsc, project.tsconfig, (errors) => {
      problems.types = errors.length ? `${errors.length} type error${errors.length > 1 ? 's' : ''}:\n${errors.slice(0, 5).join('\n')}` : null;
      if (!errors.length && typeErrorsBefore !== 0) log('planar dev: no type errors');
      typeErrorsBefore = errors.length;
      show();
    })
    : null;
  if (options.typeCheck !== false && project.tsconfig && !tsc) log('planar dev: no type checks: the project has a tsconfig.json but no tsc in node_modules/.bin (npm install -D typescript)');
  checker?.run();

  let hintAt = RELOADS_BEFORE_HINT;
  const watcher: ProjectWatcher = watchProject(project, async (files) => {
    for (const file of files.filter(isAssetFile)) loader.copyAsset(file);
    try {
      const result = await loader.update(files);
      // The last check's errors speak of the code before this build; the next check tells.
      problems.build = null;
      problems.types = null;
      if (!loader.entryLoaded) takeEntry(await loader.loadEntry());
      else if (result.entry) takeEntry(result.entry);
      if (result.swapped.length) log(`planar dev: swapped ${result.swapped.join(', ')}`);
      else if (result.reloaded.length) log(`planar dev: reloaded ${result.reloaded.join(', ')}`);
    } catch (error) {
      problems.build = describe(error);
    }
    if (loader.reloads >= hintAt) {
      hintAt += RELOADS_BEFORE_HINT;
      log(`planar dev: ${loader.reloads} reloads so far, and Node keeps every old module version in memory: restart planar dev when convenient`);
    }
    show();
    checker?.run();
  });
  await watcher.ready;
  log(`planar dev: watching ${project.root}`);

  let closed = false;
  return {
    project, app, url: display.url,
    async close() {
      if (closed) return;
      closed = true;
      checker?.stop();
      await watcher.close();
      await app.close();
    },
  };
}
