/**
 * The vocabulary of text input (see text-input.ts): input modes, Enter key hints, what a
 * text field tells the app, and what an app offers its components.
 */
import type { ReadonlySignal, Signal } from '@preact/signals-core';
import type { Reactive } from '../jsx/reactive.js';
import type { NodeHandle } from './events.js';

/** The kind of text a field wants: it chooses the on-screen keyboard's layout. */
export type InputMode = 'text' | 'number' | 'decimal' | 'pin' | 'email' | 'url';
/** What the Enter key does in a field, and so what an on-screen keyboard writes on it. */
export type EnterKeyHint = 'enter' | 'go' | 'next' | 'done' | 'search' | 'send';

export const INPUT_MODES: readonly InputMode[] = ['text', 'number', 'decimal', 'pin', 'email', 'url'];
export const ENTER_KEY_HINTS: readonly EnterKeyHint[] = ['enter', 'go', 'next', 'done', 'search', 'send'];

/** What a text field tells the app about itself. */
export interface TextInputClient {
  inputMode?: Reactive<InputMode>;
  enterKeyHint?: Reactive<EnterKeyHint>;
  /**
   * The field's text around the caret, for the system's input method where the display has
   * one (Wayland's zwp_text_input_v3): read in an effect, so reading signals here keeps the
   * input method up to date. `cursor` and `anchor` are UTF-16 indices into `text`; `caret` is
   * in the coordinates of `caretIn` (the node whose text it is) or else of the field, logical px.
   */
  surrounding?: () => { text: string; cursor: number; anchor: number; caret: { x: number; y: number; width: number; height: number }; caretIn?: NodeHandle | null };
  /** Whether it takes text now (false while read-only or disabled: no on-screen keyboard, no input method). Default true. */
  enabled?: Reactive<boolean>;
}

/** The focused node that takes text, and what it wants. */
export interface FocusedTextInput {
  handle: NodeHandle;
  inputMode: InputMode;
  enterKeyHint: EnterKeyHint;
}

/** Parts of the viewport something covers (an on-screen keyboard at the bottom), logical px. */
export interface ViewportInsets { top: number; right: number; bottom: number; left: number }

/** Types into the focused node as a keyboard would, without taking focus. */
export interface KeyboardSender {
  /** Committed text (a `textinput` event). */
  text(text: string): void;
  /** A key pressed and released ('Backspace', 'Enter', 'ArrowLeft' …). */
  key(key: string, mods?: { shift?: boolean; ctrl?: boolean; alt?: boolean; meta?: boolean }): void;
  /** A composition starting, changing or ending (an on-screen keyboard's own preedit). */
  composition(type: 'start' | 'update' | 'end', data: string): void;
}

/** The app's text input state, as components reach it (useTextInputFocus and the others). */
export interface TextInputServices {
  readonly focused: ReadonlySignal<FocusedTextInput | null>;
  readonly physicalKeyboard: ReadonlySignal<boolean>;
  readonly insets: Signal<ViewportInsets>;
  readonly sender: KeyboardSender;
  clientsChanged(): void;
}
