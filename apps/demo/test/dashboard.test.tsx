import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider, type Signal } from '@planar/toolkit';
import { compareSnapshot, render, type Screen } from '@planar/toolkit/testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, createHomeModel } from '../src/index.js';
import { DeviceTile } from '../src/DeviceTile.js';
import { createMessages } from '../src/messages.js';
import { colors } from '../src/theme.js';
import { colorDistance, expectInside, watchErrors } from './helpers.js';

let screen: Screen | null = null;
afterEach(async () => {
  await screen?.dispose();
  screen = null;
});

async function renderDashboard(width: number, height: number, model = createHomeModel({ frozen: true })) {
  screen = await render(() => <App model={model} size={{ width, height }} />, { width, height, background: colors.background });
  return { screen, model };
}

describe('dashboard', () => {
  it('matches the golden image when frozen at 800x480', async () => {
    const { screen } = await renderDashboard(800, 480);
    expect(screen).toMatchImageSnapshot('dashboard-800x480');
  });

  for (const [width, height] of [[480, 272], [1024, 600], [1920, 1080], [600, 1024]] as const) {
    it(`fits ${width}x${height} without errors`, async () => {
      const watch = watchErrors();
      try {
        const { screen, model } = await renderDashboard(width, height);
        const output = { x: 0, y: 0, width, height };
        const boxes = model.devices.map((d) => screen.find({ testId: `tile-${d.id}` }));
        boxes.forEach((box, i) => {
          expect(box.width, `tile ${model.devices[i]!.id} width`).toBeGreaterThan(40);
          expect(box.height, `tile ${model.devices[i]!.id} height`).toBeGreaterThan(40);
          expectInside(box, output, `tile-${model.devices[i]!.id}`);
        });
        // No two tiles overlap.
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!, b = boxes[j]!;
            const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
            expect(apart, `tiles ${i} and ${j} overlap`).toBe(true);
          }
        }
        for (const id of ['header', 'thermostat', 'status', 'thermostat-up', 'thermostat-down', 'clock']) {
          expectInside(screen.find({ testId: id }), output, id);
        }
        // Interaction at this size raises no errors either.
        await screen.tap({ testId: 'tile-kitchen-light' });
        await screen.tap({ testId: 'thermostat-up' });
        expect(watch.errors).toEqual([]);
      } finally {
        watch.stop();
      }
    });
  }

  it('changes only the clock when the minute changes, and the date at midnight', async () => {
    const { screen, model } = await renderDashboard(800, 480);
    const now = model.now as Signal<Date>;
    const clock = screen.find({ testId: 'clock' });
    const before = PNG.sync.read(Buffer.from(await screen.png()));
    now.value = new Date(2025, 0, 14, 9, 42);
    await screen.flush();
    expect(screen.find({ text: '09:42' })).toBeTruthy();
    expect(screen.find({ text: 'Tue 14 Jan · 3 devices on' })).toBeTruthy();
    const after = PNG.sync.read(Buffer.from(await screen.png()));
    const changed: { x: number; y: number }[] = [];
    for (let i = 0; i < before.data.length; i += 4) {
      if (before.data.readUInt32BE(i) !== after.data.readUInt32BE(i)) changed.push({ x: (i / 4) % 800, y: Math.floor(i / 4 / 800) });
    }
    expect(changed.length).toBeGreaterThan(0);
    for (const p of changed) expectInside({ ...p, width: 1, height: 1 }, clock, 'a changed pixel');

    now.value = new Date(2025, 0, 15, 0, 0);
    await screen.flush();
    expect(screen.find({ text: '00:00' })).toBeTruthy();
    expect(screen.find({ text: 'Wed 15 Jan · 3 devices on' })).toBeTruthy();
  });

  it('toggles a tile when tapped: its colour, the log and the header follow', async () => {
    const { screen, model } = await renderDashboard(800, 480);
    const box = screen.find({ testId: 'tile-kitchen-light' });
    // A point of the tile's background, between the icon row and the name.
    const point = { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height * 0.55) };
    const before = screen.pixel(point.x, point.y);
    expect(screen.find({ text: 'Tue 14 Jan · 3 devices on' })).toBeTruthy();

    await screen.tap({ testId: 'tile-kitchen-light' });
    const after = screen.pixel(point.x, point.y);
    expect(model.device('kitchen-light').on.value).toBe(true);
    expect(colorDistance(before, after)).toBeGreaterThan(150);
    expect(after[0]).toBeGreaterThan(after[2]! + 100); // the lights' amber
    expect(screen.find({ text: 'Kitchen ceiling light turned on' })).toBeTruthy();
    expect(screen.find({ text: 'Tue 14 Jan · 4 devices on' })).toBeTruthy();

    await screen.tap({ testId: 'tile-kitchen-light' });
    expect(screen.pixel(point.x, point.y)).toEqual(before);
    expect(screen.find({ text: 'Kitchen ceiling light turned off' })).toBeTruthy();
  });

  it('after taps, shows exactly what a fresh render of the same state shows', async () => {
    const { screen } = await renderDashboard(800, 480);
    for (const id of ['tile-kitchen-light', 'tile-ceiling-fan', 'tile-living-blinds', 'thermostat-down', 'thermostat-down', 'thermostat-down']) {
      await screen.tap({ testId: id });
    }
    const fresh = createHomeModel({ frozen: true });
    for (const id of ['kitchen-light', 'ceiling-fan', 'living-blinds']) fresh.toggle(id);
    for (let i = 0; i < 3; i++) fresh.adjustSetpoint(-0.5);
    const other = await render(() => <App model={fresh} size={{ width: 800, height: 480 }} />, { width: 800, height: 480, background: colors.background });
    const dir = mkdtempSync(path.join(tmpdir(), 'planar-demo-'));
    const golden = path.join(dir, 'fresh.png');
    writeFileSync(golden, other.png());
    await other.dispose();
    const result = compareSnapshot(screen.png(), golden, { update: false });
    if (result.pass) rmSync(dir, { recursive: true, force: true });
    expect(result.pass, result.message).toBe(true);
  });

  it('changes a tile label between Off and On', async () => {
    const model = createHomeModel({ frozen: true });
    const device = model.device('kitchen-light');
    screen = await render(() => (
      <I18nProvider i18n={createMessages()}><DeviceTile device={device} onToggle={(id) => model.toggle(id)} /></I18nProvider>
    ), { width: 200, height: 140 });
    expect(screen.find({ text: 'Off' })).toBeTruthy();
    await screen.tap({ testId: 'tile-kitchen-light' });
    expect(screen.find({ text: 'On' })).toBeTruthy();
    expect(() => screen!.find({ text: 'Off' })).toThrow(/no node/);
    await screen.tap({ testId: 'tile-kitchen-light' });
    expect(screen.find({ text: 'Off' })).toBeTruthy();
  });

  it('raises and lowers the setpoint by 0.5 °C', async () => {
    const { screen, model } = await renderDashboard(800, 480);
    expect(screen.find({ text: '21.0°' })).toBeTruthy();
    await screen.tap({ testId: 'thermostat-up' });
    expect(screen.find({ text: '21.5°' })).toBeTruthy();
    expect(() => screen.find({ text: '21.0°' })).toThrow(/no node/);
    expect(model.setpoint.value).toBe(21.5);
    await screen.tap({ testId: 'thermostat-down' });
    expect(screen.find({ text: '21.0°' })).toBeTruthy();
    // Below the 20.4 °C measured, the heating stops.
    expect(screen.find({ text: 'Heating' })).toBeTruthy();
    await screen.tap({ testId: 'thermostat-down' });
    await screen.tap({ testId: 'thermostat-down' });
    expect(screen.find({ text: '20.0°' })).toBeTruthy();
    expect(screen.find({ text: 'Idle' })).toBeTruthy();
  });

  it('keeps a live model moving on the app clock', async () => {
    let now = new Date(2025, 0, 14, 9, 41, 30);
    const model = createHomeModel({ clock: () => now });
    const watch = watchErrors();
    try {
      screen = await render(() => <App model={model} size={{ width: 800, height: 480 }} />, { width: 800, height: 480 });
      expect(screen.find({ testId: 'clock' })).toBeTruthy();
      expect(screen.find({ text: '09:41' })).toBeTruthy();
      now = new Date(2025, 0, 14, 9, 42, 0);
      // Six 10 s steps of heating: 20.4 → 20.7 °C. The doorbell rang twice meanwhile (its
      // events say 09:42 too), and its popup has closed again.
      await screen.advance(60_000);
      expect(screen.text({ testId: 'clock' })).toBe('09:42');
      expect(model.events.value.filter((e) => e.text === 'Doorbell rang' && e.time === '09:42')).toHaveLength(2);
      expect(model.doorbell.value).toBe(false);
      expect(screen.find({ text: 'Indoor 20.7°' })).toBeTruthy();
      // The dial eases to a new setpoint; the text changes at once.
      await screen.tap({ testId: 'thermostat-up' });
      expect(screen.find({ text: '21.5°' })).toBeTruthy();
      await screen.advance(500);
      expect(watch.errors).toEqual([]);
    } finally {
      watch.stop();
    }
  });
});
