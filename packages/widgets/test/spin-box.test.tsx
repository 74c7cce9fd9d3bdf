/**
 * SpinBox: − and + buttons (tap once, hold to repeat), keys, an encoder's edit mode, semantics
 * actions, the ends, disabled, bad props, and the states sheet in both themes.
 */
import { describe, expect, it } from 'vitest';
import { View, signal, type Child } from '@planar/toolkit';
import { type RenderOptions } from '@planar/toolkit/testing';
import { SpinBox, SPIN_REPEAT, useTheme } from '../src/index.js';
import { renderThemed, statesSheet } from './harness.js';

const mount = (root: () => Child, options: RenderOptions = {}) => renderThemed(root, { width: 300, height: 200, ...options });

const touch = { type: 'touch' } as const;

describe('SpinBox', () => {
  it('steps once per tap of − or +, and stops at the ends', async () => {
    const hour = signal(22);
    const screen = await mount(() => <SpinBox label="Night from" value={hour} min={0} max={23} formatValue={(h) => `${h}:00`} />);
    const spin = screen.getByRole('spinbutton', { name: 'Night from' });
    expect(spin).toHaveValue({ now: 22, min: 0, max: 23, text: '22:00' });
    await screen.tap(screen.getByRole('button', { name: 'Increase Night from' }));
    expect(hour.value).toBe(23);
    expect(screen.getByRole('button', { name: 'Increase Night from' })).toBeDisabled();
    await screen.tap(screen.getByRole('button', { name: 'Increase Night from' }));
    expect(hour.value).toBe(23);
    await screen.tap(screen.getByRole('button', { name: 'Decrease Night from' }));
    await screen.tap(screen.getByRole('button', { name: 'Decrease Night from' }));
    expect(spin).toHaveValue({ now: 21, text: '21:00' });
    expect(screen.text({ text: '21:00' })).toBe('21:00');
  });

  it('repeats while a button is held, and stops when it is let go', async () => {
    const count = signal(0);
    const screen = await mount(() => <SpinBox label="Count" value={count} />);
    const plus = screen.getByRole('button', { name: 'Increase Count' });
    await screen.pointer.down(plus, touch);
    await screen.advance(SPIN_REPEAT.delay - 50);
    expect(count.value).toBe(0);
    await screen.advance(50 + 10 * SPIN_REPEAT.interval);
    const held = count.value;
    expect(held).toBeGreaterThanOrEqual(9);
    await screen.pointer.up(plus, touch);
    await screen.advance(1000);
    expect(count.value).toBe(held);
  });

  it('steps with arrows and pages, goes to the ends with Home/End, and runs semantics actions; the buttons leave focus alone', async () => {
    const temp = signal(20.5);
    const screen = await mount(() => <SpinBox label="Setpoint" value={temp} min={10} max={30} step={0.5} />);
    const spin = screen.getByRole('spinbutton', { name: 'Setpoint' });
    await screen.key(spin, 'ArrowUp');
    expect(temp.value).toBe(21);
    await screen.key('ArrowDown');
    await screen.key('ArrowDown');
    expect(temp.value).toBe(20);
    await screen.key('PageUp');
    expect(temp.value).toBe(25);
    await screen.key('End');
    expect(temp.value).toBe(30);
    await screen.key('Home');
    expect(spin).toHaveValue({ now: 10, text: '10.0' });
    await screen.act('increment', spin);
    expect(temp.value).toBe(10.5);
    await screen.tap(screen.getByRole('button', { name: 'Increase Setpoint' }));
    expect(temp.value).toBe(11);
    expect(spin).toHaveFocus();
  });

  it('with an encoder: a push to edit, turns to step, a push to leave', async () => {
    const fan = signal(3);
    const screen = await mount(() => <SpinBox label="Fan" value={fan} min={0} max={5} />);
    await screen.key('EncoderCW');
    expect(screen.getByRole('spinbutton', { name: 'Fan' })).toHaveFocus();
    await screen.key('Enter');
    await screen.key('EncoderCW');
    await screen.key('EncoderCW');
    await screen.key('EncoderCW');
    expect(fan.value).toBe(5);
    await screen.key('EncoderCCW');
    expect(fan.value).toBe(4);
    await screen.key('Enter');
    await screen.key('EncoderCCW');
    expect(fan.value).toBe(4);
  });

  it('when disabled, ignores taps, keys and actions', async () => {
    const fan = signal(3);
    const screen = await mount(() => <SpinBox label="Fan" value={fan} disabled />);
    const spin = screen.getByRole('spinbutton', { name: 'Fan' });
    expect(spin).toBeDisabled();
    await screen.tap(screen.getByRole('button', { name: 'Increase Fan' }));
    await expect(screen.act('increment', spin)).rejects.toThrow(/disabled/);
    await screen.key('Tab');
    expect(spin).not.toHaveFocus();
    expect(fan.value).toBe(3);
  });

  it('reports a value outside min..max, a step of 0 and min above max, and shows the nearest valid number', async () => {
    const errors: string[] = [];
    const screen = await mount(() => (
      <View>
        <SpinBox label="Over" defaultValue={40} min={0} max={23} />
        <SpinBox label="Flat" defaultValue={2} step={0} />
        <SpinBox label="Upside down" defaultValue={5} min={10} max={0} />
      </View>
    ), { onError: (e) => errors.push(e.message) });
    expect(screen.getByRole('spinbutton', { name: 'Over' })).toHaveValue({ now: 23, text: '23' });
    await screen.act('increment', screen.getByRole('spinbutton', { name: 'Flat' }));
    expect(screen.getByRole('spinbutton', { name: 'Flat' })).toHaveValue(3);
    expect(screen.getByRole('spinbutton', { name: 'Upside down' })).toHaveValue({ now: 5, min: 0, max: 10 });
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/SpinBox.*value = 40.*outside min\.\.max \(0\.\.23\)/);
    expect(errors[1]).toMatch(/SpinBox.*step = 0.*must be above 0/);
    expect(errors[2]).toMatch(/SpinBox.*min = 10.*above max \(0\)/);
  });
});

/** Every state: plain, − pressed, at the upper end (+ disabled), focus-visible, disabled. */
function States() {
  const theme = useTheme();
  return (
    <View style={{ width: '100%', height: '100%', padding: 16, rowGap: 12, columnGap: 32, flexDirection: 'row', flexWrap: 'wrap', backgroundColor: () => theme.colors.surface }}>
      <SpinBox label="Plain" defaultValue={21} />
      <SpinBox label="Pressed" defaultValue={7} />
      <SpinBox label="At max" defaultValue={10} max={10} />
      <SpinBox label="Focused" defaultValue={3} />
      <SpinBox label="Disabled" defaultValue={4} disabled />
    </View>
  );
}

describe('SpinBox states sheet', () => {
  statesSheet('spin-box', {
    sheet: () => <States />, width: 600, height: 130,
    act: async (screen) => {
      await screen.pointer.down(screen.getByRole('button', { name: 'Decrease Pressed' }), touch);
      await screen.key(screen.getByRole('spinbutton', { name: 'Focused' }), 'Escape');
      await screen.advance(200);
      expect(screen.getByRole('spinbutton', { name: 'Focused' })).toHaveFocus();
    },
  });
});
