/**
 * The keys of a text field, as commands: which key with which modifiers moves, selects,
 * deletes, undoes or submits (the bindings of GTK and the web on Linux). A key that is not
 * here is left to the toolkit (Tab and, in a single-line field, ↑ / ↓ move focus).
 *
 * | keys                              | command                                   |
 * |-----------------------------------|-------------------------------------------|
 * | ← / →  (Ctrl: by word)            | move the caret left / right on screen     |
 * | ↑ / ↓  (multi-line only)          | move to the line above / below            |
 * | Home / End  (Ctrl: whole text)    | move to the line's start / end            |
 * | any of the above with Shift       | extend the selection instead              |
 * | Backspace / Delete  (Ctrl: word)  | delete back / forward                     |
 * | Ctrl+A                            | select all                                |
 * | Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y    | undo, redo                                |
 * | Ctrl+X / C / V                    | cut, copy, paste (also Shift+Delete, Ctrl+Insert, Shift+Insert) |
 * | Enter                             | submit; in a multi-line field a new line, and Ctrl+Enter submits |
 */
import type { KeyEvent } from '@planar/toolkit';
import type { TextDirection, TextUnit } from './editing-model.js';

export type EditCommand =
  | { kind: 'move'; unit: TextUnit; direction: TextDirection; extend: boolean }
  /** Left or right on screen: the text's direction says whether that is back or forward. */
  | { kind: 'move-visual'; unit: 'grapheme' | 'word'; side: 'left' | 'right'; extend: boolean }
  | { kind: 'move-line'; side: 'up' | 'down'; extend: boolean }
  | { kind: 'delete'; unit: TextUnit; direction: TextDirection }
  | { kind: 'select-all' | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'submit' | 'newline' };

type KeyInfo = Pick<KeyEvent, 'key' | 'shift' | 'ctrl' | 'alt' | 'meta'>;

/**
 * The command a key press stands for in a field, or null for a key the field leaves alone.
 * @example commandFor({ key: 'ArrowLeft', shift: true, ctrl: true, alt: false, meta: false }, false)
 *   // { kind: 'move-visual', unit: 'word', side: 'left', extend: true }
 */
export function commandFor(e: KeyInfo, multiline: boolean): EditCommand | null {
  if (e.alt || e.meta) return null;
  const extend = e.shift;
  switch (e.key) {
    case 'ArrowLeft': case 'ArrowRight':
      return { kind: 'move-visual', unit: e.ctrl ? 'word' : 'grapheme', side: e.key === 'ArrowLeft' ? 'left' : 'right', extend };
    case 'ArrowUp': case 'ArrowDown':
      return multiline ? { kind: 'move-line', side: e.key === 'ArrowUp' ? 'up' : 'down', extend } : null;
    case 'Home': case 'End':
      return { kind: 'move', unit: e.ctrl ? 'text' : 'line', direction: e.key === 'Home' ? 'backward' : 'forward', extend };
    case 'Backspace':
      return { kind: 'delete', unit: e.ctrl ? 'word' : 'grapheme', direction: 'backward' };
    case 'Delete':
      if (e.shift && !e.ctrl) return { kind: 'cut' };
      return { kind: 'delete', unit: e.ctrl ? 'word' : 'grapheme', direction: 'forward' };
    case 'Insert':
      if (e.ctrl && !e.shift) return { kind: 'copy' };
      return e.shift && !e.ctrl ? { kind: 'paste' } : null;
    case 'Enter':
      return multiline && !e.ctrl ? { kind: 'newline' } : { kind: 'submit' };
  }
  if (!e.ctrl) return null;
  switch (e.key.toLowerCase()) {
    case 'a': return { kind: 'select-all' };
    case 'z': return { kind: e.shift ? 'redo' : 'undo' };
    case 'y': return { kind: 'redo' };
    case 'x': return { kind: 'cut' };
    case 'c': return { kind: 'copy' };
    case 'v': return { kind: 'paste' };
  }
  return null;
}
