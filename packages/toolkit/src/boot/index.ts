/** `@planar/toolkit/boot`: runs an app bundled by `planar build`, with V8's code cache. */
export { runBundle, type BootRecord, type CacheOutcome, type RunOptions } from './run-bundle.js';
export { cacheDirectory } from './code-cache.js';
