/**
 * Fonts: the bundled DejaVu families (so renders are identical on every machine), fonts
 * registered by the app, and the system's fonts found by the optional FreeType addon.
 *
 * All typefaces live in one CanvasKit TypefaceFontProvider, which paragraphs are built
 * from. Nothing is read before it is drawn: a bundled face (DejaVu Sans Bold, say) is read and
 * registered the first time a paragraph asks for that family in that weight and slant, just
 * before the paragraph is built, so it renders exactly as if every face had been loaded at
 * start (registering a face costs about 3 ms, and a panel draws with two or three of the twelve).
 * The system's fonts are scanned only when a paragraph needs one: a family that is not bundled
 * or registered, or a script DejaVu does not draw. System families and script fallbacks load
 * asynchronously: the paragraph renders with what is there, and every paragraph is rebuilt once
 * the font has arrived (`onFontsChanged`). `fontsSettled()` waits for loads in flight (the
 * testing API uses it).
 */
import type { TypefaceFontProvider } from 'canvaskit-wasm';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCanvasKit } from './canvaskit.js';
import { createFontIndex, loadSystemFonts, scriptsOf, type SystemFontIndex } from './system-fonts.js';

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
/** The key of the system font scan among the loads in flight. */
const SCAN = '\u0000system fonts';
let systemIndex: SystemFontIndex | null = null;
/** Bundled face files already registered. */
const registeredFaces = new Set<string>();
const listeners = new Set<() => void>();

let bundledPath: string | null = null;

function bundledDir(): string {
  bundledPath ??= path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return bundledPath;
}

let initialising: Promise<void> | null = null;

/** Loads CanvasKit and creates the font provider (once); faces are read when first drawn. */
export function initFonts(): Promise<void> {
  initialising ??= (async () => {
    const ck = await loadCanvasKit();
    provider = ck.TypefaceFontProvider.Make();
    ready.set(DEFAULT_FAMILY.toLowerCase(), DEFAULT_FAMILY);
  })();
  return initialising;
}

/** The provider paragraphs are built from, with at least DejaVu Sans's regular face in it. */
export function fontProvider(): TypefaceFontProvider {
  if (!provider) throw new Error('fonts are not initialised: await createApp() or render() first');
  if (!registeredFaces.has(BUNDLED[DEFAULT_FAMILY]![0]!)) useFace(DEFAULT_FAMILY, 400, false);
  return provider;
}

/** Lower-cased bundled family → its name (asked at every paragraph build). */
const BUNDLED_BY_KEY = new Map(Object.keys(BUNDLED).map((f) => [f.toLowerCase(), f]));

function bundledFamily(name: string): string | undefined {
  return BUNDLED_BY_KEY.get(name.toLowerCase());
}

/**
 * Registers the bundled face a paragraph in `family` at `weight` and slant will be drawn with,
 * the first time it is asked for; a family that is not bundled is left alone. The face is the
 * one CSS (and Skia's matcher) picks among the family's two weights: bold above 500.
 */
export function useFace(name: string, weight: number, italic: boolean): void {
  const family = bundledFamily(ALIASES[name.toLowerCase()] ?? name);
  if (!family) return;
  const file = BUNDLED[family]![(weight > 500 ? 1 : 0) + (italic ? 2 : 0)]!;
  if (registeredFaces.has(file)) return;
  const where = path.join(bundledDir(), file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(where);
  } catch (error) {
    throw new Error(`cannot read the bundled font ${where}: ${(error as Error).message}; reinstall the dejavu-fonts-ttf package (npm install)`);
  }
  registeredFaces.add(file);
  fontProvider().registerFont(bytes, family);
  ready.set(family.toLowerCase(), family);
}

/**
 * @internal What has been loaded so far (the font tests read it): the bundled face files
 * registered, in the order they were, and whether the system font scan has started.
 */
export function loadedFonts(): { bundledFaces: string[]; systemScan: boolean } {
  return { bundledFaces: [...registeredFaces], systemScan: systemIndex !== null || loading.has(SCAN) };
}

/** How many bundled faces are registered (a paragraph builder made with fewer must be made again). */
export function bundledFaceCount(): number {
  return registeredFaces.size;
}

/** Registers every bundled face now, for an app that would rather pay at start than on first use. */
export async function preloadBundledFonts(): Promise<void> {
  await initFonts();
  for (const family of Object.keys(BUNDLED)) {
    for (const weight of [400, 700]) for (const italic of [false, true]) useFace(family, weight, italic);
  }
}

/** The system's font index, scanned on first need (tracked like a font load); null until scanned. */
function systemFonts(): SystemFontIndex | null {
  if (systemIndex || loading.has(SCAN)) return systemIndex;
  void track(SCAN, loadSystemFonts().then((index) => {
    systemIndex = index;
  }, () => {
    systemIndex = createFontIndex([]);
  }));
  return systemIndex;
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
  const bundled = bundledFamily(key);
  if (bundled) {
    ready.set(key, bundled);
    return 'ready';
  }
  const index = systemFonts();
  if (!index) return 'loading';
  const faces = index.family(wanted);
  if (!faces.length) return 'unknown';
  const picks = new Set(
    [[400, 'normal'], [700, 'normal'], [400, 'italic'], [700, 'italic']]
      .map(([w, s]) => index.match(wanted, w as number, s as 'normal' | 'italic'))
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
  if (/^[\u0000-\u024f]*$/.test(text)) return out;
  const scripts = scriptsOf(text).filter((script) => !COVERED.has(script));
  if (!scripts.length) return out;
  const index = systemFonts();
  if (!index?.faces.length) return out;
  for (const script of scripts) {
    const family = fallbackFamilyFor(index, script);
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
