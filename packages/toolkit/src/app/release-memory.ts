/**
 * Gives back what start-up left behind, once the first frame is out. Start-up makes garbage
 * that the young generation's collections do not reach (CanvasKit's 7 MiB wasm file, read into
 * a buffer that lived long enough to be promoted, parsed catalogs, compile-time objects), and V8
 * and the C library keep freed memory for later (7 MiB for the demo here). So, one full
 * collection, then the toolkit's small native addon (native/memory.cc) hands free heap pages
 * back to the system; without the addon (not built: it is optional), only the collection.
 *
 * Node offers a full collection only behind `--expose-gc`, and that flag is part of what V8's
 * code cache is checked against: it is set after the first frame, once a bundle's launcher
 * (`@planar/toolkit/boot`) has saved its cache (both run on the next turn, the save first), so a
 * cache is always made under the flags the next start compiles with.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

// dist/app/release-memory.js and src/app/release-memory.ts both sit two levels below the package.
const ADDON_PATH = fileURLToPath(new URL('../../build/Release/planar_memory.node', import.meta.url));

let released = false;

/** After the first frame of the process's first app: collects start-up's garbage and returns free memory (once). */
export function releaseStartupMemory(): void {
  if (released) return;
  released = true;
  setImmediate(() => {
    collectGarbage();
    trimHeap();
  });
}

function collectGarbage(): void {
  try {
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
  } catch {
    // Only memory is at stake.
  }
}

/** Returns free C heap pages to the system; true when some were returned. */
export function trimHeap(): boolean {
  try {
    if (!existsSync(ADDON_PATH)) return false;
    const addon = createRequire(import.meta.url)(ADDON_PATH) as { trim?: unknown };
    return typeof addon.trim === 'function' ? (addon.trim as () => boolean)() : false;
  } catch {
    // A broken build of an optional addon only costs the memory it would have given back.
    return false;
  }
}
