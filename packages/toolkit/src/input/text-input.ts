/**
 * Text input as the app sees it: which focused node takes text (a text field registers itself
 * as a client, with the kind of text it wants and what its Enter key does), whether a physical
 * keyboard is connected (from the backends' device events), a way for an on-screen keyboard to
 * type into the focused node exactly as a hardware keyboard would (without taking focus), and
 * the insets of the viewport that such a keyboard covers, so a form can shrink instead of
 * being hidden.
 */
import { computed, effect, signal, type ReadonlySignal, type Signal } from '@preact/signals-core';
import type { Display, TextInputState } from '../backend/contract.js';
import { onCleanup } from '../jsx/owner.js';
import { onMount } from '../jsx/element.js';
import { read } from '../jsx/reactive.js';
import { appServices } from '../app/services.js';
import { handleOf } from '../components/handle.js';
import type { PlanarNode } from '../tree/node.js';
import type { InputEvent, NodeHandle } from './events.js';
import { nodeOfHandle } from './node-handles.js';
import type { FocusedTextInput, KeyboardSender, TextInputClient, TextInputServices, ViewportInsets } from './text-input-types.js';

export * from './text-input-types.js';

const clients = new WeakMap<PlanarNode, TextInputClient>();

/** The app's text input state; one per app (see app.ts). */
export class TextInputs implements TextInputServices {
  private readonly focusedNode = signal<PlanarNode | null>(null);
  private readonly clientVersion = signal(0);
  private readonly keyboardCount = signal(0);
  readonly insets: Signal<ViewportInsets> = signal({ top: 0, right: 0, bottom: 0, left: 0 });
  readonly focused: ReadonlySignal<FocusedTextInput | null>;
  readonly physicalKeyboard: ReadonlySignal<boolean> = computed(() => this.keyboardCount.value > 0);
  readonly sender: KeyboardSender;

  /** Stops telling the system's input method about the focused field. */
  readonly dispose: () => void;

  /**
   * `system` gives the display's input method, if it has one; `toOutput` turns a rect in a node's
   * coordinates into output px (for the caret the input method places its window by).
   */
  constructor(
    dispatch: (event: InputEvent) => void, now: () => number,
    system: () => Display['textInput'] = () => undefined,
    toOutput: (node: PlanarNode, rect: TextInputState['cursorRect']) => TextInputState['cursorRect'] = (_n, r) => r,
  ) {
    this.focused = computed(() => {
      void this.clientVersion.value;
      const node = this.focusedNode.value;
      const client = node && clients.get(node);
      if (!node || !client || read(client.enabled ?? true) === false) return null;
      return { handle: handleOf(node), inputMode: read(client.inputMode ?? 'text'), enterKeyHint: read(client.enterKeyHint ?? 'enter') };
    });
    this.dispose = this.followWithInputMethod(system, toOutput);
    const mods = { shift: false, ctrl: false, alt: false, meta: false };
    this.sender = {
      text: (text) => dispatch({ kind: 'text', text, timestamp: now() }),
      key: (key, m = {}) => {
        for (const type of ['down', 'up'] as const) {
          dispatch({ kind: 'key', type, key, code: '', ...mods, ...m, repeat: false, timestamp: now() });
        }
      },
      composition: (type, data) => dispatch({ kind: 'composition', type, data, timestamp: now() }),
    };
  }

  /**
   * Enables the system's input method while a field that tells its surrounding text has focus,
   * updates it as the text, the selection or the caret change, and disables it on blur.
   */
  private followWithInputMethod(systemOf: () => Display['textInput'], toOutput: (node: PlanarNode, rect: TextInputState['cursorRect']) => TextInputState['cursorRect']): () => void {
    let enabled: PlanarNode | null = null;
    let told = '';
    let system: Display['textInput'];
    const stop = effect(() => {
      void this.clientVersion.value;
      const node = this.focusedNode.value;
      const found = node ? clients.get(node) : undefined;
      const client = found && read(found.enabled ?? true) !== false ? found : undefined;
      // The display's, read on each change (a display may gain one once its compositor offers it).
      system = systemOf() ?? system;
      if (!system) return;
      if (enabled && (enabled !== node || !client)) {
        system.disable();
        enabled = null;
      }
      if (!node || !client?.surrounding) return;
      const s = client.surrounding();
      const state: TextInputState = {
        surroundingText: s.text, cursor: s.cursor, anchor: s.anchor, contentHint: 0, contentPurpose: 0,
        cursorRect: toOutput((s.caretIn && nodeOfHandle(s.caretIn)) || node, s.caret),
      };
      // A state like the last one told (the caret re-read, nothing changed) is not sent again.
      const key = JSON.stringify(state);
      if (enabled === node && key === told) return;
      told = key;
      if (enabled === node) system.update(state);
      else system.enable(state);
      enabled = node;
    });
    return () => {
      stop();
      if (enabled) system?.disable();
    };
  }

  /** Focus moved (the app calls this). */
  focusChanged(to: PlanarNode | null): void {
    this.focusedNode.value = to;
  }

  /** A device came or went (the app calls this with the backend's device events). */
  device(e: { kind: string; added: boolean }): void {
    if (e.kind === 'keyboard') this.keyboardCount.value = Math.max(0, this.keyboardCount.peek() + (e.added ? 1 : -1));
  }

  /** A client registered or left: the focused input is worked out again. */
  clientsChanged(): void {
    this.clientVersion.value++;
  }
}

/**
 * Marks the node of `ref` as a text field: while it has focus, `useTextInputFocus()` reports
 * it, with its input mode and Enter key hint (an on-screen keyboard shows for it).
 * @example useTextInput(ref, { inputMode: 'pin', enterKeyHint: 'done' });
 */
export function useTextInput(ref: { current: NodeHandle | null }, client: TextInputClient): void {
  const inputs = appServices('useTextInput()').text;
  let node: PlanarNode | undefined;
  onMount(() => {
    node = ref.current ? nodeOfHandle(ref.current) : undefined;
    if (!node) throw new Error('useTextInput: the ref is not set after mount (pass the ref of the field\'s box)');
    clients.set(node, client);
    inputs.clientsChanged();
  });
  onCleanup(() => {
    if (!node) return;
    clients.delete(node);
    inputs.clientsChanged();
  });
}

/** The focused text field and what it wants, or null when focus is not on one. */
export function useTextInputFocus(): ReadonlySignal<FocusedTextInput | null> {
  return appServices('useTextInputFocus()').text.focused;
}

/** Whether a physical keyboard is connected (the backend said so with a device event). */
export function usePhysicalKeyboard(): ReadonlySignal<boolean> {
  return appServices('usePhysicalKeyboard()').text.physicalKeyboard;
}

/** Types into the focused node as a keyboard would, without taking focus (for on-screen keyboards). */
export function useKeyboardSender(): KeyboardSender {
  return appServices('useKeyboardSender()').text.sender;
}

/**
 * The parts of the viewport covered by something the app shows over it (an on-screen
 * keyboard sets `bottom`); a form reads it to leave that room free.
 * @example <View style={() => ({ flexGrow: 1, paddingBottom: insets.value.bottom })}>…</View>
 */
export function useViewportInsets(): Signal<ViewportInsets> {
  return appServices('useViewportInsets()').text.insets;
}
