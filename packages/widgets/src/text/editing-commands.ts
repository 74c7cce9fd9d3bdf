/**
 * Runs a field's commands (key-bindings.ts) against its model, with the laid-out text where a
 * command goes by what is on screen: ← / → step through the text as it is drawn (in a
 * right-to-left run that is forward in the text), ↑ / ↓ go to the line above or below at the
 * x where the vertical moves began, and Home / End in a multi-line field go to the ends of
 * the line as wrapped. Without a laid-out text (not drawn yet) the logical moves stand in.
 * Offsets go through the shown text's maps (shown-text.ts), since the geometry is of what is
 * drawn (dots for a password).
 */
import type { TextGeometry } from '@planar/toolkit';
import { clipboard } from './clipboard.js';
import type { EditingModel } from './editing-model.js';
import type { EditCommand } from './key-bindings.js';
import type { ShownText } from './shown-text.js';

export interface CommandContext {
  model: EditingModel;
  shown: () => ShownText;
  /** The geometry of the drawn text, or null before it is laid out. */
  geometry: () => TextGeometry | null;
  /** Whether the text is a password (it is never copied out). */
  secure: () => boolean;
  /** Enter in a single-line field, Ctrl+Enter in a multi-line one. */
  submit: () => void;
  /** Called when a paste lands (the caller tells of the command's own changes). */
  changed: () => void;
  /** Whether the field is still mounted (a paste lands later). */
  alive: () => boolean;
}

/**
 * A runner of commands for one field. It remembers the x where a run of ↑ / ↓ began, so a
 * caret passing a short line comes back to its column.
 * @example const run = commandRunner(ctx); run({ kind: 'select-all' });
 */
export function commandRunner(ctx: CommandContext): (command: EditCommand) => void {
  const { model } = ctx;
  let goalX: number | null = null;

  /** The geometry, if it is of the text shown now (it lags when the text changed since the last layout). */
  const fresh = (): TextGeometry | null => {
    const g = ctx.geometry();
    return g && g.text === ctx.shown().text ? g : null;
  };

  const moveVisual = (side: 'left' | 'right', unit: 'grapheme' | 'word', extend: boolean) => {
    const g = fresh(), shown = ctx.shown();
    const at = shown.toShown(model.focus);
    const dest = g ? (side === 'left' ? g.visualLeft(at) : g.visualRight(at)) : at;
    // Which way the side runs in the text where the caret is: left is back in left-to-right text.
    const backward = dest === at ? side === 'left' : dest < at;
    if (unit === 'word' || !g) {
      model.move(unit, backward ? 'backward' : 'forward', extend);
      return;
    }
    if (!extend && model.start !== model.end) {
      // A selection collapses to its edge on that side of the screen.
      const a = g.caretRect(shown.toShown(model.start)).x, b = g.caretRect(shown.toShown(model.end)).x;
      const [leftEdge, rightEdge] = a <= b ? [model.start, model.end] : [model.end, model.start];
      model.select(side === 'left' ? leftEdge : rightEdge);
      return;
    }
    model.moveTo(shown.toModel(dest), extend);
  };

  const moveLine = (side: 'up' | 'down', extend: boolean) => {
    const g = fresh(), shown = ctx.shown();
    if (!g) {
      model.move('line', side === 'up' ? 'backward' : 'forward', extend);
      return;
    }
    const at = shown.toShown(model.focus);
    const x = goalX ?? g.caretRect(at).x;
    model.moveTo(shown.toModel(side === 'up' ? g.lineAbove(at, x) : g.lineBelow(at, x)), extend);
    goalX = x;
  };

  const lineEdge = (direction: 'backward' | 'forward', extend: boolean) => {
    const g = fresh(), shown = ctx.shown();
    if (!model.multiline || !g) {
      model.move('line', direction, extend);
      return;
    }
    const line = g.lineAt(shown.toShown(model.focus));
    model.moveTo(shown.toModel(direction === 'backward' ? line.start : line.end), extend);
  };

  // A system clipboard that fails (its owner went away) leaves the copy in the app's own, and a
  // paste that fails pastes nothing: neither is worth more than the field staying as it is.
  const copy = () => {
    if (!ctx.secure() && model.start !== model.end) clipboard.writeText(model.selectedText).catch(() => {});
  };

  return (command) => {
    const keepGoal = command.kind === 'move-line';
    switch (command.kind) {
      case 'move-visual': moveVisual(command.side, command.unit, command.extend); break;
      case 'move-line': moveLine(command.side, command.extend); break;
      case 'move':
        if (command.unit === 'line') lineEdge(command.direction, command.extend);
        else model.move(command.unit, command.direction, command.extend);
        break;
      case 'delete':
        if (command.direction === 'backward') model.deleteBackward(command.unit);
        else model.deleteForward(command.unit);
        break;
      case 'select-all': model.selectAll(); break;
      case 'undo': model.undo(); break;
      case 'redo': model.redo(); break;
      case 'copy': copy(); break;
      case 'cut':
        if (ctx.secure() || model.readOnly) break;
        copy();
        model.deleteBackward();
        break;
      case 'paste':
        if (model.readOnly) break;
        clipboard.readText().then((text) => {
          if (!ctx.alive() || !text) return;
          model.insert(text, 'paste');
          ctx.changed();
        }, () => {});
        break;
      case 'newline': model.insert('\n'); break;
      case 'submit': ctx.submit(); break;
    }
    if (!keepGoal) goalX = null;
  };
}
