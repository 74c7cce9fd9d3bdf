/**
 * The app's stories: `npm run stories` shows them in the preview's gallery, each a state of the
 * screen to look at without clicking your way to it. The app brings its own theme (its switch
 * changes it), so each story is shown once, as it is, rather than once per gallery theme.
 */
import type { Story, StoryMeta } from '@planar/preview/stories';
import { App } from './App.js';

export default { title: 'App', sizes: [{ width: 800, height: 480 }], themes: ['light'] } satisfies StoryMeta;

export const Light: Story = () => <App />;
export const Dark: Story = () => <App dark />;
