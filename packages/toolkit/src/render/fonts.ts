/**
 * Fonts: the bundled DejaVu families (so renders are identical on every machine), fonts
 * registered by the app, and the system's fonts found by the optional FreeType addon.
 *
 * All typefaces live in one CanvasKit TypefaceFontProvider, which paragraphs are built
 * from. DejaVu Sans is loaded at start; the other bundled families, system families and
 * script fallbacks are loaded on first use, asynchronously: the paragraph renders with
 * what is there, and every paragraph is rebuilt once the font has arrived (`onFontsChanged`).
 * `fontsSettled()` waits for loads in flight (the testing API uses it).
 */
import type { TypefaceFontProvider } from 'canvaskit-wasm';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCanvasKit } from './canvaskit.js';
import { loadSystemFonts, scriptsOf, type SystemFontIndex } from './system-fonts.js';

export const DEFAULT_FAMILY = 'DejaVu Sans';

const BUNDLED: Record<string, string[]> = {
  'DejaVu Sans': ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'],
  'DejaVu Sans Mono': ['DejaVuSansMono.ttf', 'DejaVuSansMono-Bold.ttf', 'DejaVuSansMono-Oblique.ttf', 'DejaVuSansMono-BoldOblique.ttf'],
  'DejaVu Serif': ['DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf', 'DejaVuSerif-Italic.ttf', 'DejaVuSerif-BoldItalic.ttf'],
};
const ALIASES: Record<string, string> = {
  'sans-serif': 'DejaVu Sans', 'system-ui': 'DejaVu Sans', monospace: 'DejaVu Sans Mono', serif: 'DejaVu Serif',
};
/**
 * Scripts DejaVu Sans draws well; others look for a system font. It has Arabic and Hebrew
 * letters too, but a font made for those scripts reads better (proper Arabic joining forms
 * and marks, Hebrew points), so they look for one first and keep DejaVu as the last resort.
 */
const COVERED = new Set(['latin', 'greek', 'cyrillic', 'symbols']);
/**
 * The system family a script falls back to when it is installed, before the index's own order
 * (which goes by name, and would pick a display or liturgical face: Kufi, Rashi). The Noto
 * families Debian's fonts-noto-core brings, as Android's fallback list names them.
 */
const PREFERRED_FALLBACK: Record<string, readonly string[]> = {
  arabic: ['Noto Sans Arabic', 'Noto Sans Arabic UI', 'Noto Naskh Arabic'],
  hebrew: ['Noto Sans Hebrew'],
};

let provider: TypefaceFontProvider | null = null;
/** Lower-cased family → the name it was registered under. */
const ready = new Map<string, string>();
const loading = new Map<string, Promise<void>>();
let systemIndex: SystemFontIndex | null = null;
const listeners = new Set<() => void>();

function bundledDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

let initialising: Promise<void> | null = null;

/** Loads CanvasKit, creates the font provider with DejaVu Sans and scans the system's fonts (once). */
export function initFonts(): Promise<void> {
  initialising ??= (async () => {
    const ck = await loadCanvasKit();
    provider = ck.TypefaceFontProvider.Make();
    await loadBundled(DEFAULT_FAMILY);
    systemIndex = await loadSystemFonts().catch(() => null);
  })();
  return initialising;
}

/** The provider paragraphs are built from. */
export function fontProvider(): TypefaceFontProvider {
  if (!provider) throw new Error('fonts are not initialised: await createApp() or render() first');
  return provider;
}

async function loadBundled(family: string): Promise<void> {
  const dir = bundledDir();
  const files = await Promise.all(BUNDLED[family]!.map((f) => readFile(path.join(dir, f))));
  for (const bytes of files) fontProvider().registerFont(bytes, family);
  ready.set(family.toLowerCase(), family);
}

function track(key: string, work: Promise<void>): Promise<void> {
  const p = work.finally(() => {
    loading.delete(key);
    for (const l of listeners) l();
  });
  loading.set(key, p);
  return p;
}

/**
 * Registers a font file or its bytes under a family name.
 * @example await registerFont('./fonts/Inter-Bold.ttf', { family: 'Inter', weight: 700 });
 */
export async function registerFont(
  source: string | Uint8Array,
  options: { family: string; weight?: number; style?: 'normal' | 'italic' },
): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = typeof source === 'string' ? await readFile(source) : source;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new Error(`cannot load the font ${String(source)} for family "${options.family}": ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  }
  await initFonts();
  fontProvider().registerFont(bytes, options.family);
  ready.set(options.family.toLowerCase(), options.family);
  for (const l of listeners) l();
}

export type FamilyState = 'ready' | 'loading' | 'unknown';

/**
 * Where a family stands: ready to use, being loaded (bundled or system), or unknown.
 * Asking starts the load of a known family that is not loaded yet.
 */
export function requestFamily(name: string): FamilyState {
  const wanted = ALIASES[name.toLowerCase()] ?? name;
  const key = wanted.toLowerCase();
  if (ready.has(key)) return 'ready';
  if (loading.has(key)) return 'loading';
  const bundled = Object.keys(BUNDLED).find((f) => f.toLowerCase() === key);
  if (bundled) {
    track(key, loadBundled(bundled));
    return 'loading';
  }
  const faces = systemIndex?.family(wanted) ?? [];
  if (!faces.length) return 'unknown';
  const picks = new Set(
    [[400, 'normal'], [700, 'normal'], [400, 'italic'], [700, 'italic']]
      .map(([w, s]) => systemIndex!.match(wanted, w as number, s as 'normal' | 'italic'))
      .filter((f) => f !== undefined),
  );
  track(key, (async () => {
    for (const face of picks) {
      const bytes = await readFile(face.path);
      fontProvider().registerFont(bytes, faces[0]!.family);
    }
    ready.set(key, faces[0]!.family);
  })());
  return 'loading';
}

/** The registered name a family resolves to (after aliases), once ready. */
export function familyName(name: string): string | undefined {
  return ready.get((ALIASES[name.toLowerCase()] ?? name).toLowerCase());
}

/** Families to append after the requested ones so that every script in `text` has glyphs. */
export function fallbackFamilies(text: string): string[] {
  const out: string[] = [];
  if (!systemIndex?.faces.length || /^[\u0000-\u024f]*$/.test(text)) return out;
  for (const script of scriptsOf(text)) {
    if (COVERED.has(script)) continue;
    const family = fallbackFamilyFor(systemIndex, script);
    if (family && requestFamily(family) === 'ready') out.push(familyName(family)!);
  }
  return out;
}

/** The system family that draws `script` when the requested ones cannot. */
function fallbackFamilyFor(index: SystemFontIndex, script: string): string | undefined {
  const preferred = PREFERRED_FALLBACK[script]?.find((family) => index.family(family).some((face) => face.scripts.includes(script)));
  return preferred ?? index.forScript(script)[0]?.family;
}

/** Calls `fn` whenever a font finished loading (paragraphs must be rebuilt). */
export function onFontsChanged(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Resolves when no font load is in flight. */
export async function fontsSettled(): Promise<void> {
  while (loading.size) await Promise.allSettled([...loading.values()]);
}
