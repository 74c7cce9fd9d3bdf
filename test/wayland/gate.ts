/**
 * Whether the Wayland end-to-end suites can run here, and what happens when they cannot.
 *
 * They need the programs (sway, grim, weston…), a C toolchain for the injector (gcc,
 * pkg-config, wayland-scanner, the wayland-client and xkbcommon headers), and the project
 * built (the Wayland addon and the demo). `missingFor(needs)` names the first thing missing,
 * with the command that installs or builds it.
 *
 * `e2eGate(name, reason)`: with nothing missing the suite runs. Otherwise it is skipped with a
 * warning — unless PLANAR_E2E=required (CI), where the suite must not be skipped: loading it
 * fails with the reason.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const INSTALL = 'apt-get install -y --no-install-recommends sway grim weston cage xwayland wl-clipboard libwayland-dev wayland-protocols libxkbcommon-dev pkg-config gcc (or: node scripts/setup.mjs --wayland-e2e)';

export type Need = 'sway' | 'grim' | 'weston' | 'cage' | 'injector' | 'wl-clipboard';

const PROGRAMS: Record<Need, string[]> = {
  sway: ['sway', 'swaymsg'],
  grim: ['grim'],
  weston: ['weston', 'weston-screenshooter'],
  // cage does not start without Xwayland.
  cage: ['cage', 'Xwayland'],
  injector: ['gcc', 'pkg-config', 'wayland-scanner'],
  'wl-clipboard': ['wl-copy', 'wl-paste'],
};

function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, program), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * The first thing the given needs lack here, as a sentence with its fix; null when nothing is
 * missing. The project's build (the addon, the packages, the demo) is always needed.
 */
export function missingFor(needs: readonly Need[]): string | null {
  for (const need of needs) {
    for (const program of PROGRAMS[need]) {
      if (!onPath(program)) return `${program} is not installed (${INSTALL})`;
    }
  }
  if ((needs.includes('sway') || needs.includes('cage')) && process.getuid?.() === 0 && !onPath('setpriv')) {
    return 'sway and cage refuse to run as root and setpriv (util-linux), which runs them as nobody, is not installed';
  }
  if (needs.includes('injector')) {
    const headers = spawnSync('pkg-config', ['--exists', 'wayland-client', 'xkbcommon']);
    if (headers.status !== 0) return `the wayland-client or xkbcommon development files are missing (${INSTALL})`;
  }
  const addon = path.join(ROOT, 'packages/native-wayland/build/Release/planar_wayland.node');
  if (!existsSync(addon)) return `the Wayland addon is not built (${addon}): run node scripts/setup.mjs --wayland-e2e`;
  for (const built of ['packages/native-wayland/dist/index.js', 'packages/toolkit/dist/index.js', 'apps/demo/dist/main.js']) {
    if (!existsSync(path.join(ROOT, built))) return `${built} is missing: run npm run build`;
  }
  return null;
}

/**
 * Returns whether to skip the suite `name`; `reason` is why it cannot run (null: it can).
 * Throws when it cannot run but PLANAR_E2E=required.
 */
export function e2eGate(name: string, reason: string | null): boolean {
  if (!reason) return false;
  if (process.env.PLANAR_E2E === 'required') {
    throw new Error(`${name}: ${reason} (PLANAR_E2E=required, so this suite may not be skipped)`);
  }
  console.warn(`${name}: skipped: ${reason}`);
  return true;
}

/** The repository's root folder. */
export const REPO_ROOT = ROOT;
