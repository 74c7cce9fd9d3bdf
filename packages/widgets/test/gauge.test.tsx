/**
 * Gauge: the value a person reads on the dial and hears, the arc, knob and needle looks,
 * coloured ranges, the numbered scale, easing on the app clock (a jump under reduced motion),
 * bad props, disabled, and the states sheet (with the thermostat's dial) in both themes.
 */
import { describe, expect, it } from 'vitest';
import { Text, View, setReducedMotion, signal, type Child } from '@planar/toolkit';
import { type RenderOptions, type Screen } from '@planar/toolkit/testing';
import { Gauge, lightTheme, useTheme } from '../src/index.js';
import { recordFrames, renderThemed, rgb, statesSheet } from './harness.js';
import { dialGeometry } from '../src/gauge-draw.js';

async function mount(root: () => Child, options: RenderOptions = {}) {
  const errors: Error[] = [];
  const screen = await renderThemed(root, { width: 220, height: 220, onError: (e) => errors.push(e), ...options });
  return { screen, frames: recordFrames(screen), errors };
}

/** The colour of the dial named `name` at `fraction` of its scale, on the track or `inset` track widths inside it. */
function dialAt(screen: Screen, name: string, fraction: number, inset = 0) {
  const box = screen.find(screen.getByRole('progressbar', { name }));
  const g = dialGeometry(box.width, box.height, 135, 270);
  const [x, y] = g.at(fraction, g.r - g.stroke * inset);
  return screen.pixel(Math.round(box.x + x), Math.round(box.y + y));
}

describe('Gauge', () => {
  it('says its value and shows it as an arc from the start of the scale', async () => {
    const { screen } = await mount(() => (
      <Gauge label="Setpoint" min={10} max={30} value={20} formatValue={(c) => `${c} °C`} animate={false} size={200}>
        <Text>20 °C</Text>
      </Gauge>
    ));
    const dial = screen.getByRole('progressbar', { name: 'Setpoint' });
    expect(dial).toHaveValue({ now: 20, min: 10, max: 30, text: '20 °C' });
    expect(screen.getByText('20 °C')).toBeVisible();
    expect(dialAt(screen, 'Setpoint', 0.4)).toEqual(rgb(lightTheme.colors.primary));
    expect(dialAt(screen, 'Setpoint', 0.6)).toEqual(rgb(lightTheme.colors.surfaceContainerHighest));
  });

  it('eases the arc to a new value on the app clock, then asks for no more frames', async () => {
    const value = signal(20);
    const { screen, frames } = await mount(() => <Gauge label="Level" value={value} size={200} />);
    value.value = 80;
    await screen.flush();
    await screen.advance(60);
    expect(dialAt(screen, 'Level', 0.7)).toEqual(rgb(lightTheme.colors.surfaceContainerHighest));
    await screen.advance(400);
    expect(dialAt(screen, 'Level', 0.7)).toEqual(rgb(lightTheme.colors.primary));
    const count = frames.length;
    await screen.advance(1000);
    expect(frames.length).toBe(count);
    expect(screen.getByRole('progressbar', { name: 'Level' })).toHaveValue(80);
  });

  it('jumps to a new value under reduced motion', async () => {
    setReducedMotion(true);
    const value = signal(20);
    const { screen, frames } = await mount(() => <Gauge label="Level" value={value} size={200} />);
    value.value = 80;
    await screen.flush();
    expect(dialAt(screen, 'Level', 0.7)).toEqual(rgb(lightTheme.colors.primary));
    await screen.advance(500);
    expect(frames).toHaveLength(1);
  });

  it('draws a needle over coloured ranges, and numbers its scale', async () => {
    const { screen } = await mount(() => (
      <Gauge label="Pressure" min={0} max={10} value={5} indicator="needle" tickStep={1} scale animate={false} size={200}
        ranges={[{ from: 0, to: 6, tone: 'success' }, { from: 8, to: 10, tone: 'error' }]} />
    ));
    expect(dialAt(screen, 'Pressure', 0.3)).toEqual(rgb(lightTheme.colors.success));
    expect(dialAt(screen, 'Pressure', 0.7)).toEqual(rgb(lightTheme.colors.surfaceContainerHighest));
    expect(dialAt(screen, 'Pressure', 0.9)).toEqual(rgb(lightTheme.colors.error));
    // The needle points at 5: half way, straight up.
    expect(dialAt(screen, 'Pressure', 0.5, 2)).toEqual(rgb(lightTheme.colors.onSurface));
    for (const n of ['0', '5', '10']) expect(screen.getByText(n)).toBeVisible();
    expect(screen.queryByText('3')).toBeNull();
  });

  it('draws a knob at the value and a marker dot where the second value is, as a thermostat does', async () => {
    const { screen } = await mount(() => (
      <Gauge label="Thermostat" min={10} max={30} value={22} marker={14} indicator="knob" tickStep={1} animate={false} size={200}
        accent={() => lightTheme.colors.tertiary} />
    ));
    expect(dialAt(screen, 'Thermostat', 0.3)).toEqual(rgb(lightTheme.colors.tertiary));
    // The knob's centre is the accent, inside a ring of the knob's colour.
    expect(dialAt(screen, 'Thermostat', 0.6)).toEqual(rgb(lightTheme.colors.tertiary));
    expect(dialAt(screen, 'Thermostat', 0.6, 0.6)).toEqual(rgb(lightTheme.colors.surfaceContainerLowest));
    // The marker: a dark dot on the light track at 14 of 10..30.
    const [r, g, b] = dialAt(screen, 'Thermostat', 0.2);
    expect(r + g + b).toBeLessThan(150);
    expect(dialAt(screen, 'Thermostat', 0.25)).toEqual(rgb(lightTheme.colors.tertiary));
  });

  it('reports bad props, naming the widget, prop and value, and draws the nearest valid dial', async () => {
    const { screen, errors } = await mount(() => (
      <Gauge label="Speed" min={0} max={100} value={140} tickStep={0} marker={-3} animate={false} size={200}
        ranges={[{ from: 50, to: 20, tone: 'error' }]} />
    ));
    const messages = errors.map((e) => e.message);
    expect(messages).toContainEqual(expect.stringMatching(/Gauge.*value = 140: must be between min \(0\) and max \(100\); using 100/));
    expect(messages).toContainEqual(expect.stringMatching(/Gauge.*tickStep = 0: must be a positive number/));
    expect(messages).toContainEqual(expect.stringMatching(/Gauge.*marker = -3: must be between/));
    expect(messages).toContainEqual(expect.stringMatching(/Gauge.*ranges = .*from < to/));
    expect(messages).toHaveLength(4);
    expect(screen.getByRole('progressbar', { name: 'Speed' })).toHaveValue({ now: 100 });
    expect(dialAt(screen, 'Speed', 0.95)).toEqual(rgb(lightTheme.colors.primary));
  });

  it('is disabled for semantics and drawn faded', async () => {
    const { screen } = await mount(() => <Gauge label="Fan" value={60} disabled animate={false} size={200} />);
    expect(screen.getByRole('progressbar', { name: 'Fan' })).toBeDisabled();
    expect(dialAt(screen, 'Fan', 0.3)).not.toEqual(rgb(lightTheme.colors.primary));
  });
});

function StatesSheet() {
  const theme = useTheme();
  const Cell = (props: { name: string; children: Child }) => (
    <View style={{ alignItems: 'center', gap: 4 }}>
      {props.children}
      <Text style={{ ...theme.typography('labelSmall'), color: () => theme.colors.onSurfaceVariant }}>{props.name}</Text>
    </View>
  );
  const big = { ...theme.typography('headlineSmall'), fontWeight: 700, color: () => theme.colors.onSurface };
  const small = { ...theme.typography('bodySmall'), color: () => theme.colors.onSurfaceVariant };
  return (
    <View style={{ width: '100%', height: '100%', padding: 16, flexDirection: 'row', flexWrap: 'wrap', gap: 16, backgroundColor: () => theme.colors.surface }}>
      <Cell name="arc"><Gauge label="Humidity" value={45} animate={false} size={150} tickStep={10} majorTickEvery={5}>
        <Text style={big}>45%</Text>
      </Gauge></Cell>
      <Cell name="thermostat (knob, marker)"><Gauge label="Thermostat" min={10} max={30} value={21.5} marker={19.5} indicator="knob" tickStep={1}
        accent={() => theme.colors.tertiary} animate={false} size={150}>
        <Text style={small}>Heating to</Text>
        <Text style={big}>21.5°</Text>
        <Text style={small}>Indoor 19.5°</Text>
      </Gauge></Cell>
      <Cell name="needle, ranges, scale"><Gauge label="Pressure" min={0} max={10} value={7} indicator="needle" tickStep={1} scale animate={false} size={150}
        ranges={[{ from: 0, to: 6, tone: 'success' }, { from: 6, to: 8, tone: 'warning' }, { from: 8, to: 10, tone: 'error' }]} /></Cell>
      <Cell name="small (no ticks)"><Gauge label="CPU" value={30} animate={false} size={72} tickStep={10}>
        <Text style={small}>30%</Text>
      </Gauge></Cell>
      <Cell name="disabled"><Gauge label="Fan" value={60} indicator="knob" tickStep={10} animate={false} size={150} disabled /></Cell>
    </View>
  );
}

describe('the states sheet', () => {
  statesSheet('gauge', {
    sheet: () => <StatesSheet />, width: 620, height: 400,
  });
});
