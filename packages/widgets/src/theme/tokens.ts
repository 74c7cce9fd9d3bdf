/**
 * The shape of a theme: colour roles, a type scale, spacing, radii, elevation and motion.
 *
 * Colours are named by role, not by hue (Material 3's scheme): a widget paints its container
 * with `primary` and its label with `onPrimary`, and any theme whose pairs contrast works.
 * `*Container` roles are the quieter fills (a tonal button, a selected chip); `surface*` roles
 * are the layers a panel is built from, `surfaceContainerLowest` (furthest back) to
 * `surfaceContainerHighest` (closest, e.g. a text field's fill).
 */
import type { Easing, Shadow } from '@planar/toolkit';

export interface ColorRoles {
  primary: string; onPrimary: string; primaryContainer: string; onPrimaryContainer: string;
  secondary: string; onSecondary: string; secondaryContainer: string; onSecondaryContainer: string;
  tertiary: string; onTertiary: string; tertiaryContainer: string; onTertiaryContainer: string;
  error: string; onError: string; errorContainer: string; onErrorContainer: string;
  /** Success, for "saved" and "online" (not in Material's scheme, but every panel needs it). */
  success: string; onSuccess: string;
  /** Caution, for "battery low" and pending states. */
  warning: string; onWarning: string;
  background: string; onBackground: string;
  surface: string; onSurface: string; surfaceVariant: string; onSurfaceVariant: string;
  surfaceContainerLowest: string; surfaceContainerLow: string; surfaceContainer: string;
  surfaceContainerHigh: string; surfaceContainerHighest: string;
  outline: string; outlineVariant: string;
  inverseSurface: string; inverseOnSurface: string; inversePrimary: string;
  /** Behind a modal dialog (drawn with opacity). */
  scrim: string;
  shadow: string;
}

/** One step of the type scale. */
export interface TypeStyle {
  fontSize: number;
  /** A multiple of the font size, as the toolkit's `lineHeight` is. */
  lineHeight: number;
  fontWeight: number;
  letterSpacing: number;
}

export type TypeRole =
  | 'displayLarge' | 'displayMedium' | 'displaySmall'
  | 'headlineLarge' | 'headlineMedium' | 'headlineSmall'
  | 'titleLarge' | 'titleMedium' | 'titleSmall'
  | 'bodyLarge' | 'bodyMedium' | 'bodySmall'
  | 'labelLarge' | 'labelMedium' | 'labelSmall';

export interface TypeScale extends Record<TypeRole, TypeStyle> {
  /** The family list every role uses. */
  fontFamily: string[];
}

/** Gaps and paddings in logical px, on a 4 px grid. */
export interface Spacing { none: number; xxs: number; xs: number; sm: number; md: number; lg: number; xl: number; xxl: number; xxxl: number }

/** Corner radii in logical px; `full` makes pills and circles. */
export interface Radii { none: number; xs: number; sm: number; md: number; lg: number; xl: number; full: number }

/** Shadows for surfaces raised above the page, level 0 (flat) to 5 (a dialog). */
export interface Elevation { level0: Shadow; level1: Shadow; level2: Shadow; level3: Shadow; level4: Shadow; level5: Shadow }

/** Durations in ms and easing curves for transitions. */
export interface Motion {
  duration: { short1: number; short2: number; short3: number; short4: number; medium1: number; medium2: number; long1: number; long2: number };
  easing: { standard: Easing; emphasized: Easing; decelerate: Easing; accelerate: Easing; linear: Easing };
}

/** A complete theme: what `ThemeProvider` takes and `useTheme()` reads. */
export interface ThemeTokens {
  name: string;
  dark: boolean;
  colors: ColorRoles;
  type: TypeScale;
  spacing: Spacing;
  radii: Radii;
  elevation: Elevation;
  motion: Motion;
}

/** A partial theme for a subtree: any group, any token. */
export type ThemeOverride = { [G in Exclude<keyof ThemeTokens, 'name' | 'dark'>]?: Partial<ThemeTokens[G]> } & { name?: string; dark?: boolean };

/** The groups of tokens, in the order they are listed. */
export const TOKEN_GROUPS = ['colors', 'type', 'spacing', 'radii', 'elevation', 'motion'] as const;

/** Applies `override` over `base`, group by group (a group's tokens are replaced whole). */
export function mergeTheme(base: ThemeTokens, override: ThemeOverride | undefined): ThemeTokens {
  if (!override) return base;
  const out = { ...base, name: override.name ?? base.name, dark: override.dark ?? base.dark } as ThemeTokens;
  for (const group of TOKEN_GROUPS) {
    const part = override[group];
    if (part) (out as unknown as Record<string, unknown>)[group] = { ...base[group], ...part };
  }
  return out;
}
