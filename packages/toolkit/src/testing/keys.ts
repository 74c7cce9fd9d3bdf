/** W3C `key` → `code` for the keys tests press, and whether a printable key needs Shift. */
const NAMED: Record<string, string> = {
  Enter: 'Enter', Tab: 'Tab', Escape: 'Escape', Backspace: 'Backspace', Delete: 'Delete', ' ': 'Space',
  ArrowLeft: 'ArrowLeft', ArrowRight: 'ArrowRight', ArrowUp: 'ArrowUp', ArrowDown: 'ArrowDown',
  Home: 'Home', End: 'End', PageUp: 'PageUp', PageDown: 'PageDown', Shift: 'ShiftLeft', Control: 'ControlLeft', Alt: 'AltLeft',
};
const SHIFTED = '~!@#$%^&*()_+{}|:"<>?';
const SHIFTED_BASE: Record<string, string> = {
  '~': 'Backquote', '!': 'Digit1', '@': 'Digit2', '#': 'Digit3', '$': 'Digit4', '%': 'Digit5', '^': 'Digit6', '&': 'Digit7',
  '*': 'Digit8', '(': 'Digit9', ')': 'Digit0', _: 'Minus', '+': 'Equal', '{': 'BracketLeft', '}': 'BracketRight', '|': 'Backslash',
  ':': 'Semicolon', '"': 'Quote', '<': 'Comma', '>': 'Period', '?': 'Slash',
};
const PUNCT: Record<string, string> = {
  '`': 'Backquote', '-': 'Minus', '=': 'Equal', '[': 'BracketLeft', ']': 'BracketRight', '\\': 'Backslash',
  ';': 'Semicolon', "'": 'Quote', ',': 'Comma', '.': 'Period', '/': 'Slash',
};

/** The physical key a W3C key name comes from on a US layout ('' when none does). */
export function codeFor(key: string): { code: string; shift: boolean } {
  if (NAMED[key]) return { code: NAMED[key]!, shift: false };
  if (/^[a-z]$/.test(key)) return { code: `Key${key.toUpperCase()}`, shift: false };
  if (/^[A-Z]$/.test(key)) return { code: `Key${key}`, shift: true };
  if (/^[0-9]$/.test(key)) return { code: `Digit${key}`, shift: false };
  if (/^F([1-9]|1[0-2])$/.test(key)) return { code: key, shift: false };
  if (SHIFTED.includes(key)) return { code: SHIFTED_BASE[key]!, shift: true };
  if (PUNCT[key]) return { code: PUNCT[key]!, shift: false };
  return { code: '', shift: false };
}
