/**
 * Switch: toggled by tap, drag, keys and an encoder's push; controlled, uncontrolled and
 * two-way; disabled; the thumb's slide; and the states sheet in both themes.
 */
import { describe, expect, it } from 'vitest';
import { View, signal, type Child, type FrameStats } from '@planar/toolkit';
import { type RenderOptions, type Screen } from '@planar/toolkit/testing';
import { Switch, lightTheme, useTheme } from '../src/index.js';
import { recordFrames, renderThemed, rgb, statesSheet } from './harness.js';

async function mount(root: () => Child, options: RenderOptions = { width: 240, height: 80 }): Promise<{ screen: Screen; frames: FrameStats[] }> {
  const screen = await renderThemed(root, options);
  return { screen, frames: recordFrames(screen) };
}

/** Where the thumb's centre rests, off and on, for a switch without a visible label (ring 2 + gap 2 + border 2, then 14 px in). */
function thumbCentres(screen: Screen, name: string) {
  const b = screen.find(screen.getByRole('switch', { name }));
  const y = b.y + b.height / 2;
  return { off: { x: b.x + 6 + 14, y }, on: { x: b.x + 6 + 34, y } };
}

describe('Switch', () => {
  it('toggles on a tap and says so to assistive technology', async () => {
    const changes: boolean[] = [];
    const { screen } = await mount(() => <Switch label="Wi-Fi" onChange={(on) => changes.push(on)} />);
    const wifi = screen.getByRole('switch', { name: 'Wi-Fi' });
    expect(wifi).not.toBeChecked();
    await screen.tap(wifi);
    expect(wifi).toBeChecked();
    await screen.tap(screen.getByText('Wi-Fi'));
    expect(wifi).not.toBeChecked();
    expect(changes).toEqual([true, false]);
    expect(screen.tree()).toContain('switch "Wi-Fi"');
  });

  it('writes a signal given as checked, and follows it when it is written elsewhere', async () => {
    const on = signal(true);
    const { screen } = await mount(() => <Switch label="Bluetooth" checked={on} />);
    const bt = screen.getByRole('switch', { name: 'Bluetooth' });
    expect(bt).toBeChecked();
    await screen.tap(bt);
    expect(on.value).toBe(false);
    on.value = true;
    await screen.flush();
    expect(bt).toBeChecked();
  });

  it('controlled by a getter, it only asks through onChange', async () => {
    const asked: boolean[] = [];
    const { screen } = await mount(() => <Switch label="Locked" checked={() => false} onChange={(on) => asked.push(on)} />);
    const locked = screen.getByRole('switch', { name: 'Locked' });
    await screen.tap(locked);
    expect(asked).toEqual([true]);
    expect(locked).not.toBeChecked();
  });

  it('toggles with Space, Enter and an encoder push, showing a focus ring', async () => {
    const { screen } = await mount(() => <Switch label="Eco" hideLabel defaultChecked />);
    const eco = screen.getByRole('switch', { name: 'Eco' });
    expect(eco).toBeChecked();
    await screen.key(eco, ' ');
    expect(eco).not.toBeChecked();
    expect(eco).toHaveFocus();
    await screen.key('Enter');
    expect(eco).toBeChecked();
    const b = screen.find(eco);
    // The ring is drawn in the primary colour on the outer 2 px while focus came from keys.
    expect(screen.pixel(b.x + b.width / 2, b.y)).toEqual(rgb(lightTheme.colors.primary));
    await screen.tap(eco);
    expect(screen.pixel(b.x + b.width / 2, b.y)).not.toEqual(rgb(lightTheme.colors.primary));
  });

  it('follows a drag of the thumb and lands on the nearer side, without a tap toggling it too', async () => {
    const changes: boolean[] = [];
    const { screen } = await mount(() => <Switch label="Heating" hideLabel onChange={(on) => changes.push(on)} />);
    const heating = screen.getByRole('switch', { name: 'Heating' });
    const { off, on } = thumbCentres(screen, 'Heating');
    await screen.pointer.down(off, { type: 'touch' });
    await screen.pointer.move({ x: off.x + 12, y: off.y }, { type: 'touch' });
    await screen.pointer.move({ x: off.x + 16, y: off.y }, { type: 'touch' });
    expect(heating).not.toBeChecked();
    await screen.advance(300);
    // The held thumb (28 px) follows the finger: 16 px along, it covers where the "on" thumb would rest minus 4.
    expect(screen.pixel(on.x - 6, on.y)).toEqual(rgb(lightTheme.colors.primaryContainer));
    await screen.pointer.up({ x: off.x + 16, y: off.y }, { type: 'touch' });
    expect(heating).toBeChecked();
    expect(changes).toEqual([true]);

    // Dragged back a little (under half way) and let go slowly: it stays on.
    await screen.pointer.down(on, { type: 'touch', timestamp: 1000 });
    await screen.pointer.move({ x: on.x - 9, y: on.y }, { type: 'touch', timestamp: 1100 });
    await screen.pointer.up({ x: on.x - 9, y: on.y }, { type: 'touch', timestamp: 1400 });
    expect(heating).toBeChecked();
    expect(changes).toEqual([true]);
  });

  it('slides the thumb by a transition, repainting only the switch, and stops asking for frames', async () => {
    const { screen, frames } = await mount(() => (
      <View style={{ flexDirection: 'row', gap: 40 }}>
        <Switch label="Fan" hideLabel />
        <View style={{ width: 60, height: 40, backgroundColor: () => useTheme().colors.primaryContainer }} />
      </View>
    ));
    const fan = screen.getByRole('switch', { name: 'Fan' });
    const { on } = thumbCentres(screen, 'Fan');
    const box = screen.find(fan);
    await screen.tap(fan);
    expect(fan).toBeChecked();
    expect(screen.pixel(on.x, on.y)).not.toEqual(rgb(lightTheme.colors.onPrimary));
    await screen.advance(400);
    expect(screen.pixel(on.x, on.y)).toEqual(rgb(lightTheme.colors.onPrimary));
    expect(frames.length).toBeGreaterThan(3);
    for (const f of frames) expect(f.damagedPx).toBeLessThanOrEqual((box.width + 2) * (box.height + 2));
    const count = frames.length;
    await screen.advance(500);
    expect(frames.length).toBe(count);
  });

  it('when disabled, ignores taps, keys and actions and says it is disabled', async () => {
    const off = signal(true);
    const { screen } = await mount(() => <Switch label="Alarm" disabled={off} />);
    const alarm = screen.getByRole('switch', { name: 'Alarm' });
    expect(alarm).toBeDisabled();
    await screen.tap(alarm);
    expect(alarm).not.toBeChecked();
    await expect(screen.act('press', alarm)).rejects.toThrow(/disabled/);
    off.value = false;
    await screen.flush();
    expect(alarm).not.toBeDisabled();
    await screen.act('press', alarm);
    expect(alarm).toBeChecked();
  });
});

/** Every state side by side: off, on, pressed (off and on), focus-visible, disabled (off and on). */
function States() {
  const theme = useTheme();
  return (
    <View style={{ width: '100%', height: '100%', padding: 16, rowGap: 12, columnGap: 28, flexDirection: 'row', flexWrap: 'wrap', backgroundColor: () => theme.colors.surface }}>
      <Switch label="Off" />
      <Switch label="On" defaultChecked />
      <Switch label="Pressed" />
      <Switch label="Pressed on" defaultChecked />
      <Switch label="Focused" />
      <Switch label="Disabled" disabled />
      <Switch label="Disabled on" disabled defaultChecked />
    </View>
  );
}

describe('Switch states sheet', () => {
  statesSheet('switch', {
    sheet: () => <States />, width: 720, height: 120,
    act: async (screen) => {
      await screen.pointer.down(screen.getByRole('switch', { name: 'Pressed' }), { type: 'touch', id: 1 });
      await screen.pointer.down(screen.getByRole('switch', { name: 'Pressed on' }), { type: 'touch', id: 2 });
      await screen.key(screen.getByRole('switch', { name: 'Focused' }), 'Escape');
      await screen.advance(400);
      expect(screen.getByRole('switch', { name: 'Focused' })).toHaveFocus();
    },
  });
});
