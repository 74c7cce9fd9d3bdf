/**
 * What the keyboard tests share: a form at 800x480 with text fields of every input mode (a
 * focusable box registered with useTextInput, keeping what is typed into it), an empty area
 * to tap outside them, and the on-screen keyboard at the root.
 */
import { Text, View, signal, useTextInput, type EnterKeyHint, type InputMode, type NodeHandle, type Reactive, type Signal } from '@planar/toolkit';
import type { Screen } from '@planar/toolkit/testing';
import { OnScreenKeyboard, type OnScreenKeyboardProps } from '../src/index.js';
import { renderThemed, type ThemedOptions } from './harness.js';

/** What a field heard: its text so far, and every key and text event in order. */
export interface FieldLog {
  text: Signal<string>;
  events: string[];
}

export interface FieldProps {
  testId: string;
  inputMode?: Reactive<InputMode>;
  enterKeyHint?: Reactive<EnterKeyHint>;
  log: FieldLog;
}

/** A text field as small as it can be: it takes focus, says what it wants, and keeps what it is sent. */
export function Field(props: FieldProps) {
  const ref = { current: null as NodeHandle | null };
  useTextInput(ref, { inputMode: props.inputMode, enterKeyHint: props.enterKeyHint });
  return (
    <View
      ref={ref} testId={props.testId} focusable
      semantics={{ role: 'textbox', label: props.testId, value: () => props.log.text.value }}
      style={{ height: 40, borderWidth: 1, borderColor: '#888888', justifyContent: 'center', paddingLeft: 8 }}
      onTextInput={(e) => {
        props.log.events.push(`text ${e.text}`);
        props.log.text.value += e.text;
      }}
      onKeyDown={(e) => {
        props.log.events.push(`key ${e.key}`);
        if (e.key === 'Backspace') props.log.text.value = [...props.log.text.value].slice(0, -1).join('');
      }}
    >
      <Text style={{ fontSize: 16 }}>{() => props.log.text.value}</Text>
    </View>
  );
}

export function fieldLog(): FieldLog {
  return { text: signal(''), events: [] };
}

export interface Form {
  screen: Screen;
  /** The logs of the fields, by testId. */
  fields: Record<'name' | 'email' | 'pin' | 'amount', FieldLog>;
}

/** The form with the keyboard, rendered at 800x480 (planes emulated as on a Pi 5 unless told). */
export async function mountForm(keyboard: OnScreenKeyboardProps = {}, options: ThemedOptions & { enterKeyHint?: Reactive<EnterKeyHint> } = {}): Promise<Form> {
  const fields = { name: fieldLog(), email: fieldLog(), pin: fieldLog(), amount: fieldLog() };
  const { enterKeyHint, ...rest } = options;
  const screen = await renderThemed(() => (
    <View style={{ width: '100%', height: '100%', padding: 16, gap: 8 }}>
      <Field testId="name" log={fields.name} enterKeyHint={enterKeyHint} />
      <Field testId="email" inputMode="email" enterKeyHint="next" log={fields.email} />
      <Field testId="pin" inputMode="pin" enterKeyHint="done" log={fields.pin} />
      <Field testId="amount" inputMode="decimal" log={fields.amount} />
      <View testId="outside" style={{ flexGrow: 1 }} />
      <OnScreenKeyboard {...keyboard} />
    </View>
  ), { width: 800, height: 480, planes: 'pi5', ...rest });
  return { screen, fields };
}

/** Taps the keys that type `text`, one by one (each found by its name). */
export async function tapKeys(screen: Screen, text: string): Promise<void> {
  for (const ch of text) await screen.tap(screen.getByRole('button', { name: ch === ' ' ? 'Space' : ch }));
}
