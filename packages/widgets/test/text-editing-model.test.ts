/**
 * The editing model on its own: selection and moves, inserts through the input modes' filters
 * and maxLength, deletes by grapheme, word and line, undo with typing coalesced into words,
 * compositions, the keys' commands, and the clipboard's seam.
 */
import { describe, expect, it } from 'vitest';
import type { InputMode } from '@planar/toolkit';
import { EditingModel, clipboard, commandFor, filterInsertion, setSystemClipboard, type EditCommand } from '../src/index.js';

/** A model holding `text` with the caret (or selection `[anchor, focus]`) as given. */
function model(text: string, at: number | [number, number] = text.length, options: ConstructorParameters<typeof EditingModel>[0] = {}) {
  const m = new EditingModel({ ...options, text });
  if (typeof at === 'number') m.select(at);
  else m.select(at[0], at[1]);
  return m;
}

/** Types text one character at a time, as keys do. */
function typeInto(m: EditingModel, text: string) {
  for (const ch of text) m.insert(ch);
}

const FAMILY = '👨‍👩‍👧';
const E_ACUTE = 'e\u0301';

describe('EditingModel: deletes', () => {
  const cases: [name: string, text: string, at: number | [number, number], act: (m: EditingModel) => void, text_: string, caret: number][] = [
    ['backspace-ascii', 'abc', 3, (m) => m.deleteBackward(), 'ab', 2],
    ['backspace-emoji-family-whole', `a${FAMILY}`, 1 + FAMILY.length, (m) => m.deleteBackward(), 'a', 1],
    ['backspace-combining-mark-whole', `caf${E_ACUTE}`, 3 + E_ACUTE.length, (m) => m.deleteBackward(), 'caf', 3],
    ['backspace-flag-whole', 'x🇫🇷', 5, (m) => m.deleteBackward(), 'x', 1],
    ['delete-forward-emoji-family', `${FAMILY}b`, 0, (m) => m.deleteForward(), 'b', 0],
    ['backspace-at-start-does-nothing', 'abc', 0, (m) => m.deleteBackward(), 'abc', 0],
    ['delete-at-end-does-nothing', 'abc', 3, (m) => m.deleteForward(), 'abc', 3],
    ['ctrl-backspace-word', 'hello brave world', 17, (m) => m.deleteBackward('word'), 'hello brave ', 12],
    ['ctrl-backspace-over-spaces-and-punctuation', 'hello, world', 7, (m) => m.deleteBackward('word'), 'world', 0],
    ['ctrl-backspace-inside-word', 'hello world', 9, (m) => m.deleteBackward('word'), 'hello ld', 6],
    ['ctrl-delete-word', 'hello brave world', 5, (m) => m.deleteForward('word'), 'hello world', 5],
    ['backspace-selection', 'hello world', [0, 6], (m) => m.deleteBackward(), 'world', 0],
    ['delete-selection-backwards', 'hello world', [11, 5], (m) => m.deleteForward(), 'hello', 5],
    ['delete-line-back', 'one\ntwo three', 13, (m) => m.deleteBackward('line'), 'one\n', 4],
  ];
  for (const [name, text, at, act, after, caret] of cases) {
    it(name, () => {
      const m = model(text, at);
      act(m);
      expect(m.text).toBe(after);
      expect([m.anchor, m.focus]).toEqual([caret, caret]);
    });
  }
});

describe('EditingModel: moves and selection', () => {
  const cases: [name: string, text: string, at: number | [number, number], act: (m: EditingModel) => void, selection: [number, number]][] = [
    ['left-over-emoji-family', `a${FAMILY}b`, 1 + FAMILY.length, (m) => m.move('grapheme', 'backward'), [1, 1]],
    ['right-over-combining-mark', `${E_ACUTE}x`, 0, (m) => m.move('grapheme', 'forward'), [2, 2]],
    ['shift-left-twice-extends', 'abcd', 4, (m) => { m.move('grapheme', 'backward', true); m.move('grapheme', 'backward', true); }, [4, 2]],
    ['shift-right-then-left-shrinks', 'abcd', 1, (m) => { m.move('grapheme', 'forward', true); m.move('grapheme', 'forward', true); m.move('grapheme', 'backward', true); }, [1, 2]],
    ['left-collapses-selection-to-start', 'abcd', [1, 3], (m) => m.move('grapheme', 'backward'), [1, 1]],
    ['right-collapses-selection-to-end', 'abcd', [3, 1], (m) => m.move('grapheme', 'forward'), [3, 3]],
    ['ctrl-right-to-word-end', 'hello brave world', 5, (m) => m.move('word', 'forward'), [11, 11]],
    ['ctrl-left-to-word-start', 'hello brave world', 11, (m) => m.move('word', 'backward'), [6, 6]],
    ['shift-home-selects-to-start', 'hello', 3, (m) => m.move('line', 'backward', true), [3, 0]],
    ['shift-end-selects-to-end', 'hello', 1, (m) => m.move('line', 'forward', true), [1, 5]],
    ['end-stops-at-newline', 'one\ntwo', 1, (m) => m.move('line', 'forward'), [3, 3]],
    ['home-on-second-line', 'one\ntwo', 6, (m) => m.move('line', 'backward'), [4, 4]],
    ['ctrl-end-to-text-end', 'one\ntwo', 1, (m) => m.move('text', 'forward'), [7, 7]],
    ['select-all', 'hello', 2, (m) => m.selectAll(), [0, 5]],
    ['word-at-tap', 'hello brave world', 8, (m) => m.selectWord(8), [6, 11]],
    ['word-at-end-of-word', 'hello brave world', 11, (m) => m.selectWord(11), [6, 11]],
    ['word-in-password-is-everything', 'my pass word', 4, (m) => { m.secure = true; m.selectWord(4); }, [0, 12]],
    ['ctrl-left-in-password-to-start', 'my pass word', 8, (m) => { m.secure = true; m.move('word', 'backward'); }, [0, 0]],
    ['select-inside-cluster-snaps-to-start', `a${FAMILY}`, [0, 3], () => {}, [0, 1]],
    ['select-beyond-text-clamps', 'abc', [-4, 99], () => {}, [0, 3]],
  ];
  for (const [name, text, at, act, selection] of cases) {
    it(name, () => {
      const m = model(text, at);
      act(m);
      expect([m.anchor, m.focus]).toEqual(selection);
    });
  }

  it('gives the selected text in text order', () => {
    const m = model('hello world', [11, 6]);
    expect(m.selectedText).toBe('world');
    expect([m.start, m.end]).toEqual([6, 11]);
  });
});

describe('EditingModel: inserts', () => {
  it('replaces the selection and leaves the caret after the insertion', () => {
    const m = model('hello world', [6, 11]);
    m.insert('there');
    expect(m.text).toBe('hello there');
    expect([m.anchor, m.focus]).toEqual([11, 11]);
  });

  it('keeps to maxLength counted in user-perceived characters', () => {
    const m = model('ab', 2, { maxLength: 4 });
    m.insert(`${FAMILY}${E_ACUTE}xyz`);
    expect(m.text).toBe(`ab${FAMILY}${E_ACUTE}`);
    expect(m.insert('q')).toBe(false);
    m.select(0, 2);
    m.insert('Q');
    expect(m.text).toBe(`Q${FAMILY}${E_ACUTE}`);
  });

  const filters: [name: string, mode: InputMode, before: string, typed: string, after: string][] = [
    ['pin-digits-only', 'pin', '', '12 a3-4', '1234'],
    ['number-leading-minus', 'number', '', '-12-3.4', '-1234'],
    ['number-minus-only-at-start', 'number', '5', '-6', '56'],
    ['decimal-one-separator', 'decimal', '', '3.14.15', '3.1415'],
    ['decimal-comma-counts-as-separator', 'decimal', '2,5', '.0', '2,50'],
    ['email-no-spaces', 'email', '', 'ann @ example.org', 'ann@example.org'],
    ['url-no-spaces', 'url', '', 'example.org/a b', 'example.org/ab'],
    ['text-keeps-spaces', 'text', '', 'a b', 'a b'],
    ['single-line-paste-newlines-become-spaces', 'text', '', 'one\r\ntwo\nthree', 'one two three'],
    ['control-characters-dropped', 'text', '', 'a\u0007b\u001bc', 'abc'],
  ];
  for (const [name, mode, before, typed, after] of filters) {
    it(`filter ${name}`, () => {
      const m = model(before, before.length, { inputMode: mode });
      m.insert(typed, 'paste');
      expect(m.text).toBe(after);
    });
  }

  it('keeps line breaks in a multi-line model', () => {
    expect(filterInsertion('text', 'a\r\nb', { before: '', after: '', multiline: true })).toBe('a\nb');
    const m = model('', 0, { multiline: true });
    m.insert('\n');
    expect(m.text).toBe('\n');
  });

  it('a rejected character typed over a selection keeps the selection', () => {
    const m = model('1234', [1, 3], { inputMode: 'pin' });
    expect(m.insert('x')).toBe(false);
    expect(m.text).toBe('1234');
    expect(m.selectedText).toBe('23');
  });

  it('refuses every edit while read-only, but still selects', () => {
    const edits: string[] = [];
    const m = new EditingModel({ text: 'fixed', onEdit: (t) => edits.push(t) });
    m.readOnly = true;
    m.insert('x');
    m.deleteBackward();
    m.selectAll();
    expect(m.text).toBe('fixed');
    expect(m.selectedText).toBe('fixed');
    expect(edits).toEqual([]);
  });

  it('tells onEdit of a person\'s edits, not of a text set from outside', () => {
    const edits: string[] = [];
    const m = new EditingModel({ onEdit: (t) => edits.push(t) });
    m.insert('a');
    m.setText('abc');
    m.deleteBackward();
    expect(edits).toEqual(['a', 'ab']);
  });
});

describe('EditingModel: undo', () => {
  it('undoes typing a word at a time, and redoes it', () => {
    const m = model('');
    typeInto(m, 'hello brave world');
    m.undo();
    expect(m.text).toBe('hello brave ');
    m.undo();
    expect(m.text).toBe('hello ');
    m.redo();
    expect(m.text).toBe('hello brave ');
    m.undo();
    m.undo();
    expect(m.text).toBe('');
    expect(m.undo()).toBe(false);
  });

  it('coalesces a run of backspaces, and starts a new step when the caret moves', () => {
    const m = model('hello world');
    for (let i = 0; i < 3; i++) m.deleteBackward();
    m.move('text', 'backward');
    m.deleteForward();
    expect(m.text).toBe('ello wo');
    m.undo();
    expect(m.text).toBe('hello wo');
    m.undo();
    expect(m.text).toBe('hello world');
    expect([m.anchor, m.focus]).toEqual([11, 11]);
  });

  it('makes a paste one step, restores the selection it replaced, and forgets redo after a new edit', () => {
    const m = model('hello world', [6, 11]);
    m.insert('there', 'paste');
    typeInto(m, '!');
    m.undo();
    expect(m.text).toBe('hello there');
    m.undo();
    expect(m.text).toBe('hello world');
    expect(m.selectedText).toBe('world');
    m.insert('x');
    expect(m.redo()).toBe(false);
  });
});

describe('EditingModel: composition', () => {
  it('shows the preedit in place of the selection and commits text over it', () => {
    const m = model('naive cafe', [6, 10]);
    m.startComposition();
    m.updateComposition('´');
    expect(m.state.value).toMatchObject({ text: 'naive cafe', preedit: '´', anchor: 6, focus: 10 });
    m.commitComposition('café');
    expect(m.text).toBe('naive café');
    expect(m.composing).toBe(false);
    m.undo();
    expect(m.text).toBe('naive cafe');
  });

  it('cancelled, leaves the text and selection as they were', () => {
    const m = model('abc', [1, 2]);
    m.startComposition();
    m.updateComposition('ü');
    m.cancelComposition();
    expect(m.state.value).toMatchObject({ text: 'abc', preedit: null, anchor: 1, focus: 2 });
  });
});

describe('clipboard', () => {
  it('holds text in the app until a system clipboard is set, then uses that one', async () => {
    await clipboard.writeText('in app');
    expect(await clipboard.readText()).toBe('in app');
    // As a Wayland display offers it: null when the selection holds no text, a write at once.
    let system: string | null = 'from system';
    setSystemClipboard({ readText: async () => system, writeText: (t) => { system = t; } });
    try {
      expect(await clipboard.readText()).toBe('from system');
      await clipboard.writeText('to system');
      expect(system).toBe('to system');
      system = null;
      expect(await clipboard.readText()).toBe('');
    } finally {
      setSystemClipboard(null);
    }
    // What was written while the system's was in use is in the app's own as well.
    expect(await clipboard.readText()).toBe('to system');
    expect(() => setSystemClipboard({} as never)).toThrow(/readText\(\) and writeText\(text\)/);
  });
});

describe('commandFor: the keys of a field', () => {
  const key = (k: string, mods: { shift?: boolean; ctrl?: boolean; alt?: boolean } = {}) =>
    ({ key: k, shift: !!mods.shift, ctrl: !!mods.ctrl, alt: !!mods.alt, meta: false });
  const cases: [name: string, press: ReturnType<typeof key>, multiline: boolean, command: EditCommand | null][] = [
    ['left', key('ArrowLeft'), false, { kind: 'move-visual', unit: 'grapheme', side: 'left', extend: false }],
    ['ctrl-shift-right', key('ArrowRight', { ctrl: true, shift: true }), false, { kind: 'move-visual', unit: 'word', side: 'right', extend: true }],
    ['up-single-line-left-to-focus', key('ArrowUp'), false, null],
    ['shift-down-multi-line', key('ArrowDown', { shift: true }), true, { kind: 'move-line', side: 'down', extend: true }],
    ['home', key('Home'), false, { kind: 'move', unit: 'line', direction: 'backward', extend: false }],
    ['ctrl-shift-end', key('End', { ctrl: true, shift: true }), true, { kind: 'move', unit: 'text', direction: 'forward', extend: true }],
    ['ctrl-backspace', key('Backspace', { ctrl: true }), false, { kind: 'delete', unit: 'word', direction: 'backward' }],
    ['delete', key('Delete'), false, { kind: 'delete', unit: 'grapheme', direction: 'forward' }],
    ['shift-delete-cuts', key('Delete', { shift: true }), false, { kind: 'cut' }],
    ['ctrl-insert-copies', key('Insert', { ctrl: true }), false, { kind: 'copy' }],
    ['shift-insert-pastes', key('Insert', { shift: true }), false, { kind: 'paste' }],
    ['ctrl-a', key('a', { ctrl: true }), false, { kind: 'select-all' }],
    ['ctrl-z', key('z', { ctrl: true }), false, { kind: 'undo' }],
    ['ctrl-shift-z', key('Z', { ctrl: true, shift: true }), false, { kind: 'redo' }],
    ['ctrl-y', key('y', { ctrl: true }), false, { kind: 'redo' }],
    ['ctrl-x-c-v', key('v', { ctrl: true }), false, { kind: 'paste' }],
    ['enter-single-line-submits', key('Enter'), false, { kind: 'submit' }],
    ['enter-multi-line-new-line', key('Enter'), true, { kind: 'newline' }],
    ['ctrl-enter-multi-line-submits', key('Enter', { ctrl: true }), true, { kind: 'submit' }],
    ['plain-letter-is-text', key('a'), false, null],
    ['alt-letter-left-alone', key('a', { alt: true, ctrl: true }), false, null],
    ['tab-left-to-focus', key('Tab'), true, null],
  ];
  for (const [name, press, multiline, command] of cases) {
    it(name, () => expect(commandFor(press, multiline)).toEqual(command));
  }
});
