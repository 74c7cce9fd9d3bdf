/**
 * `<Overlay>`: one modal overlay — a layer over the whole output with a scrim, its content
 * centred, focus trapped inside while it is open, and enter / exit fades.
 *
 * Presence. `open` turning true mounts the layer at opacity 0 and, once mounted, asks for
 * opacity 1: the style's `transition` fades it in. `open` turning false asks for opacity 0,
 * takes the overlay off the Escape stack and out of hit testing, focus and the semantics tree
 * at once, and unmounts it when the fade has run (at once under reduced motion). Its
 * `FocusScope` then gives focus back to where it was when the overlay opened.
 *
 * The fade is the layer node's style opacity, which the compositor applies as the layer's
 * placement (plane alpha): fading in and out repaints nothing.
 */
import {
  FocusScope, Layer, Show, View, effect, getOwner, onCleanup, onMount, parseColor, read, reducedMotion, runWithOwner,
  signal, timeout, untracked, useViewport, type Child, type NodeHandle, type PressEvent, type Reactive,
} from '@planar/toolkit';
import { useTheme } from './theme/index.js';
import { useOverlays } from './overlay.js';

/** How opaque the scrim is over the app (its colour is the theme's `scrim`). */
export const SCRIM_OPACITY = 0.32;

export interface OverlayProps {
  /** Whether the overlay is shown; turning false plays the exit fade, then unmounts it. */
  open: Reactive<boolean>;
  /** A tap on the scrim or Escape asked to close it (only while `dismissible`). */
  onDismiss?: () => void;
  /** Whether a tap on the scrim and Escape dismiss it (default true). */
  dismissible?: Reactive<boolean>;
  /** After the exit fade, when the overlay has unmounted and focus is back. */
  onClosed?: () => void;
  /** The layer's testId (for `screen.planeOf` and the like). */
  testId?: string;
  children?: Child;
}

/** `color` with its alpha multiplied by `alpha` (theme colours are opaque hex strings). */
export function withAlpha(color: string, alpha: number): string {
  const rgba = parseColor(color);
  if (!rgba) return color;
  const [r, g, b, a] = rgba;
  return `rgba(${r}, ${g}, ${b}, ${a * alpha})`;
}

/**
 * A modal layer above the app: scrim, centred content, trapped focus, fades in and out.
 * Dialogs and message boxes are built on it; it needs an `<OverlayHost>` above.
 * @example
 * <Overlay open={confirming} onDismiss={() => (confirming.value = false)}>
 *   <View semantics={{ role: 'dialog', label: 'Restart' }}>…</View>
 * </Overlay>
 */
export function Overlay(props: OverlayProps): Child {
  const manager = useOverlays('Overlay');
  const theme = useTheme();
  const viewport = useViewport();
  const owner = getOwner();
  const present = signal(false);
  const shown = signal(false);
  const closing = signal(false);
  let zIndex = 0;
  let leaveEscape: (() => void) | null = null;
  let cancelExit: (() => void) | null = null;
  const dismissible = () => props.dismissible === undefined || !!read(props.dismissible);
  const dismiss = () => {
    if (!closing.peek() && dismissible()) props.onDismiss?.();
  };

  const show = () => {
    cancelExit?.();
    cancelExit = null;
    if (!present.peek()) {
      zIndex = manager.nextZIndex('modal');
      present.value = true;
    } else {
      shown.value = true;
    }
    closing.value = false;
    leaveEscape ??= manager.pushEscape({ dismissible, dismiss });
  };
  const finish = () => {
    cancelExit = null;
    present.value = false;
    props.onClosed?.();
  };
  const hide = () => {
    if (!present.peek() || closing.peek()) return;
    leaveEscape?.();
    leaveEscape = null;
    closing.value = true;
    shown.value = false;
    const duration = reducedMotion() ? 0 : theme.motion.duration.short4;
    if (duration === 0) finish();
    else cancelExit = runWithOwner(owner, () => timeout(duration, finish));
  };
  const stop = effect(() => {
    const open = !!read(props.open);
    untracked(() => (open ? show() : hide()));
  });
  onCleanup(() => {
    stop();
    leaveEscape?.();
    cancelExit?.();
  });

  const scrim = { current: null as NodeHandle | null };
  // A press on the scrim itself, not one that started on the content and bubbled here.
  const onScrimPress = (event: PressEvent) => {
    if (event.target === scrim.current) dismiss();
  };

  function OverlayLayer(): Child {
    // Mounted at opacity 0; asking for 1 afterwards is what the transition animates.
    onMount(() => {
      if (!closing.peek()) shown.value = true;
    });
    return (
      <Layer
        testId={props.testId}
        zIndex={zIndex}
        disabled={closing}
        semantics={{ hidden: closing }}
        style={() => ({
          width: viewport.value.width,
          height: viewport.value.height,
          opacity: shown.value ? 1 : 0,
          transition: { opacity: { duration: theme.motion.duration.short4, easing: theme.motion.easing.standard } },
        })}
      >
        <View
          ref={scrim}
          onPress={onScrimPress}
          style={{
            width: '100%', height: '100%', alignItems: 'center', justifyContent: 'center',
            padding: () => theme.spacing.xl,
            backgroundColor: () => withAlpha(theme.colors.scrim, SCRIM_OPACITY),
          }}
        >
          <FocusScope trapped autoFocus style={{ maxWidth: '100%', maxHeight: '100%' }}>
            {props.children}
          </FocusScope>
        </View>
      </Layer>
    );
  }

  return <Show when={present}><OverlayLayer /></Show>;
}
