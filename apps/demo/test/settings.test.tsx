import { afterEach, describe, expect, it } from 'vitest';
import { render, type Screen } from '@planar/toolkit/testing';
import { App, createHomeModel, type HomeModel } from '../src/index.js';
import { colors } from '../src/theme.js';
import { expectSlideRepaintsNothing, watchErrors } from './helpers.js';

const touch = { type: 'touch' } as const;

let screen: Screen | null = null;
afterEach(async () => {
  await screen?.dispose();
  screen = null;
});

async function renderApp(model: HomeModel = createHomeModel({ frozen: true }), width = 800, height = 480) {
  screen = await render(() => <App model={model} size={{ width, height }} />, { width, height, background: colors.background });
  return { screen, model };
}

/** Drags a finger from `from` by dy in eight moves 10 ms apart, holds still `rest` ms and lifts. */
async function drag(screen: Screen, from: { x: number; y: number }, dy: number, rest = 200): Promise<void> {
  await screen.pointer.down(from, touch);
  for (let i = 1; i <= 8; i++) {
    await screen.advance(10);
    await screen.pointer.move({ x: from.x, y: from.y + (dy * i) / 8 }, touch);
  }
  await screen.advance(rest);
  await screen.pointer.up({ x: from.x, y: from.y + dy }, touch);
}

/** The part of the screen the settings scroll in, under the title row. */
const body = (screen: Screen) => screen.find({ testId: 'settings-body' });
const onScreen = (screen: Screen, target: Target) => {
  const box = screen.find(target), port = body(screen);
  return box.y >= port.y && box.y + box.height <= port.y + port.height;
};
const nightHour = (screen: Screen) => screen.getByRole('spinbutton', { name: 'Night mode from' });

type Target = ReturnType<Screen['getByRole']>;

/** Presses Tab until `target` has focus; fails after `most` presses. */
async function tabTo(screen: Screen, target: () => Target, most = 30): Promise<number> {
  for (let presses = 1; presses <= most; presses++) {
    await screen.key('Tab');
    if (target().states.focused) return presses;
  }
  throw new Error(`Tab never reached ${target().role} "${target().name}" in ${most} presses:\n${screen.tree()}`);
}

/** Opens settings with a tap on the header's gear and lets the slide finish. */
async function openByTap(screen: Screen) {
  await screen.tap(screen.getByRole('button', { name: 'Settings' }));
  await screen.advance(600);
  return screen.getByRole('heading', { name: 'Settings' });
}

describe('settings screen', () => {
  it('opens from the gear by tap, slides in over the dashboard, and Back returns', async () => {
    const { screen } = await renderApp();
    expect(screen.queryByRole('heading', { name: 'Settings' })).toBeNull();
    await openByTap(screen);
    const layer = screen.find({ testId: 'settings' });
    expect(layer).toMatchObject({ x: 0, y: 0, width: 800, height: 480 });
    expect(screen.getByRole('slider', { name: 'Brightness' })).toBeVisible();

    await screen.tap(screen.getByRole('button', { name: 'Back' }));
    await screen.advance(600);
    expect(screen.queryByRole('heading', { name: 'Settings' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Warmer' })).toBeVisible();
  });

  it('slides in as a layer whose moves repaint nothing of the screen', async () => {
    const { screen } = await renderApp();
    await expectSlideRepaintsNothing(screen, screen.getByRole('button', { name: 'Settings' }), 'settings');
  });

  it('is reached, operated and left with keys alone', async () => {
    const { screen, model } = await renderApp();
    await tabTo(screen, () => screen.getByRole('button', { name: 'Settings' }));
    await screen.key('Enter');
    await screen.advance(600);
    // Focus starts on Back, then Tab walks every control in reading order.
    expect(screen.getByRole('button', { name: 'Back' })).toHaveFocus();
    await screen.key('Tab');
    const brightness = screen.getByRole('slider', { name: 'Brightness' });
    expect(brightness).toHaveFocus();
    await screen.key('ArrowRight');
    expect(model.settings.brightness.value).toBe(85);

    // One Tab each, in reading order: the left column (with the language and Wi-Fi), the right one, then rotation.
    await tabTo(screen, () => screen.getByRole('switch', { name: 'Dark theme' }), 1);
    await screen.key('Enter');
    expect(model.settings.dark.value).toBe(false);

    await tabTo(screen, () => screen.getByRole('combobox', { name: 'Language' }), 1);
    await tabTo(screen, () => screen.getByRole('button', { name: 'Wi-Fi' }), 1);
    await tabTo(screen, () => screen.getByRole('combobox', { name: 'Temperature unit' }), 1);
    await screen.key('Enter');
    await screen.key('ArrowDown');
    await screen.key('Enter');
    expect(model.settings.unit.value).toBe('f');

    await tabTo(screen, () => nightHour(screen), 1);
    await screen.key('ArrowDown');
    await screen.advance(600);
    expect(nightHour(screen)).toHaveValue({ now: 23, text: '23:00' });
    expect(model.settings.nightHour.value).toBe(23);

    await tabTo(screen, () => screen.getByRole('radio', { name: '0°' }), 1);
    await screen.key('ArrowRight');
    expect(screen.getByRole('radio', { name: '90°' })).toBeChecked();
    expect(model.settings.rotation.value).toBe(90);

    await tabTo(screen, () => screen.getByRole('button', { name: 'Restart panel' }), 1);
    await tabTo(screen, () => screen.getByRole('button', { name: 'Save' }), 1);
    // Focus stays on the screen: past Save it wraps to Back.
    await screen.key('Tab');
    expect(screen.getByRole('button', { name: 'Back' })).toHaveFocus();
    await screen.key('Enter');
    await screen.advance(600);
    expect(screen.queryByRole('heading', { name: 'Settings' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Settings' })).toHaveFocus();

    // Escape leaves too.
    await screen.key('Enter');
    await screen.advance(600);
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeTruthy();
    await screen.key('Escape');
    await screen.advance(600);
    expect(screen.queryByRole('heading', { name: 'Settings' })).toBeNull();
  });

  it('turns the night-mode hour with a drag on the roller, round past midnight, and the setting follows both ways', async () => {
    // A short screen, on which the settings scroll: the drag turns the roller, not the page.
    const { screen, model } = await renderApp(undefined, 800, 300);
    await openByTap(screen);
    const roller = screen.find(nightHour(screen));
    expect(nightHour(screen)).toHaveValue({ now: 22, text: '22:00' });
    // Two rows up: 22:00, 23:00, then 00:00 in the band.
    await drag(screen, { x: roller.x + roller.width / 2, y: roller.y + roller.height - 20 }, -80);
    await screen.advance(1000);
    expect(nightHour(screen)).toHaveValue({ now: 0, text: '00:00' });
    expect(model.settings.nightHour.value).toBe(0);
    expect(screen.find(nightHour(screen))).toEqual(roller);

    // A fling turns it further; it comes to rest on an hour, which is the setting.
    await screen.pointer.down({ x: roller.x + roller.width / 2, y: roller.y + roller.height - 10 }, touch);
    for (let i = 1; i <= 5; i++) {
      await screen.advance(10);
      await screen.pointer.move({ x: roller.x + roller.width / 2, y: roller.y + roller.height - 10 - 20 * i }, touch);
    }
    await screen.pointer.up({ x: roller.x + roller.width / 2, y: roller.y + roller.height - 110 }, touch);
    await screen.advance(3000);
    const flung = model.settings.nightHour.value;
    expect(flung).toBeGreaterThan(2);
    expect(nightHour(screen)).toHaveValue({ now: flung, text: `${String(flung).padStart(2, '0')}:00` });

    // Set elsewhere, the roller turns to it.
    model.settings.nightHour.value = 6;
    await screen.advance(600);
    expect(nightHour(screen)).toHaveValue({ now: 6, text: '06:00' });
  });

  it('scrolls on a short screen: Tab brings each control into view down to Save, the title row stays', async () => {
    const { screen } = await renderApp(undefined, 480, 320);
    await openByTap(screen);
    const title = screen.find(screen.getByRole('heading', { name: 'Settings' }));
    const save = () => screen.getByRole('button', { name: 'Save' });
    expect(onScreen(screen, save())).toBe(false);
    const order: (() => Target)[] = [
      () => screen.getByRole('slider', { name: 'Brightness' }),
      () => screen.getByRole('switch', { name: 'Dark theme' }),
      () => screen.getByRole('combobox', { name: 'Language' }),
      () => screen.getByRole('button', { name: 'Wi-Fi' }),
      () => screen.getByRole('combobox', { name: 'Temperature unit' }),
      () => nightHour(screen),
      () => screen.getByRole('radio', { name: '0°' }),
      () => screen.getByRole('button', { name: 'Restart panel' }),
      save,
    ];
    expect(screen.getByRole('button', { name: 'Back' })).toHaveFocus();
    for (const control of order) {
      await tabTo(screen, control, 1);
      await screen.advance(400);
      expect(onScreen(screen, control()), `${control().name} on screen`).toBe(true);
    }
    expect(screen.find(screen.getByRole('heading', { name: 'Settings' }))).toEqual(title);
    expect(onScreen(screen, order[0]!())).toBe(false);
    // Round again to the top.
    await screen.key('Tab');
    await tabTo(screen, order[0]!, 1);
    await screen.advance(400);
    expect(onScreen(screen, order[0]!())).toBe(true);
  });

  it('scrolls on a short screen by a drag, to Save, which a tap then presses', async () => {
    const { screen } = await renderApp(undefined, 480, 320);
    await openByTap(screen);
    const save = screen.getByRole('button', { name: 'Save' });
    expect(onScreen(screen, save)).toBe(false);
    // Two drags up along the left margin, which takes no press.
    const port = body(screen);
    await drag(screen, { x: port.x + 4, y: port.y + port.height - 10 }, -150);
    await drag(screen, { x: port.x + 4, y: port.y + port.height - 10 }, -150);
    await screen.advance(1000);
    expect(onScreen(screen, save)).toBe(true);
    await screen.tap(save);
    await screen.advance(400);
    expect(screen.getByRole('status', { name: 'Settings saved' })).toBeVisible();
  });

  for (const theme of ['dark', 'light'] as const) {
    it(`matches the golden image in the ${theme} theme`, async () => {
      const { screen } = await renderApp(createHomeModel({ frozen: true, settings: { dark: theme === 'dark' } }));
      await openByTap(screen);
      expect(screen).toMatchImageSnapshot(`settings-800x480-${theme}`);
    });
  }

  it('changes each control by touch', async () => {
    const { screen, model } = await renderApp();
    await openByTap(screen);
    const brightness = screen.getByRole('slider', { name: 'Brightness' });
    await screen.act('increment', brightness);
    expect(screen.getByRole('slider', { name: 'Brightness' })).toHaveValue({ now: 85 });

    // The roller shows three hours, the chosen one in the middle: a tap on the one below turns to it.
    const roller = screen.find(nightHour(screen));
    await screen.tap({ x: roller.x + roller.width / 2, y: roller.y + roller.height - 22 });
    await screen.advance(600);
    expect(nightHour(screen)).toHaveValue({ now: 23, text: '23:00' });
    expect(model.settings.nightHour.value).toBe(23);

    await screen.tap(screen.getByRole('radio', { name: '270°' }));
    expect(screen.getByRole('radio', { name: '270°' })).toBeChecked();
    expect(model.settings.rotation.value).toBe(270);
  });

  it('turns the whole app at once when 90° is chosen by touch', async () => {
    const model = createHomeModel({ frozen: true });
    // Laid out at the app's own size, as the panel runs.
    screen = await render(() => <App model={model} />, { width: 800, height: 480, background: colors.background });
    const sizes: { width: number; height: number }[] = [];
    screen.app.on('resize', (e) => sizes.push(e));
    await openByTap(screen);
    await screen.tap(screen.getByRole('radio', { name: '90°' }));
    await screen.advance(600);
    expect(model.settings.rotation.value).toBe(90);
    expect(screen.app.rotation).toBe(90);
    expect({ width: screen.app.width, height: screen.app.height }).toEqual({ width: 480, height: 800 });
    expect(sizes).toEqual([{ width: 480, height: 800 }]);
    // The output keeps its 800x480 pixels; the settings screen now stands on its side, filling it.
    const png = screen.pixels();
    expect({ width: png.width, height: png.height }).toEqual({ width: 800, height: 480 });
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeVisible();
    expect(screen.find({ testId: 'settings' })).toMatchObject({ x: 0, y: 0, width: 800, height: 480 });
    expect(screen.getByRole('radio', { name: '90°' })).toBeChecked();
    // At 90° the logical top runs down the output's right edge: the heading is right of the controls below it.
    const heading = screen.find(screen.getByRole('heading', { name: 'Settings' }));
    const unit = screen.find(screen.getByRole('combobox', { name: 'Temperature unit' }));
    expect(heading.x).toBeGreaterThan(unit.x);

    // A tap on a control in the turned frame works: the hour below the roller's band, which lies
    // to the left of the band on the output, as the logical bottom does.
    const roller = screen.find(nightHour(screen));
    await screen.tap({ x: roller.x + 22, y: roller.y + roller.height / 2 });
    await screen.advance(600);
    expect(nightHour(screen)).toHaveValue({ now: 23, text: '23:00' });
    await screen.tap(screen.getByRole('radio', { name: '0°' }));
    await screen.advance(600);
    expect({ width: screen.app.width, height: screen.app.height }).toEqual({ width: 800, height: 480 });
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeVisible();
  });

  it('switches the whole app between the dark and light theme', async () => {
    const { screen, model } = await renderApp();
    await openByTap(screen);
    const layer = screen.find({ testId: 'settings' });
    const corner = () => screen.pixel(layer.x + 4, layer.y + layer.height - 4);
    const dark = corner();
    expect(dark[0]!).toBeLessThan(60);
    const sw = screen.getByRole('switch', { name: 'Dark theme' });
    expect(sw).toBeChecked();
    await screen.tap(sw);
    await screen.advance(600);
    expect(screen.getByRole('switch', { name: 'Dark theme' })).not.toBeChecked();
    expect(model.settings.dark.value).toBe(false);
    expect(corner()[0]!).toBeGreaterThan(200);
  });

  it('shows temperatures in the chosen unit on the dashboard', async () => {
    const { screen } = await renderApp();
    expect(screen.find({ text: '21.0°' })).toBeTruthy();
    await openByTap(screen);
    await screen.tap(screen.getByRole('combobox', { name: 'Temperature unit' }));
    await screen.tap(screen.getByRole('option', { name: 'Fahrenheit (°F)' }));
    expect(screen.getByRole('combobox', { name: 'Temperature unit' })).toHaveValue({ text: 'Fahrenheit (°F)' });
    await screen.tap(screen.getByRole('button', { name: 'Back' }));
    await screen.advance(600);
    expect(screen.find({ text: '69.8°' })).toBeTruthy();
    expect(screen.find({ text: 'Indoor 68.7°' })).toBeTruthy();
    expect(screen.find({ text: '54° Partly cloudy' })).toBeTruthy();
  });

  it('asks before restarting: Cancel keeps the screen, Restart restarts', async () => {
    const restarts: number[] = [];
    const model = createHomeModel({ frozen: true });
    screen = await render(() => <App model={model} size={{ width: 800, height: 480 }} onRestart={() => restarts.push(1)} />, { width: 800, height: 480 });
    await openByTap(screen);
    await screen.tap(screen.getByRole('button', { name: 'Restart panel' }));
    await screen.advance(400);
    expect(screen.getByRole('dialog', { name: 'Restart panel?' })).toBeVisible();
    await screen.tap(screen.getByRole('button', { name: 'Cancel' }));
    await screen.advance(400);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(restarts).toEqual([]);
    expect(screen.getByRole('button', { name: 'Restart panel' })).toHaveFocus();

    await screen.key('Enter');
    await screen.advance(400);
    await screen.tap(screen.getByRole('button', { name: 'Restart' }));
    await screen.advance(400);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(restarts).toEqual([1]);
  });

  it('confirms Save with a toast that goes away by itself', async () => {
    const watch = watchErrors();
    try {
      const { screen } = await renderApp();
      await openByTap(screen);
      await screen.tap(screen.getByRole('button', { name: 'Save' }));
      await screen.advance(400);
      expect(screen.getByRole('status', { name: 'Settings saved' })).toBeVisible();
      await screen.advance(10_000);
      expect(screen.queryByRole('status', { name: 'Settings saved' })).toBeNull();
      expect(watch.errors).toEqual([]);
    } finally {
      watch.stop();
    }
  });
});
