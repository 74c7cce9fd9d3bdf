/**
 * Undo and redo for a text field, as snapshots of its text and selection.
 *
 * Each undo step is the snapshot from before the step's first edit. Edits coalesce into the
 * open step while they continue it: typing at the caret where the last typed text ended, or
 * deleting one key after another from where the last delete left the caret. Typing closes its
 * step where a new word starts (a letter typed after a space), so "hello world" undoes as
 * "world", then "hello ". Anything else — a paste, a cut, a replaced selection, a caret moved
 * by keys or a tap, an undo — closes the open step, so the next edit starts a new one.
 *
 * A redo snapshot is kept for each undone step until a new edit is made. The history keeps
 * the last `limit` steps.
 */

/** A text and its selection, as undo restores them. */
export interface TextSnapshot {
  readonly text: string;
  readonly anchor: number;
  readonly focus: number;
}

/** What kind of edit a step is: only edits of the same kind coalesce. */
export type EditKind = 'type' | 'delete-backward' | 'delete-forward' | 'replace';

/** One edit as the history hears of it: its kind, the caret before and after, and the text it typed. */
export interface EditRecord {
  kind: EditKind;
  /** Where the caret was before the edit (a collapsed selection), or -1 when text was selected. */
  from: number;
  /** Where the caret is after it. */
  to: number;
  /** The text inserted ('' for deletes). */
  text: string;
}

const isSpace = (ch: string) => /\s/.test(ch);

export class UndoHistory {
  private readonly undoStack: TextSnapshot[] = [];
  private readonly redoStack: TextSnapshot[] = [];
  /** The step edits may still join: its kind, where its caret ended and the last character it typed. */
  private open: { kind: EditKind; to: number; last: string } | null = null;

  constructor(private readonly limit = 100) {}

  /** Notes an edit made to `before`: it opens a new step unless it continues the open one. */
  record(before: TextSnapshot, edit: EditRecord): void {
    this.redoStack.length = 0;
    if (!this.continues(edit)) {
      this.undoStack.push(before);
      if (this.undoStack.length > this.limit) this.undoStack.shift();
    }
    this.open = edit.kind === 'replace' ? null : { kind: edit.kind, to: edit.to, last: edit.text.slice(-1) || (this.open?.last ?? '') };
  }

  private continues(edit: EditRecord): boolean {
    const open = this.open;
    if (!open || edit.kind === 'replace' || edit.kind !== open.kind || edit.from !== open.to || edit.from < 0) return false;
    // A word typed after a space starts a step of its own.
    if (edit.kind === 'type' && isSpace(open.last) && !isSpace(edit.text.charAt(0))) return false;
    return true;
  }

  /** The next edit starts a step of its own (the caret moved, the field lost focus…). */
  close(): void {
    this.open = null;
  }

  /** The snapshot to go back to from `current`, or null when there is nothing to undo. */
  undo(current: TextSnapshot): TextSnapshot | null {
    const back = this.undoStack.pop();
    if (!back) return null;
    this.redoStack.push(current);
    this.open = null;
    return back;
  }

  /** The snapshot an undo left, to go forward to from `current`, or null. */
  redo(current: TextSnapshot): TextSnapshot | null {
    const forward = this.redoStack.pop();
    if (!forward) return null;
    this.undoStack.push(current);
    this.open = null;
    return forward;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Forgets every step (the text was replaced from outside). */
  clear(): void {
    this.undoStack.length = 0;
    this.redoStack.length = 0;
    this.open = null;
  }
}
