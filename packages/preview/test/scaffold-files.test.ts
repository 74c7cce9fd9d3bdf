/**
 * What `planar new` writes: the template's files filled in for the app's name, the app added to
 * the root's workspaces (formatting kept), nothing written when the name or folder will not do,
 * and the command line's answers. Everything happens in a temporary workspace root; npm install
 * is never run here (test/preview/scaffold.test.ts builds and tests a real scaffolded app).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScaffoldError, TEMPLATE_DIR, findWorkspaceRoot, scaffoldApp, templateFiles } from '../src/scaffold/index.js';
import { main } from '../src/scaffold/cli.js';

const previewVersion = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const ROOT_MANIFEST = '{\n    "name": "workspace",\n    "workspaces": [\n        "packages/toolkit",\n        "apps/demo",\n        "test"\n    ]\n}\n';

let root = '';
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'planar-root-'));
  writeFileSync(path.join(root, 'package.json'), ROOT_MANIFEST);
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const read = (file: string) => readFileSync(path.join(root, 'apps', 'kitchen-panel', file), 'utf8');
const workspaces = () => (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;

describe('scaffoldApp', () => {
  it('writes every template file into apps/<name>, with the name and version filled in', () => {
    const app = scaffoldApp({ name: 'kitchen-panel', root, install: false });
    expect(app.dir).toBe(path.join(root, 'apps', 'kitchen-panel'));
    expect(app.files).toEqual(templateFiles());
    expect(app.files).toEqual(expect.arrayContaining(['package.json', 'tsconfig.json', 'vitest.config.ts', 'src/App.tsx', 'src/main.tsx',
      'src/App.stories.tsx', 'test/App.test.tsx', 'test/__image_snapshots__/app.png']));
    for (const file of app.files) expect(existsSync(path.join(app.dir, file)), file).toBe(true);

    const manifest = JSON.parse(read('package.json')) as Record<string, Record<string, string>>;
    expect(manifest.name).toBe('@planar-app/kitchen-panel');
    expect(manifest.private).toBe(true);
    expect(manifest.scripts).toMatchObject({
      dev: 'planar dev src/main.tsx', start: 'node dist/app/main.mjs', test: 'vitest run',
      build: 'tsc -p tsconfig.build.json && planar build dist/main.js --out dist/app',
    });
    expect(Object.keys(manifest.scripts!)).toEqual(expect.arrayContaining(['build', 'stories']));
    expect(manifest.dependencies).toEqual({ '@planar/toolkit': previewVersion, '@planar/widgets': previewVersion });
    expect(manifest.devDependencies!['@planar/preview']).toBe(previewVersion);
    expect(read('src/main.tsx')).toContain("appId: 'app.planar.kitchen-panel'");
    expect(JSON.parse(read('tsconfig.json')).compilerOptions).toMatchObject({ jsx: 'react-jsx', jsxImportSource: '@planar/toolkit' });
  });

  it('leaves no placeholder behind and copies the golden byte for byte', () => {
    const app = scaffoldApp({ name: 'kitchen-panel', root, install: false });
    for (const file of app.files.filter((f) => !f.endsWith('.png'))) expect(read(file), file).not.toMatch(/__[A-Z_]+__/);
    const golden = 'test/__image_snapshots__/app.png';
    expect(readFileSync(path.join(app.dir, golden)).equals(readFileSync(path.join(TEMPLATE_DIR, golden)))).toBe(true);
  });

  it('adds the app to the workspaces after the other apps, keeping the file\'s indentation', () => {
    const app = scaffoldApp({ name: 'kitchen-panel', root, install: false });
    expect(app.registered).toBe(true);
    expect(app.installed).toBe(false);
    expect(workspaces()).toEqual(['packages/toolkit', 'apps/demo', 'apps/kitchen-panel', 'test']);
    expect(readFileSync(path.join(root, 'package.json'), 'utf8')).toMatch(/^\{\n {4}"name"/);
    expect(app.nextSteps[0]).toEqual({ command: 'npm install', what: 'links the new workspace' });
    expect(app.nextSteps.map((s) => s.command)).toContain('npm run dev -w apps/kitchen-panel');
  });

  it('with register: false, leaves the root alone and gives commands for the app\'s own folder', () => {
    const app = scaffoldApp({ name: 'kitchen-panel', appsDir: path.join(root, 'apps'), register: false });
    expect(app.registered).toBe(false);
    expect(readFileSync(path.join(root, 'package.json'), 'utf8')).toBe(ROOT_MANIFEST);
    expect(app.nextSteps.map((s) => s.command)).toContain('npm run dev');
  });

  it('writes nothing when the folder exists or the name is refused', () => {
    mkdirSync(path.join(root, 'apps', 'kitchen-panel'), { recursive: true });
    expect(() => scaffoldApp({ name: 'kitchen-panel', root, install: false })).toThrow(/already exists/);
    expect(() => scaffoldApp({ name: 'Hall Panel', root, install: false })).toThrow(ScaffoldError);
    expect(readdirSync(path.join(root, 'apps'))).toEqual(['kitchen-panel']);
    expect(readdirSync(path.join(root, 'apps', 'kitchen-panel'))).toEqual([]);
    expect(workspaces()).toEqual(['packages/toolkit', 'apps/demo', 'test']);
  });

  it('refuses a workspaces setting it cannot add to, before writing any file', () => {
    writeFileSync(path.join(root, 'package.json'), '{ "workspaces": { "packages": ["apps/*"] } }\n');
    expect(() => scaffoldApp({ name: 'kitchen-panel', root, install: false })).toThrow(/"workspaces" is not a list of folders.*add its folder to the list by hand/);
    expect(existsSync(path.join(root, 'apps'))).toBe(false);
  });

  it('finds the workspace root above a nested folder, and says so when there is none', () => {
    mkdirSync(path.join(root, 'apps', 'demo', 'src'), { recursive: true });
    expect(findWorkspaceRoot(path.join(root, 'apps', 'demo', 'src'))).toBe(root);
    const lone = mkdtempSync(path.join(tmpdir(), 'planar-lone-'));
    try {
      expect(() => findWorkspaceRoot(lone)).toThrow(/no npm workspace found at or above .*run this inside a Planar checkout/);
    } finally {
      rmSync(lone, { recursive: true, force: true });
    }
  });
});

describe('planar new', () => {
  let out: string[] = [], err: string[] = [];
  const cwd = process.cwd();
  beforeEach(() => {
    out = [];
    err = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
    vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
    process.chdir(root);
  });
  afterEach(() => {
    process.chdir(cwd);
    vi.restoreAllMocks();
  });

  it('creates the app from inside the workspace and prints what to run next', async () => {
    mkdirSync(path.join(root, 'apps', 'demo'), { recursive: true });
    process.chdir(path.join(root, 'apps', 'demo'));
    expect(await main(['kitchen-panel', '--no-install'])).toBe(0);
    expect(existsSync(path.join(root, 'apps', 'kitchen-panel', 'src', 'App.tsx'))).toBe(true);
    expect(workspaces()).toContain('apps/kitchen-panel');
    const said = out.join('\n');
    expect(said).toContain(`Your app is in ${path.join(root, 'apps', 'kitchen-panel')}`);
    expect(said).toMatch(/npm install +# links the new workspace/);
    expect(said).toMatch(/npm run dev -w apps\/kitchen-panel +# the app in the preview/);
  });

  it('accepts the command word before the name, as the planar bin may pass it', async () => {
    expect(await main(['new', 'hall', '--no-install'])).toBe(0);
    expect(workspaces()).toContain('apps/hall');
  });

  it('refuses a bad name with exit code 1 and the reason', async () => {
    expect(await main(['Kitchen Panel', '--no-install'])).toBe(1);
    expect(err.join('\n')).toMatch(/^planar new: cannot create the app: the name "Kitchen Panel" has upper-case letters/);
    expect(existsSync(path.join(root, 'apps'))).toBe(false);
  });

  it('answers a missing name, two names or an unknown option with the usage and exit code 2', async () => {
    expect(await main([])).toBe(2);
    expect(await main(['a', 'b'])).toBe(2);
    expect(await main(['a', '--install-everything'])).toBe(2);
    expect(err.join('\n')).toContain('give the app a name, e.g. planar new kitchen-panel');
    expect(err.join('\n')).toContain('one name at a time (got a, b)');
    expect(err.join('\n')).toContain('unknown option --install-everything');
    expect(err.join('\n')).toContain('usage: planar new <name> [--no-install]');
    expect(existsSync(path.join(root, 'apps'))).toBe(false);
  });

  it('prints its usage for --help', async () => {
    expect(await main(['--help'])).toBe(0);
    expect(out.join('\n')).toContain('usage: planar new <name>');
  });
});
