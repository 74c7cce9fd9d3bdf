/**
 * The backend kit and both backend packages, loaded from their builds in a fresh Node process:
 * a loader hook records every module the process resolves, and neither Yoga nor CanvasKit may
 * be among them. Loading the whole toolkit the same way shows the hook sees them when they load.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Resolve hook: remembers each URL; the specifier 'planar-test:resolved' yields the list. */
const HOOKS = `
const resolved = [];
export async function resolve(specifier, context, next) {
  if (specifier === 'planar-test:resolved') {
    return { url: 'data:text/javascript,export default ' + encodeURIComponent(JSON.stringify(resolved)), shortCircuit: true };
  }
  const result = await next(specifier, context);
  resolved.push(result.url);
  return result;
}`;

/** The URLs a fresh process resolves while importing `specifier`, and the names it exports. */
function modulesLoadedBy(specifier: string): { urls: string[]; exports: string[] } {
  const script = `
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOKS)}));
const loaded = await import(${JSON.stringify(specifier)});
const { default: urls } = await import('planar-test:resolved');
process.stdout.write(JSON.stringify({ urls, exports: Object.keys(loaded) }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`importing ${specifier} in a fresh node failed (status ${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as { urls: string[]; exports: string[] };
}

const heavy = (urls: string[]) => urls.filter((u) => /\/node_modules\/(yoga-layout|canvaskit-wasm)\//.test(u));

describe('the backend kit', () => {
  it('@planar/toolkit/backend loads without Yoga or CanvasKit and offers what a backend needs', () => {
    const { urls, exports } = modulesLoadedBy('@planar/toolkit/backend');
    expect(urls.some((u) => u.endsWith('/toolkit/dist/backend/index.js'))).toBe(true);
    expect(heavy(urls)).toEqual([]);
    expect(exports).toEqual(expect.arrayContaining([
      'BackendUnavailableError', 'packRects', 'swapsRB', 'composePlanes', 'checkState', 'KeyRepeater',
      'codeOfEvdev', 'keyOfKeysym', 'isControlText', 'registerBackend', 'loadBackend', 'backendNames',
    ]));
  });

  it.each(['@planar/kms-backend', '@planar/native-wayland'])('%s loads without Yoga or CanvasKit', (pkg) => {
    const { urls, exports } = modulesLoadedBy(pkg);
    expect(exports).toContain('backend');
    expect(urls.some((u) => u.endsWith('/toolkit/dist/index.js')), 'the whole toolkit was loaded').toBe(false);
    expect(heavy(urls)).toEqual([]);
  });

  it('sees Yoga and CanvasKit when the whole toolkit loads (the check above can fail)', () => {
    const { urls } = modulesLoadedBy('@planar/toolkit');
    expect(heavy(urls).some((u) => u.includes('/yoga-layout/'))).toBe(true);
    expect(heavy(urls).some((u) => u.includes('/canvaskit-wasm/'))).toBe(true);
  });
});
