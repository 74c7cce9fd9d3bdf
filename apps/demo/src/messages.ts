/**
 * The panel's words in English, German and Arabic, as ICU messages (plurals where a count is
 * shown), and the i18n the app makes from them. The language setting picks the locale; English
 * is the fallback and writes dates the British way ("Tue 14 Jan").
 */
import { createI18n, type I18n, type MessageCatalog } from '@planar/toolkit';
import { homeAr, homeDe, homeEn } from './home-messages.js';

export type Language = 'en' | 'de' | 'ar';

/** Each language named in itself, for the language picker. */
export const LANGUAGES: readonly { value: Language; label: string }[] = [
  { value: 'en', label: 'English' }, { value: 'de', label: 'Deutsch' }, { value: 'ar', label: 'العربية' },
];

/** The locale each language formats dates and numbers in. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', de: 'de-DE', ar: 'ar' };

const en: MessageCatalog = {
  common: { back: 'Back' },
  header: {
    devicesOn: '{count, plural, one {# device on} other {# devices on}}',
    history: 'History', settings: 'Settings',
  },
  history: { title: 'History', list: 'Event history' },
  thermostat: {
    title: 'THERMOSTAT', heating: 'Heating', idle: 'Idle', cooler: 'Cooler', warmer: 'Warmer', setpoint: 'Setpoint',
    heatingTo: 'Heating to', setTo: 'Set to', indoor: 'Indoor {value}',
  },
  status: { title: 'STATUS' },
  device: { on: 'On', off: 'Off', open: 'Open', closed: 'Closed' },
  settings: {
    title: 'Settings', all: 'All settings', brightness: 'Brightness', dark: 'Dark theme', unit: 'Temperature unit',
    celsius: 'Celsius (°C)', fahrenheit: 'Fahrenheit (°F)', nightFrom: 'Night mode from', rotation: 'Rotation',
    language: 'Language', wifi: 'Wi-Fi', notConnected: 'Not connected', restart: 'Restart panel', save: 'Save', saved: 'Settings saved',
    restartTitle: 'Restart panel?', restartMessage: 'The screen goes dark for a few seconds while the panel starts again.',
    cancel: 'Cancel', restartConfirm: 'Restart', restartUnavailable: 'Restart is not available in this build',
  },
  wifi: {
    title: 'Wi-Fi', networks: 'Networks in range', connected: 'Connected', secured: 'Secured', open: 'Open',
    connecting: 'Connecting…', password: 'Password for {ssid}', wrongPassword: 'Wrong password, try again',
    show: 'Show password', hide: 'Hide password',
  },
};

const de: MessageCatalog = {
  common: { back: 'Zurück' },
  header: {
    devicesOn: '{count, plural, =0 {Keine Geräte an} one {# Gerät an} other {# Geräte an}}',
    history: 'Verlauf', settings: 'Einstellungen',
  },
  history: { title: 'Verlauf', list: 'Ereignisverlauf' },
  thermostat: {
    title: 'THERMOSTAT', heating: 'Heizt', idle: 'Ruht', cooler: 'Kühler', warmer: 'Wärmer', setpoint: 'Sollwert',
    heatingTo: 'Heizt auf', setTo: 'Eingestellt', indoor: 'Innen {value}',
  },
  status: { title: 'STATUS' },
  device: { on: 'An', off: 'Aus', open: 'Offen', closed: 'Zu' },
  settings: {
    title: 'Einstellungen', all: 'Alle Einstellungen', brightness: 'Helligkeit', dark: 'Dunkles Design', unit: 'Temperatureinheit',
    celsius: 'Celsius (°C)', fahrenheit: 'Fahrenheit (°F)', nightFrom: 'Nachtmodus ab', rotation: 'Drehung',
    language: 'Sprache', wifi: 'WLAN', notConnected: 'Nicht verbunden', restart: 'Panel neu starten', save: 'Speichern',
    saved: 'Einstellungen gespeichert', restartTitle: 'Panel neu starten?',
    restartMessage: 'Der Bildschirm bleibt einige Sekunden dunkel, während das Panel neu startet.',
    cancel: 'Abbrechen', restartConfirm: 'Neu starten', restartUnavailable: 'Neustart ist in dieser Version nicht verfügbar',
  },
  wifi: {
    title: 'WLAN', networks: 'Netzwerke in Reichweite', connected: 'Verbunden', secured: 'Gesichert', open: 'Offen',
    connecting: 'Verbinde…', password: 'Passwort für {ssid}', wrongPassword: 'Falsches Passwort, bitte erneut versuchen',
    show: 'Passwort zeigen', hide: 'Passwort verbergen',
  },
};

const ar: MessageCatalog = {
  common: { back: 'رجوع' },
  header: {
    devicesOn: '{count, plural, zero {لا أجهزة تعمل} one {جهاز واحد يعمل} two {جهازان يعملان} few {# أجهزة تعمل} many {# جهازًا يعمل} other {# جهاز يعمل}}',
    history: 'السجل', settings: 'الإعدادات',
  },
  history: { title: 'السجل', list: 'سجل الأحداث' },
  thermostat: {
    title: 'منظم الحرارة', heating: 'تدفئة', idle: 'متوقف', cooler: 'أبرد', warmer: 'أدفأ', setpoint: 'الحرارة المطلوبة',
    heatingTo: 'تدفئة حتى', setTo: 'مضبوط على', indoor: 'الداخل {value}',
  },
  status: { title: 'الحالة' },
  device: { on: 'يعمل', off: 'مطفأ', open: 'مفتوحة', closed: 'مغلقة' },
  settings: {
    title: 'الإعدادات', all: 'كل الإعدادات', brightness: 'السطوع', dark: 'المظهر الداكن', unit: 'وحدة الحرارة',
    celsius: 'درجة مئوية', fahrenheit: 'درجة فهرنهايت', nightFrom: 'الوضع الليلي من', rotation: 'التدوير',
    language: 'اللغة', wifi: 'واي فاي', notConnected: 'غير متصل', restart: 'إعادة تشغيل اللوحة', save: 'حفظ',
    saved: 'تم حفظ الإعدادات', restartTitle: 'إعادة تشغيل اللوحة؟',
    restartMessage: 'ستظلم الشاشة لبضع ثوانٍ أثناء إعادة تشغيل اللوحة.',
    cancel: 'إلغاء', restartConfirm: 'إعادة التشغيل', restartUnavailable: 'إعادة التشغيل غير متاحة في هذا الإصدار',
  },
  wifi: {
    title: 'واي فاي', networks: 'الشبكات المتاحة', connected: 'متصل', secured: 'محمية', open: 'مفتوحة',
    connecting: 'جارٍ الاتصال…', password: 'كلمة مرور {ssid}', wrongPassword: 'كلمة مرور خاطئة، حاول مرة أخرى',
    show: 'إظهار كلمة المرور', hide: 'إخفاء كلمة المرور',
  },
};

/** The app's i18n, in `language`'s locale. */
export function createMessages(language: Language = 'en'): I18n {
  return createI18n({ locale: LOCALES[language], messages: { en: { ...en, ...homeEn }, de: { ...de, ...homeDe }, ar: { ...ar, ...homeAr } }, fallback: 'en' });
}
