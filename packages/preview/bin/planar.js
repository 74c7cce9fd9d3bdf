#!/usr/bin/env node
// The `planar` command's launcher. It lives outside dist/ so that npm can link it before the
// package is built; the command itself is the built dist/cli/planar.js.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/planar.js', import.meta.url);
if (!existsSync(built)) {
  console.error('planar: @planar/preview is not built yet: run `npm run build` at the repository root (or `npm run build -w @planar/preview`), then try again.');
  process.exit(1);
}
await import(built.href);
