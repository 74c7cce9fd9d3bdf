/**
 * @planar/toolkit — declarative TSX for embedded Linux panels.
 *
 * @example
 * import { createApp, View, Text } from '@planar/toolkit';
 * await createApp(() => <View style={{ padding: 16 }}><Text>Hello</Text></View>);
 */
export { createApp, type App, type AppOptions, type AppEvents } from './app/app.js';
export { View, Text, Image, Canvas, type ViewProps, type TextProps, type ImageProps, type CanvasProps, type BoxProps } from './components/primitives.js';
export { Layer, Portal, ExternalLayer, type LayerProps, type PortalProps, type ExternalLayerProps } from './components/layer.js';
export { ScrollLayer, scrollIntoView, DEFAULT_SCROLL_BUDGET, type ScrollLayerProps } from './components/scroll-layer.js';
export type { ScrollMetrics } from './tree/layer.js';
export { createExternalSource, type ExternalSource, type ExternalSourceOptions } from './compositor/external-source.js';
export type { PlanePreference } from './tree/layer.js';
// The backend kit (contract, pixels, plane rules, key tables, registry), also importable on
// its own as '@planar/toolkit/backend' without loading Yoga or CanvasKit.
export * from './backend/index.js';
export { Show, For, ErrorBoundary, createContext, useContext, type Context } from './components/control-flow.js';
export { Fragment } from './jsx/jsx-runtime.js';
export { onMount, type Child, type JSXElement } from './jsx/element.js';
export { onCleanup, createRoot, getOwner, runWithOwner } from './jsx/owner.js';
export { read, type Reactive } from './jsx/reactive.js';
export { signal, computed, effect, batch, untracked, type Signal, type ReadonlySignal } from '@preact/signals-core';
export { animate, requestFrame, easings, type Easing, type AnimationHandle } from './animation/animate.js';
export { createTween, createVectorTween, type Tween, type TweenOptions, type VectorTween } from './animation/tween.js';
export { setReducedMotion, reducedMotion } from './animation/motion.js';
export type { Transition, TransitionSpec, TransitionKey, EasingName } from './style/transition-keys.js';
export { interval, timeout } from './app/timers.js';
export { useViewport, useDisplayControl, type Viewport, type DisplayControl } from './app/services.js';
export { useGestures, touchSlop, GESTURE_DEFAULTS, type GestureOptions } from './gestures/use-gestures.js';
export type { TapEvent, LongPressEvent, LongPressOptions, PanEvent, PanEndEvent, PanHandlers, SwipeEvent, PinchEvent, PinchHandlers } from './gestures/index.js';
export * from './i18n/index.js';
export { registerFont, preloadBundledFonts } from './render/fonts.js';
export { startupTrace, formatStartup, type StartupTrace, type StartupStep } from './app/startup.js';
export type { Profile } from './engines/profile.js';
export { systemFontSupport, loadSystemFonts, type SystemFontFace, type SystemFontIndex } from './render/system-fonts.js';
export type { Style, StyleProp, Gradient, Shadow, TransformStep, Length, Color } from './style/types.js';
export { parseColor, color4f, type RGBA } from './style/color.js';
export type { FrameStats } from './compositor/stats.js';
export type {
  PointerEvent, WheelEvent, PressEvent, KeyEvent, TextInputEvent, CompositionEvent, DeleteSurroundingEvent, NodeHandle, EventHandlers, InputEvent,
} from './input/events.js';
export type { PointerCrossingEvent } from './input/events.js';
export { useInteraction, type Interaction } from './input/interaction.js';
export {
  useTextInput, useTextInputFocus, usePhysicalKeyboard, useKeyboardSender, useViewportInsets, INPUT_MODES, ENTER_KEY_HINTS,
  type InputMode, type EnterKeyHint, type TextInputClient, type FocusedTextInput, type KeyboardSender, type ViewportInsets,
} from './input/text-input.js';
export { FocusScope, type FocusScopeProps } from './input/focus-scope.js';
export { isDisabled } from './input/focus.js';
export { reportPropError } from './components/handle.js';
// Text geometry for editing: carets, selections, hit testing, grapheme/word/line boundaries.
export {
  textGeometry, type TextGeometry, type TextGeometryOptions, type TextPosition, type TextAffinity, type TextRect, type TextLine, type TextSpan,
} from './text/geometry.js';
export type { ImageFit, ImageSource } from './render/image.js';
export type { DrawCallback } from './render/canvas-content.js';
export type { Rotation } from './tree/scene.js';
export { SemanticsNode, SemanticsTree, performAction, type Role, type SemanticsProps, type SemanticsValue, type SemanticsStates, type SemanticsAction, type SemanticsData, type SemanticsChange, type SemanticsBounds } from './semantics/index.js';
export * from './scroll/index.js';
export { inspect } from './inspect/index.js';
export type {
  AppInspector, InspectedApp, InspectedNode, InspectedNodeDetail, InspectedComponent, InspectedSemantics, InspectedLayers, InspectedLayer,
  InspectedBuffer, BoxModel, OutputRect, BoxEdges, ReactiveValue,
} from './inspect/index.js';
