/**
 * Divider: a 1 px line in the theme's outline colour, horizontal or vertical, with an inset;
 * decoration left out of the semantics tree; states in both themes.
 */
import { describe, expect, it } from 'vitest';
import { View, type Child } from '@planar/toolkit';
import { type RenderOptions } from '@planar/toolkit/testing';
import { Divider, ListItem, lightTheme, useTheme } from '../src/index.js';
import { renderPlain, rgb, statesSheet } from './harness.js';

const mount = (root: () => Child, options: RenderOptions) => renderPlain(root, options);

function Sheet() {
  const theme = useTheme();
  return (
    <View style={{ width: '100%', height: '100%', flexDirection: 'row', padding: 8, backgroundColor: () => theme.colors.surface }}>
      <View style={{ flexGrow: 1 }}>
        <ListItem icon="wifi" title="Wi-Fi" />
        <Divider inset={56} />
        <ListItem icon="bluetooth" title="Bluetooth" />
        <Divider />
        <ListItem icon="moon" title="Night mode" />
        <Divider spacing={8} />
      </View>
      <Divider orientation="vertical" spacing={8} />
      <View style={{ width: 120 }}><ListItem title="Pane" /></View>
    </View>
  );
}

describe('Divider', () => {
  statesSheet('divider', {
    title: (theme) => `draws full, inset and vertical lines in the ${theme} theme`,
    sheet: () => <Sheet />, width: 400, height: 200,
  });

  it('is a 1 px line in outlineVariant, inset from the start, and not in the semantics tree', async () => {
    const screen = await mount(() => (
      <View style={{ width: 100, padding: 10 }}>
        <Divider testId="full" />
        <Divider testId="inset" inset={40} spacing={4} />
      </View>
    ), { width: 120, height: 40, background: '#ffffff' });
    expect(screen.find({ testId: 'full' })).toMatchObject({ x: 10, y: 10, width: 80, height: 1 });
    expect(screen.find({ testId: 'inset' })).toMatchObject({ x: 50, y: 15, width: 40, height: 1 });
    expect(screen.pixel(20, 10)).toEqual(rgb(lightTheme.colors.outlineVariant));
    expect(screen.pixel(20, 15)).toEqual([255, 255, 255, 255]);
    expect(screen.tree()).not.toMatch(/full|inset/);
  });
});
