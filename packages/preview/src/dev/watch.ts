/**
 * Watches a project's files: saves that land within a short while are handled as one batch, and a
 * batch starts only after the previous one finished (a rebuild never runs twice at once).
 */
import { watch } from 'chokidar';
import path from 'node:path';
import { isAssetFile, isSkipped, isSourceFile, type Project } from './project.js';

export interface ProjectWatcher {
  /** Resolves once the initial scan is done (saves after this are seen). */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** Calls `onBatch` with the files (absolute) added or changed since the last batch. */
export function watchProject(project: Project, onBatch: (files: string[]) => Promise<void>, settleMs = 60): ProjectWatcher {
  const watcher = watch(project.root, {
    ignoreInitial: true,
    ignored: (file) => file !== project.root && (isSkipped(project.root, file) || file.startsWith(project.outDir + path.sep)),
  });
  const waiting = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let closed = false;

  const flush = async () => {
    timer = null;
    if (running || closed) return;
    const files = [...waiting];
    waiting.clear();
    running = onBatch(files).catch((error: unknown) => console.error(`planar dev: ${error instanceof Error ? error.stack : String(error)}`));
    await running;
    running = null;
    if (waiting.size && !closed) timer = setTimeout(flush, settleMs);
  };
  const seen = (file: string) => {
    if (!isSourceFile(file) && !isAssetFile(file)) return;
    waiting.add(path.resolve(file));
    if (timer) clearTimeout(timer);
    if (!running) timer = setTimeout(flush, settleMs);
  };
  watcher.on('add', seen).on('change', seen);
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}
