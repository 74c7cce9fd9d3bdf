/**
 * What every widget test needs: a screen rendered inside a ThemeProvider at a given size and
 * disposed after the test, the frames it paints, colours as pixels, and the states sheet each
 * widget draws in both built-in themes and compares with its golden `<name>-states-<theme>`.
 */
import { afterEach, expect, it } from 'vitest';
import { setReducedMotion, type Child, type FrameStats } from '@planar/toolkit';
import { render, type RenderOptions, type Screen } from '@planar/toolkit/testing';
import { ThemeProvider, darkTheme, lightTheme, type ThemeTokens } from '../src/index.js';

let screens: Screen[] = [];
afterEach(async () => {
  setReducedMotion(false);
  for (const s of screens) await s.dispose();
  screens = [];
});

/** Renders `ui` as it is (it brings its own theme, or needs none); the screen is disposed after the test. */
export async function renderPlain(ui: () => Child, options: RenderOptions = {}): Promise<Screen> {
  const screen = await render(ui, options);
  screens.push(screen);
  return screen;
}

export interface ThemedOptions extends RenderOptions {
  /** The theme around `ui`; light unless told. */
  theme?: ThemeTokens;
}

/** Renders `ui` inside a ThemeProvider; the screen is disposed after the test. */
export function renderThemed(ui: () => Child, options: ThemedOptions = {}): Promise<Screen> {
  const { theme = lightTheme, ...rest } = options;
  return renderPlain(() => <ThemeProvider theme={theme}>{ui()}</ThemeProvider>, rest);
}

/** Every frame the screen paints from now on. */
export function recordFrames(screen: Screen): FrameStats[] {
  const frames: FrameStats[] = [];
  screen.app.on('frame', (s) => frames.push(s));
  return frames;
}

/** A `#rrggbb` colour as the opaque pixel the screen reads back. */
export function rgb(hex: string): [number, number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}

export interface StatesSheet {
  /** The test's title in a theme; "draws every state in the <theme> theme" unless told. */
  title?: (themeName: string) => string;
  /** The sheet, rendered inside the theme at `width` × `height`. */
  sheet?: () => Child;
  width?: number;
  height?: number;
  /** Instead of `sheet`: mounts the whole scene in the theme (for scenes that bring their own host). */
  mount?: (theme: ThemeTokens) => Promise<Screen>;
  /** What a person does before the picture is taken (press, focus, wait). */
  act?: (screen: Screen, theme: ThemeTokens) => Promise<void>;
}

/** One test per built-in theme: mount the states sheet, act on it, compare with `<name>-states-<theme>`. */
export function statesSheet(name: string, spec: StatesSheet): void {
  for (const theme of [lightTheme, darkTheme] as ThemeTokens[]) {
    const title = spec.title?.(theme.name) ?? `draws every state in the ${theme.name} theme`;
    it(title, async () => {
      const screen = spec.mount
        ? await spec.mount(theme)
        : await renderThemed(spec.sheet ?? missingSheet(name), { theme, width: spec.width, height: spec.height });
      await spec.act?.(screen, theme);
      await expect(screen).toMatchImageSnapshot(`${name}-states-${theme.name}`);
    });
  }
}

function missingSheet(name: string): never {
  throw new Error(`statesSheet('${name}'): give it a sheet (with width and height) or a mount function`);
}
