/**
 * RadioGroup: a tap selects; the group is one Tab stop and arrows move the selection within
 * it; an encoder's push and turns choose; two-way and controlled; disabled; duplicate values
 * and a value not among the options; and the states sheet in both themes.
 */
import { describe, expect, it } from 'vitest';
import { View, signal, type Child } from '@planar/toolkit';
import { type RenderOptions, type Screen } from '@planar/toolkit/testing';
import { RadioGroup, useTheme, type RadioOption } from '../src/index.js';
import { renderThemed, statesSheet } from './harness.js';

const mount = (root: () => Child, options: RenderOptions = {}) => renderThemed(root, { width: 320, height: 260, ...options });

const ROTATIONS: RadioOption<number>[] = [
  { value: 0, label: '0°' }, { value: 90, label: '90°' }, { value: 180, label: '180°', disabled: true }, { value: 270, label: '270°' },
];

/** A focusable button after the group, for Tab to leave to. */
function After() {
  return <View focusable onPress={() => {}} semantics={{ role: 'button', label: 'Save' }} style={{ width: 80, height: 30 }} />;
}

const radio = (screen: Screen, name: string) => screen.getByRole('radio', { name });

describe('RadioGroup', () => {
  it('selects the option tapped, and says so to assistive technology', async () => {
    const picked: number[] = [];
    const screen = await mount(() => <RadioGroup label="Rotation" options={ROTATIONS} defaultValue={0} onChange={(v) => picked.push(v)} />);
    expect(screen.getByRole('radiogroup', { name: 'Rotation' })).toBeTruthy();
    expect(radio(screen, '0°')).toBeChecked();
    await screen.tap(screen.getByText('90°'));
    expect(radio(screen, '90°')).toBeChecked();
    expect(radio(screen, '0°')).not.toBeChecked();
    await screen.tap(radio(screen, '180°'));
    expect(radio(screen, '180°')).toBeDisabled();
    expect(radio(screen, '90°')).toBeChecked();
    expect(picked).toEqual([90]);
  });

  it('is one Tab stop; arrows move the selection, wrapping and skipping disabled options; Tab leaves', async () => {
    const rotation = signal(90);
    const screen = await mount(() => (
      <View>
        <RadioGroup label="Rotation" options={ROTATIONS} value={rotation} />
        <After />
      </View>
    ));
    await screen.key('Tab');
    expect(radio(screen, '90°')).toHaveFocus();
    await screen.key('ArrowDown');
    expect(rotation.value).toBe(270);
    expect(radio(screen, '270°')).toHaveFocus();
    await screen.key('ArrowRight');
    expect(rotation.value).toBe(0);
    expect(radio(screen, '0°')).toHaveFocus();
    await screen.key('ArrowUp');
    expect(rotation.value).toBe(270);
    await screen.key('Tab');
    expect(screen.getByRole('button', { name: 'Save' })).toHaveFocus();
    await screen.key('Tab', { shift: true });
    expect(radio(screen, '270°')).toHaveFocus();
  });

  it('with nothing selected, Tab enters at the first enabled option and Space selects it', async () => {
    const screen = await mount(() => <RadioGroup label="Unit" options={[{ value: 'c', label: 'Celsius', disabled: true }, { value: 'f', label: 'Fahrenheit' }]} />);
    await screen.key('Tab');
    expect(radio(screen, 'Fahrenheit')).toHaveFocus();
    expect(radio(screen, 'Fahrenheit')).not.toBeChecked();
    await screen.key(' ');
    expect(radio(screen, 'Fahrenheit')).toBeChecked();
  });

  it('with an encoder: a push enters edit mode, turns move the selection, a push leaves with focus on the choice', async () => {
    const rotation = signal(0);
    const screen = await mount(() => (
      <View>
        <RadioGroup label="Rotation" options={ROTATIONS} value={rotation} />
        <After />
      </View>
    ));
    await screen.key('EncoderCW');
    expect(radio(screen, '0°')).toHaveFocus();
    await screen.key('Enter');
    await screen.key('EncoderCW');
    await screen.key('EncoderCW');
    expect(rotation.value).toBe(270);
    await screen.key('EncoderCCW');
    expect(rotation.value).toBe(90);
    await screen.key('Enter');
    expect(radio(screen, '90°')).toHaveFocus();
    // Navigating again: a turn leaves the group.
    await screen.key('EncoderCW');
    expect(screen.getByRole('button', { name: 'Save' })).toHaveFocus();
    expect(rotation.value).toBe(90);
  });

  it('controlled by a getter, it only asks through onChange', async () => {
    const asked: number[] = [];
    const screen = await mount(() => <RadioGroup<number> label="Rotation" options={ROTATIONS} value={() => 0} onChange={(v) => asked.push(v)} />);
    await screen.tap(radio(screen, '270°'));
    expect(asked).toEqual([270]);
    expect(radio(screen, '0°')).toBeChecked();
  });

  it('when disabled, ignores taps and keys and says every radio is disabled', async () => {
    const screen = await mount(() => <RadioGroup label="Rotation" options={ROTATIONS} defaultValue={0} disabled />);
    expect(radio(screen, '90°')).toBeDisabled();
    await screen.tap(radio(screen, '90°'));
    expect(radio(screen, '0°')).toBeChecked();
    await screen.key('Tab');
    expect(radio(screen, '0°')).not.toHaveFocus();
  });

  it('reports a value given twice and shows the first option with it only', async () => {
    const errors: string[] = [];
    const screen = await mount(() => (
      <RadioGroup label="Mode" defaultValue="auto" options={[{ value: 'auto', label: 'Auto' }, { value: 'eco', label: 'Eco' }, { value: 'auto', label: 'Automatic' }]} />
    ), { onError: (e) => errors.push(e.message) });
    expect(screen.getAllByRole('radio').map((r) => r.name)).toEqual(['Auto', 'Eco']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/RadioGroup.*options = "auto".*given twice.*"Automatic"/);
  });

  it('reports a value that is not among the options and shows none selected', async () => {
    const errors: string[] = [];
    const screen = await mount(() => <RadioGroup label="Rotation" options={ROTATIONS} value={45} />, { onError: (e) => errors.push(e.message) });
    expect(screen.getAllByRole('radio').filter((r) => r.states.checked)).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/RadioGroup.*value = 45.*not one of the options \(0, 90, 180, 270\)/);
  });
});

/** Every state: unselected, selected, pressed, focus-visible, a disabled option, a disabled group. */
function States() {
  const theme = useTheme();
  const opts = (a: string, b: string, bDisabled = false): RadioOption<string>[] => [{ value: a, label: a }, { value: b, label: b, disabled: bDisabled }];
  return (
    <View style={{ width: '100%', height: '100%', padding: 12, gap: 4, backgroundColor: () => theme.colors.surface }}>
      <RadioGroup label="Plain" orientation="horizontal" options={[...opts('Selected', 'Unselected'), { value: 'p', label: 'Pressed' }]} defaultValue="Selected" />
      <RadioGroup label="Focus" orientation="horizontal" options={opts('Focused', 'Other')} defaultValue="Focused" />
      <RadioGroup label="Options" orientation="horizontal" options={opts('Enabled', 'Disabled option', true)} defaultValue="Enabled" />
      <RadioGroup label="Off" orientation="horizontal" options={opts('Disabled selected', 'Disabled')} defaultValue="Disabled selected" disabled />
    </View>
  );
}

describe('RadioGroup states sheet', () => {
  statesSheet('radio-group', {
    sheet: () => <States />, width: 460, height: 200,
    act: async (screen) => {
      await screen.pointer.down(radio(screen, 'Pressed'), { type: 'touch' });
      await screen.key(radio(screen, 'Focused'), 'Escape');
      await screen.advance(300);
      expect(radio(screen, 'Focused')).toHaveFocus();
    },
  });
});
