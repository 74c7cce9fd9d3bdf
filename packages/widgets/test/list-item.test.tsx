/**
 * ListItem: a row with a leading icon, title, subtitle and a trailing slot; a pressable row is a
 * button named by its title (tap, keys, encoder); a plain one is a list item; disabled; states
 * in both themes.
 */
import { describe, expect, it } from 'vitest';
import { Text, View, signal, type Child } from '@planar/toolkit';
import { type RenderOptions } from '@planar/toolkit/testing';
import { Icon, ListItem, ToggleButton, useTheme } from '../src/index.js';
import { renderPlain, statesSheet } from './harness.js';

const mount = (root: () => Child, options: RenderOptions = { width: 360, height: 240 }) => renderPlain(root, options);

function Sheet() {
  const theme = useTheme();
  const value = { ...theme.typography('bodyMedium'), color: () => theme.colors.onSurfaceVariant };
  const chevron = () => <Icon name="chevron-right" />;
  return (
    <View style={{ width: '100%', height: '100%', padding: 8, backgroundColor: () => theme.colors.surface }}>
      <ListItem icon="wifi" title="Wi-Fi" subtitle="home-5G · connected" trailing={<ToggleButton label="Wi-Fi on" icon="check" iconOnly defaultChecked />} />
      <ListItem icon="thermometer" title="Temperature unit" trailing={<Text style={value}>°C</Text>} />
      <ListItem icon="brightness" title="Display" subtitle="Brightness, rotation, night mode" onPress={() => {}} trailing={chevron()} />
      <ListItem icon="bell" title="Pressed" onPress={() => {}} trailing={chevron()} />
      <ListItem icon="clock" title="Hovered" onPress={() => {}} trailing={chevron()} />
      <ListItem icon="user" title="Focused" subtitle="Shows a ring for keys" onPress={() => {}} trailing={chevron()} />
      <ListItem icon="lock" title="Disabled" subtitle="Needs an installer code" onPress={() => {}} disabled trailing={chevron()} />
      <ListItem title="No icon, a long title that does not fit the row and is cut at its end" />
    </View>
  );
}

describe('ListItem states', () => {
  statesSheet('list-item', {
    title: (theme) => `shows plain, pressable, pressed, hovered, focused and disabled rows in the ${theme} theme`,
    sheet: () => <Sheet />, width: 420, height: 540,
    act: async (screen) => {
      await screen.pointer.down(screen.getByRole('button', { name: 'Pressed' }), { type: 'touch', id: 5 });
      await screen.pointer.move(screen.getByRole('button', { name: 'Hovered' }), { type: 'mouse', id: 6 });
      await screen.key(screen.getByRole('button', { name: 'Focused' }), 'Shift');
      await screen.advance(300);
    },
  });
});

describe('ListItem', () => {
  it('a pressable row is a button named by its title and described by its subtitle', async () => {
    let opened = 0;
    const screen = await mount(() => (
      <View>
        <ListItem icon="brightness" title="Display" subtitle="Brightness, rotation" onPress={() => opened++} />
        <ListItem icon="info" title="Version" subtitle="1.4.2" />
      </View>
    ));
    const display = screen.getByRole('button', { name: 'Display' });
    expect(display.description).toBe('Brightness, rotation');
    await screen.tap(display);
    await screen.key(display, 'Enter');
    await screen.key(display, ' ');
    await screen.act('press', display);
    expect(opened).toBe(4);
    expect(screen.getByRole('listitem', { name: 'Version' })).toHaveAccessibleName('Version');
  });

  it('keeps the trailing control working on its own', async () => {
    const wifi = signal(false);
    const screen = await mount(() => (
      <ListItem icon="wifi" title="Wi-Fi" trailing={<ToggleButton label="Wi-Fi on" icon="check" iconOnly checked={wifi} />} />
    ));
    await screen.tap(screen.getByRole('button', { name: 'Wi-Fi on' }));
    expect(wifi.value).toBe(true);
  });

  it('follows its title and subtitle when they change', async () => {
    const network = signal<string | undefined>(undefined);
    const screen = await mount(() => <ListItem icon="wifi" title="Wi-Fi" subtitle={network} />);
    expect(screen.queryByText('home-5G')).toBeNull();
    network.value = 'home-5G';
    await screen.flush();
    expect(screen.getByText('home-5G')).toBeVisible();
  });

  it('when disabled, is reported disabled and presses on nothing', async () => {
    let opened = 0;
    const screen = await mount(() => <ListItem title="Service" onPress={() => opened++} disabled />);
    const service = screen.getByRole('button', { name: 'Service' });
    expect(service).toBeDisabled();
    await screen.tap(service);
    await screen.key('Tab');
    await screen.key('Enter');
    expect(opened).toBe(0);
  });
});
