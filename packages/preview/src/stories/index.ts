/**
 * Stories: a widget gallery that is also the snapshot suite. A `*.stories.tsx` file exports its
 * meta (default) and named stories; `describeStories` makes every story a snapshot test in each
 * theme and size, and `planar stories` shows them in the preview page with a sidebar.
 *
 * @example
 * // test/stories.test.tsx
 * import { describeStories } from '@planar/preview/stories';
 * import * as config from '../stories.config.js';
 * describeStories(import.meta.glob('../stories/**\/*.stories.tsx', { eager: true }), { config });
 */
export type { Story, StoryMeta, StoryParameters, StorySize, StoryContext, StoriesConfig, StoryEntry, StoryCase } from './types.js';
export { collectStories, casesOf, caseName, goldenName, configError, STORY_DEFAULTS, type StoryProblem, type CollectedStories } from './collect.js';
export { renderStory } from './render-story.js';
export { describeStories, type DescribeStoriesOptions } from './runner.js';
export { loadStories, findStoryFiles, type LoadedStories } from './loader.js';
export { startGallery, type Gallery, type GalleryOptions, type GallerySelection } from './gallery.js';
