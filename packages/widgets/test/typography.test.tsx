/**
 * Typography helpers: Heading (role heading, three levels), Label and Caption in the theme's
 * type roles and colours, following a theme switch; states in both themes.
 */
import { describe, expect, it } from 'vitest';
import { View, signal, type Child } from '@planar/toolkit';
import { type RenderOptions } from '@planar/toolkit/testing';
import { Caption, Heading, Label, ThemeProvider, darkTheme, lightTheme, useTheme, type ThemeTokens } from '../src/index.js';
import { renderPlain, statesSheet } from './harness.js';

const mount = (root: () => Child, options: RenderOptions) => renderPlain(root, options);

function Sheet() {
  const theme = useTheme();
  return (
    <View style={{ width: '100%', height: '100%', padding: 16, gap: 8, backgroundColor: () => theme.colors.surface }}>
      <Heading level={1}>Settings</Heading>
      <Heading level={2}>Display</Heading>
      <Heading level={3}>Night mode</Heading>
      <Label>Brightness</Label>
      <Caption>Updated 2 min ago</Caption>
      <Label color="primary">Primary label</Label>
      <Caption color="error">Sensor offline</Caption>
      <View style={{ width: 160 }}><Caption maxLines={1}>A caption too long for its box is cut</Caption></View>
    </View>
  );
}

describe('Typography', () => {
  statesSheet('typography', {
    title: (theme) => `shows headings, labels and captions in the ${theme} theme`,
    sheet: () => <Sheet />, width: 320, height: 300,
  });

  it('headings are headings for assistive technology; labels and captions are text', async () => {
    const screen = await mount(() => (
      <View>
        <Heading level={1}>Settings</Heading>
        <Label>Brightness</Label>
        <Caption>Updated 2 min ago</Caption>
      </View>
    ), { width: 300, height: 120 });
    expect(screen.getAllByRole('heading')).toHaveLength(1);
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeVisible();
    expect(screen.getByText('Brightness')).toBeVisible();
    expect(screen.getByText('Updated 2 min ago')).toBeVisible();
  });

  it('sizes the levels by the type scale and follows the theme colour', async () => {
    const mode = signal<ThemeTokens>(lightTheme);
    const screen = await mount(() => (
      <ThemeProvider theme={mode}>
        <View style={{ alignItems: 'flex-start' }}>
          <Heading level={1} testId="h1">Hg</Heading>
          <Heading level={3} testId="h3">Hg</Heading>
          <Label color="primary" testId="label" style={{ fontSize: 40 }}>■</Label>
        </View>
      </ThemeProvider>
    ), { width: 200, height: 200 });
    const [h1, h3] = [screen.find({ testId: 'h1' }), screen.find({ testId: 'h3' })];
    const type = lightTheme.type;
    expect(h1.height).toBeCloseTo(type.headlineSmall.fontSize * type.headlineSmall.lineHeight, 0);
    expect(h3.height).toBeCloseTo(type.titleMedium.fontSize * type.titleMedium.lineHeight, 0);
    const box = screen.find({ testId: 'label' });
    const centre = () => screen.pixel(Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2));
    const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
    expect(centre().slice(0, 3)).toEqual(hex(lightTheme.colors.primary));
    mode.value = darkTheme;
    await screen.flush();
    expect(centre().slice(0, 3)).toEqual(hex(darkTheme.colors.primary));
  });
});
