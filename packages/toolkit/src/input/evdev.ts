/**
 * Keys as the kernel numbers them (evdev codes, what Wayland and libinput deliver) to W3C
 * `code` names, and xkbcommon keysym names to W3C `key` values. Backends use these so that a
 * key event looks the same whichever backend produced it.
 */

const LETTERS = 'qwertyuiop|asdfghjkl|zxcvbnm';

function buildCodes(): Map<number, string> {
  const codes = new Map<number, string>([
    [1, 'Escape'], [14, 'Backspace'], [15, 'Tab'], [28, 'Enter'], [29, 'ControlLeft'], [42, 'ShiftLeft'],
    [54, 'ShiftRight'], [56, 'AltLeft'], [57, 'Space'], [58, 'CapsLock'], [97, 'ControlRight'], [100, 'AltRight'],
    [102, 'Home'], [103, 'ArrowUp'], [104, 'PageUp'], [105, 'ArrowLeft'], [106, 'ArrowRight'], [107, 'End'],
    [108, 'ArrowDown'], [109, 'PageDown'], [110, 'Insert'], [111, 'Delete'], [125, 'MetaLeft'], [126, 'MetaRight'],
    [12, 'Minus'], [13, 'Equal'], [26, 'BracketLeft'], [27, 'BracketRight'], [39, 'Semicolon'], [40, 'Quote'],
    [41, 'Backquote'], [43, 'Backslash'], [51, 'Comma'], [52, 'Period'], [53, 'Slash'], [119, 'Pause'], [99, 'PrintScreen'],
    [96, 'NumpadEnter'], [98, 'NumpadDivide'], [55, 'NumpadMultiply'], [74, 'NumpadSubtract'], [78, 'NumpadAdd'], [83, 'NumpadDecimal'],
  ]);
  // Digit1..Digit9, Digit0 are 2..11.
  for (let i = 0; i < 10; i++) codes.set(2 + i, `Digit${(i + 1) % 10}`);
  // Letter rows start at 16 (q), 30 (a) and 44 (z).
  const [top, middle, bottom] = LETTERS.split('|') as [string, string, string];
  [...top].forEach((c, i) => codes.set(16 + i, `Key${c.toUpperCase()}`));
  [...middle].forEach((c, i) => codes.set(30 + i, `Key${c.toUpperCase()}`));
  [...bottom].forEach((c, i) => codes.set(44 + i, `Key${c.toUpperCase()}`));
  // F1..F10 are 59..68, F11 and F12 87 and 88.
  for (let i = 0; i < 10; i++) codes.set(59 + i, `F${i + 1}`);
  codes.set(87, 'F11');
  codes.set(88, 'F12');
  // Numpad digits.
  const pad: [number, string][] = [[71, '7'], [72, '8'], [73, '9'], [75, '4'], [76, '5'], [77, '6'], [79, '1'], [80, '2'], [81, '3'], [82, '0']];
  for (const [code, digit] of pad) codes.set(code, `Numpad${digit}`);
  return codes;
}

const CODES = buildCodes();

/** The W3C `code` of an evdev key code ('' when it has none here). */
export function codeOfEvdev(code: number): string {
  return CODES.get(code) ?? '';
}

const KEYSYMS: Record<string, string> = {
  Return: 'Enter', KP_Enter: 'Enter', BackSpace: 'Backspace', Tab: 'Tab', ISO_Left_Tab: 'Tab', Escape: 'Escape',
  Delete: 'Delete', KP_Delete: 'Delete', Insert: 'Insert', Home: 'Home', End: 'End', Prior: 'PageUp', Next: 'PageDown',
  Left: 'ArrowLeft', Right: 'ArrowRight', Up: 'ArrowUp', Down: 'ArrowDown',
  Shift_L: 'Shift', Shift_R: 'Shift', Control_L: 'Control', Control_R: 'Control', Alt_L: 'Alt', Alt_R: 'Alt',
  Super_L: 'Meta', Super_R: 'Meta', Meta_L: 'Meta', Meta_R: 'Meta', Caps_Lock: 'CapsLock', ISO_Level3_Shift: 'AltGraph',
  Menu: 'ContextMenu', Pause: 'Pause', Print: 'PrintScreen', space: ' ',
};

/**
 * The W3C `key` of a key press: the text it types when it types one, else the keysym's
 * name mapped to W3C's ("Return" → "Enter"; a dead key "Dead", the compose key "Compose"),
 * else "Unidentified".
 */
export function keyOfKeysym(name: string, text: string): string {
  if (KEYSYMS[name]) return KEYSYMS[name]!;
  if (name.startsWith('dead_')) return 'Dead';
  if (name === 'Multi_key') return 'Compose';
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(name)) return name;
  if (text && !isControlText(text)) return text;
  return 'Unidentified';
}

/** Whether a key's text is a control character (Enter's "\r", Backspace's "\b", …) rather than typed text. */
export function isControlText(text: string): boolean {
  return /^[\u0000-\u001f\u007f]+$/.test(text);
}
