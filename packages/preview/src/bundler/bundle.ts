/**
 * `planar build`: an app, Planar and their packages in one CommonJS file, plus a launcher that
 * runs it with V8's code cache (`@planar/toolkit/boot`). A panel then starts without resolving,
 * reading and compiling a few hundred ES modules, and from the second start without compiling
 * what the first start compiled.
 *
 * Three things make a bundle behave like the modules it came from:
 * 1. `import.meta.url` (which the toolkit and backends use to find their native addons, fonts
 *    and pages) becomes the URL of the original file, found from the bundle's own folder by
 *    the relative path between them: the bundle must stay where it was built, beside its
 *    node_modules, as the modules would have to.
 * 2. Backends are loaded by name at run time (`import(name)`), which no bundler can follow. The
 *    bundle carries every registered backend package it finds installed and lists them under
 *    `Symbol.for('planar.bundled')`; the registry takes them from there, so they share the
 *    bundle's copy of the toolkit (one copy: one CanvasKit, one registry).
 * 3. Native addons (`.node`), and the tools only development uses, stay outside.
 * The launcher also tells the bundle its original entry, which `process.argv[1]` then names, so
 * an entry that checks whether it is the program being run still finds that it is.
 * A CommonJS file cannot hold a top-level await; the entry's must move into an async function.
 */
import { build, type Message, type Plugin } from 'esbuild';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { backendPackages } from '@planar/toolkit/backend';

export interface BundleOptions {
  /** The app's entry: .ts, .tsx, .js or .mjs. */
  entry: string;
  /** The folder to write `<name>.cjs` and its launcher `<name>.mjs` into. */
  outDir: string;
}

export interface BundleResult {
  bundle: string;
  launcher: string;
  bytes: number;
  /** The backend packages the bundle carries. */
  backends: string[];
}

/** A build that failed, with esbuild's messages as `file:line:col: text`. */
export class BundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleError';
  }
}

/** Packages a panel never runs (development tools) and optional native helpers of ws. */
const EXTERNAL = ['*.node', 'esbuild', 'chokidar', 'fsevents', 'playwright-core', 'vitest', 'bufferutil', 'utf-8-validate'];
const BACKENDS = 'planar:bundled-backends';

export async function bundleApp(options: BundleOptions): Promise<BundleResult> {
  const entry = path.resolve(options.entry);
  const outDir = path.resolve(options.outDir);
  const name = path.basename(entry).replace(/\.[cm]?[jt]sx?$/, '');
  const bundle = path.join(outDir, `${name}.cjs`);
  const launcher = path.join(outDir, `${name}.mjs`);
  const carried: string[] = [];
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    stdin: { contents: `import ${JSON.stringify(BACKENDS)};\nimport ${JSON.stringify(entry)};\n`, resolveDir: path.dirname(entry), sourcefile: 'planar-entry.js' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: bundle,
    external: EXTERNAL,
    jsx: 'automatic',
    jsxImportSource: '@planar/toolkit',
    banner: { js: 'var __planarFileUrl = (p) => require("node:url").pathToFileURL(require("node:path").join(__dirname, p)).href;' },
    plugins: [bundledBackends(carried), originalFileUrls(outDir)],
    logLevel: 'silent',
    metafile: true,
  }).catch((error: { errors?: Message[] }) => {
    throw new BundleError(describe(error.errors ?? [], error));
  });
  if (result.errors.length) throw new BundleError(describe(result.errors, null));
  writeFileSync(launcher, [
    '#!/usr/bin/env node',
    `// Made by planar build: runs ${path.basename(bundle)} with V8's code cache (see @planar/toolkit/boot).`,
    "import { runBundle } from '@planar/toolkit/boot';",
    '',
    `runBundle(new URL(${JSON.stringify(`./${path.basename(bundle)}`)}, import.meta.url), { entry: ${JSON.stringify(path.relative(outDir, entry).split(path.sep).join('/'))} });`,
    '',
  ].join('\n'));
  chmodSync(launcher, 0o755);
  const bytes = Object.values(result.metafile!.outputs).reduce((sum, o) => sum + o.bytes, 0);
  return { bundle, launcher, bytes, backends: carried };
}

/** The registered backend packages installed here, each imported lazily from the bundle. */
function bundledBackends(carried: string[]): Plugin {
  return {
    name: 'planar-bundled-backends',
    setup(b) {
      b.onResolve({ filter: /^planar:bundled-backends$/ }, (args) => ({ path: args.path, namespace: 'planar', pluginData: args.resolveDir }));
      b.onLoad({ filter: /.*/, namespace: 'planar' }, async (args) => {
        const resolveDir = args.pluginData as string;
        for (const pkg of backendPackages()) {
          const found = await b.resolve(pkg, { resolveDir, kind: 'dynamic-import' });
          if (!found.errors.length) carried.push(pkg);
        }
        const loaders = carried.map((pkg) => `  ${JSON.stringify(pkg)}: () => import(${JSON.stringify(pkg)}),`).join('\n');
        return { contents: `globalThis[Symbol.for('planar.bundled')] = {\n${loaders}\n};\n`, resolveDir, loader: 'js' };
      });
    },
  };
}

/** Rewrites `import.meta.url` in every file to the URL of that file, found from the bundle's folder. */
function originalFileUrls(outDir: string): Plugin {
  return {
    name: 'planar-original-file-urls',
    setup(b) {
      b.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const relative = path.relative(outDir, args.path).split(path.sep).join('/');
        return {
          contents: source.replaceAll('import.meta.url', `__planarFileUrl(${JSON.stringify(relative)})`),
          loader: loaderFor(args.path),
          resolveDir: path.dirname(args.path),
        };
      });
    },
  };
}

function loaderFor(file: string): 'js' | 'ts' | 'tsx' | 'jsx' {
  const ext = path.extname(file);
  return ext === '.tsx' ? 'tsx' : ext === '.jsx' ? 'jsx' : ext === '.ts' || ext === '.mts' || ext === '.cts' ? 'ts' : 'js';
}

function describe(messages: Message[], error: unknown): string {
  if (!messages.length) return `planar build failed: ${(error as Error)?.message ?? String(error)}`;
  return messages.map((m) => {
    const at = m.location ? `${m.location.file}:${m.location.line}:${m.location.column + 1}: ` : '';
    const hint = /top-level await/i.test(m.text) ? ' (a bundle is one CommonJS file: move the await into an async function, e.g. main().then(...))' : '';
    return `${at}${m.text}${hint}${m.location?.lineText ? `\n    ${m.location.lineText}` : ''}`;
  }).join('\n');
}
