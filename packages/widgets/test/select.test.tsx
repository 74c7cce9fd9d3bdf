/**
 * Select: opening by tap, keys and encoder; picking by tap, Enter and letters; closing by
 * Escape and a tap outside with focus back on the trigger; the list under the trigger or above
 * it; a long list scrolling; bad values and duplicates; disabled; states sheets in both themes.
 */
import { describe, expect, it } from 'vitest';
import { Text, View, signal, type Child } from '@planar/toolkit';
import { checkLeaks, liveObjects, type RenderOptions } from '@planar/toolkit/testing';
import { Select, useTheme, type SelectOption } from '../src/index.js';
import { renderThemed, statesSheet } from './harness.js';

async function mount(root: () => Child, options: RenderOptions = {}) {
  const errors: Error[] = [];
  const screen = await renderThemed(root, { width: 400, height: 480, onError: (e) => errors.push(e), ...options });
  return { screen, errors };
}

type Unit = 'c' | 'f' | 'k';
const UNITS: SelectOption<Unit>[] = [{ value: 'c', label: 'Celsius' }, { value: 'f', label: 'Fahrenheit' }, { value: 'k', label: 'Kelvin' }];

describe('Select', () => {
  it('opens its list under the trigger on a tap, and a tap on an option picks it', async () => {
    const picked: Unit[] = [];
    const { screen } = await mount(() => (
      <View style={{ padding: 20 }}><Select label="Unit" options={UNITS} defaultValue="c" onChange={(v: Unit) => picked.push(v)} /></View>
    ));
    const unit = screen.getByRole('combobox', { name: 'Unit' });
    expect(unit).toHaveValue('Celsius');
    expect(unit.states.expanded).toBe(false);
    expect(screen.queryByRole('listbox')).toBeNull();

    await screen.tap(unit);
    expect(unit.states.expanded).toBe(true);
    const list = screen.getByRole('listbox', { name: 'Unit' });
    expect(screen.getAllByRole('option').map((o) => o.name)).toEqual(['Celsius', 'Fahrenheit', 'Kelvin']);
    expect(screen.getByRole('option', { name: 'Celsius' }).states.selected).toBe(true);
    const [t, l] = [screen.find(unit), screen.find(list)];
    expect(l.y).toBeGreaterThanOrEqual(t.y + t.height);
    expect(l.x).toBe(t.x);

    await screen.tap(screen.getByRole('option', { name: 'Fahrenheit' }));
    expect(picked).toEqual(['f']);
    expect(unit).toHaveValue('Fahrenheit');
    expect(unit.states.expanded).toBe(false);
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(unit).toHaveFocus();
  });

  it('writes a signal given as its value (two-way)', async () => {
    const unit = signal<Unit | undefined>('k');
    const { screen } = await mount(() => <Select label="Unit" options={UNITS} value={unit} />);
    await screen.tap(screen.getByRole('combobox', { name: 'Unit' }));
    await screen.tap(screen.getByRole('option', { name: 'Celsius' }));
    expect(unit.value).toBe('c');
    unit.value = 'f';
    await screen.flush();
    expect(screen.getByRole('combobox', { name: 'Unit' })).toHaveValue('Fahrenheit');
  });

  it('works from the keyboard: arrows open and move, Enter picks, Escape closes unchanged', async () => {
    const { screen } = await mount(() => <Select label="Unit" options={UNITS} defaultValue="c" />);
    const unit = screen.getByRole('combobox', { name: 'Unit' });
    await screen.key(unit, 'ArrowDown');
    expect(unit.states.expanded).toBe(true);
    await screen.key('ArrowDown');
    await screen.key('ArrowDown');
    await screen.key('ArrowDown');   // stays on the last
    await screen.key('Enter');
    expect(unit).toHaveValue('Kelvin');
    expect(unit.states.expanded).toBe(false);

    await screen.key(' ');
    await screen.key('Home');
    await screen.key('Escape');
    expect(unit).toHaveValue('Kelvin');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(unit).toHaveFocus();
  });

  it('picks by typing the first letters, open or closed', async () => {
    const { screen } = await mount(() => <Select label="Unit" options={UNITS} defaultValue="c" />);
    const unit = screen.getByRole('combobox', { name: 'Unit' });
    await screen.key(unit, 'k');
    expect(unit).toHaveValue('Kelvin');
    await screen.advance(1000);
    await screen.key('Enter');
    await screen.key('f');
    await screen.key('Enter');
    expect(unit).toHaveValue('Fahrenheit');
  });

  it('works with an encoder alone: push opens, turns move, push picks', async () => {
    const { screen } = await mount(() => <Select label="Unit" options={UNITS} defaultValue="c" />);
    const unit = screen.getByRole('combobox', { name: 'Unit' });
    await screen.key('EncoderCW');   // navigating: the turn focuses the select
    expect(unit).toHaveFocus();
    await screen.key('Enter');
    expect(unit.states.expanded).toBe(true);
    await screen.key('EncoderCW');
    await screen.key('EncoderCW');
    await screen.key('EncoderCCW');
    await screen.key('Enter');
    expect(unit).toHaveValue('Fahrenheit');
    expect(unit.states.expanded).toBe(false);
  });

  it('closes on a tap outside the list, keeping the value and focus on the trigger', async () => {
    const { screen } = await mount(() => <Select label="Unit" options={UNITS} defaultValue="f" />);
    const unit = screen.getByRole('combobox', { name: 'Unit' });
    await screen.tap(unit);
    await screen.tap({ x: 380, y: 460 });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(unit).toHaveValue('Fahrenheit');
    expect(unit).toHaveFocus();
  });

  it('opens above the trigger when there is no room below', async () => {
    const { screen } = await mount(() => (
      <View style={{ flexGrow: 1, justifyContent: 'flex-end', padding: 8 }}><Select label="Unit" options={UNITS} /></View>
    ));
    const unit = screen.getByRole('combobox', { name: 'Unit' });
    await screen.tap(unit);
    const [t, l] = [screen.find(unit), screen.find(screen.getByRole('listbox'))];
    expect(l.y + l.height).toBeLessThanOrEqual(t.y);
    expect(l.height).toBe(3 * 48 + 16);
  });

  it('places the list under the trigger on a turned output too', async () => {
    // Turned 90° clockwise, the app's "down" points to the output's left.
    const { screen } = await mount(() => <View style={{ padding: 20 }}><Select label="Unit" options={UNITS} defaultValue="c" /></View>, { rotation: 90 });
    const unit = screen.getByRole('combobox', { name: 'Unit' });
    await screen.tap(unit);
    const [t, l] = [screen.find(unit), screen.find(screen.getByRole('listbox'))];
    expect(l.x + l.width).toBeLessThanOrEqual(t.x);
    expect(l.y).toBe(t.y);
    await screen.tap(screen.getByRole('option', { name: 'Kelvin' }));
    expect(unit).toHaveValue('Kelvin');
  });

  it('frees its popup layer, nodes and drawing objects each time the list closes', async () => {
    const { screen } = await mount(() => <Select label="Unit" options={UNITS} defaultValue="c" />);
    const unit = screen.getByRole('combobox', { name: 'Unit' });
    // Opening really makes what is counted (nodes, drawing objects); closing must free it all.
    const closed = await liveObjects();
    await screen.tap(unit);
    const open = await liveObjects();
    expect(open.yogaNodes - closed.yogaNodes).toBeGreaterThanOrEqual(10);
    expect(open.canvasKit).toBeGreaterThan(closed.canvasKit);
    await screen.key('Escape');
    const report = await checkLeaks(async () => {
      await screen.tap(unit);
      await screen.key('Escape');
    }, { cycles: 30, warmup: 5, jsHeapBytesPerCycle: 1024 });
    expect(report.leaks).toEqual([]);
  }, 120_000);

  it('scrolls a long list to keep the highlighted option in view, and skips disabled options', async () => {
    const hours: SelectOption<number>[] = Array.from({ length: 24 }, (_, h) => ({ value: h, label: `${h}:00`, disabled: h === 2 }));
    const { screen } = await mount(() => <Select label="Night starts" options={hours} defaultValue={0} />);
    const hour = screen.getByRole('combobox', { name: 'Night starts' });
    await screen.key(hour, 'Enter');
    await screen.key('ArrowDown');
    await screen.key('ArrowDown');
    await screen.key('Enter');
    expect(hour).toHaveValue('3:00');

    await screen.key('Enter');
    for (let i = 0; i < 15; i++) await screen.key('ArrowDown');
    const list = screen.find(screen.getByRole('listbox'));
    const eighteen = screen.find(screen.getByRole('option', { name: '18:00' }));
    expect(eighteen.y).toBeGreaterThanOrEqual(list.y);
    expect(eighteen.y + eighteen.height).toBeLessThanOrEqual(list.y + list.height);
    await screen.tap(screen.getByRole('option', { name: '18:00' }));
    expect(hour).toHaveValue('18:00');
  });

  it('scrolls a long list by dragging it, and a drag picks nothing', async () => {
    const hours: SelectOption<number>[] = Array.from({ length: 24 }, (_, h) => ({ value: h, label: `${h}:00` }));
    const { screen } = await mount(() => <Select label="Night starts" options={hours} defaultValue={0} />);
    const hour = screen.getByRole('combobox', { name: 'Night starts' });
    await screen.tap(hour);
    const list = screen.find(screen.getByRole('listbox'));
    const inView = (name: string) => {
      const o = screen.find(screen.getByRole('option', { name }));
      return o.y >= list.y && o.y + o.height <= list.y + list.height;
    };
    expect(inView('8:00')).toBe(false);
    const x = list.x + 40;
    await screen.pointer.down({ x, y: list.y + 250 }, { type: 'touch' });
    for (let y = 240; y >= 10; y -= 10) await screen.pointer.move({ x, y: list.y + y }, { type: 'touch' });
    await screen.pointer.up({ x, y: list.y + 10 }, { type: 'touch' });
    expect(inView('8:00')).toBe(true);
    expect(inView('0:00')).toBe(false);
    expect(hour).toHaveValue('0:00');
    expect(hour.states.expanded).toBe(true);
  });

  it('does not open while disabled', async () => {
    const { screen } = await mount(() => <Select label="Unit" options={UNITS} disabled />);
    const unit = screen.getByRole('combobox', { name: 'Unit' });
    expect(unit).toBeDisabled();
    await screen.tap(unit);
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('reports a value not among its options and duplicate option values, and shows no choice', async () => {
    const { screen, errors } = await mount(() => (
      <Select label="Unit" placeholder="Choose a unit" value={'x' as Unit} options={[...UNITS, { value: 'c', label: 'Centigrade' }]} />
    ));
    const messages = errors.map((e) => e.message);
    expect(messages).toContainEqual(expect.stringMatching(/Select.*value = "x": is not one of the options \("c", "f", "k"\)/));
    expect(messages).toContainEqual(expect.stringMatching(/Select.*options = "c": the value is given to more than one option/));
    const unit = screen.getByRole('combobox', { name: 'Unit' });
    expect(unit).toHaveValue('');
    expect(unit.states.invalid).toBe(true);
    expect(screen.getByText('Choose a unit')).toBeVisible();
    await screen.tap(unit);
    expect(screen.getAllByRole('option')).toHaveLength(3);
  });
});

function StatesSheet() {
  const theme = useTheme();
  const Cell = (props: { name: string; children: Child }) => (
    <View style={{ width: 200, gap: 4 }}>
      <Text style={{ ...theme.typography('labelSmall'), color: () => theme.colors.onSurfaceVariant }}>{props.name}</Text>
      {props.children}
    </View>
  );
  return (
    <View style={{ width: '100%', height: '100%', padding: 16, flexDirection: 'row', flexWrap: 'wrap', gap: 16, backgroundColor: () => theme.colors.surface }}>
      <Cell name="placeholder"><Select label="Unit" placeholder="Choose…" options={UNITS} /></Cell>
      <Cell name="chosen"><Select label="Unit" options={UNITS} defaultValue="f" /></Cell>
      <Cell name="focus visible"><Select label="Rotation" options={[{ value: 0, label: '0°' }]} defaultValue={0} /></Cell>
      <Cell name="disabled"><Select label="Unit" options={UNITS} defaultValue="c" disabled /></Cell>
      <Cell name="open"><Select label="Language" options={[
        { value: 'en', label: 'English' }, { value: 'de', label: 'Deutsch' }, { value: 'fr', label: 'Français', disabled: true }, { value: 'it', label: 'Italiano' },
      ]} defaultValue="de" /></Cell>
    </View>
  );
}

describe('the states sheet', () => {
  statesSheet('select', {
    sheet: () => <StatesSheet />, width: 680, height: 460,
    act: async (screen) => {
      await screen.key(screen.getByRole('combobox', { name: 'Rotation' }), 'Shift');
      await screen.act('expand', screen.getByRole('combobox', { name: 'Language' }));
      await screen.advance(300);
    },
  });
});
