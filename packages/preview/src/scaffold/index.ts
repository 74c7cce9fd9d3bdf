/**
 * `planar new <name>`: a new app in apps/<name>, made from packages/preview/templates/app —
 * a package with dev, start, build, test and stories scripts, TSX settings, one screen, one
 * story and one test with its golden. It joins the root's workspaces and `npm install` links it.
 *
 * @example
 * import { scaffoldApp } from '@planar/preview/scaffold';
 * const app = scaffoldApp({ name: 'kitchen-panel' });
 * console.log(app.nextSteps.join('\n'));
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ScaffoldError, validateAppName } from './name.js';
import { TEMPLATE_DIR, copyTemplate } from './template.js';
import { addWorkspace, findWorkspaceRoot, workspaceList } from './workspaces.js';

export { ScaffoldError, appNameProblem, validateAppName } from './name.js';
export { TEMPLATE_DIR, templateFiles } from './template.js';
export { addWorkspace, findWorkspaceRoot, workspaceList } from './workspaces.js';

export interface ScaffoldOptions {
  /** The app's name: its folder and `@planar-app/<name>`; lower-case letters, digits and dashes. */
  name: string;
  /** The workspace root (default: found at or above the current folder). */
  root?: string;
  /** The folder the app's folder is made in (default `<root>/apps`). */
  appsDir?: string;
  /** Add the app's folder to the root's "workspaces" (default true). */
  register?: boolean;
  /** Run `npm install` in the root afterwards, so the new workspace is linked (default: when registered). */
  install?: boolean;
  /** Where progress lines go (default: nowhere). */
  log?: (line: string) => void;
}

export interface ScaffoldResult {
  /** The app's folder, absolute. */
  dir: string;
  /** The files written, relative to `dir`. */
  files: string[];
  /** The app is in the root's workspaces (added now, or listed already). */
  registered: boolean;
  /** `npm install` ran and succeeded. */
  installed: boolean;
  /** The commands to run next, from the workspace root (or the app's folder when it has none). */
  nextSteps: NextStep[];
}

export interface NextStep {
  command: string;
  /** What it does, in a few words. */
  what: string;
}

/** The version of the Planar packages this preview belongs to (they are released together). */
function planarVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(TEMPLATE_DIR, '../../package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/** Creates the app; throws a ScaffoldError (and writes nothing) when the name or folder will not do. */
export function scaffoldApp(options: ScaffoldOptions): ScaffoldResult {
  const log = options.log ?? (() => {});
  const register = options.register ?? true;
  const root = options.root ?? (register || !options.appsDir ? findWorkspaceRoot(process.cwd()) : undefined);
  const appsDir = path.resolve(options.appsDir ?? path.join(root!, 'apps'));
  validateAppName(options.name, appsDir);

  const dir = path.join(appsDir, options.name);
  // Commands are given from the root with `-w <folder>`; without a root, from the app's folder.
  const where = root ? path.relative(root, dir).split(path.sep).join('/') : null;
  const joinWorkspace = register && root !== undefined && where !== null;
  if (joinWorkspace) {
    if (where.startsWith('..')) throw new ScaffoldError(`${dir} is outside the workspace root ${root}: give an appsDir inside it, or register: false`);
    workspaceList(root);   // a list this cannot edit is refused before anything is written
  }

  const files = copyTemplate(dir, { appName: options.name, planarVersion: planarVersion() });
  log(`created ${dir} (${files.length} files)`);
  if (joinWorkspace) {
    const added = addWorkspace(root, where);
    log(added ? `added "${where}" to the workspaces in ${path.join(root, 'package.json')}` : `"${where}" was already a workspace`);
  }

  let installed = false;
  if (joinWorkspace && (options.install ?? true)) {
    log('running npm install to link the new workspace…');
    const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
    installed = npm.status === 0;
    if (!installed) log(`npm install did not finish (${npm.error?.message ?? `exit code ${npm.status}`}): run it yourself in ${root}`);
  }

  const w = joinWorkspace ? ` -w ${where}` : '';
  const nextSteps: NextStep[] = [
    ...(joinWorkspace && !installed ? [{ command: 'npm install', what: 'links the new workspace' }] : []),
    { command: 'npm run build', what: 'builds Planar and the app (quick when nothing changed)' },
    { command: `npm run dev${w}`, what: 'the app in the preview: open the URL it prints' },
    { command: `npm test${w}`, what: 'its test and its golden' },
    { command: `npm run stories${w}`, what: 'its stories in the gallery' },
    { command: `npm start${w} -- --backend=wayland`, what: 'the built app on a display (or --backend=kms)' },
  ];
  return { dir, files, registered: joinWorkspace, installed, nextSteps };
}
