/**
 * The overlay manager: what dialogs, message boxes and toasts are stacked in.
 *
 * `<OverlayHost>` sits at the app's root, around everything else. It provides an
 * `OverlayManager` through context and draws, above the app, whatever is opened through it
 * (`manager.mount`). Every overlay is a `<Layer>` of its own, so it is painted once and moved,
 * faded and restacked by the compositor alone:
 *
 *   1. zIndex. Each overlay takes the next zIndex when it opens (modal ones from 1000, toasts
 *      from 5000), so the latest opened is on top, and toasts stay above dialogs.
 *   2. Escape. Overlays that Escape may close join a stack when they open and leave it when
 *      they start closing. A key bubbles from the focused node through the layer it is drawn in
 *      to where the layer is written, and with nothing focused it goes to the app's outermost
 *      node: either way it reaches the host's box, which dismisses the top of the stack.
 *   3. Placement. A dialog `<Overlay>` written anywhere in the app registers with the manager
 *      of the host above it; `mount` draws content at the host for imperative calls
 *      (`messageBox(…)`, `toast(…)`), so that content sees the context above the host (its theme).
 */
import { For, View, createContext, signal, useContext, type Child, type KeyEvent, type StyleProp } from '@planar/toolkit';

/** An overlay that Escape can close, as the manager keeps it. */
export interface EscapeEntry {
  /** Whether Escape may close it now. */
  dismissible(): boolean;
  /** Closes it as a dismissal (Escape or a tap outside). */
  dismiss(): void;
}

/** The overlay manager of the nearest `<OverlayHost>`. */
export interface OverlayManager {
  /**
   * Draws `render()`'s content at the host, above the app, until the returned function is
   * called (the content is then unmounted). The content sees the context above the host.
   */
  mount(render: () => Child): () => void;
  /** Puts an overlay on top of the Escape stack; returns the function that takes it off. */
  pushEscape(entry: EscapeEntry): () => void;
  /** The next zIndex of a kind of overlay: each call returns a higher one. */
  nextZIndex(kind: 'modal' | 'toast'): number;
  /** Dismisses the top overlay of the Escape stack, if it is dismissible; true when it did. */
  dismissTop(): boolean;
}

const OverlayContext = createContext<OverlayManager | null>(null, 'Overlays');

const Z_BASE = { modal: 1000, toast: 5000 } as const;

function createManager(): { manager: OverlayManager; mounted: ReturnType<typeof signal<Mounted[]>> } {
  const mounted = signal<Mounted[]>([]);
  const escapes: EscapeEntry[] = [];
  const counters = { modal: 0, toast: 0 };
  let ids = 0;
  const manager: OverlayManager = {
    mount(render) {
      const entry: Mounted = { id: ++ids, render };
      mounted.value = [...mounted.peek(), entry];
      return () => {
        mounted.value = mounted.peek().filter((m) => m !== entry);
      };
    },
    pushEscape(entry) {
      escapes.push(entry);
      return () => {
        const i = escapes.indexOf(entry);
        if (i >= 0) escapes.splice(i, 1);
      };
    },
    nextZIndex(kind) {
      return Z_BASE[kind] + ++counters[kind];
    },
    dismissTop() {
      const top = escapes[escapes.length - 1];
      if (!top?.dismissible()) return false;
      top.dismiss();
      return true;
    },
  };
  return { manager, mounted };
}

interface Mounted {
  id: number;
  render: () => Child;
}

export interface OverlayHostProps {
  /** The app. */
  children?: Child;
  /** The host's box fills the output by default. */
  style?: StyleProp;
  testId?: string;
}

/**
 * Hosts dialogs, message boxes and toasts above the app. Put it at the root, inside the
 * `ThemeProvider` (what it draws for `messageBox` and `toast` takes the theme above it).
 * @example
 * await createApp(() => (
 *   <ThemeProvider theme={lightTheme}>
 *     <OverlayHost><Settings /></OverlayHost>
 *   </ThemeProvider>
 * ));
 */
export function OverlayHost(props: OverlayHostProps): Child {
  const { manager, mounted } = createManager();
  const onKeyDown = (event: KeyEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (manager.dismissTop()) {
      event.preventDefault();
      event.stopPropagation();
    }
  };
  return OverlayContext.Provider({
    value: manager,
    children: (
      <View testId={props.testId} style={props.style ?? { width: '100%', height: '100%' }} onKeyDown={onKeyDown}>
        {props.children}
        <For each={mounted}>{(entry) => entry.render()}</For>
      </View>
    ),
  });
}

/**
 * The manager of the `<OverlayHost>` above; `who` names the caller in the error when there is none.
 * @example const overlays = useOverlays('Dialog');
 */
export function useOverlays(who = 'useOverlays()'): OverlayManager {
  const manager = useContext(OverlayContext);
  if (!manager) {
    throw new Error(`${who}: no <OverlayHost> above it — wrap the app in one at its root: createApp(() => <OverlayHost><App /></OverlayHost>)`);
  }
  return manager;
}
