/**
 * The system input method through zwp_text_input_v3, against a fake connection: what a text
 * field's focus sends to the compositor, and what the input method's preedit, commit and
 * delete events become for the app. The compositor's side is the protocol's double-buffered
 * `done`, played here event by event.
 */
import { describe, expect, it } from 'vitest';
import type { InputEvent } from '@planar/toolkit';
import { WaylandTextInput, type TextInputState } from '../src/text-input.js';
import { deletedUnits, surroundingWindow } from '../src/surrounding.js';
import type { TextInputEvent, TextInputRequest } from '../src/native.js';
import type { WaylandInputEvent } from '../src/input.js';

const field = (surroundingText: string, cursor = surroundingText.length, anchor = cursor): TextInputState => ({
  surroundingText, cursor, anchor, contentHint: 0, contentPurpose: 0, cursorRect: { x: 20, y: 40, width: 2, height: 30 },
});

function session(scale = 1) {
  const sent: TextInputRequest[] = [];
  const events: WaylandInputEvent[] = [];
  const input = new WaylandTextInput((r) => sent.push(r), (e) => events.push(e), () => scale, () => 7);
  const done = (d: Partial<Extract<TextInputEvent, { kind: 'done' }>>) => input.handle({
    type: 'text-input', kind: 'done', preedit: null, preeditCursorBegin: 0, preeditCursorEnd: 0, commit: null, deleteBefore: 0, deleteAfter: 0, serial: sent.length, ...d,
  });
  const enter = () => input.handle({ type: 'text-input', kind: 'enter' });
  const leave = () => input.handle({ type: 'text-input', kind: 'leave' });
  const seen = () => events.map((e: WaylandInputEvent | InputEvent) => {
    if (e.kind === 'composition') return `composition ${e.type} ${e.data}`;
    if (e.kind === 'text') return `text ${e.text}`;
    if (e.kind === 'deletesurrounding') return `delete ${e.before} ${e.after}`;
    return e.kind;
  });
  return { input, sent, events, done, enter, leave, seen };
}

describe('what focus sends', () => {
  it('enable-before-the-window-has-text-input-focus-waits-for-enter', () => {
    const { input, sent, enter } = session(2);
    input.enable({ ...field('café', 3), contentHint: 0x200, contentPurpose: 6 });
    expect(sent, 'nothing before enter: the compositor would ignore it').toEqual([]);
    enter();
    expect(sent).toEqual([{
      enable: true,
      surrounding: { text: 'café', cursor: 3, anchor: 3 },
      contentType: { hint: 0x200, purpose: 6 },
      cursorRect: { x: 10, y: 20, width: 1, height: 15 },
    }]);
  });

  it('each-enter-after-a-leave-enables-again', () => {
    const { input, sent, enter, leave } = session();
    enter();
    input.enable(field('a'));
    leave();
    enter();
    expect(sent.map((r) => r.enable)).toEqual([true, true]);
  });

  it('cursor-and-anchor-go-out-as-utf8-byte-offsets', () => {
    const { input, sent, enter } = session();
    enter();
    input.enable(field('ñandú 🙂 ok', 9, 6));
    expect(sent[0]!.surrounding).toEqual({ text: 'ñandú 🙂 ok', cursor: 13, anchor: 8 });
  });

  it('update-sends-the-new-state-without-enabling-again-and-disable-says-so', () => {
    const { input, sent, enter } = session();
    enter();
    input.enable(field('a'));
    input.update(field('ab'));
    input.disable();
    input.update(field('abc'));
    expect(sent.map((r) => [r.enable ?? false, r.disable ?? false, r.surrounding?.text])).toEqual([[true, false, 'a'], [false, false, 'ab'], [false, true, undefined]]);
  });

  it('a-state-with-a-cursor-outside-the-text-is-refused-with-the-range', () => {
    const { input } = session();
    expect(() => input.enable(field('abc', 5))).toThrow('textInput.enable(): cursor is 5, but must be a whole UTF-16 index from 0 to 3 (the length of surroundingText)');
    expect(() => input.enable({ ...field('abc'), cursorRect: undefined as never })).toThrow(/cursorRect must be/);
  });
});

describe('what the input method sends', () => {
  it('a-preedit-grows-then-commits-as-one-text-event', () => {
    const { input, enter, done, seen } = session();
    enter();
    input.enable(field(''));
    done({ preedit: 'に' });
    done({ preedit: 'にほ' });
    done({ commit: '日本' });
    expect(seen()).toEqual(['composition start ', 'composition update に', 'composition update にほ', 'composition end 日本', 'text 日本']);
  });

  it('a-preedit-taken-back-ends-the-composition-empty', () => {
    const { input, enter, done, seen } = session();
    enter();
    input.enable(field(''));
    done({ preedit: 'x' });
    done({});
    expect(seen()).toEqual(['composition start ', 'composition update x', 'composition end ']);
  });

  it('delete-then-commit-in-the-protocols-order-with-lengths-in-utf16-units', () => {
    const { input, enter, done, seen } = session();
    enter();
    input.enable(field('cafe 🙂'));
    done({ preedit: 'é' });
    // Replace the emoji (4 bytes, 2 units) and the space before it (1 and 1) with "!", keep composing.
    done({ deleteBefore: 5, commit: '!', preedit: 'ü' });
    expect(seen()).toEqual([
      'composition start ', 'composition update é',
      'composition end !', 'delete 3 0', 'text !', 'composition start ', 'composition update ü',
    ]);
  });

  it('a-done-for-an-older-state-holds-the-fields-updates-until-the-current-one', () => {
    const { input, sent, enter, done } = session();
    enter();
    input.enable(field('a'));
    input.update(field('ab'));
    done({ serial: 1, commit: 'x' });
    input.update(field('abx'));
    input.update(field('abxy'));
    expect(sent).toHaveLength(2);
    done({ serial: 2 });
    expect(sent.map((r) => r.surrounding?.text), 'only the last held state goes').toEqual(['a', 'ab', 'abxy']);
  });

  it('leaving-mid-composition-and-disabling-end-the-composition', () => {
    const { input, enter, leave, done, seen } = session();
    enter();
    input.enable(field(''));
    done({ preedit: 'a' });
    leave();
    enter();
    done({ preedit: 'b' });
    input.disable();
    expect(seen().filter((s) => s.startsWith('composition end'))).toEqual(['composition end ', 'composition end ']);
  });
});

describe('surrounding text in bytes', () => {
  it('text-over-4000-bytes-is-cut-to-a-window-around-the-cursor', () => {
    const text = 'é'.repeat(3000) + '|' + 'ü'.repeat(3000);
    const w = surroundingWindow(text, 3000, 3000);
    expect(Buffer.byteLength(w.text)).toBeLessThan(4000);
    expect(w.text[w.cursor]).toBe('|');
    expect(w.cursorBytes).toBe(Buffer.byteLength(w.text.slice(0, w.cursor)));
  });

  it('a-window-never-splits-a-character', () => {
    const text = '🙂'.repeat(2000);
    const w = surroundingWindow(text, 1001, 1001);
    expect(w.text.startsWith('\udc42')).toBe(false);
    expect(Buffer.from(w.text).toString()).toBe(w.text);
  });

  it('delete-lengths-count-whole-characters-either-side', () => {
    expect(deletedUnits('a🙂b', 3, 4, 1)).toEqual({ before: 2, after: 1 });
    expect(deletedUnits('ab', 1, 9, 9), 'lengths past the text stop at its ends').toEqual({ before: 1, after: 1 });
  });
});
