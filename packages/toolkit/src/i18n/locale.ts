/**
 * Locale tags: checking them, finding the catalog that serves one, and the direction a
 * locale's script is written in.
 */
import type { Direction } from './direction.js';

/** Scripts written right to left (ISO 15924 codes), as CLDR's layout data says. */
const RTL_SCRIPTS = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Mend', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa', 'Yezi']);

/** Tags already made canonical: every t() and format asks again, and ICU's answer costs ~50 µs. */
const canonical = new Map<string, string | null>();

/** The canonical form of a BCP 47 tag ('en-us' → 'en-US'), or null when it is not one. */
export function canonicalLocale(tag: unknown): string | null {
  if (typeof tag !== 'string' || !tag) return null;
  let known = canonical.get(tag);
  if (known === undefined) {
    try {
      known = Intl.getCanonicalLocales(tag)[0] ?? null;
    } catch {
      known = null;
    }
    if (canonical.size < 256) canonical.set(tag, known);
  }
  return known;
}

/** What to say about a tag that is not BCP 47. */
export function localeHint(tag: unknown): string {
  const shown = typeof tag === 'string' ? `'${tag}'` : String(tag);
  const fixed = typeof tag === 'string' ? canonicalLocale(tag.replace(/_/g, '-')) : null;
  return `${shown} is not a BCP 47 language tag${fixed ? ` (write '${fixed}')` : " (such as 'en', 'de-AT' or 'ar')"}`;
}

/**
 * The catalog key that serves `locale`: the locale itself, else its shorter forms
 * ('ar-EG' → 'ar'), as BCP 47 lookup does; null when none of them has a catalog.
 */
export function lookupCatalog(locale: string, available: ReadonlySet<string>): string | null {
  const parts = locale.split('-');
  while (parts.length) {
    const candidate = parts.join('-');
    if (available.has(candidate)) return candidate;
    parts.pop();
  }
  return null;
}

/**
 * The direction a locale is written in, from its likely script ('ar' → Arab → 'rtl',
 * 'az-Arab' → 'rtl', 'az' → Latn → 'ltr').
 * @example directionOfLocale('he-IL') // 'rtl'
 */
export function directionOfLocale(locale: string): Direction {
  const tag = canonicalLocale(locale);
  if (!tag) return 'ltr';
  const script = new Intl.Locale(tag).maximize().script;
  return script && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
}
