/**
 * What a stories file is made of. A `*.stories.tsx` file's default export is its `StoryMeta`;
 * every other named export is a `Story`: a component in one named state.
 *
 * @example
 * import type { StoryMeta, Story } from '@planar/preview/stories';
 * export default { title: 'Controls/Button', sizes: [{ width: 320, height: 120 }] } satisfies StoryMeta;
 * export const Primary: Story = () => <Button variant="filled" label="Save" />;
 * export const Narrow: Story = { render: () => <Button label="Save" />, sizes: [{ width: 120, height: 60 }] };
 */
import type { Child } from '@planar/toolkit';

/** A story's output size, logical px. */
export interface StorySize {
  width: number;
  height: number;
}

/** What a story may set for itself, overriding its file's meta. */
export interface StoryParameters {
  /** The sizes it is shown and snapshotted at (each one a golden per theme). */
  sizes?: StorySize[];
  /** The theme names it is shown in (default: 'light' and 'dark'). */
  themes?: string[];
  /** The locale it is shown in, e.g. 'en' or 'ar' (default 'en'). */
  locale?: string;
}

/** A stories file's default export. */
export interface StoryMeta extends StoryParameters {
  /** Where the stories sit in the gallery, '/' between groups: 'Controls/Button'. */
  title: string;
}

/** A component in one state: a function that renders it, or that function with parameters. */
export type Story = (() => Child) | (StoryParameters & { render: () => Child; name?: string });

/** What the story's decorator and the gallery's switches are given. */
export interface StoryContext {
  theme: string;
  locale: string;
}

/**
 * A package's `stories.config.tsx`: wraps every story, e.g. in a ThemeProvider for `theme`.
 * @example export function decorate(story: () => Child, { theme }: StoryContext) {
 *   return <ThemeProvider theme={theme === 'dark' ? darkTheme : lightTheme}>{story()}</ThemeProvider>;
 * }
 */
export interface StoriesConfig {
  decorate?: (story: () => Child, context: StoryContext) => Child;
}

/** One story as found in a file, its parameters resolved (story over meta over defaults). */
export interface StoryEntry {
  /** `<title> / <name>`: unique across a set of files. */
  id: string;
  title: string;
  /** The export's name, or the story's `name`. */
  name: string;
  /** The file it was found in, as given to the collector. */
  file: string;
  render: () => Child;
  sizes: StorySize[];
  themes: string[];
  locale: string;
}

/** One picture of a story: what the snapshot suite compares and the gallery shows. */
export interface StoryCase {
  story: StoryEntry;
  theme: string;
  size: StorySize;
}
