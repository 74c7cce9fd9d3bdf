/**
 * Background type checks: the project's tsc runs on its tsconfig and its errors come back as
 * lines a person can follow to the place; a fixed project reports none.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findTsc, TypeChecker, typeErrorsOf } from '../src/dev/type-check.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let dir = '';

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'planar-tsc-'));
  mkdirSync(path.join(dir, 'src'));
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'esnext', target: 'es2022', moduleResolution: 'bundler' }, include: ['src'] }));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function check(tsc: string): Promise<string[]> {
  return new Promise((resolve) => new TypeChecker(tsc, path.join(dir, 'tsconfig.json'), resolve).run());
}

describe('type checks', () => {
  const tsc = findTsc(REPO);

  it.skipIf(!tsc)('type-error: reported with its file, line and code; fixed: none', async () => {
    writeFileSync(path.join(dir, 'src/a.ts'), "export const count: number = 'three';\n");
    const errors = await check(tsc!);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^src\/a\.ts\(1,14\): error TS2322: Type 'string' is not assignable to type 'number'/);
    writeFileSync(path.join(dir, 'src/a.ts'), 'export const count: number = 3;\n');
    expect(await check(tsc!)).toEqual([]);
  });

  it('error-lines: only tsc\'s error lines, in order', () => {
    expect(typeErrorsOf('src/a.ts(1,2): error TS1: one\n  more detail\nsrc/b.ts(3,4): error TS2: two\n')).toEqual(['src/a.ts(1,2): error TS1: one', 'src/b.ts(3,4): error TS2: two']);
  });

  it('no-tsc: a folder with no tsc above it has none', () => {
    expect(findTsc(dir)).toBeNull();
  });
});
