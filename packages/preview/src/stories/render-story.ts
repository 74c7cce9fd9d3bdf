/**
 * Renders one story case headless, the way the snapshot suite sees it: the config's decorator
 * around the story, at the case's size, on the testing API's virtual clock. A story that throws
 * (or reports an error while it mounts) is turned into an error naming its file and story.
 */
import type { Child } from '@planar/toolkit';
import { render, type Screen } from '@planar/toolkit/testing';
import { decoratorOf } from './collect.js';
import type { StoriesConfig, StoryCase } from './types.js';

/** The story inside its decorator, for the case's theme and the story's locale. */
export function decorated(theme: string, story: StoryCase['story'], config: StoriesConfig | undefined): () => Child {
  const decorate = decoratorOf(config);
  return () => decorate(() => story.render(), { theme, locale: story.locale });
}

/**
 * Mounts the case at its size and waits for its first frame (fonts and images settled). The
 * caller disposes the screen.
 * @example const screen = await renderStory({ story, theme: 'dark', size: { width: 320, height: 120 } }, config);
 */
export async function renderStory(storyCase: StoryCase, config?: StoriesConfig): Promise<Screen> {
  const { story, theme, size } = storyCase;
  const errors: Error[] = [];
  const failure = (cause: unknown) => {
    const message = cause instanceof Error ? cause.message : String(cause);
    return new Error(`story "${story.id}" in ${story.file} failed to render in the ${theme} theme at ${size.width}x${size.height}: ${message}`, { cause });
  };
  let screen: Screen;
  try {
    screen = await render(decorated(theme, story, config), { width: size.width, height: size.height, onError: (e) => errors.push(e) });
  } catch (error) {
    throw failure(error);
  }
  if (errors.length > 0) {
    await screen.dispose();
    throw failure(errors[0]);
  }
  return screen;
}
