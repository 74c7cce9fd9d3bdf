/** `@planar/preview/build`: bundles an app for a fast start (`planar build`). */
export { bundleApp, BundleError, type BundleOptions, type BundleResult } from './bundle.js';
