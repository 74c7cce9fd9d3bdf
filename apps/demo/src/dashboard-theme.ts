/**
 * The widgets' theme on the dashboard: the dark theme with the roles the dashboard's widgets
 * use (the thermostat's dial and buttons, the header's settings button, Dismiss) set to the
 * panel's own colours, so that those widgets look like the rest of the dashboard. The
 * dashboard keeps this look whichever theme the settings pick; the settings screen follows.
 */
import { darkTheme, mergeTheme, type ThemeTokens } from '@planar/widgets';
import { colors } from './theme.js';

export const dashboardTheme: ThemeTokens = mergeTheme(darkTheme, {
  name: 'dashboard',
  colors: {
    // Dial: track, ticks, the measured temperature's dot, the knob and its shadow.
    surfaceContainerHighest: colors.track,
    onSurfaceVariant: colors.text,
    outlineVariant: colors.textFaint,
    onSurface: colors.text,
    shadow: '#000000',
    // Buttons: the focus ring, and filled / tonal faces.
    primary: colors.cool,
    onPrimary: colors.background,
    secondaryContainer: colors.button,
    onSecondaryContainer: colors.text,
    outline: colors.buttonBorder,
  },
});

/** The dial's major ticks are dimmer than the text on the buttons. */
export const dialTheme = { colors: { onSurfaceVariant: colors.textDim } };
