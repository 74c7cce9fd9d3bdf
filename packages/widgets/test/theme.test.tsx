/**
 * Themes: both built-in themes drawn as a swatch scene, a run-time switch that repaints only
 * what changed (nothing remounts), overrides for a subtree, and state styles.
 */
import { describe, expect, it } from 'vitest';
import { View, signal, type Child, type FrameStats } from '@planar/toolkit';
import { type RenderOptions, type Screen } from '@planar/toolkit/testing';
import {
  ThemeProvider, darkTheme, lightTheme, stateStyle, useTheme, type ThemeOverride, type ThemeTokens,
} from '../src/index.js';
import { recordFrames, renderPlain, rgb } from './harness.js';
import { Swatches } from './swatches.js';

async function mount(root: () => Child, options: RenderOptions): Promise<{ screen: Screen; frames: FrameStats[] }> {
  const screen = await renderPlain(root, options);
  return { screen, frames: recordFrames(screen) };
}

/** The colour at the middle of a node's box, a few px in from its top-left (inside rounded corners, away from text). */
function fillOf(screen: Screen, testId: string): [number, number, number, number] {
  const b = screen.find({ testId });
  return screen.pixel(b.x + b.width - 4, b.y + b.height - 4);
}

describe('the built-in themes', () => {
  for (const theme of [lightTheme, darkTheme]) {
    it(`draws the ${theme.name} swatch scene`, async () => {
      const { screen } = await mount(() => <ThemeProvider theme={theme}><Swatches /></ThemeProvider>, { width: 880, height: 440 });
      expect(fillOf(screen, 'swatch-primary')).toEqual(rgb(theme.colors.primary));
      expect(fillOf(screen, 'page')).toEqual(rgb(theme.colors.surface));
      await expect(screen).toMatchImageSnapshot(`theme-${theme.name}-swatches`);
    });
  }

  it('pairs every fill with text at least 4.5:1 against it', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = rgb(hex).slice(0, 3).map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: string, b: string) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    for (const t of [lightTheme, darkTheme]) {
      const c = t.colors;
      const pairs: [string, string, string][] = [
        ['primary', c.primary, c.onPrimary], ['primaryContainer', c.primaryContainer, c.onPrimaryContainer],
        ['secondaryContainer', c.secondaryContainer, c.onSecondaryContainer], ['tertiary', c.tertiary, c.onTertiary],
        ['error', c.error, c.onError], ['errorContainer', c.errorContainer, c.onErrorContainer],
        ['surface', c.surface, c.onSurface], ['surfaceVariant', c.surfaceVariant, c.onSurfaceVariant],
        ['surfaceContainerHighest', c.surfaceContainerHighest, c.onSurface], ['inverseSurface', c.inverseSurface, c.inverseOnSurface],
        ['success', c.success, c.onSuccess], ['warning', c.warning, c.onWarning],
      ];
      for (const [role, fill, text] of pairs) expect(contrast(fill, text), `${t.name} ${role}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('switching themes at run time', () => {
  it('repaints the themed boxes without remounting, and leaves an unthemed subtree undamaged', async () => {
    const mode = signal<ThemeTokens>(lightTheme);
    let mounts = 0;
    let radiusReads = 0;
    function Tile() {
      mounts++;
      const theme = useTheme();
      return <View testId="tile" style={{ width: 100, height: 60, backgroundColor: () => theme.colors.primaryContainer }} />;
    }
    function Corner() {
      mounts++;
      const theme = useTheme();
      // A token the two themes share: its style never re-runs on a switch.
      return <View style={{ width: 40, height: 40, backgroundColor: 'rgb(200, 0, 0)', borderRadius: () => (radiusReads++, theme.radii.sm) }} />;
    }
    const { screen, frames } = await mount(() => (
      <ThemeProvider theme={mode}>
        <View style={{ flexDirection: 'row', gap: 20 }}>
          <Tile />
          <Corner />
          <View testId="fixed" style={{ width: 100, height: 60, backgroundColor: 'rgb(0, 120, 0)' }} />
        </View>
      </ThemeProvider>
    ), { width: 300, height: 80, background: 'white' });
    expect(fillOf(screen, 'tile')).toEqual(rgb(lightTheme.colors.primaryContainer));
    expect([mounts, radiusReads]).toEqual([2, 1]);

    mode.value = darkTheme;
    await screen.flush();
    expect(fillOf(screen, 'tile')).toEqual(rgb(darkTheme.colors.primaryContainer));
    expect([mounts, radiusReads]).toEqual([2, 1]);
    // One frame, and it repainted the tile's 100x60 box alone (with a pixel of anti-aliasing
    // margin), not the corner whose token did not change nor the fixed box.
    expect(frames).toHaveLength(1);
    expect(frames[0]!.damagedPx).toBeGreaterThanOrEqual(100 * 60);
    expect(frames[0]!.damagedPx).toBeLessThanOrEqual(102 * 62);

    mode.value = lightTheme;
    await screen.flush();
    expect(fillOf(screen, 'tile')).toEqual(rgb(lightTheme.colors.primaryContainer));
    expect(mounts).toBe(2);
  });

  it('animates a themed colour when the style transitions it', async () => {
    const mode = signal<ThemeTokens>(lightTheme);
    function Tile() {
      const theme = useTheme();
      return <View testId="tile" style={{
        width: 60, height: 60, backgroundColor: () => theme.colors.primary,
        transition: { backgroundColor: { duration: 200, easing: 'linear' } },
      }} />;
    }
    const { screen, frames } = await mount(() => <ThemeProvider theme={mode}><Tile /></ThemeProvider>, { width: 80, height: 80 });
    mode.value = darkTheme;
    await screen.flush();
    await screen.advance(100);
    const mid = fillOf(screen, 'tile');
    const [a, b] = [rgb(lightTheme.colors.primary), rgb(darkTheme.colors.primary)];
    for (let i = 0; i < 3; i++) expect(Math.abs(mid[i]! - (a[i]! + b[i]!) / 2)).toBeLessThanOrEqual(3);
    await screen.advance(100);
    expect(fillOf(screen, 'tile')).toEqual(b);
    const count = frames.length;
    await screen.advance(500);
    expect(frames.length).toBe(count);
  });
});

describe('overrides for a subtree', () => {
  it('changes the named tokens below it only, and keeps following the theme above for the rest', async () => {
    const mode = signal<ThemeTokens>(lightTheme);
    const override = signal<ThemeOverride>({ colors: { primary: '#b3261e' } });
    function Pair(props: { id: string }) {
      const theme = useTheme();
      return (
        <View style={{ flexDirection: 'row' }}>
          <View testId={`${props.id}-primary`} style={{ width: 40, height: 40, backgroundColor: () => theme.colors.primary }} />
          <View testId={`${props.id}-surface`} style={{ width: 40, height: 40, backgroundColor: () => theme.colors.surface }} />
        </View>
      );
    }
    const { screen } = await mount(() => (
      <ThemeProvider theme={mode}>
        <Pair id="outside" />
        <ThemeProvider override={override}><Pair id="inside" /></ThemeProvider>
      </ThemeProvider>
    ), { width: 100, height: 100 });
    expect(fillOf(screen, 'outside-primary')).toEqual(rgb(lightTheme.colors.primary));
    expect(fillOf(screen, 'inside-primary')).toEqual(rgb('#b3261e'));
    expect(fillOf(screen, 'inside-surface')).toEqual(rgb(lightTheme.colors.surface));

    mode.value = darkTheme;
    await screen.flush();
    expect(fillOf(screen, 'inside-primary')).toEqual(rgb('#b3261e'));
    expect(fillOf(screen, 'inside-surface')).toEqual(rgb(darkTheme.colors.surface));
    expect(fillOf(screen, 'outside-primary')).toEqual(rgb(darkTheme.colors.primary));

    override.value = { colors: { primary: '#006e1c' } };
    await screen.flush();
    expect(fillOf(screen, 'inside-primary')).toEqual(rgb('#006e1c'));
  });
});

describe('stateStyle', () => {
  it('applies the style of each state that is on, disabled winning over pressed', async () => {
    const pressed = signal(false);
    const disabled = signal(false);
    const checked = signal(false);
    function Chip() {
      const theme = useTheme();
      return <View testId="chip" style={stateStyle(
        { width: 60, height: 40, backgroundColor: () => theme.colors.surfaceContainerHigh, opacity: 1 },
        {
          checked: { backgroundColor: () => theme.colors.secondaryContainer },
          pressed: { backgroundColor: () => theme.colors.primary },
          disabled: { backgroundColor: () => theme.colors.surfaceVariant },
        },
        { pressed, disabled: () => disabled.value, checked },
      )} />;
    }
    const { screen } = await mount(() => <ThemeProvider theme={lightTheme}><Chip /></ThemeProvider>, { width: 80, height: 60 });
    const c = lightTheme.colors;
    expect(fillOf(screen, 'chip')).toEqual(rgb(c.surfaceContainerHigh));
    checked.value = true;
    await screen.flush();
    expect(fillOf(screen, 'chip')).toEqual(rgb(c.secondaryContainer));
    pressed.value = true;
    await screen.flush();
    expect(fillOf(screen, 'chip')).toEqual(rgb(c.primary));
    disabled.value = true;
    await screen.flush();
    expect(fillOf(screen, 'chip')).toEqual(rgb(c.surfaceVariant));
    disabled.value = false;
    pressed.value = false;
    await screen.flush();
    expect(fillOf(screen, 'chip')).toEqual(rgb(c.secondaryContainer));
  });
});
