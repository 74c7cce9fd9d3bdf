/** Internationalisation: messages, locale-aware formats and layout direction. */
export { createI18n, I18nError, type I18n, type I18nOptions, type MessageCatalog, type MessageValues } from './i18n.js';
export { I18nProvider, useI18n, type I18nProviderProps } from './provider.js';
export { Directionality, useDirection, type Direction, type DirectionalityProps } from './direction.js';
export { directionOfLocale } from './locale.js';
