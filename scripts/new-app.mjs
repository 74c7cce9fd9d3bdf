#!/usr/bin/env node
// `npm run new-app -- <name>`: creates apps/<name>, a Planar app of your own, with `planar new`
// (packages/preview/src/scaffold). The root script builds the preview package first.
import { existsSync } from 'node:fs';

const cli = new URL('../packages/preview/dist/scaffold/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('new-app: packages/preview is not built (no dist/scaffold/cli.js): run `npm run build`, then this again');
  process.exit(1);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
