/**
 * The stories gallery: a package's stories shown one at a time in the preview page, picked
 * from the page's sidebar.
 *
 * 1. The stories are loaded with esbuild (loader.ts) and the app starts on the preview backend
 *    with GalleryRoot as its root, which shows whatever story the `shown` signal holds.
 * 2. The page's stories script talks over the `/stories` socket. Server → page:
 *    `{ type: 'stories', stories: [{ id, title, name, file, sizes: ['320x120'], themes, locale }],
 *    problems: [{ file, story?, message }], selection }` on connect and after every reload, and
 *    `{ type: 'selection', selection: { id, theme, size: '320x120', locale } | null }` when it
 *    changes. Page → server: `{ type: 'select', id, theme?, size?, locale? }`; a request the
 *    gallery cannot follow is answered with `{ type: 'error', message }`.
 * 3. Selecting a story sets the output to the story's size (as the snapshot suite renders it;
 *    on an output the page turned a quarter, the panel's sides are swapped so that the app
 *    still gets the story's size) and remounts the root. With `watch`, a change to a file under
 *    the folder loads the stories again and shows the same story from the new code; a build
 *    error is shown as the page's notice and the old stories stay.
 * 4. One load runs at a time: saves that arrive during a load make one more load after it, so
 *    a slow build never lands after a newer one. The old bundle's folder is removed only once
 *    the story from the new one is mounted.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, signal, type App } from '@planar/toolkit';
import { watch, type FSWatcher } from 'chokidar';
import type { WebSocket } from 'ws';
import type { PreviewDisplay } from '../backend/display.js';
import type { PreviewOptions } from '../backend/backend.js';
import { isLocaleTag, type StoryProblem } from './collect.js';
import { GalleryRoot, type ShownStory } from './gallery-root.js';
import { loadStories, type LoadedStories } from './loader.js';
import type { StoryEntry, StorySize } from './types.js';

export interface GalleryOptions extends PreviewOptions {
  /** The package folder whose `*.stories.tsx` are shown (and whose `stories.config.tsx` decorates them). */
  dir: string;
  /** Loads the stories again when a file under `dir` changes (default true). */
  watch?: boolean;
}

/** The story shown and its parameters, as the page's switches show them. */
export interface GallerySelection { id: string; theme: string; size: string; locale: string }

export interface Gallery {
  readonly app: App;
  readonly display: PreviewDisplay;
  /** The page's address (with its token when one is required). */
  readonly url: string;
  readonly stories: readonly StoryEntry[];
  readonly problems: readonly StoryProblem[];
  readonly selection: GallerySelection | null;
  /** Shows a story (by id, `<title> / <name>`); the theme, size ('WxH') and locale default to the story's first. */
  select(id: string, params?: { theme?: string; size?: string; locale?: string }): void;
  /** Loads the stories again from their files. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

const PAGE_DIR = fileURLToPath(new URL('../../page/', import.meta.url));
const sizeName = (s: StorySize) => `${s.width}x${s.height}`;

function summary(story: StoryEntry) {
  const { id, title, name, file, themes, locale } = story;
  return { id, title, name, file, themes, locale, sizes: story.sizes.map(sizeName) };
}

/**
 * Loads the stories under `options.dir` and serves them in the preview page.
 * @example const gallery = await startGallery({ dir: 'packages/widgets', port: 7070 });
 * console.log(gallery.url);
 */
export async function startGallery(options: GalleryOptions): Promise<Gallery> {
  const { dir, watch: watching = true, ...preview } = options;
  let loaded: LoadedStories = await loadStories(dir);
  const shown = signal<ShownStory | null>(null);
  let selection: GallerySelection | null = null;
  const sockets = new Set<WebSocket>();
  const first = loaded.stories[0]?.sizes[0] ?? { width: 800, height: 480 };
  const { previewBackend } = await import('../backend/backend.js');
  let display: PreviewDisplay | null = null;
  const notice = (text: string | null, level: 'error' | 'info' = 'error') => display?.notice(text, level);

  const app = await createApp(
    () => GalleryRoot({ shown, onError: (error, story) => notice(`${story.id} (${story.file}) failed: ${error.message}`) }),
    { backend: previewBackend(preview), width: first.width, height: first.height },
  );
  display = app.display as PreviewDisplay;
  const shownDisplay = display;

  const send = (socket: WebSocket, message: unknown) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const broadcast = (message: unknown) => {
    for (const socket of sockets) send(socket, message);
  };
  const storiesMessage = () => ({ type: 'stories', stories: loaded.stories.map(summary), problems: loaded.problems, selection });

  const select: Gallery['select'] = (id, params = {}) => {
    const story = loaded.stories.find((s) => s.id === id);
    if (!story) throw new Error(`there is no story "${id}"; the stories are ${loaded.stories.map((s) => `"${s.id}"`).join(', ') || 'none'}`);
    const keep = selection?.id === id ? selection : null;
    // The theme carries over to the next story when it has it; size and locale are the story's own.
    const theme = params.theme ?? (selection && story.themes.includes(selection.theme) ? selection.theme : story.themes[0]!);
    const size = params.size ?? (keep && story.sizes.some((s) => sizeName(s) === keep.size) ? keep.size : sizeName(story.sizes[0]!));
    const locale = params.locale ?? (keep ? keep.locale : story.locale);
    if (!story.themes.includes(theme)) throw new Error(`story "${id}" is shown in ${story.themes.map((t) => `'${t}'`).join(' or ')}, not '${theme}'`);
    const chosen = story.sizes.find((s) => sizeName(s) === size);
    if (!chosen) throw new Error(`story "${id}" declares the sizes ${story.sizes.map(sizeName).join(', ')}, not ${size}`);
    if (!isLocaleTag(locale)) throw new Error(`locale must be a language tag like 'en' or 'ar-EG', not ${JSON.stringify(locale)}`);
    const output = shownDisplay.output;
    const logical = { width: Math.round(output.width / output.scale), height: Math.round(output.height / output.scale) };
    if (logical.width !== chosen.width || logical.height !== chosen.height) {
      // resize takes the panel's size before the page's turn; a quarter turn swaps it back.
      const turned = output.rotation % 180 !== 0;
      const [w, h] = turned ? [chosen.height, chosen.width] : [chosen.width, chosen.height];
      shownDisplay.resize(w * output.scale, h * output.scale, output.scale, output.rotation);
    }
    selection = { id, theme, size, locale };
    shown.value = { story, theme, locale, config: loaded.config };
    broadcast({ type: 'selection', selection });
  };

  display.server.serveFile('/stories.js', path.join(PAGE_DIR, 'stories.js'));
  display.server.serveFile('/stories.css', path.join(PAGE_DIR, 'stories.css'));
  display.server.socket('/stories', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('message', (data) => {
      try {
        const message = JSON.parse(String(data)) as { type?: string; id?: unknown; theme?: unknown; size?: unknown; locale?: unknown };
        if (message.type !== 'select' || typeof message.id !== 'string') throw new Error('expected { type: "select", id, theme?, size?, locale? }');
        const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
        select(message.id, { theme: text(message.theme), size: text(message.size), locale: text(message.locale) });
      } catch (error) {
        send(socket, { type: 'error', message: (error as Error).message });
      }
    });
    send(socket, storiesMessage());
  });

  const reportProblems = () => {
    for (const problem of loaded.problems) console.error(`planar stories: ${problem.message}`);
    notice(loaded.problems.length ? `${loaded.problems.length} problem(s) in the stories: ${loaded.problems[0]!.message}` : null);
  };

  let closed = false;
  const loadAgain = async () => {
    if (closed) return;
    let next: LoadedStories;
    try {
      next = await loadStories(dir);
    } catch (error) {
      console.error(`planar stories: ${(error as Error).message}`);
      notice((error as Error).message);
      return;
    }
    if (closed) {
      await next.dispose();
      return;
    }
    const previous = loaded;
    loaded = next;
    reportProblems();
    const again = selection && loaded.stories.some((s) => s.id === selection!.id) ? selection : null;
    try {
      if (again) select(again.id, { theme: again.theme, locale: again.locale });
      else if (loaded.stories[0]) select(loaded.stories[0].id);
      else {
        selection = null;
        shown.value = null;
      }
    } catch (error) {
      notice(`cannot show ${again?.id ?? 'a story'} again: ${(error as Error).message}; pick one in the sidebar`);
    }
    broadcast(storiesMessage());
    // The new story is mounted: nothing runs from the old bundle's folder any more.
    await previous.dispose().catch((error: Error) => console.error(`planar stories: cannot remove an old bundle: ${error.message}`));
  };

  // The load running now, and the one that follows it for saves made meanwhile.
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  const reload = (): Promise<void> => {
    if (!running) {
      running = loadAgain().finally(() => { running = null; });
      return running;
    }
    const after = () => {
      queued = null;
      return reload();
    };
    queued ??= running.then(after, after);
    return queued;
  };

  let watcher: FSWatcher | null = null;
  let timer: NodeJS.Timeout | null = null;
  if (watching) {
    // Dependencies, builds, goldens and hidden folders are not the stories' source.
    const ignored = (file: string) => path.relative(loaded.dir, file).split(path.sep)
      .some((part) => part === 'node_modules' || part === 'dist' || part === '__image_snapshots__' || part.startsWith('.'));
    watcher = watch(loaded.dir, { ignored, ignoreInitial: true });
    watcher.on('all', (_event, file) => {
      if (!/\.(tsx|ts|jsx|js)$/.test(file)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void reload(), 100);
    });
  }

  reportProblems();
  if (loaded.stories[0]) select(loaded.stories[0].id);

  let closing: Promise<void> | null = null;
  return {
    app, display, url: display.url,
    get stories() { return loaded.stories; },
    get problems() { return loaded.problems; },
    get selection() { return selection; },
    select, reload,
    close() {
      closing ??= (async () => {
        closed = true;
        if (timer) clearTimeout(timer);
        await watcher?.close();
        // A load under way finishes (and removes its own folder) before the current one goes.
        await (queued ?? running)?.catch(() => {});
        for (const socket of sockets) socket.terminate();
        await app.close();
        await loaded.dispose();
      })();
      return closing;
    },
  };
}
