/**
 * Messages and formats: ICU plurals (Arabic's zero, one, two, few, many and other), selects,
 * the fallback locale, errors that name the id and locale, Intl formats, and a live switch of
 * locale that changes the text and flips the layout without remounting anything.
 */
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider, Text, View, createI18n, directionOfLocale, useDirection, useI18n, type I18nOptions } from '@planar/toolkit';
import { render, yogaNodeCount } from '@planar/toolkit/testing';

const messages: I18nOptions['messages'] = {
  en: {
    title: 'Settings',
    devices: '{count, plural, =0 {No devices} one {# device} other {# devices}}',
    welcome: '{gender, select, female {Welcome, madam} male {Welcome, sir} other {Welcome}}',
    only: { english: 'Only in English' },
    battery: 'Battery at {level, number, percent}',
  },
  de: {
    title: 'Einstellungen',
    devices: '{count, plural, =0 {Keine Geräte} one {# Gerät} other {# Geräte}}',
    welcome: '{gender, select, female {Willkommen, gnädige Frau} male {Willkommen, mein Herr} other {Willkommen}}',
    battery: 'Akku bei {level, number, percent}',
  },
  ar: {
    title: 'الإعدادات',
    devices: '{count, plural, zero {لا أجهزة} one {جهاز واحد} two {جهازان} few {# أجهزة} many {# جهازًا} other {# جهاز}}',
    welcome: 'أهلاً',
    battery: 'البطارية {level, number, percent}',
  },
};

const make = (extra: Partial<I18nOptions> = {}) => createI18n({ locale: 'en', messages, fallback: 'en', ...extra });

describe('plurals and selects', () => {
  it.each<[number, string]>([
    [0, 'لا أجهزة'], [1, 'جهاز واحد'], [2, 'جهازان'], [3, '3 أجهزة'], [10, '10 أجهزة'], [11, '11 جهازًا'], [99, '99 جهازًا'], [100, '100 جهاز'], [102, '102 جهاز'],
  ])('Arabic: %i is %s', (count, text) => {
    expect(make({ locale: 'ar' }).t('devices', { count })).toBe(text);
  });

  it('English and German take their own plural rules', () => {
    const i18n = make();
    expect([0, 1, 2].map((count) => i18n.t('devices', { count }))).toEqual(['No devices', '1 device', '2 devices']);
    i18n.locale.value = 'de';
    expect([0, 1, 2].map((count) => i18n.t('devices', { count }))).toEqual(['Keine Geräte', '1 Gerät', '2 Geräte']);
  });

  it('selects a branch by value', () => {
    const i18n = make({ locale: 'de' });
    expect(i18n.t('welcome', { gender: 'female' })).toBe('Willkommen, gnädige Frau');
    expect(i18n.t('welcome', { gender: 'unknown' })).toBe('Willkommen');
  });

  it('formats numbers inside a message in the locale asked for', () => {
    const i18n = make({ locale: 'de' });
    expect(i18n.t('battery', { level: 0.5 })).toBe('Akku bei 50\u00a0%');
    i18n.locale.value = 'ar-EG';
    expect(i18n.t('battery', { level: 0.5 })).toBe('البطارية ٥٠٪؜');
  });
});

describe('missing messages and bad values', () => {
  it('takes a message the locale lacks from the fallback, and reports the gap', () => {
    const onMissing = vi.fn();
    const i18n = make({ locale: 'de', onMissing });
    expect(i18n.t('only.english')).toBe('Only in English');
    expect(onMissing).toHaveBeenCalledTimes(1);
    expect(onMissing.mock.calls[0]![0]).toMatchObject({ id: 'only.english', locale: 'de', message: "i18n: 'de' has no message 'only.english'; showing the fallback 'en' message" });
  });

  it('serves a regional locale from its language catalog (ar-EG from ar)', () => {
    expect(make({ locale: 'ar-EG' }).t('title')).toBe('الإعدادات');
  });

  it('throws an error naming the id and the locale when no catalog has the message', () => {
    const i18n = make({ locale: 'ar' });
    expect(() => i18n.t('nope')).toThrow("i18n: no message 'nope' for the locale 'ar' (catalog 'ar') nor in the fallback 'en': add it to messages.ar");
    expect(() => make({ fallback: undefined }).t('nope')).toThrow("i18n: no message 'nope' for the locale 'en' (catalog 'en'): add it to messages.en");
  });

  it('throws an error naming the id, the locale and the values given when a value is missing', () => {
    const i18n = make({ locale: 'de' });
    expect(() => i18n.t('devices', { cuont: 3 })).toThrow(/^i18n: message 'devices' in 'de' cannot be formatted with the values \{ cuont \}: .*"count" was not provided/);
  });

  it('refuses broken catalogs and locales when it is made', () => {
    expect(() => createI18n({ locale: 'en', messages: { en: { a: '{count, plural, one {x}}' } } })).toThrow(/^createI18n: message 'a' of 'en' is not valid ICU MessageFormat: MISSING_OTHER_CLAUSE/);
    expect(() => createI18n({ locale: 'en_US', messages })).toThrow("createI18n: locale 'en_US' is not a BCP 47 language tag (write 'en-US')");
    expect(() => createI18n({ locale: 'en', fallback: 'fr', messages })).toThrow("createI18n: the fallback 'fr' has no messages; the catalogs are 'en', 'de', 'ar'");
    expect(() => createI18n({ locale: 'fr', messages })).toThrow("createI18n: no messages serve the locale 'fr' and there is no fallback; the catalogs are 'en', 'de', 'ar'");
    expect(() => createI18n({ locale: 'en', messages, timeZone: 'Mars/Olympus' })).toThrow(/timeZone 'Mars\/Olympus' is not an IANA time zone/);
  });

  it('names a locale set later that is not a language tag', () => {
    const i18n = make();
    i18n.locale.value = 'de_DE';
    expect(() => i18n.t('title')).toThrow("i18n: t('title'): the locale 'de_DE' is not a BCP 47 language tag (write 'de-DE')");
  });
});

describe('Intl formats', () => {
  const when = Date.UTC(2025, 2, 3, 14, 5);
  it.each<[string, string, string, string, string]>([
    ['en', 'Mar 3, 2025', '2:05 PM', '1,234.5', '21.5°C'],
    ['de', '03.03.2025', '14:05', '1.234,5', '21,5 °C'],
    ['ar-EG', '٠٣‏/٠٣‏/٢٠٢٥', '٢:٠٥ م', '١٬٢٣٤٫٥', '٢١٫٥°م'],
  ])('%s: a date, a time, a number and a unit', (locale, date, time, number, unit) => {
    const i18n = make({ locale, timeZone: 'UTC' });
    expect(i18n.formatDate(when)).toBe(date);
    expect(i18n.formatTime(new Date(when))).toBe(time);
    expect(i18n.formatNumber(1234.5)).toBe(number);
    expect(i18n.formatUnit(21.5, 'celsius')).toBe(unit);
  });

  it('says what is wrong with a unit or a date', () => {
    const i18n = make();
    expect(() => i18n.formatUnit(3, 'kilowatt-hour')).toThrow(/formatUnit: 'kilowatt-hour' is not a unit Intl knows — use a CLDR unit such as 'celsius'/);
    expect(() => i18n.formatDate(new Date('not a date'))).toThrow('i18n: cannot format Invalid Date as a date or time: give a valid Date or a number of ms since 1970');
  });
});

describe('direction of a locale', () => {
  it.each([['ar', 'rtl'], ['he-IL', 'rtl'], ['fa', 'rtl'], ['ur', 'rtl'], ['az-Arab', 'rtl'], ['en', 'ltr'], ['de', 'ltr'], ['az', 'ltr']])('%s is %s', (locale, dir) => {
    expect(directionOfLocale(locale)).toBe(dir);
  });
});

describe('a live switch of locale', () => {
  let rowMounts = 0;
  function Row() {
    rowMounts++;
    const { t } = useI18n();
    const dir = useDirection();
    return (
      <View testId="row" style={{ flexDirection: 'row', justifyContent: 'space-between', paddingStart: 10 }}>
        <Text testId="title" style={{ fontSize: 16 }}>{() => t('title')}</Text>
        <Text testId="count" style={{ fontSize: 16 }}>{() => t('devices', { count: 2 })}</Text>
        <Text testId="dir">{() => dir.value}</Text>
      </View>
    );
  }

  it('changes the text and flips the layout in place', async () => {
    const i18n = make();
    let mounts = 0;
    const screen = await render(() => {
      mounts++;
      return <I18nProvider i18n={i18n}><Row /></I18nProvider>;
    }, { width: 400, height: 60 });
    expect(screen.text({ testId: 'title' })).toBe('Settings');
    expect(screen.text({ testId: 'count' })).toBe('2 devices');
    expect(screen.text({ testId: 'dir' })).toBe('ltr');
    expect(screen.find({ testId: 'title' }).x).toBe(10);
    const titleBox = screen.getByText('Settings');

    i18n.locale.value = 'ar';
    await screen.flush();
    expect(screen.text({ testId: 'title' })).toBe('الإعدادات');
    expect(screen.text({ testId: 'count' })).toBe('جهازان');
    expect(screen.text({ testId: 'dir' })).toBe('rtl');
    const title = screen.find({ testId: 'title' });
    expect(title.x + title.width).toBe(390);
    expect(screen.find({ testId: 'dir' }).x).toBe(0);
    // The same nodes, not new ones: nothing was mounted again.
    expect([mounts, rowMounts]).toEqual([1, 1]);
    expect(screen.getByText('الإعدادات')).toBe(titleBox);

    i18n.locale.value = 'de';
    await screen.flush();
    expect(screen.text({ testId: 'title' })).toBe('Einstellungen');
    expect(screen.find({ testId: 'title' }).x).toBe(10);
    await screen.dispose();
  });

  it('leaves no Yoga node behind once unmounted, after switching back and forth', async () => {
    const before = yogaNodeCount();
    const i18n = make();
    const screen = await render(() => <I18nProvider i18n={i18n}><Row /></I18nProvider>, { width: 400, height: 60 });
    for (const locale of ['ar', 'de', 'en', 'ar']) {
      i18n.locale.value = locale;
      await screen.flush();
    }
    await screen.dispose();
    expect(yogaNodeCount()).toBe(before);
  });

  it('useI18n outside a provider says what to do', async () => {
    const errors: Error[] = [];
    function Lost() {
      useI18n();
      return null;
    }
    const screen = await render(() => <Lost />, { onError: (e) => errors.push(e) });
    expect(errors[0]?.message).toMatch(/^useI18n\(\) found no <I18nProvider> above this component: wrap the app in <I18nProvider i18n=\{createI18n\(\{ locale, messages \}\)\}> \(in Lost\)$/);
    await screen.dispose();
  });
});
