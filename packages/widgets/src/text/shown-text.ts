/**
 * What a field shows for its editing state, and how offsets in the shown text map back to the
 * model's. The shown text differs from the model's text in two ways:
 *
 * 1. A password shows one dot per user-perceived character, so a dot is one UTF-16 unit where
 *    the character may be several (an emoji is two or more).
 * 2. During a composition the preedit stands in place of the selection:
 *
 *        model   h e l [l o] w          selection 3..5, preedit "ö"
 *        shown   h e l  ö    w          before "hel", preedit "ö", after " w"
 *
 *    The caret shows at the end of the preedit, and an offset inside the preedit maps back to
 *    where the selection starts.
 */
import { graphemeCount } from './segments.js';
import type { EditingState } from './editing-model.js';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The bullet a password shows for each character. */
export const PASSWORD_DOT = '\u2022';

export interface ShownText {
  /** The shown text before the preedit (the whole text when nothing is composed). */
  before: string;
  /** The preedit, underlined ('' when nothing is composed). */
  preedit: string;
  after: string;
  /** `before + preedit + after`: what the paragraph holds. */
  text: string;
  /** Where the caret shows, in the shown text. */
  caret: number;
  /** The selection shown, start and end in the shown text (empty while composing). */
  selection: { start: number; end: number };
  /** The model offset for an offset in the shown text (a tap on the paragraph). */
  toModel(offset: number): number;
  /** The shown offset for a model offset. */
  toShown(offset: number): number;
}

/** A piece of model text as shown, with its offset maps. */
interface Piece {
  shown: string;
  toModel(offset: number): number;
  toShown(offset: number): number;
}

function piece(text: string, dotted: boolean): Piece {
  if (!dotted) return { shown: text, toModel: (i) => Math.min(i, text.length), toShown: (i) => i };
  const bounds = [0];
  for (const s of graphemes.segment(text)) bounds.push(s.index + s.segment.length);
  if (!text) bounds.length = 1;
  return {
    shown: PASSWORD_DOT.repeat(bounds.length - 1),
    toModel: (i) => bounds[Math.max(0, Math.min(i, bounds.length - 1))]!,
    toShown: (i) => {
      let k = 0;
      while (k + 1 < bounds.length && bounds[k + 1]! <= i) k++;
      return k;
    },
  };
}

/**
 * The shown text for a state; `dotted` for a password.
 * @example shownText({ text: 'hello', anchor: 1, focus: 4, preedit: 'ö' }, false).text   // 'höo'
 */
export function shownText(state: EditingState, dotted: boolean): ShownText {
  const start = Math.min(state.anchor, state.focus), end = Math.max(state.anchor, state.focus);
  if (!state.preedit) {
    const whole = piece(state.text, dotted);
    return {
      before: whole.shown, preedit: '', after: '', text: whole.shown,
      caret: whole.toShown(state.focus),
      selection: { start: whole.toShown(start), end: whole.toShown(end) },
      toModel: whole.toModel, toShown: whole.toShown,
    };
  }
  const head = piece(state.text.slice(0, start), dotted);
  const tail = piece(state.text.slice(end), dotted);
  const preedit = state.preedit;
  const tailAt = head.shown.length + preedit.length;
  const caret = tailAt;
  return {
    before: head.shown, preedit, after: tail.shown, text: head.shown + preedit + tail.shown,
    caret, selection: { start: caret, end: caret },
    toModel: (i) => (i <= head.shown.length ? head.toModel(i) : i < tailAt ? start : end + tail.toModel(i - tailAt)),
    toShown: (i) => (i <= start ? head.toShown(i) : i < end ? caret : tailAt + tail.toShown(i - end)),
  };
}

/** How many characters a password holds, as a screen reader may say it. */
export function dotsFor(text: string): string {
  return PASSWORD_DOT.repeat(graphemeCount(text));
}
