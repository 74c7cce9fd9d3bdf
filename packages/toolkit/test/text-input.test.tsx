/**
 * Text input as the app sees it: the focused text field and what it wants, the physical
 * keyboard's presence, typing into the focused node without taking focus, compositions, and
 * the viewport insets an on-screen keyboard sets.
 */
import { describe, expect, it } from 'vitest';
import {
  View, signal, useKeyboardSender, usePhysicalKeyboard, useTextInput, useTextInputFocus, useViewportInsets,
  type CompositionEvent, type InputMode, type KeyboardSender, type NodeHandle,
} from '@planar/toolkit';
import { mount } from './mount.js';

function Field(props: { testId: string; mode: () => InputMode; log: string[] }) {
  const ref = { current: null as NodeHandle | null };
  useTextInput(ref, { inputMode: props.mode, enterKeyHint: 'done' });
  const note = (e: CompositionEvent) => props.log.push(`${props.testId} ${e.type} "${e.data}"`);
  return (
    <View ref={ref} testId={props.testId} focusable style={{ height: 30 }}
      onTextInput={(e) => props.log.push(`${props.testId} text "${e.text}"`)}
      onKeyDown={(e) => props.log.push(`${props.testId} key ${e.key}`)}
      onCompositionStart={note} onCompositionUpdate={note} onCompositionEnd={note}
      onDeleteSurrounding={(e) => props.log.push(`${props.testId} delete ${e.before},${e.after}`)} />
  );
}

describe('text input', () => {
  it('reports the focused field, types into it without moving focus, and follows the keyboard', async () => {
    const log: string[] = [];
    const mode = signal<InputMode>('text');
    let seen: ReturnType<typeof useTextInputFocus> | null = null;
    let physical: ReturnType<typeof usePhysicalKeyboard> | null = null;
    let send: KeyboardSender | null = null;
    let insets: ReturnType<typeof useViewportInsets> | null = null;
    const screen = await mount(() => {
      seen = useTextInputFocus();
      physical = usePhysicalKeyboard();
      send = useKeyboardSender();
      insets = useViewportInsets();
      return (
        <View style={{ width: '100%', height: '100%' }}>
          <Field testId="name" mode={() => 'text'} log={log} />
          <Field testId="pin" mode={() => mode.value} log={log} />
          <View testId="plain" focusable style={{ height: 30 }} />
        </View>
      );
    });
    expect(seen!.value).toBeNull();
    await screen.tap({ testId: 'pin' });
    expect(seen!.value).toMatchObject({ inputMode: 'text', enterKeyHint: 'done' });
    mode.value = 'pin';
    expect(seen!.value?.inputMode).toBe('pin');
    send!.text('4');
    send!.key('Backspace');
    send!.composition('start', '');
    send!.composition('update', '´');
    send!.composition('end', '');
    send!.text('é');
    await screen.flush();
    expect(log).toEqual(['pin text "4"', 'pin key Backspace', 'pin compositionstart ""', 'pin compositionupdate "´"', 'pin compositionend ""', 'pin text "é"']);
    await screen.tap({ testId: 'plain' });
    expect(seen!.value).toBeNull();

    expect(physical!.value).toBe(false);
    screen.display.plug('keyboard');
    expect(physical!.value).toBe(true);
    screen.display.plug('keyboard', false);
    expect(physical!.value).toBe(false);

    // An input method deleting around the caret reaches the focused field, not as text.
    await screen.tap({ testId: 'pin' });
    screen.display.inject({ kind: 'deletesurrounding', before: 2, after: 0, timestamp: 1 });
    await screen.flush();
    expect(log.at(-1)).toBe('pin delete 2,0');

    insets!.value = { top: 0, right: 0, bottom: 200, left: 0 };
    expect(insets!.value.bottom).toBe(200);
  });
});

describe('a system input method', () => {
  it('is enabled for a focused field that tells its text, updated as it changes, and disabled on blur', async () => {
    const { createApp } = await import('@planar/toolkit');
    const { headless } = await import('../src/backend/headless.js');
    const calls: string[] = [];
    const backend = {
      name: 'headless-with-ime',
      open: async (o: Parameters<typeof headless.open>[0]) => {
        const d = await headless.open(o);
        return Object.assign(d, {
          textInput: {
            enable: (s: { surroundingText: string; cursor: number; cursorRect: { x: number } }) => calls.push(`enable "${s.surroundingText}" ${s.cursor} at x ${s.cursorRect.x}`),
            update: (s: { surroundingText: string; cursor: number }) => calls.push(`update "${s.surroundingText}" ${s.cursor}`),
            disable: () => calls.push('disable'),
          },
        });
      },
    };
    const text = signal('Wi-Fi');
    let field: NodeHandle | null = null, other: NodeHandle | null = null;
    function Ime() {
      const ref = { current: null as NodeHandle | null };
      useTextInput(ref, { surrounding: () => ({ text: text.value, cursor: text.value.length, anchor: text.value.length, caret: { x: 30, y: 0, width: 1, height: 20 } }) });
      return (
        <View style={{ flexDirection: 'row', padding: 10 }}>
          <View ref={(h: NodeHandle) => { ref.current = h; field = h; }} focusable style={{ width: 100, height: 20 }} />
          <View ref={(h: NodeHandle) => { other = h; }} focusable style={{ width: 100, height: 20 }} />
        </View>
      );
    }
    const app = await createApp(() => <Ime />, { backend, width: 300, height: 100 });
    try {
      field!.focus();
      text.value = 'Wi-Fi 5';
      other!.focus();
      // The field's box starts at x 10; the caret is 30 px into it.
      expect(calls).toEqual(['enable "Wi-Fi" 5 at x 40', 'update "Wi-Fi 5" 7', 'disable']);
    } finally {
      await app.close();
    }
  });
});
