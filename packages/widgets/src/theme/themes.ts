/**
 * The two built-in themes, light and dark, drawn from one set of tonal palettes.
 *
 * Each palette is one hue at a fixed chroma, stepped in tone: tone N is the colour whose CIELAB
 * lightness L* is N (0 black, 100 white), with chroma lowered where sRGB cannot reach it. The
 * palettes are a deep lake blue (primary, hue 250° in CIELAB), a slate of the same hue at a third
 * of the chroma (secondary), a warm amber for heat and highlights (tertiary, 62°), a brick red
 * (error), a leaf green and an ochre (success, warning), and two near-greys with a breath of the
 * primary's hue (neutral, neutral variant) so that surfaces sit with the accent colours.
 *
 * Roles pick tones the same way in both themes, which keeps contrast by construction: a fill and
 * the text on it are 60 or more tones apart (e.g. light `primary` P40 with `onPrimary` P100,
 * dark `primary` P80 with `onPrimary` P20), containers are tone 90 (light) or 30 (dark) with
 * text at 10 or 90. Dark surfaces step up in tone as they come forward (6, 10, 12, 17, 22)
 * instead of getting lighter shadows, which read poorly on a dark panel.
 */
import { easings, type Easing } from '@planar/toolkit';
import type { Elevation, Motion, Radii, Spacing, ThemeTokens, TypeScale } from './tokens.js';

/** Tones 0..100 of each palette (only the tones the roles use). */
const palette = {
  primary: { 10: '#011e2c', 20: '#01344a', 30: '#014c6a', 40: '#06658b', 80: '#83cfff', 90: '#c7e7ff' },
  secondary: { 10: '#011e2c', 20: '#113446', 30: '#2b4a5e', 40: '#436276', 80: '#abcbe2', 90: '#c7e7ff' },
  tertiary: { 10: '#2b1700', 20: '#4d2601', 30: '#6c3a0d', 40: '#885124', 80: '#fcb885', 90: '#ffdcc4' },
  error: { 10: '#3e0500', 20: '#68010f', 30: '#91071b', 40: '#af2d31', 80: '#ffb4ab', 90: '#ffdad6' },
  success: { 20: '#003919', 40: '#126d38', 80: '#85d89c' },
  warning: { 20: '#3e2e00', 40: '#775a00', 80: '#efc053' },
  neutral: {
    4: '#070f14', 6: '#0e1418', 10: '#171c20', 12: '#1b2025', 17: '#252b2f', 20: '#2b3136', 22: '#2f363a',
    87: '#d4dbe1', 90: '#dce3e9', 92: '#e2e9ef', 94: '#e7eff5', 95: '#eaf2f8', 96: '#edf5fb', 98: '#f4faff',
  },
  neutralVariant: { 30: '#3b4852', 50: '#6b7983', 60: '#84939e', 80: '#bac8d4', 90: '#d5e5f0' },
} as const;

const WHITE = '#ffffff', BLACK = '#000000';

/** Cubic Bézier easing through (0,0), (x1,y1), (x2,y2), (1,1), solved for x by Newton steps. */
function bezier(x1: number, y1: number, x2: number, y2: number): Easing {
  const at = (a: number, b: number, t: number) => 3 * a * t * (1 - t) ** 2 + 3 * b * t * t * (1 - t) + t ** 3;
  const slope = (a: number, b: number, t: number) => 3 * a * (1 - t) ** 2 + 6 * (b - a) * t * (1 - t) + 3 * (1 - b) * t * t;
  return (x) => {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    let t = x;
    for (let i = 0; i < 8; i++) {
      const d = slope(x1, x2, t);
      if (Math.abs(d) < 1e-6) break;
      t = Math.min(1, Math.max(0, t - (at(x1, x2, t) - x) / d));
    }
    return at(y1, y2, t);
  };
}

const family = ['DejaVu Sans'];
const typeScale: TypeScale = {
  fontFamily: family,
  displayLarge: { fontSize: 57, lineHeight: 1.12, fontWeight: 400, letterSpacing: -0.25 },
  displayMedium: { fontSize: 45, lineHeight: 1.16, fontWeight: 400, letterSpacing: 0 },
  displaySmall: { fontSize: 36, lineHeight: 1.22, fontWeight: 400, letterSpacing: 0 },
  headlineLarge: { fontSize: 32, lineHeight: 1.25, fontWeight: 400, letterSpacing: 0 },
  headlineMedium: { fontSize: 28, lineHeight: 1.29, fontWeight: 400, letterSpacing: 0 },
  headlineSmall: { fontSize: 24, lineHeight: 1.33, fontWeight: 400, letterSpacing: 0 },
  titleLarge: { fontSize: 22, lineHeight: 1.27, fontWeight: 400, letterSpacing: 0 },
  titleMedium: { fontSize: 16, lineHeight: 1.5, fontWeight: 700, letterSpacing: 0.15 },
  titleSmall: { fontSize: 14, lineHeight: 1.43, fontWeight: 700, letterSpacing: 0.1 },
  bodyLarge: { fontSize: 16, lineHeight: 1.5, fontWeight: 400, letterSpacing: 0.5 },
  bodyMedium: { fontSize: 14, lineHeight: 1.43, fontWeight: 400, letterSpacing: 0.25 },
  bodySmall: { fontSize: 12, lineHeight: 1.33, fontWeight: 400, letterSpacing: 0.4 },
  labelLarge: { fontSize: 14, lineHeight: 1.43, fontWeight: 700, letterSpacing: 0.1 },
  labelMedium: { fontSize: 12, lineHeight: 1.33, fontWeight: 700, letterSpacing: 0.5 },
  labelSmall: { fontSize: 11, lineHeight: 1.45, fontWeight: 700, letterSpacing: 0.5 },
};

const spacing: Spacing = { none: 0, xxs: 2, xs: 4, sm: 8, md: 12, lg: 16, xl: 24, xxl: 32, xxxl: 48 };
const radii: Radii = { none: 0, xs: 4, sm: 8, md: 12, lg: 16, xl: 28, full: 9999 };

/** Two shadows per level in Material would cost two blurs; one softer shadow reads as well on a panel. */
function elevation(color: string): Elevation {
  return {
    level0: { color, blur: 0, offsetY: 0 },
    level1: { color, blur: 3, offsetY: 1 },
    level2: { color, blur: 6, offsetY: 2 },
    level3: { color, blur: 10, offsetY: 4 },
    level4: { color, blur: 14, offsetY: 6 },
    level5: { color, blur: 20, offsetY: 8 },
  };
}

const motion: Motion = {
  duration: { short1: 50, short2: 100, short3: 150, short4: 200, medium1: 250, medium2: 300, long1: 450, long2: 500 },
  easing: {
    standard: bezier(0.2, 0, 0, 1),
    emphasized: bezier(0.3, 0, 0, 1),
    decelerate: bezier(0, 0, 0, 1),
    accelerate: bezier(0.3, 0, 1, 1),
    linear: easings.linear,
  },
};

const p = palette, n = palette.neutral, nv = palette.neutralVariant;

/**
 * The light theme: lake-blue accents on cool near-white surfaces.
 * @example <ThemeProvider theme={lightTheme}><App /></ThemeProvider>
 */
export const lightTheme: ThemeTokens = {
  name: 'light',
  dark: false,
  colors: {
    primary: p.primary[40], onPrimary: WHITE, primaryContainer: p.primary[90], onPrimaryContainer: p.primary[10],
    secondary: p.secondary[40], onSecondary: WHITE, secondaryContainer: p.secondary[90], onSecondaryContainer: p.secondary[10],
    tertiary: p.tertiary[40], onTertiary: WHITE, tertiaryContainer: p.tertiary[90], onTertiaryContainer: p.tertiary[10],
    error: p.error[40], onError: WHITE, errorContainer: p.error[90], onErrorContainer: p.error[10],
    success: p.success[40], onSuccess: WHITE, warning: p.warning[40], onWarning: WHITE,
    background: n[98], onBackground: n[10],
    surface: n[98], onSurface: n[10], surfaceVariant: nv[90], onSurfaceVariant: nv[30],
    surfaceContainerLowest: WHITE, surfaceContainerLow: n[96], surfaceContainer: n[94],
    surfaceContainerHigh: n[92], surfaceContainerHighest: n[90],
    outline: nv[50], outlineVariant: nv[80],
    inverseSurface: n[20], inverseOnSurface: n[95], inversePrimary: p.primary[80],
    scrim: BLACK, shadow: BLACK,
  },
  type: typeScale,
  spacing,
  radii,
  elevation: elevation('rgba(0, 20, 40, 0.22)'),
  motion,
};

/**
 * The dark theme: pale-blue accents on deep blue-grey surfaces, easy on a panel at night.
 * @example <ThemeProvider theme={() => (night.value ? darkTheme : lightTheme)}><App /></ThemeProvider>
 */
export const darkTheme: ThemeTokens = {
  name: 'dark',
  dark: true,
  colors: {
    primary: p.primary[80], onPrimary: p.primary[20], primaryContainer: p.primary[30], onPrimaryContainer: p.primary[90],
    secondary: p.secondary[80], onSecondary: p.secondary[20], secondaryContainer: p.secondary[30], onSecondaryContainer: p.secondary[90],
    tertiary: p.tertiary[80], onTertiary: p.tertiary[20], tertiaryContainer: p.tertiary[30], onTertiaryContainer: p.tertiary[90],
    error: p.error[80], onError: p.error[20], errorContainer: p.error[30], onErrorContainer: p.error[90],
    success: p.success[80], onSuccess: p.success[20], warning: p.warning[80], onWarning: p.warning[20],
    background: n[6], onBackground: n[90],
    surface: n[6], onSurface: n[90], surfaceVariant: nv[30], onSurfaceVariant: nv[80],
    surfaceContainerLowest: n[4], surfaceContainerLow: n[10], surfaceContainer: n[12],
    surfaceContainerHigh: n[17], surfaceContainerHighest: n[22],
    outline: nv[60], outlineVariant: nv[30],
    inverseSurface: n[90], inverseOnSurface: n[20], inversePrimary: p.primary[40],
    scrim: BLACK, shadow: BLACK,
  },
  type: typeScale,
  spacing,
  radii,
  elevation: elevation('rgba(0, 0, 0, 0.5)'),
  motion,
};
