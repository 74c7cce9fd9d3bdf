/**
 * Your own app in five minutes: an app made by `planar new` from the template typechecks and
 * builds with tsc, passes its own test (its golden, shipped with the template, matches), renders
 * its story through the stories runner against the same golden, and starts headless from its
 * build, drawing the same picture.
 *
 * The app is made in a fresh folder under apps/ (so node finds the workspace's packages in the
 * root node_modules), hidden from git by a .gitignore of its own and removed afterwards. It is
 * not added to the root's workspaces (register: false), so the checkout is left as it was.
 * Needs the packages built (`npm run build`; `npm test` builds them first).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareSnapshot } from '@planar/toolkit/testing';
import { scaffoldApp, type ScaffoldResult } from '@planar/preview/scaffold';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(ROOT, 'node_modules', '.bin');
const GOLDEN = 'test/__image_snapshots__/app.png';

/** The children run as a person's shell would: no vitest worker variables, and never writing goldens. */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'PLANAR_UPDATE_SNAPSHOTS') delete env[key];
  env.NODE_ENV = 'development';
  return env;
}

/** Runs a command in the app's folder; a failure shows everything the command printed. */
async function inApp(app: ScaffoldResult, file: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd: app.dir, env: { ...childEnv(), ...env }, maxBuffer: 16 << 20 });
    return stdout + stderr;
  } catch (error) {
    const { stdout = '', stderr = '', message } = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${path.basename(file)} ${args.join(' ')} failed in ${app.dir}: ${message}\n${stdout}\n${stderr}`);
  }
}

/** A vitest file the app does not ship: its Light story through the stories runner, against the app's golden. */
const STORY_TEST = `import { describeStories } from '@planar/preview/stories';
import meta, { Light } from '../src/App.stories.js';
describeStories({ 'src/App.stories.tsx': { default: meta, Light } }, { goldens: new URL('./__image_snapshots__/stories/', import.meta.url) });
`;

interface VitestReport {
  testResults: Array<{ name: string; assertionResults: Array<{ title: string; status: string; failureMessages: string[] }> }>;
}

describe('an app made by planar new', () => {
  let parent = '';
  let app: ScaffoldResult;

  beforeAll(() => {
    for (const built of ['packages/preview/dist/stories/index.js', 'packages/widgets/dist/index.js', 'packages/toolkit/dist/index.js']) {
      if (!existsSync(path.join(ROOT, built))) throw new Error(`${built} is missing: build the packages first (npm run build)`);
    }
    parent = mkdtempSync(path.join(ROOT, 'apps', '.scaffold-test-'));
    writeFileSync(path.join(parent, '.gitignore'), '*\n');
    app = scaffoldApp({ name: 'first-app', appsDir: parent, register: false });
  });
  afterAll(() => {
    if (parent) rmSync(parent, { recursive: true, force: true });
  });

  it('typechecks (its test and story too) and builds with tsc', async () => {
    await inApp(app, path.join(BIN, 'tsc'), ['-p', 'tsconfig.json', '--noEmit']);
    await inApp(app, path.join(BIN, 'tsc'), ['-p', 'tsconfig.build.json']);
    expect(existsSync(path.join(app.dir, 'dist', 'main.js'))).toBe(true);
    expect(existsSync(path.join(app.dir, 'dist', 'App.stories.js'))).toBe(false);
  });

  it('passes its own test against its golden, and its story renders the same picture', async () => {
    writeFileSync(path.join(app.dir, 'test', 'story.test.tsx'), STORY_TEST);
    mkdirSync(path.join(app.dir, 'test', '__image_snapshots__', 'stories'), { recursive: true });
    copyFileSync(path.join(app.dir, GOLDEN), path.join(app.dir, 'test', '__image_snapshots__', 'stories', 'app--light--light-800x480.png'));
    const results = path.join(parent, 'results.json');
    // A failing run still writes its report, which says which test failed and why.
    const failed = await inApp(app, path.join(BIN, 'vitest'), ['run', '--reporter=json', `--outputFile=${results}`]).then(() => null, (error: Error) => error);
    if (failed && !existsSync(results)) throw failed;

    const report = JSON.parse(readFileSync(results, 'utf8')) as VitestReport;
    const outcome = (file: string) => report.testResults.find((r) => path.basename(r.name) === file)?.assertionResults
      .map((a) => `${a.title}: ${a.status}${a.failureMessages.length ? ` (${a.failureMessages.join('; ')})` : ''}`);
    expect(outcome('App.test.tsx')).toEqual([
      'counts presses of its button: passed',
      'turns dark with its switch: passed',
      'looks as it did when it was made: passed',
    ]);
    expect(outcome('story.test.tsx')).toEqual(['App / Light (light, 800x480): passed']);
    expect(failed).toBeNull();
  });

  it('starts from its build on the headless backend and draws what its golden shows', async () => {
    const said = await inApp(app, process.execPath, ['dist/main.js', '--backend=headless']);
    expect(said).toContain('Rendered headless to app.png.');
    const result = compareSnapshot(readFileSync(path.join(app.dir, 'app.png')), path.join(app.dir, GOLDEN), { update: false, ci: true });
    expect(result.pass, result.message).toBe(true);
  });

  it('bundles with planar build, and starts from the bundle drawing the same', async () => {
    const built = await inApp(app, process.execPath, [path.join(ROOT, 'packages/preview/bin/planar.js'), 'build', 'dist/main.js', '--out', 'dist/app']);
    expect(built).toMatch(/planar build: dist\/app\/main\.cjs \(\d+ KiB/);
    rmSync(path.join(app.dir, 'app.png'), { force: true });
    const said = await inApp(app, process.execPath, ['dist/app/main.mjs', '--backend=headless'], { PLANAR_CODE_CACHE: 'off' });
    expect(said).toContain('Rendered headless to app.png.');
    const result = compareSnapshot(readFileSync(path.join(app.dir, 'app.png')), path.join(app.dir, GOLDEN), { update: false, ci: true });
    expect(result.pass, result.message).toBe(true);
  });

  it('refuses a second app of the same name, and leaves the first alone', () => {
    expect(() => scaffoldApp({ name: 'first-app', appsDir: parent, register: false })).toThrow(/first-app already exists/);
    expect(existsSync(path.join(app.dir, 'src', 'App.tsx'))).toBe(true);
  });
});
