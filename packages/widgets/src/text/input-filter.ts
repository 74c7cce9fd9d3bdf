/**
 * What a field of each input mode accepts. Typed or pasted text passes through the filter of
 * the field's mode before it is inserted, and the characters the mode does not take are left
 * out (a pasted "12 34" in a PIN field inserts "1234"). The filter sees the text around the
 * insertion, so a number keeps at most one leading minus and a decimal one separator.
 *
 * | mode    | keeps                                                   |
 * |---------|---------------------------------------------------------|
 * | text    | everything but control characters                       |
 * | number  | digits 0-9, and a minus at the very start               |
 * | decimal | as number, and one decimal separator ('.' or ',')       |
 * | pin     | digits 0-9                                              |
 * | email   | everything but white space                              |
 * | url     | everything but white space                              |
 *
 * Line breaks stay only in a multi-line field; a single-line field takes each run of them as
 * one space (then dropped where the mode takes no spaces), so a pasted address keeps its words apart.
 */
import type { InputMode } from '@planar/toolkit';

/** The text around an insertion: what stays before it and after it. */
export interface InsertionContext {
  before: string;
  after: string;
  multiline: boolean;
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const SEPARATORS = /[.,]/;

/**
 * The part of `text` a field in `mode` accepts at the place described by `context`.
 * @example filterInsertion('pin', '12 34', { before: '', after: '', multiline: false })   // '1234'
 */
export function filterInsertion(mode: InputMode, text: string, context: InsertionContext): string {
  let out = text.replace(/\r\n?/g, '\n');
  out = context.multiline ? out : out.replace(/\n+/g, ' ');
  out = out.replace(CONTROL, '');
  switch (mode) {
    case 'text': return out;
    case 'email': case 'url': return out.replace(/\s/g, '');
    case 'pin': return out.replace(/[^0-9]/g, '');
    case 'number': case 'decimal': return numeric(out, context, mode === 'decimal');
    default: return out;
  }
}

function numeric(text: string, { before, after }: InsertionContext, decimal: boolean): string {
  let kept = '';
  let separator = SEPARATORS.test(before) || SEPARATORS.test(after);
  for (const ch of text) {
    if (ch >= '0' && ch <= '9') kept += ch;
    else if (ch === '-' && before === '' && kept === '' && !after.startsWith('-')) kept += ch;
    else if (decimal && SEPARATORS.test(ch) && !separator) {
      kept += ch;
      separator = true;
    }
  }
  return kept;
}
