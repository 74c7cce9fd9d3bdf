/**
 * One source file to one ES module, for `planar dev`.
 *
 * Each file is built on its own (esbuild, bundling switched on only so that a plugin sees every
 * import; every import is left external). The plugin does two things with each import:
 *
 * 1. A relative import of a project source (`./Label`, `./Label.js`, `./Label.tsx`) becomes the
 *    path of its built file (`./Label.js`), plus `?v=N` once that file has been rebuilt N times:
 *    a module imported again after an edit names the newest version of what it imports.
 * 2. It records the import, which gives the loader the module graph (who imports whom).
 *
 * With `hot`, a module that uses JSX is then rewritten so its components go through the hot
 * registry (see ../hot/registry.ts). esbuild prints every top-level statement at the start of a
 * line, which is what the rewrite relies on:
 *
 *   function Label(props) {…}       → `Label = __planarHot(import.meta.url, "Label", Label);`
 *                                       at the top (a function declaration exists before the
 *                                       module body runs, so the proxy replaces it at once)
 *   const Counter = (props) => …    → `var Counter = …`, and the same line at the end
 *   export { App as default }        → App counts as a component whatever its name's case
 *
 * A PascalCase value that is not a plain function (an object, a class) is left as it is.
 */
import { build, type Message, type Plugin } from 'esbuild';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { SOURCE_EXTENSIONS, isSourceFile } from './project.js';

export interface TransformOptions {
  /** The folder error locations are relative to (default: the current one). */
  root?: string;
  /** Wrap components for hot swapping, importing the registry from this file URL. */
  hotRuntimeUrl?: string;
  /** The rebuild count of a source file (0 for never rebuilt), used in `?v=` queries. */
  versionOf?: (file: string) => number;
}

export interface TransformResult {
  code: string;
  /** The project sources this module imports, absolute. */
  imports: string[];
}

/** A build error with esbuild's messages formatted as `file:line:col: text`. */
export class TransformError extends Error {
  constructor(readonly file: string, readonly messages: Message[]) {
    super(messages.map(formatMessage).join('\n') || `cannot build ${file}`);
    this.name = 'TransformError';
  }
}

function formatMessage(m: Message): string {
  const at = m.location ? `${m.location.file}:${m.location.line}:${m.location.column + 1}: ` : '';
  const line = m.location?.lineText ? `\n    ${m.location.lineText}` : '';
  return `${at}${m.text}${line}`;
}

/** The source file a relative import names, or null when it names no project source. */
export function resolveSource(fromDir: string, specifier: string): string | null {
  const target = path.resolve(fromDir, specifier);
  const candidates = [target];
  const ext = path.extname(target);
  if (['.js', '.jsx', '.mjs'].includes(ext)) {
    const stem = target.slice(0, -ext.length);
    candidates.push(...(ext === '.mjs' ? ['.mts'] : ['.ts', '.tsx']).map((e) => stem + e));
  }
  if (!SOURCE_EXTENSIONS.includes(ext)) {
    candidates.push(...SOURCE_EXTENSIONS.map((e) => target + e), ...SOURCE_EXTENSIONS.map((e) => path.join(target, `index${e}`)));
  }
  return candidates.find((file) => existsSync(file) && statSync(file).isFile() && isSourceFile(file)) ?? null;
}

function builtName(file: string): string {
  return file.replace(/\.[cm]?[jt]sx?$/, /\.m[jt]s$/.test(file) ? '.mjs' : '.js');
}

function importRewriter(file: string, options: TransformOptions, imports: Set<string>): Plugin {
  return {
    name: 'planar-dev-imports',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (!args.path.startsWith('./') && !args.path.startsWith('../')) return { path: args.path, external: true };
        const source = resolveSource(args.resolveDir, args.path);
        if (!source) return { path: args.path, external: true };
        imports.add(source);
        let rel = path.relative(path.dirname(file), builtName(source)).split(path.sep).join('/');
        if (!rel.startsWith('.')) rel = `./${rel}`;
        const version = options.versionOf?.(source) ?? 0;
        return { path: version > 0 ? `${rel}?v=${version}` : rel, external: true };
      });
    },
  };
}

/** Builds one source file into an ES module. Throws TransformError on a syntax error. */
export async function transformModule(file: string, options: TransformOptions = {}): Promise<TransformResult> {
  const imports = new Set<string>();
  let code: string;
  try {
    const result = await build({
      entryPoints: [file], absWorkingDir: options.root ?? process.cwd(), bundle: true, write: false, format: 'esm', platform: 'node', target: 'node20',
      jsx: 'automatic', jsxImportSource: '@planar/toolkit', logLevel: 'silent', charset: 'utf8',
      plugins: [importRewriter(file, options, imports)],
    });
    code = result.outputFiles[0]?.text ?? '';
  } catch (error) {
    const messages = (error as { errors?: Message[] }).errors;
    if (messages) throw new TransformError(file, messages);
    throw error;
  }
  if (options.hotRuntimeUrl && /["']@planar\/toolkit\/jsx-(dev-)?runtime["']/.test(code)) {
    code = wrapComponents(code, options.hotRuntimeUrl);
  }
  return { code, imports: [...imports] };
}

const PASCAL = /^[A-Z][A-Za-z0-9_$]*$/;

/** Routes a module's top-level components through the hot registry (see the top of this file). */
export function wrapComponents(code: string, hotRuntimeUrl: string): string {
  const functions = new Set<string>();
  const variables = new Set<string>();
  const defaultLocal = /^export\s*\{[^}]*?\b([A-Za-z_$][\w$]*)\s+as\s+default\b/m.exec(code)?.[1];
  const isComponentName = (name: string) => PASCAL.test(name) || name === defaultLocal;
  for (const m of code.matchAll(/^(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*\(/gm)) {
    if (isComponentName(m[1]!)) functions.add(m[1]!);
  }
  code = code.replace(/^(var|let|const)\s+([A-Za-z_$][\w$]*)\s*=/gm, (whole, _kind: string, name: string) => {
    if (!isComponentName(name)) return whole;
    variables.add(name);
    return `var ${name} =`;
  });
  if (!functions.size && !variables.size) return code;
  const register = (name: string) => `${name} = __planarHot(import.meta.url, ${JSON.stringify(name)}, ${name});`;
  const head = [`import { hotComponent as __planarHot } from ${JSON.stringify(hotRuntimeUrl)};`, ...[...functions].map(register)];
  return `${head.join('\n')}\n${code}${[...variables].map(register).join('\n')}\n`;
}
