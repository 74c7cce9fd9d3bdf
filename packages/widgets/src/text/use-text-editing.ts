/**
 * The behaviour of a text field, apart from its looks (TextField and TextArea draw it):
 *
 * 1. State. The value is controlled, uncontrolled or two-way like every widget's; the editing
 *    model (editing-model.ts) holds the text, selection and preedit, and each edit a person
 *    makes goes out through `onChange`. A controlled field whose owner keeps the old value
 *    shows that value again.
 * 2. Input. The field's box is a text input client (`useTextInput`), so an on-screen keyboard
 *    shows for it with the field's input mode and Enter key hint; keys run commands
 *    (key-bindings.ts, editing-commands.ts), `textinput` inserts, compositions show a preedit.
 * 3. Validity. A `pattern` must match the whole text (an empty text passes). The invalid state
 *    shows once the person has left the field or tried to submit, and then follows the text;
 *    `invalid` from outside shows at once. Enter submits only a valid text.
 * 4. Drawing. `tick` changes after every change of the text or the selection, once the <Text>
 *    shows the new text: what is drawn from the text's geometry reads it (see text-surface.tsx).
 */
import {
  batch, computed, effect, onCleanup, read, signal, textGeometry, untracked, useInteraction, useTextInput,
  type EnterKeyHint, type InputMode, type KeyEvent, type NodeHandle, type Reactive, type ReadonlySignal, type SemanticsProps, type Signal, type TextGeometry,
} from '@planar/toolkit';
import { useControllable } from '../internal/controllable.js';
import type { PropReporter } from '../internal/prop-report.js';
import { useCaretBlink } from './caret-blink.js';
import { commandRunner } from './editing-commands.js';
import { EditingModel } from './editing-model.js';
import type { FieldStates } from './field-frame.js';
import { commandFor, type EditCommand } from './key-bindings.js';
import { dotsFor, shownText, type ShownText } from './shown-text.js';

/** The props TextField and TextArea share. */
export interface TextEditingProps {
  /** The text. A writable signal is written directly (two-way); any other value makes the field controlled. */
  value?: Reactive<string>;
  /** The starting text when `value` is not given. */
  defaultValue?: string;
  /** Called with the new text after each edit a person makes. */
  onChange?: (text: string) => void;
  /** Called with the text when the person submits it (Enter; Ctrl+Enter in a TextArea), if it is valid. */
  onSubmit?: (text: string) => void;
  /** The accessible name, also shown above the box unless `hideLabel`. */
  label?: Reactive<string | undefined>;
  hideLabel?: boolean;
  /** Shown in the box while it is empty. */
  placeholder?: Reactive<string | undefined>;
  /** Shown under the box (while valid). */
  helperText?: Reactive<string | undefined>;
  /** The most user-perceived characters the text may hold. */
  maxLength?: Reactive<number | undefined>;
  /** The kind of text (the on-screen keyboard's layout, and what typing may insert). Default 'text'. */
  inputMode?: Reactive<InputMode>;
  /** What the on-screen keyboard's Enter key says. */
  enterKeyHint?: Reactive<EnterKeyHint>;
  /** A pattern the whole text must match (an empty text passes; use `invalid` to require one). */
  pattern?: Reactive<RegExp | undefined>;
  /** Invalid from outside (a check of your own), shown at once. */
  invalid?: Reactive<boolean | undefined>;
  /** Shown under the box while the text is invalid. */
  errorMessage?: Reactive<string | undefined>;
  /** The text can be selected and copied but not changed. */
  readOnly?: Reactive<boolean>;
  disabled?: Reactive<boolean>;
  testId?: string;
}

export interface TextEditing {
  model: EditingModel;
  /** What the <Text> shows now. */
  shown: ReadonlySignal<ShownText>;
  /** Changes after every change of the text or selection, once the <Text> shows it. */
  tick: ReadonlySignal<number>;
  states: FieldStates;
  caretVisible: ReadonlySignal<boolean>;
  /** Whether the touch selection handles show. */
  handles: Signal<boolean>;
  /** The geometry of the shown <Text>, or null before it is laid out. */
  geometry(): TextGeometry | null;
  /** Runs a command as its key would. */
  run(command: EditCommand): void;
  /** Tells the field that the selection or text changed from a pointer (caret solid, kept in view). */
  changed(): void;
  /** Props for the field's box: focus, keys, text input, semantics. */
  boxProps: {
    focusable: Reactive<boolean>;
    disabled: Reactive<boolean> | undefined;
    onKeyDown: (e: KeyEvent) => void;
    onTextInput: (e: { text: string }) => void;
    onCompositionStart: () => void;
    onCompositionUpdate: (e: { data: string }) => void;
    onCompositionEnd: () => void;
    onDeleteSurrounding: (e: { before: number; after: number }) => void;
    onBlur: () => void;
    semantics: SemanticsProps;
  };
}

export interface TextEditingSetup {
  multiline: boolean;
  /** The field's box (its focusable node); `textRef` the <Text> that shows the text. */
  boxRef: { readonly current: NodeHandle | null };
  textRef: { readonly current: NodeHandle | null };
  /** Whether the text is hidden behind dots now. */
  secure: () => boolean;
  /** Brings the caret into view (after the text or selection changed). */
  reveal: () => void;
  report: PropReporter;
}

const anchored = new WeakMap<RegExp, RegExp>();

/** `pattern` as a whole-text match: /a+/ accepts "aaa" but not "aab". */
function matchesWhole(pattern: RegExp, text: string): boolean {
  let whole = anchored.get(pattern);
  if (!whole) anchored.set(pattern, (whole = new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace(/[gy]/g, ''))));
  return whole.test(text);
}

/**
 * The behaviour of a text field.
 * @example
 * const editing = useTextEditing(props, { multiline: false, boxRef, textRef, secure: () => false, reveal, report });
 * <View ref={boxRef} {...editing.boxProps}>…</View>
 */
export function useTextEditing(props: TextEditingProps, setup: TextEditingSetup): TextEditing {
  const { report } = setup;
  const value = useControllable(props.value, props.defaultValue, '', props.onChange);
  const checkedValue = (v: unknown) => {
    if (typeof v === 'string') return v;
    report('value', v, 'must be a string; showing it as text');
    return v === undefined || v === null ? '' : String(v);
  };
  const tick = signal(0);
  const touched = signal(false);
  const edited = { since: false };
  const model = new EditingModel({
    text: checkedValue(value.value.peek()),
    multiline: setup.multiline,
    onEdit: (text) => {
      edited.since = true;
      value.set(text);
      const now = checkedValue(value.value.peek());
      if (now !== text) model.setText(now);
    },
  });
  onCleanup(effect(() => {
    const text = checkedValue(value.value.value);
    untracked(() => {
      model.setText(text);
      tick.value++;
    });
  }));

  const readOnly = () => read(props.readOnly) === true;
  const disabled = () => read(props.disabled) === true;
  onCleanup(effect(() => {
    const max = read(props.maxLength);
    const ok = max === undefined || (Number.isInteger(max) && max >= 0);
    if (!ok) report('maxLength', max, 'must be a whole number, 0 or more; no limit is applied');
    model.maxLength = ok ? max : undefined;
    model.inputMode = read(props.inputMode) ?? 'text';
    model.readOnly = readOnly() || disabled();
    model.secure = setup.secure();
  }));

  const { focused } = useInteraction(setup.boxRef);
  const patternFails = computed(() => {
    const pattern = read(props.pattern);
    const text = model.state.value.text;
    if (pattern !== undefined && !(pattern instanceof RegExp)) {
      report('pattern', pattern, 'must be a RegExp; the text is not checked');
      return false;
    }
    return pattern !== undefined && text !== '' && !matchesWhole(pattern, text);
  });
  const invalid = () => read(props.invalid) === true || (touched.value && patternFails.value);
  const states: FieldStates = { focused: () => focused.value, invalid, readOnly, disabled };
  const blink = useCaretBlink(() => focused.value && !readOnly() && !disabled());
  const shown = computed(() => shownText(model.state.value, setup.secure()));
  const handles = signal(false);

  const geometry = () => {
    const text = setup.textRef.current;
    try {
      return text ? textGeometry(text) : null;
    } catch {
      return null; // not laid out yet: the first frame has not run
    }
  };
  let alive = true;
  onCleanup(() => (alive = false));
  const changed = () => {
    if (!alive) return;
    tick.value++;
    blink.restart();
    setup.reveal();
  };
  const run = commandRunner({
    model, geometry, changed,
    shown: () => shown.peek(),
    secure: setup.secure,
    alive: () => alive,
    submit: () => {
      touched.value = true;
      if (!untracked(invalid)) props.onSubmit?.(model.text);
    },
  });
  const typed = (fn: () => void) => {
    handles.value = false;
    fn();
    changed();
  };

  useTextInput(setup.boxRef, {
    inputMode: () => read(props.inputMode) ?? 'text',
    enterKeyHint: () => read(props.enterKeyHint) ?? (setup.multiline ? 'enter' : 'done'),
    // Read-only and disabled fields take no text: no on-screen keyboard, no input method.
    enabled: () => !readOnly() && !disabled(),
    // For a system input method: the text and the caret (a password's text is not told).
    surrounding: () => {
      const { text, anchor, focus } = model.state.value;
      const secret = setup.secure();
      const caret = (secret ? null : geometry()?.caretRect(focus)) ?? { x: 0, y: 0, width: 1, height: 0 };
      return secret
        ? { text: '', cursor: 0, anchor: 0, caret, caretIn: setup.textRef.current }
        : { text, cursor: focus, anchor, caret, caretIn: setup.textRef.current };
    },
  });

  return {
    model, shown, tick, states, handles, geometry, changed,
    run: (command) => typed(() => run(command)),
    caretVisible: blink.visible,
    boxProps: {
      focusable: () => !disabled(),
      disabled: props.disabled,
      onKeyDown: (e) => {
        const command = commandFor(e, setup.multiline);
        if (!command) return;
        e.preventDefault();
        typed(() => run(command));
      },
      onTextInput: (e) => typed(() => model.insert(e.text)),
      onCompositionStart: () => typed(() => model.startComposition()),
      onCompositionUpdate: (e) => typed(() => model.updateComposition(e.data)),
      // The committed text follows as a `textinput` event; ending here only drops the preedit.
      onCompositionEnd: () => typed(() => model.cancelComposition()),
      // A system input method deletes around the caret before it commits its text.
      onDeleteSurrounding: (e) => typed(() => batch(() => {
        const { start, end } = model;
        model.select(start - e.before, end + e.after);
        model.deleteBackward();
      })),
      onBlur: () => {
        model.cancelComposition();
        handles.value = false;
        if (edited.since) touched.value = true;
        tick.value++;
      },
      semantics: {
        role: 'textbox',
        label: () => read(props.label),
        value: () => (setup.secure() ? dotsFor(model.state.value.text) : model.state.value.text),
        description: () => (invalid() ? read(props.errorMessage) : read(props.helperText)) ?? read(props.placeholder),
        invalid,
        disabled,
      },
    },
  };
}
