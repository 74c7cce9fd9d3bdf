export { ThemeProvider, useTheme, createTheme, type Theme, type ThemeProviderProps, type TypographyStyle } from './theme.js';
export { lightTheme, darkTheme } from './themes.js';
export { mergeTheme, type ThemeTokens, type ThemeOverride, type ColorRoles, type TypeScale, type TypeStyle, type TypeRole, type Spacing, type Radii, type Elevation, type Motion } from './tokens.js';
export { stateStyle, activeStates, STATE_ORDER, type InteractionState, type InteractionStates, type StateStyles, type StyleValues } from './state-style.js';
