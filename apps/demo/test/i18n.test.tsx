/**
 * The panel in three languages: the Language setting switches every word live, counts take
 * each language's plural forms, and Arabic lays the screens out right to left.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render, type Screen } from '@planar/toolkit/testing';
import { KEYBOARD_SLIDE_MS } from '@planar/widgets';
import { App, createHomeModel, type HomeModel } from '../src/index.js';
import { colors } from '../src/theme.js';

let screen: Screen | null = null;
afterEach(async () => {
  await screen?.dispose();
  screen = null;
});

async function renderApp(model: HomeModel = createHomeModel({ frozen: true })) {
  screen = await render(() => <App model={model} size={{ width: 800, height: 480 }} />, { width: 800, height: 480, background: colors.background });
  return { screen, model };
}

async function openSettings(screen: Screen, name = 'Settings') {
  await screen.tap(screen.getByRole('button', { name }));
  await screen.advance(600);
}

/** Picks `language` in the Language select by touch. */
async function chooseLanguage(screen: Screen, select: string, language: string) {
  await screen.tap(screen.getByRole('combobox', { name: select }));
  await screen.advance(400);
  await screen.tap(screen.getByRole('option', { name: language }));
  await screen.advance(400);
}

const header = (screen: Screen) => screen.text({ testId: 'header' });

describe('languages', () => {
  it('counts devices in English with its plural forms', async () => {
    const { screen, model } = await renderApp();
    expect(header(screen)).toContain('Tue 14 Jan · 3 devices on');
    for (const d of model.devices) if (d.kind !== 'blinds') d.on.value = false;
    model.device('porch-light').on.value = true;
    await screen.advance(100);
    expect(header(screen)).toContain('1 device on');
  });

  it('switches to Deutsch live: the settings, the Wi-Fi page and the dashboard', async () => {
    const { screen, model } = await renderApp();
    await openSettings(screen);
    await chooseLanguage(screen, 'Language', 'Deutsch');
    expect(model.settings.language.value).toBe('de');
    expect(screen.getByRole('heading', { name: 'Einstellungen' })).toBeVisible();
    expect(screen.getByRole('slider', { name: 'Helligkeit' })).toBeVisible();
    expect(screen.getByRole('combobox', { name: 'Sprache' })).toHaveValue('Deutsch');
    expect(screen.queryByText('Brightness')).toBeNull();

    await screen.tap(screen.getByRole('button', { name: 'WLAN' }));
    await screen.advance(600);
    expect(screen.getByRole('heading', { name: 'WLAN' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Maple Guest' }).description).toBe('Verbunden');
    await screen.tap(screen.getAllByRole('button', { name: 'Zurück' }).at(-1)!);
    await screen.advance(600);
    await screen.tap(screen.getByRole('button', { name: 'Zurück' }));
    await screen.advance(600);
    expect(header(screen)).toContain('Di., 14. Jan. · 3 Geräte an');
    expect(screen.getByRole('button', { name: 'Wärmer' })).toBeVisible();
    expect(screen.text({ testId: 'tile-living-lamp-state' })).toBe('An');
    expect(screen.text({ testId: 'thermostat-mode' })).toBe('Heizt');
  });

  it('shows the history in German: title, days and times', async () => {
    const { screen } = await renderApp(createHomeModel({ frozen: true, settings: { language: 'de' } }));
    await screen.tap(screen.getByRole('button', { name: 'Verlauf' }));
    await screen.advance(600);
    expect(screen.getByRole('heading', { name: 'Verlauf' })).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Di., 14. Jan.' })).toBeVisible();
    expect(screen.getByRole('list', { name: 'Ereignisverlauf' })).toBeVisible();
  });

  it('switches to Arabic: Arabic words, right-to-left layout, Arabic plurals', async () => {
    const { screen, model } = await renderApp();
    await openSettings(screen);
    const back = screen.find(screen.getByRole('button', { name: 'Back' }));
    const title = screen.find(screen.getByRole('heading', { name: 'Settings' }));
    expect(back.x).toBeLessThan(title.x);

    await chooseLanguage(screen, 'Language', 'العربية');
    const arBack = screen.find(screen.getByRole('button', { name: 'رجوع' }));
    const arTitle = screen.find(screen.getByRole('heading', { name: 'الإعدادات' }));
    // Back now sits at the right edge, the title to its left.
    expect(arBack.x).toBeGreaterThan(400);
    expect(arBack.x).toBeGreaterThan(arTitle.x);
    expect(arBack.x + arBack.width).toBe(800 - (back.x));
    // Each setting's name is on the right, its control on the left.
    const name = screen.find(screen.getByText('السطوع'));
    const slider = screen.find(screen.getByRole('slider', { name: 'السطوع' }));
    expect(name.x).toBeGreaterThan(slider.x);

    await screen.tap(screen.getByRole('button', { name: 'رجوع' }));
    await screen.advance(600);
    expect(header(screen)).toContain('3 أجهزة تعمل');
    model.device('office-plug').on.value = false;
    await screen.advance(100);
    expect(header(screen)).toContain('جهازان يعملان');
  });

  it('speaks German on the whole dashboard: events, devices, rooms, the history rows', async () => {
    const { screen } = await renderApp(createHomeModel({ frozen: true, settings: { language: 'de' } }));
    expect(screen.getByText('Bewegung im Flur')).toBeVisible();
    expect(screen.getByText('Stehlampe')).toBeVisible();
    expect(screen.getByText('Wohnzimmer · 60%')).toBeVisible();
    expect(screen.getByText('Fenstersensor')).toBeVisible();
    await screen.tap(screen.getByText('Deckenleuchte'));
    await screen.advance(100);
    expect(screen.getByText('Küche: Deckenleuchte eingeschaltet')).toBeVisible();
    expect(screen.queryByText('Motion in the hallway')).toBeNull();

    await screen.tap(screen.getByRole('button', { name: 'Verlauf' }));
    await screen.advance(600);
    expect(screen.text({ testId: 'history-list' })).toContain('Fenster im Schlafzimmer offen');
    expect(screen.queryByText('Window open in the bedroom')).toBeNull();
  });

  it('speaks Arabic on the whole dashboard: events, devices, rooms, the history rows', async () => {
    const { screen } = await renderApp(createHomeModel({ frozen: true, settings: { language: 'ar' } }));
    expect(screen.getByText('حركة في الممر')).toBeVisible();
    expect(screen.getByText('مصباح أرضي')).toBeVisible();
    await screen.tap(screen.getByText('ضوء السقف'));
    await screen.advance(100);
    expect(screen.getByText('ضوء السقف في المطبخ: تم التشغيل')).toBeVisible();

    await screen.tap(screen.getByRole('button', { name: 'السجل' }));
    await screen.advance(600);
    expect(screen.text({ testId: 'history-list' })).toContain('نافذة غرفة النوم مفتوحة');
    expect(screen.queryByText('Window open in the bedroom')).toBeNull();
  });

  it('brings up the keyboard in the panel\'s language, and follows a change of it', async () => {
    const { screen } = await renderApp();
    await openSettings(screen);
    await chooseLanguage(screen, 'Language', 'Deutsch');
    await screen.tap(screen.getByRole('button', { name: 'WLAN' }));
    await screen.advance(600);
    await screen.tap(screen.getByRole('button', { name: 'Maple House' }));
    await screen.advance(100);
    await screen.tap(screen.getByRole('textbox', { name: 'Passwort für Maple House' }));
    await screen.advance(KEYBOARD_SLIDE_MS + 100);
    expect(screen.getByRole('keyboard', { name: 'Deutsch keyboard' })).toBeVisible();
  });

  it('brings up the Arabic keyboard when the panel speaks Arabic', async () => {
    const { screen } = await renderApp(createHomeModel({ frozen: true, settings: { language: 'ar' } }));
    await openSettings(screen, 'الإعدادات');
    await screen.tap(screen.getByRole('button', { name: 'واي فاي' }));
    await screen.advance(600);
    await screen.tap(screen.getByRole('button', { name: 'Maple House' }));
    await screen.advance(100);
    await screen.tap(screen.getByRole('textbox', { name: 'كلمة مرور Maple House' }));
    await screen.advance(KEYBOARD_SLIDE_MS + 100);
    expect(screen.getByRole('keyboard', { name: 'العربية keyboard' })).toBeVisible();
  });

  it('matches the golden image of the settings in Arabic (dark)', async () => {
    const { screen } = await renderApp(createHomeModel({ frozen: true, settings: { language: 'ar' } }));
    await openSettings(screen, 'الإعدادات');
    expect(screen).toMatchImageSnapshot('settings-800x480-ar-dark');
  });
});
