/**
 * Which node text geometry is asked of, and whether it can answer: a mounted <Text> (not a run
 * nested in another) that has been laid out at least once. Each refusal says what to do.
 */
import { TextContent } from '../render/text.js';
import type { PlanarNode } from '../tree/node.js';

/** `<Text testId="name">`, as an error names a node. */
function describeNode(node: PlanarNode): string {
  return `<${node.component}${node.testId ? ` testId="${node.testId}"` : ''}>`;
}

/** The paragraph content of `node`, once it is a mounted and laid-out <Text>; else a clear error. */
export function laidOutText(node: PlanarNode, what: string): TextContent {
  const name = describeNode(node);
  if (node.destroyed || !node.scene) throw new Error(`${what}: ${name} is not mounted — text geometry exists only while the <Text> is in the tree`);
  if (node.kind === 'span') {
    throw new Error(`${what}: ${name} is a run inside another <Text>, which lays out their text together — ask for the geometry of the outer <Text> (indices count from its start)`);
  }
  if (node.kind !== 'text' || !(node.content instanceof TextContent)) {
    throw new Error(`${what}: ${name} is not a <Text> — pass the handle of the <Text> whose text is edited`);
  }
  if (Number.isNaN(node.yoga!.getComputedWidth())) {
    throw new Error(`${what}: ${name} has not been laid out yet — its geometry is known after the frame that lays it out: query it from an event handler or after app.on('frame') (in a test, after await screen.flush())`);
  }
  return node.content;
}
