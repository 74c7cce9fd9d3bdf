/**
 * Lays one box tree out in Planar and in Chromium and compares every box. A mismatch comes with
 * a report for the failure message and, when one of the layout-dependent known differences
 * accounts for it, which one.
 */
import { vi } from 'vitest';
import { render } from '@planar/toolkit/testing';
import { layoutInBrowser, type Box } from './browser.js';
import { explainMismatch, type LayoutDependentDifference } from './known-differences.js';
import { HEIGHT, ROOT_ID, WIDTH, describeTree, entriesOf, toHtml, toPlanar, type BoxTree, type Entry } from './trees.js';

/** How far, in px, a box's x, y, width or height may be from Chromium's. */
export const TOLERANCE = 1;

/** Planar's box of each node of `tree`, by id, laid out headless in a window of WIDTH x HEIGHT. */
async function layoutInPlanar(tree: BoxTree): Promise<Map<string, Box>> {
  // A style value Planar rejects is reported on console.error and ignored; that must fail the
  // comparison rather than compare a different tree.
  const reported: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { reported.push(args.map(String).join(' ')); });
  try {
    const screen = await render(() => toPlanar(tree), { width: WIDTH, height: HEIGHT });
    try {
      return new Map(entriesOf(tree).map(({ node }) => [node.id, screen.find({ testId: node.id })]));
    } finally {
      await screen.dispose();
    }
  } finally {
    spy.mockRestore();
    if (reported.length) throw new Error(`Planar reported errors for this tree:\n${reported.join('\n')}\n${describeTree(tree)}`);
  }
}

const fmt = (b: Box) => `{x: ${+b.x.toFixed(2)}, y: ${+b.y.toFixed(2)}, w: ${+b.width.toFixed(2)}, h: ${+b.height.toFixed(2)}}`;

export interface Comparison {
  /** The boxes off by more than the tolerance, and the tree; null when all match. */
  report: string | null;
  /** Which known difference that depends on the layout itself explains the mismatch, if one does. */
  explainedBy: LayoutDependentDifference | null;
}

/**
 * Lays `tree` out in both engines and compares every box. Boxes that are not rendered
 * (display: none, or inside one) are compared on size only (both must be empty): their
 * position means nothing in either engine.
 */
export async function compareWithBrowser(tree: BoxTree): Promise<Comparison> {
  const entries = entriesOf(tree);
  const planar = await layoutInPlanar(tree);
  const browser = await layoutInBrowser(toHtml(tree), [ROOT_ID, ...entries.map(({ node }) => node.id)], ROOT_ID);
  const off: { entry: Entry; keys: (keyof Box)[] }[] = [];
  for (const entry of entries) {
    const p = planar.get(entry.node.id)!;
    const b = browser.get(entry.node.id)!;
    const keys = entry.hidden ? (['width', 'height'] as const) : (['x', 'y', 'width', 'height'] as const);
    const wrong = keys.filter((k) => !(Math.abs(p[k] - b[k]) <= TOLERANCE));
    if (wrong.length) off.push({ entry, keys: wrong });
  }
  if (!off.length) return { report: null, explainedBy: null };
  const lines = off.map(({ entry: { node }, keys }) =>
    `  ${node.id}: planar ${fmt(planar.get(node.id)!)} browser ${fmt(browser.get(node.id)!)} (off: ${keys.join(', ')})`);
  const report = `boxes differ by more than ${TOLERANCE}px from Chromium:\n${lines.join('\n')}\nstyle tree:\n${describeTree(tree)}`;
  return { report, explainedBy: explainMismatch(entries, off.map((o) => o.entry), planar, browser) };
}
