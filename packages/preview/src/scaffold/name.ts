/**
 * What an app may be called: its folder under apps/ and the last part of its package name
 * (`@planar-app/<name>`), so lower-case letters, digits and single dashes, starting with a letter.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** A scaffold that cannot go ahead, with what to do about it in the message. */
export class ScaffoldError extends Error {
  override name = 'ScaffoldError';
}

const APP_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const MAX_LENGTH = 64;

/**
 * Why `name` cannot name an app, or null when it can.
 * @example appNameProblem('My Panel') // 'the name "My Panel" has upper-case letters …'
 */
export function appNameProblem(name: string): string | null {
  const hint = 'use lower-case letters, digits and dashes, starting with a letter (e.g. "kitchen-panel")';
  if (name.trim() === '') return `an app needs a name: ${hint}`;
  if (name.length > MAX_LENGTH) return `the name "${name}" is ${name.length} characters long; keep it to ${MAX_LENGTH} and ${hint}`;
  if (/[A-Z]/.test(name)) return `the name "${name}" has upper-case letters; ${hint} — "${suggest(name)}" would do`;
  if (!/^[a-z]/.test(name)) return `the name "${name}" must start with a letter; ${hint}`;
  if (APP_NAME.test(name)) return null;
  const bad = [...new Set(name.replace(/[a-z0-9-]/g, ''))].map((c) => JSON.stringify(c)).join(' ');
  if (bad) return `the name "${name}" has characters an app name cannot have (${bad}); ${hint}`;
  return `the name "${name}" has a dash at its end or two in a row; ${hint}`;
}

/** A valid name close to `name` (lower-cased, other characters turned to dashes). */
function suggest(name: string): string {
  const dashed = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^[^a-z]+|-+$/g, '');
  return dashed || 'my-app';
}

/**
 * Throws a ScaffoldError when `name` is not a valid app name or `<appsDir>/<name>` exists.
 * @example validateAppName('kitchen-panel', '/repo/apps')
 */
export function validateAppName(name: string, appsDir: string): void {
  const problem = appNameProblem(name);
  if (problem) throw new ScaffoldError(`cannot create the app: ${problem}`);
  const dir = path.join(appsDir, name);
  if (existsSync(dir)) {
    throw new ScaffoldError(`cannot create the app "${name}": ${dir} already exists — choose another name, or remove that folder first`);
  }
}
