/**
 * @planar/widgets — Planar's widget set, built on @planar/toolkit's public API: theme tokens in
 * context, state styles, and themed controls.
 *
 * @example
 * import { ThemeProvider, darkTheme, useTheme } from '@planar/widgets';
 * <ThemeProvider theme={darkTheme}><Settings /></ThemeProvider>
 */
export * from './theme/index.js';
