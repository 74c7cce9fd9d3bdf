/**
 * The box trees the layout comparison works on: a tree of boxes with Planar layout styles,
 * written by hand (`box`, `leaf`) or generated, numbered by `withIds`, and the two forms it is
 * laid out in, Planar elements and an HTML page of divs. Both engines lay it out in a window of
 * WIDTH x HEIGHT px.
 */
import { View, type JSXElement } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { BASE_CSS, styleToCss, type LayoutStyle } from './style-to-css.js';

export const WIDTH = 400;
export const HEIGHT = 300;
/** The id of the HTML element that stands for Planar's scene root. */
export const ROOT_ID = 'root';

export interface BoxTree { id: string; style: LayoutStyle; children: BoxTree[] }
export interface Draft { style: LayoutStyle; children: Draft[] }

/** A box with children, for writing trees by hand; ids are given by `withIds`. */
export const box = (style: LayoutStyle, ...children: Draft[]): Draft => ({ style, children });
export const leaf = (width: LayoutStyle['width'], height: LayoutStyle['height'], extra: LayoutStyle = {}) => box({ width, height, ...extra });

/** Numbers the boxes n0, n1, ... in document order. */
export function withIds(root: Draft): BoxTree {
  let next = 0;
  const visit = (d: Draft): BoxTree => ({ id: `n${next++}`, style: d.style, children: d.children.map(visit) });
  return visit(root);
}

export interface Entry { node: BoxTree; parent: BoxTree | null; hidden: boolean }

/** Every box in document order, with its parent and whether it is rendered. */
export function entriesOf(tree: BoxTree): Entry[] {
  const out: Entry[] = [];
  const visit = (node: BoxTree, parent: BoxTree | null, hiddenAbove: boolean) => {
    const hidden = hiddenAbove || node.style.display === 'none';
    out.push({ node, parent, hidden });
    for (const child of node.children) visit(child, node, hidden);
  };
  visit(tree, null, false);
  return out;
}

/** The tree, one box a line, for failure messages. */
export function describeTree(tree: BoxTree, depth = 0): string {
  const line = `${'  '.repeat(depth)}${tree.id} ${JSON.stringify(tree.style)}`;
  return [line, ...tree.children.map((c) => describeTree(c, depth + 1))].join('\n');
}

/** The tree as Planar elements; each View carries its box id as testId. */
export function toPlanar(tree: BoxTree): JSXElement {
  return jsx(View, { testId: tree.id, style: tree.style, children: tree.children.map(toPlanar) });
}

/** The tree as an HTML page of divs, with Yoga's defaults as the base rule. */
export function toHtml(tree: BoxTree): string {
  const div = (t: BoxTree): string => `<div id="${t.id}" style="${styleToCss(t.style)}">${t.children.map(div).join('')}</div>`;
  // #root stands for Planar's scene root: a Yoga node of the window's size with default styles.
  return '<!doctype html><html><head><style>' +
    `html,body{margin:0;padding:0}div{${BASE_CSS}}` +
    `</style></head><body><div id="${ROOT_ID}" style="width:${WIDTH}px;height:${HEIGHT}px">${div(tree)}</div></body></html>`;
}
