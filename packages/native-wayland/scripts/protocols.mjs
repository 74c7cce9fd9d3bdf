#!/usr/bin/env node
/**
 * Generates the C glue of the Wayland protocols the addon speaks (with wayland-scanner, from the
 * system's wayland-protocols) into build/protocols/, and prints the generated .c files for
 * binding.gyp. Runs when node-gyp configures the addon.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '..', 'build', 'protocols');
const shared = execFileSync('pkg-config', ['--variable=pkgdatadir', 'wayland-protocols'], { encoding: 'utf8' }).trim();

const PROTOCOLS = [
  'stable/xdg-shell/xdg-shell.xml',
  'stable/viewporter/viewporter.xml',
  'stable/presentation-time/presentation-time.xml',
  'unstable/xdg-decoration/xdg-decoration-unstable-v1.xml',
  'unstable/linux-dmabuf/linux-dmabuf-unstable-v1.xml',
  'staging/fractional-scale/fractional-scale-v1.xml',
  'unstable/text-input/text-input-unstable-v3.xml',
];

mkdirSync(out, { recursive: true });
const sources = [];
for (const rel of PROTOCOLS) {
  const xml = path.join(shared, rel);
  const name = path.basename(rel, '.xml');
  execFileSync('wayland-scanner', ['client-header', xml, path.join(out, `${name}-client.h`)]);
  execFileSync('wayland-scanner', ['private-code', xml, path.join(out, `${name}.c`)]);
  sources.push(path.relative(path.join(here, '..'), path.join(out, `${name}.c`)));
}
console.log(sources.join(' '));
