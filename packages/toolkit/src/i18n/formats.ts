/**
 * Intl formatters, made once per locale and options (making one costs far more than using
 * it) and turned into errors that say what to fix.
 */

/** Some of the CLDR units Intl.NumberFormat takes, for the hint when one is wrong. */
const UNIT_EXAMPLES = "'celsius', 'fahrenheit', 'percent', 'kilometer-per-hour', 'liter', 'minute'";

export class IntlFormats {
  private readonly cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

  constructor(private readonly timeZone: string | undefined) {}

  date(locale: string, value: Date | number, options: Intl.DateTimeFormatOptions): string {
    const time = value instanceof Date ? value.getTime() : value;
    if (typeof time !== 'number' || !Number.isFinite(time)) {
      throw new Error(`i18n: cannot format ${String(value)} as a date or time: give a valid Date or a number of ms since 1970`);
    }
    const zoned = this.timeZone && !options.timeZone ? { ...options, timeZone: this.timeZone } : options;
    return this.formatter('date', locale, zoned, () => new Intl.DateTimeFormat(locale, zoned)).format(time);
  }

  number(locale: string, value: number | bigint, options: Intl.NumberFormatOptions): string {
    if (typeof value !== 'number' && typeof value !== 'bigint') throw new Error(`i18n: formatNumber needs a number, got ${String(value)}`);
    return this.formatter('number', locale, options, () => new Intl.NumberFormat(locale, options)).format(value);
  }

  unit(locale: string, value: number, unit: string, options: Intl.NumberFormatOptions): string {
    if (typeof value !== 'number') throw new Error(`i18n: formatUnit needs a number, got ${String(value)}`);
    const full: Intl.NumberFormatOptions = { unitDisplay: 'short', ...options, style: 'unit', unit };
    const make = () => {
      try {
        return new Intl.NumberFormat(locale, full);
      } catch {
        throw new Error(`i18n: formatUnit: '${unit}' is not a unit Intl knows — use a CLDR unit such as ${UNIT_EXAMPLES}, or two joined by '-per-'`);
      }
    };
    return this.formatter('unit', locale, full, make).format(value);
  }

  private formatter<F extends Intl.DateTimeFormat | Intl.NumberFormat>(kind: string, locale: string, options: object, make: () => F): F {
    const key = `${kind}\u0000${locale}\u0000${JSON.stringify(options)}`;
    let f = this.cache.get(key) as F | undefined;
    if (!f) {
      try {
        f = make();
      } catch (error) {
        if (!(error instanceof RangeError || error instanceof TypeError)) throw error;
        throw new Error(`i18n: cannot format in '${locale}' with ${JSON.stringify(options)}: ${error.message}`);
      }
      this.cache.set(key, f);
    }
    return f;
  }
}
