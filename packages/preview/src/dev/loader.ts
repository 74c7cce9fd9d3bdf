/**
 * The hot loader: builds a project file by file and, after an edit, imports again only what
 * has to run again.
 *
 * 1. `buildAll` transforms every source into the out folder (see ./transform.ts) and copies the
 *    assets; the imports it meets give the module graph (importsOf, and its inverse).
 * 2. `loadEntry` imports the entry. Every module it reaches is now "loaded" (an instance lives
 *    in this process). A loaded module whose exports are all hot proxies is a boundary: its
 *    importers hold proxies, which stay valid across versions, so they need not run again.
 * 3. `update(changed)` first builds the changed files without writing them (a syntax error
 *    stops here, and the app keeps running the last good build). Then it walks up the graph
 *    from the changed loaded modules: a module that is not a boundary pulls in its importers
 *    (they hold its old exports), up to boundaries. Every module in that set gets a new version
 *    number and is written again (its imports of the set now carry `?v=N`), and is imported
 *    with its own `?v=N`, dependencies first. Modules outside the set are not run again, so
 *    their signals — a store module's, a parent component's — keep their values.
 * 4. Each module imported again is committed to the registry: components whose text changed
 *    are swapped; all of them when the module's other code changed or when it was pulled in by
 *    a dependency that is not a boundary. A module that throws while it runs leaves the last
 *    good version live; its edit is tried again with the next save.
 *
 * The cost: Node's ESM loader keeps every module it has imported, for the life of the process,
 * and offers no way to drop one. Each version imported under a new `?v=N` URL is a new module
 * record, with its code and whatever its top level holds, so memory grows with every save that
 * reloads something. It is small per save, but after many hundreds of saves planar dev should
 * be restarted; `reloads` counts them so that the command can say so (see ./desktop.ts).
 */
import { copyFileSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { abandonModule, commitModule, isHotProxy } from '../hot/registry.js';
import { isSourceFile, listProjectFiles, outputPath, type Project } from './project.js';
import { transformModule, TransformError } from './transform.js';

type Namespace = Record<string, unknown>;

export interface UpdateResult {
  /** The modules imported again, relative to the project root. */
  reloaded: string[];
  /** The components swapped, as `file#Name`. */
  swapped: string[];
  /** The entry's namespace when the entry itself was imported again. */
  entry: Namespace | null;
}

export interface HotLoaderOptions {
  /** Wrap components for hot swapping (the registry at this file URL); off for a device build. */
  hotRuntimeUrl?: string;
}

export class HotLoader {
  private readonly versions = new Map<string, number>();
  private readonly importsOf = new Map<string, string[]>();
  private readonly texts = new Map<string, string>();
  private readonly liveTexts = new Map<string, string>();
  private readonly boundaries = new Map<string, boolean>();
  private loaded = new Set<string>();
  private readonly pending = new Set<string>();
  /** The out folder with symlinks resolved: the URLs modules see as their import.meta.url. */
  private outDir: string | null = null;
  private entryTried = false;
  private reloadCount = 0;

  constructor(readonly project: Project, private readonly options: HotLoaderOptions = {}) {}

  /** Builds every source and copies every asset; throws the syntax errors of all files that fail. */
  async buildAll(): Promise<void> {
    mkdirSync(this.project.outDir, { recursive: true });
    this.outDir = realpathSync(this.project.outDir);
    const { sources, assets } = listProjectFiles(this.project.root);
    for (const asset of assets) this.copyAsset(asset);
    const errors: TransformError[] = [];
    for (const file of sources) {
      try {
        await this.write(file);
      } catch (error) {
        if (!(error instanceof TransformError)) throw error;
        errors.push(error);
        // Built again with the next update, whichever file that update is for.
        this.pending.add(file);
      }
    }
    if (errors.length) throw new TransformError(errors[0]!.file, errors.flatMap((e) => e.messages));
  }

  /** Copies a data file, image or font next to the built modules. */
  copyAsset(file: string): void {
    const out = outputPath(this.project, file);
    mkdirSync(path.dirname(out), { recursive: true });
    copyFileSync(file, out);
  }

  /** The URL a module is imported from, with its version. */
  urlOf(file: string): string {
    const version = this.versions.get(file) ?? 0;
    const out = path.join(this.outDir ?? this.project.outDir, path.relative(this.project.outDir, outputPath(this.project, file)));
    return pathToFileURL(out).href + (version > 0 ? `?v=${version}` : '');
  }

  /** How many updates imported new module versions (a failed import counts: it stays in memory too). */
  get reloads(): number {
    return this.reloadCount;
  }

  /** Whether the entry has been imported without an error. */
  get entryLoaded(): boolean {
    return this.loaded.size > 0;
  }

  /**
   * Imports the entry (after `buildAll`) and returns its namespace. After a failed attempt, every
   * module gets a new version first (Node keeps a module that threw as failed, under its URL),
   * and the components met again go live at once.
   */
  async loadEntry(): Promise<Namespace> {
    const retry = this.entryTried;
    this.entryTried = true;
    const files = [...this.texts.keys()];
    if (retry) {
      for (const file of files) this.versions.set(file, (this.versions.get(file) ?? 0) + 1);
      for (const file of files) await this.write(file);
    }
    const ns = (await import(this.urlOf(this.project.entry))) as Namespace;
    if (retry) for (const file of files) commitModule(this.urlOf(file), { previousText: '', text: this.texts.get(file)!, force: true });
    await this.noteLoaded();
    return ns;
  }

  /** Rebuilds and re-imports after `changed` files were saved (see the top of this file). */
  async update(changed: string[]): Promise<UpdateResult> {
    for (const file of changed) if (isSourceFile(file)) this.pending.add(file);
    for (const file of this.pending) await this.transform(file);
    const set = this.reloadSet();
    for (const file of set) this.versions.set(file, (this.versions.get(file) ?? 0) + 1);
    for (const file of new Set([...this.pending, ...set])) await this.write(file);
    this.pending.clear();
    const order = this.dependenciesFirst(set);
    const namespaces = new Map<string, Namespace>();
    if (order.length) this.reloadCount++;
    try {
      for (const file of order) namespaces.set(file, (await import(this.urlOf(file))) as Namespace);
    } catch (error) {
      for (const file of order) abandonModule(this.urlOf(file));
      for (const file of changed) if (isSourceFile(file)) this.pending.add(file);
      throw error;
    }
    const swapped: string[] = [];
    for (const file of order) this.boundaries.set(file, Object.values(namespaces.get(file)!).every(isHotProxy));
    for (const file of order) {
      const force = (this.importsOf.get(file) ?? []).some((dep) => set.has(dep) && !this.boundaries.get(dep));
      const names = commitModule(this.urlOf(file), { previousText: this.liveTexts.get(file) ?? '', text: this.texts.get(file)!, force });
      swapped.push(...names.map((name) => `${this.relative(file)}#${name}`));
      this.liveTexts.set(file, this.texts.get(file)!);
    }
    await this.noteLoaded();
    return { reloaded: order.map((f) => this.relative(f)), swapped, entry: namespaces.get(this.project.entry) ?? null };
  }

  private relative(file: string): string {
    return path.relative(this.project.root, file).split(path.sep).join('/');
  }

  private async transform(file: string): Promise<string> {
    const result = await transformModule(file, { root: this.project.root, hotRuntimeUrl: this.options.hotRuntimeUrl, versionOf: (f) => this.versions.get(f) ?? 0 });
    this.importsOf.set(file, result.imports);
    return result.code;
  }

  private async write(file: string): Promise<void> {
    const code = await this.transform(file);
    const out = outputPath(this.project, file);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, code);
    this.texts.set(file, code);
  }

  /** The loaded modules to import again: the changed ones, and the importers of non-boundaries. */
  private reloadSet(): Set<string> {
    const set = new Set<string>();
    const queue = [...this.pending].filter((f) => this.loaded.has(f));
    while (queue.length) {
      const file = queue.shift()!;
      if (set.has(file)) continue;
      set.add(file);
      if (this.boundaries.get(file)) continue;
      for (const [importer, deps] of this.importsOf) if (deps.includes(file) && this.loaded.has(importer)) queue.push(importer);
    }
    return set;
  }

  private dependenciesFirst(set: Set<string>): string[] {
    const order: string[] = [];
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const dep of this.importsOf.get(file) ?? []) if (set.has(dep)) visit(dep);
      order.push(file);
    };
    for (const file of set) visit(file);
    return order;
  }

  /** Marks what the entry reaches as loaded, and finds the boundaries among what is new. */
  private async noteLoaded(): Promise<void> {
    const reached = new Set<string>();
    const walk = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const dep of this.importsOf.get(file) ?? []) walk(dep);
    };
    walk(this.project.entry);
    for (const file of reached) {
      if (this.loaded.has(file)) continue;
      this.liveTexts.set(file, this.texts.get(file) ?? readFileSync(outputPath(this.project, file), 'utf8'));
      try {
        const ns = (await import(this.urlOf(file))) as Namespace;
        this.boundaries.set(file, Object.values(ns).every(isHotProxy));
      } catch {
        this.boundaries.set(file, false);
      }
    }
    this.loaded = reached;
  }
}
