import { afterEach, describe, expect, it } from 'vitest';
import { render, type Screen } from '@planar/toolkit/testing';
import { App, createHomeModel, type HomeModel } from '../src/index.js';
import { colors } from '../src/theme.js';
import { watchErrors } from './helpers.js';

let screen: Screen | null = null;
afterEach(async () => {
  await screen?.dispose();
  screen = null;
});

async function renderApp(model: HomeModel = createHomeModel({ frozen: true })) {
  screen = await render(() => <App model={model} size={{ width: 800, height: 480 }} />, { width: 800, height: 480, background: colors.background });
  return { screen, model };
}

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
    const gear = screen.getByRole('button', { name: 'Settings' });
    const gearBox = screen.find(gear);
    await screen.tap(gear);
    const xs: number[] = [];
    for (let t = 16; t <= 600; t += 16) {
      await screen.advance(16);
      const x = screen.find({ testId: 'settings' }).x;
      if (xs.length && x !== xs[xs.length - 1]) {
        // While the gear's own press look fades (its box and a pixel of edge), nothing else is repainted; then nothing at all.
        if (t <= 200) expect(screen.stats.damagedPx, `frame at x ${x}`).toBeLessThanOrEqual((gearBox.width + 2) * (gearBox.height + 2));
        else expect(screen.stats.damagedPx, `frame at x ${x}`).toBe(0);
      }
      xs.push(x);
    }
    // It moved in steps, from the right edge to the left one.
    expect(new Set(xs).size).toBeGreaterThan(3);
    expect(xs[xs.length - 1]).toBe(0);
    expect([...xs].sort((a, b) => b - a)).toEqual(xs);
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

    // One Tab each, in reading order: the left column, the right one, then rotation.
    await tabTo(screen, () => screen.getByRole('switch', { name: 'Dark theme' }), 1);
    await screen.key('Enter');
    expect(model.settings.dark.value).toBe(false);

    await tabTo(screen, () => screen.getByRole('combobox', { name: 'Temperature unit' }), 1);
    await screen.key('Enter');
    await screen.key('ArrowDown');
    await screen.key('Enter');
    expect(model.settings.unit.value).toBe('f');

    await tabTo(screen, () => screen.getByRole('spinbutton', { name: 'Night mode from' }), 1);
    await screen.key('ArrowUp');
    expect(screen.getByRole('spinbutton', { name: 'Night mode from' })).toHaveValue({ now: 23, text: '23:00' });

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

    await screen.tap(screen.getByRole('radio', { name: '270°' }));
    expect(screen.getByRole('radio', { name: '270°' })).toBeChecked();
    expect(model.settings.rotation.value).toBe(270);

    await screen.tap(screen.getByRole('button', { name: 'Increase Night mode from' }));
    expect(screen.getByRole('spinbutton', { name: 'Night mode from' })).toHaveValue({ now: 23 });
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

    // A tap on a control in the turned frame works.
    await screen.tap(screen.getByRole('button', { name: 'Increase Night mode from' }));
    expect(screen.getByRole('spinbutton', { name: 'Night mode from' })).toHaveValue({ now: 23 });
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
