/**
 * Checkbox: checked by tap, keys and an encoder's push; indeterminate ('mixed') for a parent
 * of several; controlled, uncontrolled and two-way; disabled; a bad `checked` value; and the
 * states sheet in both themes.
 */
import { describe, expect, it } from 'vitest';
import { View, signal, type Child } from '@planar/toolkit';
import { type RenderOptions, type Screen } from '@planar/toolkit/testing';
import { Checkbox, lightTheme, useTheme, type CheckedState } from '../src/index.js';
import { renderThemed, rgb, statesSheet } from './harness.js';

const mount = (root: () => Child, options: RenderOptions = {}) => renderThemed(root, { width: 260, height: 140, ...options });

/** Which of two colours a pixel is nearer to (edges of a 1.5 px stroke are blended). */
function nearer(pixel: number[], a: string, b: string): string {
  const d = (hex: string) => rgb(hex).slice(0, 3).reduce((sum, c, i) => sum + (c - pixel[i]!) ** 2, 0);
  return d(a) <= d(b) ? a : b;
}

/** The centre of the 18 px square (inside its 40 px touch target at the start of the row). */
function boxCentre(screen: Screen, name: string) {
  const b = screen.find(screen.getByRole('checkbox', { name }));
  return { x: b.x + 20, y: b.y + b.height / 2 };
}

describe('Checkbox', () => {
  it('checks and unchecks on a tap of the box or of its label', async () => {
    const changes: boolean[] = [];
    const screen = await mount(() => <Checkbox label="Send diagnostics" onChange={(on) => changes.push(on)} />);
    const box = screen.getByRole('checkbox', { name: 'Send diagnostics' });
    expect(box).not.toBeChecked();
    await screen.tap(boxCentre(screen, 'Send diagnostics'));
    expect(box).toBeChecked();
    await screen.tap(screen.getByText('Send diagnostics'));
    expect(box).not.toBeChecked();
    expect(changes).toEqual([true, false]);
  });

  it('shows a dash when indeterminate and a check once tapped', async () => {
    const screen = await mount(() => <Checkbox label="All rooms" defaultChecked="mixed" />);
    const all = screen.getByRole('checkbox', { name: 'All rooms' });
    const centre = boxCentre(screen, 'All rooms');
    expect(all).toBePartiallyChecked();
    expect(screen.tree()).toContain('mixed');
    // 4 px left of the middle: on the dash, and left of the check's long stroke, above its short one.
    const { primary, onPrimary } = lightTheme.colors;
    const probe = { x: centre.x - 4, y: centre.y };
    expect(nearer(screen.pixel(probe.x, probe.y), onPrimary, primary)).toBe(onPrimary);
    await screen.tap(all);
    await screen.advance(300);
    expect(all).toBeChecked();
    expect(screen.pixel(probe.x, probe.y)).toEqual(rgb(primary));
  });

  it('as the parent of a list, is mixed while some are checked and checks them all', async () => {
    const rooms = [signal(true), signal(false)];
    const all = (): CheckedState => (rooms.every((r) => r.value) ? true : rooms.some((r) => r.value) ? 'mixed' : false);
    const screen = await mount(() => (
      <View>
        <Checkbox label="All rooms" checked={all} onChange={(on) => rooms.forEach((r) => (r.value = on))} />
        <Checkbox label="Kitchen" checked={rooms[0]} />
        <Checkbox label="Hall" checked={rooms[1]} />
      </View>
    ));
    const parent = screen.getByRole('checkbox', { name: 'All rooms' });
    expect(parent).toBePartiallyChecked();
    await screen.tap(parent);
    expect(parent).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Hall' })).toBeChecked();
    await screen.tap(screen.getByRole('checkbox', { name: 'Kitchen' }));
    expect(rooms[0]!.value).toBe(false);
    expect(parent).toBePartiallyChecked();
  });

  it('is checked with Space, Enter and an encoder push, with a focus ring from keys', async () => {
    const screen = await mount(() => <Checkbox label="Eco" />);
    const eco = screen.getByRole('checkbox', { name: 'Eco' });
    await screen.key(eco, ' ');
    expect(eco).toBeChecked();
    expect(eco).toHaveFocus();
    await screen.key('Enter');
    expect(eco).not.toBeChecked();
    const { x, y } = boxCentre(screen, 'Eco');
    // The ring: 2 px wide, 2 px outside the 18 px box.
    expect(screen.pixel(x, y - 9 - 3)).toEqual(rgb(lightTheme.colors.primary));
  });

  it('when disabled, ignores taps, keys and actions and says it is disabled', async () => {
    const screen = await mount(() => <Checkbox label="Locked" disabled defaultChecked />);
    const locked = screen.getByRole('checkbox', { name: 'Locked' });
    expect(locked).toBeDisabled();
    await screen.tap(locked);
    expect(locked).toBeChecked();
    await expect(screen.act('press', locked)).rejects.toThrow(/disabled/);
    expect(locked).toBeChecked();
  });

  it('reports a checked value that is not true, false or mixed, and shows the box unchecked', async () => {
    const errors: string[] = [];
    const bad = 'yes' as unknown as CheckedState;
    const screen = await mount(() => <Checkbox label="Odd" checked={bad} />, { onError: (e) => errors.push(e.message) });
    expect(screen.getByRole('checkbox', { name: 'Odd' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Odd' })).not.toBePartiallyChecked();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Checkbox.*checked = "yes".*true, false or 'mixed'/);
  });
});

/** Every state side by side: unchecked, checked, mixed, pressed (both), focus-visible, disabled (three). */
function States() {
  const theme = useTheme();
  return (
    <View style={{ width: '100%', height: '100%', padding: 12, rowGap: 4, columnGap: 20, flexDirection: 'row', flexWrap: 'wrap', backgroundColor: () => theme.colors.surface }}>
      <Checkbox label="Unchecked" />
      <Checkbox label="Checked" defaultChecked />
      <Checkbox label="Mixed" defaultChecked="mixed" />
      <Checkbox label="Pressed" />
      <Checkbox label="Pressed checked" defaultChecked />
      <Checkbox label="Focused" />
      <Checkbox label="Disabled" disabled />
      <Checkbox label="Disabled checked" disabled defaultChecked />
      <Checkbox label="Disabled mixed" disabled defaultChecked="mixed" />
    </View>
  );
}

describe('Checkbox states sheet', () => {
  statesSheet('checkbox', {
    sheet: () => <States />, width: 640, height: 160,
    act: async (screen) => {
      await screen.pointer.down(screen.getByRole('checkbox', { name: 'Pressed' }), { type: 'touch', id: 1 });
      await screen.pointer.down(screen.getByRole('checkbox', { name: 'Pressed checked' }), { type: 'touch', id: 2 });
      await screen.key(screen.getByRole('checkbox', { name: 'Focused' }), 'Escape');
      await screen.advance(300);
      expect(screen.getByRole('checkbox', { name: 'Focused' })).toHaveFocus();
    },
  });
});
