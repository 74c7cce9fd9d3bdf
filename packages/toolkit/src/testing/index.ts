export { render, Screen, type RenderOptions, type Query, type Target, type Box } from './render.js';
export { compareSnapshot, isCi, type CompareOptions, type SnapshotOptions, type SnapshotResult } from './snapshot.js';
export { yogaNodeCount } from '../tree/node.js';
export { wasmHeapBytes } from '../render/canvaskit.js';
export { liveObjects, checkLeaks, collectGarbage, leastSquaresSlope, type LiveObjects, type LeakCheckOptions, type LeakReport } from './leaks.js';
export type { RoleQueryOptions, TextQueryOptions, TextMatch } from './queries.js';
