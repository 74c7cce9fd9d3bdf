/**
 * The app template (packages/preview/templates/app) and how it is copied: every file as it is,
 * except that in text files `__APP_NAME__` becomes the app's name and `__PLANAR_VERSION__` the
 * version of the Planar packages it depends on. Binary files (the golden PNG) are copied byte
 * for byte, so the golden rendered from the template is the golden the new app's test checks.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The template's folder: ../../templates/app from this file, in src/ as in dist/. */
export const TEMPLATE_DIR = fileURLToPath(new URL('../../templates/app/', import.meta.url));

const TEXT_FILES = /\.(json|ts|tsx|md)$/;

export interface TemplateValues {
  appName: string;
  planarVersion: string;
}

/** The template's files, as paths relative to its folder with '/' separators, sorted. */
export function templateFiles(dir: string = TEMPLATE_DIR): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && !/\.(actual|diff)\.png$/.test(entry.name)) files.push(child);
    }
  };
  walk('');
  return files.sort();
}

/** Fills the placeholders of one text file. */
export function fillTemplate(text: string, values: TemplateValues): string {
  return text.replaceAll('__APP_NAME__', values.appName).replaceAll('__PLANAR_VERSION__', values.planarVersion);
}

/** Copies the template into `target` (which must not exist yet); returns the files written, relative to it. */
export function copyTemplate(target: string, values: TemplateValues, dir: string = TEMPLATE_DIR): string[] {
  const files = templateFiles(dir);
  for (const file of files) {
    const from = path.join(dir, file), to = path.join(target, file);
    mkdirSync(path.dirname(to), { recursive: true });
    if (TEXT_FILES.test(file)) writeFileSync(to, fillTemplate(readFileSync(from, 'utf8'), values));
    else copyFileSync(from, to);
  }
  return files;
}
