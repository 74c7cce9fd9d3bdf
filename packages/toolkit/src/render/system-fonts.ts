// Optional discovery of the system's fonts, for font-family lookup and script
// fallback chains. The scan runs in the native addon `planar_fonts` (built
// from native/fontscan.cc with the system FreeType) off the JS thread. When the
// addon is not built, the index is empty and the toolkit uses only its bundled
// and registered fonts.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export { scriptOf, scriptsOf, type ScriptName } from './scripts.js';

export interface SystemFontFace {
  path: string;
  /** Face index inside the file (non-zero only in .ttc/.otc collections). */
  index: number;
  family: string;
  styleName: string;
  weight: number;
  style: 'normal' | 'italic';
  scripts: string[];
}

export interface SystemFontIndex {
  faces: readonly SystemFontFace[];
  /** Faces of a family, case-insensitive; [] when none. */
  family(name: string): SystemFontFace[];
  /** The closest face of a family for a weight/style (CSS font-matching rules, simplified), or undefined. */
  match(family: string, weight: number, style: 'normal' | 'italic'): SystemFontFace | undefined;
  /** Faces covering a script, best first (regular weight, upright, then by family name), for fallback chains. */
  forScript(script: string): SystemFontFace[];
}

/** What the addon's scan() resolves to, per face. */
interface NativeFace {
  path: string;
  index: number;
  family: string;
  styleName: string;
  weight: number;
  italic: boolean;
  scripts: string[];
}

interface NativeAddon {
  scan(dirs: string[]): Promise<NativeFace[]>;
}

// dist/render/system-fonts.js and src/render/system-fonts.ts both sit two levels below the package.
const ADDON_PATH = fileURLToPath(new URL('../../build/Release/planar_fonts.node', import.meta.url));

let addonState: { addon: NativeAddon } | { addon: undefined; reason: string } | undefined;

function loadAddon(): { addon: NativeAddon } | { addon: undefined; reason: string } {
  if (addonState) return addonState;
  if (!existsSync(ADDON_PATH)) {
    addonState = { addon: undefined, reason: `native addon not built: ${ADDON_PATH} is missing (run node-gyp rebuild in the toolkit package)` };
    return addonState;
  }
  try {
    const mod: unknown = createRequire(import.meta.url)(ADDON_PATH);
    const scan: unknown = typeof mod === 'object' && mod !== null ? (mod as { scan?: unknown }).scan : undefined;
    addonState = typeof scan === 'function'
      ? { addon: mod as NativeAddon }
      : { addon: undefined, reason: `${ADDON_PATH} does not export scan()` };
  } catch (error) {
    addonState = { addon: undefined, reason: `cannot load ${ADDON_PATH}: ${error instanceof Error ? error.message : String(error)}` };
  }
  return addonState;
}

/** Whether the native addon is built and loadable; with the reason when not. */
export function systemFontSupport(): { available: true } | { available: false; reason: string } {
  const state = loadAddon();
  return state.addon ? { available: true } : { available: false, reason: state.reason };
}

/** The directories loadSystemFonts() scans: PLANAR_FONT_DIRS (colon-separated) first, then the usual system and user font directories. */
export function systemFontDirectories(env: NodeJS.ProcessEnv = process.env): string[] {
  const extra = (env.PLANAR_FONT_DIRS ?? '').split(':').filter((dir) => dir !== '');
  const home = homedir();
  return [...extra, '/usr/share/fonts', '/usr/local/share/fonts', join(home, '.local/share/fonts'), join(home, '.fonts')];
}

/** @internal Scans exactly these directories (recursively) into a fresh index; an empty index when the addon is missing. */
export async function scanDirectories(dirs: readonly string[]): Promise<SystemFontIndex> {
  const { addon } = loadAddon();
  if (!addon) return createFontIndex([]);
  const found = await addon.scan([...dirs]);
  return createFontIndex(found.map((face): SystemFontFace => ({
    path: face.path,
    index: face.index,
    family: face.family,
    styleName: face.styleName,
    weight: face.weight,
    style: face.italic ? 'italic' : 'normal',
    scripts: face.scripts,
  })));
}

let systemIndex: Promise<SystemFontIndex> | undefined;

/** Scans systemFontDirectories() once (cached promise; PLANAR_FONT_DIRS is read on the first call); an empty index when the addon is missing. */
export function loadSystemFonts(): Promise<SystemFontIndex> {
  systemIndex ??= scanDirectories(systemFontDirectories()).catch((error: unknown) => {
    systemIndex = undefined; // A failed scan (FreeType could not start) may be retried.
    throw error;
  });
  return systemIndex;
}

/** Condensed, expanded... faces lose to normal-width ones, as CSS font-stretch: normal would have it. */
function isNormalWidth(face: SystemFontFace): boolean {
  return !/condensed|expanded|narrow|wide|compressed|extended/i.test(face.styleName);
}

/** CSS Fonts 4 weight matching as a rank, lower is better: exact, then the preferred direction, then the other. */
function weightRank(desired: number, weight: number): number {
  const distance = Math.abs(weight - desired);
  if (distance === 0) return 0;
  let group: number;
  if (desired >= 400 && desired <= 500) group = weight > desired && weight <= 500 ? 1 : weight < desired ? 2 : 3;
  else if (desired < 400) group = weight < desired ? 1 : 2;
  else group = weight > desired ? 1 : 2;
  return group * 10_000 + distance;
}

/** Fallback preference: regular weight, upright, normal width, then family name; ties keep scan order. */
function fallbackOrder(a: SystemFontFace, b: SystemFontFace): number {
  const familyA = a.family.toLowerCase();
  const familyB = b.family.toLowerCase();
  return Math.abs(a.weight - 400) - Math.abs(b.weight - 400)
    || Number(a.style === 'italic') - Number(b.style === 'italic')
    || Number(!isNormalWidth(a)) - Number(!isNormalWidth(b))
    || (familyA < familyB ? -1 : familyA > familyB ? 1 : 0);
}

/** @internal Builds the lookup structure over a list of faces (kept in the given order for ties). */
export function createFontIndex(faces: readonly SystemFontFace[]): SystemFontIndex {
  const byFamily = new Map<string, SystemFontFace[]>();
  for (const face of faces) {
    const key = face.family.toLowerCase();
    const list = byFamily.get(key);
    if (list) list.push(face);
    else byFamily.set(key, [face]);
  }
  const byScript = new Map<string, SystemFontFace[]>();

  return {
    faces,
    family: (name) => [...(byFamily.get(name.toLowerCase()) ?? [])],
    match(family, weight, style) {
      let pool = byFamily.get(family.toLowerCase()) ?? [];
      // CSS order: narrow by stretch, then by style, then pick the weight.
      const normalWidth = pool.filter(isNormalWidth);
      if (normalWidth.length > 0) pool = normalWidth;
      const sameStyle = pool.filter((face) => face.style === style);
      if (sameStyle.length > 0) pool = sameStyle;
      let best: SystemFontFace | undefined;
      for (const face of pool) {
        if (!best || weightRank(weight, face.weight) < weightRank(weight, best.weight)) best = face;
      }
      return best;
    },
    forScript(script) {
      let list = byScript.get(script);
      if (!list) {
        list = faces.filter((face) => face.scripts.includes(script)).sort(fallbackOrder);
        byScript.set(script, list);
      }
      return [...list];
    },
  };
}
