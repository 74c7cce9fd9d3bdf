/**
 * What the keyboard shows and what its keys do, apart from how it looks.
 *
 * 1. Page. The field's input mode picks it: `pin`, `number` and `decimal` get their pads; the
 *    other modes get the current language's letters, or the symbols page after `?123`. A
 *    letters or symbols page gets a bottom row built here: the page switch, the language key
 *    (when more than one layout is allowed), punctuation (`@` for email, `/` for a URL), the
 *    space bar filling what is left, a full stop, and Enter.
 * 2. Shift. One tap shifts the next letter (`once`); two taps within the double-tap time lock
 *    capitals (`locked`) until Shift is tapped again.
 * 3. Keys. A character key types its value (shifted or not) through the keyboard sender, which
 *    reaches the focused field without moving focus; Backspace and Enter are key presses;
 *    the language key moves to the next allowed layout.
 */
import { computed, signal, type EnterKeyHint, type FocusedTextInput, type InputMode, type KeyboardSender, type ReadonlySignal } from '@planar/toolkit';
import { capital, typedBy, validateLayout, type KeyboardLayout, type KeySpec } from './layout-types.js';
import { DECIMAL_PAD, KEYBOARD_LAYOUTS, NUMBER_PAD, PIN_PAD, SYMBOLS } from './layouts.js';

export type ShiftState = 'off' | 'once' | 'locked';

/** A page as shown: its layout, its rows with the bottom row added, and its direction. */
export interface KeyboardPage {
  layout: KeyboardLayout;
  rows: readonly (readonly KeySpec[])[];
  direction: 'ltr' | 'rtl';
}

/** What the Enter key shows for each hint (`enter` shows the return arrow). */
export const ENTER_LABELS: Readonly<Record<EnterKeyHint, string>> = {
  enter: '↵', go: 'Go', next: 'Next', done: 'Done', search: 'Search', send: 'Send',
};

/** The page's own rows with the bottom row the input mode asks for (see 1 above). */
export function composePage(layout: KeyboardLayout, mode: InputMode, languages: number): KeyboardPage {
  const direction = layout.direction ?? 'ltr';
  if (layout.type === 'pad') return { layout, rows: layout.rows, direction };
  const [left, right] = mode === 'email' ? ['@', '.'] : mode === 'url' ? ['/', '.'] : layout.punctuation ?? [',', '.'];
  const widest = Math.max(...layout.rows.map((row) => row.reduce((n, k) => n + (k.width ?? 1), 0)));
  const fixed: KeySpec[] = [
    { kind: layout.type === 'symbols' ? 'abc' : 'symbols', width: 1.5 },
    ...(languages > 1 ? [{ kind: 'language' } as KeySpec] : []),
    { value: left },
  ];
  const after: KeySpec[] = [{ value: right }, { kind: 'enter', width: 1.5 }];
  const used = [...fixed, ...after].reduce((n, k) => n + (k.width ?? 1), 0);
  const bottom = [...fixed, { kind: 'space', width: Math.max(2, widest - used) } as KeySpec, ...after];
  return { layout, rows: [...layout.rows, bottom], direction: layout.type === 'symbols' ? 'ltr' : direction };
}

/** The layouts that `layouts` names, checked: ids of built-in layouts, or layouts of your own. */
export function resolveLayouts(layouts: readonly (string | KeyboardLayout)[]): KeyboardLayout[] {
  if (!Array.isArray(layouts) || layouts.length === 0) {
    throw new Error(`OnScreenKeyboard: layouts must name at least one layout, such as ['en'] (built in: ${Object.keys(KEYBOARD_LAYOUTS).join(', ')})`);
  }
  return layouts.map((l) => {
    if (typeof l !== 'string') {
      validateLayout(l);
      return l;
    }
    const found = KEYBOARD_LAYOUTS[l];
    if (!found) throw new Error(`OnScreenKeyboard: no layout '${l}' — use one of ${Object.keys(KEYBOARD_LAYOUTS).join(', ')}, or pass a layout object`);
    return found;
  });
}

/** The keyboard's state and its keys' actions (see the file's comment). */
export class KeyboardPolicy {
  readonly shift = signal<ShiftState>('off');
  readonly symbols = signal(false);
  readonly language = signal(0);
  readonly page: ReadonlySignal<KeyboardPage | null>;
  private lastShiftTap = -Infinity;
  /** Pages made so far, by layout and input mode: focus moving between like fields keeps the page (and its keys) as they are. */
  private readonly pages = new WeakMap<KeyboardLayout, Map<InputMode, KeyboardPage>>();

  constructor(
    private readonly layouts: readonly KeyboardLayout[],
    readonly focused: ReadonlySignal<FocusedTextInput | null>,
    private readonly sender: KeyboardSender,
    private readonly doubleTapMs: number,
  ) {
    this.page = computed(() => {
      const field = this.focused.value;
      if (!field) return null;
      const mode = field.inputMode;
      if (mode === 'pin') return this.pageOf(PIN_PAD, mode);
      if (mode === 'number') return this.pageOf(NUMBER_PAD, mode);
      if (mode === 'decimal') return this.pageOf(DECIMAL_PAD, mode);
      return this.pageOf(this.symbols.value ? SYMBOLS : this.currentLayout, mode);
    });
  }

  private pageOf(layout: KeyboardLayout, mode: InputMode): KeyboardPage {
    let byMode = this.pages.get(layout);
    if (!byMode) this.pages.set(layout, (byMode = new Map()));
    let page = byMode.get(mode);
    if (!page) byMode.set(mode, (page = composePage(layout, mode, this.layouts.length)));
    return page;
  }

  /** The current letters layout (what the language key cycles). */
  get currentLayout(): KeyboardLayout {
    return this.layouts[this.language.value % this.layouts.length]!;
  }

  /** Whether character keys type capitals now. */
  get shifted(): boolean {
    return this.shift.value !== 'off';
  }

  /** What a key types now ('' for a function key). */
  typed(key: KeySpec): string {
    return (key.kind ?? 'char') === 'char' ? typedBy(key, this.shifted) : '';
  }

  /**
   * A key pressed, with the alternative picked from its long press (if any) and the time of the
   * touch (ms, the event's timestamp; a press without one never makes a double tap).
   */
  press(key: KeySpec, alternative?: string, at = NaN): void {
    switch (key.kind ?? 'char') {
      case 'char': return this.type(alternative === undefined ? this.typed(key) : this.shifted ? capital(alternative) : alternative);
      case 'space': return this.type(' ');
      case 'backspace': return this.sender.key('Backspace');
      case 'enter': return this.sender.key('Enter');
      case 'shift': return this.tapShift(at);
      case 'symbols': this.symbols.value = true; return;
      case 'abc': this.symbols.value = false; return;
      case 'language':
        this.language.value = (this.language.peek() + 1) % this.layouts.length;
        this.symbols.value = false;
        this.shift.value = 'off';
        return;
    }
  }

  /** Back to the letters page, unshifted (the keyboard hid). */
  reset(): void {
    this.symbols.value = false;
    this.shift.value = 'off';
  }

  private type(text: string): void {
    this.sender.text(text);
    if (this.shift.peek() === 'once') this.shift.value = 'off';
  }

  private tapShift(t: number): void {
    const was = this.shift.peek();
    // The second tap of a double tap finds Shift still on from the first.
    const double = was === 'once' && t - this.lastShiftTap <= this.doubleTapMs;
    this.lastShiftTap = t;
    this.shift.value = double ? 'locked' : was === 'off' ? 'once' : 'off';
  }
}
