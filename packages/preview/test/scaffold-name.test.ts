/**
 * App names: what `planar new` accepts, and what it says about a name it refuses.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ScaffoldError, appNameProblem, validateAppName } from '../src/scaffold/index.js';

const accepted = ['panel', 'kitchen-panel', 'room2', 'a-1-b', 'x'];

const refused: Array<[name: string, saying: RegExp]> = [
  ['', /an app needs a name/],
  ['   ', /an app needs a name/],
  ['Kitchen', /upper-case letters.*"kitchen" would do/],
  ['My Panel', /upper-case letters.*"my-panel" would do/],
  ['2panel', /must start with a letter/],
  ['-panel', /must start with a letter/],
  ['kitchen_panel', /characters an app name cannot have \("_"\)/],
  ['kitchen panel', /characters an app name cannot have \(" "\)/],
  ['../escape', /must start with a letter/],
  ['a/b', /cannot have \("\/"\)/],
  ['panel-', /a dash at its end or two in a row/],
  ['kitchen--panel', /a dash at its end or two in a row/],
  ['p'.repeat(65), /65 characters long; keep it to 64 and use/],
];

describe('app names', () => {
  it.each(accepted)('accepts "%s"', (name) => {
    expect(appNameProblem(name)).toBeNull();
  });

  it.each(refused)('refuses "%s", saying why', (name, saying) => {
    const problem = appNameProblem(name);
    expect(problem).toMatch(saying);
    expect(problem).toContain('lower-case letters, digits and dashes');
  });
});

describe('validateAppName', () => {
  let apps: string | null = null;
  afterEach(() => {
    if (apps) rmSync(apps, { recursive: true, force: true });
    apps = null;
  });

  it('refuses a name whose folder exists, naming the folder', () => {
    apps = mkdtempSync(path.join(tmpdir(), 'planar-apps-'));
    mkdirSync(path.join(apps, 'hall-panel'));
    expect(() => validateAppName('hall-panel', apps!)).toThrow(ScaffoldError);
    expect(() => validateAppName('hall-panel', apps!)).toThrow(`${path.join(apps, 'hall-panel')} already exists — choose another name`);
    expect(() => validateAppName('porch-panel', apps!)).not.toThrow();
  });

  it('refuses a bad name before looking at the folder', () => {
    expect(() => validateAppName('Hall', '/nowhere')).toThrow(/^cannot create the app: the name "Hall" has upper-case letters/);
  });
});
