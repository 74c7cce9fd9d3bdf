/**
 * `planar stories [dir]`: opens a package's stories in the preview page and keeps them fresh
 * until interrupted (Ctrl-C).
 */
import { startGallery, type GalleryOptions } from './gallery.js';

const USAGE = `usage: planar stories [dir] [--port N] [--host ADDRESS] [--token TOKEN] [--open] [--no-watch]

Shows the *.stories.tsx files under dir (default: the current folder), decorated by its
stories.config.tsx, in the preview page with a sidebar listing every story.
  --port N          the page's port (default: any free one; the printed address says which)
  --host ADDRESS    the address to bind (default 127.0.0.1; any other requires the printed token)
  --token TOKEN     the token pages must carry when the host is not loopback
  --open            opens the page in the desktop's browser
  --no-watch        does not reload the stories when their files change`;

/** The gallery's options from the command line, or the reason they cannot be read. */
export function parseStoriesArgs(argv: string[]): GalleryOptions | { help: true } | { error: string } {
  const options: GalleryOptions = { dir: '.' };
  let dir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value`);
      return next;
    };
    try {
      if (arg === '--help' || arg === '-h') return { help: true };
      else if (arg === '--port') {
        const port = value();
        if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) return { error: `--port must be a port number from 0 to 65535, not "${port}"` };
        options.port = Number(port);
      } else if (arg === '--host') options.host = value();
      else if (arg === '--token') options.token = value();
      else if (arg === '--open') options.open = true;
      else if (arg === '--no-watch') options.watch = false;
      else if (arg.startsWith('-')) return { error: `unknown option ${arg}` };
      else if (dir === undefined) dir = arg;
      else return { error: `one folder only, got "${dir}" and "${arg}"` };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }
  return { ...options, dir: dir ?? '.' };
}

/**
 * Runs `planar stories` with its arguments (after "stories"); resolves with the exit code once
 * the gallery is closed by SIGINT or SIGTERM.
 * @example process.exitCode = await main(['packages/widgets', '--port', '7070']);
 */
export async function main(argv: string[]): Promise<number> {
  const parsed = parseStoriesArgs(argv);
  if ('help' in parsed) {
    console.log(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    console.error(`planar stories: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  let gallery;
  try {
    gallery = await startGallery(parsed);
  } catch (error) {
    console.error(`planar stories: ${(error as Error).message}`);
    return 1;
  }
  if (gallery.stories.length === 0 && gallery.problems.length === 0) {
    console.error(`planar stories: no *.stories.tsx under ${parsed.dir}; the page shows an empty gallery until one is added`);
  } else {
    console.log(`planar stories: ${gallery.stories.length} stories from ${parsed.dir}`);
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    gallery.app.on('close', stop);
  });
  await gallery.close();
  return 0;
}
