/**
 * The primitives: View, Text, Image and Canvas. Each creates one node, binds its props
 * (every prop may be a value, a signal or a getter; only the changed property is updated),
 * mounts its children, and is destroyed with the owner of the component that wrote it.
 */
import { bindEffect, getOwner } from '../jsx/owner.js';
import { PRIMITIVE, mountChild, type Child } from '../jsx/element.js';
import { isReactive, read, type Reactive } from '../jsx/reactive.js';
import { HANDLER_NAMES, type EventHandlers } from '../input/events.js';
import { PlanarNode, type NodeKind } from '../tree/node.js';
import { bindStyle } from '../style/bind.js';
import type { StyleProp } from '../style/types.js';
import { setRef, type Ref } from './handle.js';
import { blurInside, setFocusTraits } from '../input/focus.js';
import { setSemantics } from '../semantics/node.js';
import type { SemanticsProps } from '../semantics/types.js';
import { TextContent } from '../render/text.js';
import { ImageContent, type ImageFit, type ImageSource } from '../render/image.js';
import { CanvasContent, type DrawCallback } from '../render/canvas-content.js';
import { recordProps } from '../inspect/props-record.js';

export interface BoxProps extends EventHandlers {
  style?: StyleProp;
  testId?: Reactive<string | undefined>;
  /** Whether the node takes keyboard focus (on press, or by `ref.focus()`). */
  focusable?: Reactive<boolean>;
  /**
   * What the node is to assistive technology and to `screen.getByRole`: role, label, value,
   * states and actions (see `SemanticsProps`).
   * @example <View onPress={toggle} semantics={{ role: 'switch', label: 'Wi-Fi', checked: on }} />
   */
  semantics?: Reactive<SemanticsProps>;
  /**
   * Takes the node and its subtree out of pointer hit testing and focus (a pointer over it
   * reaches its nearest enabled ancestor); semantics report it disabled.
   * @example <View disabled={() => !online.value} onPress={send} />
   */
  disabled?: Reactive<boolean>;
  /**
   * A press on the node (or inside it) leaves focus where it is: the keys of an on-screen
   * keyboard keep focus in the text field.
   * @example <View preventFocusOnPress onPress={() => insert('a')}><Text>a</Text></View>
   */
  preventFocusOnPress?: Reactive<boolean>;
  /**
   * An encoder's push (Enter) puts the focused node in edit mode, where the encoder's turns
   * (keys 'EncoderCW' / 'EncoderCCW') go to it instead of moving focus.
   * @example <View focusable editable onKeyDown={(e) => e.key === 'EncoderCW' && step(+1)} />
   */
  editable?: Reactive<boolean>;
  ref?: Ref;
}

export interface ViewProps extends BoxProps { children?: Child }
export interface TextProps extends BoxProps { children?: Child }
export interface ImageProps extends BoxProps {
  /** A file path, or the encoded bytes (PNG, JPEG, WebP, GIF's first frame). */
  src: Reactive<ImageSource>;
  fit?: Reactive<ImageFit>;
}
export interface CanvasProps extends BoxProps {
  /** Draws with a CanvasKit canvas in the box's coordinates; re-runs when signals it reads change. */
  draw: DrawCallback;
}

/** Binds a prop: once for a plain value, in an effect for a signal or getter. */
export function bindProp<T>(value: Reactive<T> | undefined, apply: (v: T) => void): void {
  if (value === undefined) return;
  if (isReactive(value)) bindEffect(() => apply(read(value)), 'prop');
  else apply(value);
}

export function createBox(kind: NodeKind, component: string, props: BoxProps & { children?: Child }): PlanarNode {
  const owner = getOwner();
  const node = new PlanarNode(kind, component, owner);
  owner?.onDispose(() => node.destroy());
  recordProps(node, props);
  bindStyle(node, props.style);
  bindProp(props.testId, (id) => { node.testId = id; });
  bindProp(props.focusable, (f) => { node.focusable = !!f; });
  bindProp(props.disabled, (d) => {
    node.disabled = !!d;
    if (d) blurInside(node);
  });
  bindProp(props.preventFocusOnPress, (p) => setFocusTraits(node, { preventFocusOnPress: !!p }));
  bindProp(props.editable, (e) => setFocusTraits(node, { editable: !!e }));
  if (props.semantics !== undefined) setSemantics(node, props.semantics);
  for (const key of Object.keys(props)) {
    if (HANDLER_NAMES.has(key)) (node.handlers as Record<string, unknown>)[key] = (props as Record<string, unknown>)[key];
    else if (key.startsWith('on') && /^on[A-Z]/.test(key)) node.propError(key, props[key as keyof typeof props], `unknown event handler; known ones: ${[...HANDLER_NAMES].join(', ')}`);
  }
  setRef(props.ref, node, (fn) => owner?.onDispose(fn));
  return node;
}

function primitive<P>(fn: (props: P) => PlanarNode): (props: P) => PlanarNode {
  (fn as unknown as Record<symbol, boolean>)[PRIMITIVE] = true;
  return fn;
}

/**
 * A box: flexbox layout, background, border, radius, shadow, transform, opacity.
 * @example <View style={{ flexDirection: 'row', gap: 8, padding: 12 }}>…</View>
 */
export const View = primitive((props: ViewProps): PlanarNode => {
  const node = createBox('view', 'View', props);
  mountChild(node, props.children);
  return node;
});

/**
 * A paragraph. Children are strings, numbers, signals, getters and nested <Text> (which
 * style a run and inherit the text styles of their parent).
 * @example <Text style={{ fontSize: 20, color: 'white' }}>Hello <Text style={{ fontWeight: 'bold' }}>world</Text></Text>
 */
export const Text = primitive((props: TextProps): PlanarNode => {
  const node = createBox('text', 'Text', props);
  node.content = new TextContent(node);
  mountChild(node, props.children);
  return node;
});

/**
 * An image, decoded asynchronously; its size comes from the file's header unless the style sets it.
 * @example <Image src="/usr/share/panel/logo.png" fit="contain" style={{ width: 64, height: 64 }} />
 */
export const Image = primitive((props: ImageProps): PlanarNode => {
  const node = createBox('image', 'Image', props);
  const content = new ImageContent(node);
  node.content = content;
  bindProp(props.fit, (fit) => content.setFit(fit));
  bindProp(props.src, (src) => content.setSource(src));
  return node;
});

/**
 * Custom drawing with CanvasKit, clipped to the box and recorded as a picture; the draw
 * callback runs again when a signal it reads changes or the box is resized.
 * @example <Canvas style={{ width: 100, height: 100 }} draw={(c, { width, height }, ck) => c.drawCircle(width / 2, height / 2, 40, paint)} />
 */
export const Canvas = primitive((props: CanvasProps): PlanarNode => {
  const node = createBox('canvas', 'Canvas', props);
  node.content = new CanvasContent(node, props.draw);
  return node;
});
