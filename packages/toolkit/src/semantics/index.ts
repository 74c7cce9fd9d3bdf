export { SemanticsNode, setSemantics, contentText } from './node.js';
export { SemanticsTree, walk, print, snapshot, diff } from './tree.js';
export { performAction } from './actions.js';
export * from './types.js';
