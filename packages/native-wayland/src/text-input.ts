/**
 * The system's input method (an on-screen keyboard, a CJK engine) typing into the app through
 * zwp_text_input_v3, as `display.textInput`:
 *
 *   1. The toolkit calls `enable(state)` when a text field gains focus, `update(state)` when its
 *      text, cursor or caret rectangle change, and `disable()` when it loses focus. Requests
 *      count only while the seat's text-input focus is on the window (between `enter` and
 *      `leave`), so the state is kept, and sent with enable on each `enter`.
 *   2. Each state goes out as set_surrounding_text (a window of at most 4000 bytes, offsets in
 *      bytes: surrounding.ts), set_content_type, set_cursor_rectangle (surface units), commit.
 *   3. The input method's preedit_string, commit_string and delete_surrounding_text arrive
 *      together at `done`, applied in the protocol's order as input events:
 *        a composition shown and now replaced or gone → composition end (data: the commit, or '')
 *        delete_surrounding_text                       → deletesurrounding (UTF-16 units)
 *        commit_string                                  → text
 *        a preedit                                      → composition start (once), update
 *   4. A `done` whose serial is not the number of commits sent answers an older state: it is
 *      applied all the same, but states from the toolkit wait (the last one is kept) until a
 *      `done` with the current serial, as the protocol asks.
 *   5. `leave` and `disable()` end a composition shown.
 */
import type { TextInputEvent, TextInputRequest } from './native.js';
import { deletedUnits, surroundingWindow } from './surrounding.js';
import type { WaylandInputEvent } from './input.js';
import type { TextInputState } from '@planar/toolkit/backend';

/** What a focused text field tells the input method: the contract's (UTF-16 cursor and anchor, the caret in output px). */
export type { TextInputState };

/** A display's text input: the toolkit's side of the system input method. */
export interface TextInputControl {
  enable(state: TextInputState): void;
  update(state: TextInputState): void;
  disable(): void;
}

/** zwp_text_input_v3.content_hint bits. */
export const TEXT_INPUT_HINT = {
  none: 0x0, completion: 0x1, spellcheck: 0x2, autoCapitalization: 0x4, lowercase: 0x8, uppercase: 0x10,
  titlecase: 0x20, hiddenText: 0x40, sensitiveData: 0x80, latin: 0x100, multiline: 0x200,
} as const;

/** zwp_text_input_v3.content_purpose values. */
export const TEXT_INPUT_PURPOSE = {
  normal: 0, alpha: 1, digits: 2, number: 3, phone: 4, url: 5, email: 6, name: 7, password: 8, pin: 9,
  date: 10, time: 11, datetime: 12, terminal: 13,
} as const;

/** CLOCK_MONOTONIC in ms, the clock compositors stamp input events with. */
const monotonicMs = (): number => Number(process.hrtime.bigint() / 1_000_000n);

export class WaylandTextInput implements TextInputControl {
  /** The state of the field the toolkit enabled (null: none is), to send on each enter. */
  private wanted: TextInputState | null = null;
  private focused = false;
  private enabled = false;
  private commits = 0;
  private awaitingSerial = false;
  private held: TextInputState | null = null;
  private composing = false;
  /** The surrounding text last sent and the cursor in it (UTF-16), for delete lengths. */
  private sent: { text: string; cursor: number } | null = null;

  /**
   * @param send sends requests and a commit; returns the commits sent so far
   * @param emit the input events of step 3
   * @param scale output pixels per surface unit, now
   */
  constructor(
    private readonly send: (request: TextInputRequest) => number,
    private readonly emit: (event: WaylandInputEvent) => void,
    private readonly scale: () => number,
    private readonly now: () => number = monotonicMs,
  ) {}

  enable(state: TextInputState): void {
    this.wanted = check('enable', state);
    if (this.focused) this.sendState(state, true);
  }

  /** A new state for the enabled field; without one enabled, nothing happens. */
  update(state: TextInputState): void {
    check('update', state);
    if (!this.wanted) return;
    this.wanted = state;
    if (!this.focused) return;
    if (this.awaitingSerial) this.held = state;
    else this.sendState(state, false);
  }

  disable(): void {
    this.wanted = null;
    this.held = null;
    this.endComposition('');
    if (this.focused && this.enabled) this.commits = this.send({ disable: true });
    this.enabled = false;
  }

  /** The connection's text-input events. */
  handle(e: TextInputEvent): void {
    if (e.kind === 'enter') {
      this.focused = true;
      if (this.wanted) this.sendState(this.wanted, true);
    } else if (e.kind === 'leave') {
      this.focused = this.enabled = this.awaitingSerial = false;
      this.held = null;
      this.endComposition('');
    } else {
      this.apply(e);
    }
  }

  private apply(done: Extract<TextInputEvent, { kind: 'done' }>): void {
    const timestamp = this.now();
    if (this.composing && (done.commit !== null || !done.preedit)) this.endComposition(done.commit ?? '', timestamp);
    if (done.deleteBefore || done.deleteAfter) {
      const { before, after } = this.sent
        ? deletedUnits(this.sent.text, this.sent.cursor, done.deleteBefore, done.deleteAfter)
        : { before: done.deleteBefore, after: done.deleteAfter };
      this.emit({ kind: 'deletesurrounding', before, after, timestamp });
    }
    if (done.commit) this.emit({ kind: 'text', text: done.commit, timestamp });
    if (done.preedit) {
      if (!this.composing) this.emit({ kind: 'composition', type: 'start', data: '', timestamp });
      this.composing = true;
      this.emit({ kind: 'composition', type: 'update', data: done.preedit, timestamp });
    }
    this.awaitingSerial = done.serial !== this.commits;
    if (!this.awaitingSerial && this.held) {
      const held = this.held;
      this.held = null;
      this.sendState(held, false);
    }
  }

  private sendState(state: TextInputState, enable: boolean): void {
    const window = surroundingWindow(state.surroundingText, state.cursor, state.anchor);
    this.sent = { text: window.text, cursor: window.cursor };
    const scale = this.scale();
    const r = state.cursorRect;
    const x = Math.floor(r.x / scale), y = Math.floor(r.y / scale);
    this.commits = this.send({
      ...(enable ? { enable: true } : {}),
      surrounding: { text: window.text, cursor: window.cursorBytes, anchor: window.anchorBytes },
      contentType: { hint: state.contentHint, purpose: state.contentPurpose },
      cursorRect: { x, y, width: Math.ceil((r.x + r.width) / scale) - x, height: Math.ceil((r.y + r.height) / scale) - y },
    });
    this.enabled ||= enable;
  }

  private endComposition(data: string, timestamp = this.now()): void {
    if (!this.composing) return;
    this.composing = false;
    this.emit({ kind: 'composition', type: 'end', data, timestamp });
  }
}

/** The state, or an error that says which field is wrong and what it must be. */
function check(call: string, state: TextInputState): TextInputState {
  const where = `textInput.${call}()`;
  if (typeof state?.surroundingText !== 'string') throw new TypeError(`${where}: surroundingText must be a string (the field's text)`);
  const length = state.surroundingText.length;
  for (const field of ['cursor', 'anchor'] as const) {
    const value = state[field];
    if (!Number.isInteger(value) || value < 0 || value > length) {
      throw new RangeError(`${where}: ${field} is ${value}, but must be a whole UTF-16 index from 0 to ${length} (the length of surroundingText)`);
    }
  }
  for (const field of ['contentHint', 'contentPurpose'] as const) {
    if (!Number.isInteger(state[field]) || state[field] < 0) throw new RangeError(`${where}: ${field} must be a zwp_text_input_v3 value (TEXT_INPUT_HINT / TEXT_INPUT_PURPOSE), not ${state[field]}`);
  }
  const r = state.cursorRect;
  if (!r || ![r.x, r.y, r.width, r.height].every(Number.isFinite)) throw new TypeError(`${where}: cursorRect must be { x, y, width, height } in output pixels`);
  return state;
}
