/**
 * ToggleButton: toggled by a tap, Enter, Space and an encoder push; controlled, uncontrolled
 * or two-way; announced as a pressed button; disabled; its states in both themes.
 */
import { describe, expect, it } from 'vitest';
import { View, signal, type Child } from '@planar/toolkit';
import { type RenderOptions } from '@planar/toolkit/testing';
import { ToggleButton, useTheme } from '../src/index.js';
import { renderPlain, statesSheet } from './harness.js';

const mount = (root: () => Child, options: RenderOptions = { width: 320, height: 200 }) => renderPlain(root, options);

function Sheet() {
  const theme = useTheme();
  const row = { flexDirection: 'row', gap: 16, alignItems: 'center' } as const;
  return (
    <View style={{ width: '100%', height: '100%', padding: 16, gap: 12, backgroundColor: () => theme.colors.surface }}>
      <View style={row}>
        <ToggleButton label="Boost off" icon="fan" />
        <ToggleButton label="Boost on" icon="fan" defaultChecked />
        <ToggleButton label="Off pressed" />
        <ToggleButton label="On pressed" defaultChecked />
      </View>
      <View style={row}>
        <ToggleButton label="Off disabled" icon="lock" disabled />
        <ToggleButton label="On disabled" icon="lock" defaultChecked disabled />
        <ToggleButton label="Focused" icon="bell" defaultChecked />
      </View>
      <View style={row}>
        <ToggleButton label="Mute" icon="volume" checkedIcon="mute" iconOnly />
        <ToggleButton label="Muted" icon="volume" checkedIcon="mute" iconOnly defaultChecked />
        <ToggleButton label="Mute pressed" icon="volume" checkedIcon="mute" iconOnly />
        <ToggleButton label="Mute disabled" icon="volume" iconOnly disabled />
        <ToggleButton label="Muted disabled" icon="volume" checkedIcon="mute" iconOnly defaultChecked disabled />
      </View>
    </View>
  );
}

describe('ToggleButton states', () => {
  statesSheet('toggle-button', {
    title: (theme) => `shows off, on, pressed, focused and disabled toggles in the ${theme} theme`,
    sheet: () => <Sheet />, width: 600, height: 220,
    act: async (screen) => {
      for (const [i, name] of ['Off pressed', 'On pressed', 'Mute pressed'].entries()) {
        await screen.pointer.down(screen.getByRole('button', { name }), { type: 'touch', id: 10 + i });
      }
      await screen.key(screen.getByRole('button', { name: 'Focused' }), 'Shift');
      await screen.advance(300);
    },
  });
});

describe('ToggleButton', () => {
  it('toggles on a tap, Enter, Space and an encoder push, and says it is pressed', async () => {
    const changes: boolean[] = [];
    const screen = await mount(() => <ToggleButton label="Boost" icon="fan" onChange={(on) => changes.push(on)} />);
    const boost = screen.getByRole('button', { name: 'Boost' });
    expect(boost.states.pressed).toBe(false);
    await screen.tap(boost);
    expect(screen.getByRole('button', { name: 'Boost', pressed: true })).toBe(boost);
    await screen.key(boost, 'Enter');
    expect(boost.states.pressed).toBe(false);
    await screen.key(boost, ' ');
    await screen.act('press', boost);
    expect(changes).toEqual([true, false, true, false]);
    expect(screen.tree()).toContain('button "Boost"');
  });

  it('writes a signal given as checked (two-way), and only asks through onChange when controlled', async () => {
    const muted = signal(false);
    const asked: boolean[] = [];
    const screen = await mount(() => (
      <View style={{ flexDirection: 'row', gap: 8 }}>
        <ToggleButton label="Mute" icon="volume" checkedIcon="mute" iconOnly checked={muted} />
        <ToggleButton label="Fixed" checked={() => false} onChange={(on) => asked.push(on)} />
      </View>
    ));
    await screen.tap(screen.getByRole('button', { name: 'Mute' }));
    expect(muted.value).toBe(true);
    muted.value = false;
    await screen.flush();
    expect(screen.getByRole('button', { name: 'Mute' }).states.pressed).toBe(false);
    const fixed = screen.getByRole('button', { name: 'Fixed' });
    await screen.tap(fixed);
    expect(asked).toEqual([true]);
    expect(fixed.states.pressed).toBe(false);
  });

  it('when disabled, is reported disabled and does not toggle', async () => {
    const on = signal(false);
    const screen = await mount(() => <ToggleButton label="Boost" checked={on} disabled />);
    const boost = screen.getByRole('button', { name: 'Boost' });
    expect(boost).toBeDisabled();
    await screen.tap(boost);
    await expect(screen.act('press', boost)).rejects.toThrow(/disabled/);
    expect(on.value).toBe(false);
  });

  it('reports an icon-only toggle without an icon', async () => {
    const errors: string[] = [];
    await mount(() => <ToggleButton label="Nothing" iconOnly />, { width: 100, height: 60, onError: (e) => errors.push(e.message) });
    expect(errors).toEqual([expect.stringMatching(/ToggleButton.*icon = undefined: an icon-only toggle needs an icon/)]);
  });
});
