/**
 * The theme in context, as signals.
 *
 * A `ThemeProvider` holds the current token set as one computed signal (its `theme` prop, or
 * the theme above it, with its `override` applied). `useTheme()` returns a `Theme` view of that
 * signal whose every token is read through a getter backed by a computed signal of its own:
 * `theme.colors.primary` read in a style getter subscribes to that one token, and a computed
 * signal only notifies when its value changes. Switching dark ↔ light therefore re-runs only
 * the styles whose tokens differ, the style binder applies only the keys whose values differ,
 * and only those nodes repaint; nothing remounts.
 */
import { computed, createContext, read, useContext, type Child, type Reactive, type ReadonlySignal } from '@planar/toolkit';
import { TOKEN_GROUPS, mergeTheme, type ThemeOverride, type ThemeTokens, type TypeRole } from './tokens.js';
import { lightTheme } from './themes.js';

type Groups = Omit<ThemeTokens, 'name' | 'dark'>;

/** The current theme: read tokens inside getters (`() => theme.colors.primary`) so they follow theme switches. */
export type Theme = { readonly [G in keyof Groups]: Readonly<Groups[G]> } & {
  readonly name: string;
  readonly dark: boolean;
  /** The whole token set as one signal (changes on any switch). */
  readonly tokens: ReadonlySignal<ThemeTokens>;
  /**
   * The text styles of a type role as getters (font family, size, weight, line height, letter
   * spacing), to spread into a `<Text>`'s style.
   * @example <Text style={{ ...theme.typography('titleMedium'), color: () => theme.colors.onSurface }}>Wi-Fi</Text>
   */
  typography(role: TypeRole): TypographyStyle;
};

export interface TypographyStyle {
  fontFamily: () => string[];
  fontSize: () => number;
  fontWeight: () => number;
  lineHeight: () => number;
  letterSpacing: () => number;
}

/** Builds the `Theme` view of a token-set signal. */
export function createTheme(tokens: ReadonlySignal<ThemeTokens>): Theme {
  const initial = tokens.peek();
  const view: Record<string, unknown> = {};
  for (const group of TOKEN_GROUPS) {
    const leaves: Record<string, unknown> = {};
    for (const key of Object.keys(initial[group])) {
      const token = computed(() => (tokens.value[group] as unknown as Record<string, unknown>)[key]);
      Object.defineProperty(leaves, key, { get: () => token.value, enumerable: true });
    }
    view[group] = Object.freeze(leaves);
  }
  const name = computed(() => tokens.value.name);
  const dark = computed(() => tokens.value.dark);
  const theme = view as unknown as Theme;
  Object.defineProperties(view, {
    name: { get: () => name.value, enumerable: true },
    dark: { get: () => dark.value, enumerable: true },
    tokens: { value: tokens },
    typography: {
      value: (role: TypeRole): TypographyStyle => ({
        fontFamily: () => theme.type.fontFamily,
        fontSize: () => theme.type[role].fontSize,
        fontWeight: () => theme.type[role].fontWeight,
        lineHeight: () => theme.type[role].lineHeight,
        letterSpacing: () => theme.type[role].letterSpacing,
      }),
    },
  });
  return theme;
}

const defaultTheme = createTheme(computed(() => lightTheme));
const ThemeContext = createContext<Theme>(defaultTheme, 'Theme');

export interface ThemeProviderProps {
  /** A complete theme (a value, signal or getter); without it, the theme above (or `lightTheme`). */
  theme?: Reactive<ThemeTokens>;
  /** Tokens to change for this subtree only, over `theme` or the theme above. */
  override?: Reactive<ThemeOverride | undefined>;
  children?: Child;
}

/**
 * Provides a theme to everything below it: a whole theme, a partial override for a subtree,
 * or both. Either may be a signal or getter, so a switch at run time repaints what changed.
 * @example
 * const night = signal(false);
 * <ThemeProvider theme={() => (night.value ? darkTheme : lightTheme)}>
 *   <Settings />
 *   <ThemeProvider override={{ colors: { primary: '#b3261e' } }}><DangerZone /></ThemeProvider>
 * </ThemeProvider>
 */
export function ThemeProvider(props: ThemeProviderProps): Child {
  const parent = useContext(ThemeContext);
  const tokens = computed(() => {
    const base = props.theme !== undefined ? read(props.theme) : parent.tokens.value;
    return mergeTheme(base, props.override !== undefined ? read(props.override) : undefined);
  });
  return ThemeContext.Provider({ value: createTheme(tokens), children: props.children });
}

/**
 * The theme of the nearest `ThemeProvider` above (the light theme when there is none).
 * Read tokens inside getters so that they follow a theme switch.
 * @example
 * function Chip(props: { label: string }) {
 *   const theme = useTheme();
 *   return <View style={{ backgroundColor: () => theme.colors.secondaryContainer, borderRadius: () => theme.radii.sm }}>…</View>;
 * }
 */
export function useTheme(): Theme {
  return useContext(ThemeContext);
}
