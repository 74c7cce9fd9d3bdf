// Types of scenes.mjs, for the host tests that render the same scenes headless.
import type { ExternalSource, JSXElement, NodeHandle, Signal } from '@planar/toolkit';

export declare const GREEN_PLACES: { x: number; y: number }[];
export declare function greenLabel(step: number): string;
export declare function threeLayers(green?: { x: number; y: number } | (() => { x: number; y: number }), label?: string | (() => string)): JSXElement;
export declare function manyLayers(): JSXElement;
export declare function counter(text: () => string): JSXElement;
export declare function slider(position: () => { x: number; y: number }): JSXElement;
export declare function tapAndType(state: { on: Signal<boolean>; typed: Signal<string>; keys: unknown[]; tile: NodeHandle | null }): JSXElement;
export declare function patternBgrx(width: number, height: number): Uint8Array;
export declare function withExternal(source: ExternalSource): JSXElement;
