/**
 * `planar build <entry> [--out <dir>]`: bundles an app for a fast start (see bundle.ts) and
 * prints how to run it.
 */
import path from 'node:path';
import { BundleError, bundleApp } from './bundle.js';

const USAGE = `usage: planar build <entry> [--out <dir>]

Bundles the app whose entry is <entry> (.ts, .tsx, .js or .mjs), with Planar and its packages,
into <dir>/<name>.cjs, and writes the launcher <dir>/<name>.mjs, which runs it with V8's code
cache (kept in PLANAR_CODE_CACHE, else ~/.cache/planar; PLANAR_CODE_CACHE=off turns it off).

  --out <dir>   where to write (default: dist/app)
  --help        show this`;

/** Runs the command with its arguments (those after `build`); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let out = 'dist/app';
  const entries: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--out') {
      const value = argv[++i];
      if (!value || value.startsWith('-')) return usageError('--out needs a folder');
      out = value;
    } else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else if (arg.startsWith('-')) return usageError(`unknown option ${arg}`);
    else entries.push(arg);
  }
  if (entries.length !== 1) return usageError(entries.length ? `one entry at a time (got ${entries.join(', ')})` : 'name the entry, e.g. planar build src/main.tsx');
  try {
    const result = await bundleApp({ entry: entries[0]!, outDir: out });
    const relative = (file: string) => path.relative(process.cwd(), file) || file;
    console.log(`planar build: ${relative(result.bundle)} (${(result.bytes / 1024).toFixed(0)} KiB${result.backends.length ? `, with ${result.backends.join(', ')}` : ''})`);
    console.log(`run it with: node ${relative(result.launcher)}`);
    return 0;
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    console.error(`planar build: ${error.message}`);
    return 1;
  }
}

function usageError(message: string): number {
  console.error(`planar build: ${message}\n\n${USAGE}`);
  return 2;
}
