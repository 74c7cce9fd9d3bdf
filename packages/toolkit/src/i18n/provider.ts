/**
 * I18nProvider and useI18n: an I18n handed to the components below, whose box lays them out
 * in the locale's direction (it is a `<Directionality>` that follows the locale).
 */
import { getOwner } from '../jsx/owner.js';
import type { Child } from '../jsx/element.js';
import type { StyleProp } from '../style/types.js';
import { directionBox } from './direction.js';
import type { I18n } from './i18n.js';

const I18N = Symbol('planar.i18n');

export interface I18nProviderProps {
  /** What `createI18n` made. */
  i18n: I18n;
  /** The box's style; by default it takes the space its parent gives (`flexGrow: 1`, `alignSelf: 'stretch'`). */
  style?: StyleProp;
  children?: Child;
}

/**
 * Gives `i18n` to the components below (`useI18n()`) and lays them out in its locale's
 * direction: setting `i18n.locale` re-lays them in place, text and direction together.
 * @example
 * const i18n = createI18n({ locale: 'en', fallback: 'en', messages });
 * await createApp(() => <I18nProvider i18n={i18n}><Settings /></I18nProvider>);
 */
export function I18nProvider(props: I18nProviderProps): Child {
  const i18n = props.i18n;
  if (!i18n || typeof i18n.t !== 'function' || !i18n.direction) {
    throw new Error('<I18nProvider> needs i18n={createI18n({ locale, messages })}');
  }
  const owner = getOwner();
  if (owner) (owner.contexts ??= new Map()).set(I18N, i18n);
  return directionBox(i18n.direction, props.style, props.children);
}

/**
 * The I18n of the nearest `<I18nProvider>` above the calling component.
 * @example
 * const { t, formatUnit } = useI18n();
 * <Text>{() => t('thermostat.target', { value: formatUnit(target.value, 'celsius') })}</Text>
 */
export function useI18n(): I18n {
  const found = getOwner()?.lookup(I18N);
  if (!found?.found) throw new Error('useI18n() found no <I18nProvider> above this component: wrap the app in <I18nProvider i18n={createI18n({ locale, messages })}>');
  return found.value as I18n;
}
