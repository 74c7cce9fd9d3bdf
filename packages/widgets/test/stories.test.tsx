/// <reference types="vite/client" />
/**
 * Every widget story (stories/*.stories.tsx) drawn in both themes at each size it declares and
 * compared with its golden in __image_snapshots__/stories. The same stories are the gallery of
 * `npm run stories`.
 */
import { describeStories } from '@planar/preview/stories';
import * as config from '../stories.config.js';

describeStories(import.meta.glob('../stories/**/*.stories.tsx', { eager: true }), {
  config,
  goldens: new URL('./__image_snapshots__/stories/', import.meta.url),
});
