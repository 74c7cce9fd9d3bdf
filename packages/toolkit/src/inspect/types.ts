/**
 * What the inspector tells about a running app, as plain JSON: every result here can be sent
 * over a socket as it is. Node ids are stable for a node's lifetime and never reused.
 *
 * Types only: the backend contract names `AppInspector`, and a backend must not load Yoga or
 * CanvasKit by importing it.
 */
import type { FrameStats } from '../compositor/stats.js';

/** A rectangle in output px (physical pixels of the display, as the screen shows them). */
export interface OutputRect { x: number; y: number; width: number; height: number }

/** Top, right, bottom, left, logical px. */
export type BoxEdges = [number, number, number, number];

/** The app as a whole: its backend, its logical size and its output. */
export interface InspectedApp {
  backend: string;
  width: number;
  height: number;
  scale: number;
  rotation: number;
  /** The output, physical px. */
  output: { width: number; height: number };
  damageFlash: boolean;
}

/** One node of the node tree. */
export interface InspectedNode {
  id: number;
  /** root, view, text, span, textpiece, image, canvas, slot, layer. */
  kind: string;
  /** The primitive as written: View, Text, Layer, … (slots: Show's, For's or a getter's region). */
  component: string;
  testId: string | null;
  /** The nearest named component that created it ("Tile"), or null at the root. */
  owner: string | null;
  /** The text of a text piece, cut to 80 characters. */
  text?: string;
  hidden: boolean;
  /** Its border box on the output; null for nodes without a box (slots, spans, text pieces). */
  box: OutputRect | null;
  children: InspectedNode[];
}

/** One component of the component tree: a named owner and the nodes it wrote itself. */
export interface InspectedComponent {
  id: number;
  name: string;
  /** Ids of the nodes whose owner is this component (or an effect inside it). */
  nodes: number[];
  children: InspectedComponent[];
}

/** A prop that follows signals: how it is given, and its value now. */
export interface ReactiveValue {
  /** 'children', 'testId', 'style', 'style.backgroundColor', 'semantics.label', … */
  prop: string;
  /** A signal given as it is, or a getter (a function reading signals). */
  via: 'signal' | 'getter';
  value: unknown;
}

/** The CSS-like box model of a node, each box on the output. */
export interface BoxModel {
  margin: OutputRect;
  border: OutputRect;
  padding: OutputRect;
  content: OutputRect;
  /** The edges as the style resolved them, logical px: top, right, bottom, left. */
  edges: { margin: BoxEdges; border: BoxEdges; padding: BoxEdges };
  /** The border box relative to the nearest box above it, logical px (Yoga's layout). */
  layout: { x: number; y: number; width: number; height: number };
}

/** Everything about one node. */
export interface InspectedNodeDetail {
  id: number;
  kind: string;
  component: string;
  testId: string | null;
  /** Component names from the root down to its owner: "App › Panel › Tile". */
  ownerPath: string;
  /** Props as written, their current values (reactive ones read now); `children` and handlers left out. */
  props: Record<string, unknown>;
  /** Event handlers it has: onPress, onKeyDown, … */
  handlers: string[];
  /** The style as it resolves now, key by key. */
  style: Record<string, unknown>;
  /** The props and style keys that follow signals, with their values now. */
  reactive: ReactiveValue[];
  /** Null for nodes without a box. */
  box: BoxModel | null;
  /** Paint state as the renderer sees it. */
  paint: { opacity: number; clip: boolean; hidden: boolean; disabled: boolean; focusable: boolean; editable: boolean; focused: boolean };
  /** The layer the node paints into: "root" or a layer's name. */
  layer: string;
  /** Its semantics record when it is in the semantics tree. */
  semantics: InspectedSemantics | null;
}

/** A node of the semantics tree, linked to the node it describes. */
export interface InspectedSemantics {
  /** The semantics node's own id (what a screen-reader bridge sees). */
  id: number;
  /** The id of the node it describes, as in `nodeTree()`. */
  nodeId: number;
  role: string;
  name: string;
  description: string;
  value: unknown;
  states: Record<string, unknown>;
  actions: string[];
  /** Output px. */
  bounds: OutputRect;
  children: InspectedSemantics[];
}

/** A buffer of a layer's pool: whether the display holds it, and how many frames' damage it misses. */
export interface InspectedBuffer {
  busy: boolean;
  /** Rects of damage it has missed, or 'all' when it must be copied whole (new, or too far behind). */
  missed: number | 'all';
}

/** One layer as the compositor showed it in the last frame. */
export interface InspectedLayer {
  /** The compositor's id (0: the root layer). */
  id: number;
  /** "root", a testId in quotes, or "layer <id>". */
  name: string;
  /** The layer's node, as in `nodeTree()`. */
  nodeId: number;
  /** The plane it is on, or null when it is composited (or not shown). */
  plane: number | null;
  /** Why it has no plane, in the allocator's words; null when it has one or is not shown. */
  reason: string | null;
  visible: boolean;
  /** Where it shows, output px. */
  rect: OutputRect;
  opacity: number;
  format: string | null;
  /** How many of the last 16 frames changed its content. */
  updates: number;
  /** The plane preference it was given: auto, prefer, never. */
  preference: string;
  buffers: InspectedBuffer[];
}

export interface InspectedLayers {
  layers: InspectedLayer[];
  /** The plane of the composition layer (the root and the composited layers, blended), or null when unused. */
  compositionPlane: number | null;
  /** The last frame's refusals, as FrameStats has them. */
  refused: string[];
  /** The display's planes: id, type, formats. */
  planes: { id: number; type: string; formats: string[] }[];
}

/**
 * A running app, seen from outside: its trees, a node's box and reactive props, its layers and
 * frames. Get one with `inspect(app)`; every result is plain JSON.
 * @example
 * const inspector = inspect(app);
 * const id = inspector.pick(120, 40);
 * if (id !== null) console.log(inspector.node(id).box);
 */
export interface AppInspector {
  info(): InspectedApp;
  nodeTree(): InspectedNode;
  componentTree(): InspectedComponent[];
  /** Throws (with what to do) when no node has this id: it was removed, or never existed. */
  node(id: number): InspectedNodeDetail;
  /** The topmost box at an output pixel, or null. */
  pick(x: number, y: number): number | null;
  layers(): InspectedLayers;
  semantics(): InspectedSemantics[];
  /** Outlines every damaged rect on the screen while on, as `PLANAR_DEBUG=damage` does. */
  setDamageFlash(on: boolean): void;
  /** A PNG of the output. */
  screenshot(): Promise<Uint8Array>;
  /** Hears every frame's stats; returns the unsubscribe function. */
  onFrame(cb: (stats: FrameStats) => void): () => void;
  /** Hears that nodes were added or removed, at most a few times a second; returns the unsubscribe function. */
  onTreeChange(cb: () => void): () => void;
  /** Runs `cb` when the app closes (servers showing the inspector close with it). */
  onClose(cb: () => void): () => void;
}
