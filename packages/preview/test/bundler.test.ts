/**
 * `planar build`'s own errors: what a person is told when an entry cannot become a bundle.
 * (The demo's tests run a real bundle: apps/demo/test/bundle.test.ts.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BundleError, bundleApp } from '../src/bundler/bundle.js';
import { main } from '../src/bundler/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'planar-bundler-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('planar build', () => {
  it('explains that a bundle cannot hold a top-level await, and where it is', async () => {
    const entry = path.join(dir, 'waits.mjs');
    writeFileSync(entry, 'const ready = Promise.resolve(1);\nawait ready;\nconsole.log("started");\n');
    const failure = bundleApp({ entry, outDir: path.join(dir, 'out') });
    await expect(failure).rejects.toThrow(BundleError);
    await expect(failure).rejects.toThrow(/waits\.mjs:2:1: .*[Tt]op-level await.*move the await into an async function/);
  });

  it('names an entry that does not exist', async () => {
    await expect(bundleApp({ entry: path.join(dir, 'missing.tsx'), outDir: path.join(dir, 'out') })).rejects.toThrow(/missing\.tsx/);
  });

  it('writes the bundle and a launcher that runs it through the toolkit\'s boot', async () => {
    const entry = path.join(dir, 'hello.mjs');
    writeFileSync(entry, 'console.log(new URL("./x", import.meta.url).pathname);\n');
    const result = await bundleApp({ entry, outDir: path.join(dir, 'out') });
    expect(path.basename(result.bundle)).toBe('hello.cjs');
    expect(path.basename(result.launcher)).toBe('hello.mjs');
    expect(readFileSync(result.launcher, 'utf8')).toContain("runBundle(new URL(\"./hello.cjs\", import.meta.url), { entry: \"../hello.mjs\" })");
    // import.meta.url names the original file, found from the bundle's folder.
    expect(readFileSync(result.bundle, 'utf8')).toContain('__planarFileUrl("../hello.mjs")');
  });

  it('refuses unknown options and a missing entry on the command line, with its usage', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (line: string) => errors.push(line);
    try {
      expect(await main(['--fast'])).toBe(2);
      expect(await main([])).toBe(2);
    } finally {
      console.error = original;
    }
    expect(errors[0]).toMatch(/^planar build: unknown option --fast\n\nusage: planar build <entry>/);
    expect(errors[1]).toMatch(/^planar build: name the entry, e\.g\. planar build src\/main\.tsx/);
  });
});
