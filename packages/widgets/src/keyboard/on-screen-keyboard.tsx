/**
 * `<OnScreenKeyboard>`: the keyboard a touch panel shows while a text field has focus.
 *
 * 1. When. It is wanted while a field registered with `useTextInput` has focus and the mode
 *    allows it: `auto` only while no physical keyboard is connected, `always` whatever is
 *    connected, `never` not at all.
 * 2. Presence. Wanted, it mounts on a layer of its own at the bottom of the output, pushed
 *    down by its own height (a style transform), and once mounted asks for no push: the
 *    style's transition slides it up. Layer transforms are placement, so on a plane the slide
 *    repaints nothing, not even the keyboard; composited, only the composition is redone.
 *    Unwanted, it slides down and unmounts.
 * 3. Room. While it is up, `useViewportInsets().value.bottom` is its height, and the focused
 *    field is scrolled into view once the app has had a frame to make room for it.
 * 4. Focus. Keys take no focus (the layer has `preventFocusOnPress`) and type through the
 *    keyboard sender, so the field keeps focus. A tap elsewhere moves focus as it always does
 *    (on nothing focusable: the field blurs and the keyboard goes); with
 *    `dismissOnOutsideTap={false}` a field that loses focus to nothing gets it back.
 */
import {
  GESTURE_DEFAULTS, Layer, Show, For, View, computed, effect, getOwner, onCleanup, onMount, read, reducedMotion, requestFrame,
  runWithOwner, scrollIntoView, signal, timeout, untracked, useKeyboardSender, usePhysicalKeyboard, useTextInputFocus,
  useViewport, useViewportInsets, type Child, type EnterKeyHint, type FocusedTextInput, type Reactive,
} from '@planar/toolkit';
import { BUTTON_REPEAT } from '../button.js';
import { useTheme } from '../theme/index.js';
import type { KeyboardLayout } from './layout-types.js';
import { placeKeys, type KeyMetrics } from './geometry.js';
import { KeyboardPolicy, resolveLayouts, type KeyboardPage } from './policy.js';
import { useKeyTouch } from './key-touch.js';
import { KeyView } from './key-view.js';
import { AlternativesPopup } from './alternatives-popup.js';

export type KeyboardMode = 'auto' | 'always' | 'never';
const MODES: readonly KeyboardMode[] = ['auto', 'always', 'never'];

/** How long the keyboard takes to slide in or out, ms. */
export const KEYBOARD_SLIDE_MS = 250;
/** How long a key is held before its alternatives pop up, ms. */
export const KEYBOARD_LONG_PRESS_MS = 400;
/** A key's height unless told: a fingertip on a 7" 800x480 panel. */
export const KEYBOARD_KEY_HEIGHT = 48;

export interface OnScreenKeyboardProps {
  /** `auto` (default): shown for a focused field while no physical keyboard is connected; `always`; `never`. */
  mode?: Reactive<KeyboardMode>;
  /** The letter layouts the language key cycles through, by id ('en', 'fr', 'de', 'ar') or as layouts of your own (default `['en']`). */
  layouts?: readonly (string | KeyboardLayout)[];
  /** Whether a tap on nothing focusable blurs the field and hides the keyboard (default true). */
  dismissOnOutsideTap?: boolean;
  /** A key's height, logical px (default 48). */
  keyHeight?: number;
  /** The keyboard layer's zIndex (default 4000: above dialogs, below toasts); its popup takes the next. */
  zIndex?: number;
  /** The keyboard layer's testId (default 'keyboard'). */
  testId?: string;
}

const GAP = 6;
const PADDING = 4;
/** The widest key of a pad: a thumb covers a 3 × 4 pad of these. */
const PAD_UNIT = 140;

/**
 * The on-screen keyboard, mounted once at the app's root.
 * @example
 * <ThemeProvider theme={darkTheme}>
 *   <Settings />
 *   <OnScreenKeyboard layouts={['en', 'de', 'ar']} />
 * </ThemeProvider>
 */
export function OnScreenKeyboard(props: OnScreenKeyboardProps): Child {
  const theme = useTheme();
  const viewport = useViewport();
  const focused = useTextInputFocus();
  const physical = usePhysicalKeyboard();
  const insets = useViewportInsets();
  const owner = getOwner();
  const layouts = resolveLayouts(props.layouts ?? ['en']);
  const keyHeight = props.keyHeight ?? KEYBOARD_KEY_HEIGHT;
  if (!(typeof keyHeight === 'number' && keyHeight >= 24)) {
    throw new Error(`OnScreenKeyboard: keyHeight ${JSON.stringify(keyHeight)} — give a height in logical px of at least 24 (48 suits a finger on a 7" panel)`);
  }
  const zIndex = props.zIndex ?? 4000;
  const policy = new KeyboardPolicy(layouts, focused, useKeyboardSender(), GESTURE_DEFAULTS.doubleTapMs);

  const mode = (): KeyboardMode => {
    const m = props.mode === undefined ? 'auto' : read(props.mode);
    if (!MODES.includes(m)) throw new Error(`OnScreenKeyboard: mode ${JSON.stringify(m)} — use 'auto', 'always' or 'never'`);
    return m;
  };
  const wanted = computed(() => {
    const m = mode();
    return m !== 'never' && focused.value !== null && (m === 'always' || !physical.value);
  });
  // The page and the Enter key's label stay while the keyboard slides out, after the field has gone.
  let lastPage: KeyboardPage | null = null;
  let lastHint: EnterKeyHint = 'enter';
  const page = computed(() => (lastPage = policy.page.value ?? lastPage));
  const enterKeyHint = computed(() => (lastHint = focused.value?.enterKeyHint ?? lastHint));
  const metrics = computed((): KeyMetrics => ({
    width: viewport.value.width, keyHeight, gap: GAP, padding: PADDING, maxUnit: page.value?.layout.type === 'pad' ? PAD_UNIT : undefined,
  }));
  const geometry = computed(() => (page.value ? placeKeys(page.value.rows, metrics.value) : null));
  const height = () => geometry.value?.height ?? 0;
  const rtl = () => page.value?.direction === 'rtl';
  const touch = useKeyTouch({ geometry, metrics: () => metrics.peek(), policy, rtl, longPressMs: KEYBOARD_LONG_PRESS_MS, repeat: BUTTON_REPEAT });

  // Presence (2 above): `present` mounts the layer, `up` is where its transform sends it.
  const present = signal(false);
  const up = signal(false);
  let stopExit: (() => void) | null = null;
  const show = () => {
    stopExit?.();
    stopExit = null;
    if (present.peek()) up.value = true;
    else present.value = true;
  };
  const hide = () => {
    if (!present.peek()) return;
    touch.cancel();
    up.value = false;
    const done = () => {
      stopExit = null;
      present.value = false;
      policy.reset();
    };
    if (reducedMotion()) done();
    else stopExit = runWithOwner(owner, () => timeout(KEYBOARD_SLIDE_MS, done));
  };
  onCleanup(effect(() => {
    const w = wanted.value;
    untracked(() => (w ? show() : hide()));
  }));
  onCleanup(() => stopExit?.());

  // Room (3 above).
  onCleanup(effect(() => {
    const bottom = up.value ? height() : 0;
    untracked(() => {
      if (insets.peek().bottom !== bottom) insets.value = { ...insets.peek(), bottom };
    });
  }));
  onCleanup(() => {
    if (up.peek()) insets.value = { ...insets.peek(), bottom: 0 };
  });
  let stopReveal = () => {};
  onCleanup(effect(() => {
    const field = focused.value;
    if (!up.value || !field) return;
    stopReveal();
    // One frame lays the app out with the new insets; the next one sees its scroll views' new sizes.
    stopReveal = runWithOwner(owner, () => requestFrame(() => {
      stopReveal = runWithOwner(owner, () => requestFrame(() => revealField(field)));
    }));
  }));
  onCleanup(() => stopReveal());

  // Focus (4 above).
  let last: FocusedTextInput | null = null;
  onCleanup(effect(() => {
    const field = focused.value;
    const lost = last;
    last = field;
    if (field || !lost || props.dismissOnOutsideTap !== false || !present.peek()) return;
    queueMicrotask(() => {
      if (!focused.peek()) lost.handle.focus();
    });
  }));

  function KeyboardLayer(): Child {
    onMount(() => {
      if (wanted.peek()) up.value = true;
    });
    return (
      <Layer
        testId={props.testId ?? 'keyboard'}
        zIndex={zIndex}
        position={() => ({ x: 0, y: viewport.value.height - height() })}
        preventFocusOnPress
        semantics={{ role: 'keyboard', label: () => `${page.value?.layout.name ?? ''} keyboard`.trim() }}
        style={() => ({
          width: viewport.value.width, height: height(), backgroundColor: theme.colors.surfaceContainer,
          transform: { translateY: up.value ? 0 : height() },
          transition: { transform: { duration: reducedMotion() ? 0 : KEYBOARD_SLIDE_MS, easing: up.value ? theme.motion.easing.decelerate : theme.motion.easing.accelerate } },
        })}
      >
        <View {...touch.handlers} style={{ width: '100%', height: '100%' }}>
          <For each={() => orderedKeys()}>
            {(placed) => <KeyView placed={placed} policy={policy} theme={theme} pressed={touch.pressed} enterKeyHint={() => enterKeyHint.value} rtl={rtl()} />}
          </For>
        </View>
      </Layer>
    );
  }
  // Right-to-left pages are read from the right: the tree (and so the semantics order) follows.
  const orderedKeys = () => {
    const keys = geometry.value?.keys ?? [];
    return rtl() ? [...keys].sort((a, b) => a.row - b.row || b.column - a.column) : keys;
  };

  return (
    <>
      <Show when={present}><KeyboardLayer /></Show>
      <Show when={touch.popup}>
        {(popup) => (
          <AlternativesPopup
            popup={() => popup()} origin={{ x: 0, y: viewport.peek().height - height() }} shifted={computed(() => policy.shifted)}
            zIndex={zIndex + 1} theme={theme} rtl={rtl()} onPick={(i) => touch.pick(i)}
          />
        )}
      </Show>
    </>
  );
}

/** Scrolls the field into view in the scroll views around it (it may have unmounted meanwhile). */
function revealField(field: FocusedTextInput): void {
  if (field.handle.focused) scrollIntoView(field.handle);
}
