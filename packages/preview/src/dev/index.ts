/**
 * `planar dev`: hot swapping on the desktop preview, and running on a device over ssh.
 * @example import { startDev } from '@planar/preview/dev'; const dev = await startDev({ entry: 'src/main.tsx' });
 */
export { startDev, type DevOptions, type DevRun } from './desktop.js';
export { runDevice, type DeviceOptions, type DeviceRun } from './device.js';
export { HotLoader, type HotLoaderOptions, type UpdateResult } from './loader.js';
export { findProject, type Project } from './project.js';
export { transformModule, wrapComponents, TransformError, type TransformOptions, type TransformResult } from './transform.js';
export { explainSshFailure, sshArgs, type SshTarget } from './ssh.js';
export { parseDevArgs, main, DEV_HELP, UsageError, type DevArgs } from './cli.js';
export { hotComponent, isHotProxy, commitModule, abandonModule, resetHotRegistry, type CommitOptions } from '../hot/registry.js';
