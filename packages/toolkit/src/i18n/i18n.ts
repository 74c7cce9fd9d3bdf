/**
 * createI18n: translated messages and locale-aware formats behind one locale signal.
 *
 * Messages are ICU MessageFormat (plurals, selects, numbers and dates inside a sentence),
 * compiled by FormatJS's `intl-messageformat` on the platform's Intl. How a lookup goes:
 *
 *   1. `t(id)` reads the locale signal, so a getter or effect that calls it follows the locale.
 *   2. The catalog serving the locale is found by BCP 47 lookup ('ar-EG' → 'ar').
 *   3. The message is compiled once per (locale, id) and formatted with the values; it
 *      formats in the locale asked for, so 'ar-EG' writes Arabic-Indic digits.
 *   4. A message missing there comes from the fallback locale (and formats in that locale,
 *      whose plural rules its text was written for); the gap is reported through `onMissing`.
 *      Missing everywhere, or given bad values, `t` throws an I18nError naming id and locale.
 *
 * Every catalog is compiled when the I18n is made, so a message with broken syntax fails at
 * start with its id and locale, not when a screen first shows it.
 */
import IntlMessageFormat from 'intl-messageformat';
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals-core';
import type { Direction } from './direction.js';
import { canonicalLocale, directionOfLocale, localeHint, lookupCatalog } from './locale.js';
import { IntlFormats } from './formats.js';

/** A message parsed by intl-messageformat's own parser. */
type MessageAst = ReturnType<NonNullable<typeof IntlMessageFormat.__parse>>;

/** Messages of one locale: ICU MessageFormat strings by id, nested objects joining ids with dots. */
export interface MessageCatalog { [id: string]: string | MessageCatalog }

/** Values a message's placeholders take. */
export type MessageValues = Record<string, string | number | bigint | boolean | Date | null | undefined>;

export interface I18nOptions {
  /** The locale to start in (BCP 47: 'en', 'de-AT', 'ar'). */
  locale: string;
  /** A catalog per locale. */
  messages: Record<string, MessageCatalog>;
  /** The locale whose message is used when the current locale lacks one. */
  fallback?: string;
  /** The IANA time zone dates and times are shown in (default: the system's). */
  timeZone?: string;
  /** Hears a message taken from the fallback locale (default: a console warning, once per id and locale). */
  onMissing?: (error: I18nError) => void;
}

/** A message that cannot be shown: missing, unparsable, or given bad values. */
export class I18nError extends Error {
  constructor(message: string, readonly id: string, readonly locale: string) {
    super(message);
    this.name = 'I18nError';
  }
}

export interface I18n {
  /** The current locale; set it to switch the app live (text, formats and direction follow). */
  readonly locale: Signal<string>;
  /** The direction the current locale is written in. */
  readonly direction: ReadonlySignal<Direction>;
  /** The locales that have a catalog. */
  readonly locales: readonly string[];
  /**
   * The message `id` in the current locale with `values` filled in; inside a getter it follows the locale.
   * @example <Text>{() => i18n.t('inbox.unread', { count: unread.value })}</Text>
   */
  t(id: string, values?: MessageValues): string;
  /** A date (default: medium date style), e.g. '3 Mar 2025'. */
  formatDate(date: Date | number, options?: Intl.DateTimeFormatOptions): string;
  /** A time of day (default: short time style), e.g. '14:05'. */
  formatTime(date: Date | number, options?: Intl.DateTimeFormatOptions): string;
  /** A number, e.g. '1,234.5' / '1.234,5' / '١٬٢٣٤٫٥'. */
  formatNumber(value: number | bigint, options?: Intl.NumberFormatOptions): string;
  /** A measure with its unit (a CLDR unit such as 'celsius', 'kilometer-per-hour', 'percent'), e.g. '21.5°C'. */
  formatUnit(value: number, unit: string, options?: Omit<Intl.NumberFormatOptions, 'style' | 'unit'>): string;
}

/** Flattens nested catalogs into dotted ids. */
function flatten(catalog: MessageCatalog, locale: string, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(catalog)) {
    const id = prefix + key;
    if (typeof value === 'string') out.set(id, value);
    else if (value && typeof value === 'object') flatten(value, locale, `${id}.`, out);
    else throw new I18nError(`createI18n: message '${id}' of '${locale}' must be a string (or an object of messages), got ${String(value)}`, id, locale);
  }
  return out;
}

/**
 * Makes the messages and formats of an app, switched by one locale signal.
 * @example
 * const i18n = createI18n({
 *   locale: 'en', fallback: 'en',
 *   messages: {
 *     en: { greeting: 'Hello, {name}!', unread: '{count, plural, one {# new message} other {# new messages}}' },
 *     ar: { greeting: 'مرحبا يا {name}!', unread: '{count, plural, zero {لا رسائل} one {رسالة واحدة} two {رسالتان} few {# رسائل} many {# رسالة} other {# رسالة}}' },
 *   },
 * });
 * i18n.t('unread', { count: 3 }); // '3 new messages'
 * i18n.locale.value = 'ar';       // text flips to Arabic and the layout to right to left
 */
export function createI18n(options: I18nOptions): I18n {
  if (!options || typeof options !== 'object' || !options.messages || typeof options.messages !== 'object') {
    throw new Error("createI18n: expected { locale, messages: { en: {...}, ... }, fallback? }");
  }
  const catalogs = new Map<string, Map<string, string>>();
  for (const [key, catalog] of Object.entries(options.messages)) {
    const tag = canonicalLocale(key);
    if (!tag) throw new Error(`createI18n: messages has a catalog under ${localeHint(key)}`);
    catalogs.set(tag, flatten(catalog, tag));
  }
  const available = new Set(catalogs.keys());
  const known = `the catalogs are ${[...available].map((l) => `'${l}'`).join(', ') || 'none'}`;
  const start = canonicalLocale(options.locale);
  if (!start) throw new Error(`createI18n: locale ${localeHint(options.locale)}`);
  const fallback = options.fallback === undefined ? null : canonicalLocale(options.fallback);
  if (options.fallback !== undefined && !fallback) throw new Error(`createI18n: fallback ${localeHint(options.fallback)}`);
  if (fallback && !available.has(fallback)) throw new Error(`createI18n: the fallback '${fallback}' has no messages; ${known}`);
  if (!lookupCatalog(start, available) && !fallback) throw new Error(`createI18n: no messages serve the locale '${start}' and there is no fallback; ${known}`);

  if (options.timeZone !== undefined) checkTimeZone(options.timeZone);
  const zone = options.timeZone ? { date: zoned(IntlMessageFormat.formats.date, options.timeZone), time: zoned(IntlMessageFormat.formats.time, options.timeZone) } : undefined;
  // Every message is parsed now, so a bad one is reported by createI18n; the formatter, which
  // is costlier than the parse (~0.1 ms a message), is made the first time a message is shown.
  const parsed = new Map<string, MessageAst>();
  for (const [catalog, messages] of catalogs) {
    const resolved = IntlMessageFormat.resolveLocale(catalog);
    for (const [id, message] of messages) {
      try {
        parsed.set(`${catalog}\u0000${id}`, IntlMessageFormat.__parse!(message, { ignoreTag: true, locale: resolved }));
      } catch (error) {
        throw new I18nError(`createI18n: message '${id}' of '${catalog}' is not valid ICU MessageFormat: ${(error as Error).message}`, id, catalog);
      }
    }
  }
  const compiled = new Map<string, IntlMessageFormat>();
  const compile = (catalog: string, id: string, locale: string): IntlMessageFormat => {
    const key = `${locale}\u0000${catalog}\u0000${id}`;
    let format = compiled.get(key);
    if (!format) {
      format = new IntlMessageFormat(parsed.get(`${catalog}\u0000${id}`)!, locale, zone, { ignoreTag: true });
      compiled.set(key, format);
    }
    return format;
  };

  const locale = signal(start);
  const warned = new Set<string>();
  const onMissing = options.onMissing ?? ((error: I18nError) => {
    if (warned.has(error.message)) return;
    warned.add(error.message);
    console.warn(`planar: ${error.message}`);
  });
  const formats = new IntlFormats(options.timeZone);

  /** The current locale in canonical form; a tag that is not BCP 47 is an error. */
  const current = (what: string): string => {
    const value = locale.value;
    const tag = canonicalLocale(value);
    if (!tag) throw new I18nError(`i18n: ${what}: the locale ${localeHint(value)}`, what, String(value));
    return tag;
  };

  const t = (id: string, values?: MessageValues): string => {
    const tag = current(`t('${id}')`);
    const catalog = lookupCatalog(tag, available);
    let from = catalog !== null && catalogs.get(catalog)!.has(id) ? { catalog, locale: tag } : null;
    if (!from && fallback && catalogs.get(fallback)!.has(id)) {
      from = { catalog: fallback, locale: fallback };
      const where = catalog ? `'${catalog}' has no message '${id}'` : `no messages serve the locale '${tag}'`;
      onMissing(new I18nError(`i18n: ${where}; showing the fallback '${fallback}' message`, id, tag));
    }
    if (!from) {
      const also = fallback && fallback !== catalog ? ` nor in the fallback '${fallback}'` : '';
      throw new I18nError(`i18n: no message '${id}' for the locale '${tag}'${catalog ? ` (catalog '${catalog}')` : ''}${also}: add it to messages.${catalog ?? fallback ?? tag}`, id, tag);
    }
    try {
      return String(compile(from.catalog, id, from.locale).format(values as Record<string, string>));
    } catch (error) {
      if (error instanceof I18nError) throw error;
      throw new I18nError(`i18n: message '${id}' in '${from.catalog}' cannot be formatted with ${describeValues(values)}: ${(error as Error).message}`, id, tag);
    }
  };

  return {
    locale,
    direction: computed(() => directionOfLocale(locale.value)),
    locales: [...available],
    t,
    formatDate: (date, opts) => formats.date(current('formatDate'), date, opts ?? { dateStyle: 'medium' }),
    formatTime: (date, opts) => formats.date(current('formatTime'), date, opts ?? { timeStyle: 'short' }),
    formatNumber: (value, opts) => formats.number(current('formatNumber'), value, opts ?? {}),
    formatUnit: (value, unit, opts) => formats.unit(current('formatUnit'), value, unit, opts ?? {}),
  };
}

/** The message formats' date or time styles, shown in a fixed time zone. */
function zoned(styles: Record<string, Intl.DateTimeFormatOptions>, timeZone: string): Record<string, Intl.DateTimeFormatOptions> {
  return Object.fromEntries(Object.entries(styles).map(([k, v]) => [k, { ...v, timeZone }]));
}

function checkTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new Error(`createI18n: timeZone '${timeZone}' is not an IANA time zone Intl knows (such as 'UTC', 'Europe/Berlin' or 'Asia/Riyadh')`);
  }
}

function describeValues(values: MessageValues | undefined): string {
  if (!values) return 'no values';
  const keys = Object.keys(values);
  return keys.length ? `the values { ${keys.join(', ')} }` : 'no values';
}
