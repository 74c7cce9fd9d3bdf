/**
 * Icon: every glyph of the set drawn in both themes, scaling to its box, theme colours that
 * follow a switch, semantics (an image with a label, decoration without), bad props reported
 * with the nearest valid drawing, and no CanvasKit object left behind.
 */
import { describe, expect, it } from 'vitest';
import { For, Show, Text, View, signal, type Child } from '@planar/toolkit';
import { checkLeaks, type RenderOptions } from '@planar/toolkit/testing';
import { ICON_NAMES, Icon, ThemeProvider, darkTheme, lightTheme, useTheme, type ThemeTokens } from '../src/index.js';
import { renderPlain, rgb, statesSheet } from './harness.js';

const mount = (root: () => Child, options: RenderOptions) => renderPlain(root, options);

/** Every glyph with its name, then sizes, colour roles and the disabled look. */
function IconSheet() {
  const theme = useTheme();
  const caption = { ...theme.typography('labelSmall'), color: () => theme.colors.onSurfaceVariant, fontSize: 9 };
  return (
    <View style={{ width: '100%', height: '100%', padding: 12, gap: 10, backgroundColor: () => theme.colors.surface }}>
      <View style={{ flexDirection: 'row', flexWrap: 'wrap', rowGap: 6 }}>
        <For each={ICON_NAMES}>{(name) => (
          <View style={{ width: 80, alignItems: 'center', gap: 2 }}>
            <Icon name={name} color="onSurface" />
            <Text style={caption}>{name}</Text>
          </View>
        )}</For>
      </View>
      <View style={{ flexDirection: 'row', alignItems: 'center', gap: 16 }}>
        <Icon name="settings" size={16} />
        <Icon name="settings" size={24} />
        <Icon name="settings" size={48} />
        <Icon name="thermometer" size={48} color="tertiary" />
        <Icon name="warning" size={48} color="error" />
        <Icon name="wifi" size={48} color="primary" />
        <Icon name="wifi-off" size={48} color="primary" disabled />
        <Icon name="check" size={48} color="#2e7d32" />
      </View>
    </View>
  );
}

describe('the icon set', () => {
  statesSheet('icon', {
    title: (theme) => `draws every glyph, size and colour in the ${theme} theme`,
    sheet: () => <IconSheet />, width: 744, height: 340,
  });

  it('has the glyphs a panel needs', () => {
    for (const name of ['check', 'close', 'chevron-left', 'chevron-right', 'chevron-up', 'chevron-down', 'plus', 'minus',
      'menu', 'settings', 'home', 'wifi', 'wifi-off', 'bluetooth', 'battery', 'brightness', 'moon', 'sun', 'thermometer',
      'power', 'lock', 'unlock', 'bell', 'volume', 'mute', 'search', 'edit', 'delete', 'info', 'warning', 'error',
      'refresh', 'clock', 'calendar', 'user', 'back', 'more', 'play', 'pause', 'light', 'fan', 'door']) {
      expect(ICON_NAMES).toContain(name);
    }
  });
});

describe('Icon', () => {
  it('scales the 24-unit glyph to its box and paints it in the theme colour, following a theme switch', async () => {
    const mode = signal<ThemeTokens>(lightTheme);
    const screen = await mount(() => (
      <ThemeProvider theme={mode}><Icon name="minus" size={48} color="primary" testId="icon" /></ThemeProvider>
    ), { width: 48, height: 48, background: '#ffffff' });
    // The bar runs from x 5 to 19 at y 12, 2 units thick: at twice the size, 10..38 across and 22..26 down.
    expect(screen.pixel(24, 24)).toEqual(rgb(lightTheme.colors.primary));
    expect(screen.pixel(12, 24)).toEqual(rgb(lightTheme.colors.primary));
    expect(screen.pixel(6, 24)).toEqual([255, 255, 255, 255]);
    expect(screen.pixel(24, 18)).toEqual([255, 255, 255, 255]);

    mode.value = darkTheme;
    await screen.flush();
    expect(screen.pixel(24, 24)).toEqual(rgb(darkTheme.colors.primary));
    expect(screen.stats.damagedPx).toBeLessThanOrEqual(50 * 50);
  });

  it('is an image named by its label, and decoration left out of the tree without one', async () => {
    const screen = await mount(() => (
      <View style={{ flexDirection: 'row' }}>
        <Icon name="warning" label="Sensor offline" />
        <Icon name="wifi" />
      </View>
    ), { width: 60, height: 30 });
    expect(screen.getAllByRole('img')).toHaveLength(1);
    expect(screen.getByRole('img', { name: 'Sensor offline' })).toHaveAccessibleName('Sensor offline');
  });

  it('draws path data of your own, filled or outlined', async () => {
    const screen = await mount(() => (
      <View style={{ flexDirection: 'row' }}>
        <Icon glyph="M0 0h24v24H0z" color="#ff0000" size={24} />
        <Icon glyph={{ stroke: 'M2 12h20' }} color="#0000ff" size={24} />
      </View>
    ), { width: 48, height: 24, background: '#ffffff' });
    expect(screen.pixel(3, 3)).toEqual([255, 0, 0, 255]);
    expect(screen.pixel(36, 12)).toEqual([0, 0, 255, 255]);
    expect(screen.pixel(36, 4)).toEqual([255, 255, 255, 255]);
  });

  it('reports an unknown name, bad path data, a bad size and a bad colour, and draws the nearest valid icon', async () => {
    const errors: string[] = [];
    const screen = await mount(() => (
      <View style={{ flexDirection: 'row' }}>
        <Icon name={'wiif' as 'wifi'} testId="unknown" />
        <Icon glyph="M0 0 Q" testId="garbled" />
        <Icon name="minus" size={-5} testId="negative" />
        <Icon name="minus" color="primry" testId="miscoloured" />
      </View>
    ), { width: 120, height: 30, background: '#ffffff', onError: (e) => errors.push(e.message) });
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/Icon.*name = "wiif": no such icon — give one of check, close/);
    expect(errors[1]).toMatch(/Icon.*glyph = "M0 0 Q": is not SVG path data/);
    expect(errors[2]).toMatch(/Icon.*size = -5: must be a positive number of px; drawing at 24/);
    expect(errors[3]).toMatch(/Icon.*color = "primry": neither a colour role of the theme .* nor a colour; using onSurfaceVariant/);
    // Nothing is drawn for the unknown name; the bad size falls back to 24 px, the bad colour to the default.
    const unknown = screen.find({ testId: 'unknown' });
    for (let x = unknown.x; x < unknown.x + unknown.width; x += 2) expect(screen.pixel(x, unknown.y + 12)).toEqual([255, 255, 255, 255]);
    expect(screen.find({ testId: 'negative' })).toMatchObject({ width: 24, height: 24 });
    const bar = screen.find({ testId: 'miscoloured' });
    expect(screen.pixel(bar.x + 12, bar.y + 12)).toEqual(rgb(lightTheme.colors.onSurfaceVariant));
  });

  it('frees its paths and paints: mounting and unmounting icons leaves no CanvasKit object behind', async () => {
    const shown = signal(true);
    const tint = signal<'primary' | 'error'>('primary');
    const screen = await mount(() => (
      <Show when={shown}>
        <View style={{ flexDirection: 'row' }}>
          <Icon name="settings" color={tint} size={32} />
          <Icon name="fan" color={tint} size={32} />
        </View>
      </Show>
    ), { width: 80, height: 40 });
    const report = await checkLeaks(async () => {
      tint.value = tint.value === 'primary' ? 'error' : 'primary';
      await screen.flush();
      shown.value = !shown.value;
      await screen.flush();
    }, { cycles: 200, jsHeapBytesPerCycle: 256 });
    expect(report.leaks).toEqual([]);
  });
});
