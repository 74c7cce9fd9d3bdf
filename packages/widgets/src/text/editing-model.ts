/**
 * The editing model of a text field, apart from any drawing: a text, a selection in it, a
 * composition in progress, and the edits a person makes with keys, taps and an input method.
 *
 * 1. The selection is an anchor (where it started) and a focus (where the caret is), UTF-16
 *    offsets that always lie on grapheme boundaries (segments.ts); equal, it is a caret.
 * 2. An insertion replaces the selection with text that first passes the input mode's filter
 *    (input-filter.ts), then is cut to what `maxLength` (in user-perceived characters) leaves room for.
 * 3. Deletes and moves go by grapheme, word (Ctrl) or line; a selection is deleted whole.
 * 4. Every edit is noted in the undo history (undo-history.ts), where typing coalesces into words.
 * 5. A composition (a dead key, an input method's preedit) shows its preedit in place of the
 *    selection without changing the text; its committed text arrives as an insertion, so a
 *    composition that ends without one was cancelled and the selection is as it was.
 *
 * The state is one signal, so a view reads text, selection and preedit together. `onEdit`
 * hears every change a person made to the text; `setText` (a new value from outside) is silent.
 */
import { signal, type InputMode, type ReadonlySignal } from '@planar/toolkit';
import { filterInsertion } from './input-filter.js';
import {
  firstGraphemes, graphemeBoundary, graphemeCount, lineEnd, lineStart, nextGrapheme, nextWordEnd, previousGrapheme, previousWordStart, wordAt,
} from './segments.js';
import { UndoHistory, type EditKind, type TextSnapshot } from './undo-history.js';

/** The text, the selection and the preedit of a composition (null while none runs). */
export interface EditingState extends TextSnapshot {
  readonly preedit: string | null;
}

/** How far a move or a delete reaches: a character, a word, to the line's edge, or to the text's edge. */
export type TextUnit = 'grapheme' | 'word' | 'line' | 'text';
export type TextDirection = 'backward' | 'forward';

export interface EditingModelOptions {
  text?: string;
  multiline?: boolean;
  inputMode?: InputMode;
  /** The most user-perceived characters the text may hold (undefined: no limit). */
  maxLength?: number;
  /** Hears the text after every edit a person makes. */
  onEdit?: (text: string) => void;
}

/**
 * A text field's editing model.
 * @example
 * const model = new EditingModel({ inputMode: 'pin', maxLength: 4, onEdit: (t) => pin.value = t });
 * model.insert('12a345');          // '1234'
 * model.deleteBackward();          // '123'
 * model.undo();                    // '1234'
 */
export class EditingModel {
  private readonly current = signal<EditingState>({ text: '', anchor: 0, focus: 0, preedit: null });
  private readonly history = new UndoHistory();
  private readonly onEdit: ((text: string) => void) | undefined;
  multiline: boolean;
  inputMode: InputMode;
  maxLength: number | undefined;
  /** Edits are refused; the selection still moves (a read-only field can be selected and copied). */
  readOnly = false;
  /** The text is hidden (a password): a word is the whole text, so word moves do not reveal its spaces. */
  secure = false;

  constructor(options: EditingModelOptions = {}) {
    this.multiline = options.multiline ?? false;
    this.inputMode = options.inputMode ?? 'text';
    this.maxLength = options.maxLength;
    this.onEdit = options.onEdit;
    const text = options.text ?? '';
    this.current.value = { text, anchor: text.length, focus: text.length, preedit: null };
  }

  /** The whole state as a signal. */
  get state(): ReadonlySignal<EditingState> {
    return this.current;
  }
  get text(): string { return this.current.value.text; }
  get anchor(): number { return this.current.value.anchor; }
  get focus(): number { return this.current.value.focus; }
  /** The selection's start and end, in text order. */
  get start(): number { return Math.min(this.anchor, this.focus); }
  get end(): number { return Math.max(this.anchor, this.focus); }
  get selectedText(): string { return this.text.slice(this.start, this.end); }
  get composing(): boolean { return this.current.value.preedit !== null; }
  get canUndo(): boolean { return this.history.canUndo; }
  get canRedo(): boolean { return this.history.canRedo; }

  /** Start and end of the selection without subscribing (for the edits, which may run inside effects). */
  private span(): { text: string; start: number; end: number; anchor: number; focus: number } {
    const { text, anchor, focus } = this.current.peek();
    return { text, anchor, focus, start: Math.min(anchor, focus), end: Math.max(anchor, focus) };
  }

  /**
   * Shows a text given from outside (a new value): no undo step, no `onEdit`. The selection keeps
   * its offsets where they still fit, and one at the end of the old text moves to the end of the new.
   */
  setText(text: string): void {
    const s = this.current.peek();
    if (s.text === text) return;
    // An offset at the old text's end stays at the end (text added from outside follows the caret).
    const at = (i: number) => (i === s.text.length ? text.length : graphemeBoundary(text, Math.min(i, text.length)));
    this.history.close();
    this.current.value = { text, anchor: at(s.anchor), focus: at(s.focus), preedit: null };
  }

  /** Selects from `anchor` to `focus` (a caret at `anchor` when `focus` is left out); offsets are clamped to the text. */
  select(anchor: number, focus: number = anchor): void {
    const s = this.current.peek();
    const at = (i: number) => graphemeBoundary(s.text, Math.max(0, Math.min(i, s.text.length)));
    this.history.close();
    this.current.value = { ...s, anchor: at(anchor), focus: at(focus), preedit: null };
  }

  selectAll(): void {
    this.select(0, this.span().text.length);
  }

  /** Selects the word around `offset` (a double tap). */
  selectWord(offset: number): void {
    const { text } = this.span();
    const { start, end } = this.secure ? { start: 0, end: text.length } : wordAt(text, offset);
    this.select(start, end);
  }

  /** Moves the caret to `offset`, or its focus there when `extend` (Shift held, or a drag). */
  moveTo(offset: number, extend = false): void {
    this.select(extend ? this.span().anchor : offset, offset);
  }

  /**
   * Moves by `unit` in `direction`; with `extend` the selection grows or shrinks from its focus.
   * Without it a selection collapses: to its edge for a character move, else from its focus.
   */
  move(unit: TextUnit, direction: TextDirection, extend = false): void {
    const { start, end, focus } = this.span();
    if (!extend && unit === 'grapheme' && start !== end) {
      this.select(direction === 'forward' ? end : start);
      return;
    }
    this.moveTo(this.reach(unit, direction, focus), extend);
  }

  /** Where a move by `unit` in `direction` from `from` lands. */
  reach(unit: TextUnit, direction: TextDirection, from: number): number {
    const { text } = this.span();
    const forward = direction === 'forward';
    if (unit === 'word' && this.secure) unit = 'text';
    switch (unit) {
      case 'grapheme': return forward ? nextGrapheme(text, from) : previousGrapheme(text, from);
      case 'word': return forward ? nextWordEnd(text, from) : previousWordStart(text, from);
      case 'line': return forward ? lineEnd(text, from) : lineStart(text, from);
      case 'text': return forward ? text.length : 0;
    }
  }

  /**
   * Replaces the selection with `text` as the input mode and `maxLength` allow (the rest is
   * left out); `paste` makes it an undo step of its own. Returns whether the text changed.
   */
  insert(text: string, how: 'type' | 'paste' = 'type'): boolean {
    if (this.readOnly) return false;
    const s = this.current.peek();
    const { start, end } = this.span();
    const before = s.text.slice(0, start), after = s.text.slice(end);
    let kept = filterInsertion(this.inputMode, text, { before, after, multiline: this.multiline });
    if (this.maxLength !== undefined) kept = firstGraphemes(kept, this.maxLength - graphemeCount(before) - graphemeCount(after));
    // Nothing left to insert: a caret stays, and a selection is kept unless '' was asked for.
    if (kept === '' && (start === end || text !== '')) {
      if (s.preedit !== null) this.current.value = { ...s, preedit: null };
      return false;
    }
    const kind: EditKind = how === 'paste' ? 'replace' : 'type';
    return this.apply(before + kept + after, before.length + kept.length, kind, kept);
  }

  /** Deletes the selection, or back from the caret by `unit` (Backspace, Ctrl+Backspace). */
  deleteBackward(unit: TextUnit = 'grapheme'): boolean {
    return this.deleteToward('backward', unit);
  }

  /** Deletes the selection, or on from the caret by `unit` (Delete, Ctrl+Delete). */
  deleteForward(unit: TextUnit = 'grapheme'): boolean {
    return this.deleteToward('forward', unit);
  }

  private deleteToward(direction: TextDirection, unit: TextUnit): boolean {
    if (this.readOnly) return false;
    const { text, start, end } = this.span();
    let from = start, to = end;
    if (from === to) {
      const reach = this.reach(unit, direction, from);
      [from, to] = direction === 'forward' ? [from, reach] : [reach, from];
    }
    if (from === to) return false;
    return this.apply(text.slice(0, from) + text.slice(to), from, direction === 'forward' ? 'delete-forward' : 'delete-backward', '');
  }

  /** Undoes the last step; returns whether there was one. */
  undo(): boolean {
    return !this.readOnly && this.restore(this.history.undo(this.snapshot()));
  }

  /** Redoes the last undone step; returns whether there was one. */
  redo(): boolean {
    return !this.readOnly && this.restore(this.history.redo(this.snapshot()));
  }

  /** A composition starts: its preedit will show in place of the selection. */
  startComposition(): void {
    if (!this.readOnly) this.current.value = { ...this.current.peek(), preedit: '' };
  }

  /** The composition's preedit is now `preedit` (the whole of it). */
  updateComposition(preedit: string): void {
    if (!this.readOnly) this.current.value = { ...this.current.peek(), preedit };
  }

  /** The composition ends with `text` committed in place of the selection. */
  commitComposition(text: string): boolean {
    this.cancelComposition();
    return this.insert(text);
  }

  /** The composition ends without text (or its text follows as an `insert`): the preedit goes, the selection stays. */
  cancelComposition(): void {
    const s = this.current.peek();
    if (s.preedit !== null) this.current.value = { ...s, preedit: null };
  }

  /** The text and selection, as undo restores them. */
  snapshot(): TextSnapshot {
    const { text, anchor, focus } = this.current.peek();
    return { text, anchor, focus };
  }

  private apply(text: string, caret: number, kind: EditKind, typed: string): boolean {
    const before = this.snapshot();
    const from = before.anchor === before.focus ? before.focus : -1;
    this.history.record(before, { kind, from, to: caret, text: typed });
    this.current.value = { text, anchor: caret, focus: caret, preedit: null };
    if (text !== before.text) this.onEdit?.(text);
    return text !== before.text;
  }

  private restore(to: TextSnapshot | null): boolean {
    if (!to) return false;
    const changed = to.text !== this.span().text;
    this.current.value = { ...to, preedit: null };
    if (changed) this.onEdit?.(to.text);
    return true;
  }
}
