export { inspect } from './inspector.js';
export type * from './types.js';
