/**
 * How the widget stories are shown, in the gallery (`npm run stories`) and in the snapshot suite
 * (test/stories.test.tsx): each story sits on the theme's surface, inside a ThemeProvider for the
 * story's theme ('light' or 'dark') and an I18nProvider for its locale, so a story in 'ar' is
 * laid out right to left.
 */
import { I18nProvider, View, createI18n, type Child } from '@planar/toolkit';
import type { StoryContext } from '@planar/preview/stories';
import { ThemeProvider, darkTheme, lightTheme, useTheme, type ThemeTokens } from './src/index.js';

const THEMES: Record<string, ThemeTokens> = { light: lightTheme, dark: darkTheme };

function Surface(props: { children: Child }) {
  const theme = useTheme();
  return (
    <View style={{ width: '100%', height: '100%', padding: 16, gap: 12, alignItems: 'flex-start', backgroundColor: () => theme.colors.surface }}>
      {props.children}
    </View>
  );
}

/** Wraps a widget story in its theme and locale, on the theme's surface. */
export function decorate(story: () => Child, context: StoryContext): Child {
  const theme = THEMES[context.theme];
  if (!theme) throw new Error(`widget stories: there is no theme "${context.theme}"; use ${Object.keys(THEMES).map((t) => `'${t}'`).join(' or ')}`);
  const i18n = createI18n({ locale: context.locale, fallback: context.locale, messages: { [context.locale]: {} } });
  return (
    <ThemeProvider theme={theme}>
      <I18nProvider i18n={i18n}>
        <Surface>{story()}</Surface>
      </I18nProvider>
    </ThemeProvider>
  );
}
