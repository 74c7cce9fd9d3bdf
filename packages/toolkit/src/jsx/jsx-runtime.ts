/**
 * The automatic JSX runtime (`jsxImportSource: "@planar/toolkit"`). Components are plain
 * functions; there are no intrinsic elements.
 */
import { createElement, type Child, type JSXElement } from './element.js';

type Props = Record<string, unknown>;

export function jsx(type: (props: never) => unknown, props: Props, key?: unknown): JSXElement {
  if (typeof type !== 'function') {
    throw new TypeError(`JSX element type ${String(type)} is not a component: Planar has no intrinsic elements, import View, Text, Image or Canvas`);
  }
  if (key !== undefined) props = { ...props, key };
  return createElement(type, props);
}

export const jsxs = jsx;
export const jsxDEV = jsx;

/** Groups children without a box. */
export function Fragment(props: { children?: Child }): Child {
  return props.children;
}

export declare namespace JSX {
  type Element = Child;
  interface ElementChildrenAttribute { children: object }
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface IntrinsicElements {}
  interface IntrinsicAttributes { key?: unknown }
}
