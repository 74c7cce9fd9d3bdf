/**
 * SegmentedControl: a radio group of segments — a tap selects, arrows move the selection and
 * focus (wrapping, skipping disabled segments), one Tab stop, an encoder edits it; controlled,
 * uncontrolled or two-way; disabled; bad options and values reported; states in both themes.
 */
import { describe, expect, it } from 'vitest';
import { View, signal, type Child } from '@planar/toolkit';
import { type RenderOptions } from '@planar/toolkit/testing';
import { Button, SegmentedControl, useTheme, type SegmentOption } from '../src/index.js';
import { renderPlain, statesSheet } from './harness.js';

const mount = (root: () => Child, options: RenderOptions = { width: 400, height: 160 }) => renderPlain(root, options);

const ROTATIONS: SegmentOption<number>[] = [
  { value: 0, label: '0°' }, { value: 90, label: '90°' }, { value: 180, label: '180°' }, { value: 270, label: '270°' },
];
const UNITS: SegmentOption<string>[] = [{ value: 'C', label: '°C', icon: 'thermometer' }, { value: 'F', label: '°F', icon: 'thermometer' }];

function Sheet() {
  const theme = useTheme();
  const modes: SegmentOption<string>[] = [
    { value: 'heat', label: 'Heat', icon: 'sun' }, { value: 'cool', label: 'Cool', icon: 'fan' }, { value: 'off', label: 'Off', icon: 'power', disabled: true },
  ];
  return (
    <View style={{ width: '100%', height: '100%', padding: 16, gap: 16, backgroundColor: () => theme.colors.surface }}>
      <SegmentedControl label="Rotation" options={ROTATIONS} defaultValue={90} />
      <SegmentedControl label="Pressed" options={ROTATIONS} defaultValue={0} />
      <SegmentedControl label="Focused" options={ROTATIONS} defaultValue={180} />
      <SegmentedControl label="Mode" options={modes} defaultValue="heat" />
      <View style={{ flexDirection: 'row', gap: 16 }}>
        <View style={{ flexGrow: 1 }}><SegmentedControl label="Unit" options={UNITS} defaultValue="C" /></View>
        <View style={{ flexGrow: 1 }}><SegmentedControl label="Disabled" options={UNITS} defaultValue="F" disabled /></View>
      </View>
    </View>
  );
}

describe('SegmentedControl states', () => {
  statesSheet('segmented-control', {
    title: (theme) => `shows selected, pressed, focused, disabled segments and a disabled control in the ${theme} theme`,
    sheet: () => <Sheet />, width: 480, height: 360,
    act: async (screen) => {
      // The second group's 90° segment (groups are in reading order).
      const ninety = screen.getAllByRole('radio', { name: '90°' })[1]!;
      await screen.pointer.down(ninety, { type: 'touch', id: 7 });
      await screen.key(screen.getByRole('radio', { name: '180°', checked: true }), 'Shift');
      await screen.advance(300);
    },
  });
});

describe('SegmentedControl', () => {
  it('is a radio group whose tapped segment is checked', async () => {
    const rotation = signal(0);
    const screen = await mount(() => <SegmentedControl label="Rotation" options={ROTATIONS} value={rotation} />);
    expect(screen.getByRole('radiogroup', { name: 'Rotation' })).toHaveAccessibleName('Rotation');
    expect(screen.getByRole('radio', { name: '0°' })).toBeChecked();
    await screen.tap(screen.getByRole('radio', { name: '180°' }));
    expect(rotation.value).toBe(180);
    expect(screen.getByRole('radio', { name: '180°' })).toBeChecked();
    expect(screen.getByRole('radio', { name: '0°' })).not.toBeChecked();
    rotation.value = 270;
    await screen.flush();
    expect(screen.getByRole('radio', { name: '270°' })).toBeChecked();
  });

  it('takes one Tab stop, and arrows move the selection and focus, wrapping and skipping disabled segments', async () => {
    const changes: string[] = [];
    const options: SegmentOption<string>[] = [
      { value: 'heat', label: 'Heat' }, { value: 'cool', label: 'Cool' }, { value: 'off', label: 'Off', disabled: true }, { value: 'auto', label: 'Auto' },
    ];
    const screen = await mount(() => (
      <View style={{ gap: 8 }}>
        <SegmentedControl label="Mode" options={options} defaultValue="cool" onChange={(v) => changes.push(v)} />
        <Button label="Save" />
      </View>
    ));
    await screen.key('Tab');
    expect(screen.getByRole('radio', { name: 'Cool' })).toHaveFocus();
    await screen.key('ArrowRight');
    expect(screen.getByRole('radio', { name: 'Auto' })).toHaveFocus();
    expect(screen.getByRole('radio', { name: 'Auto' })).toBeChecked();
    await screen.key('ArrowRight');
    expect(screen.getByRole('radio', { name: 'Heat' })).toHaveFocus();
    await screen.key('ArrowLeft');
    await screen.key('End');
    expect(changes).toEqual(['auto', 'heat', 'auto']);
    await screen.key('Home');
    expect(screen.getByRole('radio', { name: 'Heat' })).toBeChecked();
    await screen.key('Tab');
    expect(screen.getByRole('button', { name: 'Save' })).toHaveFocus();
  });

  it('with an encoder: a push enters edit mode, turns move the selection, a push leaves', async () => {
    const rotation = signal(0);
    const screen = await mount(() => <SegmentedControl label="Rotation" options={ROTATIONS} value={rotation} />);
    await screen.key('Tab');
    await screen.key('Enter');
    await screen.key('EncoderCW');
    await screen.key('EncoderCW');
    expect(rotation.value).toBe(180);
    await screen.key('EncoderCCW');
    expect(rotation.value).toBe(90);
    await screen.key('Enter');
    expect(screen.getByRole('radio', { name: '90°' })).toHaveFocus();
    await screen.key('EncoderCW');
    expect(rotation.value).toBe(90);
  });

  it('when disabled, is reported disabled and does not change', async () => {
    const unit = signal('C');
    const screen = await mount(() => <SegmentedControl label="Unit" options={UNITS} value={unit} disabled />);
    expect(screen.getByRole('radio', { name: '°F' })).toBeDisabled();
    await screen.tap(screen.getByRole('radio', { name: '°F' }));
    expect(unit.value).toBe('C');
    await screen.key('Tab');
    expect(screen.getByRole('radio', { name: '°C' })).not.toHaveFocus();
  });

  it('reports duplicate values and a value that is no option, and shows the nearest valid selection', async () => {
    const errors: string[] = [];
    const screen = await mount(() => (
      <View style={{ gap: 8 }}>
        <SegmentedControl label="Twice" options={[{ value: 'a', label: 'A' }, { value: 'a', label: 'A again' }, { value: 'b', label: 'B' }]} defaultValue="b" />
        <SegmentedControl label="Rotation" options={ROTATIONS} value={45} />
      </View>
    ), { width: 400, height: 160, onError: (e) => errors.push(e.message) });
    expect(errors).toEqual([
      expect.stringMatching(/SegmentedControl.*options = "a": two options have this value — give each option its own value; the later one is left out/),
      expect.stringMatching(/SegmentedControl.*value = 45: is not one of the options \(0, 90, 180, 270\); showing 0/),
    ]);
    expect(screen.queryByRole('radio', { name: 'A again' })).toBeNull();
    expect(screen.getByRole('radio', { name: 'B' })).toBeChecked();
    expect(screen.getByRole('radio', { name: '0°' })).toBeChecked();
  });
});
