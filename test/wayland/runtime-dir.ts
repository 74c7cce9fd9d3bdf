/**
 * A compositor's private XDG_RUNTIME_DIR: a fresh folder in the temp folder, mode 0700, that
 * holds its sockets, its config and a cursor theme, and is removed with everything in it when
 * the compositor stops.
 *
 * sway refuses to run as root, so under root it runs as `nobody` (uid/gid 65534) and the
 * folder and its files are handed to that user; root clients (the tests) still connect.
 *
 * The cursor theme has one transparent 1x1 image under every name a compositor asks for, so
 * the software cursor never shows in screenshots. Xcursor files are little-endian: a header
 * ("Xcur", 16, version, entry count), a table of contents (type, nominal size, offset) and
 * image chunks (36-byte header, then ARGB pixels).
 */
import { chownSync, chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The user a root test runs sway as. */
export const NOBODY = 65534;

export const BLANK_CURSOR_THEME = 'planar-blank';
const CURSOR_NAMES = [
  'default', 'left_ptr', 'text', 'xterm', 'pointer', 'hand1', 'hand2', 'grab', 'grabbing', 'move', 'crosshair',
  'not-allowed', 'wait', 'watch', 'n-resize', 's-resize', 'e-resize', 'w-resize', 'ne-resize', 'nw-resize',
  'se-resize', 'sw-resize', 'top_side', 'bottom_side', 'left_side', 'right_side', 'top_left_corner',
  'top_right_corner', 'bottom_left_corner', 'bottom_right_corner',
];

export interface RuntimeDir {
  readonly path: string;
  /** The uid that owns it (and runs the compositor), or null for the current user. */
  readonly owner: number | null;
  /** Writes a file into it, owned by the folder's owner. */
  write(name: string, content: string | Uint8Array): string;
  /** Deletes the folder and everything in it. */
  remove(): void;
}

/** Creates a runtime folder for a compositor; `asNobody` hands it to uid 65534 (needed by sway under root). */
export function createRuntimeDir(prefix: string, asNobody: boolean): RuntimeDir {
  const dir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  chmodSync(dir, 0o700);
  const owner = asNobody ? NOBODY : null;
  if (owner !== null) chownSync(dir, owner, owner);
  const give = (file: string) => {
    if (owner !== null) chownSync(file, owner, owner);
  };
  return {
    path: dir,
    owner,
    write(name, content) {
      const file = path.join(dir, name);
      mkdirSync(path.dirname(file), { recursive: true });
      for (let d = path.dirname(file); d.startsWith(dir) && d !== dir; d = path.dirname(d)) give(d);
      writeFileSync(file, content);
      give(file);
      return file;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One transparent 1x1 Xcursor image. */
function blankCursor(): Uint8Array {
  const nominalSize = 24;
  const u32 = (...values: number[]) => {
    const b = Buffer.alloc(values.length * 4);
    values.forEach((v, i) => b.writeUInt32LE(v >>> 0, i * 4));
    return b;
  };
  const IMAGE = 0xfffd0002;
  const headerBytes = 16, tocBytes = 12;
  return Buffer.concat([
    Buffer.from('Xcur', 'latin1'), u32(headerBytes, 0x10000, 1),
    u32(IMAGE, nominalSize, headerBytes + tocBytes),
    // chunk header: size, type, nominal size, version, width, height, hot x, hot y, delay; one ARGB pixel
    u32(36, IMAGE, nominalSize, 1, 1, 1, 0, 0, 0, 0x00000000),
  ]);
}

/**
 * Writes the blank cursor theme into `dir` and returns the environment that makes a compositor
 * use it (XCURSOR_PATH, XCURSOR_THEME, XCURSOR_SIZE).
 */
export function writeBlankCursorTheme(dir: RuntimeDir): Record<string, string> {
  const image = blankCursor();
  dir.write(`icons/${BLANK_CURSOR_THEME}/index.theme`, `[Icon Theme]\nName=${BLANK_CURSOR_THEME}\n`);
  for (const name of CURSOR_NAMES) dir.write(`icons/${BLANK_CURSOR_THEME}/cursors/${name}`, image);
  return { XCURSOR_PATH: path.join(dir.path, 'icons'), XCURSOR_THEME: BLANK_CURSOR_THEME, XCURSOR_SIZE: '24' };
}
